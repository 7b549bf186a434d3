package data

import (
	"math"
	"testing"
	"time"

	"leadboard/data/competency"
)

func TestMatrixValidation(t *testing.T) {
	s := openScratchStore(t)
	grades, _ := s.Grades(tctx)
	m := DefaultMatrix(grades)
	if err := ValidateMatrix(m, grades); err != nil {
		t.Fatalf("the default matrix: %v", err)
	}
	missing := DefaultMatrix(grades)
	delete(missing[0].Levels, grades[2].ID)
	expectInvalid(t, s, "competencies", "level_missing", func() error { _, err := s.SaveMatrix(tctx, missing); return err })
	high := DefaultMatrix(grades)
	l := high[1].Levels[grades[0].ID]
	l.Required = 5
	high[1].Levels[grades[0].ID] = l
	expectInvalid(t, s, "competencies", "range", func() error { _, err := s.SaveMatrix(tctx, high); return err })
	twins := DefaultMatrix(grades)
	twins[1].Code = twins[0].Code
	expectInvalid(t, s, "competencies", "competency_code", func() error { _, err := s.SaveMatrix(tctx, twins); return err })
	id, err := s.SaveMatrix(tctx, m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.CurrentMatrix(tctx)
	if err != nil || got.ID != id || got.Version != 1 || len(got.Competencies) != len(m) ||
		got.Competencies[0].Levels[grades[3].ID].ExpectationRU == "" {
		t.Fatalf("matrix %+v, %v", got.Version, err)
	}
}

// assessAll observes every competency at the level given by level(required now,
// required next).
func assessAll(t *testing.T, s *Store, id int64, level func(cur, next int) int) AssessmentView {
	t.Helper()
	v, err := s.AssessmentView(tctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range v.Matrix.Competencies {
		o := v.Observations[i]
		if err := s.SaveObservation(tctx, id, c.ID, Observed{Level: level(o.Current, o.Next), Note: "Видно по отчётам"},
			i+1); err != nil {
			t.Fatal(err)
		}
	}
	v, err = s.AssessmentView(tctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestAnAssessmentResumesWhereItStopped(t *testing.T) {
	s := openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова")
	id, err := s.StartAssessment(tctx, anna)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := s.AssessmentView(tctx, id)
	first := v.Matrix.Competencies[0]
	if err := s.SaveObservation(tctx, id, first.ID, Observed{Level: 3, Note: "Отвечает в срок"}, 1); err != nil {
		t.Fatal(err)
	}
	expectInvalid(t, s, "level", "range", func() error { return s.SaveObservation(tctx, id, first.ID, Observed{Level: 5}, 1) })
	again, err := s.StartAssessment(tctx, anna)
	if err != nil || again != id {
		t.Fatalf("started %d again, want %d to resume: %v", again, id, err)
	}
	v, _ = s.AssessmentView(tctx, id)
	if v.Step != 1 || v.Observed[first.ID].Note != "Отвечает в срок" || v.AllObserved || v.Matrix.Version != 1 {
		t.Fatalf("resumed at step %d with %+v", v.Step, v.Observed)
	}
	expectInvalid(t, s, "assessment", "levels_missing", func() error {
		return s.FinishAssessment(tctx, id, Decision{Choice: competency.Develop})
	})
}

func TestAPromotionIsWrittenToTheGradeHistory(t *testing.T) {
	s := openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова") // a middle since 2022
	id, _ := s.StartAssessment(tctx, anna)
	v := assessAll(t, s, id, func(cur, next int) int { return next })
	if v.Outcome.Fit != 100 || v.Outcome.Readiness != 100 || v.Outcome.Advice != competency.Promote ||
		v.Next.Code != "senior" {
		t.Fatalf("outcome %+v, next %s", v.Outcome, v.Next.Code)
	}
	expectInvalid(t, s, "override_reason", "required", func() error {
		return s.FinishAssessment(tctx, id, Decision{Choice: competency.Develop})
	})
	early := Decision{Choice: competency.Promote, PromotionDate: s.Today().AddDate(-1, 0, 0), PromotionNote: "Итоги"}
	expectInvalid(t, s, "grade_date", "promotion_date", func() error { return s.FinishAssessment(tctx, id, early) })
	on := s.Today()
	d := Decision{Choice: competency.Promote, PromotionDate: on, PromotionNote: "Итоги оценки, февраль 2026"}
	if err := s.FinishAssessment(tctx, id, d); err != nil {
		t.Fatal(err)
	}
	p, _ := s.GetStaff(tctx, anna)
	if p.GradeID != gradeIDByCode(t, s, "senior") {
		t.Errorf("grade %d after the promotion", p.GradeID)
	}
	if n := countRows(t, s, `SELECT count(*) FROM grade_history WHERE staff_id = ? AND changed_on = ?
		AND from_grade_id = ? AND to_grade_id = ? AND reason = 'Итоги оценки, февраль 2026'`, anna, on.Format(DateLayout),
		gradeIDByCode(t, s, "middle"), gradeIDByCode(t, s, "senior")); n != 1 {
		t.Errorf("%d grade changes recorded", n)
	}
	a, _ := s.Assessment(tctx, id)
	if !a.Finished() || a.Decision != competency.Promote || a.PromotedTo != p.GradeID || !a.PromotedOn.Equal(on) {
		t.Errorf("assessment %+v", a)
	}
	expectInvalid(t, s, "assessment", "assessment_finished", func() error {
		return s.SaveObservation(tctx, id, v.Matrix.Competencies[0].ID, Observed{Level: 1}, 0)
	})
}

func TestOverridingTheRulesNeedsAReason(t *testing.T) {
	s := openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова")
	id, _ := s.StartAssessment(tctx, anna)
	v := assessAll(t, s, id, func(cur, next int) int { return max(1, cur-2) })
	if v.Outcome.Advice != competency.Concern || v.Outcome.Fit >= 80 || math.IsNaN(v.Outcome.Readiness) {
		t.Fatalf("outcome %+v", v.Outcome)
	}
	if err := s.FinishAssessment(tctx, id, Decision{Choice: competency.Develop,
		OverrideReason: "Первые полгода после перехода из другого агентства"}); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Assessment(tctx, id)
	if a.Recommendation != competency.Concern || a.Decision != competency.Develop || a.OverrideReason == "" {
		t.Errorf("assessment %+v", a)
	}
	due, err := s.AssessmentsDue(tctx)
	if err != nil || len(due) != 1 || due[0].Reason != "" || due[0].DueOn.IsZero() {
		t.Errorf("due %+v, %v", due, err)
	}
}

func TestPlansFromAnAssessmentAndAReview(t *testing.T) {
	s := openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова")
	id, _ := s.StartAssessment(tctx, anna)
	v := assessAll(t, s, id, func(cur, next int) int {
		if cur > 2 {
			return cur - 1 // short of the current grade where it asks for 3 or more
		}
		return cur
	})
	expectInvalid(t, s, "assessment", "assessment_unfinished", func() error {
		_, err := s.PlanFromAssessment(tctx, id, Day(2026, 6, 30))
		return err
	})
	if err := s.FinishAssessment(tctx, id, Decision{Choice: v.Outcome.Advice}); err != nil {
		t.Fatal(err)
	}
	short := 0
	for _, g := range v.Outcome.Gaps {
		if g.Current > 0 {
			short++
		}
	}
	n, err := s.PlanFromAssessment(tctx, id, Day(2026, 6, 30))
	if err != nil || n != short || short == 0 {
		t.Fatalf("%d items for %d gaps: %v", n, short, err)
	}
	if again, _ := s.PlanFromAssessment(tctx, id, Day(2026, 6, 30)); again != 0 {
		t.Errorf("%d items made twice", again)
	}
	s2, review, _ := reviewFixture(t)
	if err := s2.SaveReviewNotes(tctx, review, ReviewNotes{Goals: "1. Вести двух клиентов категории A\n\n- Пройти курс по медиапланированию\n100 % отчётов в срок"}); err != nil {
		t.Fatal(err)
	}
	if n, err := s2.PlanFromReview(tctx, review, Day(2026, 9, 30)); err != nil || n != 3 {
		t.Fatalf("%d items from the review's goals: %v", n, err)
	}
	items, _ := s2.PlanItems(tctx, int64(countRows(t, s2, `SELECT staff_id FROM reviews WHERE id = ?`, review)))
	if len(items) != 3 || items[0].Goal != "Вести двух клиентов категории A" || items[2].Goal != "100 % отчётов в срок" ||
		items[1].Source != "review" {
		t.Errorf("items %+v", items)
	}
	items[0].Status = "done"
	if _, err := s2.SavePlanItem(tctx, items[0]); err != nil {
		t.Fatal(err)
	}
	s2.now = func() time.Time { return Day(2026, 10, 15) }
	if overdue, people, err := s2.OverduePlanItems(tctx); err != nil || overdue != 2 || people != 1 {
		t.Errorf("overdue %d of %d people: %v", overdue, people, err)
	}
	expectInvalid(t, s2, "action", "invalid_choice", func() error {
		_, err := s2.SavePlanItem(tctx, PlanItem{StaffID: items[0].StaffID, Goal: "Цель", Action: "party",
			Due: Day(2026, 1, 1), Status: "planned"})
		return err
	})
}

func TestTrainingsAndAttendance(t *testing.T) {
	s := openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова")
	id, err := s.SaveTraining(tctx, Training{Title: "Медиапланирование для аккаунтов", Provider: "Нетология", Hours: 16,
		Competencies: []string{"kpi_budget", "briefs", "kpi_budget"}})
	if err != nil {
		t.Fatal(err)
	}
	expectInvalid(t, s, "title", "duplicate", func() error {
		_, err := s.SaveTraining(tctx, Training{Title: "медиапланирование для аккаунтов", Hours: 2})
		return err
	})
	expectInvalid(t, s, "hours", "positive", func() error {
		_, err := s.SaveTraining(tctx, Training{Title: "Переговоры", Hours: 0})
		return err
	})
	list, _ := s.Trainings(tctx)
	if len(list) != 1 || len(list[0].Competencies) != 2 {
		t.Fatalf("catalogue %+v", list)
	}
	if _, err := s.SaveAttendance(tctx, Attendance{TrainingID: id, StaffID: anna, On: Day(2026, 2, 10), Completed: true}); err != nil {
		t.Fatal(err)
	}
	expectInvalid(t, s, "on", "in_future", func() error {
		_, err := s.SaveAttendance(tctx, Attendance{TrainingID: id, StaffID: anna, On: s.Today().AddDate(0, 0, 3)})
		return err
	})
	if got, _ := s.AttendanceOf(tctx, anna); len(got) != 1 || !got[0].Completed {
		t.Errorf("attendance %+v", got)
	}
}

func TestAGradeTheMatrixLacksStopsAssessments(t *testing.T) {
	s := openScratchStore(t)
	anna, boris := seedPerson(t, s, "Анна Акимова"), seedPerson(t, s, "Борис Быков")
	if _, err := s.StartAssessment(tctx, anna); err != nil { // writes the default matrix
		t.Fatal(err)
	}
	if _, err := s.SaveGrade(tctx, GradeLevel{Code: "head", NameRU: "Руководитель отдела", NameEN: "Head of department",
		Rank: 5, Capacity: 6}); err != nil {
		t.Fatal(err)
	}
	expectInvalid(t, s, "assessment", "matrix_outdated", func() error {
		_, err := s.StartAssessment(tctx, boris)
		return err
	})
	// Someone who joined recently is due six months after joining, not at once.
	p, _ := s.GetStaff(tctx, boris)
	p.HireDate = s.Today().AddDate(0, -1, 0)
	if _, err := s.SaveStaff(tctx, p, GradeChange{}); err != nil {
		t.Fatal(err)
	}
	due, _ := s.AssessmentsDue(tctx)
	for _, d := range due {
		if d.StaffID == boris && (d.Reason != "" || !d.DueOn.Equal(p.HireDate.AddDate(0, 6, 0))) {
			t.Errorf("a newcomer: %+v", d)
		}
	}
}
