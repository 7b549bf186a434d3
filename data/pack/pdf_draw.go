package pack

import (
	"strconv"

	"leadboard/assets/locale"
)

// Print colours: near-black text, grey for what is secondary, the charts' blue for
// the accents (Okabe-Ito, like the charts themselves).
type rgbColor struct{ r, g, b int }

var (
	inkColor    = rgbColor{0x21, 0x21, 0x21}
	mutedColor  = rgbColor{0x6B, 0x6B, 0x6B}
	ruleColor   = rgbColor{0xC8, 0xC8, 0xC8}
	accentColor = rgbColor{0x00, 0x72, 0xB2}
	panelColor  = rgbColor{0xF3, 0xF4, 0xF6} // the panel a slide without a chart shows
)

func (d *pdfDocument) setFont(style string, size float64, c rgbColor) {
	d.pdf.SetFont(fontFamily, style, size)
	d.pdf.SetTextColor(c.r, c.g, c.b)
}

// textLines writes lines from top (mm) down in the current font and returns the
// bottom of the last line.
func (d *pdfDocument) textLines(lines []string, x, top, size float64) float64 {
	for i, line := range lines {
		d.pdf.Text(x, baseline(top+float64(i)*lineHeight(size), size), line)
	}
	return top + float64(len(lines))*lineHeight(size)
}

// baseline is where text of a size sits in a line box starting at top: Noto's
// ascent is 1.07 of its size, and the line's extra spacing is shared above and below.
func baseline(top, size float64) float64 {
	return top + size*ptToMM*(1.07+(lineSpacing-1.36)/2)
}

func (d *pdfDocument) rule(y float64, c rgbColor, width float64) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(width)
	d.pdf.Line(marginX, y, pageWidth-marginX, y)
}

// drawTitlePage: the department, what the document is, the period, then the date
// and the author, as a block centred down the page beside an accent bar.
func (d *pdfDocument) drawTitlePage() error {
	d.pdf.AddPage()
	x := marginX + 12
	width := pageWidth - x - marginX
	type block struct {
		text  string
		style string
		size  float64
		color rgbColor
		space float64 // before the block, mm
	}
	blocks := []block{
		{d.pack.Department, "", 16, mutedColor, 0},
		{d.msg.T("pack.pdf.title", nil), "B", 30, inkColor, 3},
		{d.periodLabel(), "B", 22, accentColor, 4},
		{d.msg.T("pack.pdf.made", map[string]any{"Date": locale.Date(d.pack.Lang, d.pack.Made)}), "", 12, mutedColor, 16},
	}
	if d.pack.Author != "" {
		blocks = append(blocks, block{d.msg.T("pack.pdf.author", map[string]any{"Author": d.pack.Author}), "", 12,
			mutedColor, 1})
	}
	lines := make([][]string, len(blocks))
	height := 0.0
	for i, b := range blocks {
		d.setFont(b.style, b.size, b.color)
		lines[i] = wrapText(d.pdf, printable(b.text), width)
		height += b.space + float64(len(lines[i]))*lineHeight(b.size)
	}
	top := (pageHeight-height)/2 - 10 // a little above the middle, where the eye expects a title
	d.pdf.SetFillColor(accentColor.r, accentColor.g, accentColor.b)
	d.pdf.Rect(marginX, top, 2.5, height, "F")
	y := top
	for i, b := range blocks {
		d.setFont(b.style, b.size, b.color)
		y = d.textLines(lines[i], x, y+b.space, b.size)
	}
	return nil
}

// drawContentsPage lists the sections with the page each starts on, joined by a
// dotted leader; each line links to its page.
func (d *pdfDocument) drawContentsPage(n int) error {
	d.pdf.AddPage()
	d.setFont("B", headingSize, inkColor)
	d.textLines([]string{printable(d.msg.T("pack.pdf.contents", nil))}, marginX, marginTop, headingSize)
	d.rule(marginTop+lineHeight(headingSize)+2, ruleColor, 0.3)
	per := entriesPerContentsPage()
	row := contentsRow()
	listed := 0
	for i, s := range d.pack.Sections {
		if d.plan.sectionStart[i] == 0 {
			continue
		}
		listed++
		if (listed-1)/per != n {
			continue
		}
		top := contentsTop + float64((listed-1)%per)*row
		d.drawContentsEntry(listed, s.Title, d.plan.sectionStart[i], top)
		d.pdf.Link(marginX, top, textWidth, row, d.links[i])
	}
	d.drawFooter(2 + n)
	return nil
}

func (d *pdfDocument) drawContentsEntry(number int, title string, page int, top float64) {
	const titleX = marginX + 12
	pdfPageText := strconv.Itoa(page)
	d.setFont("", entrySize, mutedColor)
	d.textLines([]string{strconv.Itoa(number) + "."}, marginX, top, entrySize)
	pageW := d.pdf.GetStringWidth(pdfPageText)
	d.setFont("B", entrySize, inkColor)
	pageX := pageWidth - marginX - pageW
	title = fitLine(d.pdf, printable(title), pageX-titleX-12)
	d.textLines([]string{title}, titleX, top, entrySize)
	titleEnd := titleX + d.pdf.GetStringWidth(title)
	d.textLines([]string{pdfPageText}, pageX, top, entrySize)
	// The dotted leader runs on the text's baseline between the title and the number.
	y := baseline(top, entrySize)
	d.pdf.SetDrawColor(mutedColor.r, mutedColor.g, mutedColor.b)
	d.pdf.SetLineWidth(0.35)
	d.pdf.SetLineCapStyle("round")
	d.pdf.SetDashPattern([]float64{0, 1.6}, 0)
	d.pdf.Line(titleEnd+3, y, pageX-3, y)
	d.pdf.SetDashPattern(nil, 0)
	d.pdf.SetLineCapStyle("butt")
}

// drawFooter: a hairline, the department and the period on the left, "page N of M"
// on the right.
func (d *pdfDocument) drawFooter(page int) {
	d.rule(footerRuleY, ruleColor, 0.2)
	d.setFont("", footerSize, mutedColor)
	number := printable(d.msg.T("pack.pdf.page", map[string]any{"Page": page, "Pages": d.plan.total}))
	numberW := d.pdf.GetStringWidth(number)
	d.pdf.Text(pageWidth-marginX-numberW, footerBaseline, number)
	left := d.periodLabel()
	if d.pack.Department != "" {
		left = d.pack.Department + " · " + left
	}
	d.pdf.Text(marginX, footerBaseline, fitLine(d.pdf, printable(left), textWidth-numberW-10))
}
