package ui

import (
	"context"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/health"
	"leadboard/data/kpi"
	"leadboard/ui/widgets"
)

// overviewScreen is the home page: the department's key figures, each opening the
// list behind it.
type overviewScreen struct {
	app        *App
	loads      ticket
	heading    *widget.Label
	team       *fyne.Container
	clients    *fyne.Container
	kpiTitle   *widget.Label
	kpis       *fyne.Container // the department's headline KPIs of the last full month
	risksTitle *widget.Label
	risks      *fyne.Container // overdue audit actions and the clients most at risk
	root       fyne.CanvasObject
	tiles      map[string]*widget.Button // by figure, for tests
	trend      *widgets.ChartView
	trendNote  *widget.Label
	welcome    fyne.CanvasObject // shown while the database is empty
}

func newOverviewScreen(a *App) *overviewScreen {
	s := &overviewScreen{app: a, tiles: map[string]*widget.Button{}}
	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.heading.SizeName = theme.SizeNameSubHeadingText
	s.team = container.NewGridWrap(tileSize)
	s.clients = container.NewGridWrap(tileSize)
	s.kpiTitle = sectionLabel("")
	s.kpis = container.NewGridWrap(tileSize)
	s.risksTitle = sectionLabel(T("overview.risks"))
	s.risks = container.NewVBox()
	s.trend = widgets.NewChartView(fyne.NewSize(600, 230), a.background)
	s.trendNote = widget.NewLabel("")
	s.welcome = s.welcomeCard()
	s.root = container.NewVScroll(container.NewVBox(
		s.heading, s.welcome,
		sectionLabel(T("overview.team")), s.team,
		sectionLabel(T("overview.clients")), s.clients,
		s.kpiTitle, s.kpis,
		s.risksTitle, s.risks,
		s.trend, s.trendNote,
	))
	return s
}

func (s *overviewScreen) title() string             { return T("nav.overview") }
func (s *overviewScreen) object() fyne.CanvasObject { return s.root }

// trendMonths is how far back the Overview's chart of served clients looks.
const trendMonths = 12

type overviewData struct {
	figures  data.Overview
	trend    data.ClientTrend
	headline []kpi.Figure
	overdue  []data.Action
	atRisk   []health.ClientHealth
}

func (s *overviewScreen) reload() {
	load(s.app, &s.loads, func(ctx context.Context, st *data.Store) (overviewData, error) {
		var d overviewData
		var err error
		if d.figures, err = st.Overview(ctx); err != nil {
			return d, err
		}
		if d.trend, err = st.ClientsByMonth(ctx, trendMonths); err != nil {
			return d, err
		}
		if d.headline, err = kpi.Headline(ctx, st, data.MonthOf(st.Today())-1); err != nil {
			return d, err
		}
		if d.overdue, err = st.OverdueActions(ctx, st.Today()); err != nil {
			return d, err
		}
		d.atRisk, err = atRisk(ctx, st)
		return d, err
	}, func(d overviewData) {
		s.apply(d.figures)
		s.applyHeadline(d.headline)
		s.applyRisks(d.overdue, d.atRisk)
		s.applyTrend(d.trend)
	})
}

// applyTrend draws the clients served month by month, with the months' gains and losses.
func (s *overviewScreen) applyTrend(trend data.ClientTrend) {
	chart := charts.BarChart{Title: Tf("overview.trend_title", map[string]any{"Months": len(trend.Months)}),
		Empty: T("chart.no_data"), Style: screenChartStyle(s.app)}
	if trend.HasData() { // else the chart says there is no data rather than draw a row of zeros
		for _, m := range trend.Months {
			chart.Bars = append(chart.Bars, charts.Bar{Label: charts.MonthLabel(currentLang(), m.Month), Value: float64(m.Served)})
		}
	}
	s.trend.SetChart(chart.Image)
	s.trendNote.SetText(Tf("overview.trend_note", map[string]any{"Started": trend.Started, "Lost": trend.Lost}))
}

