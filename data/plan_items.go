package data

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Development plans: items per person (the competency, the goal, the action, a
// due date, a status), typed by the lead or made in one step from an assessment's
// gaps or a review's agreed goals.

// Plan item actions and statuses.
var (
	PlanActions  = []string{"training", "mentoring", "project", "reading"}
	PlanStatuses = []string{"planned", "in_progress", "done", "cancelled"}
)

// PlanItem is one item of a person's development plan.
type PlanItem struct {
	ID, StaffID    int64
	CompetencyCode string // "" for a goal not tied to a competency
	Goal           string
	Action         string
	Due            time.Time
	Status         string
	Source         string // manual, assessment or review
	SourceID       int64
	CreatedOn      time.Time
}

// Overdue: not done or cancelled and past its due date.
func (p PlanItem) Overdue(today time.Time) bool {
	return (p.Status == "planned" || p.Status == "in_progress") && p.Due.Before(today)
}

func validatePlanItem(p PlanItem, ch *checker) {
	ch.required("goal", p.Goal)
	ch.oneOf("action", p.Action, PlanActions)
	ch.requiredDate("due", p.Due)
	ch.oneOf("status", p.Status, PlanStatuses)
}

// ValidatePlanItem checks an item as SavePlanItem would.
func ValidatePlanItem(p PlanItem) error {
	var ch checker
	validatePlanItem(p, &ch)
	return ch.err()
}

// SavePlanItem adds (ID 0) or edits an item.
func (s *Store) SavePlanItem(ctx context.Context, p PlanItem) (int64, error) {
	p.Goal = strings.TrimSpace(p.Goal)
	var ch checker
	validatePlanItem(p, &ch)
	if err := ch.err(); err != nil {
		return 0, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		p.ID, err = insertPlanItem(ctx, tx, p, s.Today())
		return err
	})
	return p.ID, err
}

func insertPlanItem(ctx context.Context, tx *sql.Tx, p PlanItem, today time.Time) (int64, error) {
	if p.ID != 0 {
		return p.ID, execOne(ctx, tx, `UPDATE plan_items SET competency_code = ?, goal = ?, action = ?, due_on = ?,
			status = ? WHERE id = ?`, p.CompetencyCode, p.Goal, p.Action, dateValue(p.Due), p.Status, p.ID)
	}
	if p.Source == "" {
		p.Source = "manual"
	}
	var source any
	if p.SourceID != 0 {
		source = p.SourceID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO plan_items (staff_id, competency_code, goal, action, due_on, status,
		source, source_id, created_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.StaffID, p.CompetencyCode, p.Goal,
		p.Action, dateValue(p.Due), p.Status, p.Source, source, dateValue(today))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// PlanItems lists a person's plan, by due date.
func (s *Store) PlanItems(ctx context.Context, staffID int64) ([]PlanItem, error) {
	var out []PlanItem
	err := s.EachRow(ctx, `SELECT id, staff_id, competency_code, goal, action, due_on, status, source,
			coalesce(source_id, 0), created_on
		FROM plan_items WHERE staff_id = ? ORDER BY due_on, id`, []any{staffID}, func(r *sql.Rows) error {
		var p PlanItem
		if err := r.Scan(&p.ID, &p.StaffID, &p.CompetencyCode, &p.Goal, &p.Action, scanTime(&p.Due), &p.Status,
			&p.Source, &p.SourceID, scanTime(&p.CreatedOn)); err != nil {
			return err
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// OverduePlanItems counts the open items past their due date of people still at
// work, and the people they belong to.
func (s *Store) OverduePlanItems(ctx context.Context) (items, people int, err error) {
	err = s.read.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT p.staff_id) FROM plan_items p
		JOIN staff s ON s.id = p.staff_id
		WHERE p.status IN ('planned', 'in_progress') AND p.due_on < ? AND s.status <> 'left'`,
		dateValue(s.Today())).Scan(&items, &people)
	return items, people, s.classify(err)
}

// PlanFromAssessment adds an item for every competency a finished assessment
// found short of the current grade (or, when none is, of the next
// grade), due on the date given; an item already made from it is not made again.
// The goal is the required level's expectation, in Russian: the department's
// working language (the lead edits it freely).
func (s *Store) PlanFromAssessment(ctx context.Context, assessmentID int64, due time.Time) (int, error) {
	view, err := s.AssessmentView(ctx, assessmentID)
	if err != nil {
		return 0, err
	}
	var ch checker
	if !view.Finished() { // levels not yet seen would count as gaps
		ch.add("assessment", "assessment_unfinished")
	}
	ch.requiredDate("due", due)
	if err := ch.err(); err != nil {
		return 0, err
	}
	names := map[string]Competency{}
	for _, c := range view.Matrix.Competencies {
		names[c.Code] = c
	}
	var items []PlanItem
	current := false
	for _, g := range view.Outcome.Gaps {
		current = current || g.Current > 0
	}
	for _, g := range view.Outcome.Gaps {
		if (current && g.Current == 0) || (!current && g.Next == 0) {
			continue
		}
		target := view.Grade
		if !current {
			target = view.Next
		}
		c := names[g.Code]
		l := c.Levels[target.ID]
		items = append(items, PlanItem{StaffID: view.StaffID, CompetencyCode: g.Code, Action: "training", Due: due,
			Status: "planned", Source: "assessment", SourceID: assessmentID,
			Goal: fmt.Sprintf("%s: уровень %d. %s", c.NameRU, l.Required, l.ExpectationRU)})
	}
	return s.addPlanItems(ctx, items)
}

// listMarker is a list's bullet or number at the start of a line ("- ", "2. ", "3) ").
var listMarker = regexp.MustCompile(`^\s*(?:[-•*]|\d+[.)])\s+`)

// PlanFromReview adds an item for every agreed goal of a review (one per line).
func (s *Store) PlanFromReview(ctx context.Context, reviewID int64, due time.Time) (int, error) {
	v, err := s.Review(ctx, reviewID)
	if err != nil {
		return 0, err
	}
	var ch checker
	ch.requiredDate("due", due)
	if err := ch.err(); err != nil {
		return 0, err
	}
	var items []PlanItem
	for _, line := range strings.Split(v.Notes.Goals, "\n") {
		if line = strings.TrimSpace(listMarker.ReplaceAllString(line, "")); line != "" {
			items = append(items, PlanItem{StaffID: v.StaffID, Goal: line, Action: "project", Due: due,
				Status: "planned", Source: "review", SourceID: reviewID})
		}
	}
	return s.addPlanItems(ctx, items)
}

// addPlanItems adds the items not already made from the same source for the same
// goal, in one transaction; it returns how many were added.
func (s *Store) addPlanItems(ctx context.Context, items []PlanItem) (int, error) {
	added := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, p := range items {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM plan_items WHERE staff_id = ? AND source = ?
				AND source_id = ? AND goal = ?`, p.StaffID, p.Source, p.SourceID, p.Goal).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			if _, err := insertPlanItem(ctx, tx, p, s.Today()); err != nil {
				return err
			}
			added++
		}
		return nil
	})
	return added, err
}
