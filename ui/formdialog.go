package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/ui/widgets"
)

// formDialog is a form in a dialog with Save and Cancel. Save keeps the dialog open
// and shows the errors next to the fields until the record is saved.
type formDialog struct {
	form *widgets.Form
	dlg  *dialog.CustomDialog
	save *widget.Button
}

// showFormDialog shows form; submit reads the fields and starts the save, calling
// done with its outcome (nil closes the dialog).
func (a *App) showFormDialog(title string, form *widgets.Form, width float32, submit func(done func(error))) *formDialog {
	fd := &formDialog{form: form}
	fd.save = widget.NewButtonWithIcon(T("action.save"), theme.DocumentSaveIcon(), func() {
		fd.save.Disable()
		submit(func(err error) {
			fd.save.Enable()
			if err != nil {
				showFormError(form, err)
				return
			}
			form.SetErrors(nil)
			fd.dlg.Hide()
		})
	})
	fd.save.Importance = widget.HighImportance
	cancel := widget.NewButton(T("action.cancel"), func() { fd.dlg.Hide() })
	content := container.NewVScroll(form.Object())
	fd.dlg = dialog.NewCustomWithoutButtons(title, content, a.win)
	fd.dlg.SetButtons([]fyne.CanvasObject{cancel, fd.save})
	height := form.Object().MinSize().Height + 140
	if max := a.win.Canvas().Size().Height - 40; max > 200 && height > max {
		height = max
	}
	fd.dlg.Resize(fyne.NewSize(width, height))
	a.lastForm = fd
	a.showDialog(fd.dlg)
	return fd
}

// inputs reads typed values, collecting the fields whose text cannot be read
// (a number with letters, a date that is not a date). Missing values are left to
// the data layer's validation, which knows what is required. A field the form hides
// is not part of the record: it reads as empty.
type inputs struct {
	form *widgets.Form
	errs []data.FieldError
}

func (in *inputs) hidden(field string) bool {
	return in.form != nil && in.form.Has(field) && !in.form.Shown(field)
}

func (in *inputs) text(e *widgets.Entry) string { return strings.TrimSpace(e.Text) }

func (in *inputs) number(field string, e *widgets.Entry) float64 {
	t := strings.TrimSpace(e.Text)
	if t == "" || in.hidden(field) {
		return 0
	}
	v, ok := parseNumber(t)
	if !ok {
		in.errs = append(in.errs, data.FieldError{Field: field, Code: "not_number"})
	}
	return v
}

// integer reads a whole number (money, days, ranks): "5,7" is an error, not 5.
func (in *inputs) integer(field string, e *widgets.Entry) int64 {
	t := strings.TrimSpace(e.Text)
	if t == "" || in.hidden(field) {
		return 0
	}
	v, ok := parseInteger(t)
	if !ok {
		in.errs = append(in.errs, data.FieldError{Field: field, Code: "not_integer"})
	}
	return v
}

// optionalNumber is nil for an empty field.
func (in *inputs) optionalNumber(field string, e *widgets.Entry) *float64 {
	if strings.TrimSpace(e.Text) == "" || in.hidden(field) {
		return nil
	}
	v := in.number(field, e)
	return &v
}

func (in *inputs) date(field string, d *widgets.DateField) time.Time {
	if in.hidden(field) {
		return time.Time{}
	}
	t, ok := d.Date()
	if !ok {
		in.errs = append(in.errs, data.FieldError{Field: field, Code: "not_date",
			Params: map[string]any{"Example": time.Date(2026, 3, 31, 14, 30, 0, 0, time.UTC).Format(dateLayout())}})
	}
	return t
}

// err is a validation error for the unreadable fields, or nil.
func (in *inputs) err() error { return in.check(nil) }

// check merges the unreadable fields with the data layer's verdict on the record
// (a field that could not be read keeps only the "cannot read" message), so the
// form shows every problem at once.
func (in *inputs) check(validation error) error {
	fields := append([]data.FieldError(nil), in.errs...)
	if v, ok := data.AsValidation(validation); ok {
		for _, f := range v.Fields {
			if !in.unreadable(f.Field) {
				fields = append(fields, f)
			}
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return &data.ValidationError{Fields: fields}
}

func (in *inputs) unreadable(field string) bool {
	for _, f := range in.errs {
		if f.Field == field {
			return true
		}
	}
	return false
}

// newDateField is a date field in the UI language's layout.
func newDateField() *widgets.DateField {
	return widgets.NewDateField(dateLayout(), T("hint.date"), data.ParseDate)
}

// newDateTimeField is a date-and-time field.
func newDateTimeField() *widgets.DateField {
	return widgets.NewDateField(dateLayout()+" 15:04", T("hint.datetime"), data.ParseDateTime)
}

// saveRecord runs a form's write off the UI goroutine: done gets its outcome (nil
// closes the form) and onSaved follows a successful save.
func saveRecord(a *App, done func(error), write func(ctx context.Context, st *data.Store) error, onSaved func()) {
	save(a, write, func(err error) {
		done(err)
		if err == nil {
			onSaved()
		}
	})
}
