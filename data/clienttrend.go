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

// ClientsByMonth counts, for each of the last months up to this one, the clients
// served at the end of the month, and the clients won and lost during it. Prospects
// are not counted; a client's start and churn dates place it in time.
func (s *Store) ClientsByMonth(ctx context.Context, months int) ([]ClientMonth, error) {
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
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []ClientMonth
	for rows.Next() {
		var m ClientMonth
		if err := rows.Scan(scanTime(&m.Month), &m.Served, &m.Started, &m.Lost); err != nil {
			return nil, s.classify(err)
		}
		out = append(out, m)
	}
	return out, s.classify(rows.Err())
}
