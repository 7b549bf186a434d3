package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Role is what a staff member does for a client.
type Role string

const (
	RoleLead   Role = "lead"   // responsible account manager; exactly one per served client
	RoleBackup Role = "backup" // stands in for the lead; optional
)

// Assignment is one period during which a person served a client in a role.
// End is the last day, inclusive; zero while it lasts.
type Assignment struct {
	ID       int64
	ClientID int64
	StaffID  int64
	Role     Role
	Start    time.Time
	End      time.Time
}

// AssignmentRow is an assignment with the names shown in history lists.
type AssignmentRow struct {
	Assignment
	ClientName string
	StaffName  string
}

type assignee struct {
	name     string
	status   StaffStatus
	hireDate time.Time
	leftDate time.Time
}

func loadAssignee(ctx context.Context, tx *sql.Tx, staffID int64) (assignee, error) {
	var a assignee
	err := tx.QueryRowContext(ctx, `SELECT full_name, status, hire_date, left_date FROM staff WHERE id = ?`, staffID).
		Scan(&a.name, &a.status, scanTime(&a.hireDate), scanTime(&a.leftDate))
	return a, notFound(err)
}

// openAssignment starts a role for a person from a date. A guessed start (a new
// client's: the client's own start) moves to the hire date when the person came
// later, and is marked as a guess that recorded history may correct; a start before
// hiring is otherwise an error. Errors are reported on the field named after the role.
func openAssignment(ctx context.Context, tx *sql.Tx, clientID int64, role Role, staffID int64,
	from time.Time, guessed bool, ch *checker) error {
	field := string(role)
	who, err := loadAssignee(ctx, tx, staffID)
	if errors.Is(err, ErrNotFound) {
		ch.add(field, "invalid_choice")
		return nil
	}
	if err != nil {
		return err
	}
	if who.status == StaffLeft {
		ch.add(field, "staff_left", "Name", who.name, "Date", who.leftDate)
		return nil
	}
	if from.Before(who.hireDate) {
		if !guessed {
			ch.add(field, "before_hire", "Name", who.name, "Date", who.hireDate)
			return nil
		}
		from = who.hireDate
	}
	if len(ch.errs) > 0 {
		return nil // the transaction will be rolled back; do not write
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO assignments (client_id, staff_id, role, start_date, start_guessed)
		VALUES (?, ?, ?, ?, ?)`, clientID, staffID, role, dateValue(from), guessed)
	return err
}

// openRow is the open assignment of a client in a role; zero ID when there is none.
type openRow struct {
	ID      int64
	StaffID int64
	Start   time.Time
	Guessed bool // the start is a guess (see openAssignment)
}

func currentAssignment(ctx context.Context, tx *sql.Tx, clientID int64, role Role) (openRow, error) {
	var r openRow
	err := tx.QueryRowContext(ctx, `SELECT id, staff_id, start_date, start_guessed FROM assignments
		WHERE client_id = ? AND role = ? AND end_date IS NULL`, clientID, role).
		Scan(&r.ID, &r.StaffID, scanTime(&r.Start), &r.Guessed)
	if errors.Is(err, sql.ErrNoRows) {
		return openRow{}, nil
	}
	return r, err
}

// closeAssignment ends an open row the day before from. A row that started on from
// itself never took effect, so it is replaced rather than closed.
func closeAssignment(ctx context.Context, tx *sql.Tx, r openRow, from time.Time) error {
	if !from.After(r.Start) {
		_, err := tx.ExecContext(ctx, `DELETE FROM assignments WHERE id = ?`, r.ID)
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE assignments SET end_date = ? WHERE id = ?`,
		dateValue(from.AddDate(0, 0, -1)), r.ID)
	return err
}

// reassignTx hands a client's role to staffID from a date (0 removes a backup).
// The old row closes and the new one opens in the caller's transaction. A backup
// who becomes the lead stops being the backup.
func reassignTx(ctx context.Context, tx *sql.Tx, clientID int64, role Role, staffID int64,
	from time.Time, ch *checker) error {
	cur, err := currentAssignment(ctx, tx, clientID, role)
	if err != nil || cur.StaffID == staffID {
		return err
	}
	if role == RoleLead && staffID == 0 {
		ch.add(string(role), "required")
		return nil
	}
	if cur.ID != 0 && from.Before(cur.Start) {
		ch.add("from", "before_date", "Date", cur.Start)
		return nil
	}
	counterpart, err := currentAssignment(ctx, tx, clientID, otherRole(role))
	if err != nil {
		return err
	}
	if staffID != 0 && counterpart.StaffID == staffID {
		if role == RoleBackup {
			ch.add("backup", "backup_is_lead")
			return nil
		}
		if from.Before(counterpart.Start) {
			ch.add("from", "before_date", "Date", counterpart.Start)
			return nil
		}
		if err := closeAssignment(ctx, tx, counterpart, from); err != nil {
			return err
		}
	}
	if cur.ID != 0 {
		if err := closeAssignment(ctx, tx, cur, from); err != nil {
			return err
		}
	}
	if staffID == 0 {
		return nil
	}
	return openAssignment(ctx, tx, clientID, role, staffID, from, false, ch)
}

