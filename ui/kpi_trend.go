package ui

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/kpi"
	"leadboard/ui/widgets"
)

// kpiTrendTab draws a KPI (or several of one unit) month by month or quarter by
// quarter for the department, managers or clients, against their targets.
type kpiTrendTab struct {
	s       *kpiScreen
	loads   ticket
	kpiSel  *choice[string]
	wanted  string         // a KPI to show once the catalogue is loaded
	more    *widget.Button // other KPIs of the same unit on the same chart
	extra   []string       // their codes
	level   *choice[string]
	who     *entityPicker // managers or clients, for those levels
	period  *periodPicker
	gran    *choice[kpi.Granularity]
	average *widget.Check
	define  *widget.Label // the KPI's definition
	busy    *widget.ProgressBarInfinite
	chart   *widgets.ChartView
	table   *widgets.Table[trendRow]
	result  kpi.Trend
	shown   bool // a trend is shown (the export buttons work)
	root    fyne.CanvasObject
}

// trendRow is a line of the table under the chart.
type trendRow struct {
	period, who            string
	value, target, reached float64
	unit                   string
	order                  int
}

func newKPITrendTab(s *kpiScreen) *kpiTrendTab {
	t := &kpiTrendTab{s: s}
	t.kpiSel = newChoice([]string{}, s.kpiName, func(string) { t.kpiChanged() })
	t.more = widget.NewButtonWithIcon(T("kpi.more"), theme.ContentAddIcon(), t.pickMore)
	t.level = newChoice([]string{data.LevelDepartment}, levelLabel, func(string) { t.levelChanged() })
	t.level.setValueQuietly(data.LevelDepartment)
	t.who = newEntityPicker(s.app, kpi.MaxEntities, func() { t.refresh() })
	t.period = newPeriodPicker(s.app, func() { t.levelChanged() })
	t.gran = newChoice([]kpi.Granularity{kpi.Monthly, kpi.Quarterly},
		func(g kpi.Granularity) string { return T("kpi.granularity_choice." + string(g)) }, func(kpi.Granularity) { t.refresh() })
	t.gran.setValueQuietly(kpi.Monthly)
	t.average = widget.NewCheck(T("kpi.moving_average"), func(bool) { t.redraw() })
	t.define = widget.NewLabel("")
	t.define.Wrapping = fyne.TextWrapWord
	t.define.SizeName = theme.SizeNameCaptionText
	t.busy = widget.NewProgressBarInfinite()
	t.busy.Hide()
	t.chart = widgets.NewChartView(fyne.NewSize(640, 340), s.app.background)
	t.table = widgets.NewTable(t.columns(), T("kpi.no_data"))
	saveChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), t.exportChart)
	saveTable := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		if t.shown {
			s.app.exportDialog(t.result.Table(currentLang()), len(t.table.Rows()))
		}
	})
	controls := container.NewVBox(
		container.NewHBox(widget.NewLabel(T("field.kpi")), sized(t.kpiSel, 340), t.more,
			widget.NewLabel(T("kpi.for")), sized(t.level, 160), t.who.button),
		container.NewHBox(widget.NewLabel(T("kpi.period")), t.period.object(), sized(t.gran, 160), t.average,
			saveChart, saveTable),
		t.define, t.busy)
	split := container.NewVSplit(t.chart, t.table)
	split.Offset = 0.62
	t.root = container.NewBorder(controls, nil, nil, nil, split)
	return t
}

