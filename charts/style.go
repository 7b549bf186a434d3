// Package charts draws Leadboard's charts from plain series: no Fyne, no SQL. A chart
// renders to an image for the window and to PNG or SVG files with the same layout;
// the screen style takes its colours from the app's theme, the print style is light
// whatever the theme, for meeting packs.
package charts

import (
	"image/color"
	"time"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// font is go-chart's Roboto, which covers Cyrillic and the rouble sign. It is loaded
// once at package start: go-chart's lazy loading races on first use.
var font = mustFont()

func mustFont() *truetype.Font {
	f, err := chart.GetDefaultFont()
	if err != nil {
		panic(err) // the font is compiled into go-chart: cannot fail at run time
	}
	return f
}

// Okabe-Ito colours: distinguishable with every common form of colour blindness.
var OkabeIto = []color.Color{
	rgb(0x00, 0x72, 0xB2), // blue
	rgb(0xE6, 0x9F, 0x00), // orange
	rgb(0x00, 0x9E, 0x73), // bluish green
	rgb(0xCC, 0x79, 0xA7), // reddish purple
	rgb(0x56, 0xB4, 0xE9), // sky blue
	rgb(0xD5, 0x5E, 0x00), // vermillion
	rgb(0xF0, 0xE4, 0x42), // yellow
	rgb(0x00, 0x00, 0x00), // black
}

func rgb(r, g, b uint8) color.Color { return color.NRGBA{R: r, G: g, B: b, A: 0xFF} }

// Style is the look of a chart.
type Style struct {
	Background color.Color
	Text       color.Color // titles and value labels
	Muted      color.Color // axis labels and the baseline
	Palette    []color.Color
	// Scale multiplies font sizes and line widths (2 for a HiDPI screen).
	Scale float64
}

// Print is the light style of exported charts and meeting packs.
var Print = Style{
	Background: color.White,
	Text:       rgb(0x21, 0x21, 0x21),
	Muted:      rgb(0x6B, 0x6B, 0x6B),
	Palette:    OkabeIto,
	Scale:      1,
}

// Screen is a style in the window's theme colours.
func Screen(background, text, muted color.Color, scale float32) Style {
	if scale <= 0 {
		scale = 1
	}
	return Style{Background: background, Text: text, Muted: muted, Palette: OkabeIto, Scale: float64(scale)}
}

func (s Style) scale() float64 {
	if s.Scale <= 0 {
		return 1
	}
	return s.Scale
}

func (s Style) color(i int) drawing.Color {
	p := s.Palette
	if len(p) == 0 {
		p = OkabeIto
	}
	return toDrawing(p[i%len(p)])
}

func toDrawing(c color.Color) drawing.Color {
	if c == nil {
		return drawing.ColorTransparent
	}
	r, g, b, a := c.RGBA()
	return drawing.ColorFromAlphaMixedRGBA(r, g, b, a)
}

var monthsRU = [...]string{"янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"}

// MonthLabel writes a month the way a chart axis shows it: "мар 26" / "Mar 26".
func MonthLabel(lang string, t time.Time) string {
	if lang == "ru" {
		return monthsRU[t.Month()-1] + " " + t.Format("06")
	}
	return t.Format("Jan 06")
}
