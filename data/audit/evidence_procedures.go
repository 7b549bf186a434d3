package audit

import (
	"context"
	"database/sql"

	"leadboard/data"
)

// The register's figures and the audit's own follow-up: procedures reviewed within
// their interval, acknowledged by the staff, and actions past their due date.

// procedureInForce is the SQL condition on procedures r for "in force on the day":
// not archived by then.
const procedureInForce = `(r.archived_on IS NULL OR r.archived_on > ?1)`

// nextReviewSQL is data.Procedure.NextReview in SQL: a month-end date stays in its
// month (31 January + 1 month is 28 February, where date() alone gives 3 March).
const nextReviewSQL = `min(date(r.last_reviewed, '+' || r.review_months || ' months'),
	date(r.last_reviewed, 'start of month', '+' || (r.review_months + 1) || ' months', '-1 day'))`

// procedureFigures counts, in one query: the procedures in force, those whose next
// review (last reviewed plus the interval) is not before the day, every pair of a
// person at work and a procedure in force, and the pairs acknowledged by the day
// for the procedure's current version.
func procedureFigures(ctx context.Context, s *data.Store, d auditDay) ([]Figure, error) {
	query := `SELECT
			(SELECT count(*) FROM procedures r WHERE ` + procedureInForce + `),
			(SELECT count(*) FROM procedures r WHERE ` + procedureInForce + `
				AND ` + nextReviewSQL + ` >= ?1),
			(SELECT count(*) FROM procedures r CROSS JOIN staff p WHERE ` + procedureInForce + ` AND ` + activeStaff + `),
			(SELECT count(*) FROM procedures r CROSS JOIN staff p WHERE ` + procedureInForce + ` AND ` + activeStaff + `
				AND EXISTS (SELECT 1 FROM procedure_acks a WHERE a.procedure_id = r.id AND a.staff_id = p.id
					AND a.version = r.version AND a.acknowledged_on <= ?1))`
	var inForce, reviewed, pairs, acknowledged int
	err := s.EachRow(ctx, query, []any{d.date}, func(r *sql.Rows) error {
		return r.Scan(&inForce, &reviewed, &pairs, &acknowledged)
	})
	if err != nil {
		return nil, err
	}
	return []Figure{Share(ProceduresReviewed, reviewed, inForce), Share(ProceduresAcknowledged, acknowledged, pairs)}, nil
}

// actionsOverdue counts the actions open on the day with a due date before it:
// open now, or done after the day. Actions of audits held later are not yet there;
// a cancelled one records no date and is left out. Without any action there is
// nothing to judge by.
func actionsOverdue(ctx context.Context, s *data.Store, d auditDay) ([]Figure, error) {
	var actions, overdue int
	err := s.EachRow(ctx, `SELECT count(*), coalesce(sum(`+actionOpenOnSQL+` AND x.due_on < ?1), 0)
		FROM actions x WHERE `+actionsKnownOnSQL,
		[]any{d.date}, func(r *sql.Rows) error { return r.Scan(&actions, &overdue) })
	if err != nil {
		return nil, err
	}
	return []Figure{countFigure(ActionsOverdue, overdue, actions > 0)}, nil
}
