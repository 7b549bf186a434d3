package health

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/table"
)

// Each reason in both languages, with its figures written the language's way.
func TestReasonTexts(t *testing.T) {
	oct := data.MonthFor(2025, time.October)
	cases := []struct {
		r      Reason
		ru, en string
	}{
		{Reason{Code: ReasonReportMissing, Month: oct}, "нет отчёта за октябрь", "no report for October"},
		{Reason{Code: ReasonComplaints, Count: 3}, "3 жалобы за 90 дней", "3 complaints in 90 days"},
		{Reason{Code: ReasonComplaints, Count: 5}, "5 жалоб за 90 дней", "5 complaints in 90 days"},
		{Reason{Code: ReasonComplaints, Escalations: 2}, "2 эскалации за 90 дней", "2 escalations in 90 days"},
		{Reason{Code: ReasonComplaints, Count: 1, Escalations: 1}, "1 жалоба и 1 эскалация за 90 дней",
			"1 complaint and 1 escalation in 90 days"},
		{Reason{Code: ReasonContractEnds, Day: data.Day(2025, 12, 15)}, "договор заканчивается 15.12",
			"contract ends Dec 15"},
		{Reason{Code: ReasonNoBackup}, "нет замещающего", "no backup"},
		{Reason{Code: ReasonLeadOnLeave}, "ведущий в отпуске", "lead on leave"},
		{Reason{Code: ReasonLeadOverloaded, Value: 115.4}, "ведущий перегружен (115\u00a0%)", "lead overloaded (115%)"},
		{Reason{Code: ReasonSatisfactionFell, Before: 4.5, Value: 3.2}, "удовлетворённость упала с 4,5 до 3,2",
			"satisfaction fell from 4.5 to 3.2"},
		{Reason{Code: ReasonSatisfactionLow, Value: 2.25}, "удовлетворённость 2,3 из 5", "satisfaction 2.3 out of 5"},
		{Reason{Code: ReasonBudget, Value: -30}, "бюджет −30\u00a0% за 3 месяца", "budget −30% in 3 months"},
		{Reason{Code: ReasonKPI, Value: 72.3}, "KPI выполнены на 72\u00a0%", "KPI 72% attained"},
		{Reason{Code: ReasonSLA, Value: 60}, "ответы в срок: 60\u00a0%", "responses within SLA: 60%"},
		{Reason{Code: ReasonReportsLate, Value: 33.3}, "отчёты в срок: 33\u00a0%", "reports on time: 33%"},
		{Reason{Code: ReasonNoContract}, "нет действующего договора", "no contract in force"},
		{Reason{Code: ReasonNoLead}, "нет ведущего менеджера", "no lead manager"},
	}
	for _, c := range cases {
		if got := c.r.Text("ru"); got != c.ru {
			t.Errorf("%s ru: %q, want %q", c.r.Code, got, c.ru)
		}
		if got := c.r.Text("en"); got != c.en {
			t.Errorf("%s en: %q, want %q", c.r.Code, got, c.en)
		}
	}
	h := ClientHealth{Reasons: []Reason{cases[0].r, cases[1].r, cases[5].r}}
	if got := h.ReasonText("ru"); got != "нет отчёта за октябрь; 3 жалобы за 90 дней; договор заканчивается 15.12" {
		t.Errorf("joined: %q", got)
	}
}

