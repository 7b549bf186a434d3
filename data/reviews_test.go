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
		for n := range 5 {
			out[i].AnchorsRU[n], out[i].AnchorsEN[n] = "Описание оценки", "What it looks like"
		}
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

func TestAGradeWithoutTemplateGetsItsDefault(t *testing.T) {
	s := openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова") // a middle: no template yet
	cycle, err := s.SaveCycle(tctx, ReviewCycle{Name: "Полугодие", From: Day(2026, 1, 1), To: Day(2026, 6, 30),
		Due: Day(2026, 7, 31), Status: CycleOpen})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddParticipants(tctx, cycle, []int64{anna}); err != nil {
		t.Fatal(err)
	}
	tpl, err := s.CurrentTemplate(tctx, gradeIDByCode(t, s, "middle"))
	if err != nil || tpl.Version != 1 || len(tpl.Criteria) != 7 || tpl.Criteria[0].AnchorsRU[4] == "" ||
		len(tpl.Criteria[0].Evidence) == 0 {
		t.Fatalf("middle template %+v, %v", tpl, err)
	}
	sum := 0
	for _, c := range tpl.Criteria {
		sum += c.Weight
	}
	if sum != 100 {
		t.Errorf("the default weights add up to %d", sum)
	}
}

func TestACycleKeepsItsVersionForLateComers(t *testing.T) {
	s, review, _ := reviewFixture(t)
	cycle := int64(countRows(t, s, `SELECT cycle_id FROM reviews WHERE id = ?`, review))
	first := countRows(t, s, `SELECT template_id FROM reviews WHERE id = ?`, review)
	if _, err := s.SaveTemplate(tctx, gradeIDByCode(t, s, "middle"), threeCriteria(50, 25, 25)); err != nil {
		t.Fatal(err)
	}
	boris := seedPerson(t, s, "Борис Быков")
	if err := s.AddParticipants(tctx, cycle, []int64{boris}); err != nil {
		t.Fatal(err)
	}
	if got := countRows(t, s, `SELECT template_id FROM reviews WHERE staff_id = ?`, boris); got != first {
		t.Errorf("a late comer was reviewed on template %d, the cycle's is %d", got, first)
	}
}

func TestClosedCycleIsReadOnly(t *testing.T) {
	s, review, k := reviewFixture(t)
	cycle := int64(countRows(t, s, `SELECT cycle_id FROM reviews WHERE id = ?`, review))
	if _, err := s.SaveCycle(tctx, ReviewCycle{ID: cycle, Name: "Итоги 2025 года", From: Day(2025, 1, 1),
		To: Day(2025, 12, 31), Due: Day(2026, 2, 1), Status: CycleClosed}); err != nil {
		t.Fatal(err)
	}
	expectInvalid(t, s, "review", "cycle_closed", func() error {
		return s.SaveRatings(tctx, review, false, []Rating{{k[0].ID, 4, ""}})
	})
	boris := seedPerson(t, s, "Борис Быков")
	expectInvalid(t, s, "cycle", "cycle_closed", func() error { return s.AddParticipants(tctx, cycle, []int64{boris}) })
	expectInvalid(t, s, "from", "closed_period", func() error {
		_, err := s.SaveCycle(tctx, ReviewCycle{ID: cycle, Name: "Итоги 2025 года", From: Day(2025, 2, 1),
			To: Day(2025, 12, 31), Due: Day(2026, 2, 1), Status: CycleClosed})
		return err
	})
}

func TestTakingBackARating(t *testing.T) {
	s, review, k := reviewFixture(t)
	if err := s.SaveRatings(tctx, review, true, []Rating{{k[0].ID, 4, "Сама считаю так"}}); err != nil {
		t.Fatal(err)
	}
	// The window sends self-ratings without comments: the person's comment stays.
	if err := s.SaveReview(tctx, review, []Rating{{k[0].ID, 3, ""}}, []Rating{{k[0].ID, 5, ""}}, ReviewNotes{}); err != nil {
		t.Fatal(err)
	}
	v, _ := s.Review(tctx, review)
	if v.Self[k[0].ID].Rating != 5 || v.Self[k[0].ID].Comment != "Сама считаю так" || !v.SelfDone {
		t.Fatalf("self %+v", v.Self)
	}
	if err := s.SaveReview(tctx, review, []Rating{{k[0].ID, NotRated, ""}}, []Rating{{k[0].ID, NotRated, ""}},
		ReviewNotes{}); err != nil {
		t.Fatal(err)
	}
	v, _ = s.Review(tctx, review)
	if len(v.Lead) != 0 || len(v.Self) != 0 || v.SelfDone {
		t.Errorf("after taking back: lead %v, self %v, self done %v", v.Lead, v.Self, v.SelfDone)
	}
	expectInvalid(t, s, "review", "review_not_final", func() error { return s.ReopenReview(tctx, review, "Ошибка") })
}

func TestCriteriaNeedAnchors(t *testing.T) {
	s := openScratchStore(t)
	c := threeCriteria(40, 30, 30)
	c[1].AnchorsEN[2] = ""
	expectInvalid(t, s, "criteria", "criterion_anchors", func() error {
		_, err := s.SaveTemplate(tctx, gradeIDByCode(t, s, "middle"), c)
		return err
	})
}
