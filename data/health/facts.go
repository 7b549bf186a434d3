package health

import (
	"context"
	"database/sql"
	"math"
	"strconv"
	"strings"
	"time"

	"leadboard/data"
	"leadboard/data/kpi"
	"leadboard/data/workload"
)

// What the measures are computed from: a handful of grouped queries over all the
// clients at once (or the few asked for). Nothing is read client by client.

// window is the as-of day and the stretches of time the measures look at.
type window struct {
	asOf          time.Time
	recent        time.Time  // the first of the last 90 days
	earlier       time.Time  // the first of the 90 days before them
	after         time.Time  // the day after asOf
	budgetThen    time.Time  // three months before asOf
	first, last   data.Month // the last three full months
	today         bool       // asOf is the store's today: leave and today's workload are known
	workloadMonth data.Month // for a past day, the month whose last day's workload stands for it
}

// Days and months the measures look back.
const (
	recentDays   = 90
	budgetMonths = 3
	fullMonths   = 3
)

func windowOf(asOf, today time.Time) window {
	asOf = data.DateOf(asOf)
	w := window{
		asOf:       asOf,
		recent:     asOf.AddDate(0, 0, 1-recentDays),
		earlier:    asOf.AddDate(0, 0, 1-2*recentDays),
		after:      asOf.AddDate(0, 0, 1),
		budgetThen: monthsBefore(asOf, budgetMonths),
		today:      asOf.Equal(today),
	}
	w.last = lastFullMonth(asOf)
	w.first = w.last - (fullMonths - 1)
	w.workloadMonth = w.last
	return w
}

// lastFullMonth is asOf's month when asOf is its last day, else the month before.
func lastFullMonth(asOf time.Time) data.Month {
	m := data.MonthOf(asOf)
	if asOf.Equal(m.Last()) {
		return m
	}
	return m - 1
}

// monthsBefore is the same day n months earlier, kept within that month (31 May →
// 28 or 29 February); a month's last day maps to that month's last day.
func monthsBefore(d time.Time, n int) time.Time {
	m := data.MonthOf(d)
	then := m - data.Month(n)
	if d.Equal(m.Last()) || d.Day() > then.Last().Day() {
		return then.Last()
	}
	return data.Day(then.Year(), then.Number(), d.Day())
}

// clientFacts is everything the measures need to know about one client.
type clientFacts struct {
	id                    int64
	name                  string
	paused                bool
	lead, backup          int64
	leadName              string
	leadOnLeave           bool
	budgetNow, budgetThen float64 // -1: no budget recorded yet
	complaints            int
	escalations           int
	ratings, earlier      ratingSum
	contracts             []contractSpan // ending on asOf or later
}

type ratingSum struct{ sum, n float64 }

// contractSpan is a contract's dates (end zero when open-ended) and status.
type contractSpan struct {
	start, end time.Time
	status     data.ContractStatus
}

// inForce is the audit's reading (data/audit contractInForce): running on the day
// and, today, active; on a past day any contract but a draft counts, because the
// status it had then is not kept (the KPI package reads it so too).
func (k contractSpan) inForce(day time.Time, today bool) bool {
	signed := k.status != data.ContractDraft
	if today {
		signed = k.status == data.ContractActive
	}
	return signed && !k.start.After(day) && (k.end.IsZero() || !k.end.Before(day))
}

// facts are the clients served on the day with what the measures read.
type facts struct {
	w        window
	clients  []*clientFacts // by name
	byID     map[int64]*clientFacts
	load     map[int64]float64     // each manager's utilization, per cent (absent: no capacity)
	coeffs   workload.Coefficients // the workload formula, whose band says "over capacity"
	kpi      map[int64]float64     // mean attainment, per cent
	sla      map[int64]kpi.ClientSeries
	onTime   map[int64]kpi.ClientSeries
	missing  map[int64]kpi.ClientSeries
	override map[int64]data.HealthOverride
}

