package data

import (
	"math"
	"testing"
)

func threeCriteria(weights ...int) []ReviewCriterion {
	codes := []string{"communication", "reporting", "development"}
	out := make([]ReviewCriterion, len(weights))
	for i, w := range weights {
		out[i] = ReviewCriterion{Code: codes[i], NameRU: "Критерий " + codes[i], NameEN: "Criterion " + codes[i], Weight: w}
	}
	return out
}

func TestTemplateValidation(t *testing.T) {
	s := openScratchStore(t)
	middle := gradeIDByCode(t, s, "middle")
	expectInvalid(t, s, "weights", "weights_sum", func() error {
		_, err := s.SaveTemplate(tctx, middle, threeCriteria(40, 30, 20))
		return err
	})
	unnamed := threeCriteria(40, 30, 30)
	unnamed[1].NameRU = " "
	expectInvalid(t, s, "criteria", "criterion_unnamed", func() error {
		_, err := s.SaveTemplate(tctx, middle, unnamed)
		return err
	})
	twins := threeCriteria(40, 30, 30)
	twins[2].Code = twins[0].Code
	expectInvalid(t, s, "criteria", "criterion_code", func() error {
		_, err := s.SaveTemplate(tctx, middle, twins)
		return err
	})
	expectInvalid(t, s, "criteria", "required", func() error {
		_, err := s.SaveTemplate(tctx, middle, nil)
		return err
	})
}

// reviewFixture: Анна (middle) in a cycle on template version 1.
func reviewFixture(t *testing.T) (s *Store, review int64, criteria []ReviewCriterion) {
	s = openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова")
	tmpl, err := s.SaveTemplate(tctx, gradeIDByCode(t, s, "middle"), threeCriteria(40, 30, 30))
	if err != nil {
		t.Fatal(err)
	}
	cycle, err := s.SaveCycle(tctx, ReviewCycle{Name: "Итоги 2025 года", From: Day(2025, 1, 1), To: Day(2025, 12, 31),
		Due: Day(2026, 2, 1), Status: CycleOpen})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveCycle(tctx, ReviewCycle{Name: "итоги 2025 года", From: Day(2025, 1, 1), To: Day(2025, 12, 31),
		Due: Day(2026, 2, 1), Status: CycleOpen}); !hasField(err, "name", "duplicate") {
		t.Errorf("a second cycle of the same name: %v", err)
	}
	if err := s.AddParticipants(tctx, cycle, []int64{anna}); err != nil {
		t.Fatal(err)
	}
	review = int64(countRows(t, s, `SELECT id FROM reviews WHERE staff_id = ?`, anna))
	tpl, err := s.Template(tctx, tmpl)
	if err != nil || len(tpl.Criteria) != 3 || tpl.Version != 1 {
		t.Fatalf("template %+v, %v", tpl, err)
	}
	return s, review, tpl.Criteria
}

func TestReviewFinalizeRenormalisesAndLocks(t *testing.T) {
	s, review, k := reviewFixture(t)
	// Two of three rated: finalizing is refused, naming how many are missing.
	if err := s.SaveRatings(tctx, review, false, []Rating{{k[0].ID, 4, "Отвечает в срок"}, {k[1].ID, 0, ""}}); err != nil {
		t.Fatal(err)
	}
	expectInvalid(t, s, "ratings", "ratings_missing", func() error { return s.FinalizeReview(tctx, review) })
	if err := s.SaveRatings(tctx, review, false, []Rating{{k[2].ID, 5, ""}}); err != nil {
		t.Fatal(err)
	}
	if err := s.FinalizeReview(tctx, review); err != nil {
		t.Fatal(err)
	}
	// Reporting (30 %) is not applicable: (40×4 + 30×5) / 70.
	var score float64
	if err := s.read.QueryRow(`SELECT score FROM reviews WHERE id = ?`, review).Scan(&score); err != nil ||
		math.Abs(score-310.0/70) > 1e-9 {
		t.Fatalf("score %v, %v, want %v", score, err, 310.0/70)
	}
	// Final is read-only, for the lead and for the person.
	for _, self := range []bool{false, true} {
		expectInvalid(t, s, "review", "review_final", func() error {
			return s.SaveRatings(tctx, review, self, []Rating{{k[0].ID, 1, ""}})
		})
	}
	expectInvalid(t, s, "reason", "required", func() error { return s.ReopenReview(tctx, review, " ") })
	if err := s.ReopenReview(tctx, review, "Новые данные по жалобам"); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, `SELECT count(*) FROM review_reopenings WHERE review_id = ?`, review); n != 1 {
		t.Errorf("%d reopenings recorded", n)
	}
	if err := s.SaveRatings(tctx, review, true, []Rating{{k[0].ID, 5, "Считаю, что справилась"}}); err != nil {
		t.Errorf("a reopened review stays read-only: %v", err)
	}
}

func TestCycleKeepsItsTemplateVersion(t *testing.T) {
	s, review, _ := reviewFixture(t)
	if _, err := s.SaveTemplate(tctx, gradeIDByCode(t, s, "middle"), threeCriteria(50, 25, 25)); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, `SELECT t.version FROM reviews v JOIN review_templates t ON t.id = v.template_id
		WHERE v.id = ?`, review); n != 1 {
		t.Errorf("the review moved to template version %d", n)
	}
	if n := countRows(t, s, `SELECT max(version) FROM review_templates`); n != 2 {
		t.Errorf("latest version %d, want 2", n)
	}
}

func TestDefaultTemplatesForEveryGrade(t *testing.T) {
	s := openScratchStore(t)
	for range 2 { // a second call adds nothing
		if err := s.EnsureDefaultTemplates(tctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := countRows(t, s, `SELECT count(*) FROM review_templates`); n != 4 {
		t.Fatalf("%d templates, want one per grade", n)
	}
	if n := countRows(t, s, `SELECT sum(weight) FROM review_criteria k JOIN review_templates t ON t.id = k.template_id
		JOIN grade_levels g ON g.id = t.grade_id WHERE g.code = 'senior'`); n != 100 {
		t.Errorf("the senior template's weights add up to %d", n)
	}
	tpl, err := s.Template(tctx, int64(countRows(t, s, `SELECT t.id FROM review_templates t JOIN grade_levels g
		ON g.id = t.grade_id WHERE g.code = 'junior'`)))
	if err != nil || len(tpl.Criteria) != 7 || tpl.Criteria[0].AnchorsRU[4] == "" || len(tpl.Criteria[0].Evidence) == 0 {
		t.Errorf("junior template %+v, %v", tpl, err)
	}
}
