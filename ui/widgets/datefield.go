package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// DateField is a date typed in the UI language's layout or picked from a calendar.
// Unlike Fyne's DateEntry it never keeps a stale date after the text was changed:
// Date parses the text as it is now.
type DateField struct {
	widget.BaseWidget
	Entry  *Entry
	layout string
	parse  func(string) (time.Time, error)
	button *widget.Button
}

// NewDateField creates a date field showing dates in layout with a hint such as
// ДД.ММ.ГГГГ; parse reads typed text (it may accept more spellings than layout).
func NewDateField(layout, hint string, parse func(string) (time.Time, error)) *DateField {
	d := &DateField{Entry: NewEntry(), layout: layout, parse: parse}
	d.Entry.SetPlaceHolder(hint)
	d.button = widget.NewButtonWithIcon("", theme.Icon(theme.IconNameCalendar), d.showCalendar)
	d.button.Importance = widget.LowImportance
	d.ExtendBaseWidget(d)
	return d
}

// CreateRenderer lays out the entry with the calendar button on its right.
func (d *DateField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, d.button, d.Entry))
}

// SetDate shows t (zero: empty).
func (d *DateField) SetDate(t time.Time) {
	if t.IsZero() {
		d.Entry.SetText("")
		return
	}
	d.Entry.SetText(t.Format(d.layout))
}

// Date reads the field: zero time and ok for an empty field, ok false for text that
// is not a date.
func (d *DateField) Date() (t time.Time, ok bool) {
	if d.Entry.Text == "" {
		return time.Time{}, true
	}
	t, err := d.parse(d.Entry.Text)
	return t, err == nil
}

// Enable and Disable switch both the text and the calendar.
func (d *DateField) Enable()  { d.Entry.Enable(); d.button.Enable() }
func (d *DateField) Disable() { d.Entry.Disable(); d.button.Disable() }

func (d *DateField) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d)
	if c == nil {
		return
	}
	start, ok := d.Date()
	if !ok || start.IsZero() {
		start = time.Now()
	}
	var pop *widget.PopUp
	cal := widget.NewCalendar(start, func(t time.Time) {
		d.SetDate(t)
		pop.Hide()
	})
	pop = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d)
	pop.ShowAtPosition(pos.AddXY(0, d.Size().Height))
}
