package pack

import (
	"context"
	"math"
	"time"

	"leadboard/assets/locale"
	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/table"
	"leadboard/data/workload"
)

// The workload section: every manager's load against capacity, as the Workload
// screen draws it, and the latest saved redistribution plan's before and after.

func init() { sectionBuilders[SectionWorkload] = buildWorkload }

func buildWorkload(ctx context.Context, b *builder) (Section, error) {
	coeffs, err := workload.LoadCoefficients(ctx, b.st)
	if err != nil {
		return Section{}, err
	}
	snap, err := workload.Take(ctx, b.st, coeffs)
	if err != nil {
		return Section{}, err
	}
	view, err := b.workloadView(ctx, snap)
	if err != nil {
		return Section{}, err
	}
	s := Section{Title: b.T("pack.section.workload", nil), Slides: []Slide{b.loadSlide(view, coeffs)}}
	plan, found, err := latestDraft(ctx, b.st)
	if err != nil {
		return Section{}, err
	}
	// The plan moves today's clients: it belongs to a pack whose loads are today's,
	// the period running on, never under a past or future period's title.
	if found && len(snap.Managers) > 0 && view.source == loadsToday && !b.notBegun() {
		s.Slides = append(s.Slides, b.planSlide(snap, plan))
	}
	return s, nil
}

// Where the loads of the slide come from.
const (
	loadsToday    = "today"    // today's workload: the period runs on
	loadsHistory  = "history"  // the period's last month-end, from the assignment history
	loadsFallback = "fallback" // today's, because the history has nothing for the period
)

// workloadView is the loads the slide shows, where they come from and on what day.
type workloadView struct {
	loads  []workload.Load // fullest first
	source string
	on     time.Time
	table  table.Table
}

// workloadView takes today's workload while the period runs on; for a period that
// ended before this month, the loads at its last month-end from the workload
// history (the audit's rule), or today's when the history has none.
func (b *builder) workloadView(ctx context.Context, snap workload.Snapshot) (workloadView, error) {
	today := snap.Loads()
	workload.SortFullestFirst(today)
	now := workloadView{loads: today, source: loadsToday, on: snap.AsOf,
		table: workload.LoadTable(today, b.lang, b.T("workload.table", nil))}
	if b.period.To >= data.MonthOf(snap.AsOf) {
		return now, nil
	}
	past, err := pastLoads(ctx, b.st, snap.Coeffs, b.period.To)
	if err != nil || len(past) == 0 {
		now.source = loadsFallback
		return now, err
	}
	workload.SortFullestFirst(past)
	return workloadView{loads: past, source: loadsHistory, on: b.period.To.Last(),
		table: historyTable(past, b.lang, b.T("workload.table", nil))}, nil
}

// pastLoads is every manager's load and capacity at a month's end from the workload
// history, named from the staff list; people not employed that day are left out.
func pastLoads(ctx context.Context, st *data.Store, c workload.Coefficients, m data.Month) ([]workload.Load, error) {
	h, err := workload.HistoryOf(ctx, st, c, m, m)
	if err != nil {
		return nil, err
	}
	people, err := st.ListStaff(ctx, data.StaffFilter{Statuses: data.StaffStatuses})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]data.StaffRow, len(people))
	for _, p := range people {
		byID[p.ID] = p
	}
	var out []workload.Load
	for id, months := range h.Managers {
		month := months[0]
		if month.Capacity <= 0 && month.Load <= 0 {
			continue
		}
		p := byID[id]
		out = append(out, workload.Load{Manager: workload.Manager{ID: id, Name: p.FullName, Team: p.Team, FTE: p.FTE},
			Capacity: month.Capacity, Lead: month.Load})
	}
	return out, nil
}

var historyColumns = []table.Column{
	{Key: "manager", TitleRU: "Менеджер", TitleEN: "Manager", Kind: table.Text},
	{Key: "team", TitleRU: "Команда", TitleEN: "Team", Kind: table.Text},
	{Key: "capacity", TitleRU: "Ёмкость, баллов", TitleEN: "Capacity, points", Kind: table.Number},
	{Key: "load", TitleRU: "Нагрузка, баллов", TitleEN: "Load, points", Kind: table.Number},
	{Key: "utilization", TitleRU: "Загрузка, %", TitleEN: "Utilization, %", Kind: table.Number},
}

// historyTable lists past loads: the history keeps load and capacity, not the
// clients behind them or who was on leave, so only those columns.
func historyTable(loads []workload.Load, lang, name string) table.Table {
	rows := make([][]any, len(loads))
	for i, l := range loads {
		rows[i] = []any{l.Name, l.Team, shownValue("", l.Capacity), shownValue("", l.Points()),
			shownValue("", l.Utilization())}
	}
	return table.FromRows(name, historyColumns, rows)
}

