package audit

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/table"
)

// Three audits a quarter apart. Scores by hand (in place 1, partly 0.5, not 0):
//
//	autumn 01.09.2025: s1 50 (1.1 partly), s2 0, s4 100; overall 1.5/3 = 50
//	winter 01.12.2025: s1 25 (0 + 0.5), s2 100, s5 25, s6 0; overall 2/6 = 33.3
//	spring 01.03.2026: s1 75, s2 100, s3 50, s5 100, s6 50; overall 5.5/7 = 78.6 -> 79
var (
	autumnItems = rated("1.1", "partly", "2.1", "not_in_place", "4.1", "in_place")
	winterItems = rated("1.1", "not_in_place", "1.2", "partly", "2.1", "in_place", "5.1", "partly",
		"5.2", "not_in_place", "6.1", "not_in_place")
	springItems = rated("1.1", "in_place", "1.2", "partly", "2.1", "in_place", "3.1", "partly", "5.1", "in_place",
		"5.2", "in_place", "6.1", "partly")
	autumn = Score(data.Audit{ID: 1, HeldOn: data.Day(2025, 9, 1)}, autumnItems)
	winter = Score(data.Audit{ID: 2, HeldOn: data.Day(2025, 12, 1)}, winterItems)
	spring = Score(data.Audit{ID: 3, HeldOn: data.Day(2026, 3, 1), Title: "Весенний"}, springItems)
)

