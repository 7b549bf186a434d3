package data

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// StaffStatus is where a person stands: working, on leave, or gone (archived).
type StaffStatus string

const (
	StaffActive  StaffStatus = "active"
	StaffOnLeave StaffStatus = "on_leave"
	StaffLeft    StaffStatus = "left"
)

// StaffStatuses lists the statuses in display order.
var StaffStatuses = []StaffStatus{StaffActive, StaffOnLeave, StaffLeft}

// Staff is an account manager (or the lead) of the department.
type Staff struct {
	ID       int64
	FullName string
	Position string
	GradeID  int64
	Team     string
	HireDate time.Time
	FTE      float64 // 0.1-1.0
	// CapacityOverride is the points the person carries whatever the grade says
	// (0: the grade's capacity x FTE).
	CapacityOverride float64
	Status           StaffStatus
	LeftDate         time.Time // set when Status is StaffLeft
	Email            string
	Phone            string
	Notes            string
}

// GradeChange says from when and why a saved grade differs from the stored one.
type GradeChange struct {
	Date   time.Time
	Reason string
}

// StaffRow is a line of the staff list.
type StaffRow struct {
	Staff
	Grade         GradeLevel
	LeadClients   int // clients led now
	BackupClients int // clients backed up now
}

// StaffFilter narrows the staff list. Zero value: everyone who has not left.
type StaffFilter struct {
	Search   string        // part of the name, position, team, e-mail or phone
	GradeID  int64         // 0: any grade
	Team     string        // "": any team
	Statuses []StaffStatus // empty: active and on leave
}

const staffColumns = `s.id, s.full_name, s.position, s.grade_id, s.team, s.hire_date, s.fte,
	coalesce(s.capacity_override, 0), s.status, s.left_date, s.email, s.phone, s.notes`

func staffScanArgs(p *Staff) []any {
	return []any{&p.ID, &p.FullName, &p.Position, &p.GradeID, &p.Team, scanTime(&p.HireDate), &p.FTE,
		&p.CapacityOverride, &p.Status, scanTime(&p.LeftDate), &p.Email, &p.Phone, &p.Notes}
}

const gradeColumns = `g.id, g.code, g.name_ru, g.name_en, g.rank, g.capacity`

func gradeScanArgs(g *GradeLevel) []any {
	return []any{&g.ID, &g.Code, &g.NameRU, &g.NameEN, &g.Rank, &g.Capacity}
}

