package kpi

import (
	"context"
	"database/sql"
	"time"

	"leadboard/data"
)

// The client history the derived KPIs stand on, each loaded in one query for the
// whole window: when clients were served, who led them, their contracts and budgets.

// span is a stretch of days; end is exclusive and zero while it lasts.
type span struct{ start, end time.Time }

func (s span) covers(d time.Time) bool {
	return !d.Before(s.start) && (s.end.IsZero() || d.Before(s.end))
}

// overlaps reports whether the span has a day in the month.
func (s span) overlaps(m data.Month) bool {
	return !s.start.After(m.Last()) && (s.end.IsZero() || s.end.After(m.First()))
}

// servedBook holds each client's served spells (client_periods: the end is the
// churn date, when the client is no longer served).
type servedBook map[int64][]span

func (b servedBook) on(client int64, d time.Time) bool {
	for _, s := range b[client] {
		if s.covers(d) {
			return true
		}
	}
	return false
}

// months is the first and last month of first..last the span has a day in
// (from > to when none).
func (s span) months(first, last data.Month) (from, to data.Month) {
	from, to = max(first, data.MonthOf(s.start)), last
	if !s.end.IsZero() {
		to = min(to, data.MonthOf(s.end.AddDate(0, 0, -1))) // the end is the first day not served
	}
	return from, to
}

// window bounds the days of the months first..last for SQL.
func window(first, last data.Month) (from, to string) {
	return first.First().Format(data.DateLayout), last.Last().Format(data.DateLayout)
}

func loadServed(ctx context.Context, s *data.Store, first, last data.Month, scope string) (servedBook, error) {
	from, to := window(first, last)
	book := servedBook{}
	err := s.EachRow(ctx, `SELECT client_id, start_date, coalesce(end_date, '') FROM client_periods
		WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)`+scope+` ORDER BY client_id, start_date`,
		[]any{to, from}, func(r *sql.Rows) error {
			var id int64
			var start, end string
			if err := r.Scan(&id, &start, &end); err != nil {
				return err
			}
			book[id] = append(book[id], span{day(start), day(end)})
			return nil
		})
	return book, err
}

// leadBook holds each client's lead assignments in time order.
type leadBook map[int64][]leadSpan

type leadSpan struct {
	span
	staff int64
}

// lead is who led the client in the month: the lead at its end, or on the last day
// the client was led in it. A manager who takes over mid-month owns the month.
func (b leadBook) lead(client int64, m data.Month) int64 {
	var who int64
	for _, s := range b[client] {
		if s.overlaps(m) {
			who = s.staff
		}
	}
	return who
}

func loadLeads(ctx context.Context, s *data.Store, first, last data.Month, scope string) (leadBook, error) {
	from, to := window(first, last)
	book := leadBook{}
	// Assignments end on their last day (inclusive); a span's end is the day after.
	err := s.EachRow(ctx, `SELECT client_id, staff_id, start_date, coalesce(date(end_date, '+1 day'), '')
		FROM assignments WHERE role = 'lead' AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)`+scope+`
		ORDER BY client_id, start_date`, []any{to, from}, func(r *sql.Rows) error {
		var client, staff int64
		var start, end string
		if err := r.Scan(&client, &staff, &start, &end); err != nil {
			return err
		}
		book[client] = append(book[client], leadSpan{span{day(start), day(end)}, staff})
		return nil
	})
	return book, err
}

// contractBook holds each client's signed contracts (drafts are not in force).
type contractBook map[int64][]contractTerms

type contractTerms struct {
	span
	sla       float64
	frequency string
}

// defaultSLA is the response time assumed where no contract says otherwise.
const defaultSLA = 24

// sla is the shortest response time of the contracts in force on a day.
func (b contractBook) sla(client int64, d time.Time) float64 {
	best := 0.0
	for _, k := range b[client] {
		if k.covers(d) && (best == 0 || k.sla < best) {
			best = k.sla
		}
	}
	if best == 0 {
		return defaultSLA
	}
	return best
}

// loadContracts reads the contracts in force in the months, and in the quarter
// before them, whose reports fall due in the months.
func loadContracts(ctx context.Context, s *data.Store, first, last data.Month, scope string) (contractBook, error) {
	from, to := window(first-3, last)
	book := contractBook{}
	err := s.EachRow(ctx, `SELECT client_id, start_date, coalesce(date(end_date, '+1 day'), ''), sla_hours,
			report_frequency
		FROM contracts WHERE status <> 'draft' AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)`+scope,
		[]any{to, from}, func(r *sql.Rows) error {
			var client int64
			var start, end string
			var k contractTerms
			if err := r.Scan(&client, &start, &end, &k.sla, &k.frequency); err != nil {
				return err
			}
			k.span = span{day(start), day(end)}
			book[client] = append(book[client], k)
			return nil
		})
	return book, err
}

// budgetBook holds each client's budget changes in time order.
type budgetBook map[int64][]budgetChange

type budgetChange struct {
	from   time.Time
	amount float64
}

// on is the client's monthly budget on a day (0 before its first record).
func (b budgetBook) on(client int64, d time.Time) float64 {
	amount := 0.0
	for _, c := range b[client] {
		if c.from.After(d) {
			break
		}
		amount = c.amount
	}
	return amount
}

func loadBudgets(ctx context.Context, s *data.Store, last data.Month, scope string) (budgetBook, error) {
	book := budgetBook{}
	err := s.EachRow(ctx, `SELECT client_id, valid_from, monthly_budget FROM client_budgets
		WHERE valid_from <= ?`+scope+` ORDER BY client_id, valid_from`,
		[]any{last.Last().Format(data.DateLayout)}, func(r *sql.Rows) error {
			var client int64
			var from string
			var amount float64
			if err := r.Scan(&client, &from, &amount); err != nil {
				return err
			}
			book[client] = append(book[client], budgetChange{day(from), amount})
			return nil
		})
	return book, err
}

// day reads an ISO date (the first ten characters); "" is the zero time.
func day(s string) time.Time {
	if len(s) < 10 {
		return time.Time{}
	}
	y := atoi(s[0:4])
	m := atoi(s[5:7])
	d := atoi(s[8:10])
	return data.Day(y, time.Month(m), d)
}

// atoi reads the digits the store wrote; no validation is needed for them.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// minuteOf reads an ISO date-time "YYYY-MM-DD HH:MM".
func minuteOf(s string) time.Time {
	t := day(s)
	if len(s) >= 16 {
		t = t.Add(time.Duration(atoi(s[11:13]))*time.Hour + time.Duration(atoi(s[14:16]))*time.Minute)
	}
	return t
}

// monthOf reads the month of an ISO date or date-time.
func monthOf(s string) data.Month {
	return data.MonthFor(atoi(s[0:4]), time.Month(atoi(s[5:7])))
}
