package audit

import (
	"context"
	"math"
	"path/filepath"
	"testing"
	"time"

	"leadboard/data"
)

func rated(pairs ...string) map[string]data.AuditItem {
	out := map[string]data.AuditItem{}
	for i := 0; i+1 < len(pairs); i += 2 {
		out[pairs[i]] = data.AuditItem{Code: pairs[i], Rating: pairs[i+1]}
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreCountsRatedItemsOnly(t *testing.T) {
	a := data.Audit{ID: 1, HeldOn: data.Day(2026, 3, 10)}
	// Section 1: in place, partly, not in place -> 1.5 of 3 = 50 %.
	// Section 2: in place, partly, unrated -> 1.5 of 2 = 75 %.
	// Section 3: one unrated row (rating "") -> no score.
	// A code off the checklist is ignored.
	items := rated("1.1", "in_place", "1.2", "partly", "1.3", "not_in_place",
		"2.1", "in_place", "2.2", "partly", "3.1", "", "99.1", "in_place")
	r := Score(a, items)
	if len(r.Sections) != 10 {
		t.Fatalf("%d sections", len(r.Sections))
	}
	s1, s2, s3 := r.Sections[0], r.Sections[1], r.Sections[2]
	if s1.InPlace != 1 || s1.Partly != 1 || s1.NotInPlace != 1 || s1.Rated != 3 || s1.Items != 3 || !near(s1.Percent, 50) {
		t.Errorf("section 1 %+v", s1)
	}
	if s2.InPlace != 1 || s2.Partly != 1 || s2.NotInPlace != 0 || s2.Rated != 2 || !near(s2.Percent, 75) {
		t.Errorf("section 2 %+v", s2)
	}
	if s3.Rated != 0 || !math.IsNaN(s3.Percent) {
		t.Errorf("section 3 %+v, want no score", s3)
	}
	// Overall: 3 points over 5 rated items = 60 %, not the mean of 50 and 75.
	if r.Rated != 5 || r.Items != 30 || !near(r.Overall, 60) {
		t.Errorf("overall %v over %d of %d", r.Overall, r.Rated, r.Items)
	}
}

func TestScoreOfNothingRatedIsNaN(t *testing.T) {
	r := Score(data.Audit{ID: 1}, rated("1.1", "", "4.2", ""))
	if !math.IsNaN(r.Overall) || r.Rated != 0 {
		t.Errorf("overall %v, rated %d", r.Overall, r.Rated)
	}
	for _, s := range r.Sections {
		if !math.IsNaN(s.Percent) {
			t.Errorf("section %d scored %v", s.Section.Number, s.Percent)
		}
	}
}

func TestCompareListsOnlyChanges(t *testing.T) {
	beforeItems := rated("1.1", "not_in_place", "1.2", "partly", "2.1", "in_place", "5.3", "partly")
	afterItems := rated("1.1", "in_place", "1.2", "partly", "2.1", "in_place", "3.1", "partly")
	before := Score(data.Audit{ID: 1, HeldOn: data.Day(2025, 12, 1)}, beforeItems)
	after := Score(data.Audit{ID: 2, HeldOn: data.Day(2026, 3, 1)}, afterItems)
	c := Compare(before, after, beforeItems, afterItems)

	want := []ItemChange{{Before: "not_in_place", After: "in_place"}, {Before: "", After: "partly"},
		{Before: "partly", After: ""}}
	codes := []string{"1.1", "3.1", "5.3"}
	if len(c.Items) != len(want) {
		t.Fatalf("changes %+v", c.Items)
	}
	for i, ch := range c.Items {
		if ch.Item.Code != codes[i] || ch.Before != want[i].Before || ch.After != want[i].After {
			t.Errorf("change %d: %s %q -> %q, want %s %q -> %q", i, ch.Item.Code, ch.Before, ch.After, codes[i],
				want[i].Before, want[i].After)
		}
	}
	if len(c.Sections) != 10 {
		t.Fatalf("%d section changes", len(c.Sections))
	}
	// Section 1: 0.5 of 2 = 25 % -> 1.5 of 2 = 75 %: +50.
	if s := c.Sections[0]; !near(s.Before, 25) || !near(s.After, 75) || !near(s.Delta(), 50) {
		t.Errorf("section 1 %+v", s)
	}
	if s := c.Sections[1]; !near(s.Before, 100) || !near(s.After, 100) || s.Delta() != 0 {
		t.Errorf("section 2 %+v", s)
	}
	if s := c.Sections[2]; !math.IsNaN(s.Before) || !near(s.After, 50) || !math.IsNaN(s.Delta()) {
		t.Errorf("section 3 %+v", s)
	}
	if s := c.Sections[4]; !near(s.Before, 50) || !math.IsNaN(s.After) {
		t.Errorf("section 5 %+v", s)
	}
}

func TestResultsScoresEveryAuditOldestFirst(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "audit.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.SetClock(func() time.Time { return time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC) })
	latest, err := s.SaveAudit(ctx, data.Audit{HeldOn: data.Day(2026, 3, 1)})
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.SaveAudit(ctx, data.Audit{HeldOn: data.Day(2025, 9, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAudit(ctx, data.Audit{HeldOn: data.Day(2025, 12, 1)}); err != nil {
		t.Fatal(err)
	}
	if err := s.RateItems(ctx, first, []data.AuditItem{{Code: "1.1", Rating: "partly"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RateItems(ctx, latest, []data.AuditItem{{Code: "1.1", Rating: "in_place"},
		{Code: "1.2", Rating: "not_in_place"}}); err != nil {
		t.Fatal(err)
	}
	results, err := Results(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 3 || results[0].Audit.ID != first || results[2].Audit.ID != latest {
		t.Fatalf("results %+v, want the oldest first", results)
	}
	if !near(results[0].Overall, 50) || !math.IsNaN(results[1].Overall) || !near(results[2].Overall, 50) ||
		results[2].Rated != 2 {
		t.Errorf("overall scores %v, %v, %v", results[0].Overall, results[1].Overall, results[2].Overall)
	}
	if r, ok := ResultOn(results, data.Day(2025, 12, 1)); !ok || r.Audit.HeldOn != data.Day(2025, 12, 1) {
		t.Errorf("ResultOn = %+v, %v", r.Audit, ok)
	}
	if _, ok := ResultOn(results, data.Day(2025, 12, 2)); ok {
		t.Error("ResultOn found an audit on a day without one")
	}
}
