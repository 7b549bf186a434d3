package charts

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"strconv"
	"testing"
)

// fileChart is a chart written to PNG and SVG files.
type fileChart interface {
	PNG(out io.Writer, width, height int) error
	SVG(out io.Writer, width, height int) error
}

// drawnChart is a chart drawn to an image as well.
type drawnChart interface {
	fileChart
	Image(width, height int) (image.Image, error)
}

// checkOddSizes draws the chart, as an image and as SVG, at a small size, a tiny
// one and a single pixel: it must not fail, whatever fits.
func checkOddSizes(t *testing.T, name string, c drawnChart) {
	t.Helper()
	for _, size := range [][2]int{{800, 500}, {120, 60}, {1, 1}} {
		if _, err := c.Image(size[0], size[1]); err != nil {
			t.Errorf("%s %v: %v", name, size, err)
		}
		var buf bytes.Buffer
		if err := c.SVG(&buf, size[0], size[1]); err != nil {
			t.Errorf("%s %v: %v", name, size, err)
		}
	}
}

// checkFileSizes writes the chart as a slide and as a small picture, in PNG and in
// SVG, and checks each file is well formed and of the size asked for.
func checkFileSizes(t *testing.T, c fileChart) {
	t.Helper()
	for _, size := range [][2]int{{1600, 900}, {800, 500}} {
		var buf bytes.Buffer
		if err := c.PNG(&buf, size[0], size[1]); err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Width != size[0] || cfg.Height != size[1] {
			t.Errorf("PNG is %d x %d, want %v", cfg.Width, cfg.Height, size)
		}
		buf.Reset()
		if err := c.SVG(&buf, size[0], size[1]); err != nil {
			t.Fatal(err)
		}
		checkWellFormed(t, buf.Bytes())
		if !bytes.Contains(buf.Bytes(), []byte(`viewBox="0 0 `+strconv.Itoa(size[0])+" "+strconv.Itoa(size[1])+`"`)) {
			t.Errorf("SVG is not %v", size)
		}
	}
}
