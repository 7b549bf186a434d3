package data

import (
	"database/sql"
	"errors"
	"strings"
	"time"
)

// InteractionBatch adds many log entries in one transaction with statements prepared
// once (the import of a long log). An entry is the same as another when it has the
// same client, time and kind; a known entry takes the batch's non-blank values.
type InteractionBatch struct {
	t          *Tx
	find       *sql.Stmt
	upsert     *sql.Stmt
	lastBefore int64 // the highest id before the batch: a match above it came from the batch
	lastAdded  int64 // the highest id the batch added: a returned id above it is new
}

// upsertInteraction adds an entry, or fills a known one with the values given (a
// NULL, an empty note and channel flag 0 keep what is stored); the WHERE leaves an
// entry with nothing new untouched, so RETURNING then gives no row.
const upsertInteraction = `INSERT INTO interactions (client_id, staff_id, occurred_at, channel, kind,
		response_hours, resolved_at, satisfaction, amount, report_due, notes)
	VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
	ON CONFLICT (client_id, occurred_at, kind) DO UPDATE SET
		staff_id = coalesce(excluded.staff_id, staff_id),
		channel = CASE WHEN ?12 THEN excluded.channel ELSE channel END,
		response_hours = coalesce(excluded.response_hours, response_hours),
		resolved_at = coalesce(excluded.resolved_at, resolved_at),
		satisfaction = coalesce(excluded.satisfaction, satisfaction),
		amount = coalesce(excluded.amount, amount),
		report_due = coalesce(excluded.report_due, report_due),
		notes = CASE WHEN excluded.notes <> '' THEN excluded.notes ELSE notes END
	WHERE excluded.staff_id IS NOT NULL AND excluded.staff_id IS NOT staff_id
		OR ?12 AND excluded.channel <> channel
		OR excluded.response_hours IS NOT NULL AND excluded.response_hours IS NOT response_hours
		OR excluded.resolved_at IS NOT NULL AND excluded.resolved_at IS NOT resolved_at
		OR excluded.satisfaction IS NOT NULL AND excluded.satisfaction IS NOT satisfaction
		OR excluded.amount IS NOT NULL AND excluded.amount IS NOT amount
		OR excluded.report_due IS NOT NULL AND excluded.report_due IS NOT report_due
		OR excluded.notes <> '' AND excluded.notes <> notes
	RETURNING id`

// NewInteractionBatch prepares a batch; Close releases it.
func (t *Tx) NewInteractionBatch() (*InteractionBatch, error) {
	b := &InteractionBatch{t: t}
	err := t.tx.QueryRowContext(t.ctx, `SELECT coalesce(max(id), 0) FROM interactions`).Scan(&b.lastBefore)
	if err != nil {
		return nil, err
	}
	b.lastAdded = b.lastBefore
	if b.find, err = t.tx.PrepareContext(t.ctx, `SELECT id FROM interactions
		WHERE client_id = ? AND occurred_at = ? AND kind = ?`); err != nil {
		return nil, err
	}
	if b.upsert, err = t.tx.PrepareContext(t.ctx, upsertInteraction); err != nil {
		b.find.Close()
		return nil, err
	}
	return b, nil
}

// Add validates an entry (client and staff ids must come from the database) and
// writes it: Added when new, Updated when a known entry took new values, Unchanged
// when it had them all, Repeated when the batch itself wrote it before. An empty
// channel is "not given": a new entry gets channel, a known one keeps its own.
func (b *InteractionBatch) Add(in Interaction, channel string) (Outcome, error) {
	in.Notes = strings.TrimSpace(in.Notes)
	if in.Kind != KindReportSent {
		in.ReportDue = time.Time{}
	}
	given := in.Channel != ""
	if !given {
		in.Channel = channel
	}
	var ch checker
	validateInteraction(in, &ch)
	if err := ch.err(); err != nil {
		return Added, err
	}
	var staff, amount, satisfaction any
	if in.StaffID != 0 {
		staff = in.StaffID
	}
	if in.Amount != 0 {
		amount = in.Amount
	}
	if in.Satisfaction != 0 {
		satisfaction = in.Satisfaction
	}
	var id int64
	err := b.upsert.QueryRowContext(b.t.ctx, in.ClientID, staff, dateTimeValue(in.At), in.Channel, in.Kind,
		in.ResponseHours, dateTimeValue(in.ResolvedAt), satisfaction, amount, dateValue(in.ReportDue), in.Notes,
		given).Scan(&id)
	switch {
	case err == nil && id > b.lastAdded: // ids only grow: a new row
		b.lastAdded = id
		return Added, nil
	case err == nil && id > b.lastBefore:
		return Repeated, nil
	case err == nil:
		return Updated, nil
	case !errors.Is(err, sql.ErrNoRows):
		return Added, err
	}
	// Nothing new: the entry was there already, or came earlier in the batch.
	if err := b.find.QueryRowContext(b.t.ctx, in.ClientID, dateTimeValue(in.At), in.Kind).Scan(&id); err != nil {
		return Added, err
	}
	if id > b.lastBefore {
		return Repeated, nil
	}
	return Unchanged, nil
}

// Close releases the prepared statements.
func (b *InteractionBatch) Close() error {
	return errors.Join(b.find.Close(), b.upsert.Close())
}
