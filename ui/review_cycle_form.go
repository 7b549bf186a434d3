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

// editCycleForm adds (ID 0) or edits a review cycle.
func (s *reviewsScreen) editCycleForm(c data.ReviewCycle) {
	a := s.app
	form := widgets.NewForm()
	name := widgets.NewEntry()
	name.SetText(c.Name)
	name.SetPlaceHolder(T("hint.cycle_name"))
	from, to, due := newDateField(), newDateField(), newDateField()
	from.SetDate(c.From)
	to.SetDate(c.To)
	due.SetDate(c.Due)
	status := newChoice([]string{data.CyclePlanned, data.CycleOpen, data.CycleClosed},
		func(v string) string { return T("reviews.status." + v) }, nil)
	status.setValue(c.Status)
	form.SetIntro(T("reviews.cycle_intro"))
	form.Add("name", T("field.name"), name, true)
	form.Add("from", T("field.period_from"), from, true)
	form.Add("to", T("field.period_to"), to, true)
	form.Add("due", T("field.due"), due, true)
	form.Add("status", T("field.status"), status, true)
	title := T("reviews.new_cycle")
	if c.ID != 0 {
		title = T("reviews.edit_cycle")
	}
	a.showFormDialog(title, form, 560, func(done func(error)) {
		in := inputs{form: form}
		edited := c
		edited.Name = in.text(name)
		edited.From = in.date("from", from)
		edited.To = in.date("to", to)
		edited.Due = in.date("due", due)
		edited.Status = status.value()
		if err := in.err(); err != nil {
			done(err)
			return
		}
		var id int64
		save(a, func(ctx context.Context, st *data.Store) error {
			var err error
			id, err = st.SaveCycle(ctx, edited)
			return err
		}, func(err error) {
			done(err)
			if err == nil {
				s.chooseCycle(id)
			}
		})
	})
}

// askParticipants offers everyone working who is not in the chosen cycle yet.
func (s *reviewsScreen) askParticipants() {
	cycle := s.chosen
	in := map[int64]bool{}
	for _, p := range s.participants.Rows() {
		in[p.StaffID] = true
	}
	var t ticket
	load(s.app, &t, func(ctx context.Context, st *data.Store) ([]data.StaffRow, error) {
		return st.ListStaff(ctx, data.StaffFilter{})
	}, func(staff []data.StaffRow) {
		var candidates []data.StaffRow
		for _, p := range staff {
			if !in[p.ID] {
				candidates = append(candidates, p)
			}
		}
		s.showParticipantPicker(cycle, candidates)
	})
}

func (s *reviewsScreen) showParticipantPicker(cycle int64, candidates []data.StaffRow) {
	a := s.app
	if len(candidates) == 0 {
		a.showDialog(dialog.NewInformation(T("reviews.add_participants"), T("reviews.everyone_in"), a.win))
		return
	}
	labels := make([]string, len(candidates))
	for i, p := range candidates {
		labels[i] = p.FullName + " · " + p.Grade.Name(currentLang())
	}
	checks := widget.NewCheckGroup(labels, nil)
	checks.SetSelected(labels) // a cycle usually reviews everyone
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	add := widget.NewButton(T("reviews.add_chosen"), func() {
		var ids []int64
		for i, l := range labels {
			for _, chosen := range checks.Selected {
				if chosen == l {
					ids = append(ids, candidates[i].ID)
				}
			}
		}
		save(a, func(ctx context.Context, st *data.Store) error { return st.AddParticipants(ctx, cycle, ids) },
			func(err error) {
				if err != nil {
					problem.SetText(describeError(err))
					return
				}
				d.Hide()
				s.reloadCycles()
			})
	})
	add.Importance = widget.HighImportance
	content := container.NewBorder(widget.NewLabel(T("reviews.participants_intro")), problem, nil, nil,
		container.NewVScroll(checks))
	cd := dialog.NewCustomWithoutButtons(T("reviews.add_participants"), content, a.win)
	cd.SetButtons([]fyne.CanvasObject{widget.NewButton(T("action.cancel"), func() { cd.Hide() }), add})
	cd.Resize(fyne.NewSize(520, 560))
	d = cd
	a.showDialog(cd)
}
