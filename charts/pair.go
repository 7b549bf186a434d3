package charts

import (
	"image"
	"io"
	"reflect"

	"github.com/wcharczuk/go-chart/v2"
)

// Drawer is a chart a Pair can place: any chart of this package (WorkloadChart,
// RankingChart, LineChart, BarChart, even a Pair).
type Drawer interface {
	draw(r chart.Renderer, width, height int)
}

// Pair shows two charts side by side in one picture, such as workload before and after
// a client redistribution. Two WorkloadCharts share one points scale, text size, row
// layout and one legend under both, so that a bar's length compares across the halves
// and a manager stays on the same line; other charts are each drawn on their own.
type Pair struct {
	Left, Right     Drawer
	Title, Subtitle string // over both halves; each half has its own title too
	Style           Style  // the background, title and legend around the halves
}

const (
	pairGap    = 28.0 // px at unit 1 between the halves, a hairline in its middle
	pairShrink = 0.8  // halves are narrow: their text starts a size below the canvas's
)

// Image renders the pair at width x height pixels.
func (p Pair) Image(width, height int) (image.Image, error) {
	return renderImage(width, height, p.draw)
}

// PNG writes the pair as a PNG file.
func (p Pair) PNG(out io.Writer, width, height int) error {
	return renderPNG(out, width, height, p.draw)
}

// SVG writes the pair as an SVG file.
func (p Pair) SVG(out io.Writer, width, height int) error {
	return renderSVG(out, width, height, p.draw)
}

func (p Pair) draw(r chart.Renderer, width, height int) {
	u := p.Style.unit(width, height)
	pad := int(padding * u)
	fill(r, toDrawing(p.Style.Background), 0, 0, width, height)
	drawHeader(r, p.Style, u, p.Title, p.Subtitle, width)
	y, half, gap := p.halves(width, height)
	if half <= 0 || height-y <= 0 {
		return
	}
	bottom := height - pad
	if a, b, ok := twoWorkloads(p.Left, p.Right); ok {
		bottom = p.drawWorkloads(r, a, b, y, half, gap, width, height)
	} else {
		drawHalf(r, p.Left, 0, y, half, height-y)
		drawHalf(r, p.Right, half+gap, y, half, height-y)
	}
	vline(r, p.Style.grid(), half+gap/2, y+pad, bottom, u)
}

// halves are where the halves go: from y down, half wide, gap apart. They pad their
// own tops, so they start a padding above where the pair's header ends.
func (p Pair) halves(width, height int) (y, half, gap int) {
	u := p.Style.unit(width, height)
	gap = int(pairGap * u)
	return headerHeight(u, p.Title, p.Subtitle), (width - gap) / 2, gap
}

func twoWorkloads(left, right Drawer) (a, b WorkloadChart, ok bool) {
	a, okA := asWorkload(left)
	b, okB := asWorkload(right)
	return a, b, okA && okB
}

func asWorkload(d Drawer) (WorkloadChart, bool) {
	switch c := d.(type) {
	case WorkloadChart:
		return c, true
	case *WorkloadChart:
		if c != nil {
			return *c, true
		}
	}
	return WorkloadChart{}, false
}

// drawHalf draws d in its half; a missing chart (nil, or a nil *WorkloadChart) leaves
// the half empty rather than panicking a screen.
func drawHalf(r chart.Renderer, d Drawer, x, y, width, height int) {
	if v := reflect.ValueOf(d); !v.IsValid() || v.Kind() == reflect.Pointer && v.IsNil() {
		return
	}
	d.draw(offsetRenderer{r, x, y}, width, height)
}

// pairLayout is where the parts of a pair of workload charts go.
type pairLayout struct {
	u      float64
	height int // of the halves, above the legend
	scale  workloadScale
	legend []legendItem
}

// layoutWorkloads fits both halves, with one legend under both, at one text size,
// on rows at the same heights and one points scale.
func layoutWorkloads(r chart.Renderer, a, b WorkloadChart, half, width, height int, from float64) pairLayout {
	u := pairUnit(r, a, b, width, half, height, from)
	l := pairLayout{u: u, legend: pairLegend(a, b, u)}
	l.height = height - legendSpace(r, l.legend, width, u)
	ta, ba := a.rowsArea(r, half, l.height, u, false)
	tb, bb := b.rowsArea(r, half, l.height, u, false)
	top, bottom := max(ta, tb), min(ba, bb)
	l.scale = a.needs(r, half, u, top, bottom).merge(b.needs(r, half, u, top, bottom))
	return l
}

// drawWorkloads draws two workload charts from y down and returns where the halves'
// rows end.
func (p Pair) drawWorkloads(r chart.Renderer, a, b WorkloadChart, y, half, gap, width, height int) int {
	l := layoutWorkloads(r, a, b, half, width, height-y, p.Style.unit(width, height)*pairShrink)
	a.drawBody(offsetRenderer{r, 0, y}, half, l.height, l.scale)
	b.drawBody(offsetRenderer{r, half + gap, y}, half, l.height, l.scale)
	pad := int(padding * l.u)
	lg := layoutLegend(r, l.legend, width-2*pad, l.u)
	lg.draw(r, p.Style, pad, height-pad-lg.height())
	return y + l.scale.bottom
}

// pairUnit is the largest size from `from` down at which both halves' rows fit above
// the shared legend.
func pairUnit(r chart.Renderer, a, b WorkloadChart, width, half, height int, from float64) float64 {
	base := a.Style.scale()
	for u := from; u > base; u -= 0.05 * base {
		hh := height - legendSpace(r, pairLegend(a, b, u), width, u)
		if a.fits(r, half, hh, u, false) && b.fits(r, half, hh, u, false) {
			return u
		}
	}
	return base
}

// pairLegend lists the legend items of both halves once each, by name.
func pairLegend(a, b WorkloadChart, u float64) []legendItem {
	items := a.legendItems(u)
	seen := map[string]bool{}
	for _, it := range items {
		seen[it.name] = true
	}
	for _, it := range b.legendItems(u) {
		if !seen[it.name] {
			items = append(items, it)
		}
	}
	return items
}

// offsetRenderer moves everything drawn by (dx, dy): go-chart's renderers take absolute
// coordinates, and a chart lays itself out from (0, 0).
type offsetRenderer struct {
	chart.Renderer
	dx, dy int
}

func (o offsetRenderer) MoveTo(x, y int) { o.Renderer.MoveTo(x+o.dx, y+o.dy) }
func (o offsetRenderer) LineTo(x, y int) { o.Renderer.LineTo(x+o.dx, y+o.dy) }
func (o offsetRenderer) QuadCurveTo(cx, cy, x, y int) {
	o.Renderer.QuadCurveTo(cx+o.dx, cy+o.dy, x+o.dx, y+o.dy)
}
func (o offsetRenderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	o.Renderer.ArcTo(cx+o.dx, cy+o.dy, rx, ry, startAngle, delta)
}
func (o offsetRenderer) Circle(radius float64, x, y int) { o.Renderer.Circle(radius, x+o.dx, y+o.dy) }
func (o offsetRenderer) Text(body string, x, y int)      { o.Renderer.Text(body, x+o.dx, y+o.dy) }
