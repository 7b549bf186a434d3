package ui

import (
	"cmp"
	"context"
	"errors"
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/workload"
	"leadboard/ui/widgets"
)

// plannerTab is a redistribution draft: moves the lead makes or asks for, the
// workload before and after side by side, the risks, and saving and applying it.
type plannerTab struct {
	w       *workloadScreen
	snap    workload.Snapshot // today's workload, what the draft starts from
	plan    data.Plan         // the saved plan the draft came from (ID 0: unsaved)
	moves   []workload.Move
	locks   workload.Locks
	plans   []data.Plan
	saved   *choice[int64]
	busy    *widget.ProgressBarInfinite
	summary *widget.Label
	chart   *widgets.ChartView
	list    *widgets.Table[moveRow]
	root    fyne.CanvasObject
	// computing: Suggest or Leaving is running (a second run would race the first)
	computing bool
	loads     ticket
}

// moveRow is a move as the list shows it, with what is risky about it.
type moveRow struct {
	index                  int
	move                   workload.Move
	client, role, from, to string
	points                 float64
	warnings               string
}

func newPlannerTab(w *workloadScreen) *plannerTab {
	p := &plannerTab{w: w, locks: workload.Locks{Clients: map[int64]bool{}, Managers: map[int64]bool{}}}
	a := w.app
	p.saved = newChoice([]int64{0}, p.planLabel, func(id int64) { p.open(id) })
	p.saved.setValueQuietly(0)
	p.busy = widget.NewProgressBarInfinite()
	p.busy.Hide()
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.chart = widgets.NewChartView(fyne.NewSize(700, 320), a.background)
	p.list = widgets.NewTable(moveColumns(), T("workload.no_moves"))
	p.list.OnSelected = p.askRemove
	move := widget.NewButtonWithIcon(T("workload.move"), theme.ContentAddIcon(), p.addMove)
	suggest := widget.NewButtonWithIcon(T("workload.suggest"), theme.ComputerIcon(), p.suggest)
	suggest.Importance = widget.HighImportance
	leaving := widget.NewButtonWithIcon(T("workload.leaving"), theme.LogoutIcon(), p.askLeaving)
	locks := widget.NewButtonWithIcon(T("workload.locks"), theme.VisibilityOffIcon(), p.editLocks)
	clear := widget.NewButtonWithIcon(T("workload.clear"), theme.ContentClearIcon(), func() { p.setMoves(nil) })
	save := widget.NewButtonWithIcon(T("action.save"), theme.DocumentSaveIcon(), p.askSave)
	del := widget.NewButtonWithIcon(T("action.delete"), theme.DeleteIcon(), p.askDelete)
	apply := widget.NewButtonWithIcon(T("workload.apply"), theme.ConfirmIcon(), p.askApply)
	exportChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), p.exportChart)
	exportTable := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		a.exportDialog(workload.PlanTable(p.snap, p.moves, currentLang(), T("workload.plan_table")), len(p.moves))
	})
	controls := container.NewVBox(
		container.NewHBox(widget.NewLabel(T("workload.plan")), sized(p.saved, 260), save, del, apply,
			exportChart, exportTable),
		container.NewHBox(move, suggest, leaving, locks, clear), p.busy, p.summary)
	split := container.NewVSplit(p.chart, p.list)
	split.Offset = 0.55
	p.root = container.NewBorder(controls, nil, nil, nil, split)
	return p
}

func (p *plannerTab) planLabel(id int64) string {
	if id == 0 {
		return T("workload.new_plan")
	}
	for _, pl := range p.plans {
		if pl.ID == id {
			if !pl.AppliedOn.IsZero() {
				return Tf("workload.plan_applied", map[string]any{"Name": pl.Name, "Date": date(pl.AppliedOn)})
			}
			return pl.Name
		}
	}
	return ""
}

// setSnapshot starts from today's workload and reloads the saved plans; the plan
// shown stays chosen.
func (p *plannerTab) setSnapshot(s workload.Snapshot) {
	p.snap = s
	chosen := p.plan.ID
	load(p.w.app, &p.loads, func(ctx context.Context, st *data.Store) ([]data.Plan, error) {
		return st.Plans(ctx)
	}, func(plans []data.Plan) {
		p.plans = plans
		ids := []int64{0}
		for _, pl := range plans {
			ids = append(ids, pl.ID)
		}
		p.saved.setValues(ids, p.planLabel)
		p.saved.setValueQuietly(chosen)
		p.refresh()
	})
}

