package data

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// Health overrides: the lead's own health score of a client, with a note saying
// why, in force from the day it was set to its expiry (inclusive). While one is in
// force it replaces the computed score (data/health keeps both visible); once it
// expires the computed score speaks again. Overrides are never deleted: ending one
// moves its expiry to yesterday, so the history of what the lead said stays.

// HealthOverride is a score the lead set for a client.
type HealthOverride struct {
	ID, ClientID int64
	Score        int // 0-100
	Note         string
	SetOn        time.Time // today when saved without one
	ExpiresOn    time.Time // the last day in force
}

// InForce reports whether the override speaks for the client on a day.
func (o HealthOverride) InForce(day time.Time) bool {
	return !o.SetOn.After(day) && !o.ExpiresOn.Before(day)
}

// SaveHealthOverride adds (ID 0) or edits an override. The score is 0-100, the note
// is required, and the expiry must be after the day it is set and not in the past.
func (s *Store) SaveHealthOverride(ctx context.Context, o HealthOverride) (int64, error) {
	o.Note = strings.TrimSpace(o.Note)
	if o.SetOn.IsZero() {
		o.SetOn = s.Today()
	}
	var ch checker
	ch.between("score", float64(o.Score), 0, 100)
	ch.required("note", o.Note)
	ch.requiredDate("expires_on", o.ExpiresOn)
	if !o.ExpiresOn.IsZero() {
		if !o.ExpiresOn.After(o.SetOn) {
			ch.add("expires_on", "not_after_set_on", "Date", o.SetOn)
		} else if o.ExpiresOn.Before(s.Today()) {
			ch.add("expires_on", "in_past")
		}
	}
	if o.ClientID == 0 {
		ch.add("client", "required")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, "clients", o.ClientID, "client", &ch); err != nil {
			return err
		}
		if err := ch.err(); err != nil {
			return err
		}
		args := []any{o.ClientID, o.Score, o.Note, dateValue(o.SetOn), dateValue(o.ExpiresOn)}
		if o.ID != 0 {
			return execOne(ctx, tx, `UPDATE health_overrides SET client_id = ?, score = ?, note = ?, set_on = ?,
				expires_on = ? WHERE id = ?`, append(args, o.ID)...)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO health_overrides (client_id, score, note, set_on, expires_on)
			VALUES (?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return err
		}
		o.ID, err = res.LastInsertId()
		return err
	})
	return o.ID, err
}

// EndHealthOverride takes an override out of force from today: its expiry becomes
// yesterday (an override set today then keeps no day at all, so its start moves
// back with it; one already expired stays as it was).
func (s *Store) EndHealthOverride(ctx context.Context, id int64) error {
	yesterday := dateValue(s.Today().AddDate(0, 0, -1))
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `UPDATE health_overrides SET expires_on = min(expires_on, ?1),
			set_on = min(set_on, ?1) WHERE id = ?2`, yesterday, id)
	})
}

// HealthOverrides reads the overrides in force on a day, by client. Where two
// overlap, the one set later speaks.
func (s *Store) HealthOverrides(ctx context.Context, day time.Time) (map[int64]HealthOverride, error) {
	out := map[int64]HealthOverride{}
	err := s.EachRow(ctx, `SELECT id, client_id, score, note, set_on, expires_on FROM health_overrides
		WHERE set_on <= ?1 AND expires_on >= ?1 ORDER BY set_on, id`, []any{dateValue(day)}, func(r *sql.Rows) error {
		var o HealthOverride
		if err := r.Scan(&o.ID, &o.ClientID, &o.Score, &o.Note, scanTime(&o.SetOn), scanTime(&o.ExpiresOn)); err != nil {
			return err
		}
		out[o.ClientID] = o
		return nil
	})
	return out, err
}
