package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"leadboard/data/review"
)

// ReviewCriterion is a criterion of a template version.
type ReviewCriterion struct {
	ID        int64
	Code      string
	NameRU    string
	NameEN    string
	Weight    int // per cent
	AnchorsRU [5]string
	AnchorsEN [5]string
	Evidence  []string
}

// Name is the criterion's name in a language.
func (c ReviewCriterion) Name(lang string) string {
	if lang == "ru" {
		return c.NameRU
	}
	return c.NameEN
}

// anchored: every rating 1-5 is described in both languages.
func (c ReviewCriterion) anchored() bool {
	for i := range 5 {
		if strings.TrimSpace(c.AnchorsRU[i]) == "" || strings.TrimSpace(c.AnchorsEN[i]) == "" {
			return false
		}
	}
	return true
}

// Anchor describes what a rating (1-5) of the criterion looks like, in a language.
func (c ReviewCriterion) Anchor(lang string, rating int) string {
	if rating < 1 || rating > 5 {
		return ""
	}
	if lang == "ru" {
		return c.AnchorsRU[rating-1]
	}
	return c.AnchorsEN[rating-1]
}

// ReviewTemplate is one version of a grade's criteria.
type ReviewTemplate struct {
	ID       int64
	GradeID  int64
	Version  int
	Criteria []ReviewCriterion
}

// validateCriteria: at least one criterion, names in both languages, unique codes,
// weights from 1 to 100 adding up to 100.
func validateCriteria(criteria []ReviewCriterion, ch *checker) {
	if len(criteria) == 0 {
		ch.add("criteria", "required")
		return
	}
	total, codes := 0, map[string]bool{}
	for _, c := range criteria {
		if strings.TrimSpace(c.NameRU) == "" || strings.TrimSpace(c.NameEN) == "" {
			ch.add("criteria", "criterion_unnamed")
		}
		if c.Weight < 1 || c.Weight > 100 {
			ch.add("criteria", "weight_range")
		}
		if !c.anchored() {
			ch.add("criteria", "criterion_anchors")
		}
		code := strings.TrimSpace(c.Code)
		if code == "" || codes[code] {
			ch.add("criteria", "criterion_code")
		}
		codes[code] = true
		total += c.Weight
	}
	if total != 100 {
		ch.add("weights", "weights_sum", "Sum", total)
	}
}

// ValidateCriteria checks a template's criteria as SaveTemplate would.
func ValidateCriteria(criteria []ReviewCriterion) error {
	var ch checker
	validateCriteria(criteria, &ch)
	return ch.err()
}

// SaveTemplate writes the criteria as the grade's next template version; cycles
// already under way keep the version they started with.
func (s *Store) SaveTemplate(ctx context.Context, gradeID int64, criteria []ReviewCriterion) (int64, error) {
	var ch checker
	validateCriteria(criteria, &ch)
	if err := ch.err(); err != nil {
		return 0, err
	}
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, "grade_levels", gradeID, "grade", &ch); err != nil {
			return err
		}
		if err := ch.err(); err != nil {
			return err
		}
		var err error
		id, err = insertTemplate(ctx, tx, gradeID, criteria, s.Today())
		return err
	})
	return id, err
}

// insertTemplate writes the grade's next template version.
func insertTemplate(ctx context.Context, tx *sql.Tx, gradeID int64, criteria []ReviewCriterion, today time.Time) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO review_templates (grade_id, version, created_on)
		VALUES (?1, (SELECT coalesce(max(version), 0) + 1 FROM review_templates WHERE grade_id = ?1), ?2)`,
		gradeID, dateValue(today))
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for i, c := range criteria {
		if _, err := tx.ExecContext(ctx, `INSERT INTO review_criteria (template_id, position, code, name_ru, name_en,
				weight, anchors_ru, anchors_en, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, i, strings.TrimSpace(c.Code), strings.TrimSpace(c.NameRU), strings.TrimSpace(c.NameEN), c.Weight,
			strings.Join(c.AnchorsRU[:], "\n"), strings.Join(c.AnchorsEN[:], "\n"), strings.Join(c.Evidence, ",")); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// Template reads a template version with its criteria in order.
