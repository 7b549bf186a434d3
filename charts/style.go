// Package charts draws Leadboard's charts from plain series: no Fyne, no SQL. A chart
// renders to an image for the window and to PNG or SVG files with the same layout;
// the screen style takes its colours from the app's theme, the print style is light
// whatever the theme, for meeting packs.
package charts

import (
	"image/color"
	"math"
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

// Charts are laid out for a 900 x 450 canvas at Scale 1. A larger canvas (a 1600 x 900
// slide) enlarges text and lines with it, up to twice, so a projected chart reads from
// the back of the room; a smaller one keeps the base size, which stays legible.
const (
	baseWidth  = 900.0
	baseHeight = 450.0
	maxGrowth  = 2.0
)

// unit is the multiplier of every size on a width x height canvas.
func (s Style) unit(width, height int) float64 {
	sc := s.scale()
	grow := math.Min(float64(width)/(baseWidth*sc), float64(height)/(baseHeight*sc))
	return sc * math.Max(1, math.Min(maxGrowth, grow))
}

// grid is a faint line colour: visible, but quieter than any data.
func (s Style) grid() drawing.Color {
	return mix(toDrawing(s.Muted), toDrawing(s.Background), 0.72)
}

// seriesColor is palette colour i made legible on this background. On a dark
// background every colour is lightened a little (the palette is designed for paper);
// a colour still too close to the background (Okabe-Ito yellow on white, black on a
// dark theme) is pulled halfway to the text colour. A negative index is the text
// colour itself, for a line that belongs to no one (a department's target).
func (s Style) seriesColor(i int) drawing.Color {
	if i < 0 {
		return toDrawing(s.Text)
	}
	return s.legible(s.color(i))
}

// legible adjusts a data colour (a palette or band colour) to this background, as
// seriesColor describes.
func (s Style) legible(c drawing.Color) drawing.Color {
	text, bg := toDrawing(s.Text), toDrawing(s.Background)
	if luminance(bg) < 0.2 {
		c = mix(c, text, 0.2)
	}
	if contrast(c, bg) < 1.6 {
		c = mix(c, text, 0.5)
	}
	return c
}

// mix blends t of b into a (t = 0: a, t = 1: b), opaque.
func mix(a, b drawing.Color, t float64) drawing.Color {
	ch := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return drawing.Color{R: ch(a.R, b.R), G: ch(a.G, b.G), B: ch(a.B, b.B), A: 0xFF}
}

// contrast is the WCAG contrast ratio of two colours (1 = same, 21 = black on white).
func contrast(a, b drawing.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(c drawing.Color) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}