// Reassign hands the client's lead or backup role to another person from a date
// (staffID 0 removes the backup), closing the old assignment in the same transaction.
func (s *Store) Reassign(ctx context.Context, clientID int64, role Role, staffID int64, from time.Time) error {
	var ch checker
	ch.oneOf("role", string(role), []string{string(RoleLead), string(RoleBackup)})
	ch.requiredDate("from", from)
	if from.After(s.Today()) {
		ch.add("from", "in_future")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := getClient(ctx, tx, clientID)
		if err != nil {
			return err
		}
		if !c.ArchivedOn.IsZero() || c.Status == ClientChurned {
			ch.add(string(role), "client_closed")
		}
		if err := ch.err(); err != nil {
			return err
		}
		if err := reassignTx(ctx, tx, clientID, role, staffID, from, &ch); err != nil {
			return err
		}
		return ch.err()
	})
}

// endAssignments closes every open assignment of a client on its last day.
func endAssignments(ctx context.Context, tx *sql.Tx, clientID int64, last time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE assignments SET end_date = max(?, start_date)
		WHERE client_id = ? AND end_date IS NULL`, dateValue(last), clientID)
	return err
}

// AddAssignment records a past or current assignment (history entered by hand or
// imported). It refuses a second lead or backup for the same days, a backup who is
// the lead at the same time, and a person outside their employment.
func (s *Store) AddAssignment(ctx context.Context, a Assignment) (int64, error) {
	return save(s, ctx, func(t *Tx) (int64, error) {
		id, _, err := t.AddAssignment(a)
		return id, err
	})
}

// AddAssignment is Store.AddAssignment within the transaction. The outcome tells a
// new row (Added) from a guessed one whose start the period made known (Updated).
func (t *Tx) AddAssignment(a Assignment) (int64, Outcome, error) {
	ctx := t.ctx
	var ch checker
	if a.ClientID == 0 {
		ch.add("client", "required")
	}
	if a.StaffID == 0 {
		ch.add("staff", "required")
	}
	ch.oneOf("role", string(a.Role), []string{string(RoleLead), string(RoleBackup)})
	ch.requiredDate("start", a.Start)
	ch.notBefore("end", a.End, a.Start)
	if err := ch.err(); err != nil {
		return 0, Added, err
	}
	if a.End.IsZero() { // a period still going on needs a client still served
		c, err := getClient(ctx, t.tx, a.ClientID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return 0, Added, err
		}
		if err == nil && (c.Status == ClientChurned || !c.ArchivedOn.IsZero()) {
			ch.add("client", "client_closed")
			return 0, Added, ch.err()
		}
	}
	// The open rows a new client's save made start on a guessed date. Recorded
	// history is more exact: the same current assignment gets its real start, and a
	// finished period overlapping a guess, in either role, pushes the guess to the
	// day after it.
	cur, err := currentAssignment(ctx, t.tx, a.ClientID, a.Role)
	if err != nil {
		return 0, Added, err
	}
	if cur.Guessed && a.End.IsZero() && cur.StaffID == a.StaffID {
		return cur.ID, Updated, t.restartAssignment(cur, a.Role, a.Start, true) // the start is now known
	}
	if !a.End.IsZero() {
		other, err := currentAssignment(ctx, t.tx, a.ClientID, otherRole(a.Role))
		if err != nil {
			return 0, Added, err
		}
		for _, g := range []struct {
			row  openRow
			role Role
		}{{cur, a.Role}, {other, otherRole(a.Role)}} {
			overlapsGuess := g.row.Guessed && !a.End.Before(g.row.Start) &&
				(g.role == a.Role || g.row.StaffID == a.StaffID)
			if overlapsGuess {
				if err := t.restartAssignment(g.row, g.role, a.End.AddDate(0, 0, 1), false); err != nil {
					return 0, Added, err
				}
			}
		}
	}
	if err := checkAssignmentFits(ctx, t.tx, a, &ch); err != nil {
		return 0, Added, err
	}
	if err := ch.err(); err != nil {
		return 0, Added, err
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO assignments (client_id, staff_id, role, start_date, end_date)
		VALUES (?, ?, ?, ?, ?)`, a.ClientID, a.StaffID, a.Role, dateValue(a.Start), dateValue(a.End))
	if err != nil {
		return 0, Added, err
	}
	id, err := res.LastInsertId()
	return id, Added, err
}