// open loads a saved plan into the draft (0: a new, empty draft).
func (p *plannerTab) open(id int64) {
	p.plan = data.Plan{}
	p.locks = workload.Locks{Clients: map[int64]bool{}, Managers: map[int64]bool{}}
	var moves []workload.Move
	for _, pl := range p.plans {
		if pl.ID != id {
			continue
		}
		p.plan = pl
		for _, m := range pl.Moves {
			moves = append(moves, workload.Move(m))
		}
		for _, c := range pl.LockedClients {
			p.locks.Clients[c] = true
		}
		for _, m := range pl.LockedManagers {
			p.locks.Managers[m] = true
		}
	}
	p.setMoves(moves)
}

func (p *plannerTab) setMoves(moves []workload.Move) {
	p.moves = moves
	p.refresh()
}

// refresh recomputes the draft's outcome and warnings (in memory: milliseconds) and
// redraws the before and after chart off the UI goroutine.
func (p *plannerTab) refresh() {
	out := p.snap.Outcome(p.moves)
	p.summary.SetText(Tf("workload.outcome", map[string]any{
		"HighBefore": number(out.Before.Highest, 0), "HighAfter": number(out.After.Highest, 0),
		"OverBefore": out.Before.Overloaded, "OverAfter": out.After.Overloaded,
		"SpreadBefore": number(out.Before.Spread, 0), "SpreadAfter": number(out.After.Spread, 0),
		"Moves": out.Moves}))
	p.list.SetRows(p.rows())
	snap, moves, style := p.snap, p.moves, screenChartStyle(p.w.app)
	p.chart.SetChart(func(w, h int) (image.Image, error) {
		return workload.PairChart(snap, moves, currentLang(), style).Image(w, h)
	})
}

// rows describe the moves with the names and the warnings of each.
func (p *plannerTab) rows() []moveRow {
	names := p.names()
	clients := map[int64]workload.Client{}
	for _, c := range p.snap.Clients {
		clients[c.ID] = c
	}
	warned := map[int][]string{}
	for _, wr := range p.snap.Warnings(p.moves, p.locks) {
		for i, m := range p.moves {
			if m == wr.Move {
				warned[i] = append(warned[i], Tf("workload.warn."+wr.Code, wr.Params))
			}
		}
	}
	rows := make([]moveRow, len(p.moves))
	for i, m := range p.moves {
		c := clients[m.ClientID]
		points := p.snap.Coeffs.Points(c, m.Role)
		rows[i] = moveRow{index: i, move: m, client: c.Name, role: T("role." + string(m.Role)),
			from: cmp.Or(names[m.From], T("choice.none")), to: cmp.Or(names[m.To], T("choice.none")),
			points: points, warnings: strings.Join(warned[i], "; ")}
	}
	return rows
}

func (p *plannerTab) names() map[int64]string {
	out := map[int64]string{}
	for _, m := range p.snap.Managers {
		out[m.ID] = m.Name
	}
	return out
}

func moveColumns() []widgets.Column[moveRow] {
	return []widgets.Column[moveRow]{
		{Title: T("field.client"), Width: 240, Text: func(r moveRow) string { return r.client },
			Less: func(a, b moveRow) bool { return a.client < b.client }},
		{Title: T("field.role"), Width: 110, Text: func(r moveRow) string { return r.role }},
		{Title: T("workload.col.from"), Width: 220, Text: func(r moveRow) string { return r.from }},
		{Title: T("workload.col.to"), Width: 220, Text: func(r moveRow) string { return r.to }},
		{Title: T("workload.col.points"), Width: 80, Align: fyne.TextAlignTrailing,
			Text: func(r moveRow) string { return number(r.points, 1) }},
		{Title: T("workload.col.warnings"), Width: 420, Text: func(r moveRow) string { return r.warnings },
			Importance: func(r moveRow) widget.Importance {
				if r.warnings != "" {
					return widget.WarningImportance
				}
				return widget.MediumImportance
			}},
	}
}

// askRemove offers to take a move out of the draft.
func (p *plannerTab) askRemove(r moveRow) {
	a := p.w.app
	a.showDialog(dialog.NewConfirm(T("workload.remove_move"), Tf("workload.remove_move_q", map[string]any{
		"Client": r.client, "To": r.to}), func(ok bool) {
		if ok && r.index < len(p.moves) {
			p.setMoves(append(p.moves[:r.index:r.index], p.moves[r.index+1:]...))
		}
	}, a.win))
}

