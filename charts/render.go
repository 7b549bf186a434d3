package charts

import (
	"fmt"
	"html"
	"image"
	"io"

	"github.com/wcharczuk/go-chart/v2"
)

// drawFunc draws a whole chart on a renderer of width x height pixels. Every chart
// kind has one, so the window image, the PNG and the SVG share one layout.
type drawFunc func(r chart.Renderer, width, height int)

// renderImage draws in memory: the window shows the image without a PNG round trip.
func renderImage(width, height int, draw drawFunc) (image.Image, error) {
	r, err := newRenderer(chart.PNG, width, height)
	if err != nil {
		return nil, err
	}
	draw(r, width, height)
	w := &chart.ImageWriter{}
	if err := r.Save(w); err != nil {
		return nil, err
	}
	return w.Image()
}

func renderPNG(out io.Writer, width, height int, draw drawFunc) error {
	r, err := newRenderer(chart.PNG, width, height)
	if err != nil {
		return err
	}
	draw(r, width, height)
	return r.Save(out)
}

func renderSVG(out io.Writer, width, height int, draw drawFunc) error {
	r, err := newRenderer(chart.SVG, width, height)
	if err != nil {
		return err
	}
	draw(escapingRenderer{r}, width, height)
	return r.Save(out)
}

func newRenderer(provider chart.RendererProvider, width, height int) (chart.Renderer, error) {
	if width <= 0 || height <= 0 {
		return nil, fmt.Errorf("charts: cannot draw a %d x %d chart", width, height)
	}
	return provider(width, height)
}

// escapingRenderer escapes text for SVG: go-chart writes text into the XML as is, so a
// client called "Рога & Копыта" would make the whole file unreadable.
type escapingRenderer struct{ chart.Renderer }

func (r escapingRenderer) Text(body string, x, y int) {
	r.Renderer.Text(html.EscapeString(body), x, y)
}
