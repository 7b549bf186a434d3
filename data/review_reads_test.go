package data

import (
	"math"
	"testing"
	"time"

	"leadboard/data/review"
)

func TestParticipantStatesFollowTheReview(t *testing.T) {
	s, id, k := reviewFixture(t)
	cycle := int64(countRows(t, s, `SELECT cycle_id FROM reviews WHERE id = ?`, id))
	state := func() Participant {
		t.Helper()
		people, err := s.CycleParticipants(tctx, cycle)
		if err != nil || len(people) != 1 {
			t.Fatalf("participants %+v, %v", people, err)
		}
		return people[0]
	}
	if p := state(); p.State() != StateNotStarted || p.Criteria != 3 || p.LeadRated != 0 || !math.IsNaN(p.Score) {
		t.Fatalf("a new review: %+v", p)
	}
	if err := s.SaveRatings(tctx, id, true, []Rating{{k[0].ID, 5, ""}}); err != nil {
		t.Fatal(err)
	}
	if p := state(); p.State() != StateSelfDone || !p.SelfDone {
		t.Fatalf("after the self-review: %+v", p)
	}
	notes := ReviewNotes{Strengths: " Держит сроки ", Goals: "Вести двух клиентов категории A", Potential: "high"}
	if err := s.SaveReview(tctx, id, []Rating{{k[0].ID, 4, "Отвечает в срок"}}, nil, notes); err != nil {
		t.Fatal(err)
	}
	if p := state(); p.State() != StateInProgress || p.LeadRated != 1 || p.Potential != "high" {
		t.Fatalf("after one lead rating: %+v", p)
	}
	expectInvalid(t, s, "potential", "invalid_choice", func() error {
		return s.SaveReview(tctx, id, nil, nil, ReviewNotes{Potential: "huge"})
	})
	if err := s.SaveRatings(tctx, id, false, []Rating{{k[1].ID, 0, ""}, {k[2].ID, 3, ""}}); err != nil {
		t.Fatal(err)
	}
	if err := s.FinalizeReview(tctx, id); err != nil {
		t.Fatal(err)
	}
	// (40×4 + 30×3) / 70: the not-applicable 30 % shared out.
	if p := state(); p.State() != StateFinal || math.Abs(p.Score-250.0/70) > 1e-9 {
		t.Fatalf("final: %+v", p)
	}
	v, err := s.Review(tctx, id)
	if err != nil || !v.Final || v.Notes.Strengths != "Держит сроки" || v.Lead[k[0].ID].Comment != "Отвечает в срок" ||
		v.Self[k[0].ID].Rating != 5 || v.Lead[k[1].ID].Rating != 0 || len(v.Reopenings) != 0 {
		t.Fatalf("review %+v, %v", v, err)
	}
	expectInvalid(t, s, "review", "review_final", func() error {
		return s.SaveReview(tctx, id, nil, nil, ReviewNotes{Potential: "low"})
	})
	cycles, err := s.ReviewCycles(tctx)
	if err != nil || len(cycles) != 1 || cycles[0].Participants != 1 || cycles[0].Final != 1 ||
		cycles[0].Overdue(Day(2030, 1, 1)) {
		t.Fatalf("cycles %+v, %v", cycles, err)
	}
}

func TestReviewResultsByCriterionCode(t *testing.T) {
	s, id, k := reviewFixture(t)
	if err := s.SaveReview(tctx, id, []Rating{{k[0].ID, 4, ""}, {k[1].ID, 0, ""}, {k[2].ID, 2, ""}},
		[]Rating{{k[0].ID, 5, ""}, {k[2].ID, 4, ""}}, ReviewNotes{}); err != nil {
		t.Fatal(err)
	}
	results, names, err := s.ReviewResults(tctx, 0)
	if err != nil || len(results) != 1 || len(names) != 3 {
		t.Fatalf("%+v %+v %v", results, names, err)
	}
	r := results[0]
	if r.Lead["communication"] != 4 || r.Lead["reporting"] != 0 || r.Self["development"] != 4 || r.Final {
		t.Errorf("ratings by code: %+v", r)
	}
	if names[0].Code != "communication" || names[2].Name("ru") != "Критерий development" {
		t.Errorf("criteria %+v", names)
	}
}

func TestReviewBandsAreValidatedAndKept(t *testing.T) {
	s := openScratchStore(t)
	if b, err := s.ReviewBands(tctx); err != nil || b != review.DefaultBands() {
		t.Fatalf("defaults %+v, %v", b, err)
	}
	expectInvalid(t, s, "bands", "bands_order", func() error {
		return s.SaveReviewBands(tctx, review.Bands{Meets: 3, Exceeds: 2.5, Outstanding: 4.5})
	})
	want := review.Bands{Meets: 3, Exceeds: 4, Outstanding: 4.6}
	if err := s.SaveReviewBands(tctx, want); err != nil {
		t.Fatal(err)
	}
	if b, err := s.ReviewBands(tctx); err != nil || b != want {
		t.Fatalf("kept %+v, %v", b, err)
	}
}

func TestOverviewShowsTheOpenCycle(t *testing.T) {
	s, _, _ := reviewFixture(t) // the fixture's cycle was due 1 February 2026 and is open
	s.now = func() time.Time { return Day(2026, 3, 1) }
	o, err := s.Overview(tctx)
	c := o.OpenCycle
	if err != nil || c.ID == 0 || c.Participants != 1 || c.Final != 0 || !c.Overdue(Day(2026, 3, 1)) {
		t.Fatalf("overview %+v, %v", o, err)
	}
}
