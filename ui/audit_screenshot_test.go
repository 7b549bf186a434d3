package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// TestAuditScreenshots renders the audit screen from demo data into the folder
// named by LEADBOARD_SCREENSHOTS; without it the test does nothing.
func TestAuditScreenshots(t *testing.T) {
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
		shootAudit(a, shoot)
	}
}

// shootAudit renders every tab of the audit screen and its forms.
func shootAudit(a *App, shoot func(string)) {
	s := a.audit
	a.showScreen(s)
	shoot("audit-checklist")
	rows := s.checklist.items.Rows()
	for i, r := range rows {
		if len(r.item.Evidence) > 1 {
			s.checklist.items.Select(i)
			break
		}
	}
	shoot("audit-rate")
	a.closeTopDialog()
	s.checklist.editAudit(s.checklist.current.audit)
	shoot("audit-edit")
	a.closeTopDialog()
	s.tabs.SelectIndex(1)
	shoot("audit-trend")
	s.trend.view.setValue(viewCompare)
	shoot("audit-compare")
	s.tabs.SelectIndex(2)
	shoot("audit-actions")
	s.actions.list.Select(0)
	shoot("audit-action-form")
	a.closeTopDialog()
	s.tabs.SelectIndex(3)
	settle(a)
	s.procedures.choose(s.procedures.register.Rows()[0].ID)
	shoot("audit-procedures")
	s.procedures.acknowledge()
	shoot("audit-acks")
	a.closeTopDialog()
	s.procedures.markReviewed()
	shoot("audit-reviewed")
	a.closeTopDialog()
	s.procedures.editProcedure(s.procedures.register.Rows()[0].Procedure)
	shoot("audit-procedure-form")
	a.closeTopDialog()
}
