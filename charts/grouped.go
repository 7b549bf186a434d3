package charts

import (
	"image"
	"io"
	"math"

	"github.com/wcharczuk/go-chart/v2"
)

// GroupedBarChart compares a few series across categories, such as the department
// audit's sections scored in two audits: a row per category, its name at the left and a
// horizontal bar per series from zero, in palette colours named in a legend, the value
// at the end of each bar and a light grid of a few ticks under the rows.
type GroupedBarChart struct {
	Title, Subtitle string
	// Categories name the rows, top down ("Работа с другими отделами", ...). A long
	// name wraps onto up to three lines when the row is tall enough and is shortened
	// with "…" only when even that doesn't fit.
	Categories []string
	// Series name the bars of a row, top down, in palette colours, named in the legend
	// ("Аудит 15.03.2026", "Аудит 15.06.2026"). 1 to 4 read well.
	Series []string
	// Values are indexed [category][series]. NaN, an infinity or a value missing from a
	// short row draws no bar and no value; a negative value has no bar but is written.
	Values [][]float64
	// Format writes the values at the bar ends and the ticks; nil writes whole numbers
	// in the Russian way ("1 234"); AxisFormatter("ru", UnitPercent) writes "95 %".
	Format func(float64) string
	// Max is where the axis ends (100 for per cent), unless a value is larger; 0: the
	// axis ends at the largest value.
	Max float64
	// Empty is shown instead of bars when there are no categories or no values.
	Empty string
	Style Style
}

// Image renders the chart at width x height pixels.
func (c GroupedBarChart) Image(width, height int) (image.Image, error) {
	return renderImage(width, height, c.draw)
}

// PNG writes the chart as a PNG file.
func (c GroupedBarChart) PNG(out io.Writer, width, height int) error {
	return renderPNG(out, width, height, c.draw)
}

// SVG writes the chart as an SVG file.
func (c GroupedBarChart) SVG(out io.Writer, width, height int) error {
	return renderSVG(out, width, height, c.draw)
}

// series is how many bars a row has: one per name, or as many as the longest row.
func (c GroupedBarChart) series() int {
	n := len(c.Series)
	for _, row := range c.Values {
		n = max(n, len(row))
	}
	return n
}

// value is category i's value of series j, NaN when there is none.
func (c GroupedBarChart) value(i, j int) float64 {
	if i >= len(c.Values) || j >= len(c.Values[i]) || missing(c.Values[i][j]) {
		return math.NaN()
	}
	return c.Values[i][j]
}

// largest is the largest value drawn; ok is false when there is none.
func (c GroupedBarChart) largest() (hi float64, ok bool) {
	hi = math.Inf(-1)
	for i := range c.Categories {
		for j := 0; j < c.series(); j++ {
			if v := c.value(i, j); !math.IsNaN(v) {
				hi, ok = math.Max(hi, v), true
			}
		}
	}
	return hi, ok
}

func (c GroupedBarChart) empty() bool {
	_, ok := c.largest()
	return len(c.Categories) == 0 || !ok
}

func (c GroupedBarChart) format(v float64) string {
	if c.Format != nil {
		return c.Format(v)
	}
	return styleFor("ru").number(math.Round(v), 0)
}

// legendItems name the series, each with a short bar in its colour; a chart of one
// unnamed series has nothing to tell apart and no legend.
func (c GroupedBarChart) legendItems(u float64) []legendItem {
	var items []legendItem
	for j, name := range c.Series {
		if name == "" {
			continue
		}
		col := c.Style.seriesColor(j)
		items = append(items, legendItem{name: name, color: col, swatch: func(r chart.Renderer, x0, x1, y int) {
			y0, y1 := swatchBox(y, u)
			fill(r, col, x0, y0, x1, y1)
		}})
	}
	return items
}

