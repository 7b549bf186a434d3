package ui

import (
	"context"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/grades"
	"leadboard/data/table"
	"leadboard/ui/widgets"
)

// gradeTeamTab shows where the team stands: one view at a time, its chart above
// and its table below, both exportable.
type gradeTeamTab struct {
	g       *gradesScreen
	loads   ticket
	current gradeTeamData
	view    *choice[string]
	byTeam  *widget.Check
	person  *choice[int64]
	chart   *widgets.ChartView
	table   *viewTable
	split   *container.Split
	root    fyne.CanvasObject
}

// Views of the team tab.
const (
	viewDistribution = "distribution"
	viewReadiness    = "readiness"
	viewCalendar     = "calendar"
	viewCompetencies = "competencies"
	viewProfile      = "profile"
)

var gradeViews = []string{viewDistribution, viewReadiness, viewCalendar, viewCompetencies, viewProfile}

// gradeTeamData is everything the views draw, loaded together.
type gradeTeamData struct {
	distribution grades.Distribution
	latest       []data.LatestAssessment
	due          []data.DuePerson
	matrix       data.Matrix
	profile      grades.Profile
	people       []data.StaffRow
}

func newGradeTeamTab(g *gradesScreen) *gradeTeamTab {
	t := &gradeTeamTab{g: g}
	t.view = newChoice(gradeViews, func(v string) string { return T("grades.view." + v) }, func(string) { t.show() })
	t.view.setValueQuietly(viewDistribution)
	t.byTeam = widget.NewCheck(T("grades.by_team"), func(bool) { t.show() })
	t.person = newChoice([]int64{}, func(int64) string { return "" }, func(int64) { t.reload() })
	t.chart = widgets.NewChartView(fyne.NewSize(640, 380), g.app.background)
	t.table = newViewTable()
	saveChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), t.exportChart)
	saveTable := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		g.app.exportDialog(t.tableOf(currentLang()), t.table.rowCount())
	})
	controls := container.NewHBox(widget.NewLabel(T("reviews.view")), sized(t.view, 260), t.byTeam, sized(t.person, 260),
		saveChart, saveTable)
	t.split = container.NewVSplit(t.chart, t.table.table)
	t.split.Offset = 0.6
	t.root = container.NewBorder(controls, nil, nil, nil, t.split)
	return t
}

func (t *gradeTeamTab) reload() {
	person := t.person.value()
	load(t.g.app, &t.loads, func(ctx context.Context, st *data.Store) (gradeTeamData, error) {
		var d gradeTeamData
		var err error
		if d.distribution, err = grades.DistributionOf(ctx, st); err != nil {
			return d, err
		}
		if d.latest, err = st.LatestAssessments(ctx); err != nil {
			return d, err
		}
		if d.due, err = st.AssessmentsDue(ctx); err != nil {
			return d, err
		}
		if d.matrix, err = st.CurrentMatrix(ctx); err != nil {
			return d, err
		}
		if d.people, err = st.ListStaff(ctx, data.StaffFilter{}); err != nil {
			return d, err
		}
		if person == 0 && len(d.people) > 0 {
			person = d.people[0].ID
		}
		if person != 0 {
			d.profile, err = grades.ProfileOf(ctx, st, person)
		}
		return d, err
	}, func(d gradeTeamData) {
		t.current = d
		ids := make([]int64, len(d.people))
		for i, p := range d.people {
			ids[i] = p.ID
		}
		t.person.setValues(ids, func(id int64) string {
			for _, p := range d.people {
				if p.ID == id {
					return p.FullName
				}
			}
			return ""
		})
		t.person.setValueQuietly(d.profile.StaffID)
		t.show()
	})
}

// show draws the chosen view; the calendar is a list only.
func (t *gradeTeamTab) show() {
	view := t.view.value()
	showIf(t.byTeam, view == viewDistribution)
	showIf(t.person, view == viewProfile)
	style, lang := screenChartStyle(t.g.app), currentLang()
	if c := t.chartOf(lang, style); c != nil {
		t.chart.Show()
		t.split.Offset = 0.6
		t.chart.SetChart(func(w, h int) (image.Image, error) { return c.Image(w, h) })
	} else {
		t.chart.Hide()
		t.split.Offset = 0
	}
	t.split.Refresh()
	t.table.fill(t.tableOf(lang))
}

func showIf(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// chartOf is the view's chart (nil: the view is a list).
func (t *gradeTeamTab) chartOf(lang string, style charts.Style) chartImage {
	d := t.current
	switch t.view.value() {
	case viewDistribution:
		return d.distribution.Chart(lang, t.byTeam.Checked, style)
	case viewReadiness:
		return grades.ReadinessChart(d.latest, lang, style)
	case viewCompetencies:
		return grades.HeatmapChart(d.latest, d.matrix, lang, style)
	case viewProfile:
		return d.profile.Chart(lang, style)
	}
	return nil
}

func (t *gradeTeamTab) tableOf(lang string) table.Table {
	d := t.current
	switch t.view.value() {
	case viewReadiness:
		return grades.ReadinessTable(d.latest, lang)
	case viewCalendar:
		return grades.CalendarTable(d.due, lang)
	case viewCompetencies:
		return grades.HeatmapTable(d.latest, d.matrix, lang)
	case viewProfile:
		return d.profile.Table(lang)
	}
	return d.distribution.Table(lang)
}

func (t *gradeTeamTab) exportChart() {
	c := t.chartOf(currentLang(), charts.Print)
	if c == nil {
		return
	}
	t.g.app.chartExportDialog(t.tableOf(currentLang()).Name, c.PNG, c.SVG)
}
