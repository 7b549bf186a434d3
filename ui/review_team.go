package ui

import (
	"context"
	"image"
	"io"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/calibration"
	"leadboard/data/table"
	"leadboard/ui/widgets"
)

// teamTab compares the team's reviews: one view at a time, its chart above and
// its table below, both exportable.
type teamTab struct {
	s       *reviewsScreen
	loads   ticket
	cycle   *choice[int64]
	view    *choice[string]
	current teamData
	chart   *widgets.ChartView
	table   *viewTable
	people  []int64 // whom the history compares; none: DefaultHistoryPeople
	choose  *widget.Button
	root    fyne.CanvasObject
}

// Views of the team tab.
const (
	viewHistogram = "histogram"
	viewHistory   = "history"
	viewHeatmap   = "heatmap"
	viewNineBox   = "ninebox"
	viewGaps      = "gaps"
)

var teamViews = []string{viewHistogram, viewHeatmap, viewNineBox, viewGaps, viewHistory}

// teamData is a cycle's results and, for the history, every cycle's.
type teamData struct {
	cycles []data.CycleSummary
	cycle  calibration.Results
	all    calibration.Results
}

func newTeamTab(s *reviewsScreen) *teamTab {
	t := &teamTab{s: s}
	t.cycle = newChoice([]int64{}, func(int64) string { return "" }, func(int64) { t.reload() })
	t.view = newChoice(teamViews, func(v string) string { return T("reviews.view." + v) }, func(string) { t.show() })
	t.choose = widget.NewButtonWithIcon(T("reviews.history_people"), theme.AccountIcon(), t.choosePeople)
	t.view.setValueQuietly(viewHistogram)
	t.chart = widgets.NewChartView(fyne.NewSize(640, 380), s.app.background)
	t.table = newViewTable()
	saveChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), t.exportChart)
	saveTable := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		t.s.app.exportDialog(t.tableOf(currentLang()), t.table.rowCount())
	})
	controls := container.NewHBox(widget.NewLabel(T("reviews.cycle")), sized(t.cycle, 300), widget.NewLabel(T("reviews.view")),
		sized(t.view, 260), t.choose, saveChart, saveTable)
	split := container.NewVSplit(t.chart, t.table.table)
	split.Offset = 0.62
	t.root = container.NewBorder(controls, nil, nil, nil, split)
	return t
}

func (t *teamTab) reload() {
	chosen := t.cycle.value()
	load(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) (teamData, error) {
		var d teamData
		var err error
		if d.cycles, err = st.ReviewCycles(ctx); err != nil {
			return d, err
		}
		if chosen == 0 {
			chosen = calibration.DefaultCycle(d.cycles)
		}
		if d.cycle, err = calibration.Load(ctx, st, chosen); err != nil {
			return d, err
		}
		d.all, err = calibration.Load(ctx, st, 0)
		return d, err
	}, func(d teamData) {
		t.current = d
		ids := make([]int64, len(d.cycles))
		for i, c := range d.cycles {
			ids[i] = c.ID
		}
		t.cycle.setValues(ids, func(id int64) string {
			for _, c := range d.cycles {
				if c.ID == id {
					return c.Name
				}
			}
			return ""
		})
		t.cycle.setValueQuietly(d.cycle.CycleID)
		t.show()
	})
}

// show draws the chosen view and fills its table.
func (t *teamTab) show() {
	if t.view.value() == viewHistory {
		t.choose.Show()
	} else {
		t.choose.Hide()
	}
	style, lang := screenChartStyle(t.s.app), currentLang()
	render := t.renderer(lang, style)
	t.chart.SetChart(func(w, h int) (image.Image, error) { return render.Image(w, h) })
	t.table.fill(t.tableOf(lang))
}

// chartImage is what every chart of the tab can do.
type chartImage interface {
	Image(width, height int) (image.Image, error)
	PNG(out io.Writer, width, height int) error
	SVG(out io.Writer, width, height int) error
}

func (t *teamTab) renderer(lang string, style charts.Style) chartImage {
	r := t.current.cycle
	switch t.view.value() {
	case viewHistory:
		return t.history().Chart(lang, style)
	case viewHeatmap:
		return r.HeatmapChart(lang, style)
	case viewNineBox:
		return r.NineBoxChart(lang, style)
	case viewGaps:
		return r.GapsChart(lang, style)
	}
	return r.HistogramChart(lang, style)
}

func (t *teamTab) tableOf(lang string) table.Table {
	r := t.current.cycle
	switch t.view.value() {
	case viewHistory:
		return t.history().Table(lang)
	case viewHeatmap:
		return r.ScoresTable(lang)
	case viewNineBox:
		return r.NineBoxTable(lang)
	case viewGaps:
		return r.GapsTable(lang)
	}
	return r.HistogramTable(lang)
}

// history compares the people chosen, or by default the best of the cycle shown.
func (t *teamTab) history() calibration.ScoreHistory {
	people := t.people
	if len(people) == 0 {
		people = t.current.cycle.DefaultHistoryPeople()
	}
	return t.current.all.History(people)
}

// choosePeople picks up to calibration.MaxHistoryPeople people for the history.
func (t *teamTab) choosePeople() {
	a := t.s.app
	var ids []int64
	var names []string
	seen := map[int64]bool{}
	for _, v := range t.current.all.Reviews {
		if !seen[v.StaffID] {
			seen[v.StaffID] = true
			ids = append(ids, v.StaffID)
			names = append(names, v.Name)
		}
	}
	labels := uniqueLabels(names, func(n string) string { return n })
	checks := widget.NewCheckGroup(labels, nil)
	for _, p := range t.history().People {
		if i := slices.Index(ids, p.StaffID); i >= 0 {
			checks.Selected = append(checks.Selected, labels[i])
		}
	}
	note := widget.NewLabel(Tf("reviews.history_people_note", map[string]any{"Max": calibration.MaxHistoryPeople}))
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(T("reviews.history_people"), T("action.choose_done"), T("action.cancel"),
		container.NewBorder(note, nil, nil, nil, container.NewVScroll(checks)), func(ok bool) {
			if !ok {
				return
			}
			t.people = nil
			for i, l := range labels {
				if slices.Contains(checks.Selected, l) && len(t.people) < calibration.MaxHistoryPeople {
					t.people = append(t.people, ids[i])
				}
			}
			t.show()
		}, a.win)
	d.Resize(fyne.NewSize(480, 560))
	a.showDialog(d)
}

func (t *teamTab) exportChart() {
	c := t.renderer(currentLang(), charts.Print)
	title := t.tableOf(currentLang()).Name
	t.s.app.chartExportDialog(title, c.PNG, c.SVG)
}