func (c GroupedBarChart) draw(r chart.Renderer, width, height int) {
	p := c.layout(r, width, height)
	u := p.u
	fill(r, toDrawing(c.Style.Background), 0, 0, width, height)
	top := drawHeader(r, c.Style, u, c.Title, c.Subtitle, width)
	if c.empty() {
		drawEmpty(r, c.Style, u, c.Empty, top, width, height)
		return
	}
	if p.bottom <= p.top || p.right <= p.zero {
		return // no room for bars
	}
	p.drawGrid(r, c)
	for i := 0; i < p.shown; i++ {
		for j := 0; j < p.series; j++ {
			p.drawBar(r, c, i, j)
		}
	}
	p.drawValues(r, c)
	for i := 0; i < p.shown; i++ {
		p.drawName(r, c, i)
	}
	if p.hidden > 0 {
		size := labelSize * u
		setText(r, size, toDrawing(c.Style.Muted))
		drawRight(r, moreLabel(p.hidden), p.labelRight, p.rowMiddle(p.shown)+capHeight(size)/2)
	}
	if len(p.legend.rows) > 0 {
		p.legend.draw(r, c.Style, int(padding*u), p.legendTop)
	}
}

// drawGrid draws faint vertical lines at the ticks, their labels under the rows, and
// the zero line the bars stand on, stronger.
func (p groupPlot) drawGrid(r chart.Renderer, c GroupedBarChart) {
	u, lab := p.u, labelSize*p.u
	tick, pad := int(tickLength*u), int(padding*u)
	for _, t := range p.axis.ticks() {
		x := p.x(t)
		vline(r, c.Style.grid(), x, p.top, p.bottom+tick, u)
		setText(r, lab, toDrawing(c.Style.Muted))
		text := c.format(t)
		w := textWidth(r, text)
		left := max(pad, min(p.width-pad-w, x-w/2)) // the scale keeps the last one in; a safety net
		r.Text(text, left, p.bottom+tick+int(labelGap*u/2)+capHeight(lab))
	}
	vline(r, toDrawing(c.Style.Muted), p.zero, p.top, p.bottom, u)
}

// drawBar draws category i's bar of series j from zero; a missing value has none.
func (p groupPlot) drawBar(r chart.Renderer, c GroupedBarChart, i, j int) {
	v := c.value(i, j)
	if math.IsNaN(v) {
		return
	}
	y0, y1 := p.bar(i, j)
	if end := p.x(v); end > p.zero && y1 > y0 {
		fill(r, c.Style.seriesColor(j), p.zero, y0, end, y1)
	}
}

// drawValues writes each bar's value after its end, on a patch of background so that
// grid lines don't strike it through. The patches stay within their bars' bands, so
// that none covers a longer neighbour, and all go down before any text, so that none
// clips the comma of the value above.
func (p groupPlot) drawValues(r chart.Renderer, c GroupedBarChart) {
	if p.valueSize == 0 {
		return
	}
	size, u := p.valueSize, p.u
	setText(r, size, toDrawing(c.Style.Text))
	rise, halo := capHeight(size), int(3*u)
	up := min(halo, max(0, (int(p.pitch)-rise)/2))
	p.eachValue(c, func(text string, x, mid int) {
		top := mid - rise/2
		fill(r, toDrawing(c.Style.Background), x-halo/2, top-up, x+textWidth(r, text)+halo, top+rise+up)
	})
	p.eachValue(c, func(text string, x, mid int) {
		setText(r, size, toDrawing(c.Style.Text))
		r.Text(text, x, mid-rise/2+rise)
	})
}

// eachValue calls do with every value to write, where it starts and the middle of its
// bar.
func (p groupPlot) eachValue(c GroupedBarChart, do func(text string, x, mid int)) {
	for i := 0; i < p.shown; i++ {
		for j := 0; j < p.series; j++ {
			v := c.value(i, j)
			if math.IsNaN(v) {
				continue
			}
			y0, y1 := p.bar(i, j)
			do(c.format(v), max(p.x(v), p.zero)+valueOffset(p.u), (y0+y1)/2)
		}
	}
}

// drawName writes the category's name, right-aligned before the zero line, its lines
// centred on the row.
func (p groupPlot) drawName(r chart.Renderer, c GroupedBarChart, i int) {
	size := p.nameSize
	lines := p.names[i]
	lh, rise := rowHeight(size), capHeight(size)
	first := p.rowMiddle(i) - ((len(lines)-1)*lh+rise)/2 + rise
	setText(r, size, toDrawing(c.Style.Text))
	for k, line := range lines {
		drawRight(r, line, p.labelRight, first+k*lh)
	}
}
