package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// TestScreenshots renders the main screens from demo data into the folder named by
// LEADBOARD_SCREENSHOTS (make screenshots); without it the test does nothing.
func TestScreenshots(t *testing.T) {
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
			f, err := os.Create(filepath.Join(dir, name+"-"+lang+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, a.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		}
		shoot("overview")
		a.show(1)
		shoot("staff")
		a.show(2)
		shoot("clients")
		a.clients.openClient(a.clients.table.Rows()[0].ID)
		shoot("client-card")
	}
}
