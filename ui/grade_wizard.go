package ui

import (
	"context"
	"image"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/competency"
	"leadboard/data/grades"
	"leadboard/data/kpi"
	"leadboard/ui/widgets"
)

// gradeWizard is the step-by-step assessment: one step per competency (the
// expectation at the person's grade and the next, the evidence, the level seen
// and a note), then a summary with the recommendation and the lead's decision.
// Every step is saved as the lead moves on, so an interrupted assessment resumes.
type gradeWizard struct {
	g     *gradesScreen
	id    int64
	loads ticket
	d     wizardData
	step  int // 0..len(competencies)-1, len(competencies) is the summary

	heading  *widget.Label
	progress *widget.ProgressBar
	body     *fyne.Container
	problem  *widget.Label
	back     *widget.Button
	next     *widget.Button
	level    *widget.RadioGroup
	note     *widgets.Entry
	decision summaryInputs // the summary's fields
	root     fyne.CanvasObject
}

// wizardData is the assessment with what its steps show beside each competency.
type wizardData struct {
	view     data.AssessmentView
	review   data.Review
	template data.ReviewTemplate
	evidence kpi.Evidence
}

func newGradeWizard(g *gradesScreen, id int64) *gradeWizard {
	w := &gradeWizard{g: g, id: id}
	w.heading = widget.NewLabelWithStyle(T("grades.loading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.heading.SizeName = theme.SizeNameSubHeadingText
	w.progress = widget.NewProgressBar()
	w.body = container.NewVBox()
	w.problem = widget.NewLabel("")
	w.problem.Importance = widget.DangerImportance
	w.problem.Wrapping = fyne.TextWrapWord
	w.problem.Hide()
	w.back = widget.NewButtonWithIcon(T("grades.previous"), theme.NavigateBackIcon(), func() { w.move(-1) })
	w.next = widget.NewButtonWithIcon(T("grades.next"), theme.NavigateNextIcon(), func() { w.move(1) })
	w.next.Importance = widget.HighImportance
	w.back.Disable()
	w.next.Disable()
	leave := widget.NewButtonWithIcon(T("grades.pause"), theme.CancelIcon(), w.pause)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, leave, w.heading), w.progress)
	bottom := container.NewVBox(w.problem, container.NewHBox(w.back, w.next))
	w.root = container.NewBorder(top, bottom, nil, nil, container.NewVScroll(w.body))
	return w
}

// pause leaves the assessment, saving the step's level (and note) when one is chosen.
func (w *gradeWizard) pause() {
	v := w.d.view
	if w.level == nil || v.Finished() || w.step >= len(v.Matrix.Competencies) || levelOf(w.level) == 0 {
		w.g.closeWizard()
		return
	}
	c, o := v.Matrix.Competencies[w.step], data.Observed{Level: levelOf(w.level), Note: w.note.Text}
	id, step := w.id, w.step
	save(w.g.app, func(ctx context.Context, st *data.Store) error { return st.SaveObservation(ctx, id, c.ID, o, step) },
		func(err error) {
			if err != nil {
				w.showProblem(describeError(err))
				return
			}
			w.g.closeWizard()
		})
}

func (w *gradeWizard) reload() {
	id := w.id
	known := w.d.evidence // the half-year's figures: read once per assessment
	load(w.g.app, &w.loads, func(ctx context.Context, st *data.Store) (wizardData, error) {
		var d wizardData
		var err error
		if d.view, err = st.AssessmentView(ctx, id); err != nil {
			return d, err
		}
		if d.review, d.template, err = st.LatestReviewOf(ctx, d.view.StaffID); err != nil {
			return d, err
		}
		if known.Figures != nil {
			d.evidence = known
			return d, nil
		}
		last := data.MonthOf(st.Today()) - 1 // the half-year of full months before today
		d.evidence, err = kpi.EvidenceOf(ctx, st, last-5, last)
		return d, err
	}, func(d wizardData) {
		first := w.d.view.ID == 0
		w.d = d
		if first { // resume where it stopped
			w.step = min(d.view.Step, len(d.view.Matrix.Competencies))
		}
		w.show()
	})
}

