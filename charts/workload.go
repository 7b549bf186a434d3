package charts

import (
	"image"
	"io"
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Workload bands, the values of WorkloadBar.Band.
const (
	BandNone   = 0
	BandUnder  = 1 // under-loaded
	BandNormal = 2
	BandOver   = 3 // over capacity
)

// WorkloadBar is one manager: their load in points, split into segments (by client
// tier A/B/C, or one segment), and their capacity.
type WorkloadBar struct {
	Label string
	// Segments are points: one per SegmentNames entry when the chart is stacked, else
	// one (several are added up). NaN and negative segments count as zero.
	Segments []float64
	// Capacity in points; 0 means none (on leave): the bar is grey and hatched, with
	// no capacity marker.
	Capacity float64
	// Band colours the bar when the chart is not stacked: BandNone, BandUnder,
	// BandNormal or BandOver.
	Band int
}

// WorkloadChart compares managers' load with their capacity: horizontal bars from zero
// on one points scale, a capacity marker across each bar, the value at the bar's end,
// coloured by band or stacked by segment, with a legend below.
type WorkloadChart struct {
	Title, Subtitle string
	// Bars are drawn in the order given (the caller sorts them, by utilization).
	Bars []WorkloadBar
	// SegmentNames, when more than one, stacks the bars by segment in palette colours
	// and names the segments in the legend ("Клиенты A", "B", "C").
	SegmentNames []string
	// CapacityLabel names the capacity marker in the legend ("ёмкость", "capacity");
	// empty: not in the legend.
	CapacityLabel string
	// LeaveLabel names a bar without capacity in the legend ("в отпуске", "on leave");
	// empty: not in the legend.
	LeaveLabel string
	// BandNames name the bands in the legend of an unstacked chart, indexed by band:
	// {"", "недогружен", "в норме", "перегружен"}. An empty name is left out.
	BandNames [4]string
	// Label writes the value at the end of bar i (an index into Bars), such as
	// "12,5 из 14 (89 %)": the caller knows the language and the wording. Nil uses
	// FormatWorkload("ru", …).
	Label func(i int) string
	// Format writes the point ticks under the bars; nil: AxisFormatter("ru", UnitCount).
	Format func(float64) string
	// MaxValue, when > 0, is the largest value of the scale (unless a bar or capacity is
	// larger), so that charts drawn separately, such as before and after, compare.
	MaxValue float64
	// Empty is shown instead of bars when there are none.
	Empty string
	Style Style
}

// Image renders the chart at width x height pixels.
func (c WorkloadChart) Image(width, height int) (image.Image, error) {
	return renderImage(width, height, c.draw)
}

// PNG writes the chart as a PNG file.
func (c WorkloadChart) PNG(out io.Writer, width, height int) error {
	return renderPNG(out, width, height, c.draw)
}

// SVG writes the chart as an SVG file.
func (c WorkloadChart) SVG(out io.Writer, width, height int) error {
	return renderSVG(out, width, height, c.draw)
}

// MaxBars is how many bars fit, readable, in a chart height pixels tall and at least
// 900 px (times the style's scale) wide: a longer list shrinks its text down to the
// base size and then no further, and the bars beyond are left out and counted in a
// last row ("… +12"). Cut the list to MaxBars and say so in the subtitle.
func (c WorkloadChart) MaxBars(height int) int {
	r, err := chart.PNG(1, 1) // only measures text
	if err != nil {
		return 0
	}
	u := c.Style.scale()
	top, bottom := c.rowsArea(r, int(baseWidth*u), height, u, true)
	return max(0, int(float64(bottom-top)/minRowSlot(u)))
}

// FormatWorkload writes a manager's load against capacity the way the bar end shows it:
// "12,5 из 14 (89 %)" / "12.5 of 14 (89%)"; without capacity "3 (—)".
func FormatWorkload(lang string, load, capacity float64) string {
	n := styleFor(lang)
	l := n.number(load, wholeOrOne(load))
	if capacity <= 0 || math.IsNaN(capacity) || math.IsInf(capacity, 0) {
		return l + nbsp + "(" + dash + ")"
	}
	of := " из "
	if lang != "ru" {
		of = " of "
	}
	pct := withPercent(lang, n.number(load/capacity*100, 0))
	return l + of + n.number(capacity, wholeOrOne(capacity)) + " (" + pct + ")"
}

func (c WorkloadChart) stacked() bool { return len(c.SegmentNames) > 1 }

// load is the bar's total in points.
func (b WorkloadBar) load() float64 {
	sum := 0.0
	for _, s := range b.Segments {
		sum += points(s)
	}
	return sum
}

// points is a value fit to draw: NaN, infinities and negatives are nothing.
func points(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0
	}
	return v
}

func (b WorkloadBar) onLeave() bool { return points(b.Capacity) == 0 }

func (c WorkloadChart) label(i int) string {
	if c.Label != nil {
		return c.Label(i)
	}
	b := c.Bars[i]
	return FormatWorkload("ru", b.load(), b.Capacity)
}

func (c WorkloadChart) format(v float64) string {
	if c.Format != nil {
		return c.Format(v)
	}
	return FormatAxis("ru", UnitCount, v)
}

// bandColor is the colour of an unstacked bar: Okabe-Ito sky blue, bluish green and
// vermillion stay apart for colour-blind viewers; no band takes the first palette colour.
func (c WorkloadChart) bandColor(band int) drawing.Color {
	switch band {
	case BandUnder:
		return c.Style.legible(bandUnder)
	case BandNormal:
		return c.Style.legible(bandGreen)
	case BandOver:
		return c.Style.legible(bandBelow)
	}
	return c.Style.seriesColor(0)
}

var bandUnder = toDrawing(OkabeIto[4]) // sky blue

// trackColor fills the row from zero to the capacity under the bar: quieter than any
// bar and than the grey of a bar without capacity.
func (c WorkloadChart) trackColor() drawing.Color {
	return mix(toDrawing(c.Style.Muted), toDrawing(c.Style.Background), 0.84)
}

// leaveColor is the fill of a bar without capacity: grey, so it reads as "not rated".
func (c WorkloadChart) leaveColor() drawing.Color {
	return mix(toDrawing(c.Style.Muted), toDrawing(c.Style.Background), 0.55)
}
