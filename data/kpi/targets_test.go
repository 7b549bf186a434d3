package kpi

import (
	"math"
	"testing"

	"leadboard/data"
)

func TestAttainment(t *testing.T) {
	for _, c := range []struct {
		name          string
		value, target float64
		lower         bool
		want          float64
	}{
		// Higher is better: value / target.
		{"higher at target", 50, 50, false, 100},
		{"higher under target", 45, 50, false, 90},
		{"higher over target", 60, 50, false, 120},
		{"higher capped", 150, 50, false, MaxAttainment}, // 300 % -> the cap
		{"higher at the cap", 100, 50, false, 200},
		{"higher value 0", 0, 50, false, 0},
		{"higher negative value floors at 0", -10, 5, false, 0}, // budget growth -10 % against +5 %
		{"higher target 0: none", 10, 0, false, na},
		{"higher negative target: none", 10, -5, false, na},
		// Lower is better: target / value.
		{"lower at target", 4, 4, true, 100},
		{"lower under target", 3, 4, true, 4.0 / 3 * 100},
		{"lower over target", 5, 4, true, 80},
		{"lower capped", 1, 4, true, MaxAttainment}, // 400 % -> the cap
		{"lower value 0 reaches the cap", 0, 4, true, MaxAttainment},
		{"lower value 0 and target 0", 0, 0, true, MaxAttainment},
		{"lower target 0, value above", 2, 0, true, 0},
		{"lower far over target", 400, 4, true, 1},
		// Nothing to compare.
		{"no value", na, 4, true, na},
		{"no target", 4, na, true, na},
		{"no value higher", na, 4, false, na},
		{"no target higher", 4, na, false, na},
	} {
		if got := Attainment(c.value, c.target, c.lower); !same(got, c.want) {
			t.Errorf("%s: Attainment(%v, %v, lower=%v) = %v, want %v", c.name, c.value, c.target, c.lower, got, c.want)
		}
	}
}

func TestBandOf(t *testing.T) {
	for _, c := range []struct {
		attainment float64
		want       Band
	}{
		{na, BandNone},
		{0, BandRed},
		{89.999, BandRed},
		{AmberFrom, BandAmber},
		{99.999, BandAmber},
		{GreenFrom, BandGreen},
		{MaxAttainment, BandGreen},
	} {
		if got := BandOf(c.attainment); got != c.want {
			t.Errorf("BandOf(%v) = %q, want %q", c.attainment, got, c.want)
		}
	}
}

// book builds a target book over Jan-Jun 2025 for entity 1 from (from, to, value)
// triples, in the order given (to 0: the end of the window).
func book(targets ...[3]float64) targetBook {
	b := targetBook{first: jan25, n: 6, by: map[int64][]target{}}
	for _, tg := range targets {
		to := data.Month(tg[1])
		if to == 0 {
			to = jun25
		}
		b.set(1, data.Month(tg[0]), to, tg[2])
	}
	return b
}

func TestTargetBookOver(t *testing.T) {
	// Targets 10 in Jan-Feb, none in March, 20 from April.
	gappy := book([3]float64{float64(jan25), float64(feb25), 10}, [3]float64{float64(apr25), 0, 20})
	q1, q2 := Period{From: jan25, To: mar25}, Period{From: apr25, To: jun25}
	for _, c := range []struct {
		name    string
		b       targetBook
		entity  int64
		p       Period
		combine string
		want    float64
	}{
		{"month", gappy, 1, Period{From: feb25, To: feb25}, data.CombineSum, 10},
		{"month without target", gappy, 1, Period{From: mar25, To: mar25}, data.CombineSum, na},
		{"month without target, average", gappy, 1, Period{From: mar25, To: mar25}, data.CombineAverage, na},
		// A sum needs every month's target: Q1 has a month without one.
		{"sum with a gap", gappy, 1, q1, data.CombineSum, na},
		{"sum", gappy, 1, q2, data.CombineSum, 60},
		// An average takes the months that have one: (10+10)/2.
		{"average with a gap", gappy, 1, q1, data.CombineAverage, 10},
		{"average", gappy, 1, q2, data.CombineAverage, 20},
		// "last": the period's last month (March has no target in Q1).
		{"last with a gap", gappy, 1, q1, data.CombineLast, na},
		{"last", gappy, 1, q2, data.CombineLast, 20},
		{"sum across targets", gappy, 1, Period{From: jan25, To: feb25}, data.CombineSum, 20},
		{"average across targets", gappy, 1, Period{From: feb25, To: apr25}, data.CombineAverage, 15}, // (10+20)/2
		{"unknown entity", gappy, 2, q2, data.CombineSum, na},
		// Months outside the book's window are not asked for by the views; they are
		// skipped rather than treated as missing.
		{"partly outside the window", gappy, 1, Period{From: apr25, To: jun25 + 2}, data.CombineSum, 60},
	} {
		if got := c.b.over(c.entity, c.p, c.combine); !same(got, c.want) {
			t.Errorf("%s: over(%d, %v, %s) = %v, want %v", c.name, c.entity, c.p, c.combine, got, c.want)
		}
	}
}

func TestTargetBookLaterStartWins(t *testing.T) {
	// An open-ended target from January, a later one from March: whichever order
	// they are read in, March on is the later one's.
	want := []float64{100, 100, 150, 150, 150, 150}
	for _, b := range []targetBook{
		book([3]float64{float64(jan25), 0, 100}, [3]float64{float64(mar25), 0, 150}),
		book([3]float64{float64(mar25), 0, 150}, [3]float64{float64(jan25), 0, 100}),
	} {
		var got []float64
		for m := jan25; m <= jun25; m++ {
			got = append(got, b.over(1, Period{From: m, To: m}, data.CombineSum))
		}
		checkValues(t, "later start wins", got, want)
	}
	// A later target that ends gives the months after it back to the earlier one.
	b := book([3]float64{float64(jan25), 0, 100}, [3]float64{float64(feb25), float64(mar25), 150})
	var got []float64
	for m := jan25; m <= jun25; m++ {
		got = append(got, b.over(1, Period{From: m, To: m}, data.CombineSum))
	}
	checkValues(t, "a bounded later target", got, []float64{100, 150, 150, 100, 100, 100})
	// A target that started before the window counts from the window's first month.
	b = book([3]float64{float64(dec24), 0, 7})
	if v := b.over(1, Period{From: jan25, To: jan25}, data.CombineSum); v != 7 {
		t.Errorf("target from before the window: %v", v)
	}
	if v := b.over(1, Period{From: jan25, To: jun25}, data.CombineSum); !same(v, 42) {
		t.Errorf("six months of 7: %v", v)
	}
}

func TestSeriesAttainmentUsesDirection(t *testing.T) {
	s := Series{KPI: data.KPI{Direction: data.LowerIsBetter}, Points: []Point{{2, 4}, {0, 4}, {8, 4}, {math.NaN(), 4}}}
	checkValues(t, "lower", seriesAttainments(s), []float64{MaxAttainment, MaxAttainment, 50, na})
	s.KPI.Direction = data.HigherIsBetter
	checkValues(t, "higher", seriesAttainments(s), []float64{50, 0, MaxAttainment, na})
}
