package widgets

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// ChartView shows a chart rendered off the UI goroutine at the widget's pixel size,
// and renders it again when the size or the chart changes.
type ChartView struct {
	widget.BaseWidget
	// Background runs work off the UI goroutine and apply on it (the app's worker).
	Background func(work, apply func())

	render   func(width, height int) (image.Image, error)
	img      *canvas.Image
	rendered fyne.Size // logical size of the image shown or being rendered
	version  int       // bumped by every render: only the newest is shown
	minSize  fyne.Size
}

// NewChartView creates an empty chart area of at least minSize.
func NewChartView(minSize fyne.Size, background func(work, apply func())) *ChartView {
	v := &ChartView{Background: background, minSize: minSize}
	v.img = canvas.NewImageFromImage(nil)
	v.img.FillMode = canvas.ImageFillStretch
	v.ExtendBaseWidget(v)
	return v
}

// SetChart replaces what is drawn: render gets the size in pixels.
func (v *ChartView) SetChart(render func(width, height int) (image.Image, error)) {
	v.render = render
	v.rendered = fyne.Size{}
	v.redraw(v.Size())
}

// Image returns the image shown (nil before the first render).
func (v *ChartView) Image() image.Image { return v.img.Image }

func (v *ChartView) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.img) }

func (v *ChartView) MinSize() fyne.Size { return v.minSize }

// Resize re-renders for the new size in the background; layout never waits for it.
func (v *ChartView) Resize(size fyne.Size) {
	v.BaseWidget.Resize(size)
	v.redraw(size)
}

func (v *ChartView) redraw(size fyne.Size) {
	if v.render == nil || size.Width < 1 || size.Height < 1 || size == v.rendered {
		return
	}
	v.rendered = size
	v.version++
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		scale = c.Scale()
	}
	render, version := v.render, v.version
	w, h := int(size.Width*scale), int(size.Height*scale)
	var img image.Image
	var err error
	v.Background(func() { img, err = render(w, h) }, func() {
		if err != nil || version != v.version {
			return
		}
		v.img.Image = img
		v.img.Refresh()
	})
}
