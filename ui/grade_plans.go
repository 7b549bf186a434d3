package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/ui/widgets"
)

// plansTab holds a person's development plan and courses, and the training
// catalogue.
type plansTab struct {
	g          *gradesScreen
	loads      ticket
	current    plansData
	person     *choice[int64]
	items      *widgets.Table[data.PlanItem]
	courses    *widgets.Table[data.Training]
	attended   *widgets.Table[data.Attendance]
	fromReview *widget.Button
	fromGaps   *widget.Button
	info       *widget.Label
	root       fyne.CanvasObject
}

type plansData struct {
	people    []data.StaffRow
	matrix    []data.Competency // the current matrix (the default before one is saved)
	staffID   int64
	items     []data.PlanItem
	trainings []data.Training
	attended  []data.Attendance
	review    data.Review
	assessed  int64 // the latest finished assessment (0: none)
}

func newPlansTab(g *gradesScreen) *plansTab {
	p := &plansTab{g: g}
	a := g.app
	p.person = newChoice([]int64{}, func(int64) string { return "" }, func(int64) { p.reload() })
	p.items = widgets.NewTable(planColumns(a, func(code string) string {
		return competencyName(p.current.matrix, code)
	}), T("plans.none"))
	p.items.OnSelected = p.editItem
	p.courses = widgets.NewTable(trainingColumns(), T("plans.no_courses"))
	p.courses.OnSelected = p.editCourse
	p.attended = widgets.NewTable(attendanceColumns(func(id int64) string { return p.courseName(id) }), T("plans.no_attendance"))
	p.info = widget.NewLabel("")
	p.info.Wrapping = fyne.TextWrapWord
	addItem := widget.NewButtonWithIcon(T("plans.add"), theme.ContentAddIcon(), func() {
		p.editItem(data.PlanItem{StaffID: p.current.staffID, Action: "training", Status: "planned",
			Due: a.today().AddDate(0, 3, 0)})
	})
	p.fromReview = widget.NewButtonWithIcon(T("plans.from_review"), theme.ContentCopyIcon(), p.planFromReview)
	p.fromGaps = widget.NewButtonWithIcon(T("plans.from_assessment"), theme.ContentCopyIcon(), p.planFromAssessment)
	addCourse := widget.NewButtonWithIcon(T("plans.add_course"), theme.ContentAddIcon(), func() {
		p.editCourse(data.Training{Hours: 8})
	})
	addAttendance := widget.NewButtonWithIcon(T("plans.add_attendance"), theme.ContentAddIcon(), p.addAttendance)
	// Rows of their own: side by side the buttons would spill over the next pane.
	plan := container.NewBorder(container.NewVBox(container.NewHBox(widget.NewLabel(T("field.staff")),
		sized(p.person, 300)), container.NewHBox(addItem, p.fromReview, p.fromGaps), p.info), nil, nil, nil, p.items)
	courses := container.NewBorder(container.NewVBox(widget.NewLabelWithStyle(T("plans.catalogue"),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewHBox(addCourse)), nil, nil, nil, p.courses)
	attendance := container.NewBorder(container.NewVBox(widget.NewLabelWithStyle(T("plans.attendance"),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewHBox(addAttendance)), nil, nil, nil, p.attended)
	right := container.NewVSplit(courses, attendance)
	split := container.NewHSplit(plan, right)
	split.Offset = 0.6
	p.root = split
	return p
}

func (p *plansTab) reload() {
	staff := p.person.value()
	load(p.g.app, &p.loads, func(ctx context.Context, st *data.Store) (plansData, error) {
		var d plansData
		var err error
		if d.people, err = st.ListStaff(ctx, data.StaffFilter{}); err != nil {
			return d, err
		}
		if staff == 0 && len(d.people) > 0 {
			staff = d.people[0].ID
		}
		d.staffID = staff
		if d.matrix, err = currentCompetencies(ctx, st); err != nil {
			return d, err
		}
		if d.trainings, err = st.Trainings(ctx); err != nil || staff == 0 {
			return d, err
		}
		if d.items, err = st.PlanItems(ctx, staff); err != nil {
			return d, err
		}
		if d.attended, err = st.AttendanceOf(ctx, staff); err != nil {
			return d, err
		}
		if d.review, _, err = st.LatestReviewOf(ctx, staff); err != nil {
			return d, err
		}
		d.assessed, err = st.LatestAssessmentOf(ctx, staff)
		return d, err
	}, p.apply)
}

func (p *plansTab) apply(d plansData) {
	p.current = d
	ids := make([]int64, len(d.people))
	for i, x := range d.people {
		ids[i] = x.ID
	}
	p.person.setValues(ids, func(id int64) string { return p.personName(id) })
	p.person.setValueQuietly(d.staffID)
	p.items.SetRows(d.items)
	p.courses.SetRows(d.trainings)
	p.attended.SetRows(d.attended)
	overdue := 0
	for _, it := range d.items {
		if it.Overdue(p.g.app.today()) {
			overdue++
		}
	}
	p.info.SetText(Tf("plans.summary", map[string]any{"Count": len(d.items), "Overdue": overdue}))
	setEnabled(p.fromReview, d.review.ID != 0 && strings.TrimSpace(d.review.Notes.Goals) != "")
	setEnabled(p.fromGaps, d.assessed != 0)
}

func (p *plansTab) personName(id int64) string {
	for _, x := range p.current.people {
		if x.ID == id {
			return x.FullName
		}
	}
	return ""
}

func (p *plansTab) courseName(id int64) string {
	for _, t := range p.current.trainings {
		if t.ID == id {
			return t.Title
		}
	}
	return ""
}

// planFromReview makes plan items of the latest review's agreed goals.
func (p *plansTab) planFromReview() {
	review, due := p.current.review.ID, p.g.app.today().AddDate(0, 6, 0)
	p.addPlan(func(ctx context.Context, st *data.Store) (int, error) { return st.PlanFromReview(ctx, review, due) })
}

// planFromAssessment makes plan items of the latest grade assessment's gaps.
func (p *plansTab) planFromAssessment() {
	id, due := p.current.assessed, p.g.app.today().AddDate(0, 3, 0)
	p.addPlan(func(ctx context.Context, st *data.Store) (int, error) { return st.PlanFromAssessment(ctx, id, due) })
}

// addPlan runs a write that adds plan items and says how many it added.
func (p *plansTab) addPlan(add func(ctx context.Context, st *data.Store) (int, error)) {
	var n int
	save(p.g.app, func(ctx context.Context, st *data.Store) error {
		var err error
		n, err = add(ctx, st)
		return err
	}, func(err error) {
		if err != nil {
			p.g.app.showError(err)
			return
		}
		p.reload()
		p.info.SetText(Tf("grades.plan_made", map[string]any{"Count": n}))
	})
}

// currentCompetencies are the current matrix's competencies, or the default
// matrix's before one is saved.
func currentCompetencies(ctx context.Context, st *data.Store) ([]data.Competency, error) {
	m, err := st.CurrentMatrix(ctx)
	if err != nil || m.ID != 0 {
		return m.Competencies, err
	}
	ladder, err := st.Grades(ctx)
	return data.DefaultMatrix(ladder), err
}

// competencyName names a competency code in the UI language ("" stays "").
func competencyName(m []data.Competency, code string) string {
	for _, c := range m {
		if c.Code == code {
			return c.Name(currentLang())
		}
	}
	return code
}

// competencyOptions are the matrix's codes plus none; a code no longer in the
// matrix (an item made before an edit) stays offered, so editing keeps it.
func competencyOptions(m []data.Competency, keep ...string) ([]string, func(string) string) {
	codes := []string{""}
	for _, c := range m {
		codes = append(codes, c.Code)
	}
	for _, k := range keep {
		if !slices.Contains(codes, k) {
			codes = append(codes, k)
		}
	}
	return codes, func(code string) string {
		if code == "" {
			return T("choice.none")
		}
		return competencyName(m, code)
	}
}

// editItem adds (ID 0) or edits a plan item of the person shown.
func (p *plansTab) editItem(it data.PlanItem) { p.g.app.editPlanItem(it, p.current.matrix, p.reload) }

// editPlanItem adds (ID 0) or edits a plan item; onSaved follows a save.
func (a *App) editPlanItem(it data.PlanItem, matrix []data.Competency, onSaved func()) {
	form := widgets.NewForm()
	codes, name := competencyOptions(matrix, it.CompetencyCode)
	comp := newChoice(codes, name, nil)
	comp.setValue(it.CompetencyCode)
	goal := widgets.NewMultiLineEntry()
	goal.SetText(it.Goal)
	action := newChoice(data.PlanActions, func(v string) string { return T("plans.action." + v) }, nil)
	action.setValue(it.Action)
	due := newDateField()
	due.SetDate(it.Due)
	status := newChoice(data.PlanStatuses, func(v string) string { return T("plans.status." + v) }, nil)
	status.setValue(it.Status)
	form.Add("competency", T("plans.col.competency"), comp, false)
	form.Add("goal", T("field.goal"), goal, true)
	form.Add("action", T("field.action"), action, true)
	form.Add("due", T("field.due"), due, true)
	form.Add("status", T("field.status"), status, true)
	title := T("plans.add")
	if it.ID != 0 {
		title = T("plans.edit")
	}
	a.showFormDialog(title, form, 620, func(done func(error)) {
		in := inputs{form: form}
		edited := it
		edited.CompetencyCode, edited.Goal, edited.Action = comp.value(), in.text(goal), action.value()
		edited.Due, edited.Status = in.date("due", due), status.value()
		if err := in.check(data.ValidatePlanItem(edited)); err != nil {
			done(err)
			return
		}
		saveRecord(a, done, func(ctx context.Context, st *data.Store) error {
			_, err := st.SavePlanItem(ctx, edited)
			return err
		}, onSaved)
	})
}

// editCourse adds (ID 0) or edits a course of the catalogue.
func (p *plansTab) editCourse(t data.Training) {
	a := p.g.app
	form := widgets.NewForm()
	title := widgets.NewEntry()
	title.SetText(t.Title)
	provider := widgets.NewEntry()
	provider.SetText(t.Provider)
	hours := widgets.NewEntry()
	hours.SetText(number(t.Hours, 1))
	codes, name := competencyOptions(p.current.matrix, t.Competencies...)
	labels := make([]string, 0, len(codes)-1)
	for _, c := range codes[1:] {
		labels = append(labels, name(c))
	}
	develops := widget.NewCheckGroup(labels, nil)
	for _, c := range t.Competencies {
		develops.Selected = append(develops.Selected, name(c))
	}
	form.Add("title", T("field.title"), title, true)
	form.Add("provider", T("plans.provider"), provider, false)
	form.Add("hours", T("field.hours"), hours, true)
	form.Add("competencies", T("field.competencies"), develops, false)
	heading := T("plans.add_course")
	if t.ID != 0 {
		heading = T("plans.edit_course")
	}
	a.showFormDialog(heading, form, 620, func(done func(error)) {
		in := inputs{form: form}
		edited := t
		edited.Title, edited.Provider, edited.Hours = in.text(title), in.text(provider), in.number("hours", hours)
		edited.Competencies = nil
		for _, c := range codes[1:] {
			if slices.Contains(develops.Selected, name(c)) {
				edited.Competencies = append(edited.Competencies, c)
			}
		}
		if err := in.err(); err != nil {
			done(err)
			return
		}
		saveRecord(a, done, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveTraining(ctx, edited)
			return err
		}, p.reload)
	})
}

// addAttendance records that the chosen person attended a course.
func (p *plansTab) addAttendance() {
	a := p.g.app
	form := widgets.NewForm()
	var ids []int64
	for _, t := range p.current.trainings {
		if t.ArchivedOn.IsZero() {
			ids = append(ids, t.ID)
		}
	}
	course := newChoice(ids, p.courseName, nil)
	on := newDateField()
	on.SetDate(a.today())
	completed := widget.NewCheck(T("plans.completed"), nil)
	completed.SetChecked(true)
	note := widgets.NewEntry()
	form.Add("training", T("field.training"), course, true)
	form.Add("on", T("field.on"), on, true)
	form.Add("completed", "", completed, false)
	form.Add("note", T("field.comment"), note, false)
	staff := p.current.staffID
	a.showFormDialog(T("plans.add_attendance"), form, 560, func(done func(error)) {
		in := inputs{form: form}
		at := data.Attendance{TrainingID: course.value(), StaffID: staff, On: in.date("on", on),
			Completed: completed.Checked, Note: in.text(note)}
		if err := in.err(); err != nil {
			done(err)
			return
		}
		saveRecord(a, done, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveAttendance(ctx, at)
			return err
		}, p.reload)
	})
}

