package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Sizes in pixels at unit 1. Rows, gaps and the cut of a long list are the ranking's
// (rankMaxSlot, rankBarShare, rankGap, minRowSlot): the two horizontal bar charts look
// alike next to each other in a meeting pack.
const (
	workloadLabelShare = 0.35 // a name wider than this share of the width gets "…"
	capacityWidth      = 3.0  // the capacity marker's thickness
	capacityHalo       = 1.0  // background either side of it: it shows on any bar colour
	capacityOver       = 6.0  // how far it reaches above and below the bar, at most
	segmentGap         = 1.0  // background between stacked segments
	tickSpacing        = 45.0 // least room per point tick
)

// workloadScale is what a layout settles before bars are placed. A Pair merges the
// scales of its halves, so that both draw one point with the same pixels.
type workloadScale struct {
	u           float64
	top, bottom int // the rows
	labelWidth  int
	hi          float64  // the largest value the scale shows
	ends        []barEnd // what must fit to the right of zero
}

// barEnd is a value (a bar's end or its capacity, whichever is further) and the pixels
// its marker and label need after it.
type barEnd struct {
	v     float64
	extra int
}

func (s workloadScale) merge(o workloadScale) workloadScale {
	s.u = math.Min(s.u, o.u)
	s.top, s.bottom = max(s.top, o.top), min(s.bottom, o.bottom)
	s.labelWidth = max(s.labelWidth, o.labelWidth)
	s.hi = math.Max(s.hi, o.hi)
	s.ends = append(append([]barEnd(nil), s.ends...), o.ends...)
	return s
}

// rowsArea is the band of the canvas the rows get: under the header, above the point
// ticks and, when the chart draws its own, the legend.
func (c WorkloadChart) rowsArea(r chart.Renderer, width, height int, u float64, withLegend bool) (top, bottom int) {
	pad := int(padding * u)
	top = pad + headerHeight(u, c.Title, c.Subtitle)
	bottom = height - pad - axisHeight(u)
	if withLegend {
		bottom -= legendSpace(r, c.legendItems(u), width, u)
	}
	return top, bottom
}

// axisHeight is the room of the tick marks and point labels under the rows.
func axisHeight(u float64) int {
	return int(tickLength*u) + int(labelGap*u/2) + rowHeight(labelSize*u)
}

func legendSpace(r chart.Renderer, items []legendItem, width int, u float64) int {
	if len(items) == 0 {
		return 0
	}
	return int(legendGap*u) + layoutLegend(r, items, width-2*int(padding*u), u).height()
}

func rowsFit(top, bottom int, u float64) int {
	return max(0, int(float64(bottom-top)/minRowSlot(u)))
}

// fitUnit is the largest size, from `from` down to the base size, at which all rows
// fit: a long list gets smaller text rather than overlapping names.
func (c WorkloadChart) fitUnit(r chart.Renderer, width, height int, from float64, withLegend bool) float64 {
	base := c.Style.scale()
	for u := from; u > base; u -= 0.05 * base {
		if c.fits(r, width, height, u, withLegend) {
			return u
		}
	}
	return base
}

// fits: all bars have a row at size u.
func (c WorkloadChart) fits(r chart.Renderer, width, height int, u float64, withLegend bool) bool {
	top, bottom := c.rowsArea(r, width, height, u, withLegend)
	return len(c.Bars) <= rowsFit(top, bottom, u)
}

// scaleFor is the scale of the chart drawn alone on a width x height canvas.
func (c WorkloadChart) scaleFor(r chart.Renderer, width, height int) workloadScale {
	u := c.fitUnit(r, width, height, c.Style.unit(width, height), true)
	top, bottom := c.rowsArea(r, width, height, u, true)
	return c.needs(r, width, u, top, bottom)
}

// cut is how many bars are drawn and how many are left out, counted in a last row.
func (c WorkloadChart) cut(top, bottom int, u float64) (shown, hidden int) {
	if fit := rowsFit(top, bottom, u); len(c.Bars) > fit {
		keep := max(0, fit-1)
		return keep, len(c.Bars) - keep
	}
	return len(c.Bars), 0
}

// needs measures what the bars drawn in the rows top..bottom ask of the scale: the
// name column and, for each bar, its furthest value and the room after it.
func (c WorkloadChart) needs(r chart.Renderer, width int, u float64, top, bottom int) workloadScale {
	s := workloadScale{u: u, top: top, bottom: bottom, hi: points(c.MaxValue)}
	shown, hidden := c.cut(top, bottom, u)
	setText(r, labelSize*u, drawing.ColorBlack)
	s.labelWidth = textWidth(r, moreLabel(hidden))
	for _, b := range c.Bars[:shown] {
		s.labelWidth = max(s.labelWidth, textWidth(r, b.Label))
	}
	s.labelWidth = min(s.labelWidth, int(float64(width)*workloadLabelShare))
	setText(r, valueSize*u, drawing.ColorBlack)
	for i, b := range c.Bars {
		v := math.Max(b.load(), points(b.Capacity))
		s.hi = math.Max(s.hi, v)
		if i < shown {
			s.ends = append(s.ends, barEnd{v: v, extra: markerHalf(u) + valueOffset(u) + textWidth(r, c.label(i)) + int(3*u)})
		}
	}
	return s
}

// markerHalf is how far the capacity marker with its halo reaches either side of its x.
func markerHalf(u float64) int {
	return int(math.Ceil(capacityWidth*u/2 + capacityHalo*u))
}

// valueOffset is the gap between a bar (or its marker) and its value.
func valueOffset(u float64) int { return int(rankGap * u / 2) }

// workloadPlot is where a workload chart's parts go.
type workloadPlot struct {
	u                float64
	labelWidth       int
	labelRight, zero int // names end at labelRight; bars start at zero
	scale            float64
	axis             valueAxis
	top, bottom      int // the rows
	slot             float64
	thickness        int
	shown, hidden    int
}

func (p workloadPlot) x(v float64) int {
	return p.zero + int(math.Round(points(v)*p.scale))
}

func (p workloadPlot) rowMiddle(i int) int {
	return p.top + int(float64(i)*p.slot+p.slot/2)
}

// plot places the bars on scale s: names take their column, the points scale from
// zero takes the rest, as long as every bar's value still fits after it.
func (c WorkloadChart) plot(r chart.Renderer, width int, s workloadScale) workloadPlot {
	u, pad := s.u, int(padding*s.u)
	p := workloadPlot{u: u, labelWidth: s.labelWidth, top: s.top, bottom: s.bottom}
	p.shown, p.hidden = c.cut(s.top, s.bottom, u)
	p.labelRight = pad + s.labelWidth
	p.zero = p.labelRight + int(rankGap*u)
	right := width - pad
	want := max(2, min(10, int(float64(right-p.zero)/(tickSpacing*u))))
	p.axis = newValueAxis(0, s.hi, want, 0, 0)
	setText(r, labelSize*u, drawing.ColorBlack)
	last := textWidth(r, c.format(p.axis.ticks()[len(p.axis.ticks())-1]))
	p.scale = float64(right-p.zero-last/2) / p.axis.hi
	for _, e := range s.ends {
		if e.v > 0 {
			p.scale = math.Min(p.scale, float64(right-p.zero-e.extra)/e.v)
		}
	}
	p.scale = math.Max(0, p.scale)
	rows := p.shown + sign(p.hidden)
	p.slot = math.Min(float64(s.bottom-s.top)/float64(max(1, rows)), rankMaxSlot*u)
	p.thickness = max(1, int(p.slot*rankBarShare))
	return p
}
