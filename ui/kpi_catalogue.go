package ui

import (
	"cmp"
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/kpi"
	"leadboard/data/parse"
	"leadboard/ui/widgets"
)

// kpiCatalogueTab lists the KPIs with their definitions; entered KPIs are added
// and edited here, and every KPI's targets are kept here.
type kpiCatalogueTab struct {
	s        *kpiScreen
	loads    ticket
	table    *widgets.Table[data.KPI]
	chosen   data.KPI
	heading  *widget.Label
	define   *widget.Label
	edit     *widget.Button
	targets  *widgets.Table[data.KPITarget]
	addGoal  *widget.Button
	dropGoal *widget.Button
	picked   data.KPITarget // the target row clicked last
	root     fyne.CanvasObject
}

func newKPICatalogueTab(s *kpiScreen) *kpiCatalogueTab {
	t := &kpiCatalogueTab{s: s}
	t.table = widgets.NewTable(t.columns(), T("kpi.catalogue_empty"))
	t.table.OnSelected = t.choose
	t.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.define = widget.NewLabel(T("kpi.pick_one"))
	t.define.Wrapping = fyne.TextWrapWord
	t.edit = widget.NewButtonWithIcon(T("action.edit"), theme.DocumentCreateIcon(), func() { t.editKPI(t.chosen) })
	t.edit.Hide()
	t.targets = widgets.NewTable(t.targetColumns(), T("kpi.no_targets_set"))
	t.targets.OnSelected = func(tg data.KPITarget) { t.picked = tg; t.dropGoal.Enable() }
	t.addGoal = widget.NewButtonWithIcon(T("kpi.add_target"), theme.ContentAddIcon(), t.addTarget)
	t.addGoal.Disable()
	t.dropGoal = widget.NewButtonWithIcon(T("kpi.delete_target"), theme.DeleteIcon(), t.deleteTarget)
	t.dropGoal.Disable()
	add := widget.NewButtonWithIcon(T("kpi.add"), theme.ContentAddIcon(), func() { t.editKPI(data.KPI{}) })
	add.Importance = widget.HighImportance
	details := container.NewBorder(
		container.NewVBox(t.heading, t.define, container.NewHBox(t.edit),
			widget.NewSeparator(), sectionLabel(T("kpi.targets")), container.NewHBox(t.addGoal, t.dropGoal)),
		nil, nil, nil, t.targets)
	split := container.NewHSplit(withTools(t.table, add), details)
	split.Offset = 0.55
	t.root = split
	return t
}

func (t *kpiCatalogueTab) columns() []widgets.Column[data.KPI] {
	lang := currentLang
	return []widgets.Column[data.KPI]{
		{Title: T("field.name"), Width: 260, Text: func(k data.KPI) string { return k.Name(lang()) },
			Less: func(a, b data.KPI) bool { return a.Name(lang()) < b.Name(lang()) }},
		{Title: T("field.code"), Width: 140, Text: func(k data.KPI) string { return k.Code },
			Less: func(a, b data.KPI) bool { return a.Code < b.Code }},
		{Title: T("field.unit"), Width: 90, Text: func(k data.KPI) string { return T("kpi.unit." + k.Unit) }},
		{Title: T("field.level"), Width: 110, Text: func(k data.KPI) string { return T("kpi.level_by." + k.Level) }},
		{Title: T("kpi.col.source"), Width: 130, Text: func(k data.KPI) string { return T("kpi.source." + k.Source) },
			Less: func(a, b data.KPI) bool { return a.Source < b.Source }},
	}
}

func (t *kpiCatalogueTab) targetColumns() []widgets.Column[data.KPITarget] {
	return []widgets.Column[data.KPITarget]{
		{Title: T("field.scope"), Width: 124, Text: func(g data.KPITarget) string { return T("kpi.scope." + g.Scope) }},
		{Title: T("kpi.col.who"), Width: 170, Text: func(g data.KPITarget) string { return g.Name }},
		{Title: T("field.from"), Width: 80, Text: func(g data.KPITarget) string { return monthText(g.From) }},
		{Title: T("field.to"), Width: 90, Text: func(g data.KPITarget) string {
			if g.To == 0 {
				return T("kpi.open_ended")
			}
			return monthText(g.To)
		}},
		{Title: T("field.target"), Width: 120, Align: fyne.TextAlignTrailing, Text: func(g data.KPITarget) string {
			return charts.FormatValue(currentLang(), t.chosen.Unit, g.Target)
		}},
	}
}

