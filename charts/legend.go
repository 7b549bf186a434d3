package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// legendItem is one named line: its swatch looks like the line (solid with a marker,
// dashed for a target, thin and light for an average).
type legendItem struct {
	name  string
	kind  SeriesKind
	color drawing.Color
	// swatch, when set, draws the sample instead of a piece of line: a bar chart's
	// legend shows boxes and markers, not lines.
	swatch func(r chart.Renderer, x0, x1, y int)
}

// legend is laid out in rows that wrap at the chart's width, under the plot, so that
// many series cost height, never overlap and never squeeze the plot sideways.
type legend struct {
	rows  [][]legendItem
	names [][]string // shortened names, as drawn
	u     float64
}

const (
	swatchWidth = 26.0 // px at unit 1
	swatchGap   = 6.0
	itemGap     = 20.0
	// a name longer than this share of the width is shortened with "…"
	maxNameShare = 0.4
)

func layoutLegend(r chart.Renderer, items []legendItem, width int, u float64) legend {
	setText(r, legendSize*u, drawing.ColorBlack)
	l := legend{u: u}
	x := 0
	for _, it := range items {
		name := ellipsize(r, it.name, int(float64(width)*maxNameShare))
		w := int((swatchWidth+swatchGap)*u) + textWidth(r, name)
		if len(l.rows) == 0 || (x > 0 && x+w > width) {
			l.rows = append(l.rows, nil)
			l.names = append(l.names, nil)
			x = 0
		}
		last := len(l.rows) - 1
		l.rows[last] = append(l.rows[last], it)
		l.names[last] = append(l.names[last], name)
		x += w + int(itemGap*u)
	}
	return l
}

func (l legend) height() int { return len(l.rows) * l.rowHeight() }

func (l legend) rowHeight() int { return int(math.Ceil(em(legendSize*l.u) * 1.6)) }

// draw puts the legend's rows from (x, y) down.
func (l legend) draw(r chart.Renderer, st Style, x, y int) {
	u := l.u
	for i, row := range l.rows {
		mid := y + i*l.rowHeight() + l.rowHeight()/2
		cx := x
		for j, it := range row {
			drawSwatch(r, st, it, cx, cx+int(swatchWidth*u), mid, u)
			cx += int((swatchWidth + swatchGap) * u)
			setText(r, legendSize*u, toDrawing(st.Text))
			drawMiddle(r, l.names[i][j], cx, mid, legendSize*u)
			cx += textWidth(r, l.names[i][j]) + int(itemGap*u)
		}
	}
}

// drawSwatch draws a short piece of the series' line from x0 to x1 at height y.
func drawSwatch(r chart.Renderer, st Style, it legendItem, x0, x1, y int, u float64) {
	if it.swatch != nil {
		it.swatch(r, x0, x1, y)
		return
	}
	it.kind.stroke(r, it.color, st, u)
	r.MoveTo(x0, y)
	r.LineTo(x1, y)
	r.Stroke()
	resetStroke(r)
	if it.kind == Line {
		drawMarker(r, st, it.color, (x0+x1)/2, y, markerRadius*u)
	}
}
