package grades_test

import (
	"context"
	"testing"

	"leadboard/data/grades"
	"leadboard/data/internal/benchdb"
)

// The team's grade views on the large demo (200 people at work, about 450
// assessments with 17 levels each), against the sqlite3 shell reading the same rows.

// BenchmarkLatestAssessments reads everyone's latest assessment with its levels and
// computes fit, readiness and the recommendation ("go"); the floor reads the same
// assessments and levels ("cli").
func BenchmarkLatestAssessments(b *testing.B) {
	s := benchdb.Store(b)
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.LatestAssessments(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cli", func(b *testing.B) { benchdb.CLI(b, latestFloor) })
}

// BenchmarkAssessmentsDue lists who is due an assessment.
func BenchmarkAssessmentsDue(b *testing.B) {
	s := benchdb.Store(b)
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.AssessmentsDue(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cli", func(b *testing.B) { benchdb.CLI(b, dueFloor) })
}

// BenchmarkDistribution counts the people by grade and team.
func BenchmarkDistribution(b *testing.B) {
	s := benchdb.Store(b)
	for b.Loop() {
		if _, err := grades.DistributionOf(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

const latestFloor = `WITH latest AS (SELECT a.id, a.staff_id FROM assessments a JOIN staff p ON p.id = a.staff_id
	WHERE p.status <> 'left' AND a.id = (SELECT b.id FROM assessments b WHERE b.staff_id = a.staff_id
		AND b.finished_on IS NOT NULL ORDER BY b.finished_on DESC, b.id DESC LIMIT 1))
SELECT l.staff_id, c.code, x.observed FROM latest l JOIN assessment_levels x ON x.assessment_id = l.id
	JOIN competencies c ON c.id = x.competency_id;`

const dueFloor = `SELECT p.id, (SELECT max(a.finished_on) FROM assessments a WHERE a.staff_id = p.id),
	(SELECT count(*) FROM reviews v WHERE v.staff_id = p.id AND v.promotion_ready = 1)
FROM staff p WHERE p.status <> 'left';`
