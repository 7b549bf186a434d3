package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/parse"
	"leadboard/ui/widgets"
)

// kpiGridTab is the month x KPI grid: a year of one client's, manager's or the
// department's entered values, or their monthly targets, typed like a sheet and
// saved all at once (all cells or, when one is wrong, none).
type kpiGridTab struct {
	s       *kpiScreen
	loads   ticket
	level   *choice[string]
	who     *entityPicker
	year    *choice[int]
	targets *widget.RadioGroup
	save    *widget.Button
	status  *widget.Label
	cells   *fyne.Container
	grid    data.KPIGrid
	shown   gridView // whose grid the cells are
	inputs  map[gridKey]*widgets.Entry
	typed   map[gridKey]string // the text each cell had when loaded
	note    string             // said once the grid is shown again (after a save)
	root    fyne.CanvasObject
}

type gridKey struct {
	kpi   int64
	month int // 1-12
}

// gridView is whose grid is open: the level, the entity, the year, values or targets.
type gridView struct {
	level   string
	entity  int64
	year    int
	targets bool
}

func newKPIGridTab(s *kpiScreen) *kpiGridTab {
	t := &kpiGridTab{s: s}
	t.level = newChoice(data.KPILevels, func(l string) string { return T("kpi.level_by." + l) }, func(string) {
		from, to := t.yearMonths()
		t.who.setLevel(t.level.value(), from, to)
		t.refresh()
	})
	t.level.setValueQuietly(data.LevelClient)
	t.who = newEntityPicker(s.app, 1, func() { t.refresh() })
	years := []int{}
	for y := s.app.today().Year(); y > s.app.today().Year()-6; y-- {
		years = append(years, y)
	}
	t.year = newChoice(years, yearText, func(int) { t.refresh() })
	t.year.setValueQuietly(years[0])
	t.targets = widget.NewRadioGroup([]string{T("kpi.grid.values"), T("kpi.grid.targets")}, nil)
	t.targets.Horizontal = true
	t.targets.Required = true
	t.targets.SetSelected(T("kpi.grid.values"))
	t.targets.OnChanged = func(string) { t.refresh() }
	t.save = widget.NewButtonWithIcon(T("action.save"), theme.DocumentSaveIcon(), func() { t.saveCells(nil) })
	t.save.Importance = widget.HighImportance
	t.status = widget.NewLabel("")
	t.status.Wrapping = fyne.TextWrapWord
	t.cells = container.NewVBox()
	from, to := t.yearMonths()
	t.who.setLevel(data.LevelClient, from, to)
	intro := widget.NewLabel(T("kpi.grid.intro"))
	intro.Wrapping = fyne.TextWrapWord
	controls := container.NewVBox(intro,
		container.NewHBox(widget.NewLabel(T("field.level")), sized(t.level, 150), t.who.button,
			widget.NewLabel(T("kpi.year")), sized(t.year, 110), t.targets, t.save), t.status)
	t.root = container.NewBorder(controls, nil, nil, nil, container.NewScroll(t.cells))
	return t
}

func (t *kpiGridTab) yearMonths() (data.Month, data.Month) {
	y := t.year.value()
	return data.MonthFor(y, time.January), data.MonthFor(y, time.December)
}

func (t *kpiGridTab) setCatalogue([]data.KPI) {}

func (t *kpiGridTab) targetMode() bool { return t.targets.Selected == T("kpi.grid.targets") }

// entity is whose grid is open; ok is false while none is chosen.
func (t *kpiGridTab) entity() (id int64, ok bool) {
	if t.level.value() == data.LevelDepartment {
		return 0, true
	}
	chosen := t.who.chosen()
	if len(chosen) == 0 {
		return 0, false
	}
	return chosen[0], true
}

// refresh loads the grid the controls name. Cells typed and not saved are never
// dropped: the same grid stays as it is, and before another opens the user is
// asked whether to save them.
func (t *kpiGridTab) refresh() {
	id, ok := t.entity()
	if !ok {
		t.status.SetText(T("kpi.grid.choose"))
		if !t.dirty() {
			t.cells.Objects = nil
			t.cells.Refresh()
			t.save.Disable()
		}
		return
	}
	want := gridView{t.level.value(), id, t.year.value(), t.targetMode()}
	switch {
	case !t.dirty():
		t.load(want)
	case want != t.shown:
		t.askToSave(want)
	}
}

func (t *kpiGridTab) load(v gridView) {
	load(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) (data.KPIGrid, error) {
		return st.KPIGrid(ctx, v.level, v.entity, v.year)
	}, func(g data.KPIGrid) { t.show(v, g) })
}

// dirty reports cells typed and not saved.
func (t *kpiGridTab) dirty() bool {
	for key, e := range t.inputs {
		if strings.TrimSpace(e.Text) != t.typed[key] {
			return true
		}
	}
	return false
}

// askToSave offers to save the open grid's changes before another grid opens.
func (t *kpiGridTab) askToSave(next gridView) {
	t.s.app.showDialog(dialog.NewConfirm(T("kpi.grid.unsaved_title"), T("kpi.grid.unsaved"), func(keep bool) {
		if keep {
			t.saveCells(func() { t.load(next) })
			return
		}
		t.inputs = nil
		t.load(next)
	}, t.s.app.win))
}

