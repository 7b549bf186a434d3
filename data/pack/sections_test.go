package pack

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/kpi"
)

// The summaries of the overview, workload and KPI sections against fixture figures.
// Numbers keep their non-breaking spaces ("128 млн ₽"): nbsp is one.

const nbsp = "\u00a0"

// headlineFixture is a month of the six headline KPIs: three targets met (one of
// them lower-is-better), two missed, the budget without a target.
func headlineFixture() []kpi.Figure {
	oct := data.MonthFor(2026, time.October)
	k := func(code, ru, en, unit, direction string) data.KPI {
		return data.KPI{Code: code, NameRU: ru, NameEN: en, Unit: unit, Direction: direction}
	}
	return []kpi.Figure{
		{KPI: k("retention", "Удержание клиентов", "Client retention", data.UnitPercent, data.HigherIsBetter),
			Month: oct, Value: 96.5, Previous: 95.1, Target: 95},
		{KPI: k("budget", "Бюджет под управлением", "Budget under management", data.UnitRoubles, data.HigherIsBetter),
			Month: oct, Value: 128_345_000, Previous: 127_000_000, Target: math.NaN()},
		{KPI: k("complaints_per10", "Жалобы на 10 клиентов", "Complaints per 10 clients", data.UnitCount, data.LowerIsBetter),
			Month: oct, Value: 2, Previous: 3, Target: 3},
		{KPI: k("response_median", "Время первого ответа, медиана", "First response, median", data.UnitHours,
			data.LowerIsBetter), Month: oct, Value: 5.2, Previous: 4.1, Target: 4},
		{KPI: k("reports_on_time", "Отчёты в срок", "Reports on time", data.UnitPercent, data.HigherIsBetter),
			Month: oct, Value: 97, Previous: 96, Target: 95},
		{KPI: k("satisfaction", "Удовлетворённость клиентов", "Client satisfaction", data.UnitScore, data.HigherIsBetter),
			Month: oct, Value: 3.8, Previous: 4.0, Target: 4.3},
	}
}

func TestOverviewSummary(t *testing.T) {
	oct := data.MonthFor(2026, time.October)
	for _, c := range []struct {
		lang string
		want string
	}{
		{"ru", "В октябре 2026 в работе 56 клиентов с месячным бюджетом 128" + nbsp + "млн" + nbsp + "₽. " +
			"Цели достигнуты по 3 показателям из 5; не достигнуты: время первого ответа, медиана (5,2" + nbsp +
			"ч при цели 4" + nbsp + "ч), удовлетворённость клиентов (3,8 при цели 4,3)."},
		{"en", "In October 2026 the department served 56 clients with a monthly budget of 128M" + nbsp + "RUB. " +
			"Targets met on 3 KPIs of 5; missed: first response, median (5.2" + nbsp + "h against a target of 4" + nbsp +
			"h), client satisfaction (3.8 against a target of 4.3)."},
	} {
		got := overviewSummary(c.lang, overviewFiguresOf(c.lang, oct, headlineFixture(), 56))
		if got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.lang, got, c.want)
		}
	}
}

func TestOverviewSummaryCountsAndEdges(t *testing.T) {
	for _, c := range []struct {
		lang string
		f    overviewFigures
		want string
	}{
		{"ru", overviewFigures{When: "в марте 2026", Clients: 21, Budget: 999_600, Met: 1, Targeted: 2,
			Missed: []missedTarget{{"Отчёты в срок", "90,0" + nbsp + "%", "95,0" + nbsp + "%"}}},
			"В марте 2026 в работе 21 клиент с месячным бюджетом 1" + nbsp + "млн" + nbsp + "₽. Цели достигнуты по 1 " +
				"показателю из 2; не достигнуты: отчёты в срок (90,0" + nbsp + "% при цели 95,0" + nbsp + "%)."},
		{"ru", overviewFigures{When: "в марте 2026", Clients: 3, Budget: math.NaN(), Met: 4, Targeted: 4},
			"В марте 2026 в работе 3 клиента. Все цели достигнуты (4 из 4)."},
		{"ru", overviewFigures{When: "в марте 2026", Clients: -1, Budget: 5e6, Met: 0, Targeted: 0},
			"В марте 2026 бюджет под управлением — 5" + nbsp + "млн" + nbsp + "₽. Цели по показателям отдела не заданы."},
		{"en", overviewFigures{When: "in March 2026", Clients: 1, Budget: math.NaN(), Met: 1, Targeted: 2,
			Missed: []missedTarget{{"NPS", "40", "50"}}},
			"In March 2026 the department served 1 client. Targets met on 1 KPI of 2; missed: NPS (40 against a target of 50)."},
	} {
		if got := overviewSummary(c.lang, c.f); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.lang, got, c.want)
		}
	}
}

