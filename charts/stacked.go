package charts

import (
	"image"
	"io"
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// StackedBarChart is a column chart whose columns are stacked by segment, such as
// headcount by grade split by team: columns from zero, the total written above each,
// a segment's value inside it when it fits, long category names wrapped under the
// columns and a legend naming the segments. With one unnamed segment it is a plain
// column chart, without a legend.
type StackedBarChart struct {
	Title, Subtitle string
	// Categories name the columns, in the order given ("Младший аккаунт-менеджер",
	// ...). Long names wrap onto up to three lines, in smaller text if need be, and
	// are shortened with "…" only when even that doesn't fit.
	Categories []string
	// Segments name the parts of a column, bottom up, in palette colours ("Команда
	// Ивановой", ...). A single "" makes a plain column chart.
	Segments []string
	// Values are indexed [category][segment]. NaN, negative values and a value
	// missing from a short row count as zero.
	Values [][]float64
	// Format writes totals and segment values; nil writes whole numbers in the Russian
	// way ("1 234").
	Format func(float64) string
	// Empty is shown instead of columns when there are no categories.
	Empty string
	Style Style
}

// Image renders the chart at width x height pixels.
func (c StackedBarChart) Image(width, height int) (image.Image, error) {
	return renderImage(width, height, c.draw)
}

// PNG writes the chart as a PNG file.
func (c StackedBarChart) PNG(out io.Writer, width, height int) error {
	return renderPNG(out, width, height, c.draw)
}

// SVG writes the chart as an SVG file.
func (c StackedBarChart) SVG(out io.Writer, width, height int) error {
	return renderSVG(out, width, height, c.draw)
}

// Sizes in pixels at unit 1.
const (
	stackMaxColumn = 120.0 // a few categories don't make very wide columns
	stackHeadLines = 3     // lines a category name may wrap onto (grade names are long)
	stackValuePad  = 3.0   // least room around a segment's value inside it
	stackPlotShare = 0.4   // of the height the columns keep, at least, before text shrinks
	stackTotalSize = 1.15  // totals are this much larger than segment values
)

func (c StackedBarChart) size() (cats, segs int) {
	cats = max(len(c.Categories), len(c.Values))
	segs = len(c.Segments)
	for _, row := range c.Values {
		segs = max(segs, len(row))
	}
	return cats, max(1, segs)
}

// value is category i's segment j, zero when absent or not a count.
func (c StackedBarChart) value(i, j int) float64 {
	if i >= len(c.Values) || j >= len(c.Values[i]) {
		return 0
	}
	v := c.Values[i][j]
	if missing(v) || v < 0 {
		return 0
	}
	return v
}

func (c StackedBarChart) total(i int) float64 {
	_, segs := c.size()
	sum := 0.0
	for j := 0; j < segs; j++ {
		sum += c.value(i, j)
	}
	return sum
}

func (c StackedBarChart) category(i int) string {
	if i < len(c.Categories) {
		return c.Categories[i]
	}
	return ""
}

func (c StackedBarChart) format(v float64) string {
	if c.Format != nil {
		return c.Format(v)
	}
	return styleFor("ru").number(math.Round(v), 0)
}

// stacked: there are segments to tell apart, so the legend names them.
func (c StackedBarChart) stacked() bool {
	_, segs := c.size()
	if segs > 1 {
		return true
	}
	return len(c.Segments) == 1 && c.Segments[0] != ""
}

func (c StackedBarChart) legendItems(u float64) []legendItem {
	if !c.stacked() {
		return nil
	}
	var items []legendItem
	for j, name := range c.Segments {
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

// stackPlot is where a stacked column chart's parts go.
type stackPlot struct {
	u                  float64
	cats, segs         int
	left, slot         float64
	colW               int
	plotTop, baseline  int
	scale              float64 // pixels per unit
	heads              [][]string
	headSize           float64
	headLines          int
	labelsTop          int
	stride             int // every stride-th total is written, when they are too wide for a slot
	tallest            int // the column whose total is always written: the one a reader looks for
	legend             legend
	legendTop, legendH int
	whole              bool // every category name is whole
}

func (p stackPlot) columnMiddle(i int) int {
	return int(p.left + float64(i)*p.slot + p.slot/2)
}

// column is the left and right edges of column i.
func (p stackPlot) column(i int) (x0, x1 int) {
	x0 = p.columnMiddle(i) - p.colW/2
	return x0, x0 + p.colW
}

func (p stackPlot) y(v float64) int { return p.baseline - int(math.Round(v*p.scale)) }

// layout picks the largest size, from the canvas's own down to the base size in steps
// of 5 %, at which every category name wraps whole under its column (in text down to
// heatHeadShrink of the size) and the columns keep stackPlotShare of the height;
// failing that, the base size, names shortened with "…".
func (c StackedBarChart) layout(r chart.Renderer, width, height int) stackPlot {
	base := c.Style.scale()
	var last stackPlot
	for u := c.Style.unit(width, height); ; u -= 0.05 * base {
		u = math.Max(u, base)
		least := math.Max(labelSize*u*heatHeadShrink, labelSize*base*heatHeadLeast)
		for size := labelSize * u; size >= least-1e-9; size -= 0.05 * labelSize * u {
			p := c.layoutAt(r, width, height, u, size)
			if p.whole && float64(p.baseline-p.plotTop) >= stackPlotShare*float64(height) {
				return p
			}
			last = p
		}
		if u <= base {
			break
		}
	}
	return last
}

func (c StackedBarChart) layoutAt(r chart.Renderer, width, height int, u, headSize float64) stackPlot {
	cats, segs := c.size()
	pad := int(padding * u)
	p := stackPlot{u: u, cats: cats, segs: segs, headSize: headSize, whole: true, stride: 1}
	top := pad + headerHeight(u, c.Title, c.Subtitle)
	if cats == 0 {
		return p
	}
	p.left = float64(pad)
	p.slot = math.Max(0, float64(width-2*pad)/float64(cats))
	p.colW = max(1, int(math.Min(p.slot*barFraction, stackMaxColumn*u)))
	if items := c.legendItems(u); len(items) > 0 {
		p.legend = layoutLegend(r, items, width-2*pad, u)
		p.legendH = int(legendGap*u) + p.legend.height()
	}
	p.legendTop = height - pad - p.legend.height()
	setText(r, headSize, drawing.ColorBlack)
	inner := max(1, int(p.slot)-int(labelGap*u))
	p.heads = make([][]string, cats)
	for i := range p.heads {
		lines, ok := wrapLines(r, c.category(i), inner, stackHeadLines)
		p.whole = p.whole && ok
		p.heads[i] = lines
		p.headLines = max(p.headLines, len(lines))
	}
	p.labelsTop = height - pad - p.legendH - p.headLines*rowHeight(headSize)
	p.baseline = p.labelsTop - int(labelGap*u)
	size := valueSize * u * stackTotalSize
	p.plotTop = top + rowHeight(size) + int(labelGap*u*0.75)
	hi := 0.0
	setText(r, size, drawing.ColorBlack)
	widest := 0
	for i := 0; i < cats; i++ {
		if c.total(i) > hi {
			hi, p.tallest = c.total(i), i
		}
		widest = max(widest, textWidth(r, c.format(c.total(i))))
	}
	if hi > 0 {
		p.scale = math.Max(0, float64(p.baseline-p.plotTop)/hi)
	}
	if p.slot > 0 {
		p.stride = max(1, int(math.Ceil((float64(widest)+4*u)/p.slot)))
	}
	return p
}

func (c StackedBarChart) draw(r chart.Renderer, width, height int) {
	p := c.layout(r, width, height)
	u := p.u
	fill(r, toDrawing(c.Style.Background), 0, 0, width, height)
	top := drawHeader(r, c.Style, u, c.Title, c.Subtitle, width)
	if p.cats == 0 {
		drawEmpty(r, c.Style, u, c.Empty, top, width, height)
		return
	}
	if p.baseline <= p.plotTop {
		return // no room for columns
	}
	for i := 0; i < p.cats; i++ {
		p.drawColumn(r, c, i)
	}
	pad := int(padding * u)
	hline(r, toDrawing(c.Style.Muted), pad, width-pad, p.baseline, u)
	p.drawLabels(r, c)
	if p.legendH > 0 {
		p.legend.draw(r, c.Style, pad, p.legendTop)
	}
}

// drawColumn stacks category i's segments from zero, a hairline of background between
// them, writes each segment's value inside it when it fits and the total above.
func (p stackPlot) drawColumn(r chart.Renderer, c StackedBarChart, i int) {
	u, size := p.u, valueSize*p.u
	x0, x1 := p.column(i)
	acc := 0.0
	for j := 0; j < p.segs; j++ {
		v := c.value(i, j)
		if v == 0 {
			continue
		}
		y0, y1 := p.y(acc+v), p.y(acc)
		acc += v
		if y1 <= y0 {
			continue
		}
		col := c.Style.seriesColor(j)
		fill(r, col, x0, y0, x1, y1)
		if y1 < p.baseline {
			hline(r, toDrawing(c.Style.Background), x0, x1, y1-max(1, int(math.Round(segmentGap*u))), segmentGap*u)
		}
		if !c.stacked() {
			continue // the total says it all
		}
		text := c.format(v)
		setText(r, size, c.Style.onFill(col))
		room := stackValuePad * u
		if float64(y1-y0) >= float64(capHeight(size))+2*room && float64(textWidth(r, text))+2*room <= float64(x1-x0) {
			r.Text(text, (x0+x1)/2-textWidth(r, text)/2, (y0+y1)/2+capHeight(size)/2)
		}
	}
	if (i-p.tallest)%p.stride != 0 { // counted from the tallest column, which is always written
		return
	}
	size *= stackTotalSize
	setText(r, size, toDrawing(c.Style.Text))
	text := c.format(c.total(i))
	r.Text(text, (x0+x1)/2-textWidth(r, text)/2, p.y(acc)-int(labelGap*u*0.75))
}

// drawLabels writes each category's name under its column, centred, line by line.
func (p stackPlot) drawLabels(r chart.Renderer, c StackedBarChart) {
	size := p.headSize
	lh := rowHeight(size)
	setText(r, size, toDrawing(c.Style.Text))
	for i, lines := range p.heads {
		mid := p.columnMiddle(i)
		for k, line := range lines {
			r.Text(line, mid-textWidth(r, line)/2, p.labelsTop+k*lh+capHeight(size)+int(2*p.u))
		}
	}
}
