package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"leadboard/data"
	"leadboard/data/competency"
)

func openGrades(t *testing.T, lang string) *App {
	t.Helper()
	a := openDemo(t, lang)
	a.showScreen(a.grades)
	settle(a)
	return a
}

// startFor starts (or resumes) the assessment of the first person without one
// under way.
func startFor(t *testing.T, a *App) data.DuePerson {
	t.Helper()
	g := a.grades
	for _, d := range g.due.Rows() {
		if d.Underway == 0 {
			g.choose(d)
			test.Tap(g.start)
			settle(a)
			if g.wizard == nil || g.wizard.d.view.StaffID != d.StaffID {
				t.Fatalf("no assessment of %s opened", d.Name)
			}
			return d
		}
	}
	t.Fatal("everyone has an assessment under way")
	return data.DuePerson{}
}

func TestTheAssessmentWizardFromStartToSummary(t *testing.T) {
	a := openGrades(t, "ru")
	g := a.grades
	if len(g.due.Rows()) < 10 {
		t.Fatalf("%d people in the due list", len(g.due.Rows()))
	}
	person := startFor(t, a)
	w := g.wizard
	n := len(w.d.view.Matrix.Competencies)
	if n < 10 || w.step != 0 || !strings.Contains(w.heading.Text, person.Name) {
		t.Fatalf("wizard at step %d of %d: %q", w.step, n, w.heading.Text)
	}
	// Next without a level is refused with a message.
	test.Tap(w.next)
	settle(a)
	if !w.problem.Visible() || w.step != 0 {
		t.Fatal("went on without a level")
	}
	// Two steps, then a pause: the assessment resumes at the third.
	for range 2 {
		w.level.SetSelected(w.level.Options[2])
		w.note.SetText("Пример из работы")
		test.Tap(w.next)
		settle(a)
	}
	if w.step != 2 {
		t.Fatalf("at step %d after two", w.step)
	}
	test.Tap(findButton(t, w.root, T("grades.pause")))
	settle(a)
	if g.wizard != nil {
		t.Fatal("the wizard did not close")
	}
	for _, d := range g.due.Rows() {
		if d.StaffID == person.StaffID {
			g.choose(d)
		}
	}
	if g.start.Text != T("grades.resume") {
		t.Errorf("start button says %q", g.start.Text)
	}
	test.Tap(g.start)
	settle(a)
	w = g.wizard
	if w.step != 2 {
		t.Fatalf("resumed at step %d, want 2", w.step)
	}
	for w.step < n {
		w.level.SetSelected(w.level.Options[2])
		test.Tap(w.next)
		settle(a)
	}
	if !containsText(w.root, T("grades.summary")) || w.decision.form == nil {
		t.Fatalf("no summary: %q", texts(w.root))
	}
	advice := w.d.view.Outcome.Advice
	test.Tap(w.next) // finish with the recommendation
	settle(a)
	v, err := a.store().AssessmentView(ctx(), w.id)
	if err != nil || !v.Finished() || v.Decision != advice {
		t.Fatalf("finished %v with %q (advice %q): %v", v.Finished(), v.Decision, advice, err)
	}
	if !containsText(w.root, T("grades.plan_from_gaps")) {
		t.Error("no way to plan from the gaps")
	}
}

func TestOverridingTheRecommendationAsksWhy(t *testing.T) {
	a := openGrades(t, "en")
	g := a.grades
	startFor(t, a)
	w := g.wizard
	for w.step < len(w.d.view.Matrix.Competencies) {
		w.level.SetSelected(w.level.Options[0]) // level 1 everywhere: a concern
		test.Tap(w.next)
		settle(a)
	}
	if w.d.view.Outcome.Advice != competency.Concern {
		t.Fatalf("advice %q", w.d.view.Outcome.Advice)
	}
	w.decision.choice.setValue(competency.Develop)
	test.Tap(w.next)
	settle(a)
	if w.decision.form.Error("override_reason") == "" || w.d.view.Finished() {
		t.Fatal("overridden without a reason")
	}
}

func TestGradeTeamViewsDraw(t *testing.T) {
	a := openGrades(t, "ru")
	g := a.grades
	g.tabs.SelectIndex(1)
	settle(a)
	team := g.team
	for _, view := range gradeViews {
		team.view.setValue(view)
		settle(a)
		if len(team.table.header) == 0 {
			t.Errorf("%s: no table", view)
		}
	}
	team.view.setValue(viewDistribution)
	settle(a)
	total := 0
	for gr := range team.current.distribution.Grades {
		total += team.current.distribution.Total(gr)
	}
	working, _ := a.store().ListStaff(ctx(), data.StaffFilter{})
	if total != len(working) {
		t.Errorf("distribution counts %d of %d", total, len(working))
	}
}

func TestPlanItemsAndCourses(t *testing.T) {
	a := openGrades(t, "ru")
	g := a.grades
	g.tabs.SelectIndex(2)
	settle(a)
	p := g.plans
	before := len(p.items.Rows())
	test.Tap(findButton(t, p.root, T("plans.add")))
	settle(a)
	fd := a.lastForm
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("goal") == "" {
		t.Fatal("a plan item without a goal was accepted")
	}
	fill(t, a, fd, "goal", "Провести квартальную встречу с клиентом без помощи руководителя")
	test.Tap(fd.save)
	settle(a)
	if len(p.items.Rows()) != before+1 {
		t.Fatalf("%d items after adding one to %d", len(p.items.Rows()), before)
	}
	test.Tap(findButton(t, p.root, T("plans.add_course")))
	settle(a)
	fd = a.lastForm
	fill(t, a, fd, "title", "Переговоры с клиентом")
	fill(t, a, fd, "hours", "12")
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() {
		t.Fatalf("course not saved: %q", texts(fd.form.Object()))
	}
}

func TestTheMatrixIsEditedAsANewVersion(t *testing.T) {
	a := openGrades(t, "ru")
	g := a.grades
	g.tabs.SelectIndex(3)
	settle(a)
	m := g.matrix
	if len(m.list.Rows()) < 10 {
		t.Fatalf("%d competencies shown", len(m.list.Rows()))
	}
	before, _ := a.store().CurrentMatrix(ctx())
	m.edit(0)
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "name_ru", "")
	test.Tap(fd.save)
	settle(a)
	if fd.form.GeneralError() == "" && fd.form.Error("name_ru") == "" && !fd.form.HasErrors() {
		t.Fatal("a competency without a name was accepted")
	}
	fill(t, a, fd, "name_ru", "Первый ответ клиенту и тон общения")
	test.Tap(fd.save)
	settle(a)
	test.Tap(findButton(t, m.root, T("reviews.save_template")))
	settle(a)
	after, _ := a.store().CurrentMatrix(ctx())
	if after.Version != before.Version+1 || after.Competencies[0].NameRU != "Первый ответ клиенту и тон общения" {
		t.Errorf("version %d after %d, first %q", after.Version, before.Version, after.Competencies[0].NameRU)
	}
}