func rowsOf(t *testing.T, tb table.Table) [][]any {
	t.Helper()
	rows, err := tb.Collect()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// The risk list: red and amber only, worst first, with the reasons.
func TestRiskTable(t *testing.T) {
	f := newFixture(t)
	hs, err := Scores(f.ctx, f.s, DefaultSettings(), today)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rowsOf(t, RiskTable(hs, 0, "ru")) {
		names = append(names, r[0].(string))
	}
	if want := []string{"Бета", "Дельта", "Гамма"}; !slices.Equal(names, want) {
		t.Errorf("risk list %v, want %v (11 red, 30 red by override, 58 amber)", names, want)
	}
	rows := rowsOf(t, RiskTable(hs, 2, "en"))
	if len(rows) != 2 || rows[0][2] != 11.0 || rows[0][3] != "Red" || !strings.HasPrefix(rows[0][4].(string), "satisfaction fell") {
		t.Errorf("the two worst: %v", rows)
	}
}

// The scores table: one row per client, a column per measure, empty cells for
// measures not judged, the override's note and expiry.
func TestScoresTable(t *testing.T) {
	f := newFixture(t)
	hs, err := Scores(f.ctx, f.s, DefaultSettings(), today)
	if err != nil {
		t.Fatal(err)
	}
	tb := ScoresTable(hs, "ru")
	if tb.Columns[5].Key != "measure_kpi" || tb.Columns[5].TitleRU != "Выполнение KPI" || tb.Columns[5].TitleEN != "KPI attainment" {
		t.Errorf("measure column: %+v", tb.Columns[5])
	}
	rows := rowsOf(t, tb)
	if len(rows) != len(hs) {
		t.Fatalf("%d rows for %d clients", len(rows), len(hs))
	}
	for _, r := range rows {
		if r[0] != "Дельта" {
			continue
		}
		if r[2] != 30.0 || r[3] != 100.0 || r[4] != "Красная зона" || r[5] != nil || r[7] != 100.0 ||
			r[14] != "Смена руководства у клиента" || !r[15].(time.Time).Equal(data.Day(2026, 3, 31)) {
			t.Errorf("Дельта's row: %v", r)
		}
	}
}

// Ten 10-point bins, each stacked by band; the last bin holds 90-100.
func TestDistributionChart(t *testing.T) {
	st := DefaultSettings()
	hs := []ClientHealth{{Score: 0}, {Score: 9}, {Score: 49}, {Score: 50}, {Score: 69}, {Score: 70}, {Score: 90},
		{Score: 100}, {Score: na}}
	for i := range hs {
		hs[i].Band = st.Band(hs[i].Score)
	}
	c := DistributionChart(hs, st, "ru", charts.Print)
	if len(c.Categories) != 10 || c.Categories[0] != "0–9" || c.Categories[9] != "90–100" {
		t.Fatalf("categories %v", c.Categories)
	}
	want := [][]float64{{2, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1},
		{0, 0, 0}, {0, 0, 2}}
	for i := range want {
		if !slices.Equal(c.Values[i], want[i]) {
			t.Errorf("bin %s: %v, want %v", c.Categories[i], c.Values[i], want[i])
		}
	}
	if c.Segments[0] != "Красная зона" || c.Style.Palette[0] != charts.OkabeIto[5] || c.Style.Palette[2] != charts.OkabeIto[2] {
		t.Errorf("segments %v coloured %v", c.Segments, c.Style.Palette)
	}
	if empty := DistributionChart(nil, st, "en", charts.Print); len(empty.Categories) != 0 || empty.Empty == "" {
		t.Errorf("no scores: %+v", empty)
	}
}

// One line per client by name, and the two thresholds as dashed lines in their
// band's colours.
func TestTrendChartAndHistoryTable(t *testing.T) {
	dec := data.MonthFor(2025, time.December)
	history := map[int64][]MonthScore{
		2: {{dec, 80, 80, BandGreen, false}, {dec + 1, 40, 40, BandRed, false}},
		1: {{dec, na, na, BandNone, false}, {Month: dec + 1, Computed: 90, Score: 60, Band: BandAmber, Overridden: true}},
	}
	names := map[int64]string{1: "Альфа", 2: "Бета"}
	c := TrendChart(history, names, DefaultSettings(), "ru", charts.Print)
	if len(c.XLabels) != 2 || c.XLabels[0] != "дек 2025" || len(c.Series) != 4 {
		t.Fatalf("labels %v, %d series", c.XLabels, len(c.Series))
	}
	if c.Series[0].Name != "Альфа" || !math.IsNaN(c.Series[0].Values[0]) || c.Series[0].Values[1] != 60 ||
		c.Series[1].Name != "Бета" {
		t.Errorf("client lines: %+v", c.Series[:2])
	}
	red, amber := c.Series[2], c.Series[3]
	if red.Kind != charts.Target || red.Values[1] != 50 || c.Style.Palette[red.Color] != charts.OkabeIto[5] ||
		amber.Values[0] != 70 || c.Style.Palette[amber.Color] != charts.OkabeIto[1] {
		t.Errorf("thresholds: %+v %+v", red, amber)
	}
	rows := rowsOf(t, HistoryTable(history, names, "en"))
	if len(rows) != 4 || rows[0][0] != "Альфа" || rows[0][1] != "2025-12" || rows[0][2] != nil || rows[1][5] != true ||
		rows[1][3] != 90.0 || rows[3][4] != "Red" {
		t.Errorf("history rows: %v", rows)
	}
}

// The settings table documents every measure with its weight and share, then the
// thresholds.
func TestSettingsTable(t *testing.T) {
	st := DefaultSettings()
	rows := rowsOf(t, SettingsTable(st, "ru"))
	if len(rows) != len(Measures)+3 {
		t.Fatalf("%d rows", len(rows))
	}
	if rows[0][0] != "Выполнение KPI" || rows[0][1] != 20.0 || rows[0][2] != 20.0 || rows[0][3] == "" {
		t.Errorf("the KPI row: %v", rows[0])
	}
	if rows[len(Measures)][1] != 50.0 || rows[len(Measures)+1][1] != 70.0 {
		t.Errorf("thresholds: %v %v", rows[len(Measures)], rows[len(Measures)+1])
	}
	for _, r := range rows[:len(Measures)] {
		if how := r[3].(string); strings.HasPrefix(how, "health.") {
			t.Errorf("untranslated: %v", r)
		}
	}
}
