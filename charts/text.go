package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Text sizes in points at unit 1, besides titleSize and labelSize in bar.go.
const (
	subtitleSize = 10.0
	legendSize   = 9.5
	capRatio     = 0.711 // Roboto's capital height per em
	leading      = 1.3   // a row of text is this many ems tall
)

// Vertical text metrics come from the font size, not from MeasureText: the raster
// renderer measures the ink of each string ("мар" is lower than "Дек"), which would make
// a row of labels uneven and the PNG differ from the SVG.

// em is the pixel height of one em at size points.
func em(size float64) float64 { return drawing.PointsToPixels(chart.DefaultDPI, size) }

// capHeight is how far capitals rise above the baseline.
func capHeight(size float64) int { return int(math.Round(em(size) * capRatio)) }

// rowHeight is the height a line of text takes in a stack of lines.
func rowHeight(size float64) int { return int(math.Ceil(em(size) * leading)) }

func setText(r chart.Renderer, size float64, c drawing.Color) {
	r.SetFont(font)
	r.SetFontSize(size)
	r.SetFontColor(c)
}

// textWidth is the advance of text; the raster renderer measures "" as a huge box.
func textWidth(r chart.Renderer, text string) int {
	if text == "" {
		return 0
	}
	return r.MeasureText(text).Width()
}

func drawRight(r chart.Renderer, text string, rightX, baselineY int) {
	r.Text(text, rightX-textWidth(r, text), baselineY)
}

// drawMiddle draws text with its capitals centred on y.
func drawMiddle(r chart.Renderer, text string, x, y int, size float64) {
	r.Text(text, x, y+capHeight(size)/2)
}

// ellipsize shortens text with "…" to fit maxWidth in the current font; a name is
// better cut than drawn over its neighbour.
func ellipsize(r chart.Renderer, text string, maxWidth int) string {
	if textWidth(r, text) <= maxWidth {
		return text
	}
	runes := []rune(text)
	lo, hi := 0, len(runes) // the longest fitting prefix is in [lo, hi)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if textWidth(r, string(runes[:mid])+"…") <= maxWidth {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return trimRight(string(runes[:lo])) + "…"
}

func trimRight(s string) string {
	r := []rune(s)
	for len(r) > 0 && (r[len(r)-1] == ' ' || r[len(r)-1] == '\u00a0' || r[len(r)-1] == ',') {
		r = r[:len(r)-1]
	}
	return string(r)
}

// headerHeight is the space the title and subtitle take below the top margin, with the
// gap before the chart; it needs no renderer, so a caller can plan a layout.
func headerHeight(u float64, title, subtitle string) int {
	h := 0
	if title != "" {
		h += rowHeight(titleSize * u)
	}
	if subtitle != "" {
		h += rowHeight(subtitleSize * u)
	}
	if h > 0 {
		h += int(math.Round(labelGap * 1.5 * u))
	}
	return h
}

// drawHeader draws the title and, smaller and quieter, the subtitle at the top left, and
// returns the y where the chart below them starts.
func drawHeader(r chart.Renderer, st Style, u float64, title, subtitle string, width int) int {
	pad := int(padding * u)
	y := pad
	if title != "" {
		setText(r, titleSize*u, toDrawing(st.Text))
		r.Text(ellipsize(r, title, width-2*pad), pad, y+capHeight(titleSize*u)+int(2*u))
		y += rowHeight(titleSize * u)
	}
	if subtitle != "" {
		setText(r, subtitleSize*u, toDrawing(st.Muted))
		r.Text(ellipsize(r, subtitle, width-2*pad), pad, y+capHeight(subtitleSize*u)+int(2*u))
	}
	return pad + headerHeight(u, title, subtitle)
}

// drawEmpty says there is nothing to show, in the middle of the space under the header.
func drawEmpty(r chart.Renderer, st Style, u float64, text string, top, width, height int) {
	setText(r, labelSize*u*1.2, toDrawing(st.Muted))
	pad := int(padding * u)
	text = ellipsize(r, text, width-2*pad)
	drawCentered(r, text, width/2, (top+height)/2)
}
