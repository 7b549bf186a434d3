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
	insert     *sql.Stmt
	find       *sql.Stmt
	update     *sql.Stmt
	lastBefore int64 // the highest id before the batch: a match above it came from the batch
}

// insertInteraction adds an entry unless its natural key is taken. A plain insert:
// an upsert with RETURNING costs twice as much per row, and most rows of a long
// log are new.
const insertInteraction = `INSERT INTO interactions (client_id, staff_id, occurred_at, channel, kind,
		response_hours, resolved_at, satisfaction, amount, report_due, notes)
	VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
	ON CONFLICT (client_id, occurred_at, kind) DO NOTHING`

// updateInteraction fills a known entry (?13) with the values given: a NULL, an
// empty note and channel flag (?12) 0 keep what is stored. The WHERE leaves an
// entry with nothing new untouched, so that it counts as unchanged.
const updateInteraction = `UPDATE interactions SET
		staff_id = coalesce(?2, staff_id),
		channel = CASE WHEN ?12 THEN ?4 ELSE channel END,
		response_hours = coalesce(?6, response_hours),
		resolved_at = coalesce(?7, resolved_at),
		satisfaction = coalesce(?8, satisfaction),
		amount = coalesce(?9, amount),
		report_due = coalesce(?10, report_due),
		notes = CASE WHEN ?11 <> '' THEN ?11 ELSE notes END
	WHERE id = ?13 AND (?2 IS NOT NULL AND ?2 IS NOT staff_id
		OR ?12 AND ?4 <> channel
		OR ?6 IS NOT NULL AND ?6 IS NOT response_hours
		OR ?7 IS NOT NULL AND ?7 IS NOT resolved_at
		OR ?8 IS NOT NULL AND ?8 IS NOT satisfaction
		OR ?9 IS NOT NULL AND ?9 IS NOT amount
		OR ?10 IS NOT NULL AND ?10 IS NOT report_due
		OR ?11 <> '' AND ?11 <> notes)`

// NewInteractionBatch prepares a batch; Close releases it.
func (t *Tx) NewInteractionBatch() (*InteractionBatch, error) {
	b := &InteractionBatch{t: t}
	err := t.tx.QueryRowContext(t.ctx, `SELECT coalesce(max(id), 0) FROM interactions`).Scan(&b.lastBefore)
	if err != nil {
		return nil, err
	}
	// A long log updates four indexes at scattered places: a larger page cache for
	// the batch's life saves most of the re-reading (a fixed 128 MB at most,
	// whatever the file's size).
	if _, err := t.tx.ExecContext(t.ctx, `PRAGMA cache_size = -131072`); err != nil {
		return nil, err
	}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{{&b.insert, insertInteraction}, {&b.update, updateInteraction},
		{&b.find, `SELECT id FROM interactions WHERE client_id = ? AND occurred_at = ? AND kind = ?`}} {
		if *p.stmt, err = t.tx.PrepareContext(t.ctx, p.sql); err != nil {
			b.Close()
			return nil, err
		}
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
	at := dateTimeValue(in.At)
	values := []any{in.ClientID, staff, at, in.Channel, in.Kind, in.ResponseHours, dateTimeValue(in.ResolvedAt),
		satisfaction, amount, dateValue(in.ReportDue), in.Notes}
	res, err := b.insert.ExecContext(b.t.ctx, values...)
	if err != nil {
		return Added, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return Added, err
	}
	var id int64
	if err := b.find.QueryRowContext(b.t.ctx, in.ClientID, at, in.Kind).Scan(&id); err != nil {
		return Added, err
	}
	if id > b.lastBefore { // the batch wrote it: the file has it twice
		return Repeated, nil
	}
	res, err = b.update.ExecContext(b.t.ctx, append(values, given, id)...)
	if err != nil {
		return Added, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return Updated, err
	}
	return Unchanged, nil
}

// Close releases the prepared statements and the larger cache.
func (b *InteractionBatch) Close() error {
	_, err := b.t.tx.ExecContext(b.t.ctx, `PRAGMA cache_size = -2000`) // SQLite's default
	errs := []error{err}
	for _, s := range []*sql.Stmt{b.insert, b.find, b.update} {
		if s != nil {
			errs = append(errs, s.Close())
		}
	}
	return errors.Join(errs...)
}
