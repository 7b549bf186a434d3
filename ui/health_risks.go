package ui

import (
	"context"
	"image"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/health"
	"leadboard/ui/widgets"
)

// healthRisksTab is the risk list (the worst first, with the reasons in words) and
// the renewals calendar: contracts ending within 30, 60 or 90 days with the
// clients' health.
type healthRisksTab struct {
	s         *healthScreen
	loads     ticket
	risks     *widgets.Table[health.ClientHealth]
	riskCount *widget.Label
	window    *widget.RadioGroup
	renewals  *widgets.Table[health.Renewal]
	total     *widget.Label
	chart     *widgets.ChartView
	shown     []health.Renewal
	root      fyne.CanvasObject
}

// renewalWindows are the choices of the calendar, in days.
var renewalWindows = []int{30, 60, 90}

func newHealthRisksTab(s *healthScreen) *healthRisksTab {
	t := &healthRisksTab{s: s}
	t.risks = widgets.NewTable(riskColumns(), T("health.no_risks"))
	t.risks.OnSelected = func(h health.ClientHealth) { s.showClient(h.ClientID) }
	t.riskCount = widget.NewLabel("")
	saveRisks := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		s.app.exportDialog(health.RiskTable(t.risks.Rows(), 0, currentLang()), len(t.risks.Rows()))
	})
	riskTitle := widget.NewLabelWithStyle(T("health.risk_list"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.riskCount.Truncation = fyne.TextTruncateEllipsis
	riskArea := container.NewBorder(container.NewBorder(nil, nil, riskTitle, saveRisks, t.riskCount),
		nil, nil, nil, t.risks)

	labels := make([]string, len(renewalWindows))
	for i, d := range renewalWindows {
		labels[i] = renewalWindowLabel(d)
	}
	t.window = widget.NewRadioGroup(labels, func(string) { t.loadRenewals() })
	t.window.Horizontal = true
	t.window.Required = true
	t.window.Selected = labels[0]
	t.total = widget.NewLabel("")
	t.chart = widgets.NewChartView(fyne.NewSize(420, 260), s.app.background)
	t.renewals = widgets.NewTable(renewalColumns(), T("health.no_renewals"))
	t.renewals.OnSelected = func(r health.Renewal) { s.showClient(r.ClientID) }
	saveChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), t.exportChart)
	saveTable := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		rows := t.renewals.Rows()
		s.app.exportDialog(health.RenewalsTable(rows, currentLang()), len(rows))
	})
	renewTitle := widget.NewLabelWithStyle(T("health.renewals"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.total.Truncation = fyne.TextTruncateEllipsis
	renewControls := container.NewBorder(nil, nil, container.NewHBox(renewTitle, t.window),
		container.NewHBox(saveChart, saveTable), t.total)
	renewSplit := container.NewHSplit(t.chart, t.renewals)
	renewSplit.Offset = 0.4
	renewArea := container.NewBorder(renewControls, nil, nil, nil, renewSplit)

	split := container.NewVSplit(riskArea, renewArea)
	split.Offset = 0.45
	t.root = split
	return t
}

func renewalWindowLabel(days int) string {
	return Tf("health.within_days", map[string]any{"Days": strconv.Itoa(days)})
}

// days is the window chosen.
func (t *healthRisksTab) days() int {
	for _, d := range renewalWindows {
		if renewalWindowLabel(d) == t.window.Selected {
			return d
		}
	}
	return renewalWindows[0]
}

// setDays chooses a window (as a click on it does).
func (t *healthRisksTab) setDays(days int) { t.window.SetSelected(renewalWindowLabel(days)) }

// show lists the clients at risk from the scores and reads the renewals again.
func (t *healthRisksTab) show() {
	risks := health.AtRisk(t.s.current.scores, 0)
	t.risks.SetRows(risks)
	red := 0
	for _, h := range risks {
		if h.Band == health.BandRed {
			red++
		}
	}
	t.riskCount.SetText(Tf("health.risk_count", map[string]any{"Red": integer(red), "Amber": integer(len(risks) - red)}))
	t.loadRenewals()
}

// loadRenewals reads the contracts ending within the window, each with its
// client's score.
func (t *healthRisksTab) loadRenewals() {
	d := t.s.current
	if d.asOf.IsZero() {
		return
	}
	days := t.days()
	scores := make(map[int64]float64, len(d.scores))
	for _, h := range d.scores {
		if !math.IsNaN(h.Score) {
			scores[h.ClientID] = h.Score
		}
	}
	loadOr(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) ([]health.Renewal, error) {
		return health.Renewals(ctx, st, d.asOf, days, scores, d.settings)
	}, t.applyRenewals, func(err error) {
		t.applyRenewals(nil)
		t.chart.SetChart(emptyChart(t.s.app, describeError(err)))
	})
}

