package data

import (
	"context"
	"database/sql"
	"time"

	"leadboard/data/competency"
)

// LatestAssessment is a person's most recent finished assessment with what it
// adds up to at the grade they hold now (after a promotion, against the new grade
// and the one above it), for the team views.
type LatestAssessment struct {
	AssessmentID, StaffID int64
	MatrixID              int64
	Name, Team            string
	Grade                 GradeLevel // held now
	AssessedAt            int64      // the grade id at the assessment
	FinishedOn            time.Time
	Decision              string
	Outcome               competency.Outcome
	Observed              map[string]int // by competency code
}

// latestFinished is the id of the latest finished assessment of a.staff_id.
const latestFinished = `(SELECT b.id FROM assessments b WHERE b.staff_id = a.staff_id AND b.finished_on IS NOT NULL
	ORDER BY b.finished_on DESC, b.id DESC LIMIT 1)`

// LatestAssessments reads the latest finished assessment of everyone at work, in
// a few queries whatever the size of the team: the assessments, their levels, and
// one per matrix version they used (usually one or two).
func (s *Store) LatestAssessments(ctx context.Context) ([]LatestAssessment, error) {
	var out []LatestAssessment
	index := map[int64]int{}
	matrices := map[int64]Matrix{}
	err := s.EachRow(ctx, `SELECT a.id, a.staff_id, p.full_name, p.team, `+gradeColumns+`, a.finished_on, a.decision,
			a.matrix_id, a.grade_id
		FROM assessments a JOIN staff p ON p.id = a.staff_id JOIN grade_levels g ON g.id = p.grade_id
		WHERE p.status <> 'left' AND a.id = `+latestFinished+`
		ORDER BY p.search_key`, nil, func(r *sql.Rows) error {
		var l LatestAssessment
		if err := r.Scan(append(append([]any{&l.AssessmentID, &l.StaffID, &l.Name, &l.Team}, gradeScanArgs(&l.Grade)...),
			scanTime(&l.FinishedOn), &l.Decision, &l.MatrixID, &l.AssessedAt)...); err != nil {
			return err
		}
		l.Observed = map[string]int{}
		matrices[l.MatrixID] = Matrix{}
		index[l.AssessmentID] = len(out)
		out = append(out, l)
		return nil
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	err = s.EachRow(ctx, `SELECT l.assessment_id, c.code, l.observed FROM assessment_levels l
		JOIN competencies c ON c.id = l.competency_id
		WHERE l.assessment_id IN (SELECT a.id FROM assessments a WHERE a.id = `+latestFinished+`)`, nil,
		func(r *sql.Rows) error {
			var id int64
			var code string
			var level int
			if err := r.Scan(&id, &code, &level); err != nil {
				return err
			}
			if i, ok := index[id]; ok {
				out[i].Observed[code] = level
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	ladder, err := s.Grades(ctx)
	if err != nil {
		return nil, err
	}
	for id := range matrices {
		if matrices[id], err = s.Matrix(ctx, id); err != nil {
			return nil, err
		}
	}
	for i := range out { // the outcome on the matrix each assessment used
		l := &out[i]
		m := matrices[l.MatrixID]
		_, next := GradeAndNext(ladder, l.Grade.ID)
		var obs []competency.Observation
		for _, c := range m.Competencies {
			obs = append(obs, competency.Observation{Code: c.Code, Current: c.Levels[l.Grade.ID].Required,
				Next: c.Levels[next.ID].Required, Observed: l.Observed[c.Code]})
		}
		l.Outcome = competency.Assess(obs)
	}
	return out, nil
}

// LatestAssessmentOf is the id of a person's latest finished assessment (0: none).
func (s *Store) LatestAssessmentOf(ctx context.Context, staffID int64) (int64, error) {
	var id int64
	err := s.read.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM assessments WHERE staff_id = ?
		AND finished_on = (SELECT max(finished_on) FROM assessments WHERE staff_id = ?)`, staffID, staffID).Scan(&id)
	return id, s.classify(err)
}
