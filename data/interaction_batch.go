package data

import (
	"database/sql"
	"errors"
	"strings"
	"time"
)

// InteractionBatch adds many log entries in one transaction with statements prepared
// once (the import of a long log). An entry is the same as another when it has the
// same client, time and kind.
type InteractionBatch struct {
	t          *Tx
	find       *sql.Stmt
	insert     *sql.Stmt
	lastBefore int64 // the highest id before the batch: a match above it came from the batch
}

// NewInteractionBatch prepares a batch; Close releases it.
func (t *Tx) NewInteractionBatch() (*InteractionBatch, error) {
	b := &InteractionBatch{t: t}
	err := t.tx.QueryRowContext(t.ctx, `SELECT coalesce(max(id), 0) FROM interactions`).Scan(&b.lastBefore)
	if err != nil {
		return nil, err
	}
	// A long log updates four indexes at scattered places: a larger page cache for
	// the batch's life saves most of the re-reading (a fixed 128 MB, whatever the
	// file's size).
	if _, err := t.tx.ExecContext(t.ctx, `PRAGMA cache_size = -131072`); err != nil {
		return nil, err
	}
	if b.find, err = t.tx.PrepareContext(t.ctx, `SELECT id FROM interactions
		WHERE client_id = ? AND occurred_at = ? AND kind = ?`); err != nil {
		return nil, err
	}
	// The natural key is unique: the insert itself finds an existing entry, and only
	// then does the batch look at which one it was.
	b.insert, err = t.tx.PrepareContext(t.ctx, `INSERT INTO interactions (client_id, staff_id, occurred_at, channel,
		kind, response_hours, resolved_at, satisfaction, amount, report_due, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (client_id, occurred_at, kind) DO NOTHING`)
	if err != nil {
		b.find.Close()
		return nil, err
	}
	return b, nil
}

// Add validates an entry (client and staff ids must come from the database) and
// writes it unless the same entry exists.
func (b *InteractionBatch) Add(in Interaction) (Outcome, error) {
	in.Notes = strings.TrimSpace(in.Notes)
	if in.Kind != KindReportSent {
		in.ReportDue = time.Time{}
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
	res, err := b.insert.ExecContext(b.t.ctx, in.ClientID, staff, dateTimeValue(in.At), in.Channel, in.Kind,
		in.ResponseHours, dateTimeValue(in.ResolvedAt), satisfaction, amount, dateValue(in.ReportDue), in.Notes)
	if err != nil {
		return Added, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return Added, err
	}
	var id int64
	if err := b.find.QueryRowContext(b.t.ctx, in.ClientID, dateTimeValue(in.At), in.Kind).Scan(&id); err != nil {
		return Added, err
	}
	if id > b.lastBefore {
		return Repeated, nil
	}
	return Unchanged, nil
}

// Close releases the prepared statements and the larger cache.
func (b *InteractionBatch) Close() error {
	_, err := b.t.tx.ExecContext(b.t.ctx, `PRAGMA cache_size = -2000`) // SQLite's default
	return errors.Join(b.find.Close(), b.insert.Close(), err)
}
