package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"leadboard/data/competency"
)

// Grade assessments: a lead goes through the matrix with a person competency by
// competency, the progress saved at every step, and ends with a decision (the
// recommendation, or another one for a reason); a promotion is written to the
// grade history from its date, from which the new capacity applies.

// Observed is the level seen in a competency, with a note.
type Observed struct {
	Level int // 1-4
	Note  string
}

// Assessment is an assessment of a person at their grade on a matrix version.
type Assessment struct {
	ID, StaffID, MatrixID, GradeID int64
	StaffName                      string
	StartedOn                      time.Time
	Step                           int                // the competency to go on from
	Observed                       map[int64]Observed // by competency id
	FinishedOn                     time.Time
	Recommendation, Decision       string // competency.Promote, Develop, Concern
	OverrideReason                 string
	PromotedTo                     int64
	PromotedOn                     time.Time
}

// Finished says whether the assessment has its decision.
func (a Assessment) Finished() bool { return !a.FinishedOn.IsZero() }

// StartAssessment begins an assessment of a working person on the current matrix
// (the default is written first when there is none), or returns the one they have
// under way: an interrupted assessment resumes where it stopped.
func (s *Store) StartAssessment(ctx context.Context, staffID int64) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id FROM assessments WHERE staff_id = ? AND finished_on IS NULL`, staffID).
			Scan(&id)
		if err == nil || !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var grade int64
		if err := tx.QueryRowContext(ctx, `SELECT grade_id FROM staff WHERE id = ? AND status <> 'left'`, staffID).
			Scan(&grade); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				var ch checker
				ch.add("staff", "invalid_choice")
				return ch.err()
			}
			return err
		}
		matrix, err := s.matrixFor(ctx, tx)
		if err != nil {
			return err
		}
		if err := checkMatrixCovers(ctx, tx, matrix); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO assessments (staff_id, matrix_id, grade_id, started_on)
			VALUES (?, ?, ?, ?)`, staffID, matrix, grade, dateValue(s.Today()))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// SaveObservation records the level seen in one competency and the step to go on
// from; a finished assessment is read-only.
func (s *Store) SaveObservation(ctx context.Context, assessmentID, competencyID int64, o Observed, step int) error {
	var ch checker
	if o.Level < 1 || o.Level > 4 {
		ch.add("level", "range", "Min", 1, "Max", 4)
	}
	if err := ch.err(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkUnfinished(ctx, tx, assessmentID, &ch); err != nil {
			return err
		}
		if err := ch.err(); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO assessment_levels (assessment_id, competency_id, observed, note)
			SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM competencies c JOIN assessments a ON a.matrix_id = c.matrix_id
				WHERE c.id = ?2 AND a.id = ?1)
			ON CONFLICT DO UPDATE SET observed = excluded.observed, note = excluded.note`,
			assessmentID, competencyID, o.Level, strings.TrimSpace(o.Note))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 { // not a competency of the assessment's matrix
			ch.add("competency", "invalid_choice")
			return cmp.Or(err, ch.err())
		}
		return execOne(ctx, tx, `UPDATE assessments SET step = max(?, 0) WHERE id = ?`, step, assessmentID)
	})
}

// checkMatrixCovers refuses a matrix that lacks a grade of the ladder (a grade
// added since): an assessment at that grade would have nothing to meet.
func checkMatrixCovers(ctx context.Context, tx *sql.Tx, matrix int64) error {
	var missing int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM grade_levels g, competencies c WHERE c.matrix_id = ?
		AND NOT EXISTS (SELECT 1 FROM competency_levels l WHERE l.competency_id = c.id AND l.grade_id = g.id)`, matrix).
		Scan(&missing)
	if err != nil || missing == 0 {
		return err
	}
	var ch checker
	ch.add("assessment", "matrix_outdated")
	return ch.err()
}