func (s *Store) Template(ctx context.Context, id int64) (ReviewTemplate, error) {
	t := ReviewTemplate{ID: id}
	err := s.read.QueryRowContext(ctx, `SELECT grade_id, version FROM review_templates WHERE id = ?`, id).
		Scan(&t.GradeID, &t.Version)
	if err != nil {
		return t, s.notFound(err)
	}
	err = s.EachRow(ctx, `SELECT id, code, name_ru, name_en, weight, anchors_ru, anchors_en, evidence
		FROM review_criteria WHERE template_id = ? ORDER BY position`, []any{id}, func(r *sql.Rows) error {
		var c ReviewCriterion
		var ru, en, evidence string
		if err := r.Scan(&c.ID, &c.Code, &c.NameRU, &c.NameEN, &c.Weight, &ru, &en, &evidence); err != nil {
			return err
		}
		copy(c.AnchorsRU[:], strings.Split(ru, "\n"))
		copy(c.AnchorsEN[:], strings.Split(en, "\n"))
		if evidence != "" {
			c.Evidence = strings.Split(evidence, ",")
		}
		t.Criteria = append(t.Criteria, c)
		return nil
	})
	return t, err
}

// currentTemplate is the newest version of a grade's template (0: none yet).
func currentTemplate(ctx context.Context, q queryRower, gradeID int64) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM review_templates WHERE grade_id = ? ORDER BY version DESC LIMIT 1`,
		gradeID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// Cycle statuses.
const (
	CyclePlanned = "planned"
	CycleOpen    = "open"
	CycleClosed  = "closed"
)

// ReviewCycle is a round of reviews over a period.
type ReviewCycle struct {
	ID       int64
	Name     string
	From, To time.Time // the period reviewed
	Due      time.Time
	Status   string
}

// SaveCycle adds (ID 0) or edits a cycle; names are unique whatever the case.
func (s *Store) SaveCycle(ctx context.Context, c ReviewCycle) (int64, error) {
	c.Name = strings.TrimSpace(c.Name)
	var ch checker
	ch.required("name", c.Name)
	ch.requiredDate("from", c.From)
	ch.requiredDate("to", c.To)
	ch.requiredDate("due", c.Due)
	ch.notBefore("to", c.To, c.From)
	ch.oneOf("status", c.Status, []string{CyclePlanned, CycleOpen, CycleClosed})
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM review_cycles WHERE name_key = ? AND id <> ?`,
			fold(c.Name), c.ID).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			ch.add("name", "duplicate")
		}
		if err := checkClosedPeriod(ctx, tx, c, &ch); err != nil {
			return err
		}
		if err := ch.err(); err != nil {
			return err
		}
		if c.ID != 0 {
			return execOne(ctx, tx, `UPDATE review_cycles SET name = ?, name_key = ?, period_from = ?, period_to = ?,
				due_on = ?, status = ? WHERE id = ?`, c.Name, fold(c.Name), dateValue(c.From), dateValue(c.To),
				dateValue(c.Due), c.Status, c.ID)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO review_cycles (name, name_key, period_from, period_to, due_on, status)
			VALUES (?, ?, ?, ?, ?, ?)`, c.Name, fold(c.Name), dateValue(c.From), dateValue(c.To), dateValue(c.Due), c.Status)
		if err != nil {
			return err
		}
		c.ID, err = res.LastInsertId()
		return err
	})
	return c.ID, err
}

// checkClosedPeriod refuses to move the period of a cycle that stays closed: its
// final reviews stand on the evidence of that period. Opening the cycle first is
// the deliberate way.
func checkClosedPeriod(ctx context.Context, tx *sql.Tx, c ReviewCycle, ch *checker) error {
	if c.ID == 0 || c.Status != CycleClosed {
		return nil
	}
	var status string
	var from, to time.Time
	err := tx.QueryRowContext(ctx, `SELECT status, period_from, period_to FROM review_cycles WHERE id = ?`, c.ID).
		Scan(&status, scanTime(&from), scanTime(&to))
	if err != nil {
		return notFound(err)
	}
	if status == CycleClosed && (!from.Equal(c.From) || !to.Equal(c.To)) {
		ch.add("from", "closed_period")
	}
	return nil
}

// AddParticipants opens a review for each person, on the current template of the
// person's grade (a grade that has none gets its default one first); someone
// already in the cycle is left as they are. All or none.
func (s *Store) AddParticipants(ctx context.Context, cycleID int64, staffIDs []int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var ch checker
		var status string
		if err := tx.QueryRowContext(ctx, `SELECT status FROM review_cycles WHERE id = ?`, cycleID).Scan(&status); err != nil {
			return notFound(err)
		}
		if status == CycleClosed {
			ch.add("cycle", "cycle_closed")
			return ch.err()
		}
		for _, id := range staffIDs {
			var grade int64
			var code string
			if err := tx.QueryRowContext(ctx, `SELECT p.grade_id, g.code FROM staff p JOIN grade_levels g
				ON g.id = p.grade_id WHERE p.id = ? AND p.status <> 'left'`, id).Scan(&grade, &code); err != nil {
				if errors.Is(err, sql.ErrNoRows) {
					ch.add("staff", "invalid_choice")
					continue
				}
				return err
			}
			tmpl, err := s.templateFor(ctx, tx, cycleID, grade, code)
			if err != nil {
				return err
			}
			if tmpl == 0 {
				ch.add("template", "no_template")
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO reviews (cycle_id, staff_id, template_id)
				VALUES (?, ?, ?)`, cycleID, id, tmpl); err != nil {
				return err
			}
		}
		return ch.err()
	})
}

