package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/demo"
	"leadboard/ui/widgets"
)

// uiQueue receives what background work hands to the UI; settle runs it on the test
// goroutine, so the test and the UI never touch widgets at the same time.
var uiQueue = make(chan func(), 100000)

var demoTemplate string // a small demo database, copied for each test

func TestMain(m *testing.M) {
	onUI = func(f func()) { uiQueue <- f }
	dir, err := os.MkdirTemp("", "leadboard-ui-test-")
	if err != nil {
		panic(err)
	}
	demoTemplate = filepath.Join(dir, "demo.db")
	if err := makeDemo(demoTemplate); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func makeDemo(path string) error {
	st, err := data.Open(path, data.Options{Create: true})
	if err != nil {
		return err
	}
	defer st.Close()
	_, err = demo.Generate(context.Background(), st, demo.Options{Scale: demo.Small, Seed: 7, AsOf: time.Now()})
	return err
}

// settle applies every pending background result, until no work is in flight.
func settle(a *App) {
	idle := make(chan struct{})
	go func() { a.busy.Wait(); close(idle) }()
	for {
		select {
		case f := <-uiQueue:
			f()
		case <-idle:
			return
		}
	}
}

// openDemo opens the window on a fresh copy of the demo database.
func openDemo(t *testing.T, lang string) *App {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	copyFile(t, demoTemplate, path)
	return openApp(t, path, lang)
}

func openApp(t *testing.T, path, lang string) *App {
	t.Helper()
	a := New(test.NewTempApp(t), Options{DBPath: path, Lang: lang})
	settle(a)
	t.Cleanup(func() {
		if st := a.store(); st != nil {
			st.Close()
		}
	})
	return a
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// texts lists the text of every label and button laid out under obj.
func texts(obj fyne.CanvasObject) []string {
	var out []string
	for _, o := range test.LaidOutObjects(obj) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		}
	}
	return out
}

func containsText(obj fyne.CanvasObject, part string) bool {
	for _, s := range texts(obj) {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// findButton finds a laid-out button by its text.
func findButton(t *testing.T, obj fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(obj) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q among %q", text, texts(obj))
	return nil
}

func ctx() context.Context { return context.Background() }

// fill replaces a form field's text the way a user does: clear it, then type key by key.
func fill(t *testing.T, a *App, fd *formDialog, field, text string) {
	t.Helper()
	var f interface {
		fyne.Focusable
		SetText(string)
	}
	input := fd.form.Input(field)
	if row, ok := input.(*fyne.Container); ok { // an entry with a button beside it
		for _, o := range row.Objects {
			if e, ok := o.(*widgets.Entry); ok {
				input = e
			}
		}
	}
	switch w := input.(type) {
	case *widgets.Entry:
		f = w
	case *widgets.DateField:
		f = w.Entry
	case *widgets.SelectEntry:
		f = w
	default:
		t.Fatalf("field %s is not a text field (%T)", field, w)
	}
	f.SetText("")
	test.Type(f, text)
	settle(a)
}

// choose picks a drop-down value by its index, as a click on the option does.
func choose(t *testing.T, a *App, fd *formDialog, field string, index int) {
	t.Helper()
	sel, ok := fd.form.Input(field).(interface{ SetSelectedIndex(int) })
	if !ok {
		t.Fatalf("field %s is not a drop-down", field)
	}
	sel.SetSelectedIndex(index)
	settle(a)
}