func (t *kpiTrendTab) columns() []widgets.Column[trendRow] {
	return []widgets.Column[trendRow]{
		{Title: T("kpi.col.period"), Width: 120, Text: func(r trendRow) string { return r.period },
			Less: func(a, b trendRow) bool { return a.order < b.order }},
		{Title: T("kpi.col.who"), Width: 300, Text: func(r trendRow) string { return r.who },
			Less: func(a, b trendRow) bool { return a.who < b.who }},
		{Title: T("field.value"), Width: 150, Align: fyne.TextAlignTrailing,
			Text: func(r trendRow) string { return charts.FormatValue(currentLang(), r.unit, r.value) },
			Less: func(a, b trendRow) bool { return lessNaN(a.value, b.value) }},
		{Title: T("field.target"), Width: 150, Align: fyne.TextAlignTrailing,
			Text: func(r trendRow) string { return charts.FormatValue(currentLang(), r.unit, r.target) },
			Less: func(a, b trendRow) bool { return lessNaN(a.target, b.target) }},
		{Title: T("kpi.col.attainment"), Width: 130, Align: fyne.TextAlignTrailing,
			Text: func(r trendRow) string {
				return charts.FormatValue(currentLang(), charts.UnitPercent, r.reached)
			},
			Less:       func(a, b trendRow) bool { return lessNaN(a.reached, b.reached) },
			Importance: func(r trendRow) widget.Importance { return bandImportance(kpi.BandOf(r.reached)) }},
	}
}

// lessNaN orders numbers with the missing ones last.
func lessNaN(a, b float64) bool {
	if math.IsNaN(b) {
		return !math.IsNaN(a)
	}
	return !math.IsNaN(a) && a < b
}

// bandImportance colours an attainment cell red, amber or green.
func bandImportance(b kpi.Band) widget.Importance {
	switch b {
	case kpi.BandRed:
		return widget.DangerImportance
	case kpi.BandAmber:
		return widget.WarningImportance
	case kpi.BandGreen:
		return widget.SuccessImportance
	}
	return widget.MediumImportance
}

// kpiName is a KPI's name in the UI language.
func (s *kpiScreen) kpiName(code string) string { return s.kpiByCode(code).Name(currentLang()) }

func levelLabel(level string) string { return T("kpi.level." + level) }

// setCatalogue offers the active KPIs, keeping the choice when it remains.
func (t *kpiTrendTab) setCatalogue(kpis []data.KPI) {
	t.kpiSel.setValues(activeCodes(kpis, nil), t.s.kpiName)
	if t.wanted != "" {
		t.kpiSel.setValueQuietly(t.wanted)
		t.wanted = ""
	}
	if t.kpiSel.value() == "" && len(kpis) > 0 {
		t.kpiSel.setValueQuietly(kpis[0].Code)
	}
	t.kpiChanged()
}

// kpiChanged offers the levels the KPI is measured at and drops extra KPIs of
// another unit.
func (t *kpiTrendTab) kpiChanged() {
	k := t.s.kpiByCode(t.kpiSel.value())
	t.define.SetText(k.Definition(currentLang()))
	var extra []string
	for _, code := range t.extra {
		if other := t.s.kpiByCode(code); other.Unit == k.Unit && code != k.Code {
			extra = append(extra, code)
		}
	}
	t.extra = extra
	t.updateMore()
	t.level.setValues(k.Levels(), levelLabel) // reports a change when the level had to move
	if t.level.value() == "" {
		t.level.setValueQuietly(data.LevelDepartment)
	}
	t.levelChanged()
}

func (t *kpiTrendTab) updateMore() {
	t.more.SetText(T("kpi.more"))
	if n := len(t.extra); n > 0 {
		t.more.SetText(Tf("kpi.more_n", map[string]any{"Count": n}))
	}
}

// levelChanged keeps the compared KPIs measured at the level and offers whom the
// level has in the period.
func (t *kpiTrendTab) levelChanged() {
	level := t.level.value()
	t.extra = slices.DeleteFunc(t.extra, func(code string) bool {
		return !slices.Contains(t.s.kpiByCode(code).Levels(), level)
	})
	t.updateMore()
	from, to := t.period.months()
	t.who.setLevel(level, from, to)
	t.refresh()
}

// query is what the controls ask for.
func (t *kpiTrendTab) query() kpi.Query {
	from, to := t.period.months()
	return kpi.Query{KPIs: append([]string{t.kpiSel.value()}, t.extra...), Level: t.level.value(),
		Entities: t.who.chosen(), From: from, To: to, Granularity: t.gran.value()}
}

