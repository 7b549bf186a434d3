package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadboard/data"
	"leadboard/data/transfer"
)

// TestScreenshots renders the main screens from demo data into the folder named by
// LEADBOARD_SCREENSHOTS (make screenshots); without it the test does nothing.
func TestScreenshots(t *testing.T) {
	screenshots(t, func(a *App, shoot, _ func(name string)) {
		shoot("overview")
		a.show(1)
		shoot("staff")
		a.show(2)
		shoot("clients")
		a.clients.openClient(a.clients.table.Rows()[0].ID)
		shoot("client-card")
		a.clients.closeDetail()
		path := filepath.Join(t.TempDir(), "клиенты.csv")
		os.WriteFile(path, []byte("Название компании;Ответственный;Категория;Бюджет;Статус\n"+
			"Северный ветер;"+a.clients.table.Rows()[0].Lead.Name+";А;1 250 000 ₽;в работе\n"+
			"Южный берег;Неизвестный Сотрудник;Б;200 000;пауза\n"), 0o644)
		a.openImport(transfer.Clients)
		a.lastImport.setFile(path)
		settle(a)
		test.Tap(a.lastImport.check)
		shoot("import")
		a.lastImport.dlg.Hide()
		test.Tap(exportList(a, a.clients.table, transfer.ClientTable))
		shoot("export")
		a.closeTopDialog()
		a.showScreen(a.kpi)
		shoot("kpi-trend")
		a.kpi.tabs.SelectIndex(1)
		shoot("kpi-ranking")
		a.kpi.tabs.SelectIndex(3)
		shoot("kpi-catalogue")
		a.showScreen(a.workload)
		shoot("workload")
		a.workload.tabs.SelectIndex(1)
		a.workload.planner.suggest()
		settle(a)
		a.closeTopDialog()
		shoot("workload-plan")
		a.editFormula(a.workload.current.snap.Coeffs)
		shoot("workload-formula")
		a.closeTopDialog()
		shootReviews(a, shoot)
		shootGrades(a, shoot)
	})
}

// shootReviews renders the Reviews screen: the cycle, a review, every team view and
// the criteria.
func shootReviews(a *App, shoot func(string)) {
	r := a.reviews
	a.showScreen(r)
	shoot("reviews-cycle")
	var chosen data.Participant // a review under way, with the self-review in if there is one
	for _, p := range r.participants.Rows() {
		if p.State() == data.StateInProgress && (chosen.ReviewID == 0 || p.SelfDone && !chosen.SelfDone) {
			chosen = p
		}
	}
	r.openReview(chosen.ReviewID)
	shoot("reviews-form")
	r.closeReview()
	r.tabs.SelectIndex(1)
	for _, view := range teamViews {
		r.team.view.setValue(view)
		shoot("reviews-team-" + view)
	}
	r.tabs.SelectIndex(2)
	shoot("reviews-templates")
}

// shootGrades renders the Grades screen: who is due, a step of an assessment and
// its summary, the team views, plans and the matrix.
func shootGrades(a *App, shoot func(string)) {
	g := a.grades
	a.showScreen(g)
	shoot("grades-due")
	for _, d := range g.due.Rows() {
		if d.Underway == 0 {
			g.choose(d)
			break
		}
	}
	g.startAssessment()
	settle(a)
	shoot("grades-step")
	w := g.wizard
	for w != nil && w.step < len(w.d.view.Matrix.Competencies) {
		w.level.SetSelected(w.level.Options[2])
		w.move(1)
		settle(a)
	}
	shoot("grades-summary")
	g.closeWizard()
	g.tabs.SelectIndex(1)
	for _, view := range gradeViews {
		g.team.view.setValue(view)
		shoot("grades-team-" + view)
	}
	g.tabs.SelectIndex(2)
	shoot("grades-plans")
	g.tabs.SelectIndex(3)
	shoot("grades-matrix")
}

// screenshots opens the demo in Russian and then English at the screenshot size
// and hands shots the app and two ways to write a capture named NAME-LANG.png into
// the folder named by LEADBOARD_SCREENSHOTS: shoot waits for the screen to settle
// first, capture takes it as it is (a job under way). Without the folder the test
// is skipped.
func screenshots(t *testing.T, shots func(a *App, shoot, capture func(name string))) {
	t.Helper()
	dir := os.Getenv("LEADBOARD_SCREENSHOTS")
	if dir == "" {
		t.Skip("set LEADBOARD_SCREENSHOTS to a folder to render screenshots")
	}
	for _, lang := range []string{"ru", "en"} {
		a := openDemo(t, lang)
		a.win.Resize(fyne.NewSize(1400, 860))
		capture := func(name string) {
			t.Helper()
			a.win.Content().Refresh() // lays wrapped text out again, as a window's next frame does
			f, err := os.Create(filepath.Join(dir, name+"-"+lang+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, a.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		}
		shoot := func(name string) {
			t.Helper()
			settle(a)
			capture(name)
		}
		shots(a, shoot, capture)
	}
}
