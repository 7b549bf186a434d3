package ui

import (
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"leadboard/data/pack"
	"leadboard/ui/widgets"
)

// packPreview shows a built pack: the list of its slides and, for the slide chosen,
// its chart as it will print (or the text that replaces an empty chart) and its
// summary.
type packPreview struct {
	pack    *pack.Pack // nil until the first preview
	key     string     // the choice the pack was built for
	rows    []packSlideRow
	list    *widget.List
	chart   *widgets.ChartView
	empty   *widget.Label
	summary *widget.Label
	root    fyne.CanvasObject
}

// packSlideRow is a slide in the list with the section it belongs to.
type packSlideRow struct {
	code, section string // the section's code and title
	slide         pack.Slide
}

func newPackPreview(a *App) *packPreview {
	p := &packPreview{}
	p.list = widget.NewList(func() int { return len(p.rows) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < len(p.rows) {
			o.(*widget.Label).SetText(p.rows[id].label())
		}
	})
	p.list.OnSelected = p.showSlide
	p.chart = widgets.NewChartView(fyne.NewSize(320, 180), a.background)
	p.empty = widget.NewLabelWithStyle(T("pack.screen.empty_preview"), fyne.TextAlignCenter, fyne.TextStyle{})
	p.empty.Wrapping = fyne.TextWrapWord
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	empty := container.NewVBox(layout.NewSpacer(), p.empty, layout.NewSpacer())
	slide := container.NewBorder(nil, p.summary, nil, nil, container.New(slideLayout{}, p.chart, empty))
	split := container.NewVSplit(p.list, slide)
	split.Offset = 0.3
	p.root = split
	return p
}

func (r packSlideRow) label() string { return r.section + " · " + r.slide.Title }

func (p *packPreview) object() fyne.CanvasObject { return p.root }

func (p *packPreview) built() bool           { return p.pack != nil }
func (p *packPreview) isFor(key string) bool { return p.pack != nil && p.key == key }

// isOf says whether the preview shows this selection, though perhaps of older data.
func (p *packPreview) isOf(selection string) bool {
	return p.pack != nil && strings.HasPrefix(p.key, selection+"|")
}

// show lists the pack's slides and opens the first.
func (p *packPreview) show(built pack.Pack, key string) {
	p.pack, p.key = &built, key
	p.rows = p.rows[:0]
	for _, s := range built.Sections {
		for _, slide := range s.Slides {
			p.rows = append(p.rows, packSlideRow{code: s.Code, section: s.Title, slide: slide})
		}
	}
	p.list.UnselectAll()
	p.list.Refresh()
	if len(p.rows) > 0 {
		p.list.Select(0)
	}
}

// describe says what the preview holds.
func (p *packPreview) describe() string {
	return Tf("pack.screen.built", map[string]any{"Period": p.pack.Period.Label(p.pack.Lang),
		"Slides": integer(p.pack.SlideCount())})
}

// showSlide draws the slide's chart off the UI goroutine, or says why there is
// none, with the summary under it.
func (p *packPreview) showSlide(id widget.ListItemID) {
	if id < 0 || id >= len(p.rows) {
		return
	}
	slide := p.rows[id].slide
	p.summary.SetText(slide.Summary)
	if slide.Chart == nil {
		p.chart.Hide()
		p.empty.SetText(slide.Empty)
		p.empty.Show()
		return
	}
	p.empty.Hide()
	p.chart.Show()
	chart := slide.Chart
	p.chart.SetChart(func(w, h int) (image.Image, error) { return chart.Image(w, h) })
}

// slideLayout shows a slide in the 16:9 of the exported slides, as large as fits and
// centred, so the preview looks as the slide will.
type slideLayout struct{}

func (slideLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w, h := size.Width, size.Width*9/16
	if h > size.Height {
		w, h = size.Height*16/9, size.Height
	}
	for _, o := range objects {
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, (size.Height-h)/2))
	}
}

func (slideLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(320, 180) }
