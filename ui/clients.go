package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/transfer"
	"leadboard/ui/widgets"
)

// clientArchived is the status filter value that lists archived clients.
const clientArchived = "archived"

// clientsScreen lists the clients and opens a client's card.
type clientsScreen struct {
	app      *App
	loads    ticket
	filter   data.ClientFilter
	managers []data.StaffRow

	search     *widgets.Entry
	statusSel  *choice[string]
	tierSel    *choice[string]
	managerSel *choice[int64]
	special    *widget.Button // removes a filter set from the Overview
	count      *widget.Label
	table      *widgets.Table[data.ClientRow]
	list       fyne.CanvasObject
	root       *fyne.Container
	detail     *clientDetail
}

func newClientsScreen(a *App) *clientsScreen {
	s := &clientsScreen{app: a}
	s.search = widgets.NewEntry()
	s.search.SetPlaceHolder(T("clients.search"))
	s.search.OnChanged = s.searchChanged
	statuses := []string{""}
	for _, st := range data.ClientStatuses {
		statuses = append(statuses, string(st))
	}
	statuses = append(statuses, clientArchived)
	s.statusSel = newChoice(statuses, clientStatusFilterLabel, func(v string) { s.setStatusFilter(v); s.refresh() })
	s.statusSel.setValueQuietly("")
	s.tierSel = newChoice(append([]string{""}, data.Tiers...), tierLabel, func(v string) { s.filter.Tier = v; s.refresh() })
	s.tierSel.setValueQuietly("")
	s.managerSel = newChoice([]int64{0}, s.managerLabel, func(id int64) { s.filter.ManagerID = id; s.refresh() })
	s.managerSel.setValueQuietly(0)
	s.special = widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		s.filter.ContractEndsWithin, s.filter.OverdueComplaints = 0, false
		s.refresh()
	})
	s.special.Hide()
	s.count = widget.NewLabel("")
	s.table = widgets.NewTable(s.columns(), T("list.nothing_found"))
	s.table.OnSelected = func(r data.ClientRow) { s.openClient(r.ID) }
	s.table.SortBy(0, false)
	add := widget.NewButtonWithIcon(T("clients.add"), theme.ContentAddIcon(), s.add)
	add.Importance = widget.HighImportance
	importBtn := widget.NewButtonWithIcon(T("import.open"), theme.UploadIcon(), func() { a.openImport(transfer.Clients) })
	export := exportList(a, s.table, transfer.ClientTable)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(importBtn, export, add), s.search),
		container.NewGridWithColumns(3, s.statusSel, s.tierSel, s.managerSel),
		container.NewHBox(s.count, s.special),
	)
	s.list = container.NewBorder(top, nil, nil, nil, s.table)
	s.root = container.NewStack(s.list)
	return s
}

func (s *clientsScreen) searchChanged(q string) { s.filter.Search = q; s.refresh() }

func clientStatusFilterLabel(v string) string {
	if v == "" {
		return T("clients.all_statuses")
	}
	if v == clientArchived {
		return T("clients.archived")
	}
	return T("client.status." + v)
}

func tierLabel(v string) string {
	if v == "" {
		return T("clients.all_tiers")
	}
	return Tf("clients.tier", map[string]any{"Tier": v})
}

func (s *clientsScreen) managerLabel(id int64) string {
	if id == 0 {
		return T("clients.all_managers")
	}
	for _, m := range s.managers {
		if m.ID == id {
			return m.FullName
		}
	}
	return "?"
}

func (s *clientsScreen) setStatusFilter(v string) {
	s.filter.Archived = v == clientArchived
	s.filter.Statuses = nil
	if v != "" && v != clientArchived {
		s.filter.Statuses = []data.ClientStatus{data.ClientStatus(v)}
	}
}

func (s *clientsScreen) title() string             { return T("nav.clients") }
func (s *clientsScreen) object() fyne.CanvasObject { return s.root }
func (s *clientsScreen) focusSearch()              { s.closeDetail(); s.app.win.Canvas().Focus(s.search) }

