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
	out, err := departments(ctx, s.read)
	return out, s.classify(err)
}

func departments(ctx context.Context, q queryer) ([]Department, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, archived_on FROM departments ORDER BY name_key`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Department
	for rows.Next() {
		var d Department
		if err := rows.Scan(&d.ID, &d.Name, scanTime(&d.ArchivedOn)); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
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

// feedbackColumns are an entry's columns in Feedback's order (f: the feedback table).
const feedbackColumns = `f.id, f.staff_id, f.department_id, f.given_on, f.author, coalesce(f.handoff, 0),
	coalesce(f.briefs, 0), coalesce(f.deadlines, 0), coalesce(f.communication, 0), f.comment`

func (f *Feedback) scanArgs() []any {
	return []any{&f.ID, &f.StaffID, &f.DepartmentID, scanTime(&f.On), &f.Author, &f.Handoff, &f.Briefs,
		&f.Deadlines, &f.Communication, &f.Comment}
}

// FeedbackOf lists a person's feedback, newest first.
func (s *Store) FeedbackOf(ctx context.Context, staffID int64) ([]Feedback, error) {
	var out []Feedback
	err := s.EachRow(ctx, `SELECT `+feedbackColumns+` FROM feedback f
		WHERE f.staff_id = ? ORDER BY f.given_on DESC, f.id DESC`, []any{staffID}, func(r *sql.Rows) error {
		var f Feedback
		if err := r.Scan(f.scanArgs()...); err != nil {
			return err
		}
		out = append(out, f)
		return nil
	})
	return out, err
}

// FeedbackRow is an entry with the names of the person and the department.
type FeedbackRow struct {
	Feedback
	StaffName      string
	DepartmentName string
}

// AllFeedback lists every entry, for exports: by date, person and department.
func (s *Store) AllFeedback(ctx context.Context) ([]FeedbackRow, error) {
	var out []FeedbackRow
	err := s.EachRow(ctx, `SELECT `+feedbackColumns+`, s.full_name, d.name FROM feedback f
		JOIN staff s ON s.id = f.staff_id JOIN departments d ON d.id = f.department_id
		ORDER BY f.given_on, s.full_name, d.name_key, f.id`, nil, func(r *sql.Rows) error {
		var f FeedbackRow
		if err := r.Scan(append(f.scanArgs(), &f.StaffName, &f.DepartmentName)...); err != nil {
			return err
		}
		out = append(out, f)
		return nil
	})
	return out, err
}

// Departments lists the departments, archived ones included, inside the
// transaction (an import matches names against them).
func (t *Tx) Departments() ([]Department, error) { return departments(t.ctx, t.tx) }

// FindFeedback lists a person's entries from a department on a day by an author,
// whatever the author's case and spacing, oldest first (an entry's natural key, for
// imports; nothing keeps the key unique).
func (t *Tx) FindFeedback(staffID, departmentID int64, on time.Time, author string) ([]Feedback, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT `+feedbackColumns+` FROM feedback f
		WHERE f.staff_id = ? AND f.department_id = ? AND f.given_on = ? ORDER BY f.id`,
		staffID, departmentID, dateValue(on))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	want := fold(strings.Join(strings.Fields(author), " "))
	var out []Feedback
	for rows.Next() {
		var f Feedback
		if err := rows.Scan(f.scanArgs()...); err != nil {
			return nil, err
		}
		if fold(strings.Join(strings.Fields(f.Author), " ")) == want {
			out = append(out, f)
		}
	}
	return out, rows.Err()
}