// loadSlide draws the loads against capacity, banded as the Workload screen does.
func (b *builder) loadSlide(v workloadView, c workload.Coefficients) Slide {
	s := Slide{Title: b.T("pack.workload.title", map[string]any{"Period": b.period.Label(b.lang),
		"Date": locale.Date(b.lang, v.on)}), Table: v.table}
	totals := c.TotalsOf(v.loads)
	if totals.Managers == 0 || b.notBegun() {
		s.Empty = b.noData()
		return s
	}
	chart := workload.ChartOf(v.loads, c, b.lang, false, b.style)
	chart.Title = s.Title // the chart alone names its period too
	chart.Subtitle = b.workloadSource(v) + " · " + chart.Subtitle
	s.Chart = chart
	// Every manager drawn, as the chart's subtitle counts them: one without capacity
	// is simply not over the band.
	s.Summary = loadSummary(b.lang, loadFigures{Limit: c.OverAbove, Managers: len(v.loads), Over: totals.Overloaded,
		Utilization: totals.Utilization, Highest: totals.Highest, Fullest: v.loads[0].Name})
	return s
}

// workloadSource says on what day the loads are and where they come from.
func (b *builder) workloadSource(v workloadView) string {
	return b.T("pack.workload.source."+v.source, map[string]any{"Date": locale.Date(b.lang, v.on),
		"Period": b.period.Label(b.lang)})
}

// loadFigures are what the workload slide's summary says.
type loadFigures struct {
	Limit          float64 // the band's upper edge, per cent
	Managers, Over int     // managers drawn (the chart's count); of them over the band
	Utilization    float64 // the department's, per cent
	Highest        float64 // the fullest manager's, per cent
	Fullest        string  // their name
}

// loadSummary: how many are overloaded, then the department's utilization and the
// fullest manager's.
func loadSummary(lang string, f loadFigures) string {
	return sentenceStart(overClause(lang, f.Limit, f.Over, f.Managers)) + ". " +
		msgIn(lang, "pack.workload.department", map[string]any{"Utilization": wholePercent(lang, f.Utilization),
			"Highest": wholePercent(lang, f.Highest), "Name": f.Fullest})
}

// overClause: "загрузка выше 100 % у 3 из 14 менеджеров".
func overClause(lang string, limit float64, over, managers int) string {
	key := "pack.workload.over"
	if over == 0 {
		key = "pack.workload.none_over"
	}
	return countedIn(lang, key, managers, map[string]any{"Limit": wholePercent(lang, limit), "Over": over})
}

func wholePercent(lang string, v float64) string {
	return charts.FormatAxis(lang, charts.UnitPercent, math.Round(v)) // a whole per cent, as the ranking writes it
}

// latestDraft is the plan saved last that has not been applied.
func latestDraft(ctx context.Context, st *data.Store) (data.Plan, bool, error) {
	plans, err := st.Plans(ctx) // newest first
	if err != nil {
		return data.Plan{}, false, err
	}
	for _, p := range plans {
		if p.AppliedOn.IsZero() {
			return p, true, nil
		}
	}
	return data.Plan{}, false, nil
}

// planSlide draws today's workload before and after the plan's moves, as the
// planner does.
func (b *builder) planSlide(snap workload.Snapshot, plan data.Plan) Slide {
	moves := make([]workload.Move, len(plan.Moves))
	for i, m := range plan.Moves {
		moves[i] = workload.Move(m)
	}
	pair := workload.PairChart(snap, moves, b.lang, b.style)
	pair.Subtitle = b.T("pack.workload.plan_subtitle", map[string]any{"Name": plan.Name,
		"Saved": locale.Date(b.lang, plan.SavedAt), "Date": locale.Date(b.lang, snap.AsOf)})
	// Managers: every one the chart draws, as on the workload slide.
	title := b.T("pack.workload.plan_title", map[string]any{"Name": plan.Name, "Period": b.period.Label(b.lang)})
	pair.Title = title // the chart alone names its period too
	out := snap.Outcome(moves)
	return Slide{
		Title: title,
		Summary: planSummary(b.lang, planFigures{Limit: snap.Coeffs.OverAbove, Managers: len(snap.Managers),
			Over: out.Before.Overloaded, OverAfter: out.After.Overloaded, Moves: out.Moves,
			HighestBefore: out.Before.Highest, HighestAfter: out.After.Highest}),
		Chart: pair,
		Table: workload.PlanTable(snap, moves, b.lang, b.T("workload.plan_table", nil)),
	}
}

// planFigures are what the plan slide's summary says.
type planFigures struct {
	Limit                       float64
	Managers, Over, OverAfter   int
	Moves                       int
	HighestBefore, HighestAfter float64
}

// planSummary: the overloaded now and after the plan, with its moves; then the
// highest utilization before and after.
func planSummary(lang string, f planFigures) string {
	if f.Moves == 0 {
		return sentenceStart(overClause(lang, f.Limit, f.Over, f.Managers)) + ". " +
			msgIn(lang, "pack.workload.plan_no_moves", nil)
	}
	after := msgIn(lang, "pack.workload.after_none", nil)
	if f.OverAfter > 0 {
		after = msgIn(lang, "pack.workload.after_over", map[string]any{"Over": f.OverAfter})
	}
	return sentenceStart(overClause(lang, f.Limit, f.Over, f.Managers)) + "; " +
		msgIn(lang, "pack.workload.after_plan", map[string]any{"After": after,
			"Moves": countedIn(lang, "pack.workload.moves", f.Moves)}) + " " +
		msgIn(lang, "pack.workload.highest", map[string]any{"Before": wholePercent(lang, f.HighestBefore),
			"After": wholePercent(lang, f.HighestAfter)})
}