func (s *clientsScreen) columns() []widgets.Column[data.ClientRow] {
	type row = data.ClientRow
	today := s.app.today()
	endImportance := func(r row) widget.Importance {
		switch {
		case r.ContractEnd.IsZero():
			return widget.MediumImportance
		case r.ContractEnd.Before(today):
			return widget.DangerImportance
		case r.ContractEnd.Before(today.AddDate(0, 0, data.ContractWindowDays+1)):
			return widget.WarningImportance
		}
		return widget.MediumImportance
	}
	return []widgets.Column[row]{
		{Title: T("field.client"), Width: 225, Text: func(r row) string { return r.Name },
			Less: func(a, b row) bool { return lessText(a.Name, b.Name) }},
		{Title: T("field.tier"), Width: 95, Text: func(r row) string { return r.Tier },
			Less: func(a, b row) bool { return a.Tier < b.Tier }},
		{Title: T("field.status"), Width: 125, Text: func(r row) string { return T("client.status." + string(r.Status)) },
			Less: func(a, b row) bool { return a.Status < b.Status }},
		{Title: T("field.monthly_budget"), Width: 135, Align: fyne.TextAlignTrailing,
			Text: func(r row) string { return money(r.MonthlyBudget) },
			Less: func(a, b row) bool { return a.MonthlyBudget < b.MonthlyBudget }},
		{Title: T("role.lead"), Width: 185, Text: func(r row) string { return r.Lead.Name },
			Less: func(a, b row) bool { return lessText(a.Lead.Name, b.Lead.Name) }},
		{Title: T("role.backup"), Width: 185, Text: func(r row) string { return r.Backup.Name },
			Less: func(a, b row) bool { return lessText(a.Backup.Name, b.Backup.Name) }},
		{Title: T("clients.col.contract_end"), Width: 115, Importance: endImportance,
			Text: func(r row) string { return date(r.ContractEnd) },
			Less: func(a, b row) bool { return endOrFuture(a.ContractEnd).Before(endOrFuture(b.ContractEnd)) }},
		{Title: T("field.industry"), Width: 165, Text: func(r row) string { return r.Industry },
			Less: func(a, b row) bool { return lessText(a.Industry, b.Industry) }},
	}
}

// clientList is what the screen loads: the rows, and the managers for the filter
// when the screen is (re)opened.
type clientList struct {
	rows         []data.ClientRow
	withManagers bool
	managers     []data.StaffRow
}

// reload fetches the managers and the rows, and the open card.
func (s *clientsScreen) reload() {
	s.fetch(true)
	if s.detail != nil {
		s.detail.reload()
	}
}

// refresh fetches only the rows, after a filter changed.
func (s *clientsScreen) refresh() { s.fetch(false) }

func (s *clientsScreen) fetch(withManagers bool) {
	filter := s.filter
	s.updateSpecial()
	load(s.app, &s.loads, func(ctx context.Context, st *data.Store) (clientList, error) {
		l := clientList{withManagers: withManagers}
		var err error
		if withManagers {
			if l.managers, err = st.ListStaff(ctx, data.StaffFilter{}); err != nil {
				return l, err
			}
		}
		l.rows, err = st.ListClients(ctx, filter)
		return l, err
	}, s.apply)
}

func (s *clientsScreen) apply(l clientList) {
	if l.withManagers {
		s.managers = l.managers
		ids := []int64{0}
		for _, m := range l.managers {
			ids = append(ids, m.ID)
		}
		s.managerSel.setValues(ids, s.managerLabel)
	}
	s.table.SetRows(l.rows)
	s.count.SetText(Tn("clients.count", len(l.rows)) + " · " +
		Tf("clients.active_budget", map[string]any{"Budget": money(data.ActiveBudget(l.rows))}))
}

// updateSpecial shows the filter that came from the Overview, with a way to drop it.
func (s *clientsScreen) updateSpecial() {
	switch {
	case s.filter.ContractEndsWithin > 0:
		s.special.SetText(Tf("clients.filter.contract_ending", map[string]any{"Days": s.filter.ContractEndsWithin}))
		s.special.Show()
	case s.filter.OverdueComplaints:
		s.special.SetText(T("clients.filter.overdue"))
		s.special.Show()
	default:
		s.special.Hide()
	}
}

// showFiltered opens the list with a filter (from the Overview).
func (s *clientsScreen) showFiltered(f data.ClientFilter) {
	s.filter = f
	s.search.OnChanged = nil
	s.search.SetText(f.Search)
	s.search.OnChanged = s.searchChanged
	status := ""
	if f.Archived {
		status = clientArchived
	} else if len(f.Statuses) == 1 {
		status = string(f.Statuses[0])
	}
	s.statusSel.setValueQuietly(status)
	s.tierSel.setValueQuietly(f.Tier)
	s.managerSel.setValueQuietly(f.ManagerID)
	s.closeDetail()
	s.app.showScreen(s)
}

func (s *clientsScreen) add() {
	c := data.Client{Tier: "C", Status: data.ClientActive, Complexity: 3, StartDate: s.app.today()}
	s.app.editClient(c, data.PersonRef{}, data.PersonRef{}, func(id int64) {
		s.reload()
		s.openClient(id)
	})
}

// openClient shows a client's card (also from a person's card).
func (s *clientsScreen) openClient(id int64) {
	s.detail = newClientDetail(s, id)
	s.root.Objects = []fyne.CanvasObject{s.detail.root}
	s.root.Refresh()
	if s.app.screens[s.app.current] != s {
		s.app.showScreen(s) // reloads the list and the card
		return
	}
	s.detail.reload()
}

func (s *clientsScreen) closeDetail() {
	s.detail = nil
	s.root.Objects = []fyne.CanvasObject{s.list}
	s.root.Refresh()
}