// addMove asks for a client, a role and who takes it.
func (p *plannerTab) addMove() {
	clients := p.snap.Apply(p.moves).Clients // moves build on the draft so far
	ids := make([]int64, len(clients))
	byID := map[int64]workload.Client{}
	for i, c := range clients {
		ids[i], byID[c.ID] = c.ID, c
	}
	client := newChoice(ids, func(id int64) string { return byID[id].Name }, nil)
	role := newChoice([]data.Role{data.RoleLead, data.RoleBackup}, func(r data.Role) string { return T("role." + string(r)) }, nil)
	role.setValueQuietly(data.RoleLead)
	people := []int64{0}
	for _, m := range p.snap.Managers {
		people = append(people, m.ID)
	}
	names := p.names()
	to := newChoice(people, func(id int64) string { return cmp.Or(names[id], T("choice.none")) }, nil)
	form := widgets.NewForm()
	form.SetIntro(T("workload.move_intro"))
	form.Add("client", T("field.client"), client, true)
	form.Add("role", T("field.role"), role, true)
	form.Add("to", T("workload.col.to"), to, true)
	p.w.app.showFormDialog(T("workload.move"), form, 560, func(done func(error)) {
		c, ok := byID[client.value()]
		var fields []data.FieldError
		if !ok {
			fields = append(fields, data.FieldError{Field: "client", Code: "required"})
		}
		if to.SelectedIndex() < 0 || (role.value() == data.RoleLead && to.value() == 0) {
			fields = append(fields, data.FieldError{Field: "to", Code: "required"})
		}
		if len(fields) > 0 {
			done(&data.ValidationError{Fields: fields})
			return
		}
		from := c.Lead
		if role.value() == data.RoleBackup {
			from = c.Backup
		}
		if from == to.value() {
			done(&data.ValidationError{Fields: []data.FieldError{{Field: "to", Code: "same_person"}}})
			return
		}
		if role.value() == data.RoleBackup && to.value() == c.Lead {
			done(&data.ValidationError{Fields: []data.FieldError{{Field: "to", Code: "backup_is_lead"}}})
			return
		}
		done(nil)
		p.setMoves(append(p.moves, workload.Move{ClientID: c.ID, Role: role.value(), From: from, To: to.value()}))
	})
}

// suggest computes a plan in the background (it can take a second on a large
// department) and replaces the draft's moves with it.
func (p *plannerTab) suggest() {
	snap, locks := p.snap, p.locks
	p.compute(func() workload.Suggestion { return workload.Suggest(snap, locks) })
}

// compute runs a planner off the UI goroutine with the progress bar showing, after
// asking whether moves already in the draft may be replaced; one at a time.
func (p *plannerTab) compute(plan func() workload.Suggestion) {
	if p.computing {
		return
	}
	if len(p.moves) == 0 {
		p.run(plan)
		return
	}
	a := p.w.app
	a.showDialog(dialog.NewConfirm(T("workload.replace_title"), T("workload.replace_q"), func(ok bool) {
		if ok {
			p.run(plan)
		}
	}, a.win))
}

func (p *plannerTab) run(plan func() workload.Suggestion) {
	p.computing = true
	p.busy.Show()
	p.busy.Start()
	var s workload.Suggestion
	p.w.app.background(func() { s = plan() }, func() {
		p.computing = false
		p.busy.Stop()
		p.busy.Hide()
		p.setMoves(s.Moves)
		if !s.Reached {
			p.w.app.showInfo(T("workload.suggest"), T("workload.not_reached."+cmp.Or(s.Reason, "other")))
		}
	})
}

// askLeaving asks who is leaving and plans where their clients go.
func (p *plannerTab) askLeaving() {
	var ids []int64
	names := p.names()
	for _, m := range p.snap.Managers {
		ids = append(ids, m.ID)
	}
	who := newChoice(ids, func(id int64) string { return names[id] }, nil)
	form := widgets.NewForm()
	form.SetIntro(T("workload.leaving_intro"))
	form.Add("manager", T("workload.col.manager"), who, true)
	p.w.app.showFormDialog(T("workload.leaving"), form, 520, func(done func(error)) {
		if who.SelectedIndex() < 0 {
			done(&data.ValidationError{Fields: []data.FieldError{{Field: "manager", Code: "required"}}})
			return
		}
		done(nil)
		snap, locks, id := p.snap, p.locks, who.value()
		p.compute(func() workload.Suggestion { return workload.Leaving(snap, id, locks) })
	})
}

