package charts

import (
	"image"
	"io"
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// SeriesKind is the role of a line, which decides how it is drawn.
type SeriesKind int

const (
	// Line is a measured value: a solid line with a marker at every point.
	Line SeriesKind = iota
	// Target is the plan for a line: dashed, in the colour of that line.
	Target
	// Average smooths a line (e.g. a 3-month moving average): thinner and lighter, in
	// the colour of that line, so it reads as a companion rather than another entity.
	Average
)

// LineSeries is one line over the chart's X labels.
type LineSeries struct {
	Name string
	// Values has one value per X label; math.NaN() is a month without a value and
	// leaves a gap rather than inventing a slope.
	Values []float64
	Kind   SeriesKind
	// Color is a palette index: a target or an average takes the index of its line.
	// A negative index draws in the text colour (a target that is nobody's line).
	Color int
}

// LineChart draws KPI trends: lines with their targets and averages over periods.
// The value axis zooms to the data (a line chart compares shapes, not lengths).
type LineChart struct {
	Title    string
	Subtitle string   // smaller, under the title: the period, the filter
	XLabels  []string // one per point: "мар 2026", "I кв. 2026"
	YTitle   string   // the measure with its unit, above the value axis: "Удержание, %"
	Series   []LineSeries
	// Format writes the value axis labels; nil writes whole numbers.
	Format func(float64) string
	// Empty is shown instead of the axes when no series has a value.
	Empty string
	Style Style
}

// Image renders the chart at width x height pixels.
func (c LineChart) Image(width, height int) (image.Image, error) {
	return renderImage(width, height, c.draw)
}

// PNG writes the chart as a PNG file.
func (c LineChart) PNG(out io.Writer, width, height int) error {
	return renderPNG(out, width, height, c.draw)
}

// SVG writes the chart as an SVG file.
func (c LineChart) SVG(out io.Writer, width, height int) error {
	return renderSVG(out, width, height, c.draw)
}

// Sizes in pixels at unit 1.
const (
	lineWidth    = 2.5
	targetWidth  = 2.0
	averageWidth = 1.5
	markerRadius = 3.5
	loneRadius   = 5.0 // a value with no neighbour
	averageFade  = 0.4 // how far an average's colour moves towards the background
	tickLength   = 4.0
	axisGap      = 8.0  // between tick labels and the plot
	legendGap    = 14.0 // between the X labels and the legend
)

func (c LineChart) draw(r chart.Renderer, width, height int) {
	u := c.Style.unit(width, height)
	fill(r, toDrawing(c.Style.Background), 0, 0, width, height)
	top := drawHeader(r, c.Style, u, c.Title, c.Subtitle, width)
	p, ok := c.plot(r, width, height)
	if !ok {
		drawEmpty(r, c.Style, u, c.Empty, top, width, height)
		return
	}
	c.drawYAxis(r, p)
	c.drawXLabels(r, p, width)
	for _, kind := range []SeriesKind{Average, Target, Line} { // measured lines on top
		for _, s := range c.Series {
			if s.Kind == kind {
				c.drawSeries(r, p, s)
			}
		}
	}
	p.legend.draw(r, c.Style, int(padding*u), p.legendTop)
}

// plot lays the chart out; ok is false when there is no value to draw.
func (c LineChart) plot(r chart.Renderer, width, height int) (p linePlot, ok bool) {
	lo, hi, ok := c.dataRange()
	if !ok {
		return linePlot{}, false
	}
	u := c.Style.unit(width, height)
	top := int(padding*u) + headerHeight(u, c.Title, c.Subtitle)
	return c.layout(r, width, height, top, lo, hi, u), true
}

// points is the number of X positions: one per label, or per value when unlabelled.
func (c LineChart) points() int {
	n := len(c.XLabels)
	if n == 0 {
		for _, s := range c.Series {
			n = max(n, len(s.Values))
		}
	}
	return n
}

// value is point i of s, NaN where s is short.
func (c LineChart) value(s LineSeries, i int) float64 {
	if i < len(s.Values) && !math.IsInf(s.Values[i], 0) {
		return s.Values[i]
	}
	return math.NaN()
}

// dataRange is the smallest and largest value shown; ok is false when there is none.
func (c LineChart) dataRange() (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range c.Series {
		for i := 0; i < c.points(); i++ {
			if v := c.value(s, i); !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	return lo, hi, lo <= hi
}

func (c LineChart) format(v float64) string {
	if c.Format != nil {
		return c.Format(v)
	}
	return formatWhole(v)
}

func (c LineChart) label(i int) string {
	if i < len(c.XLabels) {
		return c.XLabels[i]
	}
	return ""
}

// legendItems names every series, in order.
func (c LineChart) legendItems() []legendItem {
	var items []legendItem
	for _, s := range c.Series {
		if s.Name != "" {
			items = append(items, legendItem{name: s.Name, kind: s.Kind, color: c.Style.seriesColor(s.Color)})
		}
	}
	return items
}

// compactLegendItems is the legend of a crowded chart (eight managers with a target and
// an average each): targets and averages that share the colour of a named line are
// listed once per kind, with a neutral swatch and the name they share after their
// line's name ("Иванова — ср. 3 мес." gives "ср. 3 мес."), at the end. A kind whose
// names don't share such a part keeps its own entries.
func (c LineChart) compactLegendItems() []legendItem {
	shared := c.sharedCompanionNames()
	var items, tail []legendItem
	for _, s := range c.Series {
		if s.Name == "" {
			continue
		}
		if name, ok := shared[s.Kind]; ok && c.isCompanion(s) {
			if name != "" {
				tail = append(tail, legendItem{name: name, kind: s.Kind, color: toDrawing(c.Style.Muted)})
				shared[s.Kind] = "" // listed once
			}
			continue
		}
		items = append(items, legendItem{name: s.Name, kind: s.Kind, color: c.Style.seriesColor(s.Color)})
	}
	return append(items, tail...)
}

// sharedCompanionNames maps a kind to the name all its companions share, for the kinds
// where there is one.
func (c LineChart) sharedCompanionNames() map[SeriesKind]string {
	names := map[SeriesKind]string{}
	mixed := map[SeriesKind]bool{}
	for _, s := range c.Series {
		if s.Name == "" || !c.isCompanion(s) {
			continue
		}
		n := companionName(s.Name, c.lineName(s.Color))
		if prev, seen := names[s.Kind]; n == "" || (seen && prev != n) {
			mixed[s.Kind] = true
		}
		names[s.Kind] = n
	}
	for k := range mixed {
		delete(names, k)
	}
	return names
}

// isCompanion: a target or average drawn in the colour of a named line.
func (c LineChart) isCompanion(s LineSeries) bool {
	return s.Kind != Line && s.Color >= 0 && c.lineName(s.Color) != ""
}

func (c LineChart) lineName(color int) string {
	for _, s := range c.Series {
		if s.Kind == Line && s.Color == color && s.Name != "" {
			return s.Name
		}
	}
	return ""
}

// companionName is what a companion's name adds to its line's name.
func companionName(name, line string) string {
	rest, found := strings.CutPrefix(name, line)
	if !found {
		return name
	}
	return strings.Trim(rest, " \u00a0—–-:,()")
}

// stroke sets the renderer to draw a line of this kind in colour c.
func (k SeriesKind) stroke(r chart.Renderer, c drawing.Color, st Style, u float64) {
	r.SetFillColor(drawing.Color{}) // an SVG path is filled with the last fill colour
	r.SetStrokeDashArray(nil)
	switch k {
	case Target:
		r.SetStrokeColor(c)
		r.SetStrokeWidth(targetWidth * u)
		r.SetStrokeDashArray([]float64{7 * u, 4 * u})
	case Average:
		r.SetStrokeColor(k.color(c, st))
		r.SetStrokeWidth(averageWidth * u)
	default:
		r.SetStrokeColor(c)
		r.SetStrokeWidth(lineWidth * u)
	}
}

// color is how a series of colour c looks in this kind: an average is faded towards the
// background.
func (k SeriesKind) color(c drawing.Color, st Style) drawing.Color {
	if k == Average {
		return mix(c, toDrawing(st.Background), averageFade)
	}
	return c
}

// resetStroke stops later paths from inheriting a dash or a fill.
func resetStroke(r chart.Renderer) {
	r.SetStrokeDashArray(nil)
	r.SetFillColor(drawing.Color{})
}

// drawMarker draws a dot ringed in the background colour, so that crossing lines
// don't merge into it.
func drawMarker(r chart.Renderer, st Style, c drawing.Color, x, y int, radius float64) {
	r.SetStrokeDashArray(nil)
	r.SetFillColor(c)
	r.SetStrokeColor(toDrawing(st.Background))
	r.SetStrokeWidth(math.Max(1, radius*0.4))
	r.Circle(radius, x, y)
	r.FillStroke()
	resetStroke(r)
}