func (t *kpiCatalogueTab) setCatalogue(kpis []data.KPI) {
	t.table.SetRows(kpis)
	for _, k := range kpis {
		if k.ID == t.chosen.ID {
			t.choose(k)
		}
	}
}

// choose shows a KPI's definition and its targets.
func (t *kpiCatalogueTab) choose(k data.KPI) {
	t.chosen = k
	lang := currentLang()
	t.heading.SetText(k.Name(lang) + " (" + k.Code + ")")
	lines := []string{k.Definition(lang), Tf("kpi.facts", map[string]any{
		"Unit": T("kpi.unit." + k.Unit), "Direction": T("kpi.direction." + k.Direction),
		"Combine": T("kpi.combine." + k.Combine), "Levels": levelNames(k.Levels())})}
	if k.Derived() {
		lines = append(lines, T("kpi.derived_note"))
	}
	t.define.SetText(strings.Join(lines, "\n"))
	t.edit.Hidden = k.Derived()
	t.edit.Refresh()
	t.addGoal.Enable()
	t.dropGoal.Disable()
	t.loadTargets()
}

func levelNames(levels []string) string {
	names := make([]string, len(levels))
	for i, l := range levels {
		names[i] = T("kpi.level_by." + l)
	}
	return strings.Join(names, ", ")
}

func (t *kpiCatalogueTab) loadTargets() {
	id := t.chosen.ID
	load(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) ([]data.KPITarget, error) {
		return st.KPITargets(ctx, id)
	}, t.targets.SetRows)
}

// editKPI opens the form of an entered KPI (ID 0: a new one).
func (t *kpiCatalogueTab) editKPI(k data.KPI) {
	code, nameRU, nameEN := widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry()
	code.SetText(k.Code)
	nameRU.SetText(k.NameRU)
	nameEN.SetText(k.NameEN)
	unit := newChoice(data.KPIUnits, func(u string) string { return T("kpi.unit_name." + u) }, nil)
	direction := newChoice(data.KPIDirections, func(d string) string { return T("kpi.direction." + d) }, nil)
	combine := newChoice(data.KPICombines, func(c string) string { return T("kpi.combine." + c) }, nil)
	level := newChoice(data.KPILevels, func(l string) string { return T("kpi.level_by." + l) }, nil)
	for _, c := range []struct {
		sel *choice[string]
		v   string
	}{{unit, k.Unit}, {direction, k.Direction}, {combine, k.Combine}, {level, k.Level}} {
		c.sel.setValueQuietly(c.v)
	}
	defRU, defEN := widgets.NewMultiLineEntry(), widgets.NewMultiLineEntry()
	defRU.SetText(k.DefinitionRU)
	defEN.SetText(k.DefinitionEN)
	archived := widget.NewCheck(T("kpi.archived"), nil)
	archived.Checked = !k.ArchivedOn.IsZero()
	form := widgets.NewForm()
	form.SetIntro(T("kpi.form_intro"))
	form.Add("code", T("field.code"), code, true)
	form.Add("name_ru", T("field.name_ru"), nameRU, true)
	form.Add("name_en", T("field.name_en"), nameEN, true)
	form.Add("unit", T("field.unit"), unit, true)
	form.Add("direction", T("field.direction"), direction, true)
	form.Add("combine", T("field.combine"), combine, true)
	form.Add("level", T("field.level"), level, true)
	form.Add("definition_ru", T("field.definition_ru"), defRU, false)
	form.Add("definition_en", T("field.definition_en"), defEN, false)
	if k.ID != 0 {
		form.Add("archived", "", archived, false)
	}
	title := T("kpi.add")
	if k.ID != 0 {
		title = T("kpi.edit")
	}
	today := t.s.app.today()
	t.s.app.showFormDialog(title, form, 640, func(done func(error)) {
		edited := data.KPI{ID: k.ID, Code: code.Text, NameRU: nameRU.Text, NameEN: nameEN.Text, Unit: unit.value(),
			Direction: direction.value(), Combine: combine.value(), Level: level.value(),
			DefinitionRU: defRU.Text, DefinitionEN: defEN.Text}
		if archived.Checked {
			edited.ArchivedOn = k.ArchivedOn
			if edited.ArchivedOn.IsZero() {
				edited.ArchivedOn = today
			}
		}
		if err := data.ValidateKPI(edited); err != nil {
			done(err)
			return
		}
		save(t.s.app, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveKPI(ctx, edited)
			return err
		}, func(err error) {
			done(err)
			if err == nil {
				t.s.reload()
			}
		})
	})
}

