package pack

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"leadboard/data"
)

// The clients summary adds up: the first month's count already has its comings and
// goings, so those since are counted from the month after.
func TestClientFiguresAddUp(t *testing.T) {
	st := demoStore(t)
	for _, period := range []string{"2026-10", "2026-Q3", "2026", "2026-11"} {
		b := &builder{st: st, period: mustPeriod(t, period), lang: "ru", asOf: data.DateOf(fixtureNow)}
		months, err := b.clientMonths(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(months) < 2 {
			t.Fatalf("%s: %d months", period, len(months))
		}
		f := clientFiguresOf("ru", months)
		if f.ServedFirst+f.Started-f.Lost != f.ServedLast {
			t.Errorf("%s: %d + %d won - %d lost != %d", period, f.ServedFirst, f.Started, f.Lost, f.ServedLast)
		}
		if f.Started == 0 && f.Lost == 0 {
			t.Errorf("%s: nobody won or lost on the demo data: the test proves nothing", period)
		}
	}
	one := []data.ClientMonth{{Month: data.Day(2026, 1, 1), Served: 3, Started: 2, Lost: 1}}
	if f := clientFiguresOf("ru", one); f.Started != 2 || f.Lost != 1 {
		t.Errorf("a single month tells its own: %+v", f)
	}
}

// The clients chart ends at the month the headline reports, and a month that runs
// on says on what day its figures are.
func TestClientMonthsEndAtTheReportMonth(t *testing.T) {
	st := demoStore(t) // today is 16 November 2026
	for period, want := range map[string]data.Month{"2026": data.MonthFor(2026, time.October),
		"2026-Q4": data.MonthFor(2026, time.October), "2026-11": data.MonthFor(2026, time.November),
		"2026-10": data.MonthFor(2026, time.October)} {
		b := &builder{st: st, period: mustPeriod(t, period), lang: "ru", asOf: data.DateOf(fixtureNow)}
		months, err := b.clientMonths(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if got := data.MonthOf(months[len(months)-1].Month); got != want || got != b.reportMonth() {
			t.Errorf("%s: clients end at %v, want %v (the report month %v)", period, got, want, b.reportMonth())
		}
	}
	p, err := Build(context.Background(), st, mustPeriod(t, "2026-11"), []string{SectionOverview},
		Options{Lang: "ru"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sectionOf(t, p, SectionOverview).Slides {
		if !strings.Contains(s.Title, "ноябрь 2026, на 16.11.2026") {
			t.Errorf("running month: title %q has no as-of date", s.Title)
		}
	}
}

// A value that rounds to its target is written with the decimals that tell them
// apart.
func TestMissedValueThatRoundsToItsTarget(t *testing.T) {
	figures := headlineFixture()
	sat := figures[5]
	sat.Value = 4.26
	got := missedTargetOf("ru", sat)
	if got.Value != "4,26" || got.Target != "4,3" {
		t.Errorf("4.26 against 4.3: %+v", got)
	}
	sat.Value = 3.8
	if got := missedTargetOf("ru", sat); got.Value != "3,8" {
		t.Errorf("3.8 against 4.3: %+v", got)
	}
}

// No target met is a sentence of its own.
func TestOverviewNoTargetMet(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"ru", "Ни одна из 2 целей не достигнута: NPS (40 при цели 50), отчёты в срок (90,0" + nbsp + "% при цели 95,0" +
			nbsp + "%)."},
		{"en", "Targets met: none of 2; missed: NPS (40 against a target of 50), reports on time (90.0% against a " +
			"target of 95.0%)."},
	} {
		missed := []missedTarget{{"NPS", "40", "50"}, {"Отчёты в срок", "90,0" + nbsp + "%", "95,0" + nbsp + "%"}}
		if c.lang == "en" {
			missed[1] = missedTarget{"Reports on time", "90.0%", "95.0%"}
		}
		f := overviewFigures{When: "in March 2026", Clients: -1, Budget: math.NaN(), Met: 0, Targeted: 2, Missed: missed}
		if got := targetsSentence(c.lang, f); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.lang, got, c.want)
		}
	}
}
