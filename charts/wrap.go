package charts

import (
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// wrapLines breaks text at spaces into at most maxLines lines, each no wider than
// maxWidth in the current font. ok is false when the text had to be shortened: a word
// wider than maxWidth (cut with "…") or more lines than maxLines (the last line ends
// with "…").
func wrapLines(r chart.Renderer, text string, maxWidth, maxLines int) (lines []string, ok bool) {
	ok = true
	for _, word := range strings.Fields(text) {
		if textWidth(r, word) > maxWidth {
			ok = false
		}
		if n := len(lines); n > 0 && textWidth(r, lines[n-1]+" "+word) <= maxWidth {
			lines[n-1] += " " + word
			continue
		}
		lines = append(lines, word)
	}
	if maxLines < 1 {
		maxLines = 1
	}
	if len(lines) > maxLines {
		rest := strings.Join(lines[maxLines-1:], " ")
		lines = append(lines[:maxLines-1], rest)
		ok = false
	}
	for i, l := range lines {
		lines[i] = ellipsize(r, l, maxWidth)
	}
	return lines, ok
}

// widestWord is the width of the longest word of text in the current font: the least
// width text wraps into without cutting a word.
func widestWord(r chart.Renderer, text string) int {
	w := 0
	for _, word := range strings.Fields(text) {
		w = max(w, textWidth(r, word))
	}
	return w
}

// drawUp draws text turned a quarter anticlockwise, reading upwards from (x, y): its
// baseline runs up the column x and its capitals stand to the left of it. Measure
// the text before: a turned renderer measures turned boxes.
func drawUp(r chart.Renderer, text string, x, y int) {
	r.SetTextRotation(-math.Pi / 2)
	r.Text(text, x, y)
	r.ClearTextRotation() // the raster renderer keeps the turn for everything drawn next
}

// onFill is the text colour that reads best on a cell of colour fill: the style's text
// or background colour, whichever contrasts more.
func (s Style) onFill(fill drawing.Color) drawing.Color {
	text, bg := toDrawing(s.Text), toDrawing(s.Background)
	if contrast(text, fill) >= contrast(bg, fill) {
		return text
	}
	return bg
}
