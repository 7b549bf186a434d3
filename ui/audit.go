package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"leadboard/data"
	"leadboard/data/audit"
)

// auditScreen runs the department audit of the guide's ten sections: an audit's
// checklist with its ratings and evidence from the data, the trend and a comparison
// of two audits, the follow-up actions, and the register of procedures.
type auditScreen struct {
	app        *App
	checklist  *auditChecklistTab
	trend      *auditTrendTab
	actions    *actionsTab
	procedures *proceduresTab
	tabs       *container.AppTabs
}

func newAuditScreen(a *App) *auditScreen {
	s := &auditScreen{app: a}
	s.checklist = newAuditChecklistTab(s)
	s.trend = newAuditTrendTab(s)
	s.actions = newActionsTab(s)
	s.procedures = newProceduresTab(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(T("audit.tab.checklist"), s.checklist.root),
		container.NewTabItem(T("audit.tab.trend"), s.trend.root),
		container.NewTabItem(T("audit.tab.actions"), s.actions.root),
		container.NewTabItem(T("audit.tab.procedures"), s.procedures.root),
	)
	s.tabs.OnSelected = func(*container.TabItem) { s.reloadTab() }
	return s
}

func (s *auditScreen) title() string             { return T("nav.audit") }
func (s *auditScreen) object() fyne.CanvasObject { return s.tabs }

// reload fetches the open tab again; the evidence is figured anew, since the data
// behind it may have changed since.
func (s *auditScreen) reload() {
	s.checklist.forgetEvidence()
	s.reloadTab()
}

// showActions opens the screen at its follow-up actions (the Overview's overdue
// actions lead here).
func (s *auditScreen) showActions() {
	s.tabs.SelectIndex(2)
	s.app.showScreen(s)
}

func (s *auditScreen) reloadTab() {
	switch s.tabs.SelectedIndex() {
	case 1:
		s.trend.reload()
	case 2:
		s.actions.reload()
	case 3:
		s.procedures.reload()
	default:
		s.checklist.reload()
	}
}

// auditLabel names an audit in a drop-down: its date, and its title when it has one.
func auditLabel(a data.Audit) string {
	if a.Title == "" {
		return date(a.HeldOn)
	}
	return date(a.HeldOn) + " — " + a.Title
}

// itemLabel is an item's code and statement, cut to fit a drop-down or a cell.
func itemLabel(code string, limit int) string {
	it, ok := audit.Lookup(code)
	if !ok {
		return code
	}
	text := it.Code + ". " + it.Text(currentLang())
	if r := []rune(text); limit > 0 && len(r) > limit {
		text = string(r[:limit-1]) + "…"
	}
	return text
}

// staffNames maps everyone ever employed to their name (owners of old records may
// have left since).
func staffNames(ctx context.Context, st *data.Store) ([]data.StaffRow, map[int64]string, error) {
	people, err := st.ListStaff(ctx, data.StaffFilter{Statuses: data.StaffStatuses})
	if err != nil {
		return nil, nil, err
	}
	names := make(map[int64]string, len(people))
	for _, p := range people {
		names[p.ID] = p.FullName
	}
	return people, names, nil
}

// ownerChoice offers the staff at work as owners, plus the current owner when they
// have left since; "nobody" comes first.
func ownerChoice(people []data.StaffRow, current int64) *choice[int64] {
	var offered []data.StaffRow
	for _, p := range people {
		if p.Status != data.StaffLeft || p.ID == current {
			offered = append(offered, p)
		}
	}
	c := staffChoice(offered, true)
	c.setValueQuietly(current)
	return c
}