func otherRole(r Role) Role {
	if r == RoleLead {
		return RoleBackup
	}
	return RoleLead
}

// restartAssignment moves the start of an open assignment, if the person was
// employed then and no other period of the role overlaps; exact says the new start
// is known rather than still a guess.
func (t *Tx) restartAssignment(cur openRow, role Role, start time.Time, exact bool) error {
	stillGuessed := !exact
	if start.Equal(cur.Start) && cur.Guessed == stillGuessed {
		return nil // nothing changes
	}
	var ch checker
	who, err := loadAssignee(t.ctx, t.tx, cur.StaffID)
	if err != nil {
		return err
	}
	if start.Before(who.hireDate) || start.After(t.s.Today()) {
		// The period would leave the current (guessed) holder of the role no time
		// that fits: the file must give that person's own period too.
		ch.add("staff", "overlaps_current", "Name", who.name)
		return ch.err()
	}
	var overlaps int
	err = t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM assignments WHERE client_id = (SELECT client_id
		FROM assignments WHERE id = ?) AND role = ? AND id <> ? AND coalesce(end_date, '9999-12-31') >= ?`,
		cur.ID, role, cur.ID, dateValue(start)).Scan(&overlaps)
	if err != nil {
		return err
	}
	if overlaps > 0 && role == RoleLead {
		ch.add("staff", "second_lead")
	} else if overlaps > 0 {
		ch.add("staff", "second_backup")
	}
	if err := ch.err(); err != nil {
		return err
	}
	_, err = t.tx.ExecContext(t.ctx, `UPDATE assignments SET start_date = ?, start_guessed = ? WHERE id = ?`,
		dateValue(start), !exact, cur.ID)
	return err
}

func checkAssignmentFits(ctx context.Context, tx *sql.Tx, a Assignment, ch *checker) error {
	if _, err := getClient(ctx, tx, a.ClientID); errors.Is(err, ErrNotFound) {
		ch.add("client", "invalid_choice")
	} else if err != nil {
		return err
	}
	who, err := loadAssignee(ctx, tx, a.StaffID)
	if errors.Is(err, ErrNotFound) {
		ch.add("staff", "invalid_choice")
		return nil
	}
	if err != nil {
		return err
	}
	if a.Start.Before(who.hireDate) {
		ch.add("start", "before_hire", "Name", who.name, "Date", who.hireDate)
	}
	if who.status == StaffLeft && (a.End.IsZero() || a.End.After(who.leftDate)) {
		ch.add("staff", "staff_left", "Name", who.name, "Date", who.leftDate)
	}
	// Overlapping rows: [start, end] intersects when each starts before the other ends.
	const farFuture = "9999-12-31"
	rows, err := tx.QueryContext(ctx, `SELECT role, staff_id FROM assignments
		WHERE client_id = ? AND start_date <= coalesce(?, '`+farFuture+`')
			AND coalesce(end_date, '`+farFuture+`') >= ?`,
		a.ClientID, dateValue(a.End), dateValue(a.Start))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var role Role
		var staffID int64
		if err := rows.Scan(&role, &staffID); err != nil {
			return err
		}
		switch {
		case role == a.Role && role == RoleLead:
			ch.add("staff", "second_lead")
		case role == a.Role:
			ch.add("staff", "second_backup")
		case staffID == a.StaffID:
			ch.add("staff", "backup_is_lead")
		}
	}
	return rows.Err()
}

const assignmentRowColumns = `a.id, a.client_id, a.staff_id, a.role, a.start_date, a.end_date, c.name, s.full_name`

// AllAssignments lists every assignment of every client by client, role and date,
// for exports.
func (s *Store) AllAssignments(ctx context.Context) ([]AssignmentRow, error) {
	return s.queryAssignments(ctx, "1 = 1 ORDER BY c.name_key, a.role DESC, a.start_date, a.id")
}

// currentFirst orders a card's assignments: current ones, then the newest.
const currentFirst = " ORDER BY a.end_date IS NOT NULL, a.start_date DESC, a.role, a.id"

func (s *Store) queryAssignments(ctx context.Context, condAndOrder string, args ...any) ([]AssignmentRow, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+assignmentRowColumns+` FROM assignments a
		JOIN clients c ON c.id = a.client_id JOIN staff s ON s.id = a.staff_id
		WHERE `+condAndOrder, args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []AssignmentRow
	for rows.Next() {
		var r AssignmentRow
		if err := rows.Scan(&r.ID, &r.ClientID, &r.StaffID, &r.Role, scanTime(&r.Start), scanTime(&r.End),
			&r.ClientName, &r.StaffName); err != nil {
			return nil, s.classify(err)
		}
		out = append(out, r)
	}
	return out, s.classify(rows.Err())
}
