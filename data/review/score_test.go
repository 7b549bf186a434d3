package review

import (
	"math"
	"testing"
)

func TestScoreRenormalisesNotApplicable(t *testing.T) {
	for _, c := range []struct {
		name  string
		rated []Rated
		want  float64
		ok    bool
	}{
		// 40×4 + 30×3 + 30×5 = 400 over 100.
		{"all rated", []Rated{{40, 4}, {30, 3}, {30, 5}}, 4.0, true},
		// The 30 % criterion is not applicable: (40×4 + 30×5) / 70 = 310/70.
		{"one not applicable", []Rated{{40, 4}, {30, 0}, {30, 5}}, 310.0 / 70, true},
		{"only one applicable", []Rated{{10, 2}, {90, 0}}, 2, true},
		{"none applicable", []Rated{{50, 0}, {50, 0}}, math.NaN(), false},
		{"out of scale ignored", []Rated{{50, 6}, {50, 3}}, 3, true},
	} {
		got, ok := Score(c.rated)
		if ok != c.ok || (ok && math.Abs(got-c.want) > 1e-12) {
			t.Errorf("%s: %v %v, want %v %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

func TestBands(t *testing.T) {
	b := DefaultBands()
	for score, want := range map[float64]Band{1: BandBelow, 2.74: BandBelow, 2.75: BandMeets, 3.74: BandMeets,
		3.75: BandExceeds, 4.49: BandExceeds, 4.5: BandOutstanding, 5: BandOutstanding} {
		if got := b.Of(score); got != want {
			t.Errorf("%v: %s, want %s", score, got, want)
		}
	}
	if !b.Valid() || (Bands{Meets: 3, Exceeds: 3, Outstanding: 4}).Valid() || (Bands{2, 3, 6}).Valid() {
		t.Error("band validity")
	}
}
