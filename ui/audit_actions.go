package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/audit"
	"leadboard/ui/widgets"
)

// actionsTab lists the audits' follow-up actions, the open ones first and the
// overdue ones in red; clicking one edits it.
type actionsTab struct {
	s       *auditScreen
	loads   ticket
	current actionsData
	filter  *choice[string]
	summary *widget.Label
	list    *widgets.Table[data.Action]
	root    *fyne.Container
}

// Filters of the actions list.
const (
	actionsOpen = "open"
	actionsAll  = "all"
)

// actionsData is what the tab and its form need.
type actionsData struct {
	actions []data.Action
	audits  []data.Audit
	people  []data.StaffRow
}

func newActionsTab(s *auditScreen) *actionsTab {
	t := &actionsTab{s: s}
	t.filter = newChoice([]string{actionsOpen, actionsAll}, func(f string) string { return T("audit.ui.actions." + f) },
		func(string) { t.show() })
	t.filter.setValueQuietly(actionsOpen)
	t.summary = widget.NewLabel("")
	t.list = widgets.NewTable(actionColumns(s.app), T("audit.ui.no_actions"))
	t.list.OnSelected = func(a data.Action) { t.editAction(a, t.current.audits, t.current.people, nil) }
	add := widget.NewButtonWithIcon(T("audit.ui.add_action"), theme.ContentAddIcon(), func() {
		t.editAction(data.Action{Status: "open"}, t.current.audits, t.current.people, nil)
	})
	add.Importance = widget.HighImportance
	export := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		rows := t.list.Rows()
		s.app.exportDialog(audit.ActionsTable(rows, nil, s.app.today(), currentLang()), len(rows))
	})
	controls := container.NewHBox(add, widget.NewLabel(T("audit.ui.show")), sized(t.filter, 200), t.summary,
		layout.NewSpacer(), export)
	t.root = container.NewBorder(controls, nil, nil, nil, t.list)
	return t
}

func actionColumns(a *App) []widgets.Column[data.Action] {
	type row = data.Action
	overdue := func(r row) widget.Importance {
		if r.Overdue(a.today()) {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	return []widgets.Column[row]{
		{Title: T("field.what"), Width: 340, Importance: overdue, Text: func(r row) string { return r.What },
			Less: func(x, y row) bool { return lessText(x.What, y.What) }},
		{Title: T("field.item"), Width: 260, Text: func(r row) string { return itemLabel(r.ItemCode, 0) },
			Less: func(x, y row) bool { return itemOrder(x.ItemCode) < itemOrder(y.ItemCode) }},
		{Title: T("field.owner"), Width: 190, Text: func(r row) string { return r.OwnerName },
			Less: func(x, y row) bool { return lessText(x.OwnerName, y.OwnerName) }},
		{Title: T("field.due"), Width: 195, Importance: overdue, Text: func(r row) string {
			if r.Overdue(a.today()) {
				return Tf("audit.ui.overdue_since", map[string]any{"Date": date(r.Due)})
			}
			return date(r.Due)
		}, Less: func(x, y row) bool { return x.Due.Before(y.Due) }},
		{Title: T("field.status"), Width: 110, Text: func(r row) string { return audit.StatusName(currentLang(), r.Status) },
			Less: func(x, y row) bool { return actionStatusRank(x.Status) < actionStatusRank(y.Status) }},
		{Title: T("field.done_on"), Width: 115, Text: func(r row) string { return date(r.DoneOn) },
			Less: func(x, y row) bool { return x.DoneOn.Before(y.DoneOn) }},
	}
}

// itemOrder places an item code in the checklist's order; codes off it go last.
func itemOrder(code string) int {
	for i, it := range audit.Items() {
		if it.Code == code {
			return i
		}
	}
	return len(audit.Items())
}

func actionStatusRank(status string) int {
	for i, s := range data.ActionStatuses {
		if s == status {
			return i
		}
	}
	return len(data.ActionStatuses)
}

func (t *actionsTab) reload() {
	load(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) (actionsData, error) {
		var d actionsData
		var err error
		if d.actions, err = st.Actions(ctx); err != nil {
			return d, err
		}
		if d.audits, err = st.Audits(ctx); err != nil {
			return d, err
		}
		d.people, _, err = staffNames(ctx, st)
		return d, err
	}, func(d actionsData) {
		t.current = d
		t.show()
	})
}

// show lists the actions the filter keeps, in the store's order: open ones first by
// due date.
func (t *actionsTab) show() {
	today := t.s.app.today()
	var rows []data.Action
	open, overdue := 0, 0
	for _, a := range t.current.actions {
		if a.Status == "open" {
			open++
		}
		if a.Overdue(today) {
			overdue++
		}
		if t.filter.value() == actionsAll || a.Status == "open" {
			rows = append(rows, a)
		}
	}
	t.list.SetRows(rows)
	t.summary.SetText(Tf("audit.ui.actions_summary", map[string]any{"Open": open, "Overdue": overdue}))
}

// editAction opens the form of an action (ID 0: a new one); onSaved follows a save.
func (t *actionsTab) editAction(a data.Action, audits []data.Audit, people []data.StaffRow, onSaved func()) {
	what := widgets.NewMultiLineEntry()
	what.SetMinRowsVisible(2)
	what.SetText(a.What)
	owner := ownerChoice(people, a.OwnerID)
	due := newDateField()
	due.SetDate(a.Due)
	status := newChoice(data.ActionStatuses, func(s string) string { return audit.StatusName(currentLang(), s) }, nil)
	status.setValueQuietly(a.Status)
	auditIDs := []int64{0}
	auditNames := map[int64]string{0: T("choice.none")}
	for _, x := range audits {
		auditIDs = append(auditIDs, x.ID)
		auditNames[x.ID] = auditLabel(x)
	}
	from := newChoice(auditIDs, func(id int64) string { return auditNames[id] }, nil)
	from.setValueQuietly(a.AuditID)
	codes := []string{""}
	for _, it := range audit.Items() {
		codes = append(codes, it.Code)
	}
	item := newChoice(codes, func(code string) string {
		if code == "" {
			return T("choice.none")
		}
		return itemLabel(code, 90)
	}, nil)
	item.setValueQuietly(a.ItemCode)
	form := widgets.NewForm()
	form.Add("what", T("field.what"), what, true)
	form.Add("owner", T("field.owner"), owner, false)
	form.Add("due", T("field.due"), due, true)
	form.Add("status", T("field.status"), status, true)
	form.Add("audit", T("field.audit"), from, false)
	form.Add("item", T("field.item"), item, false)
	title := T("audit.ui.add_action")
	if a.ID != 0 {
		title = T("audit.ui.edit_action")
	}
	t.s.app.showFormDialog(title, form, 760, func(done func(error)) {
		in := &inputs{form: form}
		edited := a
		edited.What = in.text(what)
		edited.OwnerID = owner.value()
		edited.Due = in.date("due", due)
		edited.Status = status.value()
		edited.AuditID = from.value()
		edited.ItemCode = item.value()
		if err := in.err(); err != nil {
			done(err)
			return
		}
		saveRecord(t.s.app, done, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveAction(ctx, edited)
			return err
		}, func() {
			t.reload()
			if onSaved != nil {
				onSaved()
			}
		})
	})
}
