package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
)

func openReviews(t *testing.T, lang string) *App {
	t.Helper()
	a := openDemo(t, lang)
	a.showScreen(a.reviews)
	settle(a)
	return a
}

// newTestCycle creates a cycle through the form, with a first attempt that leaves
// the due date out.
func newTestCycle(t *testing.T, a *App, name string) {
	t.Helper()
	r := a.reviews
	test.Tap(findButton(t, r.cyclesPage, T("reviews.new_cycle")))
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "name", name)
	fill(t, a, fd, "from", "01.01.2026")
	fill(t, a, fd, "to", "30.06.2026")
	choose(t, a, fd, "status", 1) // open
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("due") == "" {
		t.Fatalf("no error for the missing due date: %q", texts(fd.form.Object()))
	}
	fill(t, a, fd, "due", "31.07.2026")
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() || len(a.dialogs) != 0 {
		t.Fatalf("the cycle was not saved: %q", texts(fd.form.Object()))
	}
	if c, ok := r.chosenCycle(); !ok || c.Name != name {
		t.Fatalf("the new cycle is not the chosen one: %+v", c)
	}
}

// addEveryone adds every working person through the picker (all ticked at first).
func addEveryone(t *testing.T, a *App) {
	t.Helper()
	a.reviews.askParticipants()
	settle(a)
	top := a.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no participant picker")
	}
	test.Tap(findButton(t, top, T("reviews.add_chosen")))
	settle(a)
}

func TestReviewFromCycleToFinal(t *testing.T) {
	a := openReviews(t, "ru")
	r := a.reviews
	newTestCycle(t, a, "Проверка: 1-е полугодие 2026")
	addEveryone(t, a)
	working, _ := a.store().ListStaff(ctx(), data.StaffFilter{})
	people := r.participants.Rows()
	if len(people) != len(working) || len(people) < 10 {
		t.Fatalf("%d participants for %d working people", len(people), len(working))
	}
	for _, p := range people {
		if p.State() != data.StateNotStarted || missingText(p) == "" {
			t.Fatalf("a new review %+v, missing %q", p, missingText(p))
		}
	}

	// The review: every criterion but the last rated 4, with the evidence beside it.
	r.openReview(people[0].ReviewID)
	settle(a)
	f := r.form
	if f == nil || f.heading.Text != people[0].Name || len(f.rows) < 7 {
		t.Fatalf("review form for %s: %+v", people[0].Name, f)
	}
	if !containsText(f.root, T("reviews.evidence")) {
		t.Error("no evidence beside the criteria")
	}
	for _, row := range f.rows[:len(f.rows)-1] {
		row.lead.setValue(4)
		row.comment.SetText("Соответствует описанию оценки 4")
	}
	f.potential.setValue("medium")
	f.strengths.SetText("Держит сроки отчётов")
	test.Tap(f.finalize)
	settle(a)
	if !f.problem.Visible() || !strings.Contains(f.problem.Text, "Без оценки: 1") {
		t.Fatalf("finalizing with a criterion unrated: %q", f.problem.Text)
	}
	last := f.rows[len(f.rows)-1]
	if last.anchor.Importance != widget.DangerImportance {
		t.Error("the unrated criterion is not marked")
	}
	last.lead.setValue(0) // not applicable
	test.Tap(f.finalize)
	settle(a)

	v, err := a.store().Review(ctx(), people[0].ReviewID)
	if err != nil || !v.Final || v.Score != 4 || v.Notes.Potential != "medium" || v.Notes.Strengths != "Держит сроки отчётов" {
		t.Fatalf("stored review %+v, %v", v, err)
	}
	if f.saveBtn.Disabled() == false || !f.rows[0].lead.Disabled() || f.reopen.Disabled() {
		t.Error("a final review is still editable")
	}
	if !strings.Contains(f.subtitle.Text, "Завершена") {
		t.Errorf("subtitle %q", f.subtitle.Text)
	}

	// Reopening asks for a reason, and records it.
	test.Tap(f.reopen)
	settle(a)
	fd := a.lastForm
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("reason") == "" {
		t.Fatal("reopened without a reason")
	}
	fill(t, a, fd, "reason", "Клиент прислал новую жалобу за июнь")
	test.Tap(fd.save)
	settle(a)
	if f.saveBtn.Disabled() || !strings.Contains(f.subtitle.Text, "Клиент прислал новую жалобу") {
		t.Errorf("after reopening: editable %v, subtitle %q", !f.saveBtn.Disabled(), f.subtitle.Text)
	}
	r.closeReview()
	settle(a)
	if got := r.participants.Rows(); got[0].State() != data.StateInProgress {
		t.Errorf("state after reopening %s", got[0].State())
	}
}

