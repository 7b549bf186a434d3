package data

import "testing"

func TestFeedbackValidationAndList(t *testing.T) {
	s := openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова")
	depts, err := s.Departments(tctx)
	if err != nil || len(depts) != 4 {
		t.Fatalf("departments %v, %v", depts, err)
	}
	if _, err := s.SaveDepartment(tctx, Department{Name: " креатив "}); !hasField(err, "name", "duplicate") {
		t.Errorf("a second «Креатив»: %v", err)
	}
	good := Feedback{StaffID: anna, DepartmentID: depts[0].ID, On: Day(2026, 3, 2), Author: "Олег, закупка",
		Handoff: 4, Briefs: 5, Comment: "Брифы полные, сроки соблюдаются"}
	if _, err := s.SaveFeedback(tctx, good); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		edit        func(f *Feedback)
		field, code string
	}{
		{func(f *Feedback) { f.Handoff, f.Briefs, f.Comment = 0, 0, "" }, "handoff", "feedback_empty"},
		{func(f *Feedback) { f.Deadlines = 6 }, "deadlines", "range"},
		{func(f *Feedback) { f.On = Day(2030, 1, 1) }, "on", "in_future"},
		{func(f *Feedback) { f.DepartmentID = 999 }, "department", "invalid_choice"},
		{func(f *Feedback) { f.StaffID = 0 }, "staff", "required"},
	} {
		f := good
		c.edit(&f)
		expectInvalid(t, s, c.field, c.code, func() error {
			_, err := s.SaveFeedback(tctx, f)
			return err
		})
	}
	list, err := s.FeedbackOf(tctx, anna)
	if err != nil || len(list) != 1 || list[0].Briefs != 5 || list[0].Deadlines != 0 {
		t.Errorf("feedback %+v, %v", list, err)
	}
}
