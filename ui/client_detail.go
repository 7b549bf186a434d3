package ui

import (
	"context"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/transfer"
	"leadboard/data/workload"
	"leadboard/ui/widgets"
)

// clientDetail is a client's card: details and documents, contacts, contracts, who
// served the client when, and the communication log.
type clientDetail struct {
	screen  *clientsScreen
	id      int64
	loads   ticket
	current data.ClientDetail

	heading   *widget.Label
	subtitle  *widget.Label
	info      *infoGrid
	weight    *widget.Label // why the client weighs what it does
	docs      *fyne.Container
	edit      *widget.Button
	reassign  *widget.Button
	archive   *widget.Button
	restore   *widget.Button
	contacts  *widgets.Table[data.Contact]
	contracts *widgets.Table[data.Contract]
	team      *widgets.Table[data.AssignmentRow]
	log       *widgets.Table[data.InteractionRow]
	tabs      *container.AppTabs
	root      fyne.CanvasObject
}

func newClientDetail(s *clientsScreen, id int64) *clientDetail {
	d := &clientDetail{screen: s, id: id}
	a := s.app
	d.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.heading.SizeName = theme.SizeNameSubHeadingText
	d.subtitle = widget.NewLabel("")
	back := widget.NewButtonWithIcon(T("action.back"), theme.NavigateBackIcon(), s.closeDetail)
	d.edit = widget.NewButtonWithIcon(T("action.edit"), theme.DocumentCreateIcon(), func() {
		a.editClient(d.current.Client, d.current.Lead, d.current.Backup, func(int64) { s.reload() })
	})
	d.reassign = widget.NewButtonWithIcon(T("clients.reassign"), theme.AccountIcon(), d.askReassign)
	d.archive = widget.NewButtonWithIcon(T("clients.archive"), theme.DeleteIcon(), d.askArchive)
	d.restore = widget.NewButtonWithIcon(T("clients.restore"), theme.ContentUndoIcon(), d.askRestore)
	for _, b := range []*widget.Button{d.edit, d.reassign, d.archive, d.restore} {
		b.Disable() // until the card has loaded what they act on
	}
	d.info = newInfoGrid()
	d.weight = widget.NewLabel("")
	d.weight.Wrapping = fyne.TextWrapWord
	d.docs = container.NewHBox()

	d.contacts = widgets.NewTable(contactColumns(), T("list.empty"))
	d.contacts.OnSelected = func(c data.Contact) { a.editContact(c, d.reloadAll) }
	d.contracts = widgets.NewTable(contractColumns(), T("list.empty"))
	d.contracts.OnSelected = func(k data.Contract) { a.editContract(k, d.reloadAll) }
	d.team = widgets.NewTable(assignmentColumns(false), T("list.empty"))
	d.log = widgets.NewTable(interactionColumns(false), T("list.empty"))
	d.log.OnSelected = func(r data.InteractionRow) { a.editInteraction(r.Interaction, d.reloadAll) }

	addContact := widget.NewButtonWithIcon(T("contacts.add"), theme.ContentAddIcon(), func() {
		a.editContact(data.Contact{ClientID: d.id}, d.reloadAll)
	})
	addContract := widget.NewButtonWithIcon(T("contracts.add"), theme.ContentAddIcon(), func() {
		a.editContract(newContract(d.id, a.today()), d.reloadAll)
	})
	addInteraction := widget.NewButtonWithIcon(T("interactions.add"), theme.ContentAddIcon(), func() {
		a.editInteraction(data.Interaction{ClientID: d.id, StaffID: d.current.Lead.ID, At: a.now(),
			Channel: "email", Kind: data.KindRequest}, d.reloadAll)
	})
	exportLog := exportList(a, d.log, transfer.InteractionTable)
	exportContacts := exportList(a, d.contacts, transfer.ContactTable)
	exportContracts := exportList(a, d.contracts, transfer.ContractTable)
	exportTeam := exportList(a, d.team, transfer.AssignmentTable)
	d.tabs = container.NewAppTabs(
		container.NewTabItem(T("clients.tab.interactions"), withTools(d.log, addInteraction, exportLog)),
		container.NewTabItem(T("clients.tab.contacts"), withTools(d.contacts, addContact, exportContacts)),
		container.NewTabItem(T("clients.tab.contracts"), withTools(d.contracts, addContract, exportContracts)),
		container.NewTabItem(T("clients.tab.team"), withTools(d.team, exportTeam)),
	)
	actions := container.NewHBox(d.edit, d.reassign, d.archive, d.restore)
	top := container.NewBorder(nil, nil, back, actions, container.NewVBox(d.heading, d.subtitle))
	d.root = container.NewBorder(container.NewVBox(top, d.info.object(), d.weight, d.docs, widget.NewSeparator()),
		nil, nil, nil, d.tabs)
	return d
}