// editLocks lets the lead pick managers and clients the plan must not move.
func (p *plannerTab) editLocks() {
	// Labels are numbered for namesakes (uniqueLabels), so each box is one person.
	managerNames := uniqueLabels(p.snap.Managers, func(m workload.Manager) string { return m.Name })
	clientNames := uniqueLabels(p.snap.Clients, func(c workload.Client) string { return c.Name })
	managerIDs, clientIDs := map[string]int64{}, map[string]int64{}
	for i, m := range p.snap.Managers {
		managerIDs[managerNames[i]] = m.ID
	}
	for i, c := range p.snap.Clients {
		clientIDs[clientNames[i]] = c.ID
	}
	managers, clients := widget.NewCheckGroup(managerNames, nil), widget.NewCheckGroup(clientNames, nil)
	for name, id := range managerIDs {
		if p.locks.Managers[id] {
			managers.Selected = append(managers.Selected, name)
		}
	}
	for name, id := range clientIDs {
		if p.locks.Clients[id] {
			clients.Selected = append(clients.Selected, name)
		}
	}
	tabs := container.NewAppTabs(
		container.NewTabItem(T("workload.locked_managers"), container.NewVScroll(managers)),
		container.NewTabItem(T("workload.locked_clients"), container.NewVScroll(clients)))
	d := dialog.NewCustomConfirm(T("workload.locks"), T("action.choose_done"), T("action.cancel"),
		container.NewBorder(hint(T("workload.locks_intro")), nil, nil, nil, tabs), func(ok bool) {
			if !ok {
				return
			}
			p.locks = workload.Locks{Clients: map[int64]bool{}, Managers: map[int64]bool{}}
			for _, n := range managers.Selected {
				p.locks.Managers[managerIDs[n]] = true
			}
			for _, n := range clients.Selected {
				p.locks.Clients[clientIDs[n]] = true
			}
			p.refresh()
		}, p.w.app.win)
	d.Resize(fyne.NewSize(560, 600))
	p.w.app.showDialog(d)
}

// draft is the plan as it stands, to save or apply.
func (p *plannerTab) draft(name string) data.Plan {
	pl := data.Plan{ID: p.plan.ID, Name: name}
	for _, m := range p.moves {
		pl.Moves = append(pl.Moves, data.PlanMove(m))
	}
	for id := range p.locks.Clients {
		pl.LockedClients = append(pl.LockedClients, id)
	}
	for id := range p.locks.Managers {
		pl.LockedManagers = append(pl.LockedManagers, id)
	}
	return pl
}

func (p *plannerTab) askSave() {
	name := widgets.NewEntry()
	name.SetText(p.plan.Name)
	form := widgets.NewForm()
	form.Add("name", T("field.name"), name, true)
	p.w.app.showFormDialog(T("workload.save_plan"), form, 480, func(done func(error)) {
		pl := p.draft(name.Text)
		save(p.w.app, func(ctx context.Context, st *data.Store) error {
			id, err := st.SavePlan(ctx, pl)
			pl.ID = id
			return err
		}, func(err error) {
			done(err)
			if err == nil {
				p.plan = pl
				p.setSnapshot(p.snap)
			}
		})
	})
}

func (p *plannerTab) askDelete() {
	if p.plan.ID == 0 {
		return
	}
	a, id := p.w.app, p.plan.ID
	a.showDialog(dialog.NewConfirm(T("workload.delete_plan"), Tf("workload.delete_plan_q", map[string]any{"Name": p.plan.Name}),
		func(ok bool) {
			if !ok {
				return
			}
			save(a, func(ctx context.Context, st *data.Store) error { return st.DeletePlan(ctx, id) }, func(err error) {
				if err != nil {
					a.showError(err)
					return
				}
				p.open(0)
				p.saved.setValueQuietly(0)
				p.setSnapshot(p.snap)
			})
		}, a.win))
}

// askApply writes the draft to the assignment history from a date with a reason.
func (p *plannerTab) askApply() {
	a := p.w.app
	if len(p.moves) == 0 {
		a.showInfo(T("workload.apply"), T("workload.no_moves"))
		return
	}
	from := newDateField()
	from.SetDate(a.today())
	reason := widgets.NewEntry()
	reason.SetText(cmp.Or(p.plan.Name, ""))
	form := widgets.NewForm()
	form.SetIntro(Tf("workload.apply_intro", map[string]any{"Count": len(p.moves)}))
	form.Add("from", T("field.from"), from, true)
	form.Add("reason", T("field.reason"), reason, true)
	a.showFormDialog(T("workload.apply"), form, 560, func(done func(error)) {
		in := &inputs{form: form}
		day := in.date("from", from)
		if err := in.err(); err != nil {
			done(err)
			return
		}
		pl := p.draft(p.plan.Name)
		save(a, func(ctx context.Context, st *data.Store) error {
			return st.ApplyPlan(ctx, pl, day, reason.Text)
		}, func(err error) {
			var stale *data.ErrPlanStale
			if errors.As(err, &stale) {
				err = &data.ValidationError{Fields: []data.FieldError{{Field: "plan", Code: "plan_stale",
					Params: map[string]any{"Clients": strings.Join(stale.Clients, ", ")}}}}
			}
			done(err)
			if err == nil {
				p.open(0)
				p.saved.setValueQuietly(0)
				p.w.reload() // the workload now is what the plan made it
			}
		})
	})
}

func (p *plannerTab) exportChart() {
	c := workload.PairChart(p.snap, p.moves, currentLang(), charts.Print)
	p.w.app.chartExportDialog(T("workload.plan_chart"), c.PNG, c.SVG)
}