func planColumns(a *App, name func(code string) string) []widgets.Column[data.PlanItem] {
	return []widgets.Column[data.PlanItem]{
		{Title: T("plans.col.competency"), Width: 220, Text: func(p data.PlanItem) string {
			if p.CompetencyCode == "" {
				return ""
			}
			return name(p.CompetencyCode)
		}},
		{Title: T("field.goal"), Width: 360, Text: func(p data.PlanItem) string { return p.Goal }},
		{Title: T("field.action"), Width: 110, Text: func(p data.PlanItem) string { return T("plans.action." + p.Action) }},
		{Title: T("field.due"), Width: 100, Text: func(p data.PlanItem) string { return date(p.Due) },
			Less: func(x, y data.PlanItem) bool { return x.Due.Before(y.Due) },
			Importance: func(p data.PlanItem) widget.Importance {
				if p.Overdue(a.today()) {
					return widget.DangerImportance
				}
				return widget.MediumImportance
			}},
		{Title: T("field.status"), Width: 120, Text: func(p data.PlanItem) string { return T("plans.status." + p.Status) }},
	}
}

func trainingColumns() []widgets.Column[data.Training] {
	return []widgets.Column[data.Training]{
		{Title: T("field.title"), Width: 260, Text: func(t data.Training) string { return t.Title },
			Less: func(a, b data.Training) bool { return a.Title < b.Title }},
		{Title: T("plans.provider"), Width: 160, Text: func(t data.Training) string { return t.Provider }},
		{Title: T("field.hours"), Width: 70, Align: fyne.TextAlignTrailing,
			Text: func(t data.Training) string { return number(t.Hours, 1) }},
	}
}

func attendanceColumns(course func(int64) string) []widgets.Column[data.Attendance] {
	return []widgets.Column[data.Attendance]{
		{Title: T("field.training"), Width: 260, Text: func(x data.Attendance) string { return course(x.TrainingID) }},
		{Title: T("field.on"), Width: 100, Text: func(x data.Attendance) string { return date(x.On) }},
		{Title: T("plans.completed"), Width: 110, Text: func(x data.Attendance) string {
			if x.Completed {
				return T("choice.yes")
			}
			return ""
		}},
	}
}