func (t *healthRisksTab) applyRenewals(rs []health.Renewal) {
	t.shown = rs
	t.renewals.SetRows(rs)
	var budget int64
	for _, r := range rs {
		budget += r.Budget
	}
	t.total.SetText(Tf("health.renewals_total", map[string]any{"Count": integer(len(rs)), "Budget": money(budget)}))
	style, lang := screenChartStyle(t.s.app), currentLang()
	t.chart.SetChart(func(w, h int) (image.Image, error) {
		return health.RenewalsByMonthChart(rs, lang, style).Image(w, h)
	})
}

func (t *healthRisksTab) exportChart() {
	c := health.RenewalsByMonthChart(t.shown, currentLang(), charts.Print)
	t.s.app.chartExportDialog(c.Title, c.PNG, c.SVG)
}

func riskColumns() []widgets.Column[health.ClientHealth] {
	cols := healthColumns()
	cols[len(cols)-1].Width = 640 // the reasons are what the list is read for
	return cols
}

func renewalColumns() []widgets.Column[health.Renewal] {
	type row = health.Renewal
	return []widgets.Column[row]{
		{Title: T("field.client"), Width: 145, Text: func(r row) string { return r.Client },
			Less: func(a, b row) bool { return lessText(a.Client, b.Client) }},
		{Title: T("health.col.contract"), Width: 112, Text: func(r row) string { return r.Number },
			Less: func(a, b row) bool { return lessText(a.Number, b.Number) }},
		{Title: T("health.col.ends"), Width: 100, Text: func(r row) string { return date(r.Ends) },
			Less: func(a, b row) bool { return a.Ends.Before(b.Ends) }},
		{Title: T("health.col.days_left"), Width: 65, Align: fyne.TextAlignTrailing,
			Text:       func(r row) string { return integer(r.DaysLeft) },
			Less:       func(a, b row) bool { return a.DaysLeft < b.DaysLeft },
			Importance: func(r row) widget.Importance { return renewedImportance(r) }},
		{Title: T("health.col.budget"), Width: 130, Align: fyne.TextAlignTrailing,
			Text: func(r row) string { return money(r.Budget) },
			Less: func(a, b row) bool { return a.Budget < b.Budget }},
		{Title: T("health.col.health"), Width: 158,
			Text: func(r row) string {
				return scoreNumber(r.Health) + " · " + health.BandName(currentLang(), r.Band)
			},
			Less:       func(a, b row) bool { return lessNaN(a.Health, b.Health) },
			Importance: func(r row) widget.Importance { return healthBandImportance(r.Band) }},
		{Title: T("health.col.lead"), Width: 170, Text: func(r row) string { return r.Lead },
			Less: func(a, b row) bool { return lessText(a.Lead, b.Lead) }},
		{Title: T("health.col.renewed"), Width: 120, Text: func(r row) string {
			if r.Renewed {
				return T("health.renewal_on_file")
			}
			return T("health.renewal_missing")
		}},
	}
}

// renewedImportance warns of a contract ending with no renewal on file.
func renewedImportance(r health.Renewal) widget.Importance {
	if r.Renewed {
		return widget.MediumImportance
	}
	return widget.WarningImportance
}
