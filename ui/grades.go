package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/grades"
	"leadboard/ui/widgets"
)

// gradesScreen runs grade assessments and shows where the team stands: who is
// due an assessment and the step-by-step assessment itself, the team's views, and
// development plans with training, and the competency matrix.
type gradesScreen struct {
	app       *App
	loads     ticket
	due       *widgets.Table[data.DuePerson]
	start     *widget.Button
	chosen    data.DuePerson
	dueInfo   *widget.Label
	duePage   fyne.CanvasObject
	assessTab *fyne.Container // the due list, or an assessment under way
	wizard    *gradeWizard
	team      *gradeTeamTab
	plans     *plansTab
	matrix    *matrixTab
	tabs      *container.AppTabs
}

func newGradesScreen(a *App) *gradesScreen {
	s := &gradesScreen{app: a}
	s.due = widgets.NewTable(dueColumns(), T("grades.nobody"))
	s.due.OnSelected = s.choose
	s.start = widget.NewButtonWithIcon(T("grades.start"), theme.MediaPlayIcon(), s.startAssessment)
	s.start.Importance = widget.HighImportance
	s.start.Disable()
	s.dueInfo = widget.NewLabel(T("grades.choose_person"))
	s.dueInfo.Wrapping = fyne.TextWrapWord
	exportDue := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		rows := s.due.Rows()
		a.exportDialog(grades.CalendarTable(rows, currentLang()), len(rows))
	})
	intro := widget.NewLabel(Tf("grades.due_intro", map[string]any{"Months": data.AssessmentDueMonths}))
	intro.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(intro, container.NewHBox(s.start, layout.NewSpacer(), exportDue), s.dueInfo)
	s.duePage = container.NewBorder(top, nil, nil, nil, s.due)
	s.assessTab = container.NewStack(s.duePage)
	s.team = newGradeTeamTab(s)
	s.plans = newPlansTab(s)
	s.matrix = newMatrixTab(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(T("grades.tab.assess"), s.assessTab),
		container.NewTabItem(T("grades.tab.team"), s.team.root),
		container.NewTabItem(T("grades.tab.plans"), s.plans.root),
		container.NewTabItem(T("grades.tab.matrix"), s.matrix.root),
	)
	s.tabs.OnSelected = func(*container.TabItem) { s.reloadTab() }
	return s
}

func (s *gradesScreen) title() string             { return T("nav.grades") }
func (s *gradesScreen) object() fyne.CanvasObject { return s.tabs }

// reload fetches the open tab again; an assessment under way stays as it is (its
// every step is saved already).
func (s *gradesScreen) reload() {
	if s.wizard != nil {
		return
	}
	s.reloadTab()
}

func (s *gradesScreen) reloadTab() {
	switch s.tabs.SelectedIndex() {
	case 1:
		s.team.reload()
	case 2:
		s.plans.reload()
	case 3:
		s.matrix.reload()
	default:
		s.reloadDue()
	}
}

func (s *gradesScreen) reloadDue() {
	load(s.app, &s.loads, func(ctx context.Context, st *data.Store) ([]data.DuePerson, error) {
		return st.AssessmentsDue(ctx)
	}, func(due []data.DuePerson) {
		s.due.SetRows(due)
		s.chosen = data.DuePerson{}
		s.start.Disable()
		s.dueInfo.SetText(T("grades.choose_person"))
	})
}

// choose picks the person to assess; one with an assessment under way resumes it.
func (s *gradesScreen) choose(d data.DuePerson) {
	s.chosen = d
	s.start.Enable()
	if d.Underway != 0 {
		s.start.SetText(T("grades.resume"))
	} else {
		s.start.SetText(T("grades.start"))
	}
	s.dueInfo.SetText(Tf("grades.chosen", map[string]any{"Name": d.Name, "Grade": d.Grade.Name(currentLang())}))
}

// startAssessment begins (or resumes) the chosen person's assessment.
func (s *gradesScreen) startAssessment() {
	staff := s.chosen.StaffID
	if staff == 0 {
		return
	}
	var id int64
	save(s.app, func(ctx context.Context, st *data.Store) error {
		var err error
		id, err = st.StartAssessment(ctx, staff)
		return err
	}, func(err error) {
		if err != nil {
			s.app.showError(err)
			return
		}
		s.openWizard(id)
	})
}

func (s *gradesScreen) openWizard(id int64) {
	s.wizard = newGradeWizard(s, id)
	s.assessTab.Objects = []fyne.CanvasObject{s.wizard.root}
	s.assessTab.Refresh()
	s.wizard.reload()
}

// closeWizard goes back to the list of who is due.
func (s *gradesScreen) closeWizard() {
	s.wizard = nil
	s.assessTab.Objects = []fyne.CanvasObject{s.duePage}
	s.assessTab.Refresh()
	s.reloadDue()
}

func dueColumns() []widgets.Column[data.DuePerson] {
	return []widgets.Column[data.DuePerson]{
		{Title: T("field.full_name"), Width: 260, Text: func(d data.DuePerson) string { return d.Name },
			Less: func(a, b data.DuePerson) bool { return a.Name < b.Name }},
		{Title: T("field.grade"), Width: 210, Text: func(d data.DuePerson) string { return d.Grade.Name(currentLang()) },
			Less: func(a, b data.DuePerson) bool { return a.Grade.Rank < b.Grade.Rank }},
		{Title: T("grades.col.last"), Width: 170, Text: func(d data.DuePerson) string { return date(d.LastAssessed) },
			Less: func(a, b data.DuePerson) bool { return a.LastAssessed.Before(b.LastAssessed) }},
		{Title: T("grades.col.due"), Width: 190, Text: func(d data.DuePerson) string { return date(d.DueOn) }},
		{Title: T("grades.col.status"), Width: 380, Text: func(d data.DuePerson) string { return T("grades.due." + grades.DueStatus(d)) },
			Importance: func(d data.DuePerson) widget.Importance {
				switch grades.DueStatus(d) {
				case "overdue", "never":
					return widget.DangerImportance
				case "ready":
					return widget.SuccessImportance
				}
				return widget.MediumImportance
			}},
	}
}
