package pack

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"
)

// slideLayout is where a slide's parts go on its page: the section's name and the
// slide's title at the top, the chart (or the panel saying there is nothing to show)
// under them, the summary under the chart.
type slideLayout struct {
	kicker       string
	titleLines   []string
	titleTop     float64
	ruleY        float64
	chart        pageBox
	summaryLines []string
	summarySize  float64
	summaryTop   float64
}

// layoutSlide measures a slide's texts. The summary's type shrinks from
// summaryLarge to summarySmall until the chart keeps minChartH of height; the text
// itself is never cut.
func (d *pdfDocument) layoutSlide(si int, s Slide) (slideLayout, error) {
	l := slideLayout{kicker: printable(strconv.Itoa(d.sectionNumber(si)) + ". " + d.pack.Sections[si].Title)}
	d.setFont("B", headingSize, inkColor)
	l.titleLines = wrapText(d.pdf, printable(s.Title), textWidth)
	l.titleTop = marginTop + lineHeight(kickerSize)
	l.ruleY = l.titleTop + float64(len(l.titleLines))*lineHeight(headingSize) + 1.5
	bodyTop := l.ruleY + pdfGap
	summary := strings.TrimSpace(printable(s.Summary))
	room := 0.0
	for size := summaryLarge; size >= summarySmall; size -= 0.5 {
		l.summarySize, l.summaryLines = size, nil
		d.setFont("", size, inkColor)
		if summary != "" {
			l.summaryLines = wrapText(d.pdf, summary, textWidth)
		}
		room = bodyBottom - bodyTop - float64(len(l.summaryLines))*lineHeight(size)
		if len(l.summaryLines) > 0 {
			room -= pdfGap
		}
		if room >= minChartH {
			break
		}
	}
	if room < minChartH/2 {
		return l, fmt.Errorf("slide %q: the summary is too long to leave room for the chart", s.Title)
	}
	l.chart = pageBox{x: marginX, y: bodyTop, w: textWidth, h: room}.fitRatio()
	l.summaryTop = l.chart.y + l.chart.h + pdfGap
	return l, nil
}

// sectionNumber is the section's number in the contents, which lists only sections
// with slides.
func (d *pdfDocument) sectionNumber(si int) int {
	n := 0
	for i := 0; i <= si; i++ {
		if d.plan.sectionStart[i] > 0 {
			n++
		}
	}
	return n
}

// drawSlidePage draws slide k of section si on a page of its own.
func (d *pdfDocument) drawSlidePage(si, k int) error {
	s := d.pack.Sections[si].Slides[k]
	l, err := d.layoutSlide(si, s)
	if err != nil {
		return err
	}
	d.pdf.AddPage()
	page := d.plan.sectionStart[si] + k
	d.setFont("", kickerSize, accentColor)
	if k == 0 {
		d.pdf.Bookmark(printable(d.pack.Sections[si].Title), 0, 0)
	}
	d.pdf.Bookmark(printable(s.Title), 1, 0)
	d.textLines([]string{fitLine(d.pdf, l.kicker, textWidth)}, marginX, marginTop, kickerSize)
	d.setFont("B", headingSize, inkColor)
	d.textLines(l.titleLines, marginX, l.titleTop, headingSize)
	d.rule(l.ruleY, ruleColor, 0.3)
	if s.Chart == nil {
		d.drawEmptyPanel(l.chart, printable(s.Empty))
	} else if err := d.drawChart(l.chart, s.Chart, page); err != nil {
		return fmt.Errorf("slide %q: %w", s.Title, err)
	}
	d.setFont("", l.summarySize, inkColor)
	d.textLines(l.summaryLines, marginX, l.summaryTop, l.summarySize)
	d.drawFooter(page)
	return nil
}

// drawChart renders the chart to PNG at the box's print resolution and places it.
func (d *pdfDocument) drawChart(b pageBox, c Chart, page int) error {
	width, height := b.pixels()
	var png bytes.Buffer
	if err := c.PNG(&png, width, height); err != nil {
		return err
	}
	name := "chart-" + strconv.Itoa(page)
	options := fpdf.ImageOptions{ImageType: "PNG"}
	d.pdf.RegisterImageOptionsReader(name, options, &png)
	d.pdf.ImageOptions(name, b.x, b.y, b.w, b.h, false, options, 0, "")
	return d.pdf.Error()
}

// drawEmptyPanel shows, where the chart would be, why there is none: a quiet panel
// with the text centred, rather than empty axes.
func (d *pdfDocument) drawEmptyPanel(b pageBox, text string) {
	d.pdf.SetFillColor(panelColor.r, panelColor.g, panelColor.b)
	d.pdf.Rect(b.x, b.y, b.w, b.h, "F")
	d.setFont("", emptySize, mutedColor)
	lines := wrapText(d.pdf, text, b.w-20)
	top := b.y + (b.h-float64(len(lines))*lineHeight(emptySize))/2
	for i, line := range lines {
		x := b.x + (b.w-d.pdf.GetStringWidth(line))/2
		d.textLines([]string{line}, x, top+float64(i)*lineHeight(emptySize), emptySize)
	}
}
