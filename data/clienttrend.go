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
// are not counted; a client's start and churn dates place it in time.
func (s *Store) ClientsByMonth(ctx context.Context, months int) (ClientTrend, error) {
	var t ClientTrend
	if months < 1 {
		months = 1
	}
	today := dateValue(s.Today())
	rows, err := s.read.QueryContext(ctx, `WITH RECURSIVE month(first) AS (
			SELECT date(?, 'start of month', '-' || (? - 1) || ' months')
			UNION ALL SELECT date(first, '+1 month') FROM month WHERE first < date(?, 'start of month')
		), span AS (SELECT first, date(first, '+1 month', '-1 day') AS last FROM month)
		SELECT span.first,
			(SELECT count(*) FROM clients c WHERE c.status <> 'prospect' AND c.start_date <= span.last
				AND (c.churn_date IS NULL OR c.churn_date > span.last)),
			(SELECT count(*) FROM clients c WHERE c.status <> 'prospect'
				AND c.start_date BETWEEN span.first AND span.last),
			(SELECT count(*) FROM clients c WHERE c.churn_date BETWEEN span.first AND span.last)
		FROM span ORDER BY span.first`, today, months, today)
	if err != nil {
		return t, s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var m ClientMonth
		if err := rows.Scan(scanTime(&m.Month), &m.Served, &m.Started, &m.Lost); err != nil {
			return t, s.classify(err)
		}
		t.Months = append(t.Months, m)
		t.Started += m.Started
		t.Lost += m.Lost
	}
	return t, s.classify(rows.Err())
}
