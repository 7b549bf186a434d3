// Package review computes what performance reviews add up to (the weighted score
// and its band) and holds the default criteria templates. It imports nothing of
// the store, so the store, the window and the exports share it.
package review

import "math"

// Rated is one criterion's weight and rating (0: not applicable).
type Rated struct {
	Weight int // per cent of the template
	Rating int // 1-5, 0 for "not applicable"
}

// Score is the weighted average of the applicable ratings: the weights of the
// criteria rated "not applicable" are shared out over the others in proportion.
// ok is false when nothing is applicable.
func Score(rated []Rated) (score float64, ok bool) {
	sum, weights := 0.0, 0
	for _, r := range rated {
		if r.Rating < 1 || r.Rating > 5 || r.Weight <= 0 {
			continue
		}
		sum += float64(r.Weight * r.Rating)
		weights += r.Weight
	}
	if weights == 0 {
		return math.NaN(), false
	}
	return sum / float64(weights), true
}

// Band names what a score means.
type Band string

const (
	BandBelow       Band = "below"       // below expectations
	BandMeets       Band = "meets"       // meets expectations
	BandExceeds     Band = "exceeds"     // exceeds expectations
	BandOutstanding Band = "outstanding" // outstanding
)

// Bands are the scores from which each band begins (below starts at 1).
type Bands struct {
	Meets, Exceeds, Outstanding float64
}

// DefaultBands: under 2.75 below expectations, from 2.75 meets, from 3.75 exceeds,
// from 4.5 outstanding.
func DefaultBands() Bands { return Bands{Meets: 2.75, Exceeds: 3.75, Outstanding: 4.5} }

// Of places a score in its band.
func (b Bands) Of(score float64) Band {
	switch {
	case score >= b.Outstanding:
		return BandOutstanding
	case score >= b.Exceeds:
		return BandExceeds
	case score >= b.Meets:
		return BandMeets
	}
	return BandBelow
}

// Valid reports whether the thresholds rise within the 1-5 scale.
func (b Bands) Valid() bool {
	return 1 < b.Meets && b.Meets < b.Exceeds && b.Exceeds < b.Outstanding && b.Outstanding <= 5
}