// templateFor is the template a cycle reviews a grade on: the version the cycle
// started with for that grade, else the grade's current one, else its default
// written first (0: none, and no default for the grade's code).
func (s *Store) templateFor(ctx context.Context, tx *sql.Tx, cycleID, gradeID int64, code string) (int64, error) {
	var tmpl int64
	err := tx.QueryRowContext(ctx, `SELECT v.template_id FROM reviews v JOIN review_templates t ON t.id = v.template_id
		WHERE v.cycle_id = ? AND t.grade_id = ? LIMIT 1`, cycleID, gradeID).Scan(&tmpl)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return tmpl, err
	}
	if tmpl, err = currentTemplate(ctx, tx, gradeID); err != nil || tmpl != 0 {
		return tmpl, err
	}
	defaults := DefaultCriteria(code)
	if defaults == nil {
		return 0, nil
	}
	return insertTemplate(ctx, tx, gradeID, defaults, s.Today())
}

// DefaultCriteria are the default template's criteria for a grade code (nil: no
// default for that code).
func DefaultCriteria(code string) []ReviewCriterion {
	defaults := review.DefaultCriteria(code)
	if defaults == nil {
		return nil
	}
	criteria := make([]ReviewCriterion, len(defaults))
	for i, d := range defaults {
		criteria[i] = ReviewCriterion{Code: d.Code, NameRU: d.NameRU, NameEN: d.NameEN, Weight: d.Weight,
			AnchorsRU: d.AnchorsRU, AnchorsEN: d.AnchorsEN, Evidence: d.Evidence}
	}
	return criteria
}

// NotRated, as a Rating's value, takes back a rating given before.
const NotRated = -1

// Rating is a rating of a criterion: 1-5, or 0 for "not applicable", with a comment.
type Rating struct {
	CriterionID int64
	Rating      int
	Comment     string
}

// SaveRatings writes the lead's (bySelf false) or the person's own ratings of a
// draft review; a final review is read-only.
func (s *Store) SaveRatings(ctx context.Context, reviewID int64, bySelf bool, ratings []Rating) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return saveRatings(ctx, tx, reviewID, bySelf, ratings) })
}

// SaveReview writes a draft review as the form holds it, in one transaction: the
// lead's ratings, the person's own (none: the self-review is not in) and the notes.
func (s *Store) SaveReview(ctx context.Context, reviewID int64, lead, self []Rating, notes ReviewNotes) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := saveRatings(ctx, tx, reviewID, false, lead); err != nil {
			return err
		}
		if len(self) > 0 {
			if err := saveRatings(ctx, tx, reviewID, true, self); err != nil {
				return err
			}
		}
		return saveNotes(ctx, tx, reviewID, notes)
	})
}

func saveRatings(ctx context.Context, tx *sql.Tx, reviewID int64, bySelf bool, ratings []Rating) error {
	var ch checker
	if err := checkDraft(ctx, tx, reviewID, &ch); err != nil {
		return err
	}
	for _, r := range ratings {
		if r.Rating < NotRated || r.Rating > 5 {
			ch.add("rating", "range", "Min", 1, "Max", 5)
		}
	}
	if err := ch.err(); err != nil {
		return err
	}
	for _, r := range ratings {
		if err := saveRating(ctx, tx, reviewID, bySelf, r); err != nil {
			return err
		}
	}
	if bySelf {
		_, err := tx.ExecContext(ctx, `UPDATE reviews SET self_done = EXISTS (SELECT 1 FROM review_ratings
			WHERE review_id = ?1 AND by_self = 1) WHERE id = ?1`, reviewID)
		return err
	}
	return nil
}

