package ui

import (
	"cmp"
	"image"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/health"
	"leadboard/ui/widgets"
)

// healthScoresTab lists every served client's health with the distribution chart
// above, and the chosen client's months and measures beside.
type healthScoresTab struct {
	s      *healthScreen
	band   *choice[string]
	lead   *choice[int64]
	search *widgets.Entry
	count  *widget.Label
	chart  *widgets.ChartView
	table  *widgets.Table[health.ClientHealth]
	client *healthClientPanel
	wanted int64 // a client to choose once the scores are in (from the Overview)
	root   fyne.CanvasObject
}

// Values of the band filter besides the bands themselves.
const (
	bandFilterAll  = "all"
	bandFilterNone = "none"
)

// leadFilterAll is the lead filter's "every lead" (0 is "no lead").
const leadFilterAll int64 = -1

// healthScoreColumn is the score column: the table opens sorted by it, worst first.
const healthScoreColumn = 2

func newHealthScoresTab(s *healthScreen) *healthScoresTab {
	t := &healthScoresTab{s: s}
	bands := []string{bandFilterAll, health.BandRed, health.BandAmber, health.BandGreen, bandFilterNone}
	t.band = newChoice(bands, bandFilterLabel, func(string) { t.show() })
	t.band.setValueQuietly(bandFilterAll)
	t.lead = newChoice([]int64{leadFilterAll}, func(int64) string { return T("health.all_leads") }, func(int64) { t.show() })
	t.lead.setValueQuietly(leadFilterAll)
	t.search = widgets.NewEntry()
	t.search.SetPlaceHolder(T("health.search"))
	t.search.OnChanged = func(string) { t.show() }
	t.count = widget.NewLabel("")
	t.chart = widgets.NewChartView(fyne.NewSize(420, 220), s.app.background)
	t.table = widgets.NewTable(healthColumns(), T("health.no_clients"))
	t.table.SortBy(healthScoreColumn, false)
	t.table.OnSelected = func(h health.ClientHealth) { t.choose(h.ClientID) }
	t.client = newHealthClientPanel(t)
	saveChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), t.exportChart)
	saveTable := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		rows := t.table.Rows()
		s.app.exportDialog(health.ScoresTable(rows, currentLang()), len(rows))
	})
	t.count.Truncation = fyne.TextTruncateEllipsis
	filters := container.NewHBox(widget.NewLabel(T("health.band")), sized(t.band, 160),
		widget.NewLabel(T("health.lead")), sized(t.lead, 220), sized(t.search, 200))
	controls := container.NewBorder(nil, nil, filters, container.NewHBox(saveChart, saveTable), t.count)
	left := container.NewVSplit(t.chart, t.table)
	left.Offset = 0.36
	split := container.NewHSplit(left, t.client.root)
	split.Offset = 0.56
	t.root = container.NewBorder(controls, nil, nil, nil, split)
	return t
}

func bandFilterLabel(v string) string {
	switch v {
	case bandFilterAll:
		return T("health.all_bands")
	case bandFilterNone:
		return health.BandName(currentLang(), health.BandNone)
	}
	return health.BandName(currentLang(), v)
}

// show lists the clients the filters keep and redraws the chart; the chosen client
// stays chosen (the first listed is chosen when none is).
func (t *healthScoresTab) show() {
	d := t.s.current
	t.setLeads(d.scores)
	byLead := t.filterByLead(d.scores)
	rows := t.filterRows(byLead)
	t.table.SetRows(rows)
	t.count.SetText(Tf("health.count", map[string]any{"Shown": integer(len(rows)), "All": integer(len(d.scores))}))
	style, lang, settings := screenChartStyle(t.s.app), currentLang(), d.settings
	t.chart.SetChart(func(w, h int) (image.Image, error) {
		return health.DistributionChart(byLead, settings, lang, style).Image(w, h)
	})
	chosen := t.client.current.ClientID
	if t.wanted != 0 {
		chosen, t.wanted = t.wanted, 0
	}
	if _, ok := t.find(chosen); !ok {
		chosen = 0
		if shown := t.table.Rows(); len(shown) > 0 {
			chosen = shown[0].ClientID
		}
	}
	t.choose(chosen)
}

// setLeads offers the leads there are, by name, with "no lead" last when some
// client has none.
func (t *healthScoresTab) setLeads(scores []health.ClientHealth) {
	names := map[int64]string{}
	for _, h := range scores {
		names[h.LeadID] = h.Lead
	}
	ids := make([]int64, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int {
		if (a == 0) != (b == 0) {
			return cmp.Compare(b, a) // "no lead" last
		}
		return cmp.Compare(data.Fold(names[a]), data.Fold(names[b]))
	})
	t.lead.setValues(append([]int64{leadFilterAll}, ids...), func(id int64) string {
		switch id {
		case leadFilterAll:
			return T("health.all_leads")
		case 0:
			return T("health.no_lead")
		}
		return names[id]
	})
	if t.lead.SelectedIndex() < 0 {
		t.lead.setValueQuietly(leadFilterAll)
	}
}

