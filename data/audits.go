package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// Department audits: the checklist (data/audit) rated audit by audit, item by
// item, with evidence and an owner; and the follow-up actions, open until done.

// AuditRatings an item can have ("" is not rated yet).
var AuditRatings = []string{"not_in_place", "partly", "in_place"}

// Audit is one audit of the department.
type Audit struct {
	ID     int64
	HeldOn time.Time
	Title  string
}

// SaveAudit adds (ID 0) or edits an audit; one a day.
func (s *Store) SaveAudit(ctx context.Context, a Audit) (int64, error) {
	a.Title = strings.TrimSpace(a.Title)
	if !a.HeldOn.IsZero() {
		a.HeldOn = DateOf(a.HeldOn)
	}
	var ch checker
	ch.requiredDate("held_on", a.HeldOn)
	if a.HeldOn.After(s.Today()) {
		ch.add("held_on", "in_future")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM audits WHERE held_on = ? AND id <> ?`,
			dateValue(a.HeldOn), a.ID).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			ch.add("held_on", "duplicate")
		}
		if err := ch.err(); err != nil {
			return err
		}
		if a.ID != 0 {
			return execOne(ctx, tx, `UPDATE audits SET held_on = ?, title = ? WHERE id = ?`, dateValue(a.HeldOn), a.Title, a.ID)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO audits (held_on, title) VALUES (?, ?)`, dateValue(a.HeldOn), a.Title)
		if err != nil {
			return err
		}
		a.ID, err = res.LastInsertId()
		return err
	})
	return a.ID, err
}

// Audits lists the audits, the latest first.
func (s *Store) Audits(ctx context.Context) ([]Audit, error) {
	var out []Audit
	err := s.EachRow(ctx, `SELECT id, held_on, title FROM audits ORDER BY held_on DESC`, nil, func(r *sql.Rows) error {
		var a Audit
		if err := r.Scan(&a.ID, scanTime(&a.HeldOn), &a.Title); err != nil {
			return err
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

// AuditItem is an item's rating in an audit.
type AuditItem struct {
	Code     string
	Rating   string // "" not rated, or one of AuditRatings
	Comment  string
	Evidence string // a link or a note
	OwnerID  int64
}

// RateItems writes items' ratings of an audit (a rating already there is replaced),
// all or none: one bad item refuses the lot. A field error names its item in the
// "Item" parameter. That a code is on the checklist is the caller's to check (the
// checklist lives in data/audit, above the store).
func (s *Store) RateItems(ctx context.Context, auditID int64, items []AuditItem) error {
	var ch checker
	if auditID == 0 {
		ch.add("audit", "required")
	}
	for _, it := range items {
		if strings.TrimSpace(it.Code) == "" {
			ch.add("item", "required")
		}
		if it.Rating != "" && !slices.Contains(AuditRatings, it.Rating) {
			ch.add("rating", "invalid_choice", "Item", it.Code)
		}
	}
	if err := ch.err(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, "audits", auditID, "audit", &ch); err != nil {
			return err
		}
		if err := checkOwners(ctx, tx, items, &ch); err != nil {
			return err
		}
		if err := ch.err(); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO audit_items (audit_id, item_code, rating, comment, evidence, owner_id)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (audit_id, item_code) DO UPDATE SET rating = excluded.rating,
			comment = excluded.comment, evidence = excluded.evidence, owner_id = excluded.owner_id`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, it := range items {
			if _, err := stmt.ExecContext(ctx, auditID, strings.TrimSpace(it.Code), nullString(it.Rating),
				strings.TrimSpace(it.Comment), strings.TrimSpace(it.Evidence), nullID(it.OwnerID)); err != nil {
				return err
			}
		}
		return nil
	})
}

// checkOwners reports every item whose owner is not on the staff, in one query.
func checkOwners(ctx context.Context, tx *sql.Tx, items []AuditItem, ch *checker) error {
	var ids []int64
	for _, it := range items {
		if it.OwnerID != 0 && !slices.Contains(ids, it.OwnerID) {
			ids = append(ids, it.OwnerID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	known := map[int64]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM staff WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		known[id] = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, it := range items {
		if it.OwnerID != 0 && !known[it.OwnerID] {
			ch.add("owner", "invalid_choice", "Item", it.Code)
		}
	}
	return nil
}

// AuditItems reads an audit's ratings by item code.
func (s *Store) AuditItems(ctx context.Context, auditID int64) (map[string]AuditItem, error) {
	out := map[string]AuditItem{}
	err := s.EachRow(ctx, auditItemsQuery+` WHERE audit_id = ?`, []any{auditID}, func(r *sql.Rows) error {
		_, it, err := scanAuditItem(r)
		if err != nil {
			return err
		}
		out[it.Code] = it
		return nil
	})
	return out, err
}

// AllAuditItems reads every audit's ratings, by audit id and item code, in one query
// (the trend across audits needs them all).
func (s *Store) AllAuditItems(ctx context.Context) (map[int64]map[string]AuditItem, error) {
	out := map[int64]map[string]AuditItem{}
	err := s.EachRow(ctx, auditItemsQuery, nil, func(r *sql.Rows) error {
		auditID, it, err := scanAuditItem(r)
		if err != nil {
			return err
		}
		if out[auditID] == nil {
			out[auditID] = map[string]AuditItem{}
		}
		out[auditID][it.Code] = it
		return nil
	})
	return out, err
}

const auditItemsQuery = `SELECT audit_id, item_code, coalesce(rating, ''), comment, evidence, coalesce(owner_id, 0)
	FROM audit_items`

func scanAuditItem(r *sql.Rows) (int64, AuditItem, error) {
	var auditID int64
	var it AuditItem
	err := r.Scan(&auditID, &it.Code, &it.Rating, &it.Comment, &it.Evidence, &it.OwnerID)
	return auditID, it, err
}

// DeleteAudit removes an audit entered by mistake. An audit with ratings or actions
// is history, which is never deleted: it is refused with a field error on "audit".
func (s *Store) DeleteAudit(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var history int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM audit_items WHERE audit_id = ?)
			+ (SELECT count(*) FROM actions WHERE audit_id = ?)`, id, id).Scan(&history); err != nil {
			return err
		}
		if history > 0 {
			var ch checker
			ch.add("audit", "audit_has_history")
			return ch.err()
		}
		return execOne(ctx, tx, `DELETE FROM audits WHERE id = ?`, id)
	})
}

// Action is a follow-up of an audit (or of none), open until done.
type Action struct {
	ID        int64
	AuditID   int64 // 0: not from an audit
	ItemCode  string
	What      string
	OwnerID   int64
	OwnerName string // read only: the owner's full name, "" without an owner
	Due       time.Time
	Status    string // open, done, cancelled
	DoneOn    time.Time
}

// ActionStatuses an action can have.
var ActionStatuses = []string{"open", "done", "cancelled"}

// Overdue: open past its due date; one due today is not overdue yet.
func (a Action) Overdue(today time.Time) bool {
	return a.Status == "open" && a.Due.Before(DateOf(today))
}

// SaveAction adds (ID 0) or edits an action. A new action without a status is open;
// a done one gets today's date when not given, and only a done one keeps a date.
func (s *Store) SaveAction(ctx context.Context, a Action) (int64, error) {
	a.What = strings.TrimSpace(a.What)
	a.ItemCode = strings.TrimSpace(a.ItemCode)
	if a.Status == "" {
		a.Status = "open"
	}
	var ch checker
	ch.required("what", a.What)
	ch.requiredDate("due", a.Due)
	ch.oneOf("status", a.Status, ActionStatuses)
	if a.Status == "done" && a.DoneOn.IsZero() {
		a.DoneOn = s.Today()
	}
	if a.Status != "done" {
		a.DoneOn = time.Time{}
	}
	if !a.DoneOn.IsZero() && DateOf(a.DoneOn).After(s.Today()) {
		ch.add("done_on", "in_future")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, "staff", a.OwnerID, "owner", &ch); err != nil {
			return err
		}
		if err := exists(ctx, tx, "audits", a.AuditID, "audit", &ch); err != nil {
			return err
		}
		if err := ch.err(); err != nil {
			return err
		}
		args := []any{nullID(a.AuditID), a.ItemCode, a.What, nullID(a.OwnerID), dateValue(a.Due), a.Status, dateValue(a.DoneOn)}
		if a.ID != 0 {
			return execOne(ctx, tx, `UPDATE actions SET audit_id = ?, item_code = ?, what = ?, owner_id = ?, due_on = ?,
				status = ?, done_on = ? WHERE id = ?`, append(args, a.ID)...)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO actions (audit_id, item_code, what, owner_id, due_on, status, done_on)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return err
		}
		a.ID, err = res.LastInsertId()
		return err
	})
	return a.ID, err
}