// refresh computes the trend in the background when the tab is shown; the progress
// bar runs meanwhile.
func (t *kpiTrendTab) refresh() {
	if !t.s.showing(t.root) {
		return
	}
	q := t.query()
	if q.KPIs[0] == "" || (q.Level != data.LevelDepartment && len(q.Entities) == 0) {
		t.clear(T("kpi.choose_who"))
		return
	}
	t.busy.Show()
	t.busy.Start()
	loadOr(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) (kpi.Trend, error) {
		return kpi.TrendOf(ctx, st, q)
	}, t.apply, func(err error) { t.clear(describeError(err)) })
}

// clear shows a message where the chart goes and drops a load still running.
func (t *kpiTrendTab) clear(message string) {
	t.loads.next()
	t.stopBusy()
	t.shown = false
	t.chart.SetChart(emptyChart(t.s.app, message))
	t.table.SetRows(nil)
}

func (t *kpiTrendTab) stopBusy() {
	t.busy.Stop()
	t.busy.Hide()
}

func (t *kpiTrendTab) apply(tr kpi.Trend) {
	t.stopBusy()
	t.result, t.shown = tr, true
	t.redraw()
	lang := currentLang()
	var rows []trendRow
	for _, s := range tr.Series {
		name := s.Entity.Name
		if s.Entity.ID == 0 {
			name = T("kpi.level.department")
		}
		if len(tr.Query.KPIs) > 1 {
			name = s.KPI.Name(lang) + " · " + name
		}
		for i, p := range tr.Periods {
			pt := s.Points[i]
			rows = append(rows, trendRow{period: p.Label(lang), who: name, value: pt.Value, target: pt.Target,
				reached: s.Attainment(i), unit: s.KPI.Unit, order: i})
		}
	}
	t.table.SetRows(rows)
}

// redraw renders the chart of the last result (the average toggles without a query).
func (t *kpiTrendTab) redraw() {
	if !t.shown {
		return
	}
	c := t.result.Chart(currentLang(), kpi.ChartOptions{MovingAverage: t.average.Checked, Style: screenChartStyle(t.s.app)})
	t.chart.SetChart(c.Image)
}

// exportChart saves the chart as PNG or SVG in the print style at a chosen size.
func (t *kpiTrendTab) exportChart() {
	if !t.shown {
		return
	}
	c := t.result.Chart(currentLang(), kpi.ChartOptions{MovingAverage: t.average.Checked, Style: charts.Print})
	t.s.app.chartExportDialog(c.Title, c.PNG, c.SVG)
}

// pickMore lets the user add KPIs of the same unit to the chart.
func (t *kpiTrendTab) pickMore() {
	main := t.s.kpiByCode(t.kpiSel.value())
	codes := activeCodes(t.s.catalogue, func(k data.KPI) bool {
		return k.Unit == main.Unit && k.Code != main.Code && slices.Contains(k.Levels(), t.level.value())
	})
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = t.s.kpiName(c)
	}
	group := widget.NewCheckGroup(names, nil)
	for _, c := range t.extra {
		group.Selected = append(group.Selected, t.s.kpiName(c))
	}
	t.s.app.showChecklist(T("kpi.more_title"), Tf("kpi.more_intro", map[string]any{"KPI": main.Name(currentLang())}),
		group, func() {
			t.extra = nil
			for i, n := range names {
				if slices.Contains(group.Selected, n) {
					t.extra = append(t.extra, codes[i])
				}
			}
			t.updateMore()
			t.refresh()
		})
}

// monthText writes a month for a field: "03.2026".
func monthText(m data.Month) string { return fmt.Sprintf("%02d.%d", int(m.Number()), m.Year()) }

// yearText writes a year for a choice.
func yearText(y int) string { return strconv.Itoa(y) }
