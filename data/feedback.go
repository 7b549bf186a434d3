package data

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// Department is a department that gives feedback on account managers.
type Department struct {
	ID         int64
	Name       string
	ArchivedOn time.Time
}

// Departments lists the departments by name, archived ones included.
func (s *Store) Departments(ctx context.Context) ([]Department, error) {
	var out []Department
	err := s.EachRow(ctx, `SELECT id, name, archived_on FROM departments ORDER BY name_key`, nil, func(r *sql.Rows) error {
		var d Department
		if err := r.Scan(&d.ID, &d.Name, scanTime(&d.ArchivedOn)); err != nil {
			return err
		}
		out = append(out, d)
		return nil
	})
	return out, err
}

// SaveDepartment adds (ID 0) or renames or archives a department; names are unique
// whatever the case.
func (s *Store) SaveDepartment(ctx context.Context, d Department) (int64, error) {
	d.Name = strings.TrimSpace(d.Name)
	var ch checker
	ch.required("name", d.Name)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM departments WHERE name_key = ? AND id <> ?`,
			fold(d.Name), d.ID).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			ch.add("name", "duplicate")
		}
		if err := ch.err(); err != nil {
			return err
		}
		if d.ID != 0 {
			return execOne(ctx, tx, `UPDATE departments SET name = ?, name_key = ?, archived_on = ? WHERE id = ?`,
				d.Name, fold(d.Name), dateValue(d.ArchivedOn), d.ID)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO departments (name, name_key) VALUES (?, ?)`, d.Name, fold(d.Name))
		if err != nil {
			return err
		}
		d.ID, err = res.LastInsertId()
		return err
	})
	return d.ID, err
}

// Feedback is another department's word on an account manager: ratings 1-5 (0:
// not rated) of handoffs, briefs, deadlines and communication.
type Feedback struct {
	ID            int64
	StaffID       int64
	DepartmentID  int64
	On            time.Time
	Author        string
	Handoff       int
	Briefs        int
	Deadlines     int
	Communication int
	Comment       string
}

func validateFeedback(f Feedback, today time.Time, ch *checker) {
	ch.requiredDate("on", f.On)
	if f.On.After(today) {
		ch.add("on", "in_future")
	}
	rated := 0
	for field, v := range map[string]int{"handoff": f.Handoff, "briefs": f.Briefs, "deadlines": f.Deadlines,
		"communication": f.Communication} {
		if v < 0 || v > 5 {
			ch.add(field, "range", "Min", 1, "Max", 5)
		}
		if v > 0 {
			rated++
		}
	}
	if rated == 0 && strings.TrimSpace(f.Comment) == "" {
		ch.add("handoff", "feedback_empty")
	}
}

// SaveFeedback adds (ID 0) or corrects an entry.
func (s *Store) SaveFeedback(ctx context.Context, f Feedback) (int64, error) {
	return save(s, ctx, func(t *Tx) (int64, error) { return t.SaveFeedback(f) })
}

// SaveFeedback is Store.SaveFeedback within the transaction.
func (t *Tx) SaveFeedback(f Feedback) (int64, error) {
	f.Author, f.Comment = strings.TrimSpace(f.Author), strings.TrimSpace(f.Comment)
	var ch checker
	validateFeedback(f, t.Today(), &ch)
	for _, ref := range []struct {
		table, field string
		id           int64
	}{{"staff", "staff", f.StaffID}, {"departments", "department", f.DepartmentID}} {
		if ref.id == 0 {
			ch.add(ref.field, "required")
		} else if err := exists(t.ctx, t.tx, ref.table, ref.id, ref.field, &ch); err != nil {
			return 0, err
		}
	}
	if err := ch.err(); err != nil {
		return 0, err
	}
	args := []any{f.StaffID, f.DepartmentID, dateValue(f.On), f.Author, ratingValue(f.Handoff), ratingValue(f.Briefs),
		ratingValue(f.Deadlines), ratingValue(f.Communication), f.Comment}
	if f.ID != 0 {
		return f.ID, execOne(t.ctx, t.tx, `UPDATE feedback SET staff_id = ?, department_id = ?, given_on = ?, author = ?,
			handoff = ?, briefs = ?, deadlines = ?, communication = ?, comment = ? WHERE id = ?`, append(args, f.ID)...)
	}
	res, err := t.tx.ExecContext(t.ctx, `INSERT INTO feedback (staff_id, department_id, given_on, author, handoff, briefs,
		deadlines, communication, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// ratingValue stores a rating, or NULL for none (0).
func ratingValue(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

// FeedbackOf lists a person's feedback, newest first.
func (s *Store) FeedbackOf(ctx context.Context, staffID int64) ([]Feedback, error) {
	var out []Feedback
	err := s.EachRow(ctx, `SELECT id, staff_id, department_id, given_on, author, coalesce(handoff, 0),
			coalesce(briefs, 0), coalesce(deadlines, 0), coalesce(communication, 0), comment
		FROM feedback WHERE staff_id = ? ORDER BY given_on DESC, id DESC`, []any{staffID}, func(r *sql.Rows) error {
		var f Feedback
		if err := r.Scan(&f.ID, &f.StaffID, &f.DepartmentID, scanTime(&f.On), &f.Author, &f.Handoff, &f.Briefs,
			&f.Deadlines, &f.Communication, &f.Comment); err != nil {
			return err
		}
		out = append(out, f)
		return nil
	})
	return out, err
}
