package ui

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"leadboard/data"
	"leadboard/data/kpi"
)

// openKPI opens the demo's KPI screen on a tab.
func openKPI(t *testing.T, lang string, tab int) *App {
	t.Helper()
	a := openDemo(t, lang)
	a.showScreen(a.kpi)
	settle(a)
	a.kpi.tabs.SelectIndex(tab)
	settle(a)
	return a
}

func TestKPITrendShowsTheDepartmentAgainstItsTarget(t *testing.T) {
	a := openKPI(t, "ru", 0)
	tr := a.kpi.trend
	if got := tr.kpiSel.Selected; got != "Удержание клиентов" {
		t.Fatalf("KPI shown %q, want retention chosen", got)
	}
	rows := tr.table.Rows()
	if len(rows) != 12 {
		t.Fatalf("%d rows for the last 12 months", len(rows))
	}
	withTarget := 0
	for _, r := range rows {
		if r.who != "Отдел" || math.IsNaN(r.value) {
			t.Errorf("row %+v: want the department's value", r)
		}
		if !math.IsNaN(r.target) {
			withTarget++
		}
	}
	if withTarget == 0 {
		t.Error("the demo's department target for retention is not in the table")
	}
	if tr.chart.Image() == nil {
		t.Error("no chart was drawn")
	}
	if !strings.Contains(tr.define.Text, "накануне периода") {
		t.Errorf("definition %q", tr.define.Text)
	}
}

func TestKPITrendComparesChosenManagersQuarterly(t *testing.T) {
	a := openKPI(t, "en", 0)
	tr := a.kpi.trend
	tr.kpiSel.setValue("response_median")
	settle(a)
	tr.level.setValue(data.LevelManager)
	settle(a)
	if !strings.Contains(tr.chart.Image().Bounds().String(), "") || len(tr.table.Rows()) != 0 {
		t.Fatalf("managers chosen by nobody yet: %d rows", len(tr.table.Rows()))
	}
	from, to := tr.period.months()
	managers, err := kpi.ManagersLeading(ctx(), a.store(), from, to)
	if err != nil || len(managers) < 2 {
		t.Fatalf("managers %v, %v", managers, err)
	}
	tr.who.setChosen(managers[:2])
	tr.gran.setValue(kpi.Quarterly)
	settle(a)
	rows := tr.table.Rows()
	if len(rows) < 8 || len(rows) > 10 { // 12 months cut into 4 or 5 quarters, for 2 managers
		t.Fatalf("%d rows for two managers by quarter", len(rows))
	}
	if !strings.Contains(rows[0].period, "Q") {
		t.Errorf("period %q is not a quarter", rows[0].period)
	}
	test.Tap(tr.average)
	settle(a)
	if tr.chart.Image() == nil {
		t.Error("no chart after the average was switched on")
	}
}

func TestKPIRankingListsManagersBestFirst(t *testing.T) {
	a := openKPI(t, "ru", 1)
	r := a.kpi.ranking
	r.kpiSel.setValue("response_sla")
	settle(a)
	rows := r.table.Rows()
	if len(rows) < 5 {
		t.Fatalf("%d managers ranked", len(rows))
	}
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1].Attainment, rows[i].Attainment
		if !math.IsNaN(b) && (math.IsNaN(a) || a < b) {
			t.Errorf("row %d (%.1f) ranked above row %d (%.1f)", i, b, i-1, a)
		}
	}
	if r.chart.Image() == nil {
		t.Error("no ranking chart")
	}
}

func TestKPIGridSavesAllCellsOrNone(t *testing.T) {
	a := openKPI(t, "ru", 2)
	g := a.kpi.grid
	clients, err := kpi.ClientsServed(ctx(), a.store(), data.MonthOf(a.today())-12, data.MonthOf(a.today()))
	if err != nil || len(clients) == 0 {
		t.Fatal(clients, err)
	}
	g.who.setChosen(clients[:1])
	g.year.setValue(a.today().Year())
	settle(a)
	if len(g.grid.KPIs) == 0 {
		t.Fatal("no entered client KPIs in the grid")
	}
	leads := g.grid.KPIs[0]
	cell := g.inputs[gridKey{leads.ID, 1}]
	other := g.inputs[gridKey{leads.ID, 2}]
	cell.SetText("1 250")
	other.SetText("-3")
	test.Tap(g.save)
	settle(a)
	if !strings.Contains(g.status.Text, "Ничего не сохранено") || !strings.Contains(g.status.Text, "фев") {
		t.Fatalf("status %q: want the February cell refused", g.status.Text)
	}
	grid, _ := a.store().KPIGrid(ctx(), data.LevelClient, clients[0].ID, a.today().Year())
	if v := grid.Cell(leads.ID, 1).Value; v != nil && *v == 1250 {
		t.Fatal("January was saved although February was refused")
	}
	other.SetText("3")
	test.Tap(g.save)
	settle(a)
	grid, _ = a.store().KPIGrid(ctx(), data.LevelClient, clients[0].ID, a.today().Year())
	if v := grid.Cell(leads.ID, 1).Value; v == nil || *v != 1250 {
		t.Fatalf("January %v after saving, want 1250", v)
	}
	if !strings.Contains(g.status.Text, "Сохранено") {
		t.Errorf("status %q", g.status.Text)
	}
}