// addTarget opens the form of a new target of the chosen KPI.
func (t *kpiCatalogueTab) addTarget() {
	k := t.chosen
	scopes := data.TargetScopes(k.Level)
	scope := newChoice(scopes, func(s string) string { return T("kpi.scope." + s) }, nil)
	scope.setValueQuietly(scopes[0])
	who, number := widgets.NewEntry(), widgets.NewEntry()
	who.SetPlaceHolder(T("kpi.who_hint"))
	from, to, amount := widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry()
	from.SetText(monthText(data.MonthFor(t.s.app.lastFullMonth().Year(), 1)))
	from.SetPlaceHolder(T("kpi.month_hint"))
	to.SetPlaceHolder(T("kpi.open_ended_hint"))
	form := widgets.NewForm()
	form.SetIntro(Tf("kpi.target_intro", map[string]any{"KPI": k.Name(currentLang()),
		"Direction": T("kpi.direction." + k.Direction)}))
	form.Add("scope", T("field.scope"), scope, true)
	form.Add("entity", T("kpi.col.who"), who, true)
	form.Add("number", T("field.number"), number, true)
	form.Add("from", T("field.from"), from, true)
	form.Add("to", T("field.to"), to, false)
	form.Add("target", T("field.target"), amount, true)
	showFields := func(s string) {
		form.Hide("entity")
		form.Hide("number")
		if s != data.ScopeDepartment {
			form.Show("entity")
		}
		if s == data.ScopeContract {
			form.Show("number")
		}
	}
	scope.Select.OnChanged = func(string) { showFields(scope.value()) }
	showFields(scopes[0])
	t.s.app.showFormDialog(T("kpi.add_target"), form, 600, func(done func(error)) {
		in := &inputs{form: form}
		goal := data.KPITarget{KPIID: k.ID, Scope: scope.value(), Target: in.number("target", amount)}
		goal.From = in.month("from", from)
		goal.To = in.month("to", to)
		if err := in.err(); err != nil {
			done(err)
			return
		}
		name, contract := strings.TrimSpace(who.Text), strings.TrimSpace(number.Text)
		save(t.s.app, func(ctx context.Context, st *data.Store) error {
			id, err := targetEntity(ctx, st, goal.Scope, name, contract)
			if err != nil {
				return err
			}
			goal.EntityID = id
			return st.SaveKPITarget(ctx, goal)
		}, func(err error) {
			done(err)
			if err == nil {
				t.loadTargets()
			}
		})
	})
}

// targetEntity finds whom a target is for by the typed name (and contract number).
func targetEntity(ctx context.Context, st *data.Store, scope, name, number string) (int64, error) {
	switch scope {
	case data.ScopeDepartment:
		return 0, nil
	case data.ScopeContract:
		return kpi.FindContract(ctx, st, name, number)
	}
	if name == "" {
		return 0, &data.ValidationError{Fields: []data.FieldError{{Field: "entity", Code: "required"}}}
	}
	level := data.LevelClient
	if scope == data.ScopeManager {
		level = data.LevelManager
	}
	ids, err := kpi.FindEntities(ctx, st, level, []string{name})
	var v *data.ValidationError
	if errors.As(err, &v) {
		return 0, &data.ValidationError{Fields: []data.FieldError{{Field: "entity", Code: "unknown_" + level}}}
	}
	if err != nil {
		return 0, err
	}
	return ids[0], nil
}

func (t *kpiCatalogueTab) deleteTarget() {
	goal := t.picked
	if goal.ID == 0 {
		return
	}
	a := t.s.app
	a.showDialog(dialog.NewConfirm(T("kpi.delete_target"), Tf("kpi.delete_target_confirm", map[string]any{
		"Who": cmp.Or(goal.Name, T("kpi.level.department")), "From": monthText(goal.From)}),
		func(ok bool) {
			if !ok {
				return
			}
			save(a, func(ctx context.Context, st *data.Store) error { return st.DeleteKPITarget(ctx, goal.ID) },
				func(err error) {
					if err != nil {
						a.showError(err)
						return
					}
					t.picked = data.KPITarget{}
					t.dropGoal.Disable()
					t.loadTargets()
				})
		}, a.win))
}

// month reads a month field ("03.2026", "март 2026", ...); empty is 0.
func (in *inputs) month(field string, e *widgets.Entry) data.Month {
	if in.hidden(field) {
		return 0
	}
	t, err := parse.Period(in.text(e))
	if err != nil {
		in.errs = append(in.errs, data.FieldError{Field: field, Code: "not_period"})
		return 0
	}
	if t.IsZero() {
		return 0
	}
	return data.MonthOf(t)
}
