package calibration

import (
	"math"
	"strings"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/review"
	"leadboard/data/table"
)

// A team of four in two cycles, every figure worked out by hand in the comments.

var (
	middle   = data.GradeLevel{ID: 2, Code: "middle", NameRU: "Менеджер", NameEN: "Manager", Rank: 2}
	criteria = []data.CriterionName{{Code: "communication", NameRU: "Общение", NameEN: "Communication"},
		{Code: "reporting", NameRU: "Отчётность", NameEN: "Reporting"}}
)

func result(cycle int64, staff int64, name string, final bool, score float64, potential string,
	lead, self map[string]int) data.ReviewResult {
	return data.ReviewResult{ReviewID: cycle*10 + staff, CycleID: cycle, CycleName: map[int64]string{1: "2025", 2: "2026"}[cycle],
		CycleTo: time.Date(2024+int(cycle), 12, 31, 0, 0, 0, 0, time.UTC), StaffID: staff, Name: name, Grade: middle,
		Final: final, Score: score, Potential: potential, Lead: lead, Self: self}
}

func team() Results {
	nan := math.NaN()
	return Results{CycleID: 2, CycleName: "2026", Criteria: criteria, Bands: review.DefaultBands(), Reviews: []data.ReviewResult{
		// 4.6: outstanding -> high performance; high potential.
		result(2, 1, "Анна", true, 4.6, "high", map[string]int{"communication": 5, "reporting": 4},
			map[string]int{"communication": 5, "reporting": 5}),
		// 3.0: meets -> medium; low potential. Rates herself 2 higher on reporting, 1 lower on communication.
		result(2, 2, "Борис", true, 3.0, "low", map[string]int{"communication": 4, "reporting": 2},
			map[string]int{"communication": 3, "reporting": 4}),
		// 2.5: below -> low; no potential recorded: left out of the grid.
		result(2, 3, "Вера", true, 2.5, "", map[string]int{"communication": 2, "reporting": 0}, nil),
		// A draft: no score, counted in no band.
		result(2, 4, "Глеб", false, nan, "", map[string]int{"communication": 3}, nil),
	}}
}

func TestHistogramCountsFinalReviewsPerBand(t *testing.T) {
	got := team().Histogram()
	want := []int{1, 1, 0, 1} // below Вера, meets Борис, exceeds nobody, outstanding Анна
	for i, b := range got {
		if b.Band != Bands[i] || b.Count != want[i] {
			t.Errorf("band %d: %+v, want %s %d", i, b, Bands[i], want[i])
		}
	}
	c := team().HistogramChart("ru", chartsPrint)
	if len(c.Bars) != 4 || c.Bars[3].Value != 1 || c.Bars[2].Value != 0 {
		t.Errorf("bars %+v", c.Bars)
	}
	if c.Bars[1].Label != "Соответствует ожиданиям" || !strings.Contains(c.Subtitle, "2,75 · 3,75 · 4,5") {
		t.Errorf("label %q, subtitle %q", c.Bars[1].Label, c.Subtitle)
	}
}

func TestNineBoxPlacesByBandAndPotential(t *testing.T) {
	box := team().NineBox()
	if got := box.Cells[High][High]; len(got) != 1 || got[0] != "Анна" {
		t.Errorf("high/high %v", got)
	}
	if got := box.Cells[Medium][Low]; len(got) != 1 || got[0] != "Борис" {
		t.Errorf("medium/low %v", got)
	}
	if len(box.Unplaced) != 1 || box.Unplaced[0] != "Вера" {
		t.Errorf("unplaced %v", box.Unplaced)
	}
}

func TestGapsAreSelfMinusLead(t *testing.T) {
	g := team().Gaps()
	if len(g.Reviews) != 2 || g.Reviews[1].Name != "Борис" {
		t.Fatalf("compared %+v", g.Reviews)
	}
	// Анна: 5-5, 5-4 -> 0, +1, mean 0.5; Борис: 3-4, 4-2 -> -1, +2, mean 0.5.
	if g.Values[0][0] != 0 || g.Values[0][1] != 1 || g.Values[1][0] != -1 || g.Values[1][1] != 2 {
		t.Errorf("gaps %v", g.Values)
	}
	if g.Mean(1) != 0.5 {
		t.Errorf("mean %v", g.Mean(1))
	}
	rows := rowsOf(t, team().GapsTable("ru"))
	if len(rows) != 4 || rows[3][0] != "Борис" || rows[3][1] != "Отчётность" || rows[3][4] != int64(2) {
		t.Errorf("gap rows %v", rows)
	}
}

func TestScoresTableHasEveryCriterion(t *testing.T) {
	tb := team().ScoresTable("en")
	if len(tb.Columns) != 6 || tb.Columns[4].Key != "communication" || tb.Columns[5].Title("ru") != "Отчётность" {
		t.Fatalf("columns %+v", tb.Columns)
	}
	rows := rowsOf(t, tb)
	// Вера: reporting not applicable is an empty cell; Глеб's draft has no score or band.
	if rows[2][3] != "Below expectations" || rows[2][5] != nil || rows[3][2] != nil || rows[3][3] != nil ||
		rows[0][2] != 4.6 || rows[0][4] != int64(5) {
		t.Errorf("rows %v", rows)
	}
}

func TestHistoryFollowsPeopleAcrossCycles(t *testing.T) {
	r := team()
	r.Reviews = append([]data.ReviewResult{result(1, 1, "Анна", true, 3.8, "medium", nil, nil),
		result(1, 2, "Борис", true, 3.2, "", nil, nil)}, r.Reviews...)
	ids := r.DefaultHistoryPeople()
	// The latest cycle's scores, highest first; Глеб's draft last.
	if len(ids) != 4 || ids[0] != 1 || ids[1] != 2 || ids[3] != 4 {
		t.Fatalf("people %v", ids)
	}
	h := r.History(ids)
	if len(h.Cycles) != 2 || h.People[0].Scores[0] != 3.8 || h.People[0].Scores[1] != 4.6 ||
		!math.IsNaN(h.People[2].Scores[0]) || !math.IsNaN(h.People[3].Scores[1]) {
		t.Errorf("history %+v", h)
	}
	if c := h.Chart("ru", chartsPrint); len(c.Series) != 4 || len(c.XLabels) != 2 {
		t.Errorf("chart %+v", c)
	}
}

func rowsOf(t *testing.T, tb table.Table) [][]any {
	t.Helper()
	rows, err := tb.Collect()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestHistoryLeavesOutCyclesWithoutFinalReviews(t *testing.T) {
	r := team()
	r.Reviews = append(r.Reviews, result(3, 1, "Анна", false, math.NaN(), "", nil, nil))
	if h := r.History([]int64{1}); len(h.Cycles) != 1 || h.Cycles[0] != "2026" || len(h.People[0].Scores) != 1 {
		t.Errorf("history %+v", h)
	}
}