func TestKPICatalogueAddsAnEnteredKPIWithValidation(t *testing.T) {
	a := openKPI(t, "ru", 3)
	c := a.kpi.list
	test.Tap(findButton(t, c.root, "Добавить показатель"))
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "code", "Заявки!")
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("code") == "" || fd.form.Error("name_ru") == "" || fd.form.Error("unit") == "" {
		t.Fatalf("errors: code %q, name %q, unit %q", fd.form.Error("code"), fd.form.Error("name_ru"), fd.form.Error("unit"))
	}
	fill(t, a, fd, "code", "nps")
	fill(t, a, fd, "name_ru", "Индекс лояльности")
	fill(t, a, fd, "name_en", "Net promoter score")
	for _, f := range []string{"unit", "direction", "combine", "level"} {
		choose(t, a, fd, f, 0)
	}
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() {
		t.Fatalf("form errors: %q", fd.form.GeneralError())
	}
	k, err := a.store().KPIByCode(ctx(), "nps")
	if err != nil || k.NameRU != "Индекс лояльности" || k.Derived() {
		t.Fatalf("saved %+v, %v", k, err)
	}
}

func TestKPICatalogueAddsADepartmentTarget(t *testing.T) {
	a := openKPI(t, "ru", 3)
	c := a.kpi.list
	k, _ := a.store().KPIByCode(ctx(), "satisfaction")
	c.choose(k)
	settle(a)
	before := len(c.targets.Rows())
	test.Tap(c.addGoal)
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "from", "01.2030")
	fill(t, a, fd, "target", "много")
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("target") == "" {
		t.Fatal("a target that is not a number was accepted")
	}
	fill(t, a, fd, "target", "4,5")
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() {
		t.Fatalf("form errors %q / %q", fd.form.Error("from"), fd.form.GeneralError())
	}
	if got := len(c.targets.Rows()); got != before+1 {
		t.Fatalf("%d targets, want %d", got, before+1)
	}
}

func TestOverviewShowsHeadlineKPIsThatOpenTheirTrend(t *testing.T) {
	a := openDemo(t, "en")
	tile, ok := a.overview.tiles["kpi:retention"]
	if !ok {
		t.Fatalf("no retention tile among %v", texts(a.overview.root))
	}
	test.Tap(tile)
	settle(a)
	if a.screens[a.current] != a.kpi || a.kpi.trend.kpiSel.value() != "retention" {
		t.Fatalf("the tile opened screen %d with KPI %q", a.current, a.kpi.trend.kpiSel.value())
	}
}

func TestKPIGridAsksBeforeDroppingTypedCells(t *testing.T) {
	a := openKPI(t, "ru", 2)
	g := a.kpi.grid
	clients, err := kpi.ClientsServed(ctx(), a.store(), data.MonthOf(a.today())-12, data.MonthOf(a.today()))
	if err != nil || len(clients) == 0 {
		t.Fatal(clients, err)
	}
	g.who.setChosen(clients[:1])
	g.refresh()
	settle(a)
	cell := g.inputs[gridKey{g.grid.KPIs[0].ID, 1}]
	cell.SetText("777")
	// Another tab and back: the typed cell is still there.
	a.kpi.tabs.SelectIndex(0)
	settle(a)
	a.kpi.tabs.SelectIndex(2)
	settle(a)
	if g.inputs[gridKey{g.grid.KPIs[0].ID, 1}] != cell || cell.Text != "777" {
		t.Fatal("switching tabs dropped a typed cell")
	}
	// Another year: the lead is asked first; saving writes the cell to the year shown.
	year := g.year.value()
	g.year.setValue(year - 1)
	settle(a)
	if len(a.dialogs) == 0 {
		t.Fatal("no question before the typed cells would be lost")
	}
	confirm, ok := a.dialogs[len(a.dialogs)-1].(interface{ Confirm() })
	if !ok {
		t.Fatalf("the question is a %T", a.dialogs[len(a.dialogs)-1])
	}
	confirm.Confirm()
	settle(a)
	saved, _ := a.store().KPIGrid(ctx(), data.LevelClient, clients[0].ID, year)
	if v := saved.Cell(g.grid.KPIs[0].ID, 1).Value; v == nil || *v != 777 {
		t.Fatalf("January %d: %v, want the typed 777 saved", year, v)
	}
	if g.shown.year != year-1 {
		t.Errorf("the grid shows %d after saving, want %d", g.shown.year, year-1)
	}
}
