package charts

import (
	"image"
	"io"
	"math"
	"strconv"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// RankBar is one entity's attainment: a manager's or a client's name and the share of
// the target reached, in per cent (NaN: no target or no value).
type RankBar struct {
	Label string
	Value float64
}

// RankingChart compares attainment across managers or clients for one period:
// horizontal bars from zero, in the order given, coloured by band, with a reference
// line at 100 %.
type RankingChart struct {
	Title    string
	Subtitle string
	Bars     []RankBar
	// Format writes a value at the end of its bar; nil writes a whole per cent in the
	// Russian way ("104 %"); pass AxisFormatter(lang, UnitPercent) for other languages.
	Format func(float64) string
	// TargetLabel names the line at 100 % ("цель", "target"); empty: no label.
	TargetLabel string
	// Amber and Green are the band thresholds in per cent: below Amber a bar is
	// vermillion, from Amber orange, from Green bluish green. Zero means 90 and 100.
	Amber, Green float64
	// Empty is shown instead of bars when there are none.
	Empty string
	Style Style
}

// Band colours: Okabe-Ito, so that no form of colour blindness merges them.
var (
	bandBelow = toDrawing(OkabeIto[5]) // vermillion
	bandAmber = toDrawing(OkabeIto[1]) // orange
	bandGreen = toDrawing(OkabeIto[2]) // bluish green
)

// Sizes in pixels at unit 1.
const (
	rankMaxSlot   = 40.0 // a short list doesn't get fat bars
	rankBarShare  = 0.66 // of a row the bar fills
	rankRowPad    = 2.5  // least room between two rows' labels
	rankGap       = 10.0 // between a name and the zero line, a bar and its value
	rankLineWidth = 1.5  // the 100 % line
	// a name wider than this share of the chart is shortened with "…"
	rankLabelShare = 0.4
)

// Image renders the chart at width x height pixels.
func (c RankingChart) Image(width, height int) (image.Image, error) {
	return renderImage(width, height, c.draw)
}

// PNG writes the chart as a PNG file.
func (c RankingChart) PNG(out io.Writer, width, height int) error {
	return renderPNG(out, width, height, c.draw)
}

// SVG writes the chart as an SVG file.
func (c RankingChart) SVG(out io.Writer, width, height int) error {
	return renderSVG(out, width, height, c.draw)
}

// MaxBars is how many bars fit, readable, in a chart height pixels tall (at any width):
// a longer list shrinks its text down to the base size and then no further, so cut it
// to MaxBars ("top 25 of 40"). Bars beyond it are left out and counted in a last
// row ("… +12").
func (c RankingChart) MaxBars(height int) int {
	return c.maxBarsAt(height, c.Style.scale())
}

// maxBarsAt is how many rows of minSlot fit at size unit u.
func (c RankingChart) maxBarsAt(height int, u float64) int {
	return max(0, int(float64(c.rowsHeight(height, u))/c.minSlot(u)))
}

func (c RankingChart) format(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return dash
	}
	if c.Format != nil {
		return c.Format(v)
	}
	return styleFor("ru").number(v, 0) + nbsp + "%"
}

// band is the colour of a bar of value v.
func (c RankingChart) band(v float64) drawing.Color {
	amber, green := c.Amber, c.Green
	if amber == 0 {
		amber = 90
	}
	if green == 0 {
		green = 100
	}
	switch {
	case v >= green:
		return bandGreen
	case v >= amber:
		return bandAmber
	default:
		return bandBelow
	}
}

// rowsTop is where the first row starts: under the header and the target's label.
func (c RankingChart) rowsTop(u float64) int {
	top := int(padding*u) + headerHeight(u, c.Title, c.Subtitle)
	if c.TargetLabel != "" {
		top += rowHeight(labelSize * u)
	}
	return top
}

func (c RankingChart) rowsHeight(height int, u float64) int {
	return height - int(padding*u) - c.rowsTop(u)
}

func (c RankingChart) minSlot(u float64) float64 { return minRowSlot(u) }

// minRowSlot is the least height of a row of a horizontal bar chart: its name's line
// and a little air.
func minRowSlot(u float64) float64 {
	return em(labelSize*u) + 2*rankRowPad*u
}

// fitUnit is the largest size, from the canvas's own down to the base size, at which
// all rows fit: a long list gets smaller text rather than overlapping names.
func (c RankingChart) fitUnit(width, height int) float64 {
	base := c.Style.scale()
	for u := c.Style.unit(width, height); u > base; u -= 0.05 * base {
		if len(c.Bars) <= c.maxBarsAt(height, u) {
			return u
		}
	}
	return base
}

func (c RankingChart) draw(r chart.Renderer, width, height int) {
	u := c.fitUnit(width, height)
	fill(r, toDrawing(c.Style.Background), 0, 0, width, height)
	top := drawHeader(r, c.Style, u, c.Title, c.Subtitle, width)
	if len(c.Bars) == 0 {
		drawEmpty(r, c.Style, u, c.Empty, top, width, height)
		return
	}
	c.layout(r, width, height, u).draw(r, c)
}

// rankPlot is where a ranking's parts go.
type rankPlot struct {
	u             float64
	labelRight    int // names end here, right-aligned next to their bars
	zero, hundred int // x of 0 % and 100 %
	scale         float64
	top           int     // of the first row
	slot          float64 // row height
	thickness     int
	bars          []RankBar // those that fit
	hidden        int       // those that don't
	labelWidth    int
	width         int
}

func (p rankPlot) x(v float64) int {
	return p.zero + int(math.Round(math.Max(0, v)*p.scale))
}

