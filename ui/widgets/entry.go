// Package widgets holds the reusable pieces of Leadboard's screens: a sortable data
// table, forms that show errors next to fields, and inputs that behave well in
// dialogs.
package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is a text entry that passes Escape on to its window, so that Escape closes
// a dialog even while the cursor is in one of its fields (Fyne's entry swallows it).
type Entry struct {
	widget.Entry
}

// NewEntry creates a one-line entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry creates an entry for notes.
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	return e
}

// TypedKey forwards Escape to the window's key handler.
func (e *Entry) TypedKey(key *fyne.KeyEvent) {
	if key.Name == fyne.KeyEscape && forwardToCanvas(e, key) {
		return
	}
	e.Entry.TypedKey(key)
}

func forwardToCanvas(obj fyne.CanvasObject, key *fyne.KeyEvent) bool {
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	c := app.Driver().CanvasForObject(obj)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(key)
	return true
}

// SelectEntry is a combo box (free text with suggestions) that forwards Escape too.
type SelectEntry struct {
	widget.SelectEntry
}

// NewSelectEntry creates a combo box with the given suggestions.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.ExtendBaseWidget(e)
	e.SetOptions(options)
	return e
}

// TypedKey forwards Escape to the window's key handler.
func (e *SelectEntry) TypedKey(key *fyne.KeyEvent) {
	if key.Name == fyne.KeyEscape && forwardToCanvas(e, key) {
		return
	}
	e.SelectEntry.TypedKey(key)
}
