package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// linePlot is where a line chart's parts go, computed before anything is drawn.
type linePlot struct {
	u                        float64
	left, right, top, bottom int // the plot area
	axis                     valueAxis
	x0, dx                   float64 // point i is at x0 + i*dx
	stride                   int     // every stride-th X label is drawn
	yTitleBaseline           int
	legend                   legend
	legendTop                int
}

func (p linePlot) x(i int) int { return int(math.Round(p.x0 + float64(i)*p.dx)) }

// layout works from the edges inwards: the header, Y title and legend take the height
// they need, the tick labels take the width they need, and the plot gets the rest.
func (c LineChart) layout(r chart.Renderer, width, height, top int, lo, hi, u float64) linePlot {
	p := linePlot{u: u}
	pad := int(padding * u)
	lab := labelSize * u
	p.legend = layoutLegend(r, c.legendItems(), width-2*pad, u)
	if len(p.legend.rows) > 2 { // more would squeeze the plot: list companions once
		if compact := layoutLegend(r, c.compactLegendItems(), width-2*pad, u); len(compact.rows) < len(p.legend.rows) {
			p.legend = compact
		}
	}
	p.legendTop = height - pad - p.legend.height()
	p.bottom = p.legendTop - rowHeight(lab) - int(tickLength*u)
	if p.legend.height() > 0 {
		p.bottom -= int(legendGap * u)
	}
	if c.YTitle != "" {
		p.yTitleBaseline = top + capHeight(lab)
		top += rowHeight(lab)
	}
	p.top = top + capHeight(lab) + int(labelGap*u/2) // room for half the top tick label and a gap
	rangeLo, rangeHi := lineRange(lo, hi)
	want := max(2, min(8, int(float64(p.bottom-p.top)/(3.5*float64(rowHeight(lab))))))
	p.axis = newValueAxis(rangeLo, rangeHi, want, p.top, p.bottom)
	p.left = pad + c.tickLabelWidth(r, p.axis, lab) + int(axisGap*u)
	p.right = width - pad
	c.placePoints(r, &p)
	return p
}

func (c LineChart) tickLabelWidth(r chart.Renderer, a valueAxis, size float64) int {
	setText(r, size, drawing.ColorBlack)
	w := 0
	for _, t := range a.ticks() {
		w = max(w, textWidth(r, c.format(t)))
	}
	return w
}

// placePoints spreads the points over the plot, inset so that the first and last X
// labels, centred under their points, stay inside the image, and thins the labels so
// that neighbours keep a gap. The last point is always labelled: it is the latest
// period, the one a meeting asks about.
func (c LineChart) placePoints(r chart.Renderer, p *linePlot) {
	u, pad := p.u, int(padding*p.u)
	setText(r, labelSize*u, drawing.ColorBlack)
	widest := 0
	for i := 0; i < c.points(); i++ {
		widest = max(widest, textWidth(r, c.label(i)))
	}
	half := float64(widest) / 2
	minInset := 12 * u
	insetL := math.Max(minInset, half-float64(p.left-pad))
	insetR := math.Max(minInset, half)
	n := c.points()
	span := float64(p.right-p.left) - insetL - insetR
	if n == 1 {
		p.x0, p.dx, p.stride = float64(p.left+p.right)/2, 0, 1
		return
	}
	p.x0, p.dx = float64(p.left)+insetL, span/float64(n-1)
	if p.dx <= 0 { // a canvas too narrow for its labels: keep the last one
		p.stride = n
		return
	}
	need := float64(widest) + 14*u
	p.stride = niceStride(int(math.Ceil(need / p.dx)))
}

// drawYAxis draws the faint grid with its tick labels on the left, the zero line
// stronger when it is in view, and the Y title above the labels.
func (c LineChart) drawYAxis(r chart.Renderer, p linePlot) {
	u, lab := p.u, labelSize*p.u
	pad := int(padding * u)
	for _, t := range p.axis.ticks() {
		y := p.axis.y(t)
		hline(r, c.Style.grid(), p.left, p.right, y, u)
		setText(r, lab, toDrawing(c.Style.Muted))
		drawRight(r, c.format(t), p.left-int(axisGap*u), y+capHeight(lab)/2)
	}
	// The X axis line: the plot's bottom, where the period ticks hang, is rarely a
	// round value, so it gets its own rule, a little stronger than the grid.
	hline(r, mix(toDrawing(c.Style.Muted), toDrawing(c.Style.Background), 0.45), p.left, p.right, p.bottom, u)
	if p.axis.lo <= 0 && p.axis.hi >= 0 {
		hline(r, toDrawing(c.Style.Muted), p.left, p.right, p.axis.y(0), u)
	}
	if c.YTitle != "" {
		setText(r, lab, toDrawing(c.Style.Muted))
		r.Text(ellipsize(r, c.YTitle, p.right-pad), pad, p.yTitleBaseline)
	}
}

