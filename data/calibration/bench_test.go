package calibration_test

import (
	"context"
	"fmt"
	"testing"

	"leadboard/data"
	"leadboard/data/calibration"
	"leadboard/data/internal/benchdb"
)

// The review views on the large demo (200 managers, three cycles of about 200
// reviews each), against the sqlite3 shell reading the same rows.

// latestClosed is the cycle the views open on.
func latestClosed(b *testing.B, s *data.Store) int64 {
	b.Helper()
	cycles, err := s.ReviewCycles(context.Background())
	if err != nil || len(cycles) == 0 {
		b.Fatalf("cycles %v, %v", cycles, err)
	}
	return calibration.DefaultCycle(cycles)
}

// BenchmarkResults reads one cycle's reviews with every rating and draws nothing
// ("go"); the floor reads the same reviews and ratings in the shell ("cli").
func BenchmarkResults(b *testing.B) {
	s := benchdb.Store(b)
	cycle := latestClosed(b, s)
	b.Run("go", func(b *testing.B) {
		var r calibration.Results
		for b.Loop() {
			var err error
			if r, err = calibration.Load(context.Background(), s, cycle); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(r.Reviews)), "reviews")
	})
	b.Run("cli", func(b *testing.B) { benchdb.CLI(b, fmt.Sprintf(resultsFloor, cycle, cycle)) })
}

// BenchmarkParticipants lists a cycle's reviews and where each stands.
func BenchmarkParticipants(b *testing.B) {
	s := benchdb.Store(b)
	cycle := latestClosed(b, s)
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.CycleParticipants(context.Background(), cycle); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cli", func(b *testing.B) { benchdb.CLI(b, fmt.Sprintf(participantsFloor, cycle)) })
}

// BenchmarkHistory reads every cycle's reviews and builds the score history.
func BenchmarkHistory(b *testing.B) {
	s := benchdb.Store(b)
	for b.Loop() {
		all, err := calibration.Load(context.Background(), s, 0)
		if err != nil {
			b.Fatal(err)
		}
		all.History(all.DefaultHistoryPeople())
	}
}

const resultsFloor = `SELECT v.id, p.full_name, g.code, v.score, v.potential FROM reviews v
	JOIN staff p ON p.id = v.staff_id JOIN grade_levels g ON g.id = p.grade_id WHERE v.cycle_id = %d;
SELECT r.review_id, k.code, r.by_self, r.rating FROM review_ratings r JOIN reviews v ON v.id = r.review_id
	JOIN review_criteria k ON k.id = r.criterion_id WHERE v.cycle_id = %d;`

const participantsFloor = `SELECT v.id, p.full_name, v.status, v.self_done, v.score,
	(SELECT count(*) FROM review_criteria k WHERE k.template_id = v.template_id),
	(SELECT count(*) FROM review_ratings r WHERE r.review_id = v.id AND r.by_self = 0)
FROM reviews v JOIN staff p ON p.id = v.staff_id WHERE v.cycle_id = %d;`