func (t *healthScoresTab) filterByLead(scores []health.ClientHealth) []health.ClientHealth {
	lead := t.lead.value()
	if lead == leadFilterAll {
		return scores
	}
	var out []health.ClientHealth
	for _, h := range scores {
		if h.LeadID == lead {
			out = append(out, h)
		}
	}
	return out
}

// filterRows keeps the band chosen and the names that contain the search.
func (t *healthScoresTab) filterRows(scores []health.ClientHealth) []health.ClientHealth {
	band, q := t.band.value(), data.Fold(strings.TrimSpace(t.search.Text))
	if band == bandFilterNone {
		band = health.BandNone
	}
	out := make([]health.ClientHealth, 0, len(scores))
	for _, h := range scores {
		if (band == bandFilterAll || h.Band == band) && (q == "" || strings.Contains(data.Fold(h.Client), q)) {
			out = append(out, h)
		}
	}
	return out
}

// find is a client's health among the scores.
func (t *healthScoresTab) find(id int64) (health.ClientHealth, bool) {
	for _, h := range t.s.current.scores {
		if h.ClientID == id && id != 0 {
			return h, true
		}
	}
	return health.ClientHealth{}, false
}

// choose shows a client's months and measures (0: none).
func (t *healthScoresTab) choose(id int64) {
	t.wanted = 0
	h, _ := t.find(id)
	t.client.set(h)
}

// chosenRef is the chosen client as a reference (zero when none).
func (t *healthScoresTab) chosenRef() data.PersonRef {
	h := t.client.current
	return data.PersonRef{ID: h.ClientID, Name: h.Client}
}

func (t *healthScoresTab) exportChart() {
	c := health.DistributionChart(t.filterByLead(t.s.current.scores), t.s.current.settings, currentLang(), charts.Print)
	t.s.app.chartExportDialog(c.Title, c.PNG, c.SVG)
}

func healthColumns() []widgets.Column[health.ClientHealth] {
	type row = health.ClientHealth
	return []widgets.Column[row]{
		{Title: T("field.client"), Width: 210, Text: func(h row) string { return h.Client },
			Less: func(a, b row) bool { return lessText(a.Client, b.Client) }},
		{Title: T("health.col.lead"), Width: 170, Text: func(h row) string { return leadName(h) },
			Less: func(a, b row) bool { return lessText(leadName(a), leadName(b)) }},
		{Title: T("field.score"), Width: 170, Align: fyne.TextAlignTrailing, Text: scoreText,
			Less:       func(a, b row) bool { return lessScore(a, b) },
			Importance: func(h row) widget.Importance { return healthBandImportance(h.Band) }},
		{Title: T("health.col.band"), Width: 120, Text: func(h row) string { return health.BandName(currentLang(), h.Band) },
			Less:       func(a, b row) bool { return lessScore(a, b) },
			Importance: func(h row) widget.Importance { return healthBandImportance(h.Band) }},
		{Title: T("health.col.reasons"), Width: 520, Text: func(h row) string { return h.ReasonText(currentLang()) }},
	}
}

// lessScore orders by score, the clients without one last, then by name.
func lessScore(a, b health.ClientHealth) bool {
	if a.Score == b.Score || (math.IsNaN(a.Score) && math.IsNaN(b.Score)) {
		return lessText(a.Client, b.Client)
	}
	return lessNaN(a.Score, b.Score)
}

func leadName(h health.ClientHealth) string {
	if h.LeadID == 0 {
		return T("health.no_lead")
	}
	return h.Lead
}

// scoreText is the score; the lead's own score is marked, the computed one beside it.
func scoreText(h health.ClientHealth) string {
	if h.Override != nil {
		return Tf("health.overridden_score", map[string]any{"Score": scoreNumber(h.Score),
			"Computed": scoreNumber(h.Computed)})
	}
	return scoreNumber(h.Score)
}

// scoreNumber writes a 0-100 score; "—" for none.
func scoreNumber(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	return number(v, 0)
}

// healthBandImportance colours a band red, amber or green.
func healthBandImportance(band string) widget.Importance {
	switch band {
	case health.BandRed:
		return widget.DangerImportance
	case health.BandAmber:
		return widget.WarningImportance
	case health.BandGreen:
		return widget.SuccessImportance
	}
	return widget.MediumImportance
}
