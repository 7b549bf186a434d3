package parse

import (
	"errors"
	"fmt"
	"testing"
)

var staff = []Person{
	{1, "Иванов Иван Петрович"},
	{2, "Иванов Илья Сергеевич"},
	{3, "Петрова Алёна Сергеевна"},
	{4, "Сидоров Пётр"},
	{5, "Мамедов Рашид Гасан оглы"},
	{6, "Римский-Корсаков Николай Андреевич"},
	{7, "Кузнецова Мария Ивановна"},
	{8, "Кузнецова Мария Игоревна"},
	{9, "Смирнов Олег Викторович"},
	{10, "Смирнов Олег Викторович"}, // a namesake
	{11, "Орлов Андрей"},
	{12, "Орлов Андрей Юрьевич"},
	{13, ""},
	{14, "Ким Е.В."},
}

func TestNamesMatch(t *testing.T) {
	n := NewNames(staff)
	for _, c := range []struct {
		in   string
		want int64
	}{
		{"Иванов Иван Петрович", 1},
		{"иванов иван петрович", 1},
		{"ИВАНОВ  ИВАН   ПЕТРОВИЧ", 1},
		{" Иванов" + nbsp + "Иван Петрович ", 1},
		{"Иванов Иван", 1},
		{"Иван Иванов", 1},
		{"Иван Петрович Иванов", 1},
		{"Иванов И.П.", 1},
		{"Иванов И. П.", 1},
		{"Иванов И П", 1},
		{"Иванов И.П", 1},
		{"И.П. Иванов", 1},
		{"И. П. Иванов", 1},
		{"И.П.Иванов", 1},
		{"Иванов Иван П.", 1},
		{"Иванов И.Па.", 0}, // see below: not a form
		{"Иванов Илья", 2},
		{"Иванов И.П.", 1},
		{"Иванов И. Па", 0},
		{"Петрова Алена Сергеевна", 3},
		{"Петрова Алёна", 3},
		{"петрова а.с.", 3},
		{"Сидоров Петр", 4},
		{"Петр Сидоров", 4},
		{"Сидоров П.", 4},
		{"П. Сидоров", 4},
		{"Мамедов Рашид Гасан оглы", 5},
		{"Мамедов Р.Г.", 5},
		{"Мамедов Рашид", 5},
		{"Римский-Корсаков Николай Андреевич", 6},
		{"Римский‑Корсаков Н.А.", 6},
		{"Кузнецова Мария Ивановна", 7},
		{"Кузнецова М.Иг.", 0},
		{"Орлов Андрей", 11}, // an exact full name wins over another's short form
		{"Орлов Андрей Юрьевич", 12},
		{"Орлов А.Ю.", 12},
		{"Ким Е.В.", 14},
		{"Ким Е. В.", 14},
		{"Е.В. Ким", 14},
	} {
		got, err := n.Match(c.in)
		if c.want == 0 {
			if err == nil {
				t.Errorf("Match(%q) = %v, want an error", c.in, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("Match(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

func TestNamesUnknown(t *testing.T) {
	n := NewNames(staff)
	for _, in := range []string{"Петров Иван", "Иванов", "Иван", "Иванов А.", "Иванов И.К.", "Иванов Иван Павлович", "...", "И.П.", "Иванов И.П. Петров", "Ivanov Ivan"} {
		got, err := n.Match(in)
		if err == nil {
			t.Errorf("Match(%q) = %v, want an error", in, got)
			continue
		}
		wantCode(t, in, err, CodeUnknownPerson)
	}
	if _, err := (Names{}).Match("Иванов Иван"); err == nil {
		t.Error("the zero Names matched")
	}
}

func TestNamesAmbiguous(t *testing.T) {
	n := NewNames(staff)
	for _, c := range []struct{ in, who string }{
		{"Иванов И.", "Иванов Иван Петрович, Иванов Илья Сергеевич"},
		{"И. Иванов", "Иванов Иван Петрович, Иванов Илья Сергеевич"},
		{"Кузнецова М.И.", "Кузнецова Мария Ивановна, Кузнецова Мария Игоревна"},
		{"Кузнецова Мария", "Кузнецова Мария Ивановна, Кузнецова Мария Игоревна"},
		{"Мария Кузнецова", "Кузнецова Мария Ивановна, Кузнецова Мария Игоревна"},
		{"Смирнов Олег Викторович", "Смирнов Олег Викторович (10), Смирнов Олег Викторович (9)"},
		{"Смирнов О.В.", "Смирнов Олег Викторович (10), Смирнов Олег Викторович (9)"},
		{"Орлов А.", "Орлов Андрей, Орлов Андрей Юрьевич"},
	} {
		got, err := n.Match(c.in)
		var pe *Error
		if !errors.As(err, &pe) || pe.Code != CodeAmbiguousPerson || pe.Value != c.who {
			t.Errorf("Match(%q) = %v, %v; want ambiguous %q", c.in, got, err, c.who)
		}
	}
	// Same initials.
	ip := NewNames([]Person{{1, "Иванов Иван Петрович"}, {2, "Иванов Илья Павлович"}})
	for _, in := range []string{"Иванов И.П.", "И.П. Иванов", "Иванов И. П.", "Иванов И."} {
		_, err := ip.Match(in)
		var pe *Error
		if !errors.As(err, &pe) || pe.Code != CodeAmbiguousPerson || pe.Value != "Иванов Иван Петрович, Иванов Илья Павлович" {
			t.Errorf("Match(%q): %v", in, err)
		}
	}
	if got, err := ip.Match("Иванов Илья"); err != nil || got != 2 {
		t.Errorf("Match = %v, %v", got, err)
	}
	// The same id listed twice is one person.
	dup := NewNames([]Person{{7, "Иванов Иван"}, {7, "Иванов  Иван"}})
	if got, err := dup.Match("Иванов И."); err != nil || got != 7 {
		t.Errorf("Match = %v, %v", got, err)
	}
}

// people builds n distinct synthetic people.
func people(n int) []Person {
	surnames := []string{"Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков"}
	firsts := []string{"Иван", "Пётр", "Сергей", "Андрей", "Борис", "Дмитрий", "Олег", "Максим", "Егор", "Юрий"}
	pats := []string{"Иванович", "Петрович", "Сергеевич", "Андреевич", "Олегович"}
	out := make([]Person, n)
	for i := range out {
		s := surnames[i%len(surnames)] + fmt.Sprint(i/len(surnames)/len(firsts))
		out[i] = Person{ID: int64(i + 1), FullName: s + " " + firsts[(i/len(surnames))%len(firsts)] + " " + pats[i%len(pats)]}
	}
	return out
}

func TestNamesMany(t *testing.T) {
	ps := people(5000)
	n := NewNames(ps)
	for _, p := range ps {
		if got, err := n.Match(p.FullName); err != nil || got != p.ID {
			t.Fatalf("Match(%q) = %v, %v; want %v", p.FullName, got, err, p.ID)
		}
	}
}
