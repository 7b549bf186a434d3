package audit

import (
	"context"
	"database/sql"
	"time"

	"leadboard/data"
)

// The follow-up actions as they stood on a past day: the status kept is today's,
// so "open on the day" is read from it and the date an action was done.

// actionsKnownOnSQL is the SQL condition on actions x for "on file on ?1": of an
// audit held by then, or of no audit (their creation date is not kept).
const actionsKnownOnSQL = `(x.audit_id IS NULL OR x.audit_id IN (SELECT id FROM audits WHERE held_on <= ?1))`

// actionOpenOnSQL is the SQL condition on actions x for "open on ?1": open now, or
// done after the day. A cancelled one records no date and is left out.
const actionOpenOnSQL = `(x.status = 'open' OR (x.status = 'done' AND x.done_on > ?1))`

// ActionCounts are the follow-up actions open on a day and, of them, those due
// before it.
type ActionCounts struct {
	Open, Overdue int
}

// ActionsOn counts the follow-up actions open on day and those of them overdue, by
// the rule the audit's evidence reads ("actions overdue").
func ActionsOn(ctx context.Context, s *data.Store, day time.Time) (ActionCounts, error) {
	var c ActionCounts
	err := s.EachRow(ctx, `SELECT count(*), coalesce(sum(x.due_on < ?1), 0)
		FROM actions x WHERE `+actionsKnownOnSQL+` AND `+actionOpenOnSQL,
		[]any{data.DateOf(day).Format(data.DateLayout)}, func(r *sql.Rows) error { return r.Scan(&c.Open, &c.Overdue) })
	return c, err
}