func TestHeadlineTableListsEveryFigure(t *testing.T) {
	tab := headlineTable("ru", "Показатели отдела", headlineFixture())
	var rows [][]any
	if err := tab.Rows(func(r []any) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || len(tab.Columns) != 6 {
		t.Fatalf("%d rows of %d columns, want 6 of 6", len(rows), len(tab.Columns))
	}
	// Budget: whole roubles, no target, no attainment; its change on the month before.
	if b := rows[1]; b[0] != "Бюджет под управлением" || b[2] != 128_345_000.0 || b[3] != nil || b[4] != nil ||
		b[5] != 1_345_000.0 {
		t.Errorf("budget row %v", b)
	}
	// Complaints: lower is better, 2 against 3 is 150 % of the target, 1 fewer than before.
	if c := rows[2]; c[2] != 2.0 || c[3] != 3.0 || c[4] != 150.0 || c[5] != -1.0 {
		t.Errorf("complaints row %v", c)
	}
}

func TestClientsSummary(t *testing.T) {
	f := clientFigures{Months: 12, ServedFirst: 50, ServedLast: 56, Started: 15, Lost: 9}
	for _, c := range []struct {
		lang                string
		first, last, served int
		want                string
	}{
		{"ru", 50, 56, 0, "В октябре 2026 в работе 56 клиентов, в ноябре 2025 — 50 клиентов. " +
			"С тех пор пришло клиентов: 15, ушло: 9."},
		{"ru", 22, 21, 0, "В октябре 2026 в работе 21 клиент, в ноябре 2025 — 22 клиента. " +
			"С тех пор пришло клиентов: 15, ушло: 9."},
		{"en", 50, 56, 0, "In October 2026 the department served 56 clients; in November 2025, 50 clients. " +
			"Since then, clients won: 15, lost: 9."},
	} {
		f.First, f.Last = inMonth(c.lang, data.MonthFor(2025, time.November)), inMonth(c.lang, data.MonthFor(2026, time.October))
		f.ServedFirst, f.ServedLast = c.first, c.last
		if got := clientsSummary(c.lang, f); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.lang, got, c.want)
		}
	}
	one := clientFigures{Months: 1, Last: inMonth("ru", data.MonthFor(2026, time.October)), ServedLast: 1, Started: 1}
	if got, want := clientsSummary("ru", one), "В октябре 2026 в работе 1 клиент. За месяц пришло клиентов: 1, ушло: 0."; got != want {
		t.Errorf("one month:\n got %q\nwant %q", got, want)
	}
}

