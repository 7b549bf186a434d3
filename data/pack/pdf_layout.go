package pack

import "math"

// The PDF's page geometry, in millimetres on an A4 landscape page. Every page is laid
// out from these before anything is drawn, so the contents page knows where each
// section starts and every footer knows the page count.
const (
	pageWidth  = 297.0
	pageHeight = 210.0
	marginX    = 15.0 // left and right: inside every printer's unprintable edge
	marginTop  = 13.0
	textWidth  = pageWidth - 2*marginX

	footerRuleY    = 195.0 // a hairline above the footer
	footerBaseline = 201.0
	bodyBottom     = footerRuleY - 5 // nothing of a slide goes below this

	pdfGap = 5.0 // between the header, the chart and the summary
)

// Type sizes in points, and line heights as a multiple of the size.
const (
	kickerSize   = 10.0 // the section's name above a slide's title
	headingSize  = 20.0 // a slide's title, the contents' heading
	summaryLarge = 13.0 // a summary's type, shrunk step by step when it is long
	summarySmall = 10.0
	footerSize   = 9.0
	emptySize    = 16.0 // the text a slide without a chart shows
	entrySize    = 14.0 // a line of the contents
	lineSpacing  = 1.35
)

// A chart keeps the proportions the charts are drawn for: no wider than 2.2:1 and no
// taller than 16:9, whatever room the summary leaves it.
const (
	widestChart  = 2.2
	tallestChart = 16.0 / 9.0
	minChartH    = 70.0 // below this a chart's labels get too small to read on paper
)

// The charts lay themselves out for 900 x 450 pixels and enlarge their text with a
// larger canvas up to twice (charts.Style.unit). A chart is rendered at just the size
// where that growth stops: its text prints as large as the chart can draw it, at
// about 170 dpi or more.
const (
	chartBaseWidth  = 900.0
	chartBaseHeight = 450.0
	chartMaxGrowth  = 2.0
)

const ptToMM = 25.4 / 72

// lineHeight is the distance between baselines of text of a size in points, in mm.
func lineHeight(size float64) float64 { return size * ptToMM * lineSpacing }

// pageBox is a rectangle on the page, in mm from the top left corner.
type pageBox struct{ x, y, w, h float64 }

// fitRatio is the largest box of a ratio between tallestChart and widestChart
// inside b, centred across and at the top of b.
func (b pageBox) fitRatio() pageBox {
	ratio := math.Max(tallestChart, math.Min(widestChart, b.w/b.h))
	w, h := b.w, b.w/ratio
	if h > b.h {
		w, h = b.h*ratio, b.h
	}
	return pageBox{x: b.x + (b.w-w)/2, y: b.y, w: w, h: h}
}

// pixels is the size a chart is rendered at to fill the box: the smallest at which
// the chart's text has grown all it can.
func (b pageBox) pixels() (width, height int) {
	perMM := chartMaxGrowth * math.Max(chartBaseWidth/b.w, chartBaseHeight/b.h)
	return int(math.Ceil(b.w * perMM)), int(math.Ceil(b.h * perMM))
}

// pagePlan numbers the pages: the title page is 1, the contents follow, then one
// page per slide in order.
type pagePlan struct {
	contentsPages int
	sectionStart  []int // the page each section starts on; 0 for a section without slides
	total         int
}

// contentsTop is where the first entry of the contents sits under its heading.
const contentsTop = marginTop + 28

// contentsRow is the height of one line of the contents: airy, easy to follow
// across to its page number.
func contentsRow() float64 { return lineHeight(entrySize) * 1.4 }

// entriesPerContentsPage is how many sections one contents page lists.
func entriesPerContentsPage() int { return int((bodyBottom - contentsTop) / contentsRow()) }

func planPages(p Pack) pagePlan {
	per := entriesPerContentsPage()
	listed := 0
	for _, s := range p.Sections {
		if len(s.Slides) > 0 {
			listed++
		}
	}
	plan := pagePlan{contentsPages: max(1, (listed+per-1)/per)}
	next := 2 + plan.contentsPages
	for _, s := range p.Sections {
		start := 0
		if len(s.Slides) > 0 {
			start = next
		}
		plan.sectionStart = append(plan.sectionStart, start)
		next += len(s.Slides)
	}
	plan.total = next - 1
	return plan
}
