package charts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

// placedText is a text a chart drew, with the box its capitals occupy.
type placedText struct {
	text           string
	x0, y0, x1, y1 int
}

// recorder draws on a real PNG renderer and notes every text, so that tests can check
// that no text leaves the image or covers another.
type recorder struct {
	chart.Renderer
	size  float64
	texts []placedText
}

func record(t *testing.T, draw drawFunc, width, height int) []placedText {
	t.Helper()
	r, err := chart.PNG(width, height)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{Renderer: r}
	draw(rec, width, height)
	return rec.texts
}

func (r *recorder) SetFontSize(size float64) {
	r.size = size
	r.Renderer.SetFontSize(size)
}

func (r *recorder) Text(body string, x, y int) {
	w := textWidth(r.Renderer, body)
	r.texts = append(r.texts, placedText{body, x, y - capHeight(r.size), x + w, y})
	r.Renderer.Text(body, x, y)
}

// checkTextsPlaced fails for a text outside the image or over another text.
func checkTextsPlaced(t *testing.T, texts []placedText, width, height int) {
	t.Helper()
	for i, a := range texts {
		if a.x0 < 0 || a.x1 > width || a.y0 < 0 || a.y1 > height {
			t.Errorf("%q at [%d,%d]-[%d,%d] leaves the %dx%d image", a.text, a.x0, a.y0, a.x1, a.y1, width, height)
		}
		for _, b := range texts[i+1:] {
			if a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
				t.Errorf("%q [%d,%d]-[%d,%d] overlaps %q [%d,%d]-[%d,%d]",
					a.text, a.x0, a.y0, a.x1, a.y1, b.text, b.x0, b.y0, b.x1, b.y1)
			}
		}
	}
}

func countText(texts []placedText, text string) int {
	n := 0
	for _, p := range texts {
		if p.text == text {
			n++
		}
	}
	return n
}

// checkWellFormed fails when the SVG is not XML a browser or a slide tool would read.
func checkWellFormed(t *testing.T, svg []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
	}
}

func TestSVGEscapesNames(t *testing.T) {
	c := BarChart{Title: "Клиенты <топ>", Bars: []Bar{{Label: "Рога & Копыта", Value: 3}}, Style: Print}
	var buf bytes.Buffer
	if err := c.SVG(&buf, 400, 200); err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, buf.Bytes())
	if !bytes.Contains(buf.Bytes(), []byte("Рога &amp; Копыта")) {
		t.Error("the name is not in the SVG")
	}
}

func TestZeroSizeIsAnError(t *testing.T) {
	if _, err := (LineChart{}).Image(0, 100); err == nil {
		t.Error("a 0 x 100 chart drew")
	}
}

// The window renders charts off the UI goroutine, several at a time.
func TestChartsRenderConcurrently(t *testing.T) {
	done := make(chan error)
	for i := 0; i < 4; i++ {
		go func() {
			_, err := retentionChart("ru", Print).Image(900, 450)
			if err == nil {
				_, err = managerRanking(darkScreen).Image(900, 450)
			}
			done <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
