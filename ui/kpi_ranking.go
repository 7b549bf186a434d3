package ui

import (
	"context"
	"image"
	"io"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/kpi"
	"leadboard/ui/widgets"
)

// kpiRankingTab compares every manager or client on one KPI for one month or
// quarter: attainment bars from zero, and the table behind them.
type kpiRankingTab struct {
	s      *kpiScreen
	loads  ticket
	kpiSel *choice[string]
	level  *choice[string]
	period *choice[kpi.Period]
	busy   *widget.ProgressBarInfinite
	chart  *widgets.ChartView
	table  *widgets.Table[rankRow]
	result kpi.Ranking
	shown  bool
	root   fyne.CanvasObject
}

// defaultRanking is the KPI a ranking opens on: one every manager is measured on.
const defaultRanking = "response_sla"

type rankRow struct {
	place int
	kpi.RankRow
	unit string
}

func newKPIRankingTab(s *kpiScreen) *kpiRankingTab {
	t := &kpiRankingTab{s: s}
	t.kpiSel = newChoice([]string{}, s.kpiName, func(string) { t.kpiChanged() })
	t.level = newChoice([]string{data.LevelManager, data.LevelClient}, levelLabel, func(string) { t.refresh() })
	t.level.setValueQuietly(data.LevelManager)
	t.period = newChoice(t.periods(), periodLabel, func(kpi.Period) { t.refresh() })
	t.period.setValueQuietly(t.periods()[0])
	t.busy = widget.NewProgressBarInfinite()
	t.busy.Hide()
	t.chart = widgets.NewChartView(fyne.NewSize(640, 360), s.app.background)
	t.table = widgets.NewTable(t.columns(), T("kpi.no_data"))
	saveChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), t.exportChart)
	saveTable := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		if t.shown {
			s.app.exportDialog(t.result.Table(currentLang()), len(t.result.Rows))
		}
	})
	controls := container.NewVBox(
		container.NewHBox(widget.NewLabel(T("field.kpi")), sized(t.kpiSel, 340), widget.NewLabel(T("kpi.for")),
			sized(t.level, 160), widget.NewLabel(T("kpi.period")), sized(t.period, 160), saveChart, saveTable), t.busy)
	split := container.NewHSplit(t.chart, t.table)
	split.Offset = 0.45
	t.root = container.NewBorder(controls, nil, nil, nil, split)
	return t
}

func periodLabel(p kpi.Period) string { return p.Label(currentLang()) }

// periods are the last 24 full months, then the last 8 quarters.
func (t *kpiRankingTab) periods() []kpi.Period {
	last := t.s.app.lastFullMonth()
	var out []kpi.Period
	for m := last; m > last-24; m-- {
		out = append(out, kpi.MonthPeriod(m))
	}
	q := kpi.QuarterPeriod(last)
	if q.To > last {
		q = kpi.QuarterPeriod(q.From - 1) // the current quarter is not over
	}
	for range 8 {
		out = append(out, q)
		q = kpi.QuarterPeriod(q.From - 1)
	}
	return out
}

func (t *kpiRankingTab) columns() []widgets.Column[rankRow] {
	lang := func() string { return currentLang() }
	return []widgets.Column[rankRow]{
		{Title: T("kpi.col.place"), Width: 56, Align: fyne.TextAlignTrailing,
			Text: func(r rankRow) string { return integer(r.place) },
			Less: func(a, b rankRow) bool { return a.place < b.place }},
		{Title: T("kpi.col.who"), Width: 220, Text: func(r rankRow) string { return r.Name },
			Less: func(a, b rankRow) bool { return strings.Compare(a.Name, b.Name) < 0 }},
		{Title: T("field.value"), Width: 100, Align: fyne.TextAlignTrailing,
			Text: func(r rankRow) string { return charts.FormatValue(lang(), r.unit, r.Value) },
			Less: func(a, b rankRow) bool { return lessNaN(a.Value, b.Value) }},
		{Title: T("field.target"), Width: 96, Align: fyne.TextAlignTrailing,
			Text: func(r rankRow) string { return charts.FormatValue(lang(), r.unit, r.Target) },
			Less: func(a, b rankRow) bool { return lessNaN(a.Target, b.Target) }},
		{Title: T("kpi.col.attainment"), Width: 104, Align: fyne.TextAlignTrailing,
			Text:       func(r rankRow) string { return charts.FormatValue(lang(), charts.UnitPercent, r.Attainment) },
			Less:       func(a, b rankRow) bool { return lessNaN(a.Attainment, b.Attainment) },
			Importance: func(r rankRow) widget.Importance { return bandImportance(kpi.BandOf(r.Attainment)) }},
	}
}

// setCatalogue offers the KPIs measured per manager or client.
func (t *kpiRankingTab) setCatalogue(kpis []data.KPI) {
	codes := activeCodes(kpis, func(k data.KPI) bool { return k.Level != data.LevelDepartment })
	t.kpiSel.setValues(codes, t.s.kpiName)
	if t.kpiSel.value() == "" && len(codes) > 0 {
		first := codes[0]
		if slices.Contains(codes, defaultRanking) {
			first = defaultRanking
		}
		t.kpiSel.setValueQuietly(first)
	}
	t.kpiChanged()
}

func (t *kpiRankingTab) kpiChanged() {
	k := t.s.kpiByCode(t.kpiSel.value())
	var levels []string
	for _, l := range k.Levels() {
		if l != data.LevelDepartment {
			levels = append(levels, l)
		}
	}
	t.level.setValues(levels, levelLabel)
	if t.level.value() == "" && len(levels) > 0 {
		t.level.setValueQuietly(levels[0])
	}
	t.refresh()
}

func (t *kpiRankingTab) refresh() {
	code, level, p := t.kpiSel.value(), t.level.value(), t.period.value()
	if code == "" || level == "" || !t.s.showing(t.root) {
		return
	}
	t.busy.Show()
	t.busy.Start()
	loadOr(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) (kpi.Ranking, error) {
		return kpi.RankingOf(ctx, st, code, level, p)
	}, t.apply, func(err error) {
		t.stopBusy()
		t.shown = false
		t.table.SetRows(nil)
		t.chart.SetChart(emptyChart(t.s.app, describeError(err)))
	})
}

func (t *kpiRankingTab) stopBusy() {
	t.busy.Stop()
	t.busy.Hide()
}

func (t *kpiRankingTab) apply(r kpi.Ranking) {
	t.stopBusy()
	t.result, t.shown = r, true
	rows := make([]rankRow, len(r.Rows))
	for i, row := range r.Rows {
		rows[i] = rankRow{place: i + 1, RankRow: row, unit: r.KPI.Unit}
	}
	t.table.SetRows(rows)
	style := screenChartStyle(t.s.app)
	t.chart.SetChart(func(w, h int) (image.Image, error) {
		return r.Chart(currentLang(), style, h).Image(w, h)
	})
}

func (t *kpiRankingTab) exportChart() {
	if !t.shown {
		return
	}
	r := t.result
	title := Tf("kpi.ranking_title", map[string]any{"KPI": r.KPI.Name(currentLang())})
	t.s.app.chartExportDialog(title,
		func(w io.Writer, width, height int) error {
			return r.Chart(currentLang(), charts.Print, height).PNG(w, width, height)
		},
		func(w io.Writer, width, height int) error {
			return r.Chart(currentLang(), charts.Print, height).SVG(w, width, height)
		})
}