func checkUnfinished(ctx context.Context, tx *sql.Tx, id int64, ch *checker) error {
	var finished sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT finished_on FROM assessments WHERE id = ?`, id).Scan(&finished); err != nil {
		return notFound(err)
	}
	if finished.Valid {
		ch.add("assessment", "assessment_finished")
	}
	return nil
}

// Assessment reads an assessment with what was observed.
func (s *Store) Assessment(ctx context.Context, id int64) (Assessment, error) {
	a := Assessment{ID: id, Observed: map[int64]Observed{}}
	var promoted sql.NullInt64
	var rec, dec sql.NullString
	err := s.read.QueryRowContext(ctx, `SELECT a.staff_id, p.full_name, a.matrix_id, a.grade_id, a.started_on, a.step,
			a.finished_on, a.recommendation, a.decision, a.override_reason, a.promoted_to, a.promoted_on
		FROM assessments a JOIN staff p ON p.id = a.staff_id WHERE a.id = ?`, id).Scan(&a.StaffID, &a.StaffName,
		&a.MatrixID, &a.GradeID, scanTime(&a.StartedOn), &a.Step, scanTime(&a.FinishedOn), &rec, &dec,
		&a.OverrideReason, &promoted, scanTime(&a.PromotedOn))
	if err != nil {
		return a, s.notFound(err)
	}
	a.Recommendation, a.Decision, a.PromotedTo = rec.String, dec.String, promoted.Int64
	err = s.EachRow(ctx, `SELECT competency_id, observed, note FROM assessment_levels WHERE assessment_id = ?`,
		[]any{id}, func(r *sql.Rows) error {
			var cid int64
			var o Observed
			if err := r.Scan(&cid, &o.Level, &o.Note); err != nil {
				return err
			}
			a.Observed[cid] = o
			return nil
		})
	return a, err
}

// AssessmentView is an assessment with its matrix, the grade assessed at and the
// next one (ID 0 at the top of the ladder), and what it adds up to so far.
type AssessmentView struct {
	Assessment
	Matrix        Matrix
	Grade, Next   GradeLevel
	Outcome       competency.Outcome
	Observations  []competency.Observation // in the matrix's order
	AllObserved   bool
	NextGradeName string
}

// AssessmentView reads an assessment with everything its wizard shows.
func (s *Store) AssessmentView(ctx context.Context, id int64) (AssessmentView, error) {
	var v AssessmentView
	var err error
	if v.Assessment, err = s.Assessment(ctx, id); err != nil {
		return v, err
	}
	if v.Matrix, err = s.Matrix(ctx, v.MatrixID); err != nil {
		return v, err
	}
	ladder, err := s.Grades(ctx)
	if err != nil {
		return v, err
	}
	v.Grade, v.Next = GradeAndNext(ladder, v.GradeID)
	v.Observations, v.AllObserved = observations(v.Matrix, v.Grade.ID, v.Next.ID, v.Observed)
	v.Outcome = competency.Assess(v.Observations)
	return v, nil
}

// Assess is what the levels seen add up to at a grade and the next (0: none).
func (m Matrix) Assess(grade, next int64, seen map[int64]Observed) competency.Outcome {
	obs, _ := observations(m, grade, next, seen)
	return competency.Assess(obs)
}

// GradeAndNext finds a grade on the ladder and the one above it (ID 0 at the top).
func GradeAndNext(ladder []GradeLevel, id int64) (grade, next GradeLevel) {
	for i, g := range ladder {
		if g.ID == id {
			grade = g
			if i+1 < len(ladder) {
				next = ladder[i+1]
			}
		}
	}
	return grade, next
}

// observations lines up the matrix's requirements at a grade and the next with
// the levels observed; all says whether every competency has one.
func observations(m Matrix, grade, next int64, seen map[int64]Observed) (obs []competency.Observation, all bool) {
	all = true
	for _, c := range m.Competencies {
		o := competency.Observation{Code: c.Code, Current: c.Levels[grade].Required, Observed: seen[c.ID].Level}
		if next != 0 {
			o.Next = c.Levels[next].Required
		}
		if o.Observed == 0 {
			all = false
		}
		obs = append(obs, o)
	}
	return obs, all
}

// PromotionAheadDays is how far ahead a promotion may be dated: from the next
// month, say, but not back before the assessment began.
const PromotionAheadDays = 62

// Decision ends an assessment: the lead's choice among the recommendations, a
// reason when it differs from the rules', and for a promotion its date and the
// reason written to the grade history.
type Decision struct {
	Choice         string // competency.Promote, Develop or Concern
	OverrideReason string
	PromotionDate  time.Time
	PromotionNote  string
}

// FinishAssessment records the outcome once every competency is observed. A
// promotion moves the person to the next grade from its date, in the same
// transaction: the grade history gets the change, and the workload uses the new
// grade's capacity from that date.
func (s *Store) FinishAssessment(ctx context.Context, id int64, d Decision) error {
	view, err := s.AssessmentView(ctx, id)
	if err != nil {
		return err
	}
	var ch checker
	ch.oneOf("decision", d.Choice, []string{competency.Promote, competency.Develop, competency.Concern})
	if !view.AllObserved {
		ch.add("assessment", "levels_missing")
	}
	if d.Choice != view.Outcome.Advice && strings.TrimSpace(d.OverrideReason) == "" {
		ch.add("override_reason", "required")
	}
	if d.Choice == competency.Promote && view.Next.ID == 0 {
		ch.add("decision", "no_next_grade")
	}
	if d.Choice == competency.Promote && !d.PromotionDate.IsZero() && (d.PromotionDate.Before(view.StartedOn) ||
		d.PromotionDate.After(s.Today().AddDate(0, 0, PromotionAheadDays))) {
		ch.add("grade_date", "promotion_date", "Days", PromotionAheadDays)
	}
	if err := ch.err(); err != nil {
		return err
	}
	return s.Update(ctx, func(t *Tx) error {
		if err := checkUnfinished(t.ctx, t.tx, id, &ch); err != nil {
			return err
		}
		if err := ch.err(); err != nil {
			return err
		}
		var promotedTo, promotedOn any
		if d.Choice == competency.Promote {
			if err := t.promote(view, d); err != nil {
				return err
			}
			promotedTo, promotedOn = view.Next.ID, dateValue(d.PromotionDate)
		}
		reason := ""
		if d.Choice != view.Outcome.Advice {
			reason = strings.TrimSpace(d.OverrideReason)
		}
		return execOne(t.ctx, t.tx, `UPDATE assessments SET finished_on = ?, recommendation = ?, decision = ?,
			override_reason = ?, promoted_to = ?, promoted_on = ? WHERE id = ?`, dateValue(t.Today()),
			view.Outcome.Advice, d.Choice, reason, promotedTo, promotedOn, id)
	})
}

// promote moves the assessed person to the next grade from the promotion's date.
func (t *Tx) promote(v AssessmentView, d Decision) error {
	p, err := getStaff(t.ctx, t.tx, v.StaffID)
	if err != nil {
		return err
	}
	if p.GradeID != v.GradeID { // the grade changed since the assessment began
		var ch checker
		ch.add("decision", "grade_changed")
		return ch.err()
	}
	p.GradeID = v.Next.ID
	_, err = t.SaveStaff(p, GradeChange{Date: d.PromotionDate, Reason: d.PromotionNote})
	return err
}

// AssessmentDueMonths is how often a person should be assessed.
const AssessmentDueMonths = 6

// DuePerson is a working person with their last finished assessment and why one
// is due now ("" when it is not).
type DuePerson struct {
	StaffID       int64
	Name          string
	Grade         GradeLevel
	Hired         time.Time
	LastAssessed  time.Time // zero: never
	Underway      int64     // an unfinished assessment (0: none)
	ReadyInReview bool      // a final review since the last assessment marked them ready
	Reason        string    // "never", "overdue", "ready" or ""
	DueOn         time.Time // when the next one is due (zero: now)
}

// AssessmentsDue lists everyone at work with when they were last assessed, those
// due first: never assessed, assessed more than AssessmentDueMonths ago, or marked
// ready for the next grade in a review since.
func (s *Store) AssessmentsDue(ctx context.Context) ([]DuePerson, error) {
	today := s.Today()
	var out []DuePerson
	err := s.EachRow(ctx, `SELECT p.id, p.full_name, `+gradeColumns+`, p.hire_date,
			(SELECT max(a.finished_on) FROM assessments a WHERE a.staff_id = p.id AND a.finished_on IS NOT NULL),
			coalesce((SELECT a.id FROM assessments a WHERE a.staff_id = p.id AND a.finished_on IS NULL), 0),
			EXISTS (SELECT 1 FROM reviews v WHERE v.staff_id = p.id AND v.status = 'final' AND v.promotion_ready = 1
				AND v.finalized_on > coalesce((SELECT max(a.finished_on) FROM assessments a WHERE a.staff_id = p.id), ''))
		FROM staff p JOIN grade_levels g ON g.id = p.grade_id WHERE p.status <> 'left' ORDER BY p.search_key`, nil,
		func(r *sql.Rows) error {
			var d DuePerson
			if err := r.Scan(append(append([]any{&d.StaffID, &d.Name}, gradeScanArgs(&d.Grade)...),
				scanTime(&d.Hired), scanTime(&d.LastAssessed), &d.Underway, &d.ReadyInReview)...); err != nil {
				return err
			}
			d.Reason, d.DueOn = dueReason(d, today)
			out = append(out, d)
			return nil
		})
	slices.SortStableFunc(out, func(a, b DuePerson) int { return cmp.Compare(dueRank(a), dueRank(b)) })
	return out, err
}

// dueReason says why an assessment is due, and from when: AssessmentDueMonths
// after the last one, or after joining for someone never assessed.
func dueReason(d DuePerson, today time.Time) (string, time.Time) {
	if d.ReadyInReview {
		return "ready", time.Time{}
	}
	due := d.LastAssessed.AddDate(0, AssessmentDueMonths, 0)
	switch {
	case d.LastAssessed.IsZero() && !d.Hired.AddDate(0, AssessmentDueMonths, 0).After(today):
		return "never", time.Time{}
	case d.LastAssessed.IsZero():
		return "", d.Hired.AddDate(0, AssessmentDueMonths, 0)
	case !due.After(today):
		return "overdue", due
	}
	return "", due
}

// dueRank puts the people due first: ready, then overdue, then never assessed.
func dueRank(d DuePerson) int {
	switch d.Reason {
	case "ready":
		return 0
	case "overdue":
		return 1
	case "never":
		return 2
	}
	return 3
}
