package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/review"
	"leadboard/ui/widgets"
)

// bandsEditor sets the scores from which each rating band begins.
type bandsEditor struct {
	s                           *reviewsScreen
	shown                       review.Bands // as last loaded or saved: typed changes are kept over a reload
	meets, exceeds, outstanding *widgets.Entry
	form                        *widgets.Form
	saved                       *widget.Label
	root                        fyne.CanvasObject
}

func newBandsEditor(s *reviewsScreen) *bandsEditor {
	b := &bandsEditor{s: s, meets: widgets.NewEntry(), exceeds: widgets.NewEntry(), outstanding: widgets.NewEntry()}
	b.form = widgets.NewForm()
	b.form.SetIntro(T("reviews.bands_intro"))
	b.form.Add("meets", T("review.band.meets"), b.meets, true)
	b.form.Add("exceeds", T("review.band.exceeds"), b.exceeds, true)
	b.form.Add("outstanding", T("review.band.outstanding"), b.outstanding, true)
	b.saved = widget.NewLabel("")
	saveBtn := widget.NewButtonWithIcon(T("action.save"), theme.DocumentSaveIcon(), b.save)
	defaults := widget.NewButton(T("reviews.reset_default"), func() {
		d := review.DefaultBands()
		b.meets.SetText(number(d.Meets, 2))
		b.exceeds.SetText(number(d.Exceeds, 2))
		b.outstanding.SetText(number(d.Outstanding, 2))
	})
	title := widget.NewLabelWithStyle(T("reviews.bands"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.root = container.NewVBox(title, b.form.Object(), container.NewHBox(saveBtn, defaults, b.saved))
	return b
}

// set shows the saved thresholds, unless the lead has typed others not saved yet.
func (b *bandsEditor) set(v review.Bands) {
	if b.typed() {
		return
	}
	b.fill(v)
}

// typed: the fields hold something other than what was shown.
func (b *bandsEditor) typed() bool {
	if b.shown == (review.Bands{}) {
		return false
	}
	return b.meets.Text != number(b.shown.Meets, 2) || b.exceeds.Text != number(b.shown.Exceeds, 2) ||
		b.outstanding.Text != number(b.shown.Outstanding, 2)
}

func (b *bandsEditor) fill(v review.Bands) {
	b.shown = v
	b.meets.SetText(number(v.Meets, 2))
	b.exceeds.SetText(number(v.Exceeds, 2))
	b.outstanding.SetText(number(v.Outstanding, 2))
	b.form.SetErrors(nil)
	b.saved.SetText("")
}

func (b *bandsEditor) save() {
	in := inputs{form: b.form}
	v := review.Bands{Meets: in.number("meets", b.meets), Exceeds: in.number("exceeds", b.exceeds),
		Outstanding: in.number("outstanding", b.outstanding)}
	if err := in.err(); err != nil {
		showFormError(b.form, err)
		return
	}
	save(b.s.app, func(ctx context.Context, st *data.Store) error { return st.SaveReviewBands(ctx, v) }, func(err error) {
		if err != nil {
			showFormError(b.form, err)
			return
		}
		b.fill(v)
		b.saved.SetText(T("reviews.bands_saved"))
	})
}

// departmentsEditor lists the departments that give feedback: add, rename,
// archive (their feedback stays).
type departmentsEditor struct {
	s     *reviewsScreen
	loads ticket
	list  *widgets.Table[data.Department]
	root  fyne.CanvasObject
}

func newDepartmentsEditor(s *reviewsScreen) *departmentsEditor {
	d := &departmentsEditor{s: s}
	d.list = widgets.NewTable([]widgets.Column[data.Department]{
		{Title: T("field.name"), Width: 220, Text: func(x data.Department) string { return x.Name }},
		{Title: T("field.status"), Width: 130, Text: func(x data.Department) string {
			if x.ArchivedOn.IsZero() {
				return ""
			}
			return Tf("reviews.dept_archived", map[string]any{"Date": date(x.ArchivedOn)})
		}},
	}, T("list.empty"))
	d.list.OnSelected = d.edit
	add := widget.NewButtonWithIcon(T("reviews.add_department"), theme.ContentAddIcon(), func() { d.edit(data.Department{}) })
	title := widget.NewLabelWithStyle(T("reviews.departments"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(T("reviews.departments_intro"))
	intro.Wrapping = fyne.TextWrapWord
	d.root = container.NewBorder(container.NewVBox(title, intro, add), nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(380, 220), d.list))
	return d
}

func (d *departmentsEditor) set(depts []data.Department) { d.list.SetRows(depts) }

// reload reads the departments again, and nothing else of the tab.
func (d *departmentsEditor) reload() {
	load(d.s.app, &d.loads, func(ctx context.Context, st *data.Store) ([]data.Department, error) {
		return st.Departments(ctx)
	}, d.set)
}

// edit adds (ID 0) or renames a department, or archives or restores it.
func (d *departmentsEditor) edit(x data.Department) {
	a := d.s.app
	form := widgets.NewForm()
	name := widgets.NewEntry()
	name.SetText(x.Name)
	archived := widget.NewCheck(T("reviews.dept_archive"), nil)
	archived.SetChecked(!x.ArchivedOn.IsZero())
	form.Add("name", T("field.name"), name, true)
	if x.ID != 0 {
		form.Add("archived", "", archived, false)
	}
	title := T("reviews.add_department")
	if x.ID != 0 {
		title = T("reviews.edit_department")
	}
	a.showFormDialog(title, form, 480, func(done func(error)) {
		edited := x
		edited.Name = name.Text
		switch {
		case !archived.Checked:
			edited.ArchivedOn = time.Time{}
		case x.ArchivedOn.IsZero():
			edited.ArchivedOn = a.today()
		}
		saveRecord(a, done, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveDepartment(ctx, edited)
			return err
		}, d.reload)
	})
}
