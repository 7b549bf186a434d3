package ui

import (
	"context"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/ui/widgets"
)

// Forms and columns for the records on a client's card: contacts, contracts and
// log entries.

func contactColumns() []widgets.Column[data.Contact] {
	type row = data.Contact
	return []widgets.Column[row]{
		{Title: T("field.contact_name"), Width: 240, Text: func(r row) string { return r.Name },
			Less: func(a, b row) bool { return lessText(a.Name, b.Name) }},
		{Title: T("field.contact_role"), Width: 220, Text: func(r row) string { return r.Role }},
		{Title: T("field.email"), Width: 240, Text: func(r row) string { return r.Email }},
		{Title: T("field.phone"), Width: 180, Text: func(r row) string { return r.Phone }},
		{Title: T("field.decision_maker"), Width: 200, Text: func(r row) string {
			if r.DecisionMaker {
				return T("choice.yes")
			}
			return ""
		}},
	}
}

func (a *App) editContact(c data.Contact, onSaved func()) {
	form := widgets.NewForm()
	name, role, email, phone := widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry()
	name.SetText(c.Name)
	role.SetText(c.Role)
	role.SetPlaceHolder(T("hint.contact_role"))
	email.SetText(c.Email)
	phone.SetText(c.Phone)
	phone.SetPlaceHolder("+7 (495) 123-45-67")
	dm := widget.NewCheck(T("field.decision_maker"), nil)
	dm.SetChecked(c.DecisionMaker)
	form.Add("name", T("field.contact_name"), name, true)
	form.Add("role", T("field.contact_role"), role, false)
	form.Add("email", T("field.email"), email, false)
	form.Add("phone", T("field.phone"), phone, false)
	form.Add("decision_maker", "", dm, false)
	title := T("contacts.new")
	if c.ID != 0 {
		title = T("contacts.edit")
	}
	fd := a.showFormDialog(title, form, 600, func(done func(error)) {
		in := inputs{form: form}
		edited := c
		edited.Name, edited.Role, edited.Email, edited.Phone = in.text(name), in.text(role), in.text(email), in.text(phone)
		edited.DecisionMaker = dm.Checked
		save(a, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveContact(ctx, edited)
			return err
		}, func(err error) {
			done(err)
			if err == nil {
				onSaved()
			}
		})
	})
	if c.ID != 0 {
		fd.addDelete(a, Tf("contacts.delete_confirm", map[string]any{"Name": c.Name}), func(ctx context.Context, st *data.Store) error {
			return st.DeleteContact(ctx, c.ID)
		}, onSaved)
	}
}

// addDelete puts a Delete button on the form that asks before deleting.
func (fd *formDialog) addDelete(a *App, question string, remove func(ctx context.Context, st *data.Store) error, onDeleted func()) {
	del := widget.NewButton(T("action.delete"), func() {
		confirm := dialog.NewConfirm(T("action.delete"), question, func(ok bool) {
			if !ok {
				return
			}
			save(a, remove, func(err error) {
				if err != nil {
					showFormError(fd.form, err)
					return
				}
				fd.dlg.Hide()
				onDeleted()
			})
		}, a.win)
		a.showDialog(confirm)
	})
	del.Importance = widget.DangerImportance
	fd.dlg.SetButtons([]fyne.CanvasObject{del, widget.NewButton(T("action.cancel"), fd.dlg.Hide), fd.save})
}

func contractColumns() []widgets.Column[data.Contract] {
	type row = data.Contract
	return []widgets.Column[row]{
		{Title: T("field.number"), Width: 160, Text: func(r row) string { return r.Number },
			Less: func(a, b row) bool { return a.Number < b.Number }},
		{Title: T("field.status"), Width: 130, Text: func(r row) string { return T("contract.status." + string(r.Status)) }},
		{Title: T("field.contract_start"), Width: 120, Text: func(r row) string { return date(r.Start) },
			Less: func(a, b row) bool { return a.Start.Before(b.Start) }},
		{Title: T("field.contract_end"), Width: 120, Text: func(r row) string { return date(r.End) },
			Less: func(a, b row) bool { return endOrFuture(a.End).Before(endOrFuture(b.End)) }},
		{Title: T("field.monthly_fee"), Width: 150, Align: fyne.TextAlignTrailing,
			Text: func(r row) string { return money(r.MonthlyFee) },
			Less: func(a, b row) bool { return a.MonthlyFee < b.MonthlyFee }},
		{Title: T("field.sla_hours"), Width: 140, Align: fyne.TextAlignTrailing,
			Text: func(r row) string { return number(r.SLAHours, 1) }},
		{Title: T("field.report_frequency"), Width: 330, Text: func(r row) string { return reportObligation(r) }},
	}
}

// reportObligation reads "monthly, by the 5th working day".
func reportObligation(k data.Contract) string {
	if k.ReportFrequency == "none" {
		return T("report.none")
	}
	return Tf("report.obligation", map[string]any{"Frequency": T("report." + k.ReportFrequency), "Day": k.ReportWorkday})
}