func rowsOf(t *testing.T, tb table.Table) [][]any {
	t.Helper()
	rows, err := tb.Collect()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func wantRow(t *testing.T, what string, got, want []any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

func TestSectionChartHasABarPerRatedSection(t *testing.T) {
	c := SectionChart(spring, "ru", charts.Style{})
	want := []charts.RankBar{
		{Label: "1. Договоры и обязательства", Value: 75},
		{Label: "2. Коммуникация с клиентами", Value: 100},
		{Label: "3. Внутренняя координация", Value: 50},
		{Label: "5. Управление клиентами", Value: 100},
		{Label: "6. Клиентская база и документы", Value: 50},
	}
	if !reflect.DeepEqual(c.Bars, want) {
		t.Errorf("bars %v, want %v", c.Bars, want)
	}
	if c.Title != "Аудит 01.03.2026 — Весенний: оценка по разделам" {
		t.Errorf("title %q", c.Title)
	}
	if want := "Итого 79\u00a0%; оценено пунктов: 7 из 30"; c.Subtitle != want {
		t.Errorf("subtitle %q, want %q", c.Subtitle, want)
	}
	if c.Amber != 50 || c.Green != 80 || c.Format(78.6) != "79\u00a0%" {
		t.Errorf("bands %v/%v, format %q", c.Amber, c.Green, c.Format(78.6))
	}
	empty := SectionChart(Score(data.Audit{HeldOn: data.Day(2026, 3, 1)}, nil), "en", charts.Style{})
	if len(empty.Bars) != 0 || empty.Empty != "No item has been rated yet" {
		t.Errorf("nothing rated: bars %v, empty %q", empty.Bars, empty.Empty)
	}
}

func TestTrendChartDrawsOverallAndTheSectionsThatMovedMost(t *testing.T) {
	c := TrendChart([]Result{autumn, winter, spring}, "ru", charts.Style{})
	if !reflect.DeepEqual(c.XLabels, []string{"01.09.2025", "01.12.2025", "01.03.2026"}) {
		t.Errorf("x labels %v", c.XLabels)
	}
	// Moves: s2 0 -> 100 (100), s5 25 -> 100 (75), s1 25..75 (50), s6 0 -> 50 (50, after
	// s1 on the tie), s3 and s4 scored once (no move). At most four lines.
	if len(c.Series) != 4 {
		t.Fatalf("%d lines, want 4", len(c.Series))
	}
	names := []string{"Итого", "2. Коммуникация с клиентами", "5. Управление клиентами", "1. Договоры и обязательства"}
	for i, s := range c.Series {
		if s.Name != names[i] || s.Color != i {
			t.Errorf("line %d: %q colour %d, want %q", i, s.Name, s.Color, names[i])
		}
	}
	overall := c.Series[0].Values
	if !near(overall[0], 50) || !near(overall[1], 100.0/3) || !near(overall[2], 550.0/7) {
		t.Errorf("overall %v", overall)
	}
	if s5 := c.Series[2].Values; !math.IsNaN(s5[0]) || !near(s5[1], 25) || !near(s5[2], 100) {
		t.Errorf("section 5 %v", s5)
	}
	if c.Subtitle != "Итого и разделы 2, 5, 1, которые изменились сильнее всего" {
		t.Errorf("subtitle %q does not name the sections drawn", c.Subtitle)
	}
	single := TrendChart([]Result{spring}, "en", charts.Style{})
	if len(single.Series) != 1 || single.Subtitle != "Overall score; no section has changed" {
		t.Errorf("one audit: %d lines, subtitle %q", len(single.Series), single.Subtitle)
	}
}

func TestComparisonChartSetsSectionsSideBySide(t *testing.T) {
	c := ComparisonChart(Compare(winter, spring, winterItems, springItems), "ru", charts.Style{})
	// Sections 4 and 7-10 are rated in neither audit: no row.
	wantCats := []string{"1. Договоры и обязательства", "2. Коммуникация с клиентами", "3. Внутренняя координация",
		"5. Управление клиентами", "6. Клиентская база и документы"}
	if !reflect.DeepEqual(c.Categories, wantCats) || len(c.Values) != len(wantCats) {
		t.Fatalf("categories %v, values %v", c.Categories, c.Values)
	}
	if !reflect.DeepEqual(c.Series, []string{"Аудит 01.12.2025", "Аудит 01.03.2026"}) || c.Max != 100 {
		t.Errorf("series %v, max %v", c.Series, c.Max)
	}
	if v := c.Values[0]; !near(v[0], 25) || !near(v[1], 75) {
		t.Errorf("section 1 %v", v)
	}
	if v := c.Values[2]; !math.IsNaN(v[0]) || !near(v[1], 50) {
		t.Errorf("section 3 %v, want no bar before", v)
	}
	if v := c.Values[4]; !near(v[0], 0) || !near(v[1], 50) {
		t.Errorf("section 6 %v", v)
	}
	// 1.1, 3.1, 5.1, 5.2 and 6.1 changed.
	if c.Title != "Сравнение аудитов 01.12.2025 и 01.03.2026" || !strings.HasSuffix(c.Subtitle, ": 5") {
		t.Errorf("title %q, subtitle %q", c.Title, c.Subtitle)
	}
}

func TestSectionsTable(t *testing.T) {
	tb := SectionsTable(spring, "en")
	rows := rowsOf(t, tb)
	if len(rows) != 11 {
		t.Fatalf("%d rows, want 10 sections and the overall", len(rows))
	}
	wantRow(t, "section 1", rows[0], []any{int64(1), "Contracts and obligations", int64(1), int64(1), int64(0),
		int64(2), int64(3), 75.0})
	wantRow(t, "section 4", rows[3], []any{int64(4), "Reporting quality", int64(0), int64(0), int64(0), int64(0),
		int64(3), nil})
	wantRow(t, "overall", rows[10], []any{nil, "Overall", int64(4), int64(3), int64(0), int64(7), int64(30), 79.0})
	ru := SectionsTable(spring, "ru")
	if ru.Name != "Аудит 01.03.2026 — Весенний по разделам" || ru.Columns[1].Title("ru") != "Раздел" ||
		ru.Columns[7].Title("ru") != "Оценка, %" {
		t.Errorf("Russian table %q, columns %q, %q", ru.Name, ru.Columns[1].Title("ru"), ru.Columns[7].Title("ru"))
	}
}

func TestItemsTableShowsRatingsEvidenceAndFigures(t *testing.T) {
	items := map[string]data.AuditItem{
		"1.1": {Code: "1.1", Rating: "in_place", Comment: "цели во всех договорах", Evidence: "https://wiki/kpi",
			OwnerID: 7},
	}
	evidence := map[string]Figure{
		ContractsWithTargets: Share(ContractsWithTargets, 3, 4),
		ClientsWithContract:  None(ClientsWithContract, charts.UnitPercent),
	}
	rows := rowsOf(t, ItemsTable(spring, items, evidence, map[int64]string{7: "Петрова Анна"}, "ru"))
	if len(rows) != 30 {
		t.Fatalf("%d rows, want every item", len(rows))
	}
	it, _ := Lookup("1.1")
	figures := evidence[ContractsWithTargets].Name("ru") + ": 75,0\u00a0% (3 из 4); " +
		evidence[ClientsWithContract].Name("ru") + ": нет данных"
	wantRow(t, "item 1.1", rows[0], []any{"Договоры и обязательства", "1.1", it.RU, "Налажено",
		"цели во всех договорах", "https://wiki/kpi", "Петрова Анна", figures})
	// 1.2 is not in items: not rated; its figures skip the codes without one (1.2 has
	// ClientsWithDocuments, absent).
	wantRow(t, "item 1.2 cells", rows[1][3:], []any{"Не оценено", "", "", "", evidence[ClientsWithContract].Name("ru") +
		": нет данных"})
	if rows[29][1] != "10.3" {
		t.Errorf("last row %v", rows[29])
	}
}

func TestComparisonTable(t *testing.T) {
	rows := rowsOf(t, ComparisonTable(Compare(winter, spring, winterItems, springItems), "ru"))
	if len(rows) != 15 {
		t.Fatalf("%d rows, want 10 sections and 5 changed items", len(rows))
	}
	it11, _ := Lookup("1.1")
	wantRow(t, "section 1", rows[0], []any{"1. Договоры и обязательства", nil, nil, 25.0, 75.0, 50.0, nil, nil})
	wantRow(t, "item 1.1", rows[1], []any{"1. Договоры и обязательства", "1.1", it11.RU, nil, nil, nil,
		"Не налажено", "Налажено"})
	wantRow(t, "section 2", rows[2], []any{"2. Коммуникация с клиентами", nil, nil, 100.0, 100.0, 0.0, nil, nil})
	wantRow(t, "section 3", rows[3], []any{"3. Внутренняя координация", nil, nil, nil, 50.0, nil, nil, nil})
	if rows[4][1] != "3.1" || rows[4][6] != "Не оценено" || rows[4][7] != "Налажено частично" {
		t.Errorf("item 3.1 %v", rows[4])
	}
}

func TestTrendTable(t *testing.T) {
	tb := TrendTable([]Result{autumn, winter, spring}, "en")
	if len(tb.Columns) != 13 || tb.Columns[3].Title("ru") != "1. Договоры и обязательства, %" {
		t.Fatalf("columns %v", tb.Columns)
	}
	rows := rowsOf(t, tb)
	wantRow(t, "autumn", rows[0], []any{data.Day(2025, 9, 1), "", 50.0, 50.0, 0.0, nil, 100.0, nil, nil, nil, nil,
		nil, nil})
	wantRow(t, "spring", rows[2], []any{data.Day(2026, 3, 1), "Весенний", 79.0, 75.0, 100.0, 50.0, nil, 100.0, 50.0,
		nil, nil, nil, nil})
	if rows[1][2] != 33.0 {
		t.Errorf("winter overall %v, want 33", rows[1][2])
	}
}

func TestActionsTable(t *testing.T) {
	today := data.Day(2026, 3, 16)
	actions := []data.Action{
		{What: "Описать сроки ответа", ItemCode: "7.1", OwnerID: 7, Due: today.AddDate(0, 0, -1), Status: "open"},
		{What: "Собрать отзывы", ItemCode: "2.2", OwnerID: 8, OwnerName: "Сидоров Павел", Due: today, Status: "open"},
		{What: "Старое", ItemCode: "x.9", Due: data.Day(2026, 1, 1), Status: "done"},
	}
	rows := rowsOf(t, ActionsTable(actions, map[int64]string{7: "Петрова Анна"}, today.Add(10*time.Hour), "ru"))
	it71, _ := Lookup("7.1")
	it22, _ := Lookup("2.2")
	wantRow(t, "overdue", rows[0], []any{"Описать сроки ответа", "7.1. " + it71.RU, "Петрова Анна",
		today.AddDate(0, 0, -1), "Открыто", true})
	wantRow(t, "due today", rows[1], []any{"Собрать отзывы", "2.2. " + it22.RU, "Сидоров Павел", today, "Открыто", false})
	wantRow(t, "done", rows[2], []any{"Старое", "x.9", "", data.Day(2026, 1, 1), "Выполнено", false})
}
