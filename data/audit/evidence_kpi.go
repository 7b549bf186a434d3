package audit

import (
	"context"
	"errors"
	"math"
	"sync"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/kpi"
	"leadboard/data/workload"
)

// Figures the KPI and workload packages already define: the audit shows their
// numbers, not its own version of them.

// kpiEvidence maps an evidence code to the derived KPI it shows and its unit.
var kpiEvidence = []struct {
	code, kpi, unit string
	lastMonth       bool // the last full month's value; otherwise the last full quarter's
}{
	{ReportsOnTime, "reports_on_time", charts.UnitPercent, false},
	{ResponseWithinSLA, "response_sla", charts.UnitPercent, false},
	{ComplaintsWithinSLA, "complaints_sla", charts.UnitPercent, false},
	{Satisfaction, "satisfaction", charts.UnitScore, false},
	{Retention, "retention", charts.UnitPercent, false},
	{BudgetGrowth, "budget_yoy", charts.UnitPercent, true},
}

// lastFullQuarter is the last calendar quarter that ended before the day's month.
// The KPI package pools a calendar quarter as one period (cases of all its months
// together; retention from the quarter's eve to its end); three months that are not
// a calendar quarter it can only give month by month, and averaging monthly shares
// would weigh a quiet month like a busy one.
func lastFullQuarter(d auditDay) kpi.Period {
	return kpi.QuarterPeriod(kpi.QuarterPeriod(d.month()).From - 1)
}

// kpiFigures computes the department's KPIs, one KPI per pass, side by side.
func kpiFigures(ctx context.Context, s *data.Store, d auditDay) ([]Figure, error) {
	out := make([]Figure, len(kpiEvidence))
	errs := make([]error, len(kpiEvidence))
	var wg sync.WaitGroup
	for i, e := range kpiEvidence {
		q := kpi.Query{KPIs: []string{e.kpi}, Level: data.LevelDepartment}
		if e.lastMonth {
			q.From, q.To, q.Granularity = d.month()-1, d.month()-1, kpi.Monthly
		} else {
			p := lastFullQuarter(d)
			q.From, q.To, q.Granularity = p.From, p.To, kpi.Quarterly
		}
		wg.Go(func() {
			v, err := departmentValue(ctx, s, q)
			out[i], errs[i] = Figure{Code: e.code, Value: v, Unit: e.unit}, err
		})
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// departmentValue is a one-period department trend's only value (NaN: none).
func departmentValue(ctx context.Context, s *data.Store, q kpi.Query) (float64, error) {
	t, err := kpi.TrendOf(ctx, s, q)
	if err != nil {
		return math.NaN(), err
	}
	if len(t.Series) != 1 || len(t.Series[0].Points) != 1 {
		return math.NaN(), errors.New("audit: a KPI period gave other than one value")
	}
	return t.Series[0].Points[0].Value, nil
}

// workloadFigures: how uneven the managers' utilization is (its standard deviation,
// in percentage points) and how many are over their band, as the workload screen
// totals them. Today's figures come from today's snapshot; a past day's from the
// workload history at the end of the last month that ended by then (each manager's
// load over capacity that day; leave is not kept in history).
func workloadFigures(ctx context.Context, s *data.Store, d auditDay) ([]Figure, error) {
	c, err := workload.LoadCoefficients(ctx, s)
	if err != nil {
		return nil, err
	}
	var loads []workload.Load
	if d.current {
		snap, err := workload.Take(ctx, s, c)
		if err != nil {
			return nil, err
		}
		loads = snap.Loads()
	} else if loads, err = pastLoads(ctx, s, c, d); err != nil {
		return nil, err
	}
	t := c.TotalsOf(loads)
	spread := None(WorkloadSpread, "pp")
	if t.Managers > 0 {
		spread.Value = t.Spread
	}
	return []Figure{spread, countFigure(Overloaded, t.Overloaded, t.Managers > 0)}, nil
}

// pastLoads is every manager's load and capacity on the last month-end on or
// before the day, from the workload history.
func pastLoads(ctx context.Context, s *data.Store, c workload.Coefficients, d auditDay) ([]workload.Load, error) {
	m := d.month()
	if !m.Last().Equal(d.at) {
		m--
	}
	h, err := workload.HistoryOf(ctx, s, c, m, m)
	if err != nil {
		return nil, err
	}
	loads := make([]workload.Load, 0, len(h.Managers))
	for _, months := range h.Managers {
		loads = append(loads, workload.Load{Capacity: months[0].Capacity, Lead: months[0].Load})
	}
	return loads, nil
}
