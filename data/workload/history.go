package workload

import (
	"context"
	"database/sql"
	"math"
	"time"

	"leadboard/data"
)

// Over time: each month's load is what every manager carried on its last day,
// from the assignment history. A client weighs what its current tier, complexity,
// services and reporting make it, plus the complaints and contacts of that month;
// capacity is the grade held that day times today's FTE (or today's personal
// figure). Leave is not kept in history, so past months count everyone as working.

// Month is one month of a manager's (or the department's) load.
type Month struct {
	Month          data.Month
	Load, Capacity float64
}

// Utilization of the month in per cent; NaN without capacity.
func (m Month) Utilization() float64 {
	if m.Capacity <= 0 {
		return math.NaN()
	}
	return m.Load / m.Capacity * 100
}

// History is the load of every manager and of the department month by month.
type History struct {
	Months     []data.Month
	Managers   map[int64][]Month // by staff id, one entry per month
	Department []Month
}

// HistoryOf computes the months first..last in four queries (clients, assignments,
// the log by client and month, grade history) and one pass over them.
func HistoryOf(ctx context.Context, s *data.Store, c Coefficients, first, last data.Month) (History, error) {
	h := History{Managers: map[int64][]Month{}}
	for m := first; m <= last; m++ {
		h.Months = append(h.Months, m)
		h.Department = append(h.Department, Month{Month: m})
	}
	from, to := first.First().Format(data.DateLayout), last.Last().Format(data.DateLayout)
	static, err := staticWeights(ctx, s, c)
	if err != nil {
		return h, err
	}
	recent, err := monthlyLog(ctx, s, c, from, last)
	if err != nil {
		return h, err
	}
	capacity, err := capacities(ctx, s, h.Months)
	if err != nil {
		return h, err
	}
	for staff, caps := range capacity {
		row := h.row(staff)
		for i := range row {
			row[i].Capacity = caps[i]
			h.Department[i].Capacity += caps[i]
		}
	}
	err = s.EachRow(ctx, `SELECT client_id, staff_id, role, start_date, coalesce(end_date, '9999-12-31')
		FROM assignments WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)`, []any{to, from},
		func(r *sql.Rows) error {
			var client, staff int64
			var role, start, end string
			if err := r.Scan(&client, &staff, &role, &start, &end); err != nil {
				return err
			}
			share := 1.0
			if role == string(data.RoleBackup) {
				share = c.BackupShare
			}
			for i, m := range h.Months {
				day := m.Last().Format(data.DateLayout)
				if start > day || end < day {
					continue
				}
				h.add(staff, i, share*(static[client]+recent[monthKey{client, m}]))
			}
			return nil
		})
	return h, err
}

// add puts a client's points on a manager's month (and the department's).
func (h *History) add(staff int64, i int, points float64) {
	h.row(staff)[i].Load += points
	h.Department[i].Load += points
}

// row is a manager's months, made when first needed.
func (h *History) row(staff int64) []Month {
	row := h.Managers[staff]
	if row == nil {
		row = make([]Month, len(h.Months))
		for j, m := range h.Months {
			row[j].Month = m
		}
		h.Managers[staff] = row
	}
	return row
}

// staticWeights is each client's weight without its recent load, under today's data.
func staticWeights(ctx context.Context, s *data.Store, c Coefficients) (map[int64]float64, error) {
	out := map[int64]float64{}
	err := s.EachRow(ctx, `SELECT c.id, c.tier, c.monthly_budget, c.complexity,
			(SELECT count(*) FROM client_services x WHERE x.client_id = c.id),
			`+reportingOf+`
		FROM clients c`, nil, func(r *sql.Rows) error {
		var cl Client
		if err := r.Scan(&cl.ID, &cl.Tier, &cl.Budget, &cl.Complexity, &cl.Services, &cl.Reporting); err != nil {
			return err
		}
		out[cl.ID] = c.weigh(cl).Total()
		return nil
	})
	return out, err
}

type monthKey struct {
	client int64
	month  data.Month
}

// monthlyLog is each client-month's points of complaints and contacts.
func monthlyLog(ctx context.Context, s *data.Store, c Coefficients, from string, last data.Month) (map[monthKey]float64, error) {
	out := map[monthKey]float64{}
	// Client by client, each a range of the log's (client, time) index: reading the
	// window's entries only, not the whole index (half the time on 1.7 M entries).
	err := s.EachRow(ctx, `SELECT i.client_id, substr(i.occurred_at, 1, 7) AS m, count(*),
			sum(i.kind IN ('complaint', 'escalation'))
		FROM clients c NOT INDEXED CROSS JOIN interactions i ON i.client_id = c.id
			AND i.occurred_at >= ? AND i.occurred_at < ?
		GROUP BY i.client_id, m`,
		[]any{from, (last + 1).First().Format(data.DateLayout)}, func(r *sql.Rows) error {
			var client int64
			var month string
			var contacts, complaints float64
			if err := r.Scan(&client, &month, &contacts, &complaints); err != nil {
				return err
			}
			m, err := data.ParseMonth(month)
			if err != nil {
				return err
			}
			out[monthKey{client, m}] = c.ContactPoints*contacts + c.ComplaintPoints*complaints
			return nil
		})
	return out, err
}

// capacities is each person's capacity on each month's last day while employed:
// the grade held then (grade history) times today's FTE, or today's personal figure.
func capacities(ctx context.Context, s *data.Store, months []data.Month) (map[int64][]float64, error) {
	out := map[int64][]float64{}
	err := s.EachRow(ctx, `SELECT p.id, p.fte, coalesce(p.capacity_override, 0), h.changed_on, g.capacity,
			p.hire_date, coalesce(p.left_date, '9999-12-31')
		FROM staff p JOIN grade_history h ON h.staff_id = p.id JOIN grade_levels g ON g.id = h.to_grade_id
		ORDER BY p.id, h.changed_on, h.id`, nil, func(r *sql.Rows) error {
		var id int64
		var fte, override, capacity float64
		var changed, hired, left string
		if err := r.Scan(&id, &fte, &override, &changed, &capacity, &hired, &left); err != nil {
			return err
		}
		row := out[id]
		if row == nil {
			row = make([]float64, len(months))
			out[id] = row
		}
		since, err := time.Parse(data.DateLayout, changed)
		if err != nil {
			return err
		}
		for i, m := range months {
			day := m.Last().Format(data.DateLayout)
			if hired > day || left <= day {
				continue // not employed that day
			}
			if !since.After(m.Last()) { // later grade changes overwrite earlier ones
				row[i] = capacity * fte
				if override > 0 {
					row[i] = override
				}
			}
		}
		return nil
	})
	return out, err
}
