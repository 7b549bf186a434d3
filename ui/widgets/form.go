package widgets

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Form lays out labelled fields and shows a validation message under each field
// that has one, plus a message for the whole form (for example "database locked").
type Form struct {
	grid    *fyne.Container
	fields  map[string]*formField
	order   []string
	general *widget.Label
	intro   *widget.Label
	box     *fyne.Container
}

type formField struct {
	label  *widget.Label
	input  fyne.CanvasObject
	errMsg *widget.Label
	cell   *fyne.Container
}

// NewForm creates an empty form.
func NewForm() *Form {
	f := &Form{grid: container.New(layout.NewFormLayout()), fields: map[string]*formField{}}
	f.general = errorLabel()
	f.intro = widget.NewLabel("")
	f.intro.Wrapping = fyne.TextWrapWord
	f.intro.Hide()
	f.box = container.NewVBox(f.intro, f.grid, f.general)
	return f
}

// SetIntro shows an explanation above the fields.
func (f *Form) SetIntro(text string) {
	f.intro.SetText(text)
	f.intro.Show()
}

func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// Add appends a field; key is the name validation errors use for it. A required
// field's label gets an asterisk.
func (f *Form) Add(key, label string, input fyne.CanvasObject, required bool) {
	if required {
		label += " *"
	}
	ff := &formField{label: widget.NewLabel(label), input: input, errMsg: errorLabel()}
	ff.label.Alignment = fyne.TextAlignTrailing
	ff.cell = container.NewVBox(input, ff.errMsg)
	f.fields[key] = ff
	f.order = append(f.order, key)
	f.grid.Add(ff.label)
	f.grid.Add(ff.cell)
}

// Input returns the field's input widget (nil when there is no such field).
func (f *Form) Input(key string) fyne.CanvasObject {
	if ff, ok := f.fields[key]; ok {
		return ff.input
	}
	return nil
}

// Has reports whether the form has a field for key.
func (f *Form) Has(key string) bool {
	_, ok := f.fields[key]
	return ok
}

// Shown reports whether a field is shown.
func (f *Form) Shown(key string) bool {
	ff, ok := f.fields[key]
	return ok && ff.cell.Visible()
}

// Show and Hide a field with its label (fields that apply only in some states).
func (f *Form) Show(key string) { f.setVisible(key, true) }
func (f *Form) Hide(key string) { f.setVisible(key, false) }

func (f *Form) setVisible(key string, visible bool) {
	ff, ok := f.fields[key]
	if !ok {
		return
	}
	if visible {
		ff.label.Show()
		ff.cell.Show()
	} else {
		ff.label.Hide()
		ff.cell.Hide()
	}
}

// SetErrors shows messages under their fields; messages for a field that is not
// shown, or not in the form, go to the general message. Every other message is
// cleared.
func (f *Form) SetErrors(messages map[string]string) {
	var general []string
	for key, msg := range messages {
		if !f.Shown(key) {
			general = append(general, msg)
		}
	}
	sort.Strings(general) // a stable order from one click to the next
	for _, key := range f.order {
		if f.Shown(key) {
			setMessage(f.fields[key].errMsg, messages[key])
		} else {
			setMessage(f.fields[key].errMsg, "")
		}
	}
	setMessage(f.general, strings.Join(general, "\n"))
}

// Error returns the message shown under a field ("" when none).
func (f *Form) Error(key string) string {
	if ff, ok := f.fields[key]; ok && ff.errMsg.Visible() {
		return ff.errMsg.Text
	}
	return ""
}

// GeneralError returns the message shown for the whole form.
func (f *Form) GeneralError() string {
	if f.general.Visible() {
		return f.general.Text
	}
	return ""
}

// HasErrors reports whether any message is shown.
func (f *Form) HasErrors() bool {
	if f.general.Visible() {
		return true
	}
	for _, ff := range f.fields {
		if ff.errMsg.Visible() {
			return true
		}
	}
	return false
}

func setMessage(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// Object is the form's canvas object.
func (f *Form) Object() fyne.CanvasObject { return f.box }
