package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/ui/widgets"
)

// overviewScreen is the home page: the department's key figures, each opening the
// list behind it.
type overviewScreen struct {
	app       *App
	loads     ticket
	heading   *widget.Label
	team      *fyne.Container
	clients   *fyne.Container
	root      fyne.CanvasObject
	tiles     map[string]*widget.Button // by figure, for tests
	trend     *widgets.ChartView
	trendNote *widget.Label
}

func newOverviewScreen(a *App) *overviewScreen {
	s := &overviewScreen{app: a, tiles: map[string]*widget.Button{}}
	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.heading.SizeName = theme.SizeNameSubHeadingText
	s.team = container.NewGridWrap(tileSize)
	s.clients = container.NewGridWrap(tileSize)
	s.trend = widgets.NewChartView(fyne.NewSize(600, 240), a.background)
	s.trendNote = widget.NewLabel("")
	s.root = container.NewVScroll(container.NewVBox(
		s.heading,
		sectionLabel(T("overview.team")), s.team,
		sectionLabel(T("overview.clients")), s.clients,
		s.trend, s.trendNote,
	))
	return s
}

func (s *overviewScreen) title() string             { return T("nav.overview") }
func (s *overviewScreen) object() fyne.CanvasObject { return s.root }

// trendMonths is how far back the Overview's chart of served clients looks.
const trendMonths = 12

type overviewData struct {
	figures data.Overview
	trend   []data.ClientMonth
}

func (s *overviewScreen) reload() {
	load(s.app, &s.loads, func(ctx context.Context, st *data.Store) (overviewData, error) {
		var d overviewData
		var err error
		if d.figures, err = st.Overview(ctx); err != nil {
			return d, err
		}
		d.trend, err = st.ClientsByMonth(ctx, trendMonths)
		return d, err
	}, func(d overviewData) {
		s.apply(d.figures)
		s.applyTrend(d.trend)
	})
}

// applyTrend draws the clients served month by month, with the months' gains and losses.
func (s *overviewScreen) applyTrend(months []data.ClientMonth) {
	chart := charts.BarChart{Title: Tf("overview.trend_title", map[string]any{"Months": len(months)}),
		Empty: T("chart.no_data"), Style: screenChartStyle(s.app)}
	started, lost := 0, 0
	for _, m := range months {
		chart.Bars = append(chart.Bars, charts.Bar{Label: charts.MonthLabel(currentLang(), m.Month), Value: float64(m.Served)})
		started += m.Started
		lost += m.Lost
	}
	s.trend.SetChart(chart.Image)
	s.trendNote.SetText(Tf("overview.trend_note", map[string]any{"Started": started, "Lost": lost}))
}

func (s *overviewScreen) apply(o data.Overview) {
	s.heading.SetText(Tf("overview.heading", map[string]any{"Date": date(o.AsOf)}))
	s.tiles = map[string]*widget.Button{}
	total := 0
	for _, g := range o.Headcount {
		total += g.Count
	}
	team := []fyne.CanvasObject{s.tile("headcount", integer(total), T("overview.headcount"),
		Tn("overview.on_leave", o.OnLeave), func() { s.app.staff.showFiltered(data.StaffFilter{}) })}
	for _, g := range o.Headcount {
		grade := g.Grade
		team = append(team, s.tile("grade:"+grade.Code, integer(g.Count), grade.Name(currentLang()), "",
			func() { s.app.staff.showFiltered(data.StaffFilter{GradeID: grade.ID}) }))
	}
	s.team.Objects = team
	s.team.Refresh()

	active := data.ClientFilter{Statuses: []data.ClientStatus{data.ClientActive}}
	s.clients.Objects = []fyne.CanvasObject{
		s.tile("active_clients", integer(o.ActiveClients), T("overview.active_clients"), Tn("overview.paused", o.PausedClients),
			func() { s.app.clients.showFiltered(active) }),
		s.tile("budget", money(o.MonthlyBudget), T("overview.budget"), "",
			func() { s.app.clients.showFiltered(active) }),
		s.tile("contracts_ending", integer(o.ContractsEnding),
			Tf("overview.contracts_ending", map[string]any{"Days": data.ContractWindowDays}),
			Tn("overview.at_clients", o.ClientsEnding),
			func() {
				s.app.clients.showFiltered(data.ClientFilter{ContractEndsWithin: data.ContractWindowDays})
			}),
		s.tile("overdue_complaints", integer(o.OverdueComplaints), T("overview.overdue_complaints"),
			Tn("overview.at_clients", o.ClientsOverdue),
			func() { s.app.clients.showFiltered(data.ClientFilter{OverdueComplaints: true}) }),
	}
	s.clients.Refresh()
}

var tileSize = fyne.NewSize(270, 150)

// tile is a figure with a caption; clicking it opens the matching list.
func (s *overviewScreen) tile(key, value, caption, detail string, open func()) fyne.CanvasObject {
	v := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.SizeName = theme.SizeNameHeadingText
	v.Importance = widget.HighImportance
	c := widget.NewLabel(caption)
	c.Wrapping = fyne.TextWrapWord
	d := widget.NewLabel(detail)
	d.SizeName = theme.SizeNameCaptionText
	d.Truncation = fyne.TextTruncateEllipsis
	b := widget.NewButton("", open)
	s.tiles[key] = b
	return container.NewStack(b, container.NewBorder(v, d, nil, nil, c))
}

func sectionLabel(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return l
}
