package pack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"leadboard/charts"
)

// Slide images are 16:9 at the size projectors and slide decks take.
const (
	slideImageWidth  = 1600
	slideImageHeight = 900
)

// ErrFolderTaken: WriteSlides does not mix a pack's slides with files already there.
var ErrFolderTaken = errors.New("the path is a file or a folder that is not empty: choose an empty or a new folder")

// WriteSlides writes the pack as a folder of slides, a PNG and an SVG of each at
// 1600x900 named in the pack's order: "01-overview-1.png", "02-overview-2.png",
// "03-workload-1.png" (the slide's number in the pack, its section, its number in
// the section). A slide with nothing for the period shows its title and its Empty
// text. The slides are written into a temporary folder beside dir, renamed to dir
// when all are written, so a failed or cancelled export leaves nothing; dir may
// exist only as an empty folder. Progress is told after each slide.
func WriteSlides(ctx context.Context, dir string, p Pack, progress Progress) error {
	dir = filepath.Clean(dir)
	if err := checkSlidesFolder(dir); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // after the rename there is nothing left to remove
	if err := writeSlideFiles(ctx, tmp, p, progress); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil { // temporary folders are private; exports are not
		return err
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) { // an empty folder: make way
		return err
	}
	return os.Rename(tmp, dir)
}

// checkSlidesFolder refuses a dir that is a file or a folder with anything in it.
func checkSlidesFolder(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err == nil && len(entries) == 0:
		return nil
	case err == nil || isNotFolder(dir):
		return fmt.Errorf("%s: %w", dir, ErrFolderTaken)
	}
	return err
}

func isNotFolder(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}

func writeSlideFiles(ctx context.Context, dir string, p Pack, progress Progress) error {
	total, done := p.SlideCount(), 0
	for _, s := range p.Sections {
		for i, slide := range s.Slides {
			if err := ctx.Err(); err != nil {
				return err
			}
			name := filepath.Join(dir, fmt.Sprintf("%02d-%s-%d", done+1, s.Code, i+1))
			chart := slideImageChart(slide)
			if err := createSlideFile(name+".png", func(w io.Writer) error {
				return chart.PNG(w, slideImageWidth, slideImageHeight)
			}); err != nil {
				return err
			}
			if err := createSlideFile(name+".svg", func(w io.Writer) error {
				return writeSizedSVG(w, chart)
			}); err != nil {
				return err
			}
			done++
			if progress != nil {
				progress(done, total)
			}
		}
	}
	return ctx.Err() // cancelled at the last slide: still no folder
}

// slideImageChart is the slide's chart, or for a slide with nothing to show a chart of
// no lines, which draws the slide's title as the other charts do (shortened with "…"
// rather than cut at the edge) and the Empty text in the middle.
func slideImageChart(s Slide) Chart {
	if s.Chart != nil && s.Empty == "" {
		return s.Chart
	}
	return charts.LineChart{Title: s.Title, Empty: s.Empty, Style: charts.Print}
}

// writeSizedSVG writes the chart as an SVG whose root element states its size:
// go-chart writes only a viewBox, and a viewer then picks a size of its own (a
// browser fills its window, an image viewer falls back to 300x150).
func writeSizedSVG(w io.Writer, chart Chart) error {
	var buf bytes.Buffer
	if err := chart.SVG(&buf, slideImageWidth, slideImageHeight); err != nil {
		return err
	}
	svg := buf.Bytes()
	root, _, _ := bytes.Cut(svg, []byte(">"))
	if bytes.HasPrefix(svg, []byte("<svg ")) && !bytes.Contains(root, []byte(" width=")) {
		size := fmt.Sprintf(` width="%d" height="%d"`, slideImageWidth, slideImageHeight)
		svg = slices.Concat([]byte("<svg"), []byte(size), svg[len("<svg"):])
	}
	_, err := w.Write(svg)
	return err
}

func createSlideFile(path string, write func(w io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