func TestSelfRatingGapIsMarked(t *testing.T) {
	a := openReviews(t, "ru")
	r := a.reviews
	newTestCycle(t, a, "Проверка самооценки")
	addEveryone(t, a)
	r.openReview(r.participants.Rows()[0].ReviewID)
	settle(a)
	row := r.form.rows[0]
	row.lead.setValue(3)
	row.self.setValue(5)
	if row.gap.Text != "самооценка +2" || row.gap.Importance != widget.DangerImportance {
		t.Errorf("gap %q (%v)", row.gap.Text, row.gap.Importance)
	}
	row.self.setValue(3)
	if row.gap.Text != T("reviews.gap_none") {
		t.Errorf("no gap: %q", row.gap.Text)
	}
	row.comment.SetText("Комментарий без оценки")
	r.form.rows[1].comment.SetText("Комментарий без оценки")
	test.Tap(r.form.saveBtn)
	settle(a)
	if !strings.Contains(r.form.problem.Text, r.form.rows[1].c.NameRU) {
		t.Errorf("a comment without a rating: %q", r.form.problem.Text)
	}
}

func TestTemplateWeightsMustAddUpTo100(t *testing.T) {
	a := openReviews(t, "ru")
	r := a.reviews
	r.tabs.SelectIndex(2)
	settle(a)
	tt := r.templates
	if len(tt.list.Rows()) < 7 || !strings.Contains(tt.sum.Text, "100 %") {
		t.Fatalf("template %d criteria, %q", len(tt.list.Rows()), tt.sum.Text)
	}
	gradeID := tt.grade.value()
	before, _ := a.store().CurrentTemplate(ctx(), gradeID)
	tt.editCriterion(0)
	settle(a)
	fill(t, a, a.lastForm, "weight", "150")
	test.Tap(a.lastForm.save)
	settle(a)
	if a.lastForm.form.Error("weight") == "" {
		t.Fatal("a weight of 150 % accepted")
	}
	fill(t, a, a.lastForm, "weight", "5")
	test.Tap(a.lastForm.save)
	settle(a)
	if tt.sum.Importance != widget.DangerImportance {
		t.Errorf("sum %q not marked", tt.sum.Text)
	}
	test.Tap(findButton(t, tt.root, T("reviews.save_template")))
	settle(a)
	if !strings.Contains(tt.problem.Text, "Сумма весов") {
		t.Fatalf("saved weights that do not add up: %q", tt.problem.Text)
	}
	tt.resetToDefault()
	test.Tap(findButton(t, tt.root, T("reviews.save_template")))
	settle(a)
	after, _ := a.store().CurrentTemplate(ctx(), gradeID)
	if after.Version != before.Version+1 || tt.problem.Text != "" {
		t.Errorf("version %d after %d, problem %q", after.Version, before.Version, tt.problem.Text)
	}
}