// show draws the current step.
func (w *gradeWizard) show() {
	v := w.d.view
	n := len(v.Matrix.Competencies)
	w.heading.SetText(Tf("grades.wizard_title", map[string]any{"Name": v.StaffName, "Grade": v.Grade.Name(currentLang())}))
	w.progress.SetValue(float64(w.step) / float64(max(n, 1)))
	w.problem.Hide()
	setEnabled(w.back, w.step > 0 && !v.Finished())
	w.next.Enable()
	if v.Finished() {
		w.next.Disable()
	}
	if w.step >= n {
		w.next.SetText(T("grades.finish"))
		w.body.Objects = []fyne.CanvasObject{w.summary()}
	} else {
		w.next.SetText(T("grades.next"))
		w.body.Objects = []fyne.CanvasObject{w.competencyStep(v.Matrix.Competencies[w.step])}
	}
	w.body.Refresh()
	w.root.Refresh()
}

// competencyStep shows one competency: what the grade and the next expect, the
// evidence, and the level seen with a note.
func (w *gradeWizard) competencyStep(c data.Competency) fyne.CanvasObject {
	v, lang := w.d.view, currentLang()
	title := widget.NewLabelWithStyle(Tf("grades.step_title", map[string]any{"N": w.step + 1,
		"Total": len(v.Matrix.Competencies), "Name": c.Name(lang)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	parts := []fyne.CanvasObject{title, wrapped(T("grades.area") + ": " + grades.AreaName(lang, c.Area))}
	cur := c.Levels[v.Grade.ID]
	parts = append(parts, wrapped(Tf("grades.expect_now", map[string]any{"Grade": v.Grade.Name(lang),
		"Level": cur.Required, "Text": cur.Expectation(lang)})))
	if v.Next.ID != 0 {
		next := c.Levels[v.Next.ID]
		parts = append(parts, wrapped(Tf("grades.expect_next", map[string]any{"Grade": v.Next.Name(lang),
			"Level": next.Required, "Text": next.Expectation(lang)})))
	}
	if text := w.evidenceFor(c.Area); text != "" {
		parts = append(parts, widget.NewCard("", "", wrapped(text)))
	}
	levels := make([]string, 4)
	scale := competency.ScaleEN
	if lang == "ru" {
		scale = competency.ScaleRU
	}
	copy(levels, scale[:])
	w.level = widget.NewRadioGroup(levels, nil)
	w.note = widgets.NewMultiLineEntry()
	w.note.SetPlaceHolder(T("hint.observed_note"))
	if o, ok := v.Observed[c.ID]; ok {
		w.level.SetSelected(levels[o.Level-1])
		w.note.SetText(o.Note)
	}
	if v.Finished() {
		w.level.Disable()
		w.note.Disable()
	}
	parts = append(parts, widget.NewLabelWithStyle(T("grades.observed_level"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true}), w.level, w.note)
	return container.NewVBox(parts...)
}

// reviewCriterion is the review criterion that speaks to each area of the matrix.
var reviewCriterion = map[string][]string{"communication": {"communication"}, "contracts": {"obligations"},
	"reporting": {"reporting"}, "coordination": {"coordination"}, "development": {"development"},
	"documentation": {"documentation"}, "procedures": {"procedures"}, "leadership": {"mentoring", "improvement"}}

// evidenceFor gathers what bears on an area: the latest review's ratings and
// comments, and the figures behind them over the last half-year.
func (w *gradeWizard) evidenceFor(area string) string {
	var lines []string
	lang := currentLang()
	var codes []string
	for _, k := range w.d.template.Criteria {
		if !slices.Contains(reviewCriterion[area], k.Code) {
			continue
		}
		codes = append(codes, k.Evidence...)
		r, ok := w.d.review.Lead[k.ID]
		if !ok {
			continue
		}
		line := Tf("grades.review_rating", map[string]any{"Criterion": k.Name(lang), "Rating": ratingLabel(r.Rating)})
		if r.Comment != "" {
			line += " — " + r.Comment
		}
		lines = append(lines, line)
	}
	if figures := evidenceText(codes, w.d.evidence, w.d.view.StaffID); figures != "" {
		lines = append(lines, figures)
	}
	if len(lines) == 0 {
		return ""
	}
	return T("grades.evidence") + "\n" + strings.Join(lines, "\n")
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// move saves the step's level and goes forward or back; from the summary, Next
// finishes the assessment.
func (w *gradeWizard) move(delta int) {
	v := w.d.view
	n := len(v.Matrix.Competencies)
	if w.step >= n {
		if delta > 0 {
			w.finish()
			return
		}
		w.step--
		w.show()
		return
	}
	level := levelOf(w.level)
	if level == 0 && delta > 0 {
		w.showProblem(T("grades.choose_level"))
		return
	}
	c := v.Matrix.Competencies[w.step]
	to := min(max(w.step+delta, 0), n)
	if level == 0 { // going back without choosing: nothing to save
		w.step = to
		w.show()
		return
	}
	o := data.Observed{Level: level, Note: w.note.Text}
	w.next.Disable()
	w.back.Disable() // one save at a time: the step is the one it returns to
	save(w.g.app, func(ctx context.Context, st *data.Store) error {
		return st.SaveObservation(ctx, w.id, c.ID, o, to)
	}, func(err error) {
		if err != nil {
			w.next.Enable()
			setEnabled(w.back, w.step > 0)
			w.showProblem(describeError(err))
			return
		}
		w.step = to
		w.reload()
	})
}

func levelOf(r *widget.RadioGroup) int {
	for i, o := range r.Options {
		if o == r.Selected {
			return i + 1
		}
	}
	return 0
}

func (w *gradeWizard) showProblem(text string) {
	w.problem.SetText(text)
	w.problem.Show()
	w.root.Refresh()
}

// summaryInputs are the summary's decision fields, kept to read on Finish.
type summaryInputs struct {
	form   *widgets.Form
	choice *choice[string]
	reason *widgets.Entry
	date   *widgets.DateField
	note   *widgets.Entry
}

// summary shows what the assessment adds up to: the profile chart, fit and
// readiness, the gaps by size, the recommendation and the lead's decision.
func (w *gradeWizard) summary() fyne.CanvasObject {
	v, lang := w.d.view, currentLang()
	profile := grades.Profile{StaffID: v.StaffID, Name: v.StaffName, Grade: v.Grade, Next: v.Next,
		AssessedOn: w.g.app.today(), Matrix: v.Matrix, Observed: v.Observed, Outcome: v.Outcome}
	chart := widgets.NewChartView(fyne.NewSize(640, 640), w.g.app.background) // tall enough for every competency
	style := screenChartStyle(w.g.app)
	chart.SetChart(func(width, height int) (image.Image, error) { return profile.Chart(lang, style).Image(width, height) })
	o := v.Outcome
	figures := Tf("grades.fit", map[string]any{"Fit": number(o.Fit, 0), "Grade": v.Grade.Name(lang)})
	if !math.IsNaN(o.Readiness) {
		figures += "\n" + Tf("grades.readiness", map[string]any{"Readiness": number(o.Readiness, 0),
			"Grade": v.Next.Name(lang)})
	}
	parts := []fyne.CanvasObject{widget.NewLabelWithStyle(T("grades.summary"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true}), chart, wrapped(figures), wrapped(w.gapsText())}
	advice := wrapped(Tf("grades.advice_is", map[string]any{"Advice": grades.AdviceName(lang, o.Advice)}))
	advice.TextStyle = fyne.TextStyle{Bold: true}
	parts = append(parts, advice, wrapped(Tf("grades.rules", map[string]any{"Concern": competency.ConcernFit,
		"Promote": competency.PromoteReadiness})))
	if v.Finished() {
		parts = append(parts, wrapped(w.decidedText()), w.planButton())
		return container.NewVBox(parts...)
	}
	if !v.AllObserved {
		parts = append(parts, wrapped(T("grades.not_all_observed")))
	}
	parts = append(parts, w.decisionForm(o.Advice))
	return container.NewVBox(parts...)
}

// gapsText lists the gaps, largest first.
func (w *gradeWizard) gapsText() string {
	v := w.d.view
	if len(v.Outcome.Gaps) == 0 {
		return T("grades.no_gaps")
	}
	names := map[string]string{}
	for _, c := range v.Matrix.Competencies {
		names[c.Code] = c.Name(currentLang())
	}
	lines := []string{T("grades.gaps")}
	for _, g := range v.Outcome.Gaps {
		lines = append(lines, Tf("grades.gap_line", map[string]any{"Name": names[g.Code], "Current": g.Current,
			"Next": g.Next}))
	}
	return strings.Join(lines, "\n")
}

func (w *gradeWizard) decidedText() string {
	v, lang := w.d.view, currentLang()
	text := Tf("grades.decided", map[string]any{"Date": date(v.FinishedOn), "Decision": grades.AdviceName(lang, v.Decision)})
	if v.OverrideReason != "" {
		text += "\n" + Tf("grades.override_was", map[string]any{"Reason": v.OverrideReason})
	}
	if v.PromotedTo != 0 {
		text += "\n" + Tf("grades.promoted", map[string]any{"Grade": v.Next.Name(lang), "Date": date(v.PromotedOn)})
	}
	return text
}

// decisionForm takes the lead's decision: the recommendation, or another with a
// reason; a promotion needs its date and the reason for the grade history.
func (w *gradeWizard) decisionForm(advice string) fyne.CanvasObject {
	form := widgets.NewForm()
	choices := []string{competency.Develop, competency.Concern}
	if w.d.view.Next.ID != 0 {
		choices = append([]string{competency.Promote}, choices...)
	}
	decision := newChoice(choices, func(c string) string { return grades.AdviceName(currentLang(), c) }, nil)
	reason := widgets.NewEntry()
	when := newDateField()
	when.SetDate(w.g.app.today())
	note := widgets.NewEntry()
	note.SetText(T("grades.promotion_note"))
	form.Add("decision", T("field.decision"), decision, true)
	form.Add("override_reason", T("field.override_reason"), reason, true)
	form.Add("grade_date", T("grades.promotion_date"), when, true)
	form.Add("grade_reason", T("field.grade_reason"), note, true)
	sync := func() {
		if decision.value() == advice {
			form.Hide("override_reason")
		} else {
			form.Show("override_reason")
		}
		if decision.value() == competency.Promote {
			form.Show("grade_date")
			form.Show("grade_reason")
		} else {
			form.Hide("grade_date")
			form.Hide("grade_reason")
		}
	}
	decision.OnChanged = func(string) { sync() }
	decision.setValue(advice)
	sync()
	w.decision = summaryInputs{form: form, choice: decision, reason: reason, date: when, note: note}
	return form.Object()
}

// finish records the decision (and a promotion) and shows the finished summary.
func (w *gradeWizard) finish() {
	f := w.decision
	in := inputs{form: f.form}
	d := data.Decision{Choice: f.choice.value(), OverrideReason: in.text(f.reason),
		PromotionDate: in.date("grade_date", f.date), PromotionNote: in.text(f.note)}
	if err := in.err(); err != nil {
		showFormError(f.form, err)
		return
	}
	id := w.id
	w.next.Disable()
	save(w.g.app, func(ctx context.Context, st *data.Store) error { return st.FinishAssessment(ctx, id, d) },
		func(err error) {
			if err != nil {
				w.next.Enable()
				showFormError(f.form, err)
				w.showProblem(describeError(err))
				return
			}
			w.reload()
		})
}

// planButton makes development-plan items of the gaps, due in three months.
func (w *gradeWizard) planButton() fyne.CanvasObject {
	var b *widget.Button
	b = widget.NewButtonWithIcon(T("grades.plan_from_gaps"), theme.ContentAddIcon(), func() {
		id, due := w.id, w.g.app.today().AddDate(0, 3, 0)
		var n int
		save(w.g.app, func(ctx context.Context, st *data.Store) error {
			var err error
			n, err = st.PlanFromAssessment(ctx, id, due)
			return err
		}, func(err error) {
			if err != nil {
				w.showProblem(describeError(err))
				return
			}
			b.SetText(Tf("grades.plan_made", map[string]any{"Count": n}))
			b.Disable()
		})
	})
	if len(w.d.view.Outcome.Gaps) == 0 {
		b.Disable()
	}
	return b
}
