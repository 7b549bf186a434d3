package ui

import (
	"context"
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/health"
	"leadboard/ui/widgets"
)

// opportunitiesTab is the upsell and cross-sell pipeline: weighted by probability
// per manager (chart and table), and the list of opportunities to add and edit.
type opportunitiesTab struct {
	s        *healthScreen
	loads    ticket
	current  opportunitiesData
	status   *choice[string]
	totals   *widget.Label
	chart    *widgets.ChartView
	pipeline *widgets.Table[health.ManagerPipeline]
	list     *widgets.Table[data.Opportunity]
	picker   *clientPicker // the client picker of the form opened last
	root     fyne.CanvasObject
}

// opportunitiesData is the pipeline and the listed opportunities, read together.
type opportunitiesData struct {
	pipeline []health.ManagerPipeline
	list     []data.Opportunity
}

// opportunityStatusAll is the status filter's "every status".
const opportunityStatusAll = "all"

func newOpportunitiesTab(s *healthScreen) *opportunitiesTab {
	t := &opportunitiesTab{s: s}
	statuses := append([]string{opportunityStatusAll}, data.OpportunityStatuses...)
	t.status = newChoice(statuses, opportunityStatusFilterLabel, func(string) { t.reload() })
	t.status.setValueQuietly("open")
	t.totals = widget.NewLabel("")
	t.chart = widgets.NewChartView(fyne.NewSize(420, 240), s.app.background)
	t.pipeline = widgets.NewTable(pipelineColumns(), T("health.pipeline.empty"))
	t.list = widgets.NewTable(opportunityColumns(s.app.today), T("opportunities.none"))
	t.list.OnSelected = func(o data.Opportunity) { t.picker = s.app.editOpportunity(o, t.reload) }
	add := widget.NewButtonWithIcon(T("opportunities.add"), theme.ContentAddIcon(), func() { t.add(data.PersonRef{}) })
	add.Importance = widget.HighImportance
	saveChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), t.exportChart)
	savePipeline := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		s.app.exportDialog(health.PipelineTable(t.current.pipeline, currentLang()), len(t.current.pipeline))
	})
	saveList := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		rows := t.list.Rows()
		s.app.exportDialog(health.OpportunitiesTable(rows, currentLang()), len(rows))
	})
	// The chart is titled: the buttons go beside the table, under which is the list.
	pipelineTable := container.NewBorder(container.NewHBox(layout.NewSpacer(), saveChart, savePipeline), nil, nil, nil,
		t.pipeline)
	pipelineArea := container.NewHSplit(t.chart, pipelineTable)
	pipelineArea.Offset = 0.42
	t.totals.Truncation = fyne.TextTruncateEllipsis
	listControls := container.NewBorder(nil, nil, container.NewHBox(add, widget.NewLabel(T("field.status")),
		sized(t.status, 160)), saveList, t.totals)
	listArea := container.NewBorder(listControls, nil, nil, nil, t.list)
	split := container.NewVSplit(pipelineArea, listArea)
	split.Offset = 0.5
	t.root = split
	return t
}

func opportunityStatusFilterLabel(v string) string {
	if v == opportunityStatusAll {
		return T("opportunities.all")
	}
	return T("opportunity.status." + v)
}

// reload reads the pipeline as of today and the opportunities the filter keeps.
func (t *opportunitiesTab) reload() {
	status := t.status.value()
	if status == opportunityStatusAll {
		status = ""
	}
	load(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) (opportunitiesData, error) {
		var d opportunitiesData
		var err error
		if d.pipeline, err = health.Pipeline(ctx, st, st.Today()); err != nil {
			return d, err
		}
		d.list, err = st.Opportunities(ctx, data.OpportunityFilter{Status: status})
		return d, err
	}, t.apply)
}

func (t *opportunitiesTab) apply(d opportunitiesData) {
	t.current = d
	t.pipeline.SetRows(d.pipeline)
	t.list.SetRows(d.list)
	var total int64
	var weighted float64
	for _, o := range d.list {
		total += o.Amount
		weighted += o.Weighted()
	}
	t.totals.SetText(Tf("opportunities.totals", map[string]any{"Count": integer(len(d.list)), "Total": money(total),
		"Weighted": money(int64(weighted + 0.5))}))
	p, style, lang := d.pipeline, screenChartStyle(t.s.app), currentLang()
	t.chart.SetChart(func(w, h int) (image.Image, error) { return health.PipelineChart(p, lang, style).Image(w, h) })
}

// add opens the form of a new opportunity, for client when one is given.
func (t *opportunitiesTab) add(client data.PersonRef) {
	a := t.s.app
	t.picker = a.editOpportunity(data.Opportunity{ClientID: client.ID, Client: client.Name, Kind: "upsell", Status: "open",
		Probability: 50, ExpectedOn: a.today().AddDate(0, 2, 0)}, t.reload)
}

