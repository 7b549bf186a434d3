package data

import (
	"cmp"
	"context"
	"database/sql"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// The register of the department's procedures and instructions (the guide's section
// 7): who owns each, when it was last reviewed and how often it must be, and who has
// read which version. A procedure is archived, never deleted, so its history stays.

// ProcedureAreas are the areas a procedure can cover (codes; translated as
// "procedure.area.<code>").
var ProcedureAreas = []string{"client_communication", "approvals", "reporting", "other_departments", "documents",
	"quality", "other"}

// Procedure is one entry of the register.
type Procedure struct {
	ID           int64
	Title        string
	Area         string // one of ProcedureAreas
	OwnerID      int64
	Link         string // an http(s) address or a file path; may be empty
	Version      int    // bumped by a review that issues a new version
	LastReviewed time.Time
	ReviewMonths int       // the review interval, 1-60 months
	ArchivedOn   time.Time // zero while the procedure is in force
}

// NextReview is the day the next review is due: the last review plus the interval,
// on the same day of the month or the month's last day when it is shorter (31 January
// + 1 month is 28 February, not 3 March).
func (p Procedure) NextReview() time.Time {
	if p.LastReviewed.IsZero() {
		return time.Time{}
	}
	m := MonthOf(p.LastReviewed) + Month(p.ReviewMonths)
	return Day(m.Year(), m.Number(), min(p.LastReviewed.Day(), m.Last().Day()))
}

// ReviewOverdue: in force and past its next review. A review due today is not overdue.
func (p Procedure) ReviewOverdue(today time.Time) bool {
	return p.ArchivedOn.IsZero() && !p.LastReviewed.IsZero() && DateOf(today).After(p.NextReview())
}

// ProcedureRow is a procedure in force with its owner's name and how many of the
// staff who should have read it (the active staff) have acknowledged its current
// version.
type ProcedureRow struct {
	Procedure
	Owner        string
	Acknowledged int // active staff who acknowledged the current version
	Readers      int // active staff: everyone who should have read it
}

// ProcedureAck is one person's acknowledgement of one version of a procedure.
type ProcedureAck struct {
	ProcedureID int64
	StaffID     int64
	Staff       string
	Version     int
	On          time.Time
	Current     bool // of the procedure's current version
}

// MissingAck is an active person who has not acknowledged the current version of a
// procedure in force.
type MissingAck struct {
	ProcedureID int64
	Procedure   string
	Version     int
	StaffID     int64
	Staff       string
}

// windowsPath: a drive (C:\, d:/) or a network share (\\server\share).
var windowsPath = regexp.MustCompile(`^([A-Za-z]:[\\/]|\\\\[^\\]+\\)`)

// validLink accepts a web address (http, https with a host), a file:// address or an
// absolute file path (/..., ~/..., C:\..., \\server\...). Anything else could not be
// opened from the register.
func validLink(link string) bool {
	if strings.Contains(link, "://") {
		u, err := url.Parse(link)
		if err != nil {
			return false
		}
		switch strings.ToLower(u.Scheme) {
		case "http", "https":
			return u.Host != ""
		case "file":
			return u.Path != ""
		}
		return false
	}
	return strings.HasPrefix(link, "/") || strings.HasPrefix(link, "~/") || windowsPath.MatchString(link)
}

func normalizeProcedure(p *Procedure) {
	p.Title, p.Area, p.Link = strings.TrimSpace(p.Title), strings.TrimSpace(p.Area), strings.TrimSpace(p.Link)
	p.LastReviewed = DateOf(p.LastReviewed)
	if p.ID == 0 && p.Version == 0 {
		p.Version = 1
	}
}

func validateProcedure(p Procedure, today time.Time, ch *checker) {
	ch.required("title", p.Title)
	ch.oneOf("area", p.Area, ProcedureAreas)
	if p.OwnerID == 0 {
		ch.add("owner", "required")
	}
	if p.Link != "" && !validLink(p.Link) {
		ch.add("link", "invalid_link")
	}
	ch.requiredDate("last_reviewed", p.LastReviewed)
	if p.LastReviewed.After(today) {
		ch.add("last_reviewed", "in_future")
	}
	ch.between("review_months", float64(p.ReviewMonths), 1, 60)
	if p.ID == 0 && p.Version < 1 {
		ch.add("version", "positive")
	}
}

// SaveProcedure adds (ID 0) or edits a procedure. Titles are unique whatever the
// case. Only a new procedure takes Version (0 means 1); an edit leaves the version
// and the archive date alone: ReviewProcedure and ArchiveProcedure change them, so
// that acknowledgements always refer to a version that was reviewed.
func (s *Store) SaveProcedure(ctx context.Context, p Procedure) (int64, error) {
	return save(s, ctx, func(t *Tx) (int64, error) { return t.SaveProcedure(p) })
}

// SaveProcedure is Store.SaveProcedure within the transaction.
func (t *Tx) SaveProcedure(p Procedure) (int64, error) {
	ctx := t.ctx
	normalizeProcedure(&p)
	var ch checker
	validateProcedure(p, t.Today(), &ch)
	if err := exists(ctx, t.tx, "staff", p.OwnerID, "owner", &ch); err != nil {
		return 0, err
	}
	if p.Title != "" {
		var taken int
		if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM procedures WHERE title_key = ? AND id <> ?`,
			fold(p.Title), p.ID).Scan(&taken); err != nil {
			return 0, err
		}
		if taken > 0 {
			ch.add("title", "duplicate")
		}
	}
	if err := ch.err(); err != nil {
		return 0, err
	}
	args := []any{p.Title, fold(p.Title), p.Area, p.OwnerID, p.Link, dateValue(p.LastReviewed), p.ReviewMonths}
	if p.ID != 0 {
		return p.ID, execOne(ctx, t.tx, `UPDATE procedures SET title = ?, title_key = ?, area = ?, owner_id = ?, link = ?,
			last_reviewed = ?, review_months = ? WHERE id = ?`, append(args, p.ID)...)
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO procedures (title, title_key, area, owner_id, link, last_reviewed,
		review_months, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, append(args, p.Version)...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// procedureState is what the writes below check before they touch a procedure.
func (t *Tx) procedureState(id int64) (lastReviewed, archivedOn time.Time, err error) {
	err = t.tx.QueryRowContext(t.ctx, `SELECT last_reviewed, archived_on FROM procedures WHERE id = ?`, id).
		Scan(scanTime(&lastReviewed), scanTime(&archivedOn))
	return lastReviewed, archivedOn, notFound(err)
}

// checkDay: a day given for a review, an archive or an acknowledgement is required
// and not in the future.
func checkDay(field string, on, today time.Time, ch *checker) {
	ch.requiredDate(field, on)
	if on.After(today) {
		ch.add(field, "in_future")
	}
}

// ReviewProcedure records a review on the given day. With newVersion the procedure's
// version goes up by one, and acknowledgements of earlier versions no longer count:
// everyone has to read it again.
func (s *Store) ReviewProcedure(ctx context.Context, id int64, on time.Time, newVersion bool) error {
	return s.Update(ctx, func(t *Tx) error { return t.ReviewProcedure(id, on, newVersion) })
}

// ReviewProcedure is Store.ReviewProcedure within the transaction.
func (t *Tx) ReviewProcedure(id int64, on time.Time, newVersion bool) error {
	on = DateOf(on)
	var ch checker
	checkDay("on", on, t.Today(), &ch)
	last, archived, err := t.procedureState(id)
	if err != nil {
		return err
	}
	if !archived.IsZero() {
		ch.add("procedure", "archived")
	}
	ch.notBefore("on", on, last)
	if err := ch.err(); err != nil {
		return err
	}
	bump := 0
	if newVersion {
		bump = 1
	}
	return execOne(t.ctx, t.tx, `UPDATE procedures SET last_reviewed = ?, version = version + ? WHERE id = ?`,
		dateValue(on), bump, id)
}

// ArchiveProcedure takes a procedure out of force from the given day; it stays in the
// database with its acknowledgements. Archiving an archived procedure keeps its
// first archive date.
func (s *Store) ArchiveProcedure(ctx context.Context, id int64, on time.Time) error {
	return s.Update(ctx, func(t *Tx) error { return t.ArchiveProcedure(id, on) })
}

// ArchiveProcedure is Store.ArchiveProcedure within the transaction.
func (t *Tx) ArchiveProcedure(id int64, on time.Time) error {
	var ch checker
	checkDay("on", DateOf(on), t.Today(), &ch)
	if err := ch.err(); err != nil {
		return err
	}
	return execOne(t.ctx, t.tx, `UPDATE procedures SET archived_on = coalesce(archived_on, ?) WHERE id = ?`,
		dateValue(DateOf(on)), id)
}

// AcknowledgeProcedure records that the people read the procedure's current version
// on the given day: all of them or, when any id is unknown, none. A person who had
// already acknowledged this version keeps the first date.
func (s *Store) AcknowledgeProcedure(ctx context.Context, procedureID int64, staffIDs []int64, on time.Time) error {
	return s.Update(ctx, func(t *Tx) error { return t.AcknowledgeProcedure(procedureID, staffIDs, on) })
}

// AcknowledgeProcedure is Store.AcknowledgeProcedure within the transaction.
func (t *Tx) AcknowledgeProcedure(procedureID int64, staffIDs []int64, on time.Time) error {
	on = DateOf(on)
	var ch checker
	checkDay("on", on, t.Today(), &ch)
	ids := slices.Compact(slices.Sorted(slices.Values(staffIDs)))
	if len(ids) == 0 {
		ch.add("staff", "required")
	}
	if _, archived, err := t.procedureState(procedureID); err != nil {
		return err
	} else if !archived.IsZero() {
		ch.add("procedure", "archived")
	}
	if err := t.checkStaffExist(ids, &ch); err != nil {
		return err
	}
	if err := ch.err(); err != nil {
		return err
	}
	values := strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", len(ids)), ", ")
	args := make([]any, 0, 3*len(ids)+1)
	for _, id := range ids {
		args = append(args, procedureID, id, dateValue(on))
	}
	_, err := t.tx.ExecContext(t.ctx, `INSERT INTO procedure_acks (procedure_id, staff_id, acknowledged_on, version)
		SELECT v.column1, v.column2, v.column3, p.version FROM (VALUES `+values+`) v
		JOIN procedures p ON p.id = v.column1
		WHERE true ON CONFLICT DO NOTHING`, args...)
	return err
}

// checkStaffExist reports "staff" when any of the (distinct) ids is nobody.
func (t *Tx) checkStaffExist(ids []int64, ch *checker) error {
	if len(ids) == 0 {
		return nil
	}
	var w where
	whereIn(&w, "id", ids)
	var found int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM staff `+w.sql(), w.args...).Scan(&found); err != nil {
		return err
	}
	if found < len(ids) {
		ch.add("staff", "invalid_choice")
	}
	return nil
}

// atWork is the SQL condition on staff alias a for who should have read every
// procedure in force on the day ?1: hired by then and not yet gone, people on leave
// too (they read it on their return), the way the audit counts.
func atWork(a string) string {
	return a + `.hire_date <= ?1 AND (` + a + `.left_date IS NULL OR ` + a + `.left_date > ?1)`
}

// Procedures lists the procedures in force by title, each with its owner and how
// many active staff acknowledged its current version out of how many should have.
func (s *Store) Procedures(ctx context.Context) ([]ProcedureRow, error) {
	var out []ProcedureRow
	err := s.EachRow(ctx, `SELECT p.id, p.title, p.area, coalesce(p.owner_id, 0), coalesce(o.full_name, ''), p.link,
			p.version, p.last_reviewed, p.review_months, p.archived_on, coalesce(a.n, 0),
			(SELECT count(*) FROM staff w WHERE `+atWork("w")+`)
		FROM procedures p
		LEFT JOIN staff o ON o.id = p.owner_id
		LEFT JOIN (SELECT k.procedure_id, k.version, count(*) AS n FROM procedure_acks k
			JOIN staff r ON r.id = k.staff_id AND `+atWork("r")+` GROUP BY k.procedure_id, k.version) a
			ON a.procedure_id = p.id AND a.version = p.version
		WHERE p.archived_on IS NULL
		ORDER BY p.title_key`, []any{dateValue(s.Today())}, func(r *sql.Rows) error {
		var p ProcedureRow
		if err := r.Scan(&p.ID, &p.Title, &p.Area, &p.OwnerID, &p.Owner, &p.Link, &p.Version,
			scanTime(&p.LastReviewed), &p.ReviewMonths, scanTime(&p.ArchivedOn), &p.Acknowledged, &p.Readers); err != nil {
			return err
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// ProcedureAcks lists who read which version of a procedure and when: the latest
// version first, then by date and name.
func (s *Store) ProcedureAcks(ctx context.Context, procedureID int64) ([]ProcedureAck, error) {
	var out []ProcedureAck
	err := s.EachRow(ctx, `SELECT a.procedure_id, a.staff_id, s.full_name, a.version, a.acknowledged_on,
			a.version = p.version
		FROM procedure_acks a JOIN procedures p ON p.id = a.procedure_id JOIN staff s ON s.id = a.staff_id
		WHERE a.procedure_id = ?
		ORDER BY a.version DESC, a.acknowledged_on, s.full_name`, []any{procedureID}, func(r *sql.Rows) error {
		var a ProcedureAck
		if err := r.Scan(&a.ProcedureID, &a.StaffID, &a.Staff, &a.Version, scanTime(&a.On), &a.Current); err != nil {
			return err
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

// MissingAcks lists every active person who has not acknowledged the current version
// of a procedure in force, by procedure title and then by name.
func (s *Store) MissingAcks(ctx context.Context) ([]MissingAck, error) {
	var out []MissingAck
	err := s.EachRow(ctx, `SELECT p.id, p.title, p.version, r.id, r.full_name
		FROM procedures p CROSS JOIN staff r
		WHERE p.archived_on IS NULL AND `+atWork("r")+`
			AND NOT EXISTS (SELECT 1 FROM procedure_acks a
				WHERE a.procedure_id = p.id AND a.staff_id = r.id AND a.version = p.version)`,
		[]any{dateValue(s.Today())}, func(r *sql.Rows) error {
			var m MissingAck
			if err := r.Scan(&m.ProcedureID, &m.Procedure, &m.Version, &m.StaffID, &m.Staff); err != nil {
				return err
			}
			out = append(out, m)
			return nil
		})
	// Sorted here with the folded keys, so that ё and case sort the way people read.
	slices.SortFunc(out, func(a, b MissingAck) int {
		return cmp.Or(cmp.Compare(fold(a.Procedure), fold(b.Procedure)), cmp.Compare(a.ProcedureID, b.ProcedureID),
			cmp.Compare(fold(a.Staff), fold(b.Staff)), cmp.Compare(a.StaffID, b.StaffID))
	})
	return out, err
}