func TestBandThresholdsAreEditable(t *testing.T) {
	a := openReviews(t, "en")
	r := a.reviews
	r.tabs.SelectIndex(2)
	settle(a)
	b := r.templates.bands
	b.exceeds.SetText("2")
	b.save()
	settle(a)
	if b.form.GeneralError() == "" && b.form.Error("bands") == "" && !containsText(b.form.Object(), "must rise") {
		t.Fatalf("thresholds out of order accepted: %q", texts(b.form.Object()))
	}
	b.exceeds.SetText("4")
	b.save()
	settle(a)
	got, _ := a.store().ReviewBands(ctx())
	if got.Exceeds != 4 || got.Meets != 2.75 {
		t.Errorf("bands %+v", got)
	}
}

func TestTeamViewsDrawEveryView(t *testing.T) {
	a := openReviews(t, "ru")
	r := a.reviews
	newTestCycle(t, a, "Проверка итогов команды")
	addEveryone(t, a)
	st := a.store()
	people := r.participants.Rows()
	for i, p := range people[:6] {
		v, _ := st.Review(ctx(), p.ReviewID)
		tpl, _ := st.Template(ctx(), v.TemplateID)
		var lead, self []data.Rating
		for _, c := range tpl.Criteria {
			lead = append(lead, data.Rating{CriterionID: c.ID, Rating: 1 + i%5})
			self = append(self, data.Rating{CriterionID: c.ID, Rating: 1 + (i+1)%5})
		}
		if err := st.SaveReview(ctx(), p.ReviewID, lead, self, data.ReviewNotes{Potential: data.Potentials[i%3]}); err != nil {
			t.Fatal(err)
		}
		if err := st.FinalizeReview(ctx(), p.ReviewID); err != nil {
			t.Fatal(err)
		}
	}
	r.tabs.SelectIndex(1)
	settle(a)
	team := r.team
	team.cycle.setValue(r.chosen)
	settle(a)
	for _, view := range teamViews {
		team.view.setValue(view)
		settle(a)
		team.chart.Resize(fyne.NewSize(900, 520))
		settle(a)
		if team.chart.Image() == nil || len(team.table.header) == 0 {
			t.Errorf("%s: chart drawn %v, %d columns", view, team.chart.Image() != nil, len(team.table.header))
		}
		if view == viewHistory {
			team.people = []int64{people[0].StaffID}
			if h := team.history(); len(h.People) != 1 || h.People[0].Name != people[0].Name {
				t.Errorf("history of the person chosen: %+v", h.People)
			}
		}
		if view == viewHistogram {
			total := 0
			for _, b := range team.current.cycle.Histogram() {
				total += b.Count
			}
			if total != 6 || len(team.table.rows) != 4 {
				t.Errorf("histogram of %d final reviews, %d rows", total, len(team.table.rows))
			}
		}
	}
}

func TestFeedbackOnThePersonsCard(t *testing.T) {
	a := openDemo(t, "ru")
	s := showStaff(t, a)
	person := s.table.Rows()[0]
	s.openDetail(person.ID)
	settle(a)
	fb := s.detail.feedback
	before := len(fb.list.Rows())
	test.Tap(fb.add)
	settle(a)
	fd := a.lastForm
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("department") == "" || fd.form.Error("handoff") == "" {
		t.Fatalf("empty feedback accepted: %q", texts(fd.form.Object()))
	}
	choose(t, a, fd, "department", 0)
	choose(t, a, fd, "briefs", 2) // 4
	fill(t, a, fd, "author", "Ирина Белова")
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() || len(fb.list.Rows()) != before+1 {
		t.Fatalf("feedback not saved: %q", texts(fd.form.Object()))
	}
	entries, _ := a.store().FeedbackOf(ctx(), person.ID)
	if entries[0].Briefs != 4 || entries[0].Author != "Ирина Белова" || entries[0].Handoff != 0 {
		t.Errorf("saved %+v", entries[0])
	}
}