func (p rankPlot) rowMiddle(i int) int {
	return p.top + int(float64(i)*p.slot+p.slot/2)
}

// layout gives the names the width they need (up to rankLabelShare of the chart), the
// values at the bar ends theirs, and the bars the rest, from zero to the larger of
// 100 % and the best value.
func (c RankingChart) layout(r chart.Renderer, width, height int, u float64) rankPlot {
	p := rankPlot{u: u, top: c.rowsTop(u), width: width, bars: c.Bars}
	pad := int(padding * u)
	if fit := c.maxBarsAt(height, u); len(p.bars) > fit {
		keep := max(0, fit-1) // the last row says how many are left out
		p.bars, p.hidden = p.bars[:keep], len(c.Bars)-keep
	}
	setText(r, labelSize*u, drawing.ColorBlack)
	p.labelWidth = textWidth(r, p.hiddenLabel())
	for _, b := range p.bars {
		p.labelWidth = max(p.labelWidth, textWidth(r, b.Label))
	}
	p.labelWidth = min(p.labelWidth, int(float64(width)*rankLabelShare))
	setText(r, valueSize*u, drawing.ColorBlack)
	valueWidth, top := 0, 100.0
	for _, b := range p.bars {
		valueWidth = max(valueWidth, textWidth(r, c.format(b.Value)))
		if !math.IsNaN(b.Value) && !math.IsInf(b.Value, 0) {
			top = math.Max(top, b.Value)
		}
	}
	p.labelRight = pad + p.labelWidth
	p.zero = p.labelRight + int(rankGap*u)
	right := width - pad - valueWidth - int(rankGap*u)
	p.scale = float64(right-p.zero) / top
	p.hundred = p.x(100)
	p.slot = math.Min(float64(c.rowsHeight(height, u))/float64(max(1, len(p.bars)+sign(p.hidden))), rankMaxSlot*u)
	p.thickness = max(1, int(p.slot*rankBarShare))
	return p
}

// hiddenLabel counts the bars left out ("… +12"); "" when all fit.
func (p rankPlot) hiddenLabel() string { return moreLabel(p.hidden) }

// moreLabel is the last row of a cut list, counting the n rows left out ("… +12").
func moreLabel(n int) string {
	if n == 0 {
		return ""
	}
	return "… +" + strconv.Itoa(n)
}

func sign(n int) int {
	if n > 0 {
		return 1
	}
	return 0
}

func (p rankPlot) draw(r chart.Renderer, c RankingChart) {
	u := p.u
	rows := len(p.bars) + sign(p.hidden)
	bottom := p.top + int(float64(rows)*p.slot)
	vline(r, toDrawing(c.Style.Muted), p.zero, p.top, bottom, u)
	for i, b := range p.bars {
		p.drawBar(r, c, i, b)
	}
	lw := max(1, int(math.Round(rankLineWidth*u)))
	fill(r, toDrawing(c.Style.Text), p.hundred-lw/2, p.top-int(labelGap*u/2), p.hundred-lw/2+lw, bottom)
	p.drawTargetLabel(r, c)
	for i, b := range p.bars {
		p.drawValue(r, c, i, b)
	}
	if p.hidden > 0 {
		setText(r, labelSize*u, toDrawing(c.Style.Muted))
		drawRight(r, p.hiddenLabel(), p.labelRight, p.rowMiddle(len(p.bars))+capHeight(labelSize*u)/2)
	}
}

// drawBar draws a row's name and its bar; NaN has no bar.
func (p rankPlot) drawBar(r chart.Renderer, c RankingChart, i int, b RankBar) {
	mid := p.rowMiddle(i)
	setText(r, labelSize*p.u, toDrawing(c.Style.Text))
	drawRight(r, ellipsize(r, b.Label, p.labelWidth), p.labelRight, mid+capHeight(labelSize*p.u)/2)
	if math.IsNaN(b.Value) || math.IsInf(b.Value, 0) {
		return
	}
	if end := p.x(b.Value); end > p.zero {
		fill(r, c.band(b.Value), p.zero, mid-p.thickness/2, end, mid-p.thickness/2+p.thickness)
	}
}

// drawValue writes the value after the bar end on a patch of background, so that the
// 100 % line passing behind a value of 97 % doesn't strike it through.
func (p rankPlot) drawValue(r chart.Renderer, c RankingChart, i int, b RankBar) {
	u, size := p.u, valueSize*p.u
	mid := p.rowMiddle(i)
	text := c.format(b.Value)
	col := toDrawing(c.Style.Text)
	x := p.zero + int(rankGap*u/2)
	if !math.IsNaN(b.Value) && !math.IsInf(b.Value, 0) {
		x = p.x(b.Value) + int(rankGap*u/2)
	} else {
		col = toDrawing(c.Style.Muted)
	}
	setText(r, size, col)
	w, halo := textWidth(r, text), int(3*u)
	fill(r, toDrawing(c.Style.Background), x-halo, mid-capHeight(size)/2-halo, x+w+halo, mid+capHeight(size)/2+halo)
	setText(r, size, col)
	r.Text(text, x, mid+capHeight(size)/2)
}

// drawTargetLabel names the 100 % line above the first row, kept inside the chart.
func (p rankPlot) drawTargetLabel(r chart.Renderer, c RankingChart) {
	if c.TargetLabel == "" {
		return
	}
	size := labelSize * p.u
	setText(r, size, toDrawing(c.Style.Text))
	w := textWidth(r, c.TargetLabel)
	pad := int(padding * p.u)
	left := max(pad, min(p.width-pad-w, p.hundred-w/2))
	r.Text(c.TargetLabel, left, p.top-int(labelGap*p.u))
}