func (t *opportunitiesTab) exportChart() {
	c := health.PipelineChart(t.current.pipeline, currentLang(), charts.Print)
	t.s.app.chartExportDialog(c.Title, c.PNG, c.SVG)
}

func pipelineColumns() []widgets.Column[health.ManagerPipeline] {
	type row = health.ManagerPipeline
	roubles := func(v float64) string { return money(int64(v + 0.5)) }
	return []widgets.Column[row]{
		{Title: T("field.manager"), Width: 190, Text: func(p row) string {
			if p.ManagerID == 0 {
				return T("health.pipeline.no_lead")
			}
			return p.Manager
		}, Less: func(a, b row) bool { return lessText(a.Manager, b.Manager) }},
		{Title: T("opportunities.col.weighted"), Width: 175, Align: fyne.TextAlignTrailing,
			Text: func(p row) string { return roubles(p.Weighted) }, Less: func(a, b row) bool { return a.Weighted < b.Weighted }},
		{Title: T("opportunities.col.total"), Width: 125, Align: fyne.TextAlignTrailing,
			Text: func(p row) string { return roubles(p.Total) }, Less: func(a, b row) bool { return a.Total < b.Total }},
		{Title: T("opportunities.col.open"), Width: 90, Align: fyne.TextAlignTrailing,
			Text: func(p row) string { return integer(p.Open) }, Less: func(a, b row) bool { return a.Open < b.Open }},
		{Title: T("opportunity.kind.upsell"), Width: 125, Align: fyne.TextAlignTrailing,
			Text: func(p row) string { return roubles(p.Upsell) }, Less: func(a, b row) bool { return a.Upsell < b.Upsell }},
		{Title: T("opportunity.kind.cross_sell"), Width: 140, Align: fyne.TextAlignTrailing,
			Text: func(p row) string { return roubles(p.CrossSell) }, Less: func(a, b row) bool { return a.CrossSell < b.CrossSell }},
	}
}

// opportunityColumns: today tells which open opportunities are past their expected date.
func opportunityColumns(today func() time.Time) []widgets.Column[data.Opportunity] {
	type row = data.Opportunity
	return []widgets.Column[row]{
		{Title: T("field.client"), Width: 210, Text: func(o row) string { return o.Client },
			Less: func(a, b row) bool { return lessText(a.Client, b.Client) }},
		{Title: T("field.service"), Width: 170, Text: func(o row) string { return serviceName(o.Service) },
			Less: func(a, b row) bool { return lessText(serviceName(a.Service), serviceName(b.Service)) }},
		{Title: T("opportunities.col.kind"), Width: 140, Text: func(o row) string { return T("opportunity.kind." + o.Kind) },
			Less: func(a, b row) bool { return a.Kind < b.Kind }},
		{Title: T("opportunities.col.amount"), Width: 130, Align: fyne.TextAlignTrailing,
			Text: func(o row) string { return money(o.Amount) }, Less: func(a, b row) bool { return a.Amount < b.Amount }},
		{Title: T("opportunities.col.probability"), Width: 110, Align: fyne.TextAlignTrailing,
			Text: func(o row) string { return integer(o.Probability) + " %" },
			Less: func(a, b row) bool { return a.Probability < b.Probability }},
		{Title: T("opportunities.col.weighted"), Width: 170, Align: fyne.TextAlignTrailing,
			Text: func(o row) string { return money(int64(o.Weighted() + 0.5)) },
			Less: func(a, b row) bool { return a.Weighted() < b.Weighted() }},
		{Title: T("field.expected_on"), Width: 120, Text: func(o row) string { return date(o.ExpectedOn) },
			Less:       func(a, b row) bool { return a.ExpectedOn.Before(b.ExpectedOn) },
			Importance: func(o row) widget.Importance { return overdueOpportunity(o, today()) }},
		{Title: T("field.status"), Width: 150, Text: func(o row) string { return T("opportunity.status." + o.Status) },
			Less:       func(a, b row) bool { return a.Status < b.Status },
			Importance: opportunityStatusImportance},
	}
}

// overdueOpportunity warns of an open opportunity whose expected date has passed.
func overdueOpportunity(o data.Opportunity, today time.Time) widget.Importance {
	if o.Status == "open" && !o.ExpectedOn.IsZero() && o.ExpectedOn.Before(today) {
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

func opportunityStatusImportance(o data.Opportunity) widget.Importance {
	switch o.Status {
	case "won":
		return widget.SuccessImportance
	case "lost":
		return widget.LowImportance
	}
	return widget.MediumImportance
}
