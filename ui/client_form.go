package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/ui/widgets"
)

type clientFormData struct {
	staff      []data.StaffRow
	industries []string
}

// editClient opens the form for a new (ID 0) or existing client with its current
// lead and backup; onSaved gets the id.
func (a *App) editClient(c data.Client, lead, backup data.PersonRef, onSaved func(id int64)) {
	var t ticket
	load(a, &t, func(ctx context.Context, st *data.Store) (clientFormData, error) {
		var d clientFormData
		var err error
		if d.staff, err = st.ListStaff(ctx, data.StaffFilter{}); err != nil {
			return d, err
		}
		d.industries, err = st.Industries(ctx)
		return d, err
	}, func(d clientFormData) { a.showClientForm(c, lead, backup, d, onSaved) })
}

// staffChoice is a drop-down of people who can serve a client; withNone adds "nobody".
func staffChoice(staff []data.StaffRow, withNone bool) *choice[int64] {
	var ids []int64
	if withNone {
		ids = append(ids, 0)
	}
	names := map[int64]string{0: T("choice.none")}
	for _, p := range staff {
		ids = append(ids, p.ID)
		names[p.ID] = p.FullName + " · " + p.Grade.Name(currentLang())
		if p.Status != data.StaffActive {
			names[p.ID] += " (" + T("staff.status."+string(p.Status)) + ")"
		}
	}
	return newChoice(ids, func(id int64) string { return names[id] }, nil)
}

func (a *App) showClientForm(c data.Client, lead, backup data.PersonRef, d clientFormData, onSaved func(id int64)) {
	form := widgets.NewForm()
	name := widgets.NewEntry()
	name.SetText(c.Name)
	industry := widgets.NewSelectEntry(d.industries)
	industry.SetText(c.Industry)
	tier := newChoice(data.Tiers, func(t string) string { return Tf("clients.tier", map[string]any{"Tier": t}) }, nil)
	tier.setValue(c.Tier)
	status := newChoice(data.ClientStatuses, func(s data.ClientStatus) string { return T("client.status." + string(s)) }, nil)
	status.setValue(c.Status)
	churnDate := newDateField()
	churnDate.SetDate(c.ChurnDate)
	churnReason := widgets.NewEntry()
	churnReason.SetText(c.ChurnReason)
	budget := widgets.NewEntry()
	budget.SetText(integer(int(c.MonthlyBudget)))
	serviceChecks := make([]*widget.Check, len(data.Services))
	serviceCells := make([]fyne.CanvasObject, len(data.Services))
	for i, svc := range data.Services {
		serviceChecks[i] = widget.NewCheck(T("service."+svc), nil)
		serviceChecks[i].SetChecked(slices.Contains(c.Services, svc))
		serviceCells[i] = serviceChecks[i]
	}
	services := container.NewGridWithColumns(3, serviceCells...)
	complexity := newChoice([]int{1, 2, 3, 4, 5}, func(v int) string { return T("complexity." + string(rune('0'+v))) }, nil)
	complexity.setValue(c.Complexity)
	start := newDateField()
	start.SetDate(c.StartDate)
	leadSel := staffChoice(d.staff, false)
	leadSel.setValue(lead.ID)
	backupSel := staffChoice(d.staff, true)
	backupSel.setValue(backup.ID)
	from := newDateField()
	from.SetDate(a.today())
	docContract, docBrief, docReporting := widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry()
	docContract.SetText(c.DocContract)
	docBrief.SetText(c.DocBrief)
	docReporting.SetText(c.DocReporting)
	for _, e := range []*widgets.Entry{docContract, docBrief, docReporting} {
		e.SetPlaceHolder(T("hint.link"))
	}
	notes := widgets.NewMultiLineEntry()
	notes.SetText(c.Notes)

	form.Add("name", T("field.client_name"), name, true)
	form.Add("industry", T("field.industry"), industry, false)
	form.Add("tier", T("field.tier"), tier, true)
	form.Add("status", T("field.status"), status, true)
	form.Add("churn_date", T("field.churn_date"), churnDate, true)
	form.Add("churn_reason", T("field.churn_reason"), churnReason, true)
	form.Add("monthly_budget", T("field.monthly_budget"), budget, false)
	form.Add("services", T("field.services"), services, false)
	form.Add("complexity", T("field.complexity"), complexity, true)
	form.Add("start_date", T("field.start_date"), start, true)
	form.Add("lead", T("role.lead"), leadSel, true)
	form.Add("backup", T("role.backup"), backupSel, false)
	form.Add("from", T("field.team_from"), from, true)
	form.Add("doc_contract", T("field.doc_contract"), docContract, false)
	form.Add("doc_brief", T("field.doc_brief"), docBrief, false)
	form.Add("doc_reporting", T("field.doc_reporting"), docReporting, false)
	form.Add("notes", T("field.notes"), notes, false)

	// Churn fields matter only for a lost client; the effective date only when an
	// existing client's lead or backup changes.
	sync := func() {
		churned := status.value() == data.ClientChurned
		for _, key := range []string{"churn_date", "churn_reason"} {
			if churned {
				form.Show(key)
			} else {
				form.Hide(key)
			}
		}
		if c.ID != 0 && !churned && (leadSel.value() != lead.ID || backupSel.value() != backup.ID) {
			form.Show("from")
		} else {
			form.Hide("from")
		}
	}
	status.OnChanged = func(string) { sync() }
	leadSel.OnChanged = func(string) { sync() }
	backupSel.OnChanged = func(string) { sync() }
	sync()

	title := T("clients.new")
	if c.ID != 0 {
		title = T("clients.edit")
	}
	a.showFormDialog(title, form, 760, func(done func(error)) {
		in := inputs{form: form}
		edited := c
		edited.Name = in.text(name)
		edited.Industry = industry.Text
		edited.Tier = tier.value()
		edited.Status = status.value()
		edited.ChurnDate = in.date("churn_date", churnDate)
		edited.ChurnReason = in.text(churnReason)
		edited.MonthlyBudget = in.integer("monthly_budget", budget)
		edited.Services = nil
		for i, check := range serviceChecks {
			if check.Checked {
				edited.Services = append(edited.Services, data.Services[i])
			}
		}
		edited.Complexity = complexity.value()
		edited.StartDate = in.date("start_date", start)
		edited.DocContract, edited.DocBrief, edited.DocReporting = in.text(docContract), in.text(docBrief), in.text(docReporting)
		edited.Notes = notes.Text
		team := data.ClientTeam{LeadID: leadSel.value(), BackupID: backupSel.value(), From: in.date("from", from)}
		if err := in.check(data.ValidateClient(edited, team)); err != nil {
			done(err)
			return
		}
		var id int64
		save(a, func(ctx context.Context, st *data.Store) error {
			var err error
			id, err = st.SaveClient(ctx, edited, team)
			return err
		}, func(err error) {
			done(err)
			if err == nil {
				onSaved(id)
			}
		})
	})
}
