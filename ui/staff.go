package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/transfer"
	"leadboard/ui/widgets"
)

// Staff status filter values.
const (
	staffCurrent = "current" // active and on leave
	staffAll     = "all"
)

// staffScreen lists the department's people and opens a person's card.
type staffScreen struct {
	app    *App
	loads  ticket
	filter data.StaffFilter
	grades []data.GradeLevel
	teams  []string

	search    *widgets.Entry
	gradeSel  *choice[int64]
	teamSel   *choice[string]
	statusSel *choice[string]
	count     *widget.Label
	table     *widgets.Table[data.StaffRow]
	list      fyne.CanvasObject
	root      *fyne.Container
	detail    *staffDetail // the open card, if any
}

func newStaffScreen(a *App) *staffScreen {
	s := &staffScreen{app: a}
	s.search = widgets.NewEntry()
	s.search.SetPlaceHolder(T("staff.search"))
	s.search.OnChanged = s.searchChanged
	s.gradeSel = newChoice([]int64{0}, s.gradeLabel, func(id int64) { s.filter.GradeID = id; s.refresh() })
	s.gradeSel.setValueQuietly(0)
	s.teamSel = newChoice([]string{""}, teamLabel, func(t string) { s.filter.Team = t; s.refresh() })
	s.teamSel.setValueQuietly("")
	statuses := []string{staffCurrent, string(data.StaffActive), string(data.StaffOnLeave), string(data.StaffLeft), staffAll}
	s.statusSel = newChoice(statuses, func(v string) string { return T("staff.filter." + v) }, func(v string) {
		s.filter.Statuses = staffStatusFilter(v)
		s.refresh()
	})
	s.statusSel.setValueQuietly(staffCurrent)
	s.count = widget.NewLabel("")
	s.table = widgets.NewTable(s.columns(), T("list.nothing_found"))
	s.table.OnSelected = func(r data.StaffRow) { s.openDetail(r.ID) }
	s.table.SortBy(0, false)
	add := widget.NewButtonWithIcon(T("staff.add"), theme.ContentAddIcon(), s.add)
	add.Importance = widget.HighImportance
	importBtn := widget.NewButtonWithIcon(T("import.open"), theme.UploadIcon(), func() { a.openImport(transfer.Staff) })
	export := exportList(a, s.table, transfer.StaffTable)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(importBtn, export, add), s.search),
		container.NewGridWithColumns(3, s.gradeSel, s.teamSel, s.statusSel),
		s.count,
	)
	s.list = container.NewBorder(top, nil, nil, nil, s.table)
	s.root = container.NewStack(s.list)
	return s
}

func staffStatusFilter(v string) []data.StaffStatus {
	switch v {
	case staffCurrent, "":
		return nil
	case staffAll:
		return data.StaffStatuses
	}
	return []data.StaffStatus{data.StaffStatus(v)}
}

func (s *staffScreen) title() string             { return T("nav.staff") }
func (s *staffScreen) object() fyne.CanvasObject { return s.root }
func (s *staffScreen) focusSearch()              { s.closeDetail(); s.app.win.Canvas().Focus(s.search) }

func (s *staffScreen) gradeLabel(id int64) string {
	if id == 0 {
		return T("staff.all_grades")
	}
	for _, g := range s.grades {
		if g.ID == id {
			return g.Name(currentLang())
		}
	}
	return "?"
}

func teamLabel(t string) string {
	if t == "" {
		return T("staff.all_teams")
	}
	return t
}

func (s *staffScreen) columns() []widgets.Column[data.StaffRow] {
	type row = data.StaffRow
	return []widgets.Column[row]{
		{Title: T("field.full_name"), Width: 300, Text: func(r row) string { return r.FullName },
			Less: func(a, b row) bool { return lessText(a.FullName, b.FullName) }},
		{Title: T("field.grade"), Width: 220, Text: func(r row) string { return r.Grade.Name(currentLang()) },
			Less: func(a, b row) bool { return a.Grade.Rank < b.Grade.Rank }},
		{Title: T("field.team"), Width: 210, Text: func(r row) string { return r.Team },
			Less: func(a, b row) bool { return lessText(a.Team, b.Team) }},
		{Title: T("field.status"), Width: 110, Text: func(r row) string { return T("staff.status." + string(r.Status)) },
			Less:       func(a, b row) bool { return a.Status < b.Status },
			Importance: staffStatusImportance},
		{Title: T("staff.col.leads"), Width: 80, Align: fyne.TextAlignTrailing,
			Text: func(r row) string { return integer(r.LeadClients) },
			Less: func(a, b row) bool { return a.LeadClients < b.LeadClients }},
		{Title: T("staff.col.backups"), Width: 100, Align: fyne.TextAlignTrailing,
			Text: func(r row) string { return integer(r.BackupClients) },
			Less: func(a, b row) bool { return a.BackupClients < b.BackupClients }},
		{Title: T("field.hire_date"), Width: 110, Text: func(r row) string { return date(r.HireDate) },
			Less: func(a, b row) bool { return a.HireDate.Before(b.HireDate) }},
	}
}

