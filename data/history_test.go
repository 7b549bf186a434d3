package data

import (
	"math"
	"testing"
)

// A corrected hire or start date may not leave work recorded before it.
func TestDatesMayNotMoveAfterTheHistory(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Орлова Вера") // hired 2022-02-01
	client := seedClient(t, s, "Ромашка", lead)

	p, _ := s.GetStaff(tctx, lead)
	p.HireDate = Day(2024, 1, 1) // after the client was taken on in 2023
	expectInvalid(t, s, "hire_date", "after_date", func() error {
		_, err := s.SaveStaff(tctx, p, GradeChange{})
		return err
	})

	c, _ := s.GetClient(tctx, client)
	c.StartDate = Day(2025, 6, 1) // after the lead's assignment began
	expectInvalid(t, s, "start_date", "after_date", func() error {
		_, err := s.SaveClient(tctx, c, ClientTeam{LeadID: lead})
		return err
	})
}

// An earlier hire date moves the first line of the grade history with it.
func TestEarlierHireDateMovesTheHiringLine(t *testing.T) {
	s := openScratchStore(t)
	id := seedPerson(t, s, "Орлова Вера")
	p, _ := s.GetStaff(tctx, id)
	p.HireDate = Day(2021, 9, 1)
	if _, err := s.SaveStaff(tctx, p, GradeChange{}); err != nil {
		t.Fatal(err)
	}
	d, err := s.StaffDetail(tctx, id)
	if err != nil {
		t.Fatal(err)
	}
	first := d.GradeHistory[len(d.GradeHistory)-1]
	if first.From.ID != 0 || !first.Date.Equal(Day(2021, 9, 1)) {
		t.Errorf("hiring line %+v", first)
	}
}

// NaN slips through comparisons; the checks must refuse it explicitly.
func TestNotANumberIsRefused(t *testing.T) {
	s := openScratchStore(t)
	p := samplePerson(t, s, "Орлова Вера")
	p.FTE = math.NaN()
	expectInvalid(t, s, "fte", "range", func() error {
		_, err := s.SaveStaff(tctx, p, GradeChange{})
		return err
	})
	client := seedClient(t, s, "Ромашка", seedPerson(t, s, "Иванов Иван"))
	k := sampleContract(client, "АМ-1")
	k.SLAHours = math.NaN()
	expectInvalid(t, s, "sla_hours", "range", func() error {
		_, err := s.SaveContract(tctx, k)
		return err
	})
	k.SLAHours = 0.25
	expectInvalid(t, s, "sla_hours", "range", func() error {
		_, err := s.SaveContract(tctx, k)
		return err
	})
	grades, _ := s.Grades(tctx)
	g := grades[0]
	g.Rank = 100
	expectInvalid(t, s, "rank", "range", func() error {
		_, err := s.SaveGrade(tctx, g)
		return err
	})
	g.Rank, g.Capacity = 1, math.Inf(1)
	expectInvalid(t, s, "capacity", "negative", func() error {
		_, err := s.SaveGrade(tctx, g)
		return err
	})
}
