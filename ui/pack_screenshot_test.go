package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"leadboard/data/pack"
)

// TestPackScreenshots renders the Meeting pack screen from demo data into the
// folder named by LEADBOARD_SCREENSHOTS; without it the test does nothing.
func TestPackScreenshots(t *testing.T) {
	dir := os.Getenv("LEADBOARD_SCREENSHOTS")
	if dir == "" {
		t.Skip("set LEADBOARD_SCREENSHOTS to a folder to render screenshots")
	}
	for _, lang := range []string{"ru", "en"} {
		a := openDemo(t, lang)
		a.win.Resize(fyne.NewSize(1400, 860))
		capture := func(name string) {
			t.Helper()
			a.win.Content().Refresh() // lays wrapped text out again, as a window's next frame does
			f, err := os.Create(filepath.Join(dir, name+"-"+lang+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, a.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		}
		shoot := func(name string) {
			t.Helper()
			settle(a)
			capture(name)
		}
		s := a.pack
		a.showScreen(s)
		shoot("pack-choice")
		s.buildPreview()
		settle(a)
		shoot("pack-preview")
		s.kind.setValue(pack.Year)
		s.period.setValue(s.period.values[len(s.period.values)-1]) // the oldest year: little or no data
		s.buildPreview()
		settle(a)
		for i, r := range s.preview.rows {
			if r.slide.Chart == nil {
				s.preview.list.Select(i)
				shoot("pack-empty-slide")
				break
			}
		}
		s.kind.setValue(pack.Month)
		s.sections[1].SetChecked(false)
		shoot("pack-stale")
		s.exportTo(packPDF, filepath.Join(t.TempDir(), "pack.pdf"))
		capture("pack-running") // while it runs
		settle(a)
		shoot("pack-done")
		s.askExport(packPDF)
		shoot("pack-export-pdf")
		a.closeTopDialog()
		s.askExport(packSlides)
		shoot("pack-export-slides")
		a.closeTopDialog()
	}
}