func staffStatusImportance(r data.StaffRow) widget.Importance {
	switch r.Status {
	case data.StaffOnLeave:
		return widget.WarningImportance
	case data.StaffLeft:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// lessText orders text the way people read it: ignoring case, ё as е.
func lessText(a, b string) bool { return data.Fold(a) < data.Fold(b) }

func (s *staffScreen) searchChanged(q string) { s.filter.Search = q; s.refresh() }

// staffList is what the screen loads: the rows, and the filters' choices when the
// screen is (re)opened.
type staffList struct {
	rows        []data.StaffRow
	withChoices bool
	grades      []data.GradeLevel
	teams       []string
}

// reload fetches the filters' choices and the rows, and the open card.
func (s *staffScreen) reload() {
	s.fetch(true)
	if s.detail != nil {
		s.detail.reload()
	}
}

// refresh fetches only the rows, after a filter changed.
func (s *staffScreen) refresh() { s.fetch(false) }

func (s *staffScreen) fetch(withChoices bool) {
	filter := s.filter
	load(s.app, &s.loads, func(ctx context.Context, st *data.Store) (staffList, error) {
		l := staffList{withChoices: withChoices}
		var err error
		if withChoices {
			if l.grades, err = st.Grades(ctx); err != nil {
				return l, err
			}
			if l.teams, err = st.Teams(ctx); err != nil {
				return l, err
			}
		}
		l.rows, err = st.ListStaff(ctx, filter)
		return l, err
	}, s.apply)
}

func (s *staffScreen) apply(l staffList) {
	if l.withChoices {
		s.grades, s.teams = l.grades, l.teams
		gradeIDs := []int64{0}
		for _, g := range l.grades {
			gradeIDs = append(gradeIDs, g.ID)
		}
		s.gradeSel.setValues(gradeIDs, s.gradeLabel)
		s.teamSel.setValues(append([]string{""}, l.teams...), teamLabel)
	}
	s.table.SetRows(l.rows)
	s.count.SetText(Tn("staff.count", len(l.rows)))
}

// showFiltered opens the list with a filter (from the Overview).
func (s *staffScreen) showFiltered(f data.StaffFilter) {
	s.filter = f
	s.search.OnChanged = nil
	s.search.SetText(f.Search)
	s.search.OnChanged = s.searchChanged
	s.gradeSel.setValueQuietly(f.GradeID)
	s.teamSel.setValueQuietly(f.Team)
	status := staffCurrent
	if len(f.Statuses) == 1 {
		status = string(f.Statuses[0])
	} else if len(f.Statuses) > 1 {
		status = staffAll
	}
	s.statusSel.setValueQuietly(status)
	s.closeDetail()
	s.app.showScreen(s)
}

func (s *staffScreen) add() {
	s.app.editStaff(data.Staff{FTE: 1, Status: data.StaffActive, HireDate: s.app.today()}, func(id int64) {
		s.reload()
		s.openDetail(id)
	})
}

func (s *staffScreen) openDetail(id int64) {
	s.detail = newStaffDetail(s, id)
	s.root.Objects = []fyne.CanvasObject{s.detail.root}
	s.root.Refresh()
	s.detail.reload()
}

func (s *staffScreen) closeDetail() {
	s.detail = nil
	s.root.Objects = []fyne.CanvasObject{s.list}
	s.root.Refresh()
}

// gradeOptions are the grade ids for a form's drop-down.
func gradeOptions(grades []data.GradeLevel) ([]int64, func(int64) string) {
	ids := make([]int64, len(grades))
	for i, g := range grades {
		ids[i] = g.ID
	}
	return ids, func(id int64) string {
		i := slices.IndexFunc(grades, func(g data.GradeLevel) bool { return g.ID == id })
		if i < 0 {
			return "?"
		}
		return grades[i].Name(currentLang())
	}
}