// ListStaff returns the people matching f with their current client counts, in one query.
func (s *Store) ListStaff(ctx context.Context, f StaffFilter) ([]StaffRow, error) {
	var w where
	statuses := f.Statuses
	if len(statuses) == 0 {
		statuses = []StaffStatus{StaffActive, StaffOnLeave}
	}
	whereIn(&w, "s.status", statuses)
	if f.GradeID != 0 {
		w.add("s.grade_id = ?", f.GradeID)
	}
	if f.Team != "" {
		w.add("s.team = ?", f.Team)
	}
	if q := strings.TrimSpace(f.Search); q != "" {
		w.search(q, "s.search_key")
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+staffColumns+`, `+gradeColumns+`,
			coalesce(a.leads, 0), coalesce(a.backups, 0)
		FROM staff s
		JOIN grade_levels g ON g.id = s.grade_id
		LEFT JOIN (SELECT staff_id, sum(role = 'lead') AS leads, sum(role = 'backup') AS backups
			FROM assignments WHERE end_date IS NULL GROUP BY staff_id) a ON a.staff_id = s.id
		`+w.sql(), w.args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []StaffRow
	for rows.Next() {
		var r StaffRow
		args := append(staffScanArgs(&r.Staff), gradeScanArgs(&r.Grade)...)
		if err := rows.Scan(append(args, &r.LeadClients, &r.BackupClients)...); err != nil {
			return nil, s.classify(err)
		}
		out = append(out, r)
	}
	sortByName(out, func(r *StaffRow) string { return r.FullName }, func(r *StaffRow) int64 { return r.ID })
	return out, s.classify(rows.Err())
}

// Teams lists the team names in use, for filters and suggestions.
func (s *Store) Teams(ctx context.Context) ([]string, error) {
	teams, err := queryStrings(ctx, s, `SELECT DISTINCT team FROM staff WHERE team <> ''`)
	sortFolded(teams)
	return teams, err
}

// GetStaff loads one person.
func (s *Store) GetStaff(ctx context.Context, id int64) (Staff, error) {
	p, err := getStaff(ctx, s.read, id)
	return p, s.classify(err)
}

func getStaff(ctx context.Context, q queryRower, id int64) (Staff, error) {
	var p Staff
	err := q.QueryRowContext(ctx, `SELECT `+staffColumns+` FROM staff s WHERE s.id = ?`, id).Scan(staffScanArgs(&p)...)
	return p, notFound(err)
}

func normalizeStaff(p *Staff) {
	p.FullName = strings.Join(strings.Fields(p.FullName), " ")
	p.Position = strings.TrimSpace(p.Position)
	p.Team = strings.TrimSpace(p.Team)
	p.Email = strings.TrimSpace(p.Email)
	p.Phone = strings.TrimSpace(p.Phone)
	if p.Status == "" {
		p.Status = StaffActive
	}
	if p.Status != StaffLeft {
		p.LeftDate = time.Time{}
	}
}

func validateStaff(p Staff, c *checker) {
	c.required("full_name", p.FullName)
	if p.GradeID == 0 {
		c.add("grade", "required")
	}
	c.requiredDate("hire_date", p.HireDate)
	c.between("fte", p.FTE, 0.1, 1.0)
	c.notNegative("capacity_override", p.CapacityOverride)
	c.oneOf("status", string(p.Status), []string{string(StaffActive), string(StaffOnLeave), string(StaffLeft)})
	if p.Status == StaffLeft {
		c.requiredDate("left_date", p.LeftDate)
	}
	c.notBefore("left_date", p.LeftDate, p.HireDate)
	c.email("email", p.Email)
	c.phone("phone", p.Phone)
}

// SaveStaff creates (ID 0) or updates a person and returns the id. A new person gets
// the first line of their grade history; a changed grade adds a line dated and
// explained by change. Setting the status to "left" archives the person (see Archive).
func (s *Store) SaveStaff(ctx context.Context, p Staff, change GradeChange) (int64, error) {
	return save(s, ctx, func(t *Tx) (int64, error) { return t.SaveStaff(p, change) })
}

// SaveStaff is Store.SaveStaff within the transaction.
func (t *Tx) SaveStaff(p Staff, change GradeChange) (int64, error) {
	normalizeStaff(&p)
	var c checker
	validateStaff(p, &c)
	if err := exists(t.ctx, t.tx, "grade_levels", p.GradeID, "grade", &c); err != nil {
		return 0, err
	}
	if p.ID == 0 {
		if err := c.err(); err != nil {
			return 0, err
		}
		err := insertStaff(t.ctx, t.tx, &p)
		return p.ID, err
	}
	return p.ID, updateStaff(t.ctx, t.tx, p, change, &c)
}

func insertStaff(ctx context.Context, tx *sql.Tx, p *Staff) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO staff (full_name, position, grade_id, team, hire_date, fte,
			capacity_override, status, left_date, email, phone, notes, search_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.FullName, p.Position, p.GradeID, p.Team, dateValue(p.HireDate), p.FTE, capacityValue(p.CapacityOverride),
		p.Status, dateValue(p.LeftDate), p.Email, p.Phone, p.Notes, StaffSearchKey(*p))
	if err != nil {
		return err
	}
	if p.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO grade_history (staff_id, changed_on, from_grade_id, to_grade_id, reason)
		VALUES (?, ?, NULL, ?, '')`, p.ID, dateValue(p.HireDate), p.GradeID)
	return err
}

func updateStaff(ctx context.Context, tx *sql.Tx, p Staff, change GradeChange, c *checker) error {
	var old Staff
	err := tx.QueryRowContext(ctx, `SELECT `+staffColumns+` FROM staff s WHERE s.id = ?`, p.ID).Scan(staffScanArgs(&old)...)
	if err != nil {
		return notFound(err)
	}
	if err := checkHireDate(ctx, tx, p, c); err != nil {
		return err
	}
	gradeChanged := old.GradeID != p.GradeID
	if gradeChanged {
		if err := checkGradeChange(ctx, tx, p, change, c); err != nil {
			return err
		}
	}
	leaving := p.Status == StaffLeft && old.Status != StaffLeft
	if leaving && !c.has("left_date") {
		if err := checkCanLeave(ctx, tx, p, c); err != nil {
			return err
		}
	}
	if err := c.err(); err != nil {
		return err
	}
	if leaving {
		if err := endBackupsOnLeaving(ctx, tx, p.ID, p.LeftDate); err != nil {
			return err
		}
	}
	if gradeChanged {
		_, err := tx.ExecContext(ctx, `INSERT INTO grade_history (staff_id, changed_on, from_grade_id, to_grade_id, reason)
			VALUES (?, ?, ?, ?, ?)`, p.ID, dateValue(change.Date), old.GradeID, p.GradeID, strings.TrimSpace(change.Reason))
		if err != nil {
			return err
		}
	}
	if !p.HireDate.Equal(old.HireDate) { // the history starts on the hire date
		_, err := tx.ExecContext(ctx, `UPDATE grade_history SET changed_on = ? WHERE staff_id = ? AND from_grade_id IS NULL`,
			dateValue(p.HireDate), p.ID)
		if err != nil {
			return err
		}
	}
	return execOne(ctx, tx, `UPDATE staff SET full_name = ?, position = ?, grade_id = ?, team = ?, hire_date = ?,
			fte = ?, capacity_override = ?, status = ?, left_date = ?, email = ?, phone = ?, notes = ?, search_key = ?
		WHERE id = ?`,
		p.FullName, p.Position, p.GradeID, p.Team, dateValue(p.HireDate), p.FTE, capacityValue(p.CapacityOverride),
		p.Status, dateValue(p.LeftDate), p.Email, p.Phone, p.Notes, StaffSearchKey(p), p.ID)
}

// capacityValue stores a personal capacity, or NULL for none (0).
func capacityValue(v float64) any {
	if v == 0 {
		return nil
	}
	return v
}

// checkHireDate keeps the hire date before everything the person did: a corrected
// hire date may not fall after their first assignment or grade change.
func checkHireDate(ctx context.Context, tx *sql.Tx, p Staff, c *checker) error {
	var first time.Time
	err := tx.QueryRowContext(ctx, `SELECT min(d) FROM (
			SELECT min(start_date) AS d FROM assignments WHERE staff_id = ?
			UNION ALL SELECT min(changed_on) FROM grade_history WHERE staff_id = ? AND from_grade_id IS NOT NULL)`,
		p.ID, p.ID).Scan(scanTime(&first))
	if err != nil {
		return err
	}
	c.notAfter("hire_date", p.HireDate, first)
	return nil
}

// checkGradeChange requires a date (not before hire or the last change) and a reason.
func checkGradeChange(ctx context.Context, tx *sql.Tx, p Staff, change GradeChange, c *checker) error {
	c.requiredDate("grade_date", change.Date)
	c.required("grade_reason", change.Reason)
	if change.Date.IsZero() {
		return nil
	}
	var last time.Time
	err := tx.QueryRowContext(ctx, `SELECT max(changed_on) FROM grade_history WHERE staff_id = ?`, p.ID).Scan(scanTime(&last))
	if err != nil {
		return err
	}
	if last.Before(p.HireDate) {
		last = p.HireDate
	}
	c.notBefore("grade_date", change.Date, last)
	return nil
}

// checkCanLeave refuses to archive someone who still leads clients: every active
// client must keep a lead, so the lead reassigns them first.
func checkCanLeave(ctx context.Context, tx *sql.Tx, p Staff, c *checker) error {
	var leads int
	var latestStart time.Time
	err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(role = 'lead'), 0), max(start_date)
		FROM assignments WHERE staff_id = ? AND end_date IS NULL`, p.ID).Scan(&leads, scanTime(&latestStart))
	if err != nil {
		return err
	}
	if leads > 0 {
		c.add("status", "leads_clients", "Count", leads)
	}
	c.notBefore("left_date", p.LeftDate, latestStart)
	return nil
}

// endBackupsOnLeaving closes the person's open backup assignments on their last day
// (checkCanLeave has made sure they lead no one).
func endBackupsOnLeaving(ctx context.Context, tx *sql.Tx, staffID int64, leftDate time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE assignments SET end_date = ? WHERE staff_id = ? AND role = 'backup'
		AND end_date IS NULL`, dateValue(leftDate), staffID)
	return err
}

// ArchiveStaff records that a person left on the given date (see SaveStaff).
func (s *Store) ArchiveStaff(ctx context.Context, id int64, leftDate time.Time) error {
	p, err := s.GetStaff(ctx, id)
	if err != nil {
		return err
	}
	p.Status, p.LeftDate = StaffLeft, leftDate
	_, err = s.SaveStaff(ctx, p, GradeChange{})
	return err
}