func (a *App) editContract(k data.Contract, onSaved func()) {
	form := widgets.NewForm()
	num := widgets.NewEntry()
	num.SetText(k.Number)
	num.SetPlaceHolder("АМ-2026/001")
	start, end := newDateField(), newDateField()
	start.SetDate(k.Start)
	end.SetDate(k.End)
	fee := widgets.NewEntry()
	fee.SetText(integer(int(k.MonthlyFee)))
	status := newChoice(data.ContractStatuses, func(s data.ContractStatus) string { return T("contract.status." + string(s)) }, nil)
	status.setValue(k.Status)
	notice, sla, workday := widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry()
	notice.SetText(strconv.Itoa(k.RenewalNoticeDays))
	sla.SetText(number(k.SLAHours, 1))
	workday.SetText(strconv.Itoa(k.ReportWorkday))
	freq := newChoice(data.ReportFrequencies, func(f string) string { return T("report." + f) }, nil)
	freq.setValue(k.ReportFrequency)
	form.Add("number", T("field.number"), num, true)
	form.Add("status", T("field.status"), status, true)
	form.Add("start", T("field.contract_start"), start, true)
	form.Add("end", T("field.contract_end"), end, false)
	form.Add("monthly_fee", T("field.monthly_fee"), fee, false)
	form.Add("renewal_notice_days", T("field.renewal_notice_days"), notice, true)
	form.Add("sla_hours", T("field.sla_hours"), sla, true)
	form.Add("report_frequency", T("field.report_frequency"), freq, true)
	form.Add("report_workday", T("field.report_workday"), workday, true)
	title := T("contracts.new")
	if k.ID != 0 {
		title = T("contracts.edit")
	}
	a.showFormDialog(title, form, 620, func(done func(error)) {
		in := inputs{form: form}
		edited := k
		edited.Number = in.text(num)
		edited.Status = status.value()
		edited.Start = in.date("start", start)
		edited.End = in.date("end", end)
		edited.MonthlyFee = in.integer("monthly_fee", fee)
		edited.RenewalNoticeDays = int(in.integer("renewal_notice_days", notice))
		edited.SLAHours = in.number("sla_hours", sla)
		edited.ReportFrequency = freq.value()
		edited.ReportWorkday = int(in.integer("report_workday", workday))
		if err := in.check(data.ValidateContract(edited)); err != nil {
			done(err)
			return
		}
		save(a, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveContract(ctx, edited)
			return err
		}, func(err error) {
			done(err)
			if err == nil {
				onSaved()
			}
		})
	})
}

type interactionFormData struct{ staff []data.StaffRow }

func (a *App) editInteraction(in data.Interaction, onSaved func()) {
	var t ticket
	load(a, &t, func(ctx context.Context, st *data.Store) (interactionFormData, error) {
		staff, err := st.ListStaff(ctx, data.StaffFilter{Statuses: data.StaffStatuses})
		return interactionFormData{staff}, err
	}, func(d interactionFormData) { a.showInteractionForm(in, d, onSaved) })
}

func (a *App) showInteractionForm(it data.Interaction, d interactionFormData, onSaved func()) {
	form := widgets.NewForm()
	at := newDateTimeField()
	at.SetDate(it.At)
	staff := staffChoice(d.staff, true)
	staff.setValue(it.StaffID)
	channel := newChoice(data.Channels, func(c string) string { return T("channel." + c) }, nil)
	channel.setValue(it.Channel)
	kind := newChoice(data.InteractionKinds, func(k string) string { return T("kind." + k) }, nil)
	kind.setValue(it.Kind)
	response := widgets.NewEntry()
	if it.ResponseHours != nil {
		response.SetText(number(*it.ResponseHours, 2))
	}
	resolved := newDateTimeField()
	resolved.SetDate(it.ResolvedAt)
	rating := newChoice([]int{0, 1, 2, 3, 4, 5}, func(v int) string {
		if v == 0 {
			return T("choice.no_rating")
		}
		return strconv.Itoa(v)
	}, nil)
	rating.setValue(it.Satisfaction)
	amount := widgets.NewEntry()
	if it.Amount != 0 {
		amount.SetText(integer(int(it.Amount)))
	}
	due := newDateField()
	due.SetDate(it.ReportDue)
	notes := widgets.NewMultiLineEntry()
	notes.SetText(it.Notes)
	form.Add("at", T("field.at"), at, true)
	form.Add("staff", T("field.manager"), staff, false)
	form.Add("channel", T("field.channel"), channel, true)
	form.Add("kind", T("field.kind"), kind, true)
	form.Add("response_hours", T("field.response_hours"), response, false)
	form.Add("resolved_at", T("field.resolved_at"), resolved, false)
	form.Add("satisfaction", T("field.satisfaction"), rating, false)
	form.Add("amount", T("field.amount"), amount, true)
	form.Add("report_due", T("field.report_due"), due, true)
	form.Add("notes", T("field.notes"), notes, false)
	sync := func() {
		k := kind.value()
		toggle(form, "amount", data.KindHasAmount(k))
		toggle(form, "report_due", k == data.KindReportSent)
		toggle(form, "resolved_at", data.TracksResolution(k))
	}
	kind.OnChanged = func(string) { sync() }
	sync()
	title := T("interactions.new")
	if it.ID != 0 {
		title = T("interactions.edit")
	}
	a.showFormDialog(title, form, 640, func(done func(error)) {
		in := inputs{form: form}
		edited := it
		edited.At = in.date("at", at)
		edited.StaffID = staff.value()
		edited.Channel = channel.value()
		edited.Kind = kind.value()
		edited.ResponseHours = in.optionalNumber("response_hours", response)
		edited.ResolvedAt = time.Time{}
		if data.TracksResolution(edited.Kind) {
			edited.ResolvedAt = in.date("resolved_at", resolved)
		}
		edited.Satisfaction = rating.value()
		edited.Amount = 0
		if data.KindHasAmount(edited.Kind) {
			edited.Amount = in.integer("amount", amount)
		}
		edited.ReportDue = in.date("report_due", due)
		edited.Notes = notes.Text
		if err := in.check(data.ValidateInteraction(edited)); err != nil {
			done(err)
			return
		}
		save(a, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveInteraction(ctx, edited)
			return err
		}, func(err error) {
			done(err)
			if err == nil {
				onSaved()
			}
		})
	})
}

func toggle(form *widgets.Form, key string, visible bool) {
	if visible {
		form.Show(key)
	} else {
		form.Hide(key)
	}
}
