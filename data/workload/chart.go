package workload

import (
	"cmp"
	"math"
	"slices"

	"leadboard/assets/locale"
	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/table"
)

// The workload's charts and tables in a language: the window, the export and the
// meeting pack draw the same ones.

func words(lang string) locale.Catalog { return locale.Messages(lang) }

var bandNumbers = map[Band]int{BandNone: charts.BandNone, BandUnder: charts.BandUnder, BandNormal: charts.BandNormal,
	BandOver: charts.BandOver}

// ChartOf draws the loads in the order given: bars coloured by band, or stacked by
// the clients' tier.
func ChartOf(loads []Load, c Coefficients, lang string, byTier bool, style charts.Style) charts.WorkloadChart {
	w := words(lang)
	out := charts.WorkloadChart{
		Title:         w.T("workload.chart_title", nil),
		Subtitle:      w.T("workload.chart_subtitle", map[string]any{"Count": len(loads)}),
		CapacityLabel: w.T("workload.capacity", nil),
		LeaveLabel:    w.T("workload.on_leave", nil),
		BandNames: [4]string{"", w.T("workload.band.under", nil), w.T("workload.band.normal", nil),
			w.T("workload.band.over", nil)},
		Format: charts.AxisFormatter(lang, charts.UnitCount),
		Empty:  w.T("workload.no_managers", nil),
		Style:  style,
	}
	if byTier {
		for _, t := range data.Tiers {
			out.SegmentNames = append(out.SegmentNames, w.T("workload.tier", map[string]any{"Tier": t}))
		}
	}
	for _, l := range loads {
		bar := charts.WorkloadBar{Label: l.Name, Capacity: l.Capacity, Band: bandNumbers[c.BandOf(l.Utilization())],
			Segments: []float64{l.Points()}}
		if byTier {
			bar.Segments = nil
			for _, t := range data.Tiers {
				bar.Segments = append(bar.Segments, l.ByTier[t])
			}
		}
		out.Bars = append(out.Bars, bar)
	}
	out.Label = func(i int) string { return charts.FormatWorkload(lang, loads[i].Points(), loads[i].Capacity) }
	return out
}

// PairChart draws the workload before and after a plan's moves side by side, on one
// scale, managers in the order of the "before" side.
func PairChart(s Snapshot, moves []Move, lang string, style charts.Style) charts.Pair {
	w := words(lang)
	before := s.Loads()
	SortFullestFirst(before)
	after := s.Apply(moves).Loads()
	order := map[int64]int{}
	for i, l := range before {
		order[l.ID] = i
	}
	sorted := make([]Load, len(after))
	for _, l := range after {
		sorted[order[l.ID]] = l
	}
	left := ChartOf(before, s.Coeffs, lang, false, style)
	right := ChartOf(sorted, s.Coeffs, lang, false, style)
	left.Title, right.Title = w.T("workload.before", nil), w.T("workload.after", map[string]any{"Moves": len(moves)})
	left.Subtitle, right.Subtitle = "", ""
	return charts.Pair{Left: left, Right: right, Title: w.T("workload.plan_chart", nil), Style: style}
}

// SortFullestFirst orders loads by utilization, those without capacity last.
func SortFullestFirst(loads []Load) {
	key := func(l Load) float64 {
		if u := l.Utilization(); !math.IsNaN(u) {
			return u
		}
		return -1
	}
	slices.SortStableFunc(loads, func(a, b Load) int { return cmp.Compare(key(b), key(a)) })
}

// TrendChart is the department's utilization month by month, and one manager's
// beside it when chosen (manager 0: the department alone).
func TrendChart(h History, manager int64, name, lang string, style charts.Style) charts.LineChart {
	w := words(lang)
	out := charts.LineChart{
		Title:  w.T("workload.trend_title", nil),
		YTitle: w.T("workload.utilization_axis", nil),
		Format: charts.AxisFormatter(lang, charts.UnitPercent),
		Empty:  w.T("kpi.no_data", nil),
		Style:  style,
	}
	for _, m := range h.Months {
		out.XLabels = append(out.XLabels, charts.MonthYearLabel(lang, m.First()))
	}
	out.Series = append(out.Series, charts.LineSeries{Name: w.T("kpi.level.department", nil),
		Values: utilizations(h.Department), Kind: charts.Line, Color: 0})
	if row, ok := h.Managers[manager]; ok && manager != 0 {
		out.Series = append(out.Series, charts.LineSeries{Name: name, Values: utilizations(row), Kind: charts.Line, Color: 1})
	}
	return out
}

func utilizations(months []Month) []float64 {
	out := make([]float64, len(months))
	for i, m := range months {
		out[i] = m.Utilization()
	}
	return out
}

var planColumns = []table.Column{
	{Key: "client", TitleRU: "Клиент", TitleEN: "Client", Kind: table.Text},
	{Key: "role", TitleRU: "Роль", TitleEN: "Role", Kind: table.Text},
	{Key: "from", TitleRU: "Сейчас", TitleEN: "Now", Kind: table.Text},
	{Key: "to", TitleRU: "Будет", TitleEN: "Will be", Kind: table.Text},
	{Key: "points", TitleRU: "Баллов", TitleEN: "Points", Kind: table.Number},
}

// PlanTable lists a plan's moves, then the before and after figures: the highest
// utilization, how many are overloaded, the spread.
func PlanTable(s Snapshot, moves []Move, lang, name string) table.Table {
	w := words(lang)
	names := map[int64]string{}
	for _, m := range s.Managers {
		names[m.ID] = m.Name
	}
	byID := map[int64]Client{}
	for _, c := range s.Clients {
		byID[c.ID] = c
	}
	var rows [][]any
	for _, m := range moves {
		c := byID[m.ClientID]
		points := s.Coeffs.Points(c, m.Role)
		rows = append(rows, []any{c.Name, w.T("role."+string(m.Role), nil), names[m.From], names[m.To], round1(points)})
	}
	out := s.Outcome(moves)
	for _, f := range []struct {
		key           string
		before, after float64
	}{
		{"workload.sum.highest", out.Before.Highest, out.After.Highest},
		{"workload.sum.overloaded", float64(out.Before.Overloaded), float64(out.After.Overloaded)},
		{"workload.sum.spread", out.Before.Spread, out.After.Spread},
	} {
		rows = append(rows, []any{w.T(f.key, nil), nil, formatFigure(lang, f.before), formatFigure(lang, f.after), nil})
	}
	return table.FromRows(name, planColumns, rows)
}

func formatFigure(lang string, v float64) string { return locale.Number(lang, math.Round(v*10)/10, 1) }