func TestWorkloadSummaries(t *testing.T) {
	for _, c := range []struct {
		name, lang string
		got, want  string
	}{
		{"loads", "ru", loadSummary("ru", loadFigures{Limit: 100, Managers: 14, Over: 3, Utilization: 92.4, Highest: 128.3,
			Fullest: "Иванов Иван"}),
			"Загрузка выше 100" + nbsp + "% у 3 из 14 менеджеров. В целом по отделу загрузка — 92" + nbsp +
				"% ёмкости; самая высокая — 128" + nbsp + "% (Иванов Иван)."},
		{"loads", "en", loadSummary("en", loadFigures{Limit: 100, Managers: 14, Over: 3, Utilization: 92.4, Highest: 128.3,
			Fullest: "Ivan Ivanov"}),
			"Utilization is above 100% for 3 of 14 managers. The department as a whole uses 92% of its capacity; " +
				"the fullest manager is at 128% (Ivan Ivanov)."},
		{"nobody over, one manager", "ru", loadSummary("ru", loadFigures{Limit: 110, Managers: 21, Over: 0, Utilization: 80,
			Highest: 99.6, Fullest: "Петрова Анна"}),
			"Ни у кого из 21 менеджера загрузка не выше 110" + nbsp + "%. В целом по отделу загрузка — 80" + nbsp +
				"% ёмкости; самая высокая — 100" + nbsp + "% (Петрова Анна)."},
		{"the brief's plan", "ru", planSummary("ru", planFigures{Limit: 100, Managers: 14, Over: 3, OverAfter: 0, Moves: 4,
			HighestBefore: 128, HighestAfter: 97}),
			"Загрузка выше 100" + nbsp + "% у 3 из 14 менеджеров; после предложенного перераспределения — ни у кого, " +
				"4 переноса. Самая высокая загрузка составит 97" + nbsp + "% вместо 128" + nbsp + "%."},
		{"the brief's plan", "en", planSummary("en", planFigures{Limit: 100, Managers: 14, Over: 3, OverAfter: 0, Moves: 4,
			HighestBefore: 128, HighestAfter: 97}),
			"Utilization is above 100% for 3 of 14 managers; after the proposed redistribution, for none, with 4 moves. " +
				"The highest utilization would be 97% instead of 128%."},
		{"one left over, one move", "ru", planSummary("ru", planFigures{Limit: 100, Managers: 2, Over: 2, OverAfter: 1,
			Moves: 1, HighestBefore: 130, HighestAfter: 105}),
			"Загрузка выше 100" + nbsp + "% у 2 из 2 менеджеров; после предложенного перераспределения — у 1, 1 перенос. " +
				"Самая высокая загрузка составит 105" + nbsp + "% вместо 130" + nbsp + "%."},
		{"many moves", "ru", planSummary("ru", planFigures{Limit: 100, Managers: 11, Over: 5, OverAfter: 2, Moves: 11,
			HighestBefore: 130, HighestAfter: 104}),
			"Загрузка выше 100" + nbsp + "% у 5 из 11 менеджеров; после предложенного перераспределения — у 2, 11 переносов. " +
				"Самая высокая загрузка составит 104" + nbsp + "% вместо 130" + nbsp + "%."},
		{"no moves", "en", planSummary("en", planFigures{Limit: 100, Managers: 1, Over: 1, Moves: 0, HighestBefore: 120,
			HighestAfter: 120}),
			"Utilization is above 100% for 1 of 1 manager. The plan has no moves yet."},
	} {
		if c.got != c.want {
			t.Errorf("%s (%s):\n got %q\nwant %q", c.name, c.lang, c.got, c.want)
		}
	}
}

func TestTrendSummary(t *testing.T) {
	retention := trendFigures{KPI: "Удержание клиентов", Unit: data.UnitPercent, When: inMonth("ru", data.MonthFor(2026, 10)),
		Before: inMonth("ru", data.MonthFor(2026, 9)), Value: 94.2, Previous: 92.9, Target: 95,
		Attainment: kpi.Attainment(94.2, 95, false)}
	response := trendFigures{KPI: "First response, median", Unit: data.UnitHours,
		When: inQuarter("en", 2026, 3), Before: inQuarter("en", 2026, 2), Value: 3.3, Previous: 3.6, Target: 4,
		Attainment: kpi.Attainment(3.3, 4, true)}
	budget := trendFigures{KPI: "Бюджет под управлением", Unit: data.UnitRoubles, When: inQuarter("ru", 2026, 3),
		Before: inQuarter("ru", 2026, 2), Value: 83_387_000, Previous: 84_003_000, Target: math.NaN(),
		Attainment: math.NaN()}
	first := trendFigures{KPI: "Client satisfaction", Unit: data.UnitScore, When: inMonth("en", data.MonthFor(2026, 1)),
		Value: 4.33, Previous: math.NaN(), Target: 4.3, Attainment: kpi.Attainment(4.33, 4.3, false)}
	same := retention
	same.Previous = 94.22
	for _, c := range []struct {
		name, got, want string
	}{
		{"retention, ru", trendSummary("ru", retention),
			"В октябре 2026 показатель «Удержание клиентов» — 94,2" + nbsp + "%. Это на 1,3" + nbsp + "п. п. больше, чем " +
				"в сентябре 2026. Цель 95,0" + nbsp + "% не достигнута: выполнено 99" + nbsp + "%."},
		{"retention, en", trendSummary("en", trendFigures{KPI: "Client retention", Unit: data.UnitPercent,
			When: inMonth("en", data.MonthFor(2026, 10)), Before: inMonth("en", data.MonthFor(2026, 9)), Value: 94.2,
			Previous: 92.9, Target: 95, Attainment: kpi.Attainment(94.2, 95, false)}),
			"In October 2026 “Client retention” was 94.2%. That is 1.3" + nbsp + "pp more than in September 2026. " +
				"The target of 95.0% is missed: 99% of it is reached."},
		{"lower is better, quarters", trendSummary("en", response),
			"In Q3 2026 “First response, median” was 3.3" + nbsp + "h. That is 0.3" + nbsp + "h less than in Q2 2026. " +
				"The target of 4" + nbsp + "h is met."},
		{"roubles, no target", trendSummary("ru", budget),
			"В III кв. 2026 показатель «Бюджет под управлением» — 83,4" + nbsp + "млн" + nbsp + "₽. Это на 616" + nbsp +
				"тыс." + nbsp + "₽ меньше, чем во II кв. 2026. Цель на этот период не задана."},
		{"first period", trendSummary("en", first),
			"In January 2026 “Client satisfaction” was 4.3. The target of 4.3 is met."},
		{"no change", trendSummary("ru", same),
			"В октябре 2026 показатель «Удержание клиентов» — 94,2" + nbsp + "%. Столько же, сколько в сентябре 2026. " +
				"Цель 95,0" + nbsp + "% не достигнута: выполнено 99" + nbsp + "%."},
	} {
		if c.got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, c.got, c.want)
		}
	}
}

