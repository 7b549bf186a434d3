package ui

import "testing"

// TestAuditScreenshots renders the audit screen from demo data into the folder
// named by LEADBOARD_SCREENSHOTS; without it the test does nothing.
func TestAuditScreenshots(t *testing.T) {
	screenshots(t, func(a *App, shoot, _ func(name string)) {
		shootAudit(a, shoot)
	})
}

// shootAudit renders every tab of the audit screen and its forms.
func shootAudit(a *App, shoot func(string)) {
	s := a.audit
	a.showScreen(s)
	shoot("audit-checklist")
	rows := s.checklist.items.Rows()
	for i, r := range rows {
		if len(r.item.Evidence) > 1 {
			s.checklist.items.Select(i)
			break
		}
	}
	shoot("audit-rate")
	a.closeTopDialog()
	s.checklist.editAudit(s.checklist.current.audit)
	shoot("audit-edit")
	a.closeTopDialog()
	s.tabs.SelectIndex(1)
	shoot("audit-trend")
	s.trend.view.setValue(viewCompare)
	shoot("audit-compare")
	s.tabs.SelectIndex(2)
	shoot("audit-actions")
	s.actions.list.Select(0)
	shoot("audit-action-form")
	a.closeTopDialog()
	s.tabs.SelectIndex(3)
	settle(a)
	s.procedures.choose(s.procedures.register.Rows()[0].ID)
	shoot("audit-procedures")
	s.procedures.acknowledge()
	shoot("audit-acks")
	a.closeTopDialog()
	s.procedures.markReviewed()
	shoot("audit-reviewed")
	a.closeTopDialog()
	s.procedures.editProcedure(s.procedures.register.Rows()[0].Procedure)
	shoot("audit-procedure-form")
	a.closeTopDialog()
}
