package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Sizes in pixels at unit 1. Names, gaps and the cut of a long list are the ranking's
// (rankLabelShare, rankGap, minRowSlot, moreLabel): horizontal bar charts look alike
// next to each other in a meeting pack.
const (
	groupShare       = 0.78 // of a row its bars fill; the rest parts it from the next
	groupShareMost   = 0.88 // ... or more, up to this, to make room for the values
	groupMaxPitch    = 22.0 // a bar with its gap, at most: a few bars don't get fat
	groupBarGap      = 1.0  // background between the bars of a row
	groupTickSpacing = 80.0 // least room per tick: a few ticks, not a ruler
	groupNameLines   = 3    // lines a category name may wrap onto
	// values may shrink to this share of the base size to fit beside thin bars; below
	// it they are not written and the grid tells the values
	groupValueLeast = 0.8
)

// groupPlot is where a grouped bar chart's parts go.
type groupPlot struct {
	u             float64
	width         int
	series        int
	shown, hidden int     // categories drawn, and left out (counted in a last row)
	top, bottom   int     // the rows
	slot, pitch   float64 // a row's height; a bar's with the gap after it
	names         [][]string
	nameSize      float64
	whole         bool // every shown name is drawn whole
	labelRight    int  // names end here
	zero, right   int  // x of zero; the canvas's right margin
	axis          valueAxis
	scale         float64 // pixels per unit
	valueSize     float64 // of the values at the bar ends; 0: the bars are too thin for them
	legend        legend
	legendTop     int
}

func (p groupPlot) x(v float64) int {
	return p.zero + int(math.Round(math.Max(0, v)*p.scale))
}

func (p groupPlot) rowMiddle(i int) int {
	return p.top + int(float64(i)*p.slot+p.slot/2)
}

// gap is the background between two bars of a row, none when bars are hairlines.
func (p groupPlot) gap() int {
	if p.pitch < 4 {
		return 0
	}
	return max(1, int(math.Round(groupBarGap*p.u)))
}

// bar is the top and bottom of category i's bar of series j: the bars of a row are
// stacked in series order and centred on the row.
func (p groupPlot) bar(i, j int) (y0, y1 int) {
	start := float64(p.top) + float64(i)*p.slot + (p.slot-p.pitch*float64(p.series))/2
	y0 = int(math.Round(start + float64(j)*p.pitch))
	y1 = int(math.Round(start+float64(j+1)*p.pitch)) - p.gap()
	return y0, y1
}

// layout picks the largest size, from the canvas's own down to the base size in steps
// of 5 %, at which every category has a row, every name is whole and every value fits
// beside its bar at full size; failing that, the base size, with smaller values or
// shortened names.
func (c GroupedBarChart) layout(r chart.Renderer, width, height int) groupPlot {
	if c.empty() {
		return groupPlot{u: c.Style.unit(width, height)}
	}
	base := c.Style.scale()
	for u := c.Style.unit(width, height); u > base; u -= 0.05 * base {
		if p := c.layoutAt(r, width, height, u); p.whole && p.hidden == 0 && p.valueSize >= valueSize*u-1e-9 {
			return p
		}
	}
	return c.layoutAt(r, width, height, base)
}

// layoutAt works from the edges inwards at size u: the header, the tick labels and the
// legend take the height they need and the rows the rest; the names take the width
// they need, up to rankLabelShare of the chart, and the bars the rest.
func (c GroupedBarChart) layoutAt(r chart.Renderer, width, height int, u float64) groupPlot {
	pad := int(padding * u)
	p := groupPlot{u: u, width: width, series: max(1, c.series()), nameSize: labelSize * u, right: width - pad}
	p.top = pad + headerHeight(u, c.Title, c.Subtitle)
	below := axisHeight(u)
	if items := c.legendItems(u); len(items) > 0 {
		p.legend = layoutLegend(r, items, width-2*pad, u)
		below += int(legendGap*u) + p.legend.height()
	}
	area := float64(height - pad - below - p.top)
	p.shown = len(c.Categories)
	if fit := int(area / minRowSlot(u)); p.shown > fit {
		keep := max(0, fit-1) // the last row says how many are left out
		p.shown, p.hidden = keep, len(c.Categories)-keep
	}
	rows := float64(p.shown + sign(p.hidden))
	p.slot = math.Max(0, math.Min(area/math.Max(1, rows), groupMaxPitch*u*float64(p.series)/groupShare))
	p.bottom = p.top + int(math.Round(p.slot*rows))
	p.legendTop = p.bottom + axisHeight(u) + int(legendGap*u)
	p.layoutNames(r, c)
	p.pitch, p.valueSize = p.fitValues(c.Style.scale())
	p.layoutScale(r, c)
	return p
}

