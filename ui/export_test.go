package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"leadboard/data/transfer"
)

func TestExportWritesTheListAsShown(t *testing.T) {
	a := openDemo(t, "en")
	s := showClients(t, a)
	s.tierSel.setValue("A")
	settle(a)
	rows := s.table.Rows()
	path := filepath.Join(t.TempDir(), "clients.csv")
	a.exportTo(path, transfer.ClientTable(rows, "en"), exportFormats[1], "en")
	settle(a)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.HasPrefix(text, "\ufeffClient;") {
		t.Errorf("no BOM or header: %q", text[:min(40, len(text))])
	}
	if lines := strings.Count(strings.TrimSpace(text), "\n") + 1; lines != len(rows)+1 {
		t.Errorf("%d lines for %d rows", lines, len(rows))
	}
	if !strings.Contains(text, rows[0].Name) {
		t.Error("the first row is missing")
	}
}

func TestExportDialogAsksBeforeReplacing(t *testing.T) {
	a := openDemo(t, "en")
	s := showClients(t, a)
	dir := t.TempDir()
	export := func(name string) *formDialog {
		test.Tap(exportList(a, s.table, transfer.ClientTable))
		fd := a.lastForm
		choose(t, a, fd, "format", 1)
		fill(t, a, fd, "folder", dir)
		fill(t, a, fd, "file_name", name)
		test.Tap(fd.save)
		settle(a)
		return fd
	}
	fd := export("clients.xlsx") // the name follows the chosen format (CSV)
	path := filepath.Join(dir, "clients.csv")
	if _, err := os.Stat(path); err != nil || fd.form.HasErrors() {
		t.Fatalf("not written: %v %q", err, fd.form.Error("file_name"))
	}
	os.WriteFile(path, []byte("keep me"), 0o644)
	fd = export("clients.csv")
	test.Tap(findButton(t, a.win.Canvas().Overlays().Top(), "Cancel"))
	settle(a)
	if b, _ := os.ReadFile(path); string(b) != "keep me" || fd.form.Error("file_name") == "" {
		t.Fatalf("declined replace: file %q, error %q", b, fd.form.Error("file_name"))
	}
	test.Tap(fd.save)
	settle(a)
	test.Tap(findButton(t, a.win.Canvas().Overlays().Top(), "Replace"))
	settle(a)
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "\ufeffClient;") {
		t.Errorf("not replaced: %q", b[:min(20, len(b))])
	}
	if got := a.fyneApp.Preferences().String(prefExportFolder); got != dir {
		t.Errorf("export folder remembered as %q", got)
	}
}

func TestExportDialogNamesBadFields(t *testing.T) {
	a := openDemo(t, "ru")
	s := showClients(t, a)
	test.Tap(exportList(a, s.table, transfer.ClientTable))
	fd := a.lastForm
	fill(t, a, fd, "folder", filepath.Join(t.TempDir(), "нет такой"))
	fill(t, a, fd, "file_name", "")
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("folder") != "Такой папки нет" || !strings.HasPrefix(fd.form.Error("file_name"), "Введите имя файла") {
		t.Errorf("errors: folder %q, name %q", fd.form.Error("folder"), fd.form.Error("file_name"))
	}
}
