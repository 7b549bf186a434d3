package ui

import (
	"context"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/audit"
	"leadboard/data/table"
	"leadboard/ui/widgets"
)

// auditTrendTab follows the scores from audit to audit, or sets two audits side by
// side with the items whose rating changed; chart above, table below, both
// exportable.
type auditTrendTab struct {
	s       *auditScreen
	loads   ticket
	current trendData
	view    *choice[string]
	before  *choice[int64]
	after   *choice[int64]
	pair    fyne.CanvasObject // the two drop-downs of the comparison
	chart   *widgets.ChartView
	table   *viewTable
	root    fyne.CanvasObject
}

// Views of the tab.
const (
	viewTrend   = "trend"
	viewCompare = "compare"
)

// trendData is every audit scored, the oldest first, with its ratings.
type trendData struct {
	results []audit.Result
	ratings map[int64]map[string]data.AuditItem
}

func newAuditTrendTab(s *auditScreen) *auditTrendTab {
	t := &auditTrendTab{s: s}
	t.view = newChoice([]string{viewTrend, viewCompare}, func(v string) string { return T("audit.ui.view." + v) },
		func(string) { t.show() })
	t.view.setValueQuietly(viewTrend)
	t.before = newChoice([]int64{}, func(int64) string { return "" }, func(int64) { t.show() })
	t.after = newChoice([]int64{}, func(int64) string { return "" }, func(int64) { t.show() })
	t.pair = container.NewHBox(widget.NewLabel(T("audit.ui.before")), sized(t.before, 160),
		widget.NewLabel(T("audit.ui.after")), sized(t.after, 160))
	t.chart = widgets.NewChartView(fyne.NewSize(640, 320), s.app.background)
	t.table = newViewTable()
	saveChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), t.exportChart)
	saveTable := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		s.app.exportDialog(t.tableOf(currentLang()), t.table.rowCount())
	})
	controls := container.NewHBox(widget.NewLabel(T("reviews.view")), sized(t.view, 270), t.pair, layout.NewSpacer(),
		saveChart, saveTable)
	split := container.NewVSplit(t.chart, t.table.table)
	split.Offset = 0.58
	t.root = container.NewBorder(controls, nil, nil, nil, split)
	return t
}

func (t *auditTrendTab) reload() {
	load(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) (trendData, error) {
		var d trendData
		var err error
		if d.results, err = audit.Results(ctx, st); err != nil {
			return d, err
		}
		d.ratings, err = st.AllAuditItems(ctx)
		return d, err
	}, func(d trendData) {
		t.current = d
		t.setAudits()
		t.show()
	})
}

// setAudits offers the audits in both drop-downs by date (one audit a day), the
// latest first; the comparison starts with the two latest.
func (t *auditTrendTab) setAudits() {
	rs := t.current.results
	ids := make([]int64, len(rs))
	labels := make(map[int64]string, len(rs))
	for i, r := range rs {
		ids[len(rs)-1-i], labels[r.Audit.ID] = r.Audit.ID, date(r.Audit.HeldOn)
	}
	label := func(id int64) string { return labels[id] }
	had := t.after.value() != 0
	t.before.setValues(ids, label)
	t.after.setValues(ids, label)
	if !had && len(ids) >= 2 {
		t.after.setValueQuietly(ids[0])
		t.before.setValueQuietly(ids[1])
	}
}

func (t *auditTrendTab) result(id int64) (audit.Result, bool) {
	for _, r := range t.current.results {
		if r.Audit.ID == id {
			return r, true
		}
	}
	return audit.Result{}, false
}

// comparison sets the two chosen audits side by side (false: two are not chosen).
func (t *auditTrendTab) comparison() (audit.Comparison, bool) {
	before, okBefore := t.result(t.before.value())
	after, okAfter := t.result(t.after.value())
	if !okBefore || !okAfter {
		return audit.Comparison{}, false
	}
	return audit.Compare(before, after, t.current.ratings[before.Audit.ID], t.current.ratings[after.Audit.ID]), true
}

// show draws the chosen view.
func (t *auditTrendTab) show() {
	showIf(t.pair, t.view.value() == viewCompare)
	lang := currentLang()
	c := t.chartOf(lang, screenChartStyle(t.s.app))
	t.chart.SetChart(func(w, h int) (image.Image, error) { return c.Image(w, h) })
	tb := t.tableOf(lang)
	t.table.fill(tb)
	fitItemColumns(t.table, tb)
}

// fitItemColumns narrows an item's code and widens its statement, which the
// generic widths of text columns get the other way round.
func fitItemColumns(v *viewTable, tb table.Table) {
	for i, c := range tb.Columns {
		switch c.Key {
		case "code":
			v.table.SetColumnWidth(i, 70)
		case "text":
			v.table.SetColumnWidth(i, 420)
		}
	}
}

func (t *auditTrendTab) chartOf(lang string, style charts.Style) chartImage {
	if t.view.value() == viewCompare {
		c, ok := t.comparison()
		if !ok {
			return charts.GroupedBarChart{Empty: T("audit.ui.choose_two"), Style: style}
		}
		return audit.ComparisonChart(c, lang, style)
	}
	return audit.TrendChart(t.current.results, lang, style)
}

func (t *auditTrendTab) tableOf(lang string) table.Table {
	if t.view.value() == viewCompare {
		c, _ := t.comparison()
		return audit.ComparisonTable(c, lang)
	}
	return audit.TrendTable(t.current.results, lang)
}

func (t *auditTrendTab) exportChart() {
	lang := currentLang()
	c := t.chartOf(lang, charts.Print)
	t.s.app.chartExportDialog(t.tableOf(lang).Name, c.PNG, c.SVG)
}