func TestOverviewShowsOverdueReviews(t *testing.T) {
	a := openDemo(t, "ru")
	st := a.store()
	id, err := st.SaveCycle(ctx(), data.ReviewCycle{Name: "Просроченный цикл", From: data.Day(2025, 1, 1),
		To: data.Day(2025, 6, 30), Due: a.today().AddDate(0, 0, -3), Status: data.CycleOpen})
	if err != nil {
		t.Fatal(err)
	}
	working, _ := st.ListStaff(ctx(), data.StaffFilter{})
	if err := st.AddParticipants(ctx(), id, []int64{working[0].ID, working[1].ID}); err != nil {
		t.Fatal(err)
	}
	a.showScreen(a.overview)
	settle(a)
	o, _ := st.Overview(ctx())
	if o.OpenCycle.ID != id {
		t.Fatalf("open cycle %+v, want the overdue one", o.OpenCycle)
	}
	if !containsText(a.overview.object(), "срок прошёл") {
		t.Errorf("the overdue cycle is not marked: %q", texts(a.overview.object()))
	}
	tile := a.overview.tiles["review_cycle"]
	if tile == nil {
		t.Fatal("no tile for the open cycle")
	}
	test.Tap(tile)
	settle(a)
	if a.screens[a.current] != a.reviews || a.reviews.chosen != id {
		t.Errorf("the tile opened %T, cycle %d", a.screens[a.current], a.reviews.chosen)
	}
}

func TestTakingBackARatingAndLeavingWithChanges(t *testing.T) {
	a := openReviews(t, "ru")
	r := a.reviews
	newTestCycle(t, a, "Проверка изменений")
	addEveryone(t, a)
	id := r.participants.Rows()[0].ReviewID
	r.openReview(id)
	settle(a)
	f := r.form
	f.rows[0].lead.setValue(4)
	f.rows[0].self.setValue(5)
	test.Tap(f.saveBtn)
	settle(a)
	if v, _ := a.store().Review(ctx(), id); len(v.Lead) != 1 || !v.SelfDone {
		t.Fatalf("saved %+v", v)
	}
	f.rows[0].lead.setValue(notRated)
	f.rows[0].self.setValue(notRated)
	if !f.changed() || strings.Contains(f.subtitle.Text, "Итог") {
		t.Fatalf("the form does not know it changed: %q", f.subtitle.Text)
	}
	// Leaving asks first; staying keeps the review open.
	test.Tap(findButton(t, f.root, T("action.back")))
	settle(a)
	if len(a.dialogs) != 1 || r.form == nil {
		t.Fatal("left a changed review without asking")
	}
	a.closeTopDialog()
	test.Tap(f.saveBtn)
	settle(a)
	if v, _ := a.store().Review(ctx(), id); len(v.Lead) != 0 || len(v.Self) != 0 || v.SelfDone {
		t.Errorf("ratings not taken back: %+v", v)
	}
	test.Tap(findButton(t, f.root, T("action.back")))
	settle(a)
	if r.form != nil || len(a.dialogs) != 0 {
		t.Error("a saved review did not close")
	}
}

func TestAClosedCyclesReviewIsReadOnly(t *testing.T) {
	a := openReviews(t, "ru")
	r := a.reviews
	var closed data.CycleSummary
	for _, c := range r.cycles {
		if c.Status == data.CycleClosed {
			closed = c
		}
	}
	if closed.ID == 0 {
		t.Fatal("the demo has no closed cycle")
	}
	r.chooseCycle(closed.ID)
	settle(a)
	if !r.addPeople.Disabled() {
		t.Error("people can be added to a closed cycle")
	}
	r.openReview(r.participants.Rows()[0].ReviewID)
	settle(a)
	f := r.form
	if !f.saveBtn.Disabled() || !f.reopen.Disabled() || !f.rows[0].lead.Disabled() ||
		!strings.Contains(f.subtitle.Text, T("reviews.cycle_closed_note")) {
		t.Errorf("a closed cycle's review is editable: %q", f.subtitle.Text)
	}
}