func TestReportMonthAndTrendRange(t *testing.T) {
	st := emptyStore(t) // today is 16 November 2026
	m := func(y int, mo time.Month) data.Month { return data.MonthFor(y, mo) }
	for _, c := range []struct {
		period           string
		report, from, to data.Month
		quarterly        bool
	}{
		{"2026-10", m(2026, 10), m(2025, 11), m(2026, 10), false},
		{"2026-11", m(2026, 11), m(2025, 12), m(2026, 11), false}, // this month: its own figures so far
		{"2026-Q3", m(2026, 9), m(2025, 10), m(2026, 9), true},
		{"2026-Q4", m(2026, 10), m(2026, 1), m(2026, 10), true}, // running: up to the last full month
		{"2025", m(2025, 12), m(2025, 1), m(2025, 12), false},
		{"2026", m(2026, 10), m(2026, 1), m(2026, 10), false},
	} {
		b := &builder{st: st, period: mustPeriod(t, c.period), lang: "ru"}
		report := b.reportMonth()
		q := b.trendQuery("retention", report)
		if report != c.report || q.From != c.from || q.To != c.to || (q.Granularity == kpi.Quarterly) != c.quarterly {
			t.Errorf("%s: report %v, trend %v..%v %s; want %v, %v..%v quarterly %v", c.period, report, q.From, q.To,
				q.Granularity, c.report, c.from, c.to, c.quarterly)
		}
	}
}

func TestCountedFormsInRussian(t *testing.T) {
	for n, want := range map[int]string{1: "1 перенос", 2: "2 переноса", 4: "4 переноса", 5: "5 переносов",
		11: "11 переносов", 12: "12 переносов", 21: "21 перенос", 22: "22 переноса", 25: "25 переносов", 111: "111 переносов"} {
		if got := countedIn("ru", "pack.workload.moves", n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
	if got := overClause("ru", 100, 1, 21); !strings.HasSuffix(got, "из 21 менеджера") {
		t.Errorf("21 managers: %q", got)
	}
	if got := overClause("ru", 100, 1, 11); !strings.HasSuffix(got, "из 11 менеджеров") {
		t.Errorf("11 managers: %q", got)
	}
}

func TestLatestDraftIsTheNewestUnappliedPlan(t *testing.T) {
	st := emptyStore(t)
	if _, found, err := latestDraft(context.Background(), st); err != nil || found {
		t.Fatalf("no plans: found %v, %v", found, err)
	}
	for _, name := range []string{"Весна", "Осень"} {
		if _, err := st.SavePlan(context.Background(), data.Plan{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	p, found, err := latestDraft(context.Background(), st)
	if err != nil || !found || p.Name != "Осень" {
		t.Fatalf("latest draft %q, %v, %v; want Осень", p.Name, found, err)
	}
}
