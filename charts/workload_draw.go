package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

func (c WorkloadChart) draw(r chart.Renderer, width, height int) {
	s := c.scaleFor(r, width, height)
	c.drawBody(r, width, height, s)
	if len(c.Bars) > 0 {
		pad := int(padding * s.u)
		l := layoutLegend(r, c.legendItems(s.u), width-2*pad, s.u)
		l.draw(r, c.Style, pad, height-pad-l.height())
	}
}

// drawBody draws everything but the legend on scale s, which a Pair may have widened
// to its other half's.
func (c WorkloadChart) drawBody(r chart.Renderer, width, height int, s workloadScale) {
	fill(r, toDrawing(c.Style.Background), 0, 0, width, height)
	top := drawHeader(r, c.Style, s.u, c.Title, c.Subtitle, width)
	if len(c.Bars) == 0 {
		drawEmpty(r, c.Style, s.u, c.Empty, top, width, height)
		return
	}
	p := c.plot(r, width, s)
	p.drawGrid(r, c)
	for i := 0; i < p.shown; i++ {
		p.drawBar(r, c, i)
	}
	for i := 0; i < p.shown; i++ {
		p.drawCapacity(r, c, i)
		p.drawValue(r, c, i)
		p.drawName(r, c, i)
	}
	if p.hidden > 0 {
		setText(r, labelSize*p.u, toDrawing(c.Style.Muted))
		drawRight(r, moreLabel(p.hidden), p.labelRight, p.rowMiddle(p.shown)+capHeight(labelSize*p.u)/2)
	}
}

// drawGrid draws faint vertical lines at the point ticks, their labels under the rows
// and the zero line, stronger: the bars stand on it.
func (p workloadPlot) drawGrid(r chart.Renderer, c WorkloadChart) {
	u, lab := p.u, labelSize*p.u
	tick := int(tickLength * u)
	for _, t := range p.axis.ticks() {
		x := p.x(t)
		vline(r, c.Style.grid(), x, p.top, p.bottom+tick, u)
		setText(r, lab, toDrawing(c.Style.Muted))
		text := c.format(t)
		r.Text(text, x-textWidth(r, text)/2, p.bottom+tick+int(labelGap*u/2)+capHeight(lab))
	}
	vline(r, toDrawing(c.Style.Muted), p.zero, p.top, p.bottom, u)
}

func (p workloadPlot) barTop(i int) int { return p.rowMiddle(i) - p.thickness/2 }

// drawBar draws the bar: in its band's colour, stacked by segment, or grey and hatched
// when there is no capacity to measure the load against. A faint track under it runs
// to the capacity, so the free room (or the excess) reads at a glance and the value
// written after the capacity marker stays tied to its bar.
func (p workloadPlot) drawBar(r chart.Renderer, c WorkloadChart, i int) {
	b := c.Bars[i]
	y0 := p.barTop(i)
	y1 := y0 + p.thickness
	end := p.x(b.load())
	if !b.onLeave() {
		fill(r, c.trackColor(), p.zero, y0, p.x(b.Capacity), y1)
	}
	switch {
	case end <= p.zero:
	case b.onLeave():
		fill(r, c.leaveColor(), p.zero, y0, end, y1)
		hatch(r, toDrawing(c.Style.Muted), p.zero, y0, end, y1, p.u)
	case c.stacked():
		p.drawSegments(r, c, b, y0, y1)
	default:
		fill(r, c.bandColor(b.Band), p.zero, y0, end, y1)
	}
}

// drawSegments stacks the segments in palette colours, a hairline of background
// between them so that neighbours read apart even where colours are hard to tell.
func (p workloadPlot) drawSegments(r chart.Renderer, c WorkloadChart, b WorkloadBar, y0, y1 int) {
	acc := 0.0
	for j, v := range b.Segments {
		v = points(v)
		x0, x1 := p.x(acc), p.x(acc+v)
		if x1 > x0 {
			fill(r, c.Style.seriesColor(j), x0, y0, x1, y1)
			if acc > 0 {
				vline(r, toDrawing(c.Style.Background), x0, y0, y1, segmentGap*p.u)
			}
		}
		acc += v
	}
}

// drawCapacity draws the capacity as a thick line across the row in the text colour,
// reaching a little above and below the bar, ringed in background so that it shows
// on a bar of any colour.
func (p workloadPlot) drawCapacity(r chart.Renderer, c WorkloadChart, i int) {
	b := c.Bars[i]
	if b.onLeave() {
		return
	}
	over := int(math.Max(1, math.Min(capacityOver*p.u, (p.slot-float64(p.thickness))/2*0.6)))
	y0, y1 := p.barTop(i)-over, p.barTop(i)+p.thickness+over
	drawCapacityMark(r, c.Style, p.x(b.Capacity), y0, y1, p.u)
}

func drawCapacityMark(r chart.Renderer, st Style, x, y0, y1 int, u float64) {
	w := max(2, int(math.Round(capacityWidth*u)))
	halo := max(1, int(math.Round(capacityHalo*u)))
	left := x - w/2
	fill(r, toDrawing(st.Background), left-halo, y0, left+w+halo, y1)
	fill(r, toDrawing(st.Text), left, y0, left+w, y1)
}

// drawValue writes the bar's value after the bar or its capacity marker, whichever is
// further, on a patch of background so that grid lines don't strike it through.
func (p workloadPlot) drawValue(r chart.Renderer, c WorkloadChart, i int) {
	b, u, size := c.Bars[i], p.u, valueSize*p.u
	mid := p.rowMiddle(i)
	x := p.x(b.load())
	if !b.onLeave() {
		x = max(x, p.x(b.Capacity)+markerHalf(u))
	}
	x += valueOffset(u)
	col := toDrawing(c.Style.Text)
	if b.onLeave() {
		col = toDrawing(c.Style.Muted)
	}
	text := c.label(i)
	setText(r, size, col)
	w, halo := textWidth(r, text), int(3*u)
	fill(r, toDrawing(c.Style.Background), x-halo/2, mid-capHeight(size)/2-halo, x+w+halo, mid+capHeight(size)/2+halo)
	setText(r, size, col)
	r.Text(text, x, mid+capHeight(size)/2)
}

func (p workloadPlot) drawName(r chart.Renderer, c WorkloadChart, i int) {
	size := labelSize * p.u
	setText(r, size, toDrawing(c.Style.Text))
	name := ellipsize(r, c.Bars[i].Label, p.labelWidth)
	drawRight(r, name, p.labelRight, p.rowMiddle(i)+capHeight(size)/2)
}

// hatch strokes diagonal lines over the box x0,y0-x1,y1, clipped to it by hand: the
// renderers have no clipping.
func hatch(r chart.Renderer, col drawing.Color, x0, y0, x1, y1 int, u float64) {
	step, h := max(4, int(6*u)), y1-y0
	r.SetFillColor(drawing.Color{}) // an SVG path is filled with the last fill colour
	r.SetStrokeDashArray(nil)
	r.SetStrokeColor(col)
	r.SetStrokeWidth(math.Max(1, 1.2*u))
	for k := x0 - h + step/2; k < x1; k += step { // the line from (k, y1) up to (k+h, y0)
		sx, sy := k, y1
		if sx < x0 {
			sx, sy = x0, y1-(x0-k)
		}
		ex, ey := k+h, y0
		if ex > x1 {
			ex, ey = x1, y1-(x1-k)
		}
		r.MoveTo(sx, sy)
		r.LineTo(ex, ey)
	}
	r.Stroke()
	resetStroke(r)
}
