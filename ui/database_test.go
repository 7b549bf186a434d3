package ui

import (
	"os"
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
	a.openDatabase(filepath.Join(t.TempDir(), "other.db"), true, true)
	settle(a)
	if len(a.dialogs) != 0 {
		t.Error("a form of the old database is still open")
	}
	if a.clients.detail != nil {
		t.Error("a card of the old database is still open")
	}
}

func TestVanishedRememberedDatabaseIsReportedNotRecreated(t *testing.T) {
	fa := test.NewTempApp(t)
	gone := filepath.Join(t.TempDir(), "usb", "leadboard.db")
	fa.Preferences().SetString(prefDatabase, gone)
	a := New(fa, Options{Lang: "en"})
	settle(a)
	if a.store() != nil {
		t.Fatal("a vanished database was replaced by a new empty one")
	}
	if !containsText(a.body, "does not exist") {
		t.Errorf("message: %q", texts(a.body))
	}
	if _, err := os.Stat(gone); err == nil {
		t.Error("the file was created")
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
