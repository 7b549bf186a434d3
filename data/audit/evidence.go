package audit

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"time"

	"leadboard/charts"
	"leadboard/data"
)

// Evidence computes every figure of EvidenceCodes as of an audit's day. Each group
// of figures is one set-based pass (a query over all clients, all staff, ...,
// or the KPI and workload packages' own computations), never one per client or
// person; the groups are independent and run side by side on the store's readers.
// The day's data are read as they stand now: what history the schema keeps is
// used (client spells, assignments, contract dates, review and assessment dates);
// what it does not keep (contacts, document links, leave) is today's, and each
// figure's "how" text says so.
func Evidence(ctx context.Context, s *data.Store, asOf time.Time) (map[string]Figure, error) {
	d := dayOf(s, asOf)
	groups := []func(context.Context, *data.Store, auditDay) ([]Figure, error){
		clientFigures, contractTargets, staffFigures, gradesDescribed, procedureFigures,
		departmentFeedback, actionsOverdue, kpiFigures, workloadFigures,
	}
	results := make([][]Figure, len(groups))
	errs := make([]error, len(groups))
	var wg sync.WaitGroup
	for i, group := range groups {
		wg.Go(func() { results[i], errs[i] = group(ctx, s, d) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	out := make(map[string]Figure, len(EvidenceCodes))
	for _, figures := range results {
		for _, f := range figures {
			out[f.Code] = f
		}
	}
	return out, nil
}

// auditDay is the day figures are computed for, with the bounds the queries use.
type auditDay struct {
	at   time.Time
	date string // YYYY-MM-DD
	// current: the day is today (or later), so today's statuses speak for it;
	// for a past day the history does (client spells, contract dates).
	current bool
}

func dayOf(s *data.Store, asOf time.Time) auditDay {
	at := data.DateOf(asOf)
	return auditDay{at: at, date: at.Format(data.DateLayout), current: !at.Before(s.Today())}
}

// monthsLater is SQLite's date() modifier for n months on. A window "in the n
// months to the day" keeps what happened on or before the day whose date n months
// on is after it: the way the grades screen says when an assessment is due again
// (time.AddDate and date() both carry 31 March + 6 months to 1 October).
func monthsLater(n int) string { return "+" + strconv.Itoa(n) + " months" }

// daysBefore is the day n days earlier.
func (d auditDay) daysBefore(n int) string {
	return d.at.AddDate(0, 0, -n).Format(data.DateLayout)
}

// next is the day after, the exclusive end of the day's time stamps.
func (d auditDay) next() string {
	return d.at.AddDate(0, 0, 1).Format(data.DateLayout)
}

// month is the audit day's month (YYYY-MM).
func (d auditDay) month() data.Month { return data.MonthOf(d.at) }

// activeStaff is the SQL condition on staff p: at work on the day (active or on
// leave), hired by then and not yet gone (left_date is the first day away).
const activeStaff = `p.hire_date <= ?1 AND (p.left_date IS NULL OR p.left_date > ?1)`

// countFigure is a count; NaN when there was nothing to count in (judged false).
func countFigure(code string, n int, judged bool) Figure {
	f := None(code, charts.UnitCount)
	if judged {
		f.Value = float64(n)
	}
	return f
}
