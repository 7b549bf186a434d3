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
	matrix  []data.Competency
	list    *widgets.Table[data.PlanItem]
	item    *container.TabItem
}

type planTabData struct {
	items  []data.PlanItem
	matrix []data.Competency
}

func newPlanTab(a *App, staffID int64) *planTab {
	p := &planTab{app: a, staffID: staffID}
	p.list = widgets.NewTable(planColumns(a, func(code string) string { return competencyName(p.matrix, code) }),
		T("plans.none"))
	p.list.OnSelected = func(it data.PlanItem) { a.editPlanItem(it, p.matrix, p.reload) }
	p.item = container.NewTabItem(T("staff.tab.plan"), p.list)
	return p
}

func (p *planTab) reload() {
	id := p.staffID
	load(p.app, &p.loads, func(ctx context.Context, st *data.Store) (planTabData, error) {
		var d planTabData
		var err error
		if d.matrix, err = currentCompetencies(ctx, st); err != nil {
			return d, err
		}
		d.items, err = st.PlanItems(ctx, id)
		return d, err
	}, func(d planTabData) {
		p.matrix = d.matrix
		p.list.SetRows(d.items)
		overdue := 0
		for _, it := range d.items {
			if it.Overdue(p.app.today()) {
				overdue++
			}
		}
		p.item.Text = Tf("staff.tab.plan_n", map[string]any{"Count": len(d.items), "Overdue": overdue})
	})
}
