package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// Health overrides: the lead's own health score of a client, with a note saying
// why, in force from the day it was set to its expiry (inclusive). While one is in
// force it replaces the computed score (data/health keeps both visible); once it
// expires the computed score speaks again. What an override said on a past day is
// never rewritten, so the monthly history stays as it was: ending one moves only
// its expiry to yesterday, and editing one set before today ends it and sets a new
// one from today. Overrides are never deleted.

// HealthOverride is a score the lead set for a client.
type HealthOverride struct {
	ID, ClientID int64
	Score        int // 0-100
	Note         string
	SetOn        time.Time // today when saved without one; never in the future
	ExpiresOn    time.Time // the last day in force
}

// InForce reports whether the override speaks for the client on a day.
func (o HealthOverride) InForce(day time.Time) bool {
	return !o.SetOn.After(day) && !o.ExpiresOn.Before(day)
}

// SaveHealthOverride adds (ID 0) or edits an override of the client and returns its
// id. The score is 0-100, the note is required, the day it is set not in the
// future, and the expiry after that day and not in the past. An edit speaks from
// today: an override set today is changed in place; one set earlier is ended
// yesterday and a new one, whose id is returned, takes its place from today.
func (s *Store) SaveHealthOverride(ctx context.Context, o HealthOverride) (int64, error) {
	today := s.Today()
	o.Note = strings.TrimSpace(o.Note)
	if o.SetOn.IsZero() || o.ID != 0 {
		o.SetOn = today
	}
	var ch checker
	ch.between("score", float64(o.Score), 0, 100)
	ch.required("note", o.Note)
	if o.SetOn.After(today) {
		ch.add("set_on", "in_future")
	}
	ch.requiredDate("expires_on", o.ExpiresOn)
	if !o.ExpiresOn.IsZero() {
		if !o.ExpiresOn.After(o.SetOn) {
			ch.add("expires_on", "not_after_set_on", "Date", o.SetOn)
		} else if o.ExpiresOn.Before(today) {
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
		if o.ID != 0 {
			inPlace, err := endForEdit(ctx, tx, o, today)
			if err != nil || inPlace {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO health_overrides (client_id, score, note, set_on, expires_on)
			VALUES (?, ?, ?, ?, ?)`, o.ClientID, o.Score, o.Note, dateValue(o.SetOn), dateValue(o.ExpiresOn))
		if err != nil {
			return err
		}
		o.ID, err = res.LastInsertId()
		return err
	})
	return o.ID, err
}

// endForEdit prepares the edit of the client's override o.ID: one set today (or
// later) said nothing yet about a past day and is changed in place (inPlace); one
// set earlier is ended yesterday, so that the days it spoke for keep its score.
func endForEdit(ctx context.Context, tx *sql.Tx, o HealthOverride, today time.Time) (inPlace bool, err error) {
	var setOn time.Time
	err = tx.QueryRowContext(ctx, `SELECT set_on FROM health_overrides WHERE id = ? AND client_id = ?`, o.ID,
		o.ClientID).Scan(scanTime(&setOn))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, ErrNotFound
	case err != nil:
		return false, err
	case !setOn.Before(today):
		return true, execOne(ctx, tx, `UPDATE health_overrides SET score = ?, note = ?, set_on = ?, expires_on = ?
			WHERE id = ?`, o.Score, o.Note, dateValue(o.SetOn), dateValue(o.ExpiresOn), o.ID)
	}
	return false, endOverride(ctx, tx, o.ID, today)
}

// EndHealthOverride takes an override out of force from today: its expiry becomes
// yesterday (one set today then was never in force; one already expired stays as
// it was). The day it was set is left alone.
func (s *Store) EndHealthOverride(ctx context.Context, id int64) error {
	today := s.Today()
	return s.inTx(ctx, func(tx *sql.Tx) error { return endOverride(ctx, tx, id, today) })
}

func endOverride(ctx context.Context, tx *sql.Tx, id int64, today time.Time) error {
	return execOne(ctx, tx, `UPDATE health_overrides SET expires_on = min(expires_on, ?) WHERE id = ?`,
		dateValue(today.AddDate(0, 0, -1)), id)
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