// gather reads the facts of the clients served on w.asOf (only those of ids when
// ids is not nil). load, when given, is the managers' utilization under coeffs to
// use instead of reading it (History reads the months' workload once for all).
//
// The queries run one after another on purpose: on the large demo they were no
// faster side by side (each reader connection warms its own page cache over the
// same pages of the log) and often slower.
func gather(ctx context.Context, s *data.Store, w window, ids []int64, load map[int64]float64,
	coeffs *workload.Coefficients) (*facts, error) {
	f := &facts{w: w, byID: map[int64]*clientFacts{}, load: load}
	if err := f.readClients(ctx, s, ids); err != nil {
		return nil, err
	}
	if ids != nil {
		ids = f.ids() // only those served: the others have nothing to score
	}
	steps := []func() error{
		func() error { return f.readComplaints(ctx, s, ids) },
		func() error { return f.readRatings(ctx, s, ids) },
		func() error { return f.readContracts(ctx, s, ids) },
		func() (err error) { f.kpi, err = kpi.ClientAttainment(ctx, s, w.first, w.last, ids); return err },
		func() error {
			values, err := kpi.ClientValues(ctx, s, []string{"response_sla", "reports_on_time", "reports_missing"},
				w.first, w.last, ids)
			f.sla, f.onTime, f.missing = values["response_sla"], values["reports_on_time"], values["reports_missing"]
			return err
		},
		func() (err error) { f.override, err = s.HealthOverrides(ctx, w.asOf); return err },
	}
	if load == nil {
		steps = append(steps, func() error { return f.readWorkload(ctx, s) })
	} else {
		f.coeffs = *coeffs
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return f, nil
}

func (f *facts) ids() []int64 {
	out := make([]int64, len(f.clients))
	for i, c := range f.clients {
		out[i] = c.id
	}
	return out
}

// inList is the SQL condition " AND column IN (ids)"; nil ids: no condition.
func inList(column string, ids []int64) string {
	if ids == nil {
		return ""
	}
	if len(ids) == 0 {
		return " AND " + column + " IN (NULL)"
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10) // numbers: safe to write into SQL
	}
	return " AND " + column + " IN (" + strings.Join(parts, ",") + ")"
}

func day(t time.Time) string { return t.Format(data.DateLayout) }

// readClients reads the clients served on the day (client_periods), each with its
// lead and backup of that day (assignments by their dates), the lead's name and
// leave, and its budget on the day and three months before (client_budgets).
func (f *facts) readClients(ctx context.Context, s *data.Store, ids []int64) error {
	const heldOn = `a.client_id = c.id AND a.start_date <= ?1 AND (a.end_date IS NULL OR a.end_date >= ?1)`
	const budgetOn = `coalesce((SELECT b.monthly_budget FROM client_budgets b WHERE b.client_id = c.id
		AND b.valid_from <= %s ORDER BY b.valid_from DESC LIMIT 1), -1)`
	return s.EachRow(ctx, `SELECT c.id, c.name, c.status = 'paused', coalesce(l.staff_id, 0),
			coalesce(p.full_name, ''), coalesce(p.status = 'on_leave', 0),
			coalesce((SELECT a.staff_id FROM assignments a WHERE `+heldOn+` AND a.role = 'backup'
				ORDER BY a.start_date DESC LIMIT 1), 0),
			`+strings.Replace(budgetOn, "%s", "?1", 1)+`, `+strings.Replace(budgetOn, "%s", "?2", 1)+`
		FROM client_periods s JOIN clients c ON c.id = s.client_id
		LEFT JOIN assignments l ON l.id = (SELECT a.id FROM assignments a WHERE `+heldOn+` AND a.role = 'lead'
			ORDER BY a.start_date DESC LIMIT 1)
		LEFT JOIN staff p ON p.id = l.staff_id
		WHERE s.start_date <= ?1 AND (s.end_date IS NULL OR s.end_date > ?1)`+inList("s.client_id", ids)+`
		ORDER BY c.name_key`, []any{day(f.w.asOf), day(f.w.budgetThen)}, func(r *sql.Rows) error {
		c := &clientFacts{}
		if err := r.Scan(&c.id, &c.name, &c.paused, &c.lead, &c.leadName, &c.leadOnLeave, &c.backup, &c.budgetNow,
			&c.budgetThen); err != nil {
			return err
		}
		if f.byID[c.id] == nil { // two spells cannot overlap, but be sure a client is listed once
			f.clients = append(f.clients, c)
			f.byID[c.id] = c
		}
		return nil
	})
}

