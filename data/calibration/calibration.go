// Package calibration compares a team's performance reviews: the scores of a cycle
// by band, each person's score across cycles, the ratings by criterion, the 9-box
// of performance and potential, and where people rate themselves apart from their
// lead. Each view is defined once here and converts to a table and a chart, which
// the window, the export and the meeting pack share.
package calibration

import (
	"context"
	"math"

	"leadboard/assets/locale"
	"leadboard/data"
	"leadboard/data/review"
)

// Results are the reviews the views are drawn from, with the criteria they were
// rated on and the thresholds of the bands.
type Results struct {
	CycleID   int64  // 0: every cycle
	CycleName string // "" for every cycle
	Reviews   []data.ReviewResult
	Criteria  []data.CriterionName
	Bands     review.Bands
}

// Load reads the reviews of a cycle (0: of every cycle).
func Load(ctx context.Context, s *data.Store, cycleID int64) (Results, error) {
	r := Results{CycleID: cycleID}
	var err error
	if r.Bands, err = s.ReviewBands(ctx); err != nil {
		return r, err
	}
	if r.Reviews, r.Criteria, err = s.ReviewResults(ctx, cycleID); err != nil {
		return r, err
	}
	if cycleID != 0 {
		r.CycleName = cycleName(ctx, s, cycleID, r.Reviews)
	}
	return r, nil
}

// cycleName names the cycle even when it has no reviews yet.
func cycleName(ctx context.Context, s *data.Store, id int64, reviews []data.ReviewResult) string {
	if len(reviews) > 0 {
		return reviews[0].CycleName
	}
	cycles, err := s.ReviewCycles(ctx)
	if err != nil {
		return ""
	}
	for _, c := range cycles {
		if c.ID == id {
			return c.Name
		}
	}
	return ""
}

// Final are the reviews with a score.
func (r Results) Final() []data.ReviewResult {
	var out []data.ReviewResult
	for _, v := range r.Reviews {
		if v.Final && !math.IsNaN(v.Score) {
			out = append(out, v)
		}
	}
	return out
}

// Bands in order from the lowest.
var Bands = []review.Band{review.BandBelow, review.BandMeets, review.BandExceeds, review.BandOutstanding}

// BandName is a band's name in a language.
func BandName(lang string, b review.Band) string {
	return words(lang).T("review.band."+string(b), nil)
}

func words(lang string) locale.Catalog { return locale.Messages(lang) }

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// DefaultCycle is the cycle the results show when none is named: the latest
// closed one, else the latest with a final review, else the latest (0: none).
// Cycles come latest first, as ReviewCycles lists them.
func DefaultCycle(cycles []data.CycleSummary) int64 {
	for _, c := range cycles {
		if c.Status == data.CycleClosed {
			return c.ID
		}
	}
	for _, c := range cycles {
		if c.Final > 0 {
			return c.ID
		}
	}
	if len(cycles) > 0 {
		return cycles[0].ID
	}
	return 0
}
