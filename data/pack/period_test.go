package pack

import (
	"testing"
	"time"

	"leadboard/data"
)

func TestParsePeriodReadsMonthQuarterAndYear(t *testing.T) {
	for _, c := range []struct {
		in       string
		kind     PeriodKind
		from, to data.Month
		text     string
		ru, en   string
	}{
		{"2026-10", Month, data.MonthFor(2026, time.October), data.MonthFor(2026, time.October), "2026-10",
			"октябрь 2026", "October 2026"},
		{"2026-01", Month, data.MonthFor(2026, time.January), data.MonthFor(2026, time.January), "2026-01",
			"январь 2026", "January 2026"},
		{"2026-Q3", Quarter, data.MonthFor(2026, time.July), data.MonthFor(2026, time.September), "2026-Q3",
			"III кв. 2026", "Q3 2026"},
		{" 2026-q1 ", Quarter, data.MonthFor(2026, time.January), data.MonthFor(2026, time.March), "2026-Q1",
			"I кв. 2026", "Q1 2026"},
		{"2026-Q4", Quarter, data.MonthFor(2026, time.October), data.MonthFor(2026, time.December), "2026-Q4",
			"IV кв. 2026", "Q4 2026"},
		{"2026", Year, data.MonthFor(2026, time.January), data.MonthFor(2026, time.December), "2026",
			"2026 год", "2026"},
	} {
		p, err := ParsePeriod(c.in)
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", c.in, err)
			continue
		}
		if p.Kind != c.kind || p.From != c.from || p.To != c.to {
			t.Errorf("ParsePeriod(%q) = %v %v..%v, want %v %v..%v", c.in, p.Kind, p.From, p.To, c.kind, c.from, c.to)
		}
		if got := p.String(); got != c.text {
			t.Errorf("ParsePeriod(%q).String() = %q, want %q", c.in, got, c.text)
		}
		if got := p.Label("ru"); got != c.ru {
			t.Errorf("ParsePeriod(%q).Label(ru) = %q, want %q", c.in, got, c.ru)
		}
		if got := p.Label("en"); got != c.en {
			t.Errorf("ParsePeriod(%q).Label(en) = %q, want %q", c.in, got, c.en)
		}
	}
}

func TestParsePeriodRefusesWhatIsNotAPeriod(t *testing.T) {
	for _, in := range []string{"", "2026-13", "2026-00", "2026-1", "2026-10-01", "2026-Q0", "2026-Q5", "2026-Q",
		"2026-Q12", "2026-H1", "26-10", "10-2026", "1899", "abcd", "-10", "2026/10", "20260", "2026-", "2026-+1"} {
		if p, err := ParsePeriod(in); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", in, p)
		}
	}
}

func TestPeriodStringParsesBack(t *testing.T) {
	for _, p := range []Period{MonthPeriod(data.MonthFor(2025, time.December)), QuarterPeriod(2025, 2), YearPeriod(2024)} {
		back, err := ParsePeriod(p.String())
		if err != nil || back != p {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", p.String(), back, err, p)
		}
	}
}
