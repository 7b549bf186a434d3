package charts

import "math"

// valueAxis maps values to pixel rows: lo at bottom, hi at top, ticks every step.
type valueAxis struct {
	lo, hi, step float64
	top, bottom  int
}

func (a valueAxis) y(v float64) int {
	return a.bottom - int(math.Round((v-a.lo)/(a.hi-a.lo)*float64(a.bottom-a.top)))
}

// ticks are the multiples of step from lo to hi, rounded to the step so that 0.1 steps
// don't print as 96.30000000000001.
func (a valueAxis) ticks() []float64 {
	var out []float64
	for v := math.Ceil(a.lo/a.step-1e-9) * a.step; v <= a.hi+a.step*1e-9; v += a.step {
		out = append(out, math.Round(v/a.step)*a.step)
	}
	return out
}

// lineRange is the span a line chart shows for data from min to max. Zero is included
// only when the data is positive and already reaches near it (min < 30% of max):
// otherwise a retention of 95-99 % would be a flat line at the top. The span is padded
// so that no line runs along the edge of the plot.
func lineRange(min, max float64) (lo, hi float64) {
	span := max - min
	if span == 0 { // a flat line sits in the middle, not on an edge
		d := math.Max(math.Abs(max)*0.1, 1)
		lo, hi = min-d, max+d
	} else {
		lo, hi = min-span*0.05, max+span*0.05
	}
	if min >= 0 && min < 0.3*max {
		lo = 0
	}
	if min >= 0 && lo < 0 {
		lo = 0 // padding alone never invents negative values
	}
	return lo, hi
}

// newValueAxis spans exactly lo..hi (the padded data) with gridlines at the multiples
// of a 1-2-5 step inside it, about want of them: the data fills the plot instead of
// leaving a band up to the next round number empty, and the ticks stay round numbers.
func newValueAxis(lo, hi float64, want int, top, bottom int) valueAxis {
	if hi <= lo {
		hi = lo + 1
	}
	a := valueAxis{lo: lo, hi: hi, step: niceStep((hi - lo) / float64(max(1, want))), top: top, bottom: bottom}
	for len(a.ticks()) < 3 {
		a.step = niceStep(a.step * 0.4) // the 1-2-5 step before
	}
	// An edge just short of a round value moves out to it (3.99-6.01 M shows 4-6 M):
	// the extreme values then sit between labelled lines for the price of a sliver.
	if down := math.Floor(a.lo/a.step+1e-9) * a.step; a.lo-down < a.step*snapShare {
		a.lo = down
	}
	if up := math.Ceil(a.hi/a.step-1e-9) * a.step; up-a.hi < a.step*snapShare {
		a.hi = up
	}
	return a
}

// snapShare is how close, in steps, an edge must be to a round value to move out to it.
const snapShare = 0.35

// niceStep rounds raw up to 1, 2 or 5 times a power of ten: the steps a reader adds up
// without effort.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5} {
		if raw <= m*mag*(1+1e-9) {
			return m * mag
		}
	}
	return 10 * mag
}

// niceStride is how many points lie between two X labels: at least need, and for
// monthly data a divisor or multiple of a year (1, 2, 3, 4, 6, 12, 24...), so labels
// fall on the same months every year.
func niceStride(need int) int {
	for _, s := range []int{1, 2, 3, 4, 6, 12} {
		if need <= s {
			return s
		}
	}
	return (need + 11) / 12 * 12
}
