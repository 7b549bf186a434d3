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
	table   *widget.Table
	rows    [][]string
	header  []string
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
	t.table = widget.NewTableWithHeaders(func() (int, int) { return len(t.rows), len(t.header) }, newCellLabel,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(t.rows) && id.Col < len(t.rows[id.Row]) {
				o.(*widget.Label).SetText(t.rows[id.Row][id.Col])
			}
		})
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = newCellLabel
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(t.header) {
			o.(*widget.Label).SetText(t.header[id.Col])
		}
	}
	saveChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), t.exportChart)
	saveTable := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		g.app.exportDialog(t.tableOf(currentLang()), len(t.rows))
	})
	controls := container.NewHBox(widget.NewLabel(T("reviews.view")), sized(t.view, 260), t.byTeam, sized(t.person, 260),
		saveChart, saveTable)
	t.split = container.NewVSplit(t.chart, t.table)
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
	t.fill(t.tableOf(lang))
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

// fill shows a view's table as the export writes it.
func (t *gradeTeamTab) fill(tb table.Table) {
	t.header, t.rows = tableText(tb)
	for i, c := range tb.Columns {
		t.table.SetColumnWidth(i, columnWidth(c.Kind, t.header[i]))
	}
	t.table.Refresh()
}

func (t *gradeTeamTab) exportChart() {
	c := t.chartOf(currentLang(), charts.Print)
	if c == nil {
		return
	}
	t.g.app.chartExportDialog(t.tableOf(currentLang()).Name, c.PNG, c.SVG)
}