// show lays out a row per month and a column per KPI, cells filled from the grid.
func (t *kpiGridTab) show(v gridView, g data.KPIGrid) {
	t.grid, t.shown = g, v
	t.inputs, t.typed = map[gridKey]*widgets.Entry{}, map[gridKey]string{}
	if len(g.KPIs) == 0 {
		t.cells.Objects = nil
		t.cells.Refresh()
		t.status.SetText(Tf("kpi.grid.none", map[string]any{"Level": T("kpi.level_by." + t.level.value())}))
		t.save.Disable()
		return
	}
	lang := currentLang()
	header := []fyne.CanvasObject{widget.NewLabel("")}
	for _, k := range g.KPIs {
		l := widget.NewLabelWithStyle(k.Name(lang)+", "+T("kpi.unit."+k.Unit), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		header = append(header, l)
	}
	rows := []fyne.CanvasObject{container.NewGridWithColumns(len(g.KPIs)+1, header...)}
	last := data.MonthOf(t.s.app.today())
	for m := 1; m <= 12; m++ {
		month := data.MonthFor(g.Year, time.Month(m))
		line := []fyne.CanvasObject{widget.NewLabel(charts.MonthYearLabel(lang, month.First()))}
		for _, k := range g.KPIs {
			e := widgets.NewEntry()
			key := gridKey{k.ID, m}
			e.SetText(cellText(g.Cell(k.ID, m), v.targets))
			if month > last && !v.targets {
				e.Disable() // values of months to come cannot be known yet
			}
			t.inputs[key], t.typed[key] = e, e.Text
			line = append(line, e)
		}
		rows = append(rows, container.NewGridWithColumns(len(g.KPIs)+1, line...))
	}
	t.cells.Objects = rows
	t.cells.Refresh()
	t.status.SetText(t.note)
	t.note = ""
	t.save.Enable()
}

// cellText writes a cell's number as a person would type it back.
func cellText(c data.KPIGridCell, target bool) string {
	v := c.Value
	if target {
		v = c.Target
	}
	if v == nil {
		return ""
	}
	return number(*v, 4)
}

// saveCells reads the changed cells of the grid shown and writes them in one
// transaction; then runs next (nil: refresh).
func (t *kpiGridTab) saveCells(next func()) {
	v := t.shown
	var edits []data.KPIGridEdit
	var unreadable []string
	for key, e := range t.inputs {
		e.SetValidationError(nil)
		text := strings.TrimSpace(e.Text)
		if text == t.typed[key] {
			continue
		}
		edit := data.KPIGridEdit{KPIID: key.kpi, Month: data.MonthFor(v.year, time.Month(key.month)), Target: v.targets}
		if text != "" {
			amount, err := parse.Number(text)
			if err != nil {
				e.SetValidationError(err)
				unreadable = append(unreadable, t.cellName(edit)+": "+T("err.not_number"))
				continue
			}
			edit.Amount = &amount
		}
		edits = append(edits, edit)
	}
	if len(unreadable) > 0 {
		t.status.SetText(T("kpi.grid.refused") + "\n" + strings.Join(unreadable, "\n"))
		return
	}
	if len(edits) == 0 {
		t.status.SetText(T("kpi.grid.nothing"))
		return
	}
	if next == nil {
		next = t.refresh // the grid the controls name, now that nothing is unsaved
	}
	t.save.Disable()
	save(t.s.app, func(ctx context.Context, st *data.Store) error {
		return st.SaveKPIGrid(ctx, v.level, v.entity, edits)
	}, func(err error) {
		t.save.Enable()
		if err != nil {
			t.showErrors(err, edits)
			return
		}
		t.note = Tf("kpi.grid.saved", map[string]any{"Count": len(edits)})
		t.inputs = nil
		next()
	})
}

// showErrors marks the refused cells and lists them, month and KPI first.
func (t *kpiGridTab) showErrors(err error, edits []data.KPIGridEdit) {
	v, ok := data.AsValidation(err)
	if !ok {
		t.status.SetText(describeError(err))
		return
	}
	byField := map[string]data.KPIGridEdit{}
	for _, e := range edits {
		byField[data.GridField(e)] = e
	}
	var lines []string
	for _, f := range v.Fields {
		e, known := byField[f.Field]
		msg := Tf("err."+f.Code, formatParams(f.Params))
		if !known {
			lines = append(lines, msg)
			continue
		}
		if in := t.inputs[gridKey{e.KPIID, int(e.Month.Number())}]; in != nil {
			in.SetValidationError(errorText(msg))
		}
		lines = append(lines, t.cellName(e)+": "+msg)
	}
	t.status.SetText(T("kpi.grid.refused") + "\n" + strings.Join(lines, "\n"))
}

// cellName names a cell in a message: "март 2026, Заявки".
func (t *kpiGridTab) cellName(e data.KPIGridEdit) string {
	name := ""
	for _, k := range t.grid.KPIs {
		if k.ID == e.KPIID {
			name = k.Name(currentLang())
		}
	}
	return charts.MonthYearLabel(currentLang(), e.Month.First()) + ", " + name
}

// errorText is a message as an error, for an entry's validation mark.
type errorText string

func (e errorText) Error() string { return string(e) }
