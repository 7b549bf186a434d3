package pack

import (
	"context"
	"fmt"
	"io"

	"github.com/go-pdf/fpdf"

	"leadboard/assets"
	"leadboard/assets/locale"
	"leadboard/data/transfer"
)

// WritePDF writes the pack as an A4 landscape PDF for print: a title page, the
// contents with the page each section starts on, then each slide on a page of its
// own (its title, the chart, the summary, and a footer with the department, the
// period and the page number). Noto Sans is embedded, so Cyrillic prints anywhere.
// Progress is told after each page; a cancelled ctx stops between pages with
// ctx.Err() and writes nothing to w.
func (p Pack) WritePDF(ctx context.Context, w io.Writer, progress Progress) error {
	doc := newPDFDocument(p)
	pages := doc.pages()
	for i, draw := range pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := draw(); err != nil {
			return err
		}
		if err := doc.pdf.Error(); err != nil {
			return fmt.Errorf("pdf page %d: %w", i+1, err)
		}
		if progress != nil {
			progress(i+1, len(pages))
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return doc.pdf.Output(w)
}

// WritePDFFile writes the pack's PDF to path through a temporary file, so a failed
// or cancelled export leaves no partial file behind.
func WritePDFFile(ctx context.Context, path string, p Pack, progress Progress) error {
	return transfer.WriteFile(path, func(w io.Writer) error { return p.WritePDF(ctx, w, progress) })
}

// pdfDocument is a PDF being drawn page by page from a plan made beforehand.
type pdfDocument struct {
	pdf   *fpdf.Fpdf
	pack  Pack
	plan  pagePlan
	msg   locale.Catalog
	links []int // the contents' link to each section's first page
}

// fontFamily is the embedded Noto Sans, regular ("") and bold ("B").
const fontFamily = "NotoSans"

func newPDFDocument(p Pack) *pdfDocument {
	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0) // every page is laid out in advance: nothing flows
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.AddUTF8FontFromBytes(fontFamily, "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", assets.FontBold)
	doc := &pdfDocument{pdf: pdf, pack: p, plan: planPages(p), msg: locale.Messages(p.Lang)}
	title := doc.msg.T("pack.pdf.title", nil)
	pdf.SetTitle(printable(title+" — "+p.Period.Label(p.Lang)), true)
	pdf.SetSubject(printable(p.Department), true)
	pdf.SetAuthor(printable(p.Author), true)
	pdf.SetCreator("Leadboard", true)
	if p.Lang != "" {
		pdf.SetLang(p.Lang)
	}
	for i := range p.Sections {
		link := pdf.AddLink()
		if start := doc.plan.sectionStart[i]; start > 0 {
			pdf.SetLink(link, 0, start)
		}
		doc.links = append(doc.links, link)
	}
	return doc
}

// pages lists the drawing of every page in order: the title page, the contents,
// one page per slide.
func (d *pdfDocument) pages() []func() error {
	pages := []func() error{d.drawTitlePage}
	for i := range d.plan.contentsPages {
		pages = append(pages, func() error { return d.drawContentsPage(i) })
	}
	for si, s := range d.pack.Sections {
		for k := range s.Slides {
			pages = append(pages, func() error { return d.drawSlidePage(si, k) })
		}
	}
	return pages
}

// periodLabel is the pack's period as a reader names it.
func (d *pdfDocument) periodLabel() string { return d.pack.Period.Label(d.pack.Lang) }
