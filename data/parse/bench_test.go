package parse

import (
	"strings"
	"testing"
)

var numberInputs = []string{"1234567.89", "1 234 567,89", "1\u00a0234\u00a0567,89", "1,234,567.89", "-5", "42", "15,5"}

func BenchmarkNumber(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		if _, err := Number(numberInputs[i%len(numberInputs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMoney(b *testing.B) {
	in := []string{"1 250 000,50 ₽", "1250000", "1 250 000 руб."}
	for i := 0; b.Loop(); i++ {
		if _, err := Money(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
	}
}

var dateInputs = []string{"2026-03-31", "31.03.2026", "31.03.26", "46112", "2026-03-31 00:00:00", "31 марта 2026"}

func BenchmarkDate(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		if _, err := Date(dateInputs[i%len(dateInputs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDateTime(b *testing.B) {
	in := []string{"31.03.2026 14:30", "2026-03-31T14:30:00", "46112.604166666664"}
	for i := 0; b.Loop(); i++ {
		if _, err := DateTime(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPeriod(b *testing.B) {
	in := []string{"2026-03", "март 2026", "03.2026", "31.03.2026"}
	for i := 0; b.Loop(); i++ {
		if _, err := Period(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNamesMatch matches against 5,000 people, alternating full names and
// "Фамилия И.О." forms.
func BenchmarkNamesMatch(b *testing.B) {
	ps := people(5000)
	n := NewNames(ps)
	in := make([]string, 0, 2*len(ps))
	for _, p := range ps {
		w := strings.Fields(p.FullName)
		in = append(in, p.FullName, w[0]+" "+firstLetter(w[1])+"."+firstLetter(w[2])+".")
	}
	for i := 0; b.Loop(); i++ {
		if _, err := n.Match(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewNames(b *testing.B) {
	ps := people(5000)
	for b.Loop() {
		NewNames(ps)
	}
}
