package ui

import (
	"context"
	"image"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/workload"
	"leadboard/ui/widgets"
)

// workloadScreen shows how full every manager is, month by month, and holds the
// redistribution planner.
type workloadScreen struct {
	app     *App
	loads   ticket
	current workloadData
	team    *choice[string]
	grade   *choice[string]
	stacked *widget.Check
	totals  *widget.Label
	chart   *widgets.ChartView
	table   *widgets.Table[workload.Load]
	trend   *widgets.ChartView
	chosen  int64 // the manager whose months the trend shows beside the department's
	planner *plannerTab
	tabs    *container.AppTabs
}

// workloadData is what the screen shows, loaded together.
type workloadData struct {
	snap    workload.Snapshot
	history workload.History
}

// historyMonths is how far back the utilization trend looks.
const historyMonths = 12

func newWorkloadScreen(a *App) *workloadScreen {
	s := &workloadScreen{app: a}
	s.team = newChoice([]string{""}, teamLabel, func(string) { s.show() })
	s.team.setValueQuietly("")
	s.grade = newChoice([]string{""}, func(code string) string { return s.gradeLabel(code) }, func(string) { s.show() })
	s.grade.setValueQuietly("")
	s.stacked = widget.NewCheck(T("workload.by_tier"), func(bool) { s.drawChart() })
	s.totals = widget.NewLabel("")
	s.totals.Wrapping = fyne.TextWrapWord
	s.chart = widgets.NewChartView(fyne.NewSize(560, 360), a.background)
	s.trend = widgets.NewChartView(fyne.NewSize(560, 220), a.background)
	s.table = widgets.NewTable(loadColumns(func() workload.Coefficients { return s.current.snap.Coeffs }), T("list.empty"))
	s.table.OnSelected = s.openManager
	saveChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), s.exportChart)
	saveTable := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		rows := s.table.Rows()
		a.exportDialog(workload.LoadTable(rows, currentLang(), T("workload.table")), len(rows))
	})
	controls := container.NewVBox(
		container.NewHBox(widget.NewLabel(T("field.team")), sized(s.team, 180), widget.NewLabel(T("field.grade")),
			sized(s.grade, 220), s.stacked, a.workloadFormulaButton(), saveChart, saveTable),
		s.totals)
	charts := container.NewVSplit(s.chart, s.trend)
	charts.Offset = 0.62
	split := container.NewHSplit(charts, s.table)
	split.Offset = 0.5
	view := container.NewBorder(controls, nil, nil, nil, split)
	s.planner = newPlannerTab(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(T("workload.tab.view"), view),
		container.NewTabItem(T("workload.tab.planner"), s.planner.root),
	)
	return s
}

func (s *workloadScreen) title() string             { return T("nav.workload") }
func (s *workloadScreen) object() fyne.CanvasObject { return s.tabs }

func (s *workloadScreen) gradeLabel(code string) string {
	if code == "" {
		return T("staff.all_grades")
	}
	for _, m := range s.current.snap.Managers {
		if m.Grade.Code == code {
			return m.Grade.Name(currentLang())
		}
	}
	return code
}

func (s *workloadScreen) reload() {
	load(s.app, &s.loads, func(ctx context.Context, st *data.Store) (workloadData, error) {
		var d workloadData
		coeffs, err := workload.LoadCoefficients(ctx, st)
		if err != nil {
			return d, err
		}
		if d.snap, err = workload.Take(ctx, st, coeffs); err != nil {
			return d, err
		}
		last := data.MonthOf(st.Today()) - 1 // the current month is not over: its log is not all there
		d.history, err = workload.HistoryOf(ctx, st, coeffs, last-historyMonths+1, last)
		return d, err
	}, func(d workloadData) {
		s.current = d
		s.setFilters()
		s.show()
		s.planner.setSnapshot(d.snap)
	})
}

// setFilters offers the teams and grades there are.
func (s *workloadScreen) setFilters() {
	teams, grades := []string{""}, []string{""}
	for _, m := range s.current.snap.Managers {
		if m.Team != "" && !slices.Contains(teams, m.Team) {
			teams = append(teams, m.Team)
		}
		if !slices.Contains(grades, m.Grade.Code) {
			grades = append(grades, m.Grade.Code)
		}
	}
	slices.Sort(teams[1:])
	s.team.setValues(teams, teamLabel)
	s.grade.setValues(grades, s.gradeLabel)
}

// filtered are the loads the filters keep, fullest first.
func (s *workloadScreen) filtered() []workload.Load {
	var out []workload.Load
	for _, l := range s.current.snap.Loads() {
		if (s.team.value() == "" || l.Team == s.team.value()) && (s.grade.value() == "" || l.Grade.Code == s.grade.value()) {
			out = append(out, l)
		}
	}
	workload.SortFullestFirst(out)
	return out
}

// show draws the filtered figures.
func (s *workloadScreen) show() {
	loads := s.filtered()
	s.table.SetRows(loads)
	coeffs := s.current.snap.Coeffs
	t := coeffs.TotalsOf(loads)
	s.totals.SetText(Tf("workload.totals", map[string]any{
		"Load": number(t.Load, 1), "Capacity": number(t.Capacity, 1), "Utilization": number(t.Utilization, 0),
		"Over": t.Overloaded, "Managers": t.Managers, "Spread": number(t.Spread, 0), "Highest": number(t.Highest, 0)}))
	s.drawChart()
	s.drawTrend()
}

