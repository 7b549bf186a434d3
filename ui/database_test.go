package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Switching files closes what was open for the old file: nothing typed for one
// database can be saved into another.
func TestSwitchingDatabaseClosesFormsAndCards(t *testing.T) {
	a := openDemo(t, "en")
	s := showClients(t, a)
	s.openClient(s.table.Rows()[0].ID)
	settle(a)
	test.Tap(a.clients.detail.edit)
	settle(a)
	if len(a.dialogs) != 1 {
		t.Fatal("the edit form did not open")
	}
	a.openDatabase(filepath.Join(t.TempDir(), "other.db"), true)
	settle(a)
	if len(a.dialogs) != 0 {
		t.Error("a form of the old database is still open")
	}
	if a.clients.detail != nil {
		t.Error("a card of the old database is still open")
	}
}

func TestCommandLineDatabaseIsNotRemembered(t *testing.T) {
	a := openDemo(t, "en")
	if got := a.fyneApp.Preferences().String(prefDatabase); got != "" {
		t.Errorf("--db was remembered as the user's database: %q", got)
	}
	if a.store() == nil {
		t.Fatal("not opened")
	}
}