// layoutNames wraps each shown name into the lines its row has room for, in a column
// as wide as the widest name needs, but no wider than rankLabelShare of the chart.
func (p *groupPlot) layoutNames(r chart.Renderer, c GroupedBarChart) {
	size, u := p.nameSize, p.u
	lines := 1 + int((p.slot-float64(capHeight(size))-2*rankRowPad*u)/float64(rowHeight(size)))
	lines = max(1, min(groupNameLines, lines))
	setText(r, size, drawing.ColorBlack)
	limit := textWidth(r, moreLabel(p.hidden))
	for _, name := range c.Categories[:p.shown] {
		limit = max(limit, textWidth(r, name))
	}
	limit = min(limit, int(float64(p.width)*rankLabelShare))
	p.whole = true
	p.names = make([][]string, p.shown)
	used := textWidth(r, moreLabel(p.hidden))
	for i, name := range c.Categories[:p.shown] {
		wrapped, ok := wrapLines(r, name, limit, lines)
		p.whole = p.whole && ok
		p.names[i] = wrapped
		for _, line := range wrapped {
			used = max(used, textWidth(r, line))
		}
	}
	p.labelRight = int(padding*u) + used
	p.zero = p.labelRight + int(rankGap*u)
}

// fitValues is the pitch of the bars and the size of the values at their ends: the
// full size when a value fits beside its bar without touching its neighbours', the
// bars filling more of the row (up to groupShareMost) if need be; else smaller, down
// to groupValueLeast of the base size; 0 when even that doesn't fit.
func (p groupPlot) fitValues(base float64) (pitch, size float64) {
	pitch = p.slot * groupShare / float64(p.series)
	most := p.slot * groupShareMost / float64(p.series)
	least := valueSize * base * groupValueLeast
	for size := valueSize * p.u; size >= least-1e-9; size -= 0.05 * valueSize * p.u {
		if need := float64(valueRoom(size)); need <= math.Floor(most) {
			return math.Max(pitch, need), size
		}
	}
	return pitch, 0
}

// valueRoom is the least distance between two values one above the other: their
// capitals' height and a little air, for a comma's tail.
func valueRoom(size float64) int {
	return capHeight(size) + max(2, int(math.Round(0.2*em(size))))
}

// layoutScale spans the axis from zero to Max or the largest value, whichever is
// larger, with ticks far enough apart for their labels, and scales it so that every
// value written after its bar and the last tick's label stay inside the chart.
func (p *groupPlot) layoutScale(r chart.Renderer, c GroupedBarChart) {
	u := p.u
	hi, _ := c.largest()
	hi = math.Max(hi, c.Max)
	if hi <= 0 {
		hi = 1 // all zero or below: an axis to stand the zero line on
	}
	span := p.right - p.zero
	setText(r, labelSize*u, drawing.ColorBlack)
	for want := max(2, min(10, int(float64(span)/(groupTickSpacing*u)))); ; want-- {
		p.axis = newValueAxis(0, hi, want, 0, 0)
		ticks := p.axis.ticks()
		widest := 0
		for _, t := range ticks {
			widest = max(widest, textWidth(r, c.format(t)))
		}
		p.scale = float64(span-widest/2) / p.axis.hi
		p.fitValueEnds(r, c)
		if want <= 2 || p.axis.step*p.scale >= float64(widest)+2*labelGap*u {
			return
		}
	}
}

// fitValueEnds narrows the scale until every value written after its bar ends inside
// the right margin.
func (p *groupPlot) fitValueEnds(r chart.Renderer, c GroupedBarChart) {
	if p.valueSize > 0 {
		setText(r, p.valueSize, drawing.ColorBlack)
		for i := 0; i < p.shown; i++ {
			for j := 0; j < p.series; j++ {
				v := c.value(i, j)
				if math.IsNaN(v) || v <= 0 {
					continue
				}
				extra := valueOffset(p.u) + textWidth(r, c.format(v)) + int(3*p.u)
				p.scale = math.Min(p.scale, float64(p.right-p.zero-extra)/v)
			}
		}
	}
	p.scale = math.Max(0, p.scale)
}
