package charts

import (
	"image"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// NineBox is the calibration grid: performance across (low, medium, high), potential
// up (low, medium, high), the names of the people in each box. Boxes are tinted by how
// good they are: the top right greenish, the bottom left vermillion, the diagonal
// between them neutral, all light enough for the names to read.
type NineBox struct {
	Title, Subtitle string
	// XLabel and YLabel title the axes ("Результативность", "Потенциал").
	XLabel, YLabel string
	// XLevels and YLevels name the levels, low to high ("низкая", "средняя",
	// "высокая").
	XLevels, YLevels [3]string
	// Cells are the names in each box, indexed [x][y]: Cells[2][2] is high performance
	// and high potential. Names are listed one per line, in columns when the box is
	// wide; those that don't fit are counted in a last line.
	Cells [3][3][]string
	// CellTitles name the boxes, indexed like Cells ("Звёзды" for [2][2]); optional.
	CellTitles [3][3]string
	// More writes the last line of a box that can't list everyone, counting the n
	// names left out ("ещё 5"); nil writes "+5".
	More func(n int) string
	// Empty is shown instead of the grid when no box has a name.
	Empty string
	Style Style
}

// Image renders the chart at width x height pixels.
func (c NineBox) Image(width, height int) (image.Image, error) {
	return renderImage(width, height, c.draw)
}

// PNG writes the chart as a PNG file.
func (c NineBox) PNG(out io.Writer, width, height int) error {
	return renderPNG(out, width, height, c.draw)
}

// SVG writes the chart as an SVG file.
func (c NineBox) SVG(out io.Writer, width, height int) error {
	return renderSVG(out, width, height, c.draw)
}

// Sizes in pixels at unit 1.
const (
	nineGap        = 4.0  // between boxes
	ninePad        = 8.0  // inside a box
	nineColumnGap  = 14.0 // between columns of names in a box
	nineLevelShare = 0.16 // of the width the Y level names may take
	nineMaxColumns = 4    // columns of names in a box
	nineMinColumn  = 95.0 // the least width of a column of names, when a box has several
)

func (c NineBox) more(n int) string {
	if c.More != nil {
		return c.More(n)
	}
	return "+" + strconv.Itoa(n)
}

func (c NineBox) empty() bool {
	for x := range c.Cells {
		for y := range c.Cells[x] {
			if len(c.Cells[x][y]) > 0 {
				return false
			}
		}
	}
	return true
}

// tint is the fill of box x, y: by x + y, from vermillion through neutral to bluish
// green, mixed far towards the background.
func (c NineBox) tint(x, y int) drawing.Color {
	bg := toDrawing(c.Style.Background)
	switch x + y {
	case 0:
		return mix(heatLow, bg, 0.72)
	case 1:
		return mix(heatLow, bg, 0.86)
	case 3:
		return mix(heatHigh, bg, 0.82)
	case 4:
		return mix(heatHigh, bg, 0.68)
	}
	return mix(toDrawing(c.Style.Muted), bg, 0.88)
}

// ninePlot is where a nine-box's parts go.
type ninePlot struct {
	u                 float64
	gridLeft, gridTop int
	cellW, cellH      float64
	levelW            int // the Y level names end at gridLeft - rankGap
	yTitleX           int // the baseline of the upright Y title
	xLevelsTop        int
	xLevels           [3][]string
	xLevelLines       int
	yLevels           [3][]string
	names             [3][3]int // in each box
	nameW             [3][3]int // the widest name in each box
}

func (p ninePlot) gap() int { return int(math.Round(nineGap * p.u)) }

// box is the rectangle of box x, y (y counts up from the bottom row).
func (p ninePlot) box(x, y int) (x0, y0, x1, y1 int) {
	g := float64(p.gap())
	x0 = p.gridLeft + int(math.Round(float64(x)*(p.cellW+g)))
	y0 = p.gridTop + int(math.Round(float64(2-y)*(p.cellH+g)))
	return x0, y0, x0 + int(p.cellW), y0 + int(p.cellH)
}

// boxTitleHeight is the room of a box's title line.
func (p ninePlot) boxTitleHeight() int { return rowHeight(labelSize * p.u * 1.1) }

// lines is how many names a column of a box lists, under the box's title line.
func (p ninePlot) lines() int {
	return max(0, int((p.cellH-2*ninePad*p.u-float64(p.boxTitleHeight()))/float64(rowHeight(labelSize*p.u))))
}

// columns are how many columns of names box x, y lists and how wide each is: as many
// as its names need, as wide as its widest name allows; when that is not enough (at
// the base size), as many as fit at least nineMinColumn wide, longer names shortened.
func (p ninePlot) columns(x, y int) (n, width int) {
	u := p.u
	inner := int(p.cellW - 2*ninePad*u)
	gap := int(nineColumnGap * u)
	lines, names := p.lines(), p.names[x][y]
	if lines == 0 || names <= lines {
		return 1, max(0, inner)
	}
	need := (names + lines - 1) / lines
	n = min(need, p.wholeColumns(x, y))
	if n < need {
		least := max(1, min(p.nameW[x][y], int(nineMinColumn*u)))
		n = max(n, min(need, nineMaxColumns, (inner+gap)/(least+gap)))
	}
	n = max(1, n)
	return n, max(0, (inner-(n-1)*gap)/n)
}

// wholeColumns is how many columns of box x, y's names fit side by side unshortened.
func (p ninePlot) wholeColumns(x, y int) int {
	inner := int(p.cellW - 2*ninePad*p.u)
	gap := int(nineColumnGap * p.u)
	return max(1, min(nineMaxColumns, (inner+gap)/(max(1, p.nameW[x][y])+gap)))
}

// fitsShortened: every name has a place at this size, some perhaps shortened.
func (c NineBox) fitsShortened(p ninePlot) bool {
	for x := range c.Cells {
		for y := range c.Cells[x] {
			n, _ := p.columns(x, y)
			if len(c.Cells[x][y]) > p.lines()*n {
				return false
			}
		}
	}
	return true
}

// fits: every name has a place, unshortened, at this size.
func (c NineBox) fits(p ninePlot) bool {
	for x := range c.Cells {
		for y := range c.Cells[x] {
			if len(c.Cells[x][y]) > p.lines()*p.wholeColumns(x, y) {
				return false
			}
		}
	}
	return true
}

// layout picks the largest size, from the canvas's own down to the base size, at
// which every name has a place unshortened; failing that, the largest at which every
// name has a place, some as initials; failing that, the base size, which lists most.
func (c NineBox) layout(r chart.Renderer, width, height int) ninePlot {
	base := c.Style.scale()
	var plots []ninePlot
	for u := c.Style.unit(width, height); ; u -= 0.05 * base {
		u = math.Max(u, base)
		p := c.layoutAt(r, width, height, u)
		if c.fits(p) {
			return p
		}
		plots = append(plots, p)
		if u <= base {
			break
		}
	}
	for _, p := range plots {
		if c.fitsShortened(p) {
			return p
		}
	}
	return plots[len(plots)-1]
}

func (c NineBox) layoutAt(r chart.Renderer, width, height int, u float64) ninePlot {
	pad := int(padding * u)
	lab := labelSize * u
	p := ninePlot{u: u, gridTop: pad + headerHeight(u, c.Title, c.Subtitle)}
	left := pad
	if c.YLabel != "" {
		p.yTitleX = left + capHeight(lab)
		left += rowHeight(lab) + int(labelGap*u)
	}
	setText(r, lab, drawing.ColorBlack)
	for _, l := range c.YLevels {
		p.levelW = max(p.levelW, widestWord(r, l))
	}
	p.levelW = min(p.levelW, int(float64(width)*nineLevelShare))
	p.gridLeft = left + p.levelW
	if p.levelW > 0 {
		p.gridLeft += int(rankGap * u)
	}
	for i, l := range c.YLevels {
		p.yLevels[i], _ = wrapLines(r, l, p.levelW, 2)
	}
	gap := float64(p.gap())
	p.cellW = math.Max(0, (float64(width-pad-p.gridLeft)-2*gap)/3)
	for i, l := range c.XLevels {
		p.xLevels[i], _ = wrapLines(r, l, int(p.cellW), 2)
		p.xLevelLines = max(p.xLevelLines, len(p.xLevels[i]))
	}
	bottom := height - pad
	if c.XLabel != "" {
		bottom -= rowHeight(lab)
	}
	bottom -= p.xLevelLines * rowHeight(lab)
	p.xLevelsTop = bottom
	bottom -= int(labelGap * u / 2)
	p.cellH = math.Max(0, (float64(bottom-p.gridTop)-2*gap)/3)
	for x := range c.Cells {
		for y := range c.Cells[x] {
			p.names[x][y] = len(c.Cells[x][y])
			for _, name := range c.Cells[x][y] {
				p.nameW[x][y] = max(p.nameW[x][y], textWidth(r, name))
			}
		}
	}
	return p
}

func (c NineBox) draw(r chart.Renderer, width, height int) {
	p := c.layout(r, width, height)
	u := p.u
	fill(r, toDrawing(c.Style.Background), 0, 0, width, height)
	top := drawHeader(r, c.Style, u, c.Title, c.Subtitle, width)
	if c.empty() {
		drawEmpty(r, c.Style, u, c.Empty, top, width, height)
		return
	}
	for x := 0; x < 3; x++ {
		for y := 0; y < 3; y++ {
			p.drawBox(r, c, x, y)
		}
	}
	p.drawAxes(r, c, width)
}

// drawAxes names the levels beside the rows and under the columns, and titles the
// axes: the Y title upright at the left, the X title under the level names.
func (p ninePlot) drawAxes(r chart.Renderer, c NineBox, width int) {
	u, lab := p.u, labelSize*p.u
	lh := rowHeight(lab)
	setText(r, lab, toDrawing(c.Style.Muted))
	for y, lines := range p.yLevels {
		_, y0, _, y1 := p.box(0, y)
		first := (y0+y1)/2 - len(lines)*lh/2
		for k, line := range lines {
			drawRight(r, line, p.gridLeft-int(rankGap*u), first+k*lh+(lh+capHeight(lab))/2)
		}
	}
	for x, lines := range p.xLevels {
		x0, _, x1, _ := p.box(x, 0)
		for k, line := range lines {
			drawCentered(r, line, (x0+x1)/2, p.xLevelsTop+k*lh+capHeight(lab)+int(2*u))
		}
	}
	setText(r, lab, toDrawing(c.Style.Text))
	_, gridBottom := p.gridTop, p.gridTop+int(3*p.cellH)+2*p.gap()
	if c.XLabel != "" {
		x0, _, _, _ := p.box(0, 0)
		_, _, x1, _ := p.box(2, 0)
		text := ellipsize(r, c.XLabel, x1-x0)
		drawCentered(r, text, (x0+x1)/2, p.xLevelsTop+p.xLevelLines*lh+capHeight(lab)+int(2*u))
	}
	if c.YLabel != "" {
		text := ellipsize(r, c.YLabel, gridBottom-p.gridTop)
		drawUp(r, text, p.yTitleX, (p.gridTop+gridBottom)/2+textWidth(r, text)/2)
	}
}

// drawBox fills box x, y with its tint and writes its title, its head count and its
// names, in columns, the last line counting those that don't fit.
func (p ninePlot) drawBox(r chart.Renderer, c NineBox, x, y int) {
	u := p.u
	x0, y0, x1, y1 := p.box(x, y)
	if x1 <= x0 || y1 <= y0 {
		return
	}
	fill(r, c.tint(x, y), x0, y0, x1, y1)
	pad := int(ninePad * u)
	names := c.Cells[x][y]
	titleSize, lab := labelSize*u*1.1, labelSize*u
	inner := x1 - x0 - 2*pad
	if inner <= 0 {
		return
	}
	titleBase := y0 + pad + capHeight(titleSize) + int(2*u)
	if y1-y0 >= 2*pad+p.boxTitleHeight() {
		setText(r, lab, toDrawing(c.Style.Muted))
		cw := 0
		if len(names) > 0 {
			count := strconv.Itoa(len(names))
			cw = textWidth(r, count)
			drawRight(r, count, x1-pad, titleBase)
		}
		setText(r, titleSize, toDrawing(c.Style.Text))
		title := c.CellTitles[x][y]
		if room := inner - cw - int(labelGap*u); room > 0 && title != "" {
			r.Text(ellipsize(r, title, room), x0+pad, titleBase)
		}
	}
	lines := p.lines()
	columns, colW := p.columns(x, y)
	if lines == 0 || len(names) == 0 {
		return
	}
	shown, hidden := len(names), 0
	if len(names) > lines*columns {
		shown = lines*columns - 1
		hidden = len(names) - shown
	}
	lh := rowHeight(lab)
	top := y0 + pad + p.boxTitleHeight()
	colStep := colW + int(nineColumnGap*u)
	setText(r, lab, toDrawing(c.Style.Text))
	short := false // when one name of a box is shortened to initials, all are, alike
	for _, name := range names[:shown] {
		short = short || textWidth(r, name) > colW
	}
	for k := 0; k < shown; k++ {
		cx := x0 + pad + (k/lines)*colStep
		name := names[k]
		if short {
			name = initials(name)
		}
		r.Text(ellipsize(r, name, colW), cx, top+(k%lines)*lh+(lh+capHeight(lab))/2)
	}
	if hidden > 0 {
		setText(r, lab, toDrawing(c.Style.Muted))
		cx := x0 + pad + (shown/lines)*colStep
		r.Text(ellipsize(r, c.more(hidden), colW), cx, top+(shown%lines)*lh+(lh+capHeight(lab))/2)
	}
}

// initials writes a person's name the way Russian lists shorten it: "Зайцева
// Екатерина" is "Зайцева Е.".
func initials(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return name
	}
	short := words[0]
	for _, w := range words[1:] {
		short += " " + string([]rune(w)[:1]) + "."
	}
	return short
}
