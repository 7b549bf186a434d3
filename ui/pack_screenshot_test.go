package ui

import (
	"path/filepath"
	"testing"

	"leadboard/data/pack"
)

// TestPackScreenshots renders the Meeting pack screen from demo data into the
// folder named by LEADBOARD_SCREENSHOTS; without it the test does nothing.
func TestPackScreenshots(t *testing.T) {
	screenshots(t, func(a *App, shoot, capture func(name string)) {
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
	})
}
