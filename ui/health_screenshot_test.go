package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"leadboard/data"
	"leadboard/data/health"
)

// TestHealthScreenshots renders the Client health screen from demo data into the
// folder named by LEADBOARD_SCREENSHOTS; without it the test does nothing.
func TestHealthScreenshots(t *testing.T) {
	dir := os.Getenv("LEADBOARD_SCREENSHOTS")
	if dir == "" {
		t.Skip("set LEADBOARD_SCREENSHOTS to a folder to render screenshots")
	}
	for _, lang := range []string{"ru", "en"} {
		a := openDemo(t, lang)
		a.win.Resize(fyne.NewSize(1400, 860))
		shoot := func(name string) {
			t.Helper()
			settle(a)
			// A window lays wrapped text out again on its next frame; the test canvas
			// when refreshed.
			a.win.Content().Refresh()
			f, err := os.Create(filepath.Join(dir, name+"-"+lang+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, a.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		}
		s := a.health
		a.showScreen(s)
		shoot("health-scores")
		for _, h := range s.scores.table.Rows() {
			if h.Band == health.BandRed {
				s.scores.choose(h.ClientID)
				break
			}
		}
		shoot("health-client")
		s.scores.client.editOverride()
		shoot("health-override")
		a.closeTopDialog()
		s.tabs.SelectIndex(healthTabRisks)
		s.risks.setDays(90)
		shoot("health-risks")
		s.tabs.SelectIndex(healthTabOpportunities)
		shoot("health-opportunities")
		s.opps.add(data.PersonRef{})
		shoot("health-opportunity-form")
		a.closeTopDialog()
		s.tabs.SelectIndex(healthTabSettings)
		shoot("health-settings")
	}
}