func (c LineChart) drawXLabels(r chart.Renderer, p linePlot, width int) {
	u, lab := p.u, labelSize*p.u
	pad := int(padding * u)
	n := c.points()
	for i := n - 1; i >= 0; i -= p.stride {
		x := p.x(i)
		vline(r, c.Style.grid(), x, p.bottom, p.bottom+int(tickLength*u), u)
		setText(r, lab, toDrawing(c.Style.Muted))
		text := c.label(i)
		w := textWidth(r, text)
		left := max(pad, min(width-pad-w, x-w/2)) // a safety net: the insets already keep labels in
		r.Text(text, left, p.bottom+int(tickLength*u)+int(labelGap*u/2)+capHeight(lab))
	}
}

// drawSeries draws a series as runs between gaps. A value with no neighbour can't be a
// line: it is a dot, larger than the markers along a line so that it is not missed, or
// for a target a short dash across its period.
func (c LineChart) drawSeries(r chart.Renderer, p linePlot, s LineSeries) {
	col := c.Style.seriesColor(s.Color)
	for _, run := range c.runs(s) {
		switch {
		case len(run) == 1 && s.Kind == Target:
			c.drawLoneTarget(r, p, s, run[0], col)
		case len(run) == 1:
			drawMarker(r, c.Style, s.Kind.color(col, c.Style), p.x(run[0]), p.axis.y(c.value(s, run[0])), loneRadius*p.u)
		default:
			c.drawRun(r, p, s, run, col)
		}
	}
}

// drawRun draws consecutive values as one line, with markers if it is a measured line.
func (c LineChart) drawRun(r chart.Renderer, p linePlot, s LineSeries, run []int, col drawing.Color) {
	s.Kind.stroke(r, col, c.Style, p.u)
	r.MoveTo(p.x(run[0]), p.axis.y(c.value(s, run[0])))
	for _, i := range run[1:] {
		r.LineTo(p.x(i), p.axis.y(c.value(s, i)))
	}
	r.Stroke()
	resetStroke(r)
	if s.Kind != Line {
		return
	}
	radius := math.Max(2*p.u, math.Min(markerRadius*p.u, p.dx*0.3)) // dense months get smaller dots
	for _, i := range run {
		drawMarker(r, c.Style, col, p.x(i), p.axis.y(c.value(s, i)), radius)
	}
}

// drawLoneTarget marks a target set for one period only with a short dash across it.
func (c LineChart) drawLoneTarget(r chart.Renderer, p linePlot, s LineSeries, i int, col drawing.Color) {
	half := int(math.Max(12*p.u, p.dx*0.35))
	x, y := p.x(i), p.axis.y(c.value(s, i))
	Target.stroke(r, col, c.Style, p.u)
	r.MoveTo(x-half, y)
	r.LineTo(x+half, y)
	r.Stroke()
	resetStroke(r)
}

// runs splits a series into stretches of consecutive values.
func (c LineChart) runs(s LineSeries) [][]int {
	var out [][]int
	var cur []int
	for i := 0; i < c.points(); i++ {
		if math.IsNaN(c.value(s, i)) {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, i)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// hline is a rule one unit thick, filled rather than stroked so that it lands on whole
// pixels and stays crisp instead of smearing over two rows.
func hline(r chart.Renderer, col drawing.Color, x0, x1, y int, u float64) {
	fill(r, col, x0, y, x1, y+max(1, int(math.Round(u))))
}

func vline(r chart.Renderer, col drawing.Color, x, y0, y1 int, u float64) {
	fill(r, col, x, y0, x+max(1, int(math.Round(u))), y1)
}
