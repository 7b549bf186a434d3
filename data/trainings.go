package data

import (
	"context"
	"database/sql"
	"math"
	"slices"
	"strings"
	"time"
)

// The training catalogue (course, provider, hours, the competencies it develops)
// and who attended what.

// Training is a course of the catalogue.
type Training struct {
	ID           int64
	Title        string
	Provider     string
	Hours        float64
	Competencies []string // competency codes
	ArchivedOn   time.Time
}

// SaveTraining adds (ID 0) or edits a course; titles are unique whatever the case.
func (s *Store) SaveTraining(ctx context.Context, t Training) (int64, error) {
	t.Title, t.Provider = strings.TrimSpace(t.Title), strings.TrimSpace(t.Provider)
	var ch checker
	ch.required("title", t.Title)
	if !(t.Hours > 0) || math.IsInf(t.Hours, 0) {
		ch.add("hours", "positive")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM trainings WHERE title_key = ? AND id <> ?`,
			fold(t.Title), t.ID).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			ch.add("title", "duplicate")
		}
		if err := ch.err(); err != nil {
			return err
		}
		if t.ID != 0 {
			if err := execOne(ctx, tx, `UPDATE trainings SET title = ?, title_key = ?, provider = ?, hours = ?,
				archived_on = ? WHERE id = ?`, t.Title, fold(t.Title), t.Provider, t.Hours, dateValue(t.ArchivedOn),
				t.ID); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM training_competencies WHERE training_id = ?`, t.ID); err != nil {
				return err
			}
		} else {
			res, err := tx.ExecContext(ctx, `INSERT INTO trainings (title, title_key, provider, hours, archived_on)
				VALUES (?, ?, ?, ?, ?)`, t.Title, fold(t.Title), t.Provider, t.Hours, dateValue(t.ArchivedOn))
			if err != nil {
				return err
			}
			if t.ID, err = res.LastInsertId(); err != nil {
				return err
			}
		}
		for _, code := range slices.Compact(slices.Sorted(slices.Values(t.Competencies))) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO training_competencies (training_id, competency_code)
				VALUES (?, ?)`, t.ID, code); err != nil {
				return err
			}
		}
		return nil
	})
	return t.ID, err
}

// Trainings lists the catalogue by title, archived courses included.
func (s *Store) Trainings(ctx context.Context) ([]Training, error) {
	var out []Training
	index := map[int64]int{}
	err := s.EachRow(ctx, `SELECT id, title, provider, hours, archived_on FROM trainings ORDER BY title_key`, nil,
		func(r *sql.Rows) error {
			var t Training
			if err := r.Scan(&t.ID, &t.Title, &t.Provider, &t.Hours, scanTime(&t.ArchivedOn)); err != nil {
				return err
			}
			index[t.ID] = len(out)
			out = append(out, t)
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = s.EachRow(ctx, `SELECT training_id, competency_code FROM training_competencies ORDER BY competency_code`,
		nil, func(r *sql.Rows) error {
			var id int64
			var code string
			if err := r.Scan(&id, &code); err != nil {
				return err
			}
			out[index[id]].Competencies = append(out[index[id]].Competencies, code)
			return nil
		})
	return out, err
}

// Attendance is a person's attendance of a course.
type Attendance struct {
	ID, TrainingID, StaffID int64
	On                      time.Time
	Completed               bool
	Note                    string
}

// SaveAttendance records (ID 0) or corrects an attendance; not in the future.
func (s *Store) SaveAttendance(ctx context.Context, a Attendance) (int64, error) {
	var ch checker
	ch.requiredDate("on", a.On)
	if a.On.After(s.Today()) {
		ch.add("on", "in_future")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, "trainings", a.TrainingID, "training", &ch); err != nil {
			return err
		}
		if err := exists(ctx, tx, "staff", a.StaffID, "staff", &ch); err != nil {
			return err
		}
		if err := ch.err(); err != nil {
			return err
		}
		if a.ID != 0 {
			return execOne(ctx, tx, `UPDATE training_attendance SET training_id = ?, staff_id = ?, attended_on = ?,
				completed = ?, note = ? WHERE id = ?`, a.TrainingID, a.StaffID, dateValue(a.On), a.Completed,
				strings.TrimSpace(a.Note), a.ID)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO training_attendance (training_id, staff_id, attended_on, completed,
			note) VALUES (?, ?, ?, ?, ?)`, a.TrainingID, a.StaffID, dateValue(a.On), a.Completed, strings.TrimSpace(a.Note))
		if err != nil {
			return err
		}
		a.ID, err = res.LastInsertId()
		return err
	})
	return a.ID, err
}

// AttendanceOf lists a person's courses, newest first.
func (s *Store) AttendanceOf(ctx context.Context, staffID int64) ([]Attendance, error) {
	var out []Attendance
	err := s.EachRow(ctx, `SELECT id, training_id, staff_id, attended_on, completed, note FROM training_attendance
		WHERE staff_id = ? ORDER BY attended_on DESC, id DESC`, []any{staffID}, func(r *sql.Rows) error {
		var a Attendance
		if err := r.Scan(&a.ID, &a.TrainingID, &a.StaffID, scanTime(&a.On), &a.Completed, &a.Note); err != nil {
			return err
		}
		out = append(out, a)
		return nil
	})
	return out, err
}
