package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/ui/widgets"
)

// editProcedure opens the form of a procedure (ID 0: a new one). Its version is
// set only when it is added: a review issues the next one.
func (t *proceduresTab) editProcedure(p data.Procedure) {
	title := widgets.NewEntry()
	title.SetText(p.Title)
	area := newChoice(data.ProcedureAreas, func(a string) string { return T("procedure.area." + a) }, nil)
	area.setValueQuietly(p.Area)
	owner := ownerChoice(t.current.people, p.OwnerID)
	link := widgets.NewEntry()
	link.SetText(p.Link)
	link.SetPlaceHolder(T("procedures.link_hint"))
	reviewed := newDateField()
	reviewed.SetDate(p.LastReviewed)
	months, version := widgets.NewEntry(), widgets.NewEntry()
	months.SetText(integer(p.ReviewMonths))
	version.SetText(integer(p.Version))
	form := widgets.NewForm()
	form.Add("title", T("field.title"), title, true)
	form.Add("area", T("field.area"), area, true)
	form.Add("owner", T("field.owner"), owner, true)
	form.Add("link", T("field.link"), link, false)
	form.Add("last_reviewed", T("field.last_reviewed"), reviewed, true)
	form.Add("review_months", T("field.review_months"), months, true)
	if p.ID == 0 {
		form.Add("version", T("field.version"), version, true)
	}
	heading := T("procedures.add")
	if p.ID != 0 {
		heading = T("procedures.edit")
	}
	a := t.s.app
	a.showFormDialog(heading, form, 640, func(done func(error)) {
		in := &inputs{form: form}
		edited := p
		edited.Title, edited.Area, edited.OwnerID, edited.Link = in.text(title), area.value(), owner.value(), in.text(link)
		edited.LastReviewed = in.date("last_reviewed", reviewed)
		edited.ReviewMonths = int(in.integer("review_months", months))
		if p.ID == 0 {
			edited.Version = int(in.integer("version", version))
		}
		if err := in.err(); err != nil {
			done(err)
			return
		}
		var id int64
		saveRecord(a, done, func(ctx context.Context, st *data.Store) error {
			var err error
			id, err = st.SaveProcedure(ctx, edited)
			return err
		}, func() { t.choose(id) })
	})
}

// markReviewed records a review of the chosen procedure, optionally as a new
// version that everyone has to read again.
func (t *proceduresTab) markReviewed() {
	p, ok := t.chosenRow()
	if !ok {
		return
	}
	on := newDateField()
	on.SetDate(t.s.app.today())
	newVersion := widget.NewCheck(Tf("procedures.new_version", map[string]any{"Version": p.Version + 1}), nil)
	form := widgets.NewForm()
	form.SetIntro(Tf("procedures.reviewed_intro", map[string]any{"Title": p.Title, "Version": p.Version}))
	form.Add("on", T("procedures.reviewed_on"), on, true)
	form.Add("new_version", "", newVersion, false)
	a := t.s.app
	a.showFormDialog(T("procedures.reviewed_title"), form, 620, func(done func(error)) {
		in := &inputs{form: form}
		day := in.date("on", on)
		if err := in.err(); err != nil {
			done(err)
			return
		}
		bump := newVersion.Checked
		saveRecord(a, done, func(ctx context.Context, st *data.Store) error {
			return st.ReviewProcedure(ctx, p.ID, day, bump)
		}, t.reload)
	})
}

// archive takes the chosen procedure out of force today, once confirmed.
func (t *proceduresTab) archive() {
	p, ok := t.chosenRow()
	if !ok {
		return
	}
	a := t.s.app
	a.showDialog(dialog.NewConfirm(T("procedures.archive"), Tf("procedures.archive_confirm", map[string]any{"Title": p.Title}),
		func(yes bool) {
			if !yes {
				return
			}
			today := a.today()
			save(a, func(ctx context.Context, st *data.Store) error { return st.ArchiveProcedure(ctx, p.ID, today) },
				func(err error) {
					if err != nil {
						a.showError(err)
						return
					}
					t.choose(0)
				})
		}, a.win))
}

// ackChecks are the check boxes of the acknowledgements dialog: a person who has
// read the current version already is ticked and cannot be unticked.
type ackChecks struct {
	ids    []int64
	checks []*widget.Check
}

func (c *ackChecks) chosen() []int64 {
	var out []int64
	for i, ch := range c.checks {
		if ch.Checked && !ch.Disabled() {
			out = append(out, c.ids[i])
		}
	}
	return out
}

func (c *ackChecks) tickAll() {
	for _, ch := range c.checks {
		if !ch.Disabled() {
			ch.SetChecked(true)
		}
	}
}

// acknowledge records who has read the chosen procedure's current version, and when.
func (t *proceduresTab) acknowledge() {
	p, ok := t.chosenRow()
	if !ok {
		return
	}
	read := map[int64]data.ProcedureAck{}
	for _, k := range t.current.acks {
		if k.Current {
			read[k.StaffID] = k
		}
	}
	checks := &ackChecks{}
	list := container.NewVBox()
	for _, person := range t.current.people {
		if person.Status == data.StaffLeft { // the register counts everyone at work as a reader
			continue
		}
		ch := widget.NewCheck(person.FullName, nil)
		if k, done := read[person.ID]; done {
			ch.Text = Tf("procedures.read_on", map[string]any{"Name": person.FullName, "Date": date(k.On)})
			ch.Checked = true
			ch.Disable()
		}
		checks.ids = append(checks.ids, person.ID)
		checks.checks = append(checks.checks, ch)
		list.Add(ch)
	}
	all := widget.NewButton(T("procedures.tick_all"), checks.tickAll)
	on := newDateField()
	on.SetDate(t.s.app.today())
	form := widgets.NewForm()
	form.SetIntro(Tf("procedures.ack_intro", map[string]any{"Title": p.Title, "Version": p.Version,
		"Count": ackCount(p)}))
	form.Add("on", T("procedures.read_date"), on, true)
	form.Add("staff", T("procedures.who_read"), container.NewBorder(container.NewHBox(all), nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(500, list.MinSize().Height), list)), true)
	a := t.s.app
	a.showFormDialog(T("procedures.acknowledge_title"), form, 720, func(done func(error)) {
		in := &inputs{form: form}
		day := in.date("on", on)
		if err := in.err(); err != nil {
			done(err)
			return
		}
		ids := checks.chosen()
		saveRecord(a, done, func(ctx context.Context, st *data.Store) error {
			return st.AcknowledgeProcedure(ctx, p.ID, ids, day)
		}, t.reload)
	})
	t.lastAcks = checks
}
