package charts

import (
	"image"
	"io"
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Heatmap is a table of coloured cells: people down the side, criteria across the top,
// a value in each cell, such as review ratings or the gap between a self-review and
// the lead's.
type Heatmap struct {
	Title, Subtitle string
	// RowLabels name the rows (people), ColumnLabels the columns (criteria). Long
	// column labels wrap onto up to five lines, or turn upright when the columns are
	// narrow; long row labels are shortened with "…".
	RowLabels, ColumnLabels []string
	// Values are indexed [row][column]. NaN, or a value missing from a short row, is
	// an empty cell: outlined, with a dash.
	Values [][]float64
	// Min and Max are the ends of the colour scale; values beyond are drawn as the
	// end. Both zero: the data's own range. A diverging scale is symmetric around zero
	// and reaches the larger of |Min| and |Max|.
	Min, Max float64
	// Diverging colours negative values vermillion, positive ones blue and zero
	// neutral (a self-review minus the lead's rating); otherwise the scale runs from
	// vermillion (low) through neutral to bluish green (high), as for ratings 1–5.
	Diverging bool
	// Format writes a cell's value and the legend's; nil writes at most one decimal
	// in the Russian way ("4", "3,5"), with a "+" on positive values of a diverging
	// scale.
	Format func(float64) string
	// MissingLabel names an empty cell in the legend ("нет оценки"); empty: not shown.
	MissingLabel string
	// Empty is shown instead of the table when there are no rows or no columns.
	Empty string
	Style Style
}

// Image renders the chart at width x height pixels.
func (c Heatmap) Image(width, height int) (image.Image, error) {
	return renderImage(width, height, c.draw)
}

// PNG writes the chart as a PNG file.
func (c Heatmap) PNG(out io.Writer, width, height int) error {
	return renderPNG(out, width, height, c.draw)
}

// SVG writes the chart as an SVG file.
func (c Heatmap) SVG(out io.Writer, width, height int) error {
	return renderSVG(out, width, height, c.draw)
}

// Sizes in pixels at unit 1.
const (
	heatLabelShare = 0.28  // a row label wider than this share of the width gets "…"
	heatMaxColumn  = 150.0 // a few columns don't make very wide cells
	heatMaxRow     = 44.0  // a few rows don't make very tall cells
	heatGap        = 1.5   // background between cells
	heatCellPad    = 3.0   // least room around a value inside its cell
	heatHeadLines  = 5     // lines a column label may wrap onto (criteria names are long)
	heatHeadShrink = 0.8   // column labels may be this much smaller than row labels to fit
	heatHeadLeast  = 0.9   // but no smaller than this share of the base size
	heatTurnShare  = 0.3   // of the space under the title an upright column label may take
	heatScaleWidth = 220.0 // the legend's colour bar
	heatScaleBar   = 9.0   // its height
)

// Scale colours.
var (
	heatLow  = toDrawing(OkabeIto[5]) // vermillion
	heatHigh = toDrawing(OkabeIto[2]) // bluish green
	heatPos  = toDrawing(OkabeIto[0]) // blue
)

func (c Heatmap) size() (rows, cols int) {
	rows = max(len(c.RowLabels), len(c.Values))
	cols = len(c.ColumnLabels)
	for _, row := range c.Values {
		cols = max(cols, len(row))
	}
	return rows, cols
}

func (c Heatmap) value(i, j int) float64 {
	if i >= len(c.Values) || j >= len(c.Values[i]) {
		return math.NaN()
	}
	return c.Values[i][j]
}

func (c Heatmap) rowLabel(i int) string {
	if i < len(c.RowLabels) {
		return c.RowLabels[i]
	}
	return ""
}

func (c Heatmap) columnLabel(j int) string {
	if j < len(c.ColumnLabels) {
		return c.ColumnLabels[j]
	}
	return ""
}

func missing(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }

func (c Heatmap) format(v float64) string {
	if missing(v) {
		return dash
	}
	if c.Format != nil {
		return c.Format(v)
	}
	s := styleFor("ru").number(v, wholeOrOne(v))
	if c.Diverging && roundTo(v, 1) > 0 {
		s = "+" + s
	}
	return s
}

// bounds are the ends of the colour scale: Min and Max, or the data's range when both
// are zero; symmetric around zero when diverging.
func (c Heatmap) bounds() (lo, hi float64) {
	lo, hi = c.Min, c.Max
	if lo == 0 && hi == 0 {
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, row := range c.Values {
			for _, v := range row {
				if !missing(v) {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
		}
		if lo > hi {
			lo, hi = 0, 1
		}
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if c.Diverging {
		m := math.Max(math.Abs(lo), math.Abs(hi))
		if m == 0 {
			m = 1
		}
		return -m, m
	}
	if lo == hi {
		lo, hi = lo-1, hi+1
	}
	return lo, hi
}

// neutral is the middle of the scale: a light grey on paper, a dark one on a dark
// theme, so that the ends stand out on either.
func (c Heatmap) neutral() drawing.Color {
	return mix(toDrawing(c.Style.Muted), toDrawing(c.Style.Background), 0.86)
}

// at is the colour of position t of the scale, from 0 (low) to 1 (high).
func (c Heatmap) at(t float64) drawing.Color {
	t = math.Max(0, math.Min(1, t))
	low, high := heatLow, heatHigh
	if c.Diverging {
		high = heatPos
	}
	if t < 0.5 {
		return mix(low, c.neutral(), t*2)
	}
	return mix(c.neutral(), high, (t-0.5)*2)
}

// fill is the colour of a cell of value v.
func (c Heatmap) fill(v float64) drawing.Color {
	lo, hi := c.bounds()
	return c.at((v - lo) / (hi - lo))
}

func (c Heatmap) draw(r chart.Renderer, width, height int) {
	p := c.layout(r, width, height)
	fill(r, toDrawing(c.Style.Background), 0, 0, width, height)
	top := drawHeader(r, c.Style, p.u, c.Title, c.Subtitle, width)
	if rows, cols := c.size(); rows == 0 || cols == 0 {
		drawEmpty(r, c.Style, p.u, c.Empty, top, width, height)
		return
	}
	p.drawColumnLabels(r, c)
	p.drawRows(r, c)
	p.drawLegend(r, c)
}

// heatPlot is where a heatmap's parts go.
type heatPlot struct {
	u                  float64
	width              int
	top                int // of the column labels
	labelW, labelRight int // row labels end at labelRight, right-aligned
	gridLeft, gridTop  int
	colW, rowH         float64
	cols               int
	heads              [][]string // each column label's lines
	headSize           float64    // their font size: smaller than the rows' when that lets them lie flat
	headLines          int        // lines of the tallest label
	turned             bool       // column labels read upwards
	stride             int        // every stride-th column is labelled
	shown, hidden      int        // rows drawn, rows left out and counted in a last row
	values             bool       // cells are big enough for their values
}

// layout picks the largest size, from the canvas's own down to the base size in
// steps of 5 %, at which every row has room and the column labels lie flat; failing
// that, the largest at which every row has room with upright column labels; failing
// that, the base size with the rows that fit and a count of the others. A smaller size
// fits whatever a larger one does, so the steps are searched by halving: measuring
// text is slow in the SVG renderer.
func (c Heatmap) layout(r chart.Renderer, width, height int) heatPlot {
	base := c.Style.scale()
	top := c.Style.unit(width, height)
	steps := int(math.Ceil((top - base) / (0.05 * base)))
	at := func(k int) heatPlot {
		return c.layoutAt(r, width, height, math.Max(base, top-float64(k)*0.05*base))
	}
	// first is the least step in 0..steps whose layout is good, or steps+1 when none is
	first := func(good func(heatPlot) bool) (int, heatPlot) {
		lo, hi := 0, steps+1
		var found heatPlot
		for lo < hi {
			mid := (lo + hi) / 2
			if p := at(mid); good(p) {
				hi, found = mid, p
			} else {
				lo = mid + 1
			}
		}
		return lo, found
	}
	if k, p := first(func(p heatPlot) bool { return p.hidden == 0 && !p.turned }); k <= steps {
		return p
	}
	if k, p := first(func(p heatPlot) bool { return p.hidden == 0 }); k <= steps {
		return p
	}
	return at(steps)
}

func (c Heatmap) legendHeight(u float64) int {
	return int(legendGap*u) + int(heatScaleBar*u) + int(labelGap*u/2) + rowHeight(legendSize*u)
}

func (c Heatmap) layoutAt(r chart.Renderer, width, height int, u float64) heatPlot {
	rows, cols := c.size()
	pad := int(padding * u)
	p := heatPlot{u: u, width: width, cols: cols, stride: 1, shown: rows}
	p.top = pad + headerHeight(u, c.Title, c.Subtitle)
	if rows == 0 || cols == 0 {
		return p
	}
	bottom := height - pad - c.legendHeight(u)
	lab := labelSize * u
	setText(r, lab, drawing.ColorBlack)
	p.labelW = textWidth(r, moreLabel(rows))
	for i := 0; i < rows; i++ {
		p.labelW = max(p.labelW, textWidth(r, c.rowLabel(i)))
	}
	p.labelW = min(p.labelW, int(float64(width)*heatLabelShare))
	p.labelRight = pad + p.labelW
	p.gridLeft = p.labelRight + int(rankGap*u)
	p.colW = math.Max(0, math.Min(float64(width-pad-p.gridLeft)/float64(cols), heatMaxColumn*u))
	headH := p.layoutHeads(r, c, u, bottom-p.top)
	p.gridTop = p.top + headH + int(labelGap*u)
	avail := max(0, bottom-p.gridTop)
	if fit := int(float64(avail) / minRowSlot(u)); rows > fit {
		p.shown = max(0, fit-1)
		p.hidden = rows - p.shown
	}
	p.rowH = math.Min(float64(avail)/float64(max(1, p.shown+sign(p.hidden))), heatMaxRow*u)
	p.values = p.valuesFit(r, c)
	return p
}

// layoutHeads lays the column labels flat, wrapped onto up to heatHeadLines lines
// within their columns, in the largest size down to heatHeadShrink of the rows' at
// which no word is cut; failing that, it turns them upright, wrapped onto as many
// lines as a column holds side by side, in the largest size at which they fit a share
// of the room whole (else the least size, shortened with "…"). It returns the height
// they take.
func (p *heatPlot) layoutHeads(r chart.Renderer, c Heatmap, u float64, room int) int {
	inner := int(p.colW) - p.gap() - int(4*u) // some air between neighbours
	least := math.Max(labelSize*u*heatHeadShrink, labelSize*c.Style.scale()*heatHeadLeast)
	for size := labelSize * u; size >= least-1e-9; size -= 0.05 * labelSize * u {
		if p.layoutFlat(r, c, size, inner) {
			return p.headLines * rowHeight(size)
		}
	}
	p.turned = true
	limit := max(0, int(heatTurnShare*float64(room)))
	for size := labelSize * u; ; size -= 0.05 * labelSize * u {
		if size < least || p.layoutTurned(r, c, size, limit) {
			return p.layoutTurnedLength(r, c, math.Max(size, least), limit)
		}
	}
}

// layoutTurned says whether every column label, upright at size points, wraps whole
// onto the lines its column holds within limit pixels.
func (p *heatPlot) layoutTurned(r chart.Renderer, c Heatmap, size float64, limit int) bool {
	setText(r, size, drawing.ColorBlack)
	lines := p.turnedLines(size)
	for j := 0; j < p.cols; j++ {
		if _, ok := wrapLines(r, c.columnLabel(j), limit, lines); !ok {
			return false
		}
	}
	return true
}

// turnedLines is how many upright lines a column holds side by side.
func (p *heatPlot) turnedLines(size float64) int {
	return max(1, min(heatHeadLines, (int(p.colW)-p.gap())/rowHeight(size)))
}

// layoutTurnedLength wraps the upright column labels at size points as short as they
// wrap whole, up to limit pixels (beyond it shortened with "…"), and returns the
// height they take.
func (p *heatPlot) layoutTurnedLength(r chart.Renderer, c Heatmap, size float64, limit int) int {
	lh := rowHeight(size)
	p.headSize = size
	setText(r, size, drawing.ColorBlack)
	if p.colW > 0 && p.colW < float64(lh) {
		p.stride = int(math.Ceil(float64(lh) / p.colW))
	}
	lines := p.turnedLines(size)
	// the least length at which every label wraps whole onto the lines it has
	length := 0
	for j := 0; j < p.cols; j++ {
		length = max(length, widestWord(r, c.columnLabel(j)))
	}
	for ; length < limit; length += max(1, int(4*p.u)) {
		whole := true
		for j := 0; j < p.cols && whole; j++ {
			_, whole = wrapLines(r, c.columnLabel(j), length, lines)
		}
		if whole {
			break
		}
	}
	length = min(length, limit)
	longest := 0
	p.headLines = 1
	for j := range p.heads {
		p.heads[j], _ = wrapLines(r, c.columnLabel(j), length, lines)
		p.headLines = max(p.headLines, len(p.heads[j]))
		for _, l := range p.heads[j] {
			longest = max(longest, textWidth(r, l))
		}
	}
	return longest
}

// layoutFlat wraps every column label at size points within inner pixels, and says
// whether they all fit whole.
func (p *heatPlot) layoutFlat(r chart.Renderer, c Heatmap, size float64, inner int) bool {
	setText(r, size, drawing.ColorBlack)
	p.heads = make([][]string, p.cols)
	p.headSize, p.headLines = size, 0
	flat := true
	for j := range p.heads {
		lines, ok := wrapLines(r, c.columnLabel(j), inner, heatHeadLines)
		flat = flat && ok
		p.heads[j] = lines
		p.headLines = max(p.headLines, len(lines))
	}
	return flat
}

// valuesFit: every value drawn fits inside its cell with some air. Values are all
// written or none, so that a table never reads as partly filled.
func (p heatPlot) valuesFit(r chart.Renderer, c Heatmap) bool {
	size, gap := valueSize*p.u, p.gap()
	if float64(capHeight(size))+2*heatCellPad*p.u > p.rowH-float64(gap) {
		return false
	}
	setText(r, size, drawing.ColorBlack)
	widest := 0
	for i := 0; i < p.shown; i++ {
		for j := 0; j < p.cols; j++ {
			widest = max(widest, textWidth(r, c.format(c.value(i, j))))
		}
	}
	return float64(widest)+2*heatCellPad*p.u <= p.colW-float64(gap)
}

func (p heatPlot) gap() int { return max(1, int(math.Round(heatGap*p.u))) }

// cell is the box of row i, column j, without the gap after it.
func (p heatPlot) cell(i, j int) (x0, y0, x1, y1 int) {
	x0 = p.gridLeft + int(math.Round(float64(j)*p.colW))
	x1 = p.gridLeft + int(math.Round(float64(j+1)*p.colW)) - p.gap()
	y0 = p.gridTop + int(math.Round(float64(i)*p.rowH))
	y1 = p.gridTop + int(math.Round(float64(i+1)*p.rowH)) - p.gap()
	return x0, y0, max(x0, x1), max(y0, y1)
}

func (p heatPlot) rowMiddle(i int) int {
	return p.gridTop + int(float64(i)*p.rowH+(p.rowH-float64(p.gap()))/2)
}

func (p heatPlot) columnMiddle(j int) int {
	return p.gridLeft + int(float64(j)*p.colW+(p.colW-float64(p.gap()))/2)
}

// drawColumnLabels writes the column labels over their columns, lying flat and
// bottom-aligned, or upright, reading upwards from just above the cells.
func (p heatPlot) drawColumnLabels(r chart.Renderer, c Heatmap) {
	lab := p.headSize
	setText(r, lab, toDrawing(c.Style.Text))
	for j, lines := range p.heads {
		if j%p.stride != 0 {
			continue
		}
		mid := p.columnMiddle(j)
		if p.turned {
			lh := rowHeight(lab)
			left := mid - len(lines)*lh/2
			for k, line := range lines {
				drawUp(r, line, left+k*lh+(lh+capHeight(lab))/2, p.gridTop-int(labelGap*p.u))
			}
			continue
		}
		first := p.headLines - len(lines)
		for k, line := range lines {
			base := p.top + (first+k)*rowHeight(lab) + capHeight(lab) + int(2*p.u)
			r.Text(line, mid-textWidth(r, line)/2, base)
		}
	}
}

// drawRows draws each row's label and cells and, when rows are left out, counts them
// in a last row.
func (p heatPlot) drawRows(r chart.Renderer, c Heatmap) {
	lab, size := labelSize*p.u, valueSize*p.u
	for i := 0; i < p.shown; i++ {
		mid := p.rowMiddle(i)
		setText(r, lab, toDrawing(c.Style.Text))
		drawRight(r, ellipsize(r, c.rowLabel(i), p.labelW), p.labelRight, mid+capHeight(lab)/2)
		for j := 0; j < p.cols; j++ {
			v := c.value(i, j)
			x0, y0, x1, y1 := p.cell(i, j)
			col := toDrawing(c.Style.Muted)
			if missing(v) {
				p.drawEmptyCell(r, c, x0, y0, x1, y1)
			} else {
				f := c.fill(v)
				fill(r, f, x0, y0, x1, y1)
				col = c.Style.onFill(f)
			}
			if p.values {
				setText(r, size, col)
				text := c.format(v)
				r.Text(text, (x0+x1)/2-textWidth(r, text)/2, (y0+y1)/2+capHeight(size)/2)
			}
		}
	}
	if p.hidden > 0 {
		setText(r, lab, toDrawing(c.Style.Muted))
		drawRight(r, moreLabel(p.hidden), p.labelRight, p.rowMiddle(p.shown)+capHeight(lab)/2)
	}
}

// drawEmptyCell outlines a cell without a value: its place stays visible, and nothing
// suggests a value of zero.
func (p heatPlot) drawEmptyCell(r chart.Renderer, c Heatmap, x0, y0, x1, y1 int) {
	line := max(1, int(math.Round(p.u)))
	fill(r, c.Style.grid(), x0, y0, x1, y1)
	if x1-x0 > 2*line && y1-y0 > 2*line {
		fill(r, toDrawing(c.Style.Background), x0+line, y0+line, x1-line, y1-line)
	}
}

// drawLegend draws the colour scale under the table, from its low end to its high
// end, with both ends and the middle written under it, and, when a cell is empty and
// MissingLabel names it, an empty cell's swatch.
func (p heatPlot) drawLegend(r chart.Renderer, c Heatmap) {
	u := p.u
	pad := int(padding * u)
	y0 := p.gridTop + int(math.Round(float64(p.shown+sign(p.hidden))*p.rowH)) + int(legendGap*u)
	y1 := y0 + int(heatScaleBar*u)
	x0 := p.gridLeft
	x1 := x0 + int(math.Min(heatScaleWidth*u, float64(p.width-pad-x0)))
	if x1-x0 < 10 {
		return
	}
	step := max(1, int(2*u))
	for x := x0; x < x1; x += step {
		t := (float64(x-x0) + float64(step)/2) / float64(x1-x0)
		fill(r, c.at(t), x, y0, min(x+step, x1), y1)
	}
	lo, hi := c.bounds()
	size := legendSize * u
	setText(r, size, toDrawing(c.Style.Muted))
	base := y1 + int(labelGap*u/2) + capHeight(size)
	loText, midText, hiText := c.format(lo), c.format((lo+hi)/2), c.format(hi)
	loW, midW, hiW := textWidth(r, loText), textWidth(r, midText), textWidth(r, hiText)
	gap := int(labelGap * u)
	if loW+hiW+gap > x1-x0 {
		return // a bar too short to say what its ends are is better unlabelled
	}
	r.Text(loText, x0, base)
	drawRight(r, hiText, x1, base)
	if mid := (x0 + x1) / 2; loW+gap <= mid-midW/2-x0 && mid+midW/2+gap <= x1-hiW {
		r.Text(midText, mid-midW/2, base)
	}
	if c.MissingLabel != "" && p.anyMissing(c) {
		sx0 := x1 + int(itemGap*u)
		sx1 := sx0 + int(2*heatScaleBar*u)
		room := p.width - pad - sx1 - int(swatchGap*u)
		if room < 3*int(em(size)) {
			return
		}
		p.drawEmptyCell(r, c, sx0, y0, sx1, y1)
		setText(r, size, toDrawing(c.Style.Text))
		drawMiddle(r, ellipsize(r, c.MissingLabel, room), sx1+int(swatchGap*u), (y0+y1)/2, size)
	}
}

func (p heatPlot) anyMissing(c Heatmap) bool {
	for i := 0; i < p.shown; i++ {
		for j := 0; j < p.cols; j++ {
			if missing(c.value(i, j)) {
				return true
			}
		}
	}
	return false
}