func newContract(clientID int64, today time.Time) data.Contract {
	return data.Contract{ClientID: clientID, Start: today, End: today.AddDate(1, 0, -1), Status: data.ContractActive,
		RenewalNoticeDays: 30, SLAHours: 24, ReportFrequency: "monthly", ReportWorkday: 5}
}

// reloadAll refreshes the card and the list behind it.
func (d *clientDetail) reloadAll() { d.screen.reload() }

// cardData is what the card shows: the client's records and its workload weight.
type cardData struct {
	detail data.ClientDetail
	coeffs workload.Coefficients
	weight workload.Client
	served bool
}

func (d *clientDetail) reload() {
	load(d.screen.app, &d.loads, func(ctx context.Context, st *data.Store) (cardData, error) {
		var v cardData
		var err error
		if v.detail, err = st.ClientDetail(ctx, d.id); err != nil {
			return v, err
		}
		if v.coeffs, err = workload.LoadCoefficients(ctx, st); err != nil {
			return v, err
		}
		v.weight, v.served, err = workload.ClientWeight(ctx, st, v.coeffs, d.id)
		return v, err
	}, func(v cardData) {
		d.apply(v.detail)
		d.weight.SetText(weightText(v.weight, v.coeffs))
		if v.served {
			d.weight.Show() // Show and Hide lay the card out again; setting Hidden would not
		} else {
			d.weight.Hide()
		}
	})
}

// weightText says why a client weighs what it does: "Вес в нагрузке: 3,2 — ...".
func weightText(c workload.Client, coeffs workload.Coefficients) string {
	w := c.Weight
	base := Tf("workload.part.base", map[string]any{"Tier": c.Tier, "Points": number(w.Base, 2)})
	if coeffs.Base == workload.BaseBudget {
		base = Tf("workload.part.base_budget", map[string]any{"Budget": money(c.Budget), "Points": number(w.Base, 2)})
	}
	parts := []string{base}
	for _, p := range []struct {
		key    string
		points float64
		params map[string]any
	}{
		{"workload.part.complexity", w.Complexity, map[string]any{"Level": c.Complexity}},
		{"workload.part.services", w.Services, map[string]any{"Count": c.Services}},
		{"workload.part.reporting", w.Reporting, map[string]any{"Schedule": T("report." + c.Reporting)}},
		{"workload.part.complaints", w.Complaints, map[string]any{"Count": c.Complaints}},
		{"workload.part.contacts", w.Contacts, map[string]any{"Count": c.Contacts}},
	} {
		if p.points != 0 {
			p.params["Points"] = signedNumber(p.points)
			parts = append(parts, Tf(p.key, p.params))
		}
	}
	return Tf("workload.weight", map[string]any{"Points": number(w.Total(), 1)}) + " " + strings.Join(parts, " · ")
}

// signedNumber writes a part of a sum with its sign: +0,3 / −0,2.
func signedNumber(v float64) string {
	if v < 0 {
		return "−" + number(-v, 2)
	}
	return "+" + number(v, 2)
}

func (d *clientDetail) apply(v data.ClientDetail) {
	d.current = v
	c := v.Client
	d.heading.SetText(c.Name)
	sub := Tf("clients.tier", map[string]any{"Tier": c.Tier}) + " · " + T("client.status."+string(c.Status))
	if c.Status == data.ClientChurned {
		sub += " " + date(c.ChurnDate) + " — " + c.ChurnReason
	}
	if !c.ArchivedOn.IsZero() {
		sub += " · " + Tf("clients.archived_on", map[string]any{"Date": date(c.ArchivedOn)})
	}
	d.subtitle.SetText(sub)
	archived := !c.ArchivedOn.IsZero()
	d.edit.Enable()
	d.archive.Enable()
	d.restore.Enable()
	setEnabled(d.reassign, !archived && c.Status != data.ClientChurned)
	if archived {
		d.archive.Hide()
		d.restore.Show()
	} else {
		d.archive.Show()
		d.restore.Hide()
	}
	services := make([]string, len(c.Services))
	for i, svc := range c.Services {
		services[i] = T("service." + svc)
	}
	d.info.set([]infoItem{
		{T("field.industry"), c.Industry},
		{T("field.monthly_budget"), money(c.MonthlyBudget)},
		{T("role.lead"), v.Lead.Name},
		{T("role.backup"), v.Backup.Name},
		{T("field.services"), strings.Join(services, ", ")},
		{T("field.complexity"), T("complexity." + string(rune('0'+c.Complexity)))},
		{T("field.start_date"), date(c.StartDate)},
		{T("field.notes"), c.Notes},
	})
	d.docs.Objects = nil
	for _, doc := range []struct{ label, link string }{
		{T("field.doc_contract"), c.DocContract}, {T("field.doc_brief"), c.DocBrief}, {T("field.doc_reporting"), c.DocReporting},
	} {
		if doc.link == "" {
			continue
		}
		d.docs.Add(documentLink(doc.label, doc.link))
	}
	d.docs.Refresh()
	d.contacts.SetRows(v.Contacts)
	d.contracts.SetRows(v.Contracts)
	d.team.SetRows(v.Assignments)
	d.log.SetRows(v.Interactions)
}