// readComplaints counts each client's complaints and escalations of the last 90 days.
func (f *facts) readComplaints(ctx context.Context, s *data.Store, ids []int64) error {
	return s.EachRow(ctx, `SELECT client_id, sum(kind = 'complaint'), sum(kind = 'escalation')
		FROM interactions INDEXED BY interactions_complaints WHERE kind IN ('complaint', 'escalation')
		AND occurred_at >= ? AND occurred_at < ?`+inList("client_id", ids)+` GROUP BY client_id`,
		[]any{day(f.w.recent), day(f.w.after)}, func(r *sql.Rows) error {
			var id int64
			var complaints, escalations int
			if err := r.Scan(&id, &complaints, &escalations); err != nil {
				return err
			}
			if c := f.byID[id]; c != nil {
				c.complaints, c.escalations = complaints, escalations
			}
			return nil
		})
}

// readRatings sums each client's ratings of the last 90 days and of the 90 before.
func (f *facts) readRatings(ctx context.Context, s *data.Store, ids []int64) error {
	return s.EachRow(ctx, `SELECT client_id,
			total(CASE WHEN occurred_at >= ?1 THEN satisfaction END), count(CASE WHEN occurred_at >= ?1 THEN 1 END),
			total(CASE WHEN occurred_at < ?1 THEN satisfaction END), count(CASE WHEN occurred_at < ?1 THEN 1 END)
		FROM interactions INDEXED BY interactions_ratings WHERE satisfaction IS NOT NULL
		AND occurred_at >= ?2 AND occurred_at < ?3`+inList("client_id", ids)+` GROUP BY client_id`,
		[]any{day(f.w.recent), day(f.w.earlier), day(f.w.after)}, func(r *sql.Rows) error {
			var id int64
			var now, before ratingSum
			if err := r.Scan(&id, &now.sum, &now.n, &before.sum, &before.n); err != nil {
				return err
			}
			if c := f.byID[id]; c != nil {
				c.ratings, c.earlier = now, before
			}
			return nil
		})
}

// readContracts reads the contracts in force on the day or after it, drafts too:
// a draft is not in force (as in the KPI package), but a draft of the next contract
// says its renewal is under way (as in the renewals calendar).
func (f *facts) readContracts(ctx context.Context, s *data.Store, ids []int64) error {
	return s.EachRow(ctx, `SELECT client_id, start_date, coalesce(end_date, ''), status FROM contracts
		WHERE end_date IS NULL OR end_date >= ?`+inList("client_id", ids),
		[]any{day(f.w.asOf)}, func(r *sql.Rows) error {
			var id int64
			var start, end string
			k := contractSpan{}
			if err := r.Scan(&id, &start, &end, &k.status); err != nil {
				return err
			}
			c := f.byID[id]
			if c == nil {
				return nil
			}
			var err error
			if k.start, err = time.Parse(data.DateLayout, start); err != nil {
				return err
			}
			if end != "" {
				if k.end, err = time.Parse(data.DateLayout, end); err != nil {
					return err
				}
			}
			c.contracts = append(c.contracts, k)
			return nil
		})
}

// readWorkload reads each manager's utilization by data/workload: today's snapshot
// (which knows who is on leave) for today, the load on the last day of the last
// full month for a past day (leave is not kept in history: everyone counts as
// working).
func (f *facts) readWorkload(ctx context.Context, s *data.Store) error {
	coeffs, err := workload.LoadCoefficients(ctx, s)
	if err != nil {
		return err
	}
	f.coeffs = coeffs
	if f.w.today {
		snap, err := workload.Take(ctx, s, coeffs)
		if err != nil {
			return err
		}
		f.load = utilizationNow(snap.Loads())
		return nil
	}
	h, err := workload.HistoryOf(ctx, s, coeffs, f.w.workloadMonth, f.w.workloadMonth)
	if err != nil {
		return err
	}
	f.load = utilizationIn(h, 0)
	return nil
}

func utilizationNow(loads []workload.Load) map[int64]float64 {
	out := make(map[int64]float64, len(loads))
	for _, l := range loads {
		if u := l.Utilization(); !math.IsNaN(u) { // NaN: no capacity (on leave)
			out[l.ID] = u
		}
	}
	return out
}

// utilizationIn is every manager's utilization in the i-th month of a history.
func utilizationIn(h workload.History, i int) map[int64]float64 {
	out := make(map[int64]float64, len(h.Managers))
	for id, months := range h.Managers {
		if u := months[i].Utilization(); !math.IsNaN(u) {
			out[id] = u
		}
	}
	return out
}
