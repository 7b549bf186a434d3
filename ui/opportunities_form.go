package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/ui/widgets"
)

// editOpportunity opens the form of a new (ID 0) or existing opportunity; it
// returns the form's client picker.
func (a *App) editOpportunity(o data.Opportunity, onSaved func()) *clientPicker {
	form := widgets.NewForm()
	client := newClientPicker(a, data.PersonRef{ID: o.ClientID, Name: o.Client})
	serviceNames := make([]string, len(data.Services))
	for i, code := range data.Services {
		serviceNames[i] = serviceName(code)
	}
	service := widgets.NewSelectEntry(serviceNames)
	service.SetPlaceHolder(T("opportunities.service_hint"))
	service.SetText(serviceName(o.Service))
	kind := newChoice(data.OpportunityKinds, func(k string) string { return T("opportunity.kind." + k) }, nil)
	kind.setValue(o.Kind)
	amount := widgets.NewEntry()
	amount.SetText(integer(int(o.Amount)))
	probability := widgets.NewEntry()
	probability.SetText(integer(o.Probability))
	expected := newDateField()
	expected.SetDate(o.ExpectedOn)
	status := newChoice(data.OpportunityStatuses, func(s string) string { return T("opportunity.status." + s) }, nil)
	status.setValue(o.Status)
	form.Add("client", T("field.client"), client.button, true)
	form.Add("service", T("field.service"), service, true)
	form.Add("kind", T("opportunities.col.kind"), kind, true)
	form.Add("amount", T("opportunities.col.amount"), amount, true)
	form.Add("probability", T("field.probability"), probability, true)
	form.Add("expected_on", T("field.expected_on"), expected, true)
	form.Add("status", T("field.status"), status, true)
	title := T("opportunities.new")
	if o.ID != 0 {
		title = T("opportunities.edit")
	}
	a.showFormDialog(title, form, 560, func(done func(error)) {
		in := &inputs{form: form}
		edited := o
		edited.ClientID, edited.Client = client.chosen.ID, client.chosen.Name
		edited.Service = serviceCode(strings.TrimSpace(service.Text))
		edited.Kind = kind.value()
		edited.Amount = in.integer("amount", amount)
		edited.Probability = int(in.integer("probability", probability))
		edited.ExpectedOn = in.date("expected_on", expected)
		edited.Status = status.value()
		if err := in.err(); err != nil {
			done(err)
			return
		}
		saveRecord(a, done, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveOpportunity(ctx, edited)
			return err
		}, onSaved)
	})
	return client
}

// serviceName is a service of the catalogue in the UI language; a service written
// in words stays as it is.
func serviceName(service string) string {
	if slices.Contains(data.Services, service) {
		return T("service." + service)
	}
	return service
}

// serviceCode turns a service's name back into its code when it is one of the
// catalogue's.
func serviceCode(text string) string {
	for _, code := range data.Services {
		if strings.EqualFold(text, T("service."+code)) {
			return code
		}
	}
	return text
}

// clientPicker chooses one client from a searchable list of those not lost: a
// button showing the client chosen, opening the list.
type clientPicker struct {
	app    *App
	chosen data.PersonRef
	button *widget.Button
	loads  ticket
	list   *widget.List // while the list is open
	shown  []data.ClientRow
	search *widgets.Entry
	dlg    dialog.Dialog
}

func newClientPicker(a *App, chosen data.PersonRef) *clientPicker {
	p := &clientPicker{app: a}
	p.button = widget.NewButtonWithIcon("", theme.SearchIcon(), p.open)
	p.button.Alignment = widget.ButtonAlignLeading
	p.set(chosen)
	return p
}

// set chooses a client (zero: none).
func (p *clientPicker) set(c data.PersonRef) {
	p.chosen = c
	if c.ID == 0 {
		p.button.SetText(T("opportunities.choose_client"))
	} else {
		p.button.SetText(c.Name)
	}
}

// open reads the clients that can have opportunities, then shows the list.
func (p *clientPicker) open() {
	load(p.app, &p.loads, func(ctx context.Context, st *data.Store) ([]data.ClientRow, error) {
		return st.ListClients(ctx, data.ClientFilter{Statuses: []data.ClientStatus{data.ClientProspect,
			data.ClientActive, data.ClientPaused}})
	}, p.show)
}

func (p *clientPicker) show(all []data.ClientRow) {
	p.shown = all
	p.list = widget.NewList(func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.shown) {
				c := p.shown[id]
				o.(*widget.Label).SetText(c.Name + clientLeadSuffix(c))
			}
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		if id < len(p.shown) {
			p.set(data.PersonRef{ID: p.shown[id].ID, Name: p.shown[id].Name})
			p.dlg.Hide()
		}
	}
	p.search = widgets.NewEntry()
	p.search.SetPlaceHolder(T("kpi.search"))
	p.search.OnChanged = func(q string) {
		p.shown = filterClients(all, q)
		p.list.UnselectAll()
		p.list.Refresh()
	}
	content := container.NewBorder(p.search, nil, nil, nil, p.list)
	p.dlg = dialog.NewCustom(T("opportunities.choose_client"), T("action.cancel"), content, p.app.win)
	p.dlg.Resize(fyne.NewSize(480, 520))
	p.app.showDialog(p.dlg)
	p.app.win.Canvas().Focus(p.search)
}

// clientLeadSuffix names the client's lead after its name: « · Иванова А.».
func clientLeadSuffix(c data.ClientRow) string {
	if c.Lead.Name == "" {
		return ""
	}
	return " · " + c.Lead.Name
}

func filterClients(all []data.ClientRow, q string) []data.ClientRow {
	q = data.Fold(strings.TrimSpace(q))
	if q == "" {
		return all
	}
	var out []data.ClientRow
	for _, c := range all {
		if strings.Contains(data.Fold(c.Name), q) {
			out = append(out, c)
		}
	}
	return out
}