// documentLink opens a web link or shows a path to copy.
func documentLink(label, link string) fyne.CanvasObject {
	if u, err := url.Parse(link); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		return widget.NewHyperlink(label, u)
	}
	l := widget.NewLabel(label + ": " + link)
	l.Selectable = true
	return l
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// askReassign hands the lead or backup role to someone else from a date.
func (d *clientDetail) askReassign() {
	a := d.screen.app
	cur := d.current
	var t ticket
	load(a, &t, func(ctx context.Context, st *data.Store) ([]data.StaffRow, error) {
		return st.ListStaff(ctx, data.StaffFilter{})
	}, func(staff []data.StaffRow) {
		form := widgets.NewForm()
		form.SetIntro(Tf("clients.reassign_intro", map[string]any{"Client": cur.Client.Name}))
		role := newChoice([]data.Role{data.RoleLead, data.RoleBackup}, func(r data.Role) string { return T("role." + string(r)) }, nil)
		person := staffChoice(staff, true)
		role.OnChanged = func(string) {
			if role.value() == data.RoleLead {
				person.setValue(cur.Lead.ID)
			} else {
				person.setValue(cur.Backup.ID)
			}
		}
		role.setValue(data.RoleLead)
		from := newDateField()
		from.SetDate(a.today())
		form.Add("role", T("field.role"), role, true)
		form.Add("staff", T("field.manager"), person, true)
		form.Add("from", T("field.effective_from"), from, true)
		a.showFormDialog(T("clients.reassign"), form, 620, func(done func(error)) {
			in := inputs{form: form}
			when := in.date("from", from)
			if err := in.err(); err != nil {
				done(err)
				return
			}
			r, who := role.value(), person.value()
			save(a, func(ctx context.Context, st *data.Store) error {
				return st.Reassign(ctx, d.id, r, who, when)
			}, func(err error) {
				done(reassignFieldError(err))
				if err == nil {
					d.reloadAll()
				}
			})
		})
	})
}

// reassignFieldError shows errors about the lead or backup under the person field
// of the reassignment form.
func reassignFieldError(err error) error {
	v, ok := data.AsValidation(err)
	if !ok {
		return err
	}
	fields := make([]data.FieldError, len(v.Fields))
	for i, f := range v.Fields {
		if f.Field == string(data.RoleLead) || f.Field == string(data.RoleBackup) {
			f.Field = "staff"
		}
		fields[i] = f
	}
	return &data.ValidationError{Fields: fields}
}

// askArchive hides the client from the working lists; an active client is recorded
// as lost on a date and for a reason.
func (d *clientDetail) askArchive() {
	a := d.screen.app
	c := d.current.Client
	form := widgets.NewForm()
	churnDate := newDateField()
	churnDate.SetDate(a.today())
	reason := widgets.NewEntry()
	if c.Status == data.ClientActive || c.Status == data.ClientPaused {
		form.SetIntro(Tf("clients.archive_active", map[string]any{"Client": c.Name}))
		form.Add("churn_date", T("field.churn_date"), churnDate, true)
		form.Add("churn_reason", T("field.churn_reason"), reason, true)
	} else {
		form.SetIntro(Tf("clients.archive_other", map[string]any{"Client": c.Name}))
	}
	a.showFormDialog(T("clients.archive"), form, 620, func(done func(error)) {
		in := inputs{form: form}
		when := in.date("churn_date", churnDate)
		why := in.text(reason)
		if err := in.err(); err != nil {
			done(err)
			return
		}
		save(a, func(ctx context.Context, st *data.Store) error {
			return st.ArchiveClient(ctx, d.id, when, why)
		}, func(err error) {
			done(err)
			if err == nil {
				d.reloadAll()
			}
		})
	})
}

func (d *clientDetail) askRestore() {
	a := d.screen.app
	confirm := dialog.NewConfirm(T("clients.restore"),
		Tf("clients.restore_confirm", map[string]any{"Client": d.current.Client.Name}), func(ok bool) {
			if !ok {
				return
			}
			save(a, func(ctx context.Context, st *data.Store) error {
				return st.RestoreClient(ctx, d.id)
			}, func(err error) {
				if err != nil {
					a.showError(err)
					return
				}
				d.reloadAll()
			})
		}, a.win)
	a.showDialog(confirm)
}