// countNote is a tile's second line, left out when there is nothing to count.
func countNote(key string, n int) string {
	if n == 0 {
		return ""
	}
	return Tn(key, n)
}

func (s *overviewScreen) apply(o data.Overview) {
	s.heading.SetText(Tf("overview.heading", map[string]any{"Date": date(o.AsOf)}))
	s.tiles = map[string]*widget.Button{}
	total := 0
	for _, g := range o.Headcount {
		total += g.Count
	}
	if total > 0 || o.ActiveClients > 0 {
		s.welcome.Hide()
	} else {
		s.welcome.Show()
	}
	team := []fyne.CanvasObject{s.tile("headcount", integer(total), T("overview.headcount"),
		countNote("overview.on_leave", o.OnLeave), func() { s.app.staff.showFiltered(data.StaffFilter{}) })}
	for _, g := range o.Headcount {
		grade := g.Grade
		team = append(team, s.tile("grade:"+grade.Code, integer(g.Count), grade.Name(currentLang()), "",
			func() { s.app.staff.showFiltered(data.StaffFilter{GradeID: grade.ID}) }))
	}
	if c := o.OpenCycle; c.ID != 0 {
		team = append(team, s.cycleTile(c))
	}
	if o.OverduePlanItems > 0 {
		team = append(team, s.tileNoted("overdue_plans", integer(o.OverduePlanItems), T("overview.overdue_plans"),
			countNote("overview.of_people", o.OverduePlanPeople), widget.DangerImportance, func() {
				s.app.grades.tabs.SelectIndex(2)
				s.app.showScreen(s.app.grades)
			}))
	}
	s.team.Objects = team
	s.team.Refresh()

	active := data.ClientFilter{Statuses: []data.ClientStatus{data.ClientActive}}
	s.clients.Objects = []fyne.CanvasObject{
		s.tile("active_clients", integer(o.ActiveClients), T("overview.active_clients"), countNote("overview.paused", o.PausedClients),
			func() { s.app.clients.showFiltered(active) }),
		s.tile("budget", money(o.MonthlyBudget), T("overview.budget"), "",
			func() { s.app.clients.showFiltered(active) }),
		s.tile("contracts_ending", integer(o.ContractsEnding),
			Tf("overview.contracts_ending", map[string]any{"Days": data.ContractWindowDays}),
			countNote("overview.at_clients", o.ClientsEnding),
			func() {
				s.app.clients.showFiltered(data.ClientFilter{ContractEndsWithin: data.ContractWindowDays})
			}),
		s.tile("overdue_complaints", integer(o.OverdueComplaints), T("overview.overdue_complaints"),
			countNote("overview.at_clients", o.ClientsOverdue),
			func() { s.app.clients.showFiltered(data.ClientFilter{OverdueComplaints: true}) }),
	}
	s.clients.Refresh()
}

// cycleTile shows how far the open review cycle has got, in red once it is overdue.
func (s *overviewScreen) cycleTile(c data.CycleSummary) fyne.CanvasObject {
	detail, mood := Tf("overview.cycle_due", map[string]any{"Date": date(c.Due), "Name": c.Name}), widget.MediumImportance
	if c.Overdue(s.app.today()) {
		detail, mood = Tf("overview.cycle_overdue", map[string]any{"Date": date(c.Due), "Count": c.Participants - c.Final,
			"Name": c.Name}), widget.DangerImportance
	}
	return s.tileNoted("review_cycle", integer(c.Final)+" / "+integer(c.Participants), T("overview.cycle"), detail, mood,
		func() { s.app.reviews.showCycle(c.ID) })
}

