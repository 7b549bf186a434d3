package data

import (
	"context"
	"time"
)

// ClientMonth counts the clients served in one calendar month.
type ClientMonth struct {
	Month   time.Time // the first day of the month
	Served  int       // clients started and not lost by the month's last day (active or paused)
	Started int       // clients whose work started in the month
	Lost    int       // clients lost (churned) in the month
}

// ClientTrend is the clients served month by month, with the months' totals.
type ClientTrend struct {
	Months  []ClientMonth
	Started int // clients won over all the months
	Lost    int // clients lost over all the months
}

// HasData reports whether any month had a client.
func (t ClientTrend) HasData() bool {
	for _, m := range t.Months {
		if m.Served > 0 || m.Lost > 0 {
			return true
		}
	}
	return false
}

// ClientsByMonth counts, for each of the last months up to this one, the clients
// served at the end of the month, and the clients won and lost during it. Prospects
// are not counted; a client's start and churn dates place it in time. One pass over
// the clients that overlap the months, bucketed here.
func (s *Store) ClientsByMonth(ctx context.Context, months int) (ClientTrend, error) {
	var t ClientTrend
	if months < 1 {
		months = 1
	}
	today := s.Today()
	first := Day(today.Year(), today.Month(), 1).AddDate(0, 1-months, 0)
	last := Day(today.Year(), today.Month(), 1).AddDate(0, 1, -1)
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		t.Months = append(t.Months, ClientMonth{Month: m})
	}
	rows, err := s.read.QueryContext(ctx, `SELECT start_date, churn_date FROM clients
		WHERE status <> 'prospect' AND start_date <= ? AND (churn_date IS NULL OR churn_date >= ?)`,
		dateValue(last), dateValue(first))
	if err != nil {
		return t, s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var start, churn time.Time
		if err := rows.Scan(scanTime(&start), scanTime(&churn)); err != nil {
			return t, s.classify(err)
		}
		t.count(start, churn)
	}
	return t, s.classify(rows.Err())
}

// count adds one client, served from start until churn (zero: still served).
func (t *ClientTrend) count(start, churn time.Time) {
	for i := range t.Months {
		m := &t.Months[i]
		end := m.Month.AddDate(0, 1, -1)
		if !start.After(end) && (churn.IsZero() || churn.After(end)) {
			m.Served++
		}
		if !start.Before(m.Month) && !start.After(end) {
			m.Started++
			t.Started++
		}
		if !churn.IsZero() && !churn.Before(m.Month) && !churn.After(end) {
			m.Lost++
			t.Lost++
		}
	}
}
