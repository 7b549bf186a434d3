package charts

import (
	"image"
	"io"
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Bar is one bar: a label under it and its value.
type Bar struct {
	Label string
	Value float64
	Color int // palette index; 0, the first colour, for plain bars
}

// BarChart is a column chart with the value written above each bar. Bars start at
// zero: a bar's height is always proportional to its value.
type BarChart struct {
	Title    string
	Subtitle string // smaller, under the title
	Bars     []Bar
	// Format writes a value label; nil writes whole numbers.
	Format func(float64) string
	// Empty is shown instead of bars when there are none.
	Empty string
	Style Style
}

// Image renders the chart at width x height pixels.
func (c BarChart) Image(width, height int) (image.Image, error) {
	return renderImage(width, height, c.draw)
}

// PNG writes the chart as a PNG file.
func (c BarChart) PNG(out io.Writer, width, height int) error {
	return renderPNG(out, width, height, c.draw)
}

// SVG writes the chart as an SVG file.
func (c BarChart) SVG(out io.Writer, width, height int) error {
	return renderSVG(out, width, height, c.draw)
}

func (c BarChart) format(v float64) string {
	if c.Format != nil {
		return c.Format(v)
	}
	return formatWhole(v)
}

func formatWhole(v float64) string {
	return chart.IntValueFormatter(int(math.Round(v)))
}

// layout in pixels at scale 1; multiplied by the style's scale.
const (
	padding     = 12.0
	titleSize   = 12.0 // points
	labelSize   = 9.0
	valueSize   = 9.0
	labelGap    = 6.0
	barFraction = 0.66 // share of a slot a bar fills
)

func (c BarChart) draw(r chart.Renderer, width, height int) {
	s := c.Style.unit(width, height) // text grows on a slide as on the other charts
	fill(r, toDrawing(c.Style.Background), 0, 0, width, height)
	r.SetFont(font)
	pad := int(padding * s)
	top := pad
	if c.Title != "" {
		r.SetFontSize(titleSize * s)
		r.SetFontColor(toDrawing(c.Style.Text))
		box := r.MeasureText(c.Title)
		r.Text(c.Title, pad, top+box.Height())
		top += box.Height() + pad
	}
	if c.Subtitle != "" {
		r.SetFontSize(labelSize * s)
		r.SetFontColor(toDrawing(c.Style.Muted))
		box := r.MeasureText(c.Subtitle)
		r.Text(c.Subtitle, pad, top+box.Height()-pad/2)
		top += box.Height() + pad/2
	}
	if len(c.Bars) == 0 {
		r.SetFontSize(labelSize * s)
		r.SetFontColor(toDrawing(c.Style.Muted))
		box := r.MeasureText(c.Empty)
		r.Text(c.Empty, (width-box.Width())/2, (top+height)/2)
		return
	}
	r.SetFontSize(labelSize * s)
	labelHeight := r.MeasureText("Ag").Height()
	bottom := height - pad - labelHeight - int(labelGap*s)
	r.SetFontSize(valueSize * s)
	valueHeight := r.MeasureText("0").Height() + int(labelGap*s)
	plotTop := top + valueHeight
	plotH := bottom - plotTop
	slot := float64(width-2*pad) / float64(len(c.Bars))
	maxV := 0.0
	for _, b := range c.Bars {
		maxV = math.Max(maxV, b.Value)
	}
	every := labelStride(r, c, slot, s)
	for i, b := range c.Bars {
		x0 := float64(pad) + float64(i)*slot
		bw := slot * barFraction
		left := int(x0 + (slot-bw)/2)
		h := 0
		if maxV > 0 && b.Value > 0 {
			h = int(math.Round(float64(plotH) * b.Value / maxV))
		}
		if h > 0 {
			fill(r, c.Style.color(b.Color), left, bottom-h, left+int(bw), bottom)
		}
		center := int(x0 + slot/2)
		r.SetFontSize(valueSize * s)
		r.SetFontColor(toDrawing(c.Style.Text))
		if (len(c.Bars)-1-i)%every == 0 { // counted from the last bar, which is always labelled
			drawCentered(r, c.format(b.Value), center, bottom-h-int(labelGap*s))
			r.SetFontSize(labelSize * s)
			r.SetFontColor(toDrawing(c.Style.Muted))
			drawCentered(r, b.Label, center, height-pad)
		}
	}
	// the baseline at zero
	r.SetStrokeColor(toDrawing(c.Style.Muted))
	r.SetStrokeWidth(1 * s)
	r.MoveTo(pad, bottom)
	r.LineTo(width-pad, bottom)
	r.Stroke()
}

// labelStride labels every bar when the widest label fits its slot, else every
// second, third... bar, so that labels never overlap.
func labelStride(r chart.Renderer, c BarChart, slot, s float64) int {
	widest := 0
	for _, b := range c.Bars {
		r.SetFontSize(labelSize * s)
		widest = max(widest, textWidth(r, b.Label))
		r.SetFontSize(valueSize * s)
		widest = max(widest, textWidth(r, c.format(b.Value)))
	}
	need := float64(widest) + 6*s
	if slot <= 0 {
		return 1
	}
	return max(1, int(math.Ceil(need/slot)))
}

func drawCentered(r chart.Renderer, text string, centerX, baselineY int) {
	box := r.MeasureText(text)
	r.Text(text, centerX-box.Width()/2, baselineY)
}

func fill(r chart.Renderer, c drawing.Color, x0, y0, x1, y1 int) {
	r.SetFillColor(c)
	r.SetStrokeWidth(0)
	r.MoveTo(x0, y0)
	r.LineTo(x1, y0)
	r.LineTo(x1, y1)
	r.LineTo(x0, y1)
	r.Close()
	r.Fill()
}
