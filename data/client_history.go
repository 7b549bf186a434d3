package data

import (
	"context"
	"database/sql"
	"time"
)

// The derived KPIs need what the clients table forgets: when a client was served
// (a client can leave and come back) and what its budget was month by month. The
// store writes both histories whenever a client is saved.

// recordPeriods keeps client_periods in step with a client's status. old is the
// client before the change (zero ID for a new one); from is when a change takes
// effect, which is when a returning client is served again.
func recordPeriods(ctx context.Context, tx *sql.Tx, old, c Client, from time.Time) error {
	wasServed := old.ID != 0 && old.Status != ClientProspect
	var err error
	switch {
	case c.Status == ClientProspect:
		// Back to a prospect: the user says it was never served.
		_, err = tx.ExecContext(ctx, `DELETE FROM client_periods WHERE client_id = ?`, c.ID)
	case !wasServed:
		_, err = tx.ExecContext(ctx, `INSERT INTO client_periods (client_id, start_date, end_date) VALUES (?, ?, ?)`,
			c.ID, dateValue(c.StartDate), dateValue(c.ChurnDate))
	case old.Status == ClientChurned && c.Status != ClientChurned:
		_, err = tx.ExecContext(ctx, `INSERT INTO client_periods (client_id, start_date) VALUES (?, ?)`,
			c.ID, dateValue(from)) // checkReturn: not before the churn date
	default: // the same spell goes on: its end follows the churn date, the first start the client's
		if _, err = tx.ExecContext(ctx, `UPDATE client_periods SET end_date = ? WHERE id =
				(SELECT id FROM client_periods WHERE client_id = ? ORDER BY start_date DESC LIMIT 1)`,
			dateValue(c.ChurnDate), c.ID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE client_periods SET start_date = ? WHERE id =
				(SELECT id FROM client_periods WHERE client_id = ? ORDER BY start_date LIMIT 1)`,
			dateValue(c.StartDate), c.ID)
	}
	return err
}

// checkReturn: a client who comes back is served again no earlier than it left.
func checkReturn(old, c Client, from time.Time, ch *checker) {
	if old.Status == ClientChurned && c.Served() {
		ch.notBefore("from", from, old.ChurnDate)
	}
}

// recordBudget writes the client's budget from a day on, when it is new or changed;
// a client whose start moved earlier has its first budget start with it.
func recordBudget(ctx context.Context, tx *sql.Tx, old, c Client, from time.Time) error {
	if old.ID == 0 || from.Before(c.StartDate) {
		from = c.StartDate // a budget cannot apply before the client starts
	}
	if old.ID == 0 || old.MonthlyBudget != c.MonthlyBudget {
		if _, err := tx.ExecContext(ctx, `INSERT INTO client_budgets (client_id, valid_from, monthly_budget)
				VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET monthly_budget = excluded.monthly_budget`,
			c.ID, dateValue(from), c.MonthlyBudget); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE client_budgets SET valid_from = ?1 WHERE client_id = ?2 AND valid_from > ?1
		AND valid_from = (SELECT min(valid_from) FROM client_budgets WHERE client_id = ?2)`, dateValue(c.StartDate), c.ID)
	return err
}

// recordChurn ends the client's open spell on the churn date.
func recordChurn(ctx context.Context, tx *sql.Tx, clientID int64, churnDate time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE client_periods SET end_date = ? WHERE client_id = ? AND end_date IS NULL`,
		dateValue(churnDate), clientID)
	return err
}