// actionsQuery reads actions with their owners' names.
const actionsQuery = `SELECT a.id, coalesce(a.audit_id, 0), a.item_code, a.what, coalesce(a.owner_id, 0),
	coalesce(p.full_name, ''), a.due_on, a.status, a.done_on
	FROM actions a LEFT JOIN staff p ON p.id = a.owner_id`

// Actions lists every action, the open ones first by due date.
func (s *Store) Actions(ctx context.Context) ([]Action, error) {
	return s.actions(ctx, actionsQuery+` ORDER BY a.status <> 'open', a.due_on, a.id`)
}

// OverdueActions lists the open actions due before today, the longest overdue first.
func (s *Store) OverdueActions(ctx context.Context, today time.Time) ([]Action, error) {
	// status = 'open' spelled out so that the partial index actions_open serves it.
	return s.actions(ctx, actionsQuery+` WHERE a.status = 'open' AND a.due_on < ? ORDER BY a.due_on, a.id`,
		dateValue(DateOf(today)))
}

func (s *Store) actions(ctx context.Context, query string, args ...any) ([]Action, error) {
	var out []Action
	err := s.EachRow(ctx, query, args, func(r *sql.Rows) error {
		var a Action
		if err := r.Scan(&a.ID, &a.AuditID, &a.ItemCode, &a.What, &a.OwnerID, &a.OwnerName, scanTime(&a.Due), &a.Status,
			scanTime(&a.DoneOn)); err != nil {
			return err
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

func nullString(v string) any {
	if v == "" {
		return nil
	}
	return v
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
