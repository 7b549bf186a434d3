package ui

import (
	"context"

	"fyne.io/fyne/v2/container"

	"leadboard/data"
	"leadboard/ui/widgets"
)

// planTab shows a person's development plan on their card, overdue items in red;
// clicking an item edits it.
type planTab struct {
	app     *App
	staffID int64
	loads   ticket
	list    *widgets.Table[data.PlanItem]
	item    *container.TabItem
}

func newPlanTab(a *App, staffID int64) *planTab {
	p := &planTab{app: a, staffID: staffID}
	p.list = widgets.NewTable(planColumns(a), T("plans.none"))
	p.list.OnSelected = func(it data.PlanItem) { a.editPlanItem(it, p.reload) }
	p.item = container.NewTabItem(T("staff.tab.plan"), p.list)
	return p
}

func (p *planTab) reload() {
	id := p.staffID
	load(p.app, &p.loads, func(ctx context.Context, st *data.Store) ([]data.PlanItem, error) {
		return st.PlanItems(ctx, id)
	}, func(items []data.PlanItem) {
		p.list.SetRows(items)
		p.item.Text = Tf("staff.tab.plan_n", map[string]any{"Count": len(items)})
	})
}