// welcomeCard tells a new user how to start: enter people and clients, or look
// around a database filled with demo data first.
func (s *overviewScreen) welcomeCard() fyne.CanvasObject {
	text := widget.NewLabel(T("overview.welcome"))
	text.Wrapping = fyne.TextWrapWord
	addStaff := widget.NewButtonWithIcon(T("staff.add"), theme.ContentAddIcon(), func() {
		s.app.staff.showFiltered(data.StaffFilter{})
		s.app.staff.add()
	})
	addStaff.Importance = widget.HighImportance
	demo := widget.NewButtonWithIcon(T("db.new_demo"), theme.FolderNewIcon(), func() { s.app.newDatabaseDialog(true) })
	card := widget.NewCard(T("overview.welcome_title"), "", container.NewVBox(text, container.NewHBox(addStaff, demo)))
	card.Hide()
	return card
}

var tileSize = fyne.NewSize(240, 128)

// tile is a figure with a caption; clicking it opens the matching list.
func (s *overviewScreen) tile(key, value, caption, detail string, open func()) fyne.CanvasObject {
	return s.tileNoted(key, value, caption, detail, widget.MediumImportance, open)
}

// tileNoted is a tile whose second line is coloured (better or worse than before).
func (s *overviewScreen) tileNoted(key, value, caption, detail string, mood widget.Importance,
	open func()) fyne.CanvasObject {
	v := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.SizeName = theme.SizeNameHeadingText
	v.Importance = widget.HighImportance
	c := widget.NewLabel(caption)
	c.Wrapping = fyne.TextWrapWord
	d := widget.NewLabel(detail)
	d.Importance = mood
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

// applyHeadline shows the department's headline KPIs of the last full month, each
// with its change on the month before; a tile opens the KPI's trend.
func (s *overviewScreen) applyHeadline(figures []kpi.Figure) {
	lang := currentLang()
	var tiles []fyne.CanvasObject
	for _, f := range figures {
		if !f.HasValue() {
			continue
		}
		code := f.KPI.Code
		note, mood := headlineNote(f)
		tiles = append(tiles, s.tileNoted("kpi:"+code, charts.FormatValue(lang, f.KPI.Unit, f.Value), f.KPI.Name(lang),
			note, mood, func() { s.app.kpi.showTrend(code) }))
	}
	if len(figures) > 0 {
		s.kpiTitle.SetText(Tf("overview.kpis", map[string]any{"Month": charts.MonthYearLabel(lang, figures[0].Month.First())}))
	}
	s.kpiTitle.Hidden = len(tiles) == 0
	s.kpis.Objects = tiles
	s.kpis.Refresh()
}

// headlineNote is the change on the month before, the arrow showing which way the
// number went and the colour whether that is for the better, and the target when
// there is one.
func headlineNote(f kpi.Figure) (string, widget.Importance) {
	lang := currentLang()
	note, mood := "", widget.MediumImportance
	if change := f.Change(); !math.IsNaN(change) {
		unit := f.KPI.Unit
		if unit == charts.UnitPercent {
			unit = "points"
		}
		text, zero := signed(lang, unit, change)
		arrow := "→"
		switch {
		case zero:
		case change > 0:
			arrow = "▲"
		default:
			arrow = "▼"
		}
		switch {
		case zero:
		case change > 0 != f.KPI.LowerIsBetter():
			mood = widget.SuccessImportance
		default:
			mood = widget.DangerImportance
		}
		note = arrow + " " + text
	}
	if !math.IsNaN(f.Target) {
		note += " · " + Tf("overview.kpi_target", map[string]any{"Target": charts.FormatValue(lang, f.KPI.Unit, f.Target)})
	}
	return note, mood
}

// signed writes a change with its sign (a change of a percentage is in points),
// and whether it shows as nothing at the one decimal (whole roubles) written.
func signed(lang, unit string, v float64) (text string, zero bool) {
	least := 0.05
	if unit == charts.UnitRoubles {
		least = 0.5
	}
	if math.Abs(v) < least {
		v = 0
	}
	if unit == "points" {
		text = charts.FormatValue(lang, charts.UnitScore, v) + "\u00a0" + T("overview.points")
	} else {
		text = charts.FormatValue(lang, unit, v)
	}
	if v > 0 {
		text = "+" + text
	}
	return text, v == 0
}
