package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"leadboard/data"
	"leadboard/data/workload"
)

func openWorkload(t *testing.T, lang string) *App {
	t.Helper()
	a := openDemo(t, lang)
	a.showScreen(a.workload)
	settle(a)
	return a
}

func TestWorkloadShowsEveryManagerFullestFirst(t *testing.T) {
	a := openWorkload(t, "ru")
	w := a.workload
	rows := w.table.Rows()
	if len(rows) != len(w.current.snap.Managers) || len(rows) < 10 {
		t.Fatalf("%d rows for %d managers", len(rows), len(w.current.snap.Managers))
	}
	for i := 1; i < len(rows); i++ {
		if rows[i].Capacity > 0 && rows[i-1].Capacity > 0 && rows[i].Utilization() > rows[i-1].Utilization() {
			t.Errorf("row %d (%.0f %%) above row %d (%.0f %%)", i-1, rows[i-1].Utilization(), i, rows[i].Utilization())
		}
	}
	if !strings.Contains(w.totals.Text, "Отдел:") || w.chart.Image() == nil || w.trend.Image() == nil {
		t.Fatalf("totals %q, chart drawn %v, trend drawn %v", w.totals.Text, w.chart.Image() != nil, w.trend.Image() != nil)
	}
	// A team filter keeps its people only.
	team := rows[0].Team
	w.team.setValue(team)
	settle(a)
	for _, r := range w.table.Rows() {
		if r.Team != team {
			t.Errorf("%s of team %q shown under the filter %q", r.Name, r.Team, team)
		}
	}
	// A manager's clients with their weights.
	w.openManager(rows[0])
	settle(a)
	if len(a.dialogs) == 0 || w.chosen != rows[0].ID {
		t.Fatal("no list of the manager's clients")
	}
}

func TestPlannerSuggestsSavesAndApplies(t *testing.T) {
	a := openWorkload(t, "ru")
	p := a.workload.planner
	before := p.snap.Outcome(nil).Before
	p.suggest()
	settle(a)
	a.closeTopDialog() // the note when not everyone could be brought under the limit
	if len(p.moves) == 0 || len(p.list.Rows()) != len(p.moves) {
		t.Fatalf("suggested %d moves, listed %d", len(p.moves), len(p.list.Rows()))
	}
	after := p.snap.Outcome(p.moves).After
	if after.Highest >= before.Highest {
		t.Errorf("the plan leaves the highest utilization at %.0f %% (was %.0f %%)", after.Highest, before.Highest)
	}
	if !strings.Contains(p.summary.Text, "→") {
		t.Errorf("summary %q", p.summary.Text)
	}

	// Save it by name, then apply it from today with a reason.
	p.askSave()
	settle(a)
	fill(t, a, a.lastForm, "name", "Разгрузка ноября")
	test.Tap(a.lastForm.save)
	settle(a)
	plans, err := a.store().Plans(ctx())
	if err != nil || len(plans) != 1 || len(plans[0].Moves) != len(p.moves) {
		t.Fatalf("saved plans %+v, %v", plans, err)
	}
	if p.saved.Selected != "Разгрузка ноября" {
		t.Errorf("after saving, the plan chosen is %q", p.saved.Selected)
	}
	first := p.moves[0]
	p.askApply()
	settle(a)
	fill(t, a, a.lastForm, "reason", "Перераспределение по плану")
	test.Tap(a.lastForm.save)
	settle(a)
	if a.lastForm.form.HasErrors() {
		t.Fatalf("apply refused: %q", a.lastForm.form.GeneralError())
	}
	c, _, err := workload.ClientWeight(ctx(), a.store(), workload.Defaults(), first.ClientID)
	if err != nil {
		t.Fatal(err)
	}
	holder := c.Lead
	if first.Role == data.RoleBackup {
		holder = c.Backup
	}
	if holder != first.To {
		t.Errorf("after applying, the client's %s is %d, want %d", first.Role, holder, first.To)
	}
	if p.saved.value() != 0 || len(p.moves) != 0 {
		t.Errorf("after applying, the planner shows plan %d with %d moves, want a new empty draft", p.saved.value(), len(p.moves))
	}
}

func TestPlannerRefusesAStalePlan(t *testing.T) {
	a := openWorkload(t, "en")
	p := a.workload.planner
	p.suggest()
	settle(a)
	a.closeTopDialog()
	if len(p.moves) == 0 {
		t.Skip("nothing to move in this demo")
	}
	m := p.moves[0]
	// Someone changes the client's team by hand before the plan is applied.
	var other int64
	for _, mg := range p.snap.Managers {
		if mg.ID != m.From && mg.ID != m.To && !mg.OnLeave {
			other = mg.ID
			break
		}
	}
	if err := a.store().Reassign(ctx(), m.ClientID, m.Role, other, a.today()); err != nil {
		t.Fatal(err)
	}
	p.askApply()
	settle(a)
	fill(t, a, a.lastForm, "reason", "Old plan")
	test.Tap(a.lastForm.save)
	settle(a)
	if msg := a.lastForm.form.GeneralError(); !strings.Contains(msg, "changed hands") {
		t.Fatalf("applying a stale plan says %q", msg)
	}
}

func TestWorkloadFormulaIsValidatedAndSaved(t *testing.T) {
	a := openWorkload(t, "ru")
	a.editFormula(workload.Defaults())
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "backup_share", "150")
	fill(t, a, fd, "tier_A", "-1")
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("backup_share") == "" || fd.form.Error("tier_A") == "" {
		t.Fatalf("errors: backup %q, tier A %q", fd.form.Error("backup_share"), fd.form.Error("tier_A"))
	}
	fill(t, a, fd, "backup_share", "25")
	fill(t, a, fd, "tier_A", "4")
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() {
		t.Fatalf("form errors %q", fd.form.GeneralError())
	}
	c, err := workload.LoadCoefficients(ctx(), a.store())
	if err != nil || c.BackupShare != 0.25 || c.TierPoints["A"] != 4 || c.TierPoints["B"] != workload.Defaults().TierPoints["B"] {
		t.Fatalf("saved %+v, %v", c, err)
	}
}