func (s *workloadScreen) drawChart() {
	loads, coeffs := s.filtered(), s.current.snap.Coeffs // the renderer runs off the UI goroutine: no shared state
	style := screenChartStyle(s.app)
	stacked := s.stacked.Checked
	s.chart.SetChart(func(w, h int) (image.Image, error) {
		return workload.ChartOf(loads, coeffs, currentLang(), stacked, style).Image(w, h)
	})
}

// drawTrend shows the department's utilization month by month, and the chosen
// manager's beside it.
func (s *workloadScreen) drawTrend() {
	h, style := s.current.history, screenChartStyle(s.app)
	name := ""
	for _, m := range s.current.snap.Managers {
		if m.ID == s.chosen {
			name = m.Name
		}
	}
	s.trend.SetChart(func(w, ht int) (image.Image, error) {
		return workload.TrendChart(h, s.chosen, name, currentLang(), style).Image(w, ht)
	})
}

func (s *workloadScreen) exportChart() {
	loads := s.filtered()
	c := workload.ChartOf(loads, s.current.snap.Coeffs, currentLang(), s.stacked.Checked, charts.Print)
	s.app.chartExportDialog(c.Title, c.PNG, c.SVG)
}

// openManager lists a manager's clients with their weights and shows the
// manager's months on the trend.
func (s *workloadScreen) openManager(l workload.Load) {
	s.chosen = l.ID
	s.drawTrend()
	var rows []managerClient
	coeffs := s.current.snap.Coeffs
	for _, c := range s.current.snap.Clients {
		switch l.ID {
		case c.Lead:
			rows = append(rows, managerClient{c, data.RoleLead, coeffs.Points(c, data.RoleLead), coeffs})
		case c.Backup:
			rows = append(rows, managerClient{c, data.RoleBackup, coeffs.Points(c, data.RoleBackup), coeffs})
		}
	}
	list := widgets.NewTable(managerClientColumns(), T("workload.no_clients"))
	list.SetRows(rows)
	list.SortBy(3, true)
	intro := widget.NewLabel(Tf("workload.manager_intro", map[string]any{"Name": l.Name,
		"Load": number(l.Points(), 1), "Capacity": number(l.Capacity, 1)}))
	intro.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(l.Name, T("action.close"), container.NewBorder(intro, nil, nil, nil, list), s.app.win)
	d.Resize(fyne.NewSize(860, 560))
	s.app.showDialog(d)
}

// managerClient is a client on a manager's list: the role and the points it adds.
type managerClient struct {
	workload.Client
	role   data.Role
	points float64
	coeffs workload.Coefficients
}

func managerClientColumns() []widgets.Column[managerClient] {
	return []widgets.Column[managerClient]{
		{Title: T("field.client"), Width: 280, Text: func(r managerClient) string { return r.Name },
			Less: func(a, b managerClient) bool { return a.Name < b.Name }},
		{Title: T("field.tier"), Width: 90, Text: func(r managerClient) string { return r.Tier },
			Less: func(a, b managerClient) bool { return a.Tier < b.Tier }},
		{Title: T("field.role"), Width: 120, Text: func(r managerClient) string { return T("role." + string(r.role)) }},
		{Title: T("workload.col.points"), Width: 100, Align: fyne.TextAlignTrailing,
			Text: func(r managerClient) string { return number(r.points, 2) },
			Less: func(a, b managerClient) bool { return a.points < b.points }},
		{Title: T("workload.col.why"), Width: 420, Text: func(r managerClient) string { return weightText(r.Client, r.coeffs) }},
	}
}

func loadColumns(coeffs func() workload.Coefficients) []widgets.Column[workload.Load] {
	return []widgets.Column[workload.Load]{
		{Title: T("workload.col.manager"), Width: 230, Text: func(l workload.Load) string { return l.Name },
			Less: func(a, b workload.Load) bool { return a.Name < b.Name }},
		{Title: T("workload.col.utilization"), Width: 96, Align: fyne.TextAlignTrailing,
			Text: func(l workload.Load) string {
				if l.OnLeave {
					return T("workload.on_leave")
				}
				return charts.FormatValue(currentLang(), charts.UnitPercent, l.Utilization())
			},
			Less:       func(a, b workload.Load) bool { return lessNaN(a.Utilization(), b.Utilization()) },
			Importance: func(l workload.Load) widget.Importance { return loadImportance(l, coeffs()) }},
		{Title: T("workload.col.load"), Width: 88, Align: fyne.TextAlignTrailing,
			Text: func(l workload.Load) string { return number(l.Points(), 1) },
			Less: func(a, b workload.Load) bool { return a.Points() < b.Points() }},
		{Title: T("workload.col.capacity"), Width: 88, Align: fyne.TextAlignTrailing,
			Text: func(l workload.Load) string { return number(l.Capacity, 1) },
			Less: func(a, b workload.Load) bool { return a.Capacity < b.Capacity }},
		{Title: T("workload.col.clients"), Width: 84, Align: fyne.TextAlignTrailing,
			Text: func(l workload.Load) string { return integer(l.Leads) + " + " + integer(l.Backups) },
			Less: func(a, b workload.Load) bool { return a.Leads < b.Leads }},
		{Title: T("field.grade"), Width: 200, Text: func(l workload.Load) string { return l.Grade.Name(currentLang()) },
			Less: func(a, b workload.Load) bool { return a.Grade.Rank < b.Grade.Rank }},
	}
}

// loadImportance colours utilization by band; on leave with clients is a warning.
func loadImportance(l workload.Load, c workload.Coefficients) widget.Importance {
	if l.OnLeave && l.Leads > 0 {
		return widget.WarningImportance
	}
	switch c.BandOf(l.Utilization()) {
	case workload.BandOver:
		return widget.DangerImportance
	case workload.BandUnder:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}
