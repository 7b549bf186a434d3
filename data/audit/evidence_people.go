package audit

import (
	"context"
	"database/sql"

	"leadboard/charts"
	"leadboard/data"
)

// The people's figures: reviews and assessments of the staff at work, the grade
// descriptions of the competency matrix, and other departments' feedback.

// Windows ending on the audit's day: a review counts for a year, an assessment for
// as long as the grades screen counts it before one is due again.
const (
	reviewMonths   = 12
	assessedMonths = data.AssessmentDueMonths
	feedbackMonths = 12
)

// staffFigures: of the staff at work on the day, those with a finished (final)
// review, and those with a finished assessment, in the months up to the day. A
// review reopened since is a draft again and does not count.
func staffFigures(ctx context.Context, s *data.Store, d auditDay) ([]Figure, error) {
	query := `SELECT count(*),
			coalesce(sum(EXISTS (SELECT 1 FROM reviews v WHERE v.staff_id = p.id AND v.status = 'final'
				AND date(v.finalized_on, ?2) > ?1 AND v.finalized_on <= ?1)), 0),
			coalesce(sum(EXISTS (SELECT 1 FROM assessments a WHERE a.staff_id = p.id
				AND date(a.finished_on, ?3) > ?1 AND a.finished_on <= ?1)), 0)
		FROM staff p WHERE ` + activeStaff
	var staff, reviewed, assessed int
	err := s.EachRow(ctx, query, []any{d.date, monthsLater(reviewMonths), monthsLater(assessedMonths)},
		func(r *sql.Rows) error { return r.Scan(&staff, &reviewed, &assessed) })
	if err != nil {
		return nil, err
	}
	return []Figure{Share(StaffReviewed, reviewed, staff), Share(StaffAssessed, assessed, staff)}, nil
}

// gradesDescribed: in the matrix in use on the day (the newest version created by
// then), the competency x grade pairs with an expectation written in both
// languages, out of every competency times every grade of the ladder.
func gradesDescribed(ctx context.Context, s *data.Store, d auditDay) ([]Figure, error) {
	f := None(GradesDescribed, charts.UnitPercent)
	err := s.EachRow(ctx, `SELECT
			(SELECT count(*) FROM competencies c WHERE c.matrix_id = m.id) * (SELECT count(*) FROM grade_levels),
			(SELECT count(*) FROM competency_levels l JOIN competencies c ON c.id = l.competency_id
				JOIN grade_levels g ON g.id = l.grade_id
				WHERE c.matrix_id = m.id AND trim(l.expectation_ru) <> '' AND trim(l.expectation_en) <> '')
		FROM competency_matrices m WHERE m.created_on <= ? ORDER BY m.version DESC LIMIT 1`, []any{d.date},
		func(r *sql.Rows) error {
			var pairs, written int
			if err := r.Scan(&pairs, &written); err != nil {
				return err
			}
			f = Share(GradesDescribed, written, pairs)
			return nil
		})
	return []Figure{f}, err
}

// departmentFeedback is the mean of every rating (hand-off, briefs, deadlines,
// communication) other departments gave anyone in the team in the 12 months up to
// the day; a rating left out is not counted, as in a person's own feedback figure.
func departmentFeedback(ctx context.Context, s *data.Store, d auditDay) ([]Figure, error) {
	var sum, n float64
	err := s.EachRow(ctx, `SELECT
			coalesce(sum(coalesce(handoff, 0) + coalesce(briefs, 0) + coalesce(deadlines, 0) + coalesce(communication, 0)), 0),
			coalesce(sum((handoff IS NOT NULL) + (briefs IS NOT NULL) + (deadlines IS NOT NULL)
				+ (communication IS NOT NULL)), 0)
		FROM feedback WHERE date(given_on, ?1) > ?2 AND given_on <= ?2`, []any{monthsLater(feedbackMonths), d.date},
		func(r *sql.Rows) error { return r.Scan(&sum, &n) })
	if err != nil {
		return nil, err
	}
	f := None(DepartmentFeedback, charts.UnitScore)
	if n > 0 {
		f.Value = sum / n
	}
	return []Figure{f}, nil
}