// saveRating writes one rating; NotRated takes it back. The window does not edit
// the person's own comments, so a self-rating without one keeps the stored comment.
func saveRating(ctx context.Context, tx *sql.Tx, reviewID int64, bySelf bool, r Rating) error {
	if r.Rating == NotRated {
		_, err := tx.ExecContext(ctx, `DELETE FROM review_ratings WHERE review_id = ? AND criterion_id = ? AND by_self = ?`,
			reviewID, r.CriterionID, bySelf)
		return err
	}
	var rating any
	if r.Rating > 0 {
		rating = r.Rating
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO review_ratings (review_id, criterion_id, by_self, rating, comment)
		SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM review_criteria k JOIN reviews v
			ON v.template_id = k.template_id WHERE k.id = ?2 AND v.id = ?1)
		ON CONFLICT DO UPDATE SET rating = excluded.rating, comment = CASE
			WHEN excluded.by_self = 1 AND excluded.comment = '' THEN review_ratings.comment ELSE excluded.comment END`,
		reviewID, r.CriterionID, bySelf, rating, strings.TrimSpace(r.Comment))
	return err
}

// checkDraft refuses to change a final review, or any review of a closed cycle.
func checkDraft(ctx context.Context, tx *sql.Tx, reviewID int64, ch *checker) error {
	var status, cycle string
	err := tx.QueryRowContext(ctx, `SELECT v.status, c.status FROM reviews v JOIN review_cycles c ON c.id = v.cycle_id
		WHERE v.id = ?`, reviewID).Scan(&status, &cycle)
	if err != nil {
		return notFound(err)
	}
	switch {
	case cycle == CycleClosed:
		ch.add("review", "cycle_closed")
	case status == "final":
		ch.add("review", "review_final")
	}
	return nil
}

// FinalizeReview makes a review final: every criterion needs the lead's rating (or
// "not applicable"); the score is the weighted average of the applicable ones.
func (s *Store) FinalizeReview(ctx context.Context, reviewID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var ch checker
		if err := checkDraft(ctx, tx, reviewID, &ch); err != nil {
			return err
		}
		if err := ch.err(); err != nil {
			return err
		}
		var rated []review.Rated
		missing := 0
		rows, err := tx.QueryContext(ctx, `SELECT k.weight, r.review_id IS NOT NULL, coalesce(r.rating, 0)
			FROM reviews v JOIN review_criteria k ON k.template_id = v.template_id
			LEFT JOIN review_ratings r ON r.review_id = v.id AND r.criterion_id = k.id AND r.by_self = 0
			WHERE v.id = ?`, reviewID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var weight, rating int
			var done bool
			if err := rows.Scan(&weight, &done, &rating); err != nil {
				rows.Close()
				return err
			}
			if !done {
				missing++
			}
			rated = append(rated, review.Rated{Weight: weight, Rating: rating})
		}
		rows.Close()
		if missing > 0 {
			ch.add("ratings", "ratings_missing", "Count", missing)
			return ch.err()
		}
		score, ok := review.Score(rated)
		var stored any
		if ok {
			stored = score
		}
		return execOne(ctx, tx, `UPDATE reviews SET status = 'final', score = ?, finalized_on = ? WHERE id = ?`,
			stored, dateValue(s.Today()), reviewID)
	})
}

// ReopenReview makes a final review a draft again; the reason is recorded.
func (s *Store) ReopenReview(ctx context.Context, reviewID int64, reason string) error {
	reason = strings.TrimSpace(reason)
	var ch checker
	ch.required("reason", reason)
	if err := ch.err(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var status, cycle string
		if err := tx.QueryRowContext(ctx, `SELECT v.status, c.status FROM reviews v JOIN review_cycles c
			ON c.id = v.cycle_id WHERE v.id = ?`, reviewID).Scan(&status, &cycle); err != nil {
			return notFound(err)
		}
		switch {
		case cycle == CycleClosed:
			ch.add("review", "cycle_closed")
		case status != "final":
			ch.add("review", "review_not_final")
		}
		if err := ch.err(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO review_reopenings (review_id, reopened_on, reason) VALUES (?, ?, ?)`,
			reviewID, dateValue(s.Today()), reason); err != nil {
			return err
		}
		return execOne(ctx, tx, `UPDATE reviews SET status = 'draft', score = NULL, finalized_on = NULL
			WHERE id = ? AND status = 'final'`, reviewID)
	})
}
