package data

import (
	"context"
	"time"
)

// GradeHistoryRow is a line of a person's grade history. From is zero on the first
// line (the grade at hiring).
type GradeHistoryRow struct {
	ID     int64
	Date   time.Time
	From   GradeLevel
	To     GradeLevel
	Reason string
}

// StaffDetail is everything the person's card shows.
type StaffDetail struct {
	Person       Staff
	Grade        GradeLevel
	Assignments  []AssignmentRow // current first, then past, newest first
	GradeHistory []GradeHistoryRow
	Interactions []InteractionRow // the most recent RecentInteractions entries
}

// RecentInteractions is how many log entries a person's card shows.
const RecentInteractions = 200

// StaffDetail loads a person's card with a fixed number of queries.
func (s *Store) StaffDetail(ctx context.Context, id int64) (StaffDetail, error) {
	var d StaffDetail
	var err error
	if d.Person, err = s.GetStaff(ctx, id); err != nil {
		return d, err
	}
	err = s.read.QueryRowContext(ctx, `SELECT `+gradeColumns+` FROM grade_levels g WHERE g.id = ?`, d.Person.GradeID).
		Scan(gradeScanArgs(&d.Grade)...)
	if err != nil {
		return d, s.classify(err)
	}
	if d.Assignments, err = s.queryAssignments(ctx, "a.staff_id = ?"+currentFirst, id); err != nil {
		return d, err
	}
	if d.GradeHistory, err = s.gradeHistory(ctx, id); err != nil {
		return d, err
	}
	d.Interactions, err = s.queryInteractions(ctx, "i.staff_id = ?", RecentInteractions, id)
	return d, err
}

func (s *Store) gradeHistory(ctx context.Context, staffID int64) ([]GradeHistoryRow, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT h.id, h.changed_on, h.reason,
			coalesce(f.id, 0), coalesce(f.code, ''), coalesce(f.name_ru, ''), coalesce(f.name_en, ''),
			coalesce(f.rank, 0), coalesce(f.capacity, 0),
			t.id, t.code, t.name_ru, t.name_en, t.rank, t.capacity
		FROM grade_history h LEFT JOIN grade_levels f ON f.id = h.from_grade_id
		JOIN grade_levels t ON t.id = h.to_grade_id
		WHERE h.staff_id = ? ORDER BY h.changed_on DESC, h.id DESC`, staffID)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []GradeHistoryRow
	for rows.Next() {
		var r GradeHistoryRow
		args := append([]any{&r.ID, scanTime(&r.Date), &r.Reason}, gradeScanArgs(&r.From)...)
		if err := rows.Scan(append(args, gradeScanArgs(&r.To)...)...); err != nil {
			return nil, s.classify(err)
		}
		out = append(out, r)
	}
	return out, s.classify(rows.Err())
}

// ClientDetail is everything the client's card shows.
type ClientDetail struct {
	Client       Client
	Lead         PersonRef
	Backup       PersonRef
	Contacts     []Contact
	Contracts    []Contract
	Assignments  []AssignmentRow
	Interactions []InteractionRow // the whole log, newest first
}

// ClientDetail loads a client's card with a fixed number of queries.
func (s *Store) ClientDetail(ctx context.Context, id int64) (ClientDetail, error) {
	var d ClientDetail
	var err error
	if d.Client, err = s.GetClient(ctx, id); err != nil {
		return d, err
	}
	if d.Contacts, err = s.Contacts(ctx, id); err != nil {
		return d, err
	}
	if d.Contracts, err = s.Contracts(ctx, id); err != nil {
		return d, err
	}
	if d.Assignments, err = s.queryAssignments(ctx, "a.client_id = ?"+currentFirst, id); err != nil {
		return d, err
	}
	for _, a := range d.Assignments {
		if !a.End.IsZero() {
			continue
		}
		ref := PersonRef{ID: a.StaffID, Name: a.StaffName}
		if a.Role == RoleLead {
			d.Lead = ref
		} else {
			d.Backup = ref
		}
	}
	d.Interactions, err = s.queryInteractions(ctx, "i.client_id = ?", 0, id)
	return d, err
}
