package ui

import (
	"context"
	"image"
	"strconv"
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

// periodPicker chooses the months of a trend: the last 6, 12 or 24 full months, a
// calendar year, or months typed by hand.
type periodPicker struct {
	app      *App
	preset   *choice[string]
	from, to *widgets.Entry
	custom   *fyne.Container
	changed  func()
}

const (
	periodLast6  = "last:6"
	periodLast12 = "last:12"
	periodLast24 = "last:24"
	periodCustom = "custom"
)

func newPeriodPicker(a *App, changed func()) *periodPicker {
	p := &periodPicker{app: a, changed: changed}
	p.from, p.to = widgets.NewEntry(), widgets.NewEntry()
	for _, e := range []*widgets.Entry{p.from, p.to} {
		e.SetPlaceHolder(T("kpi.month_hint"))
		e.OnSubmitted = func(string) { p.changed() }
	}
	p.custom = container.NewHBox(widget.NewLabel(T("kpi.from")), sized(p.from, 110), widget.NewLabel(T("kpi.to")),
		sized(p.to, 110), widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), func() { p.changed() }))
	p.custom.Hide()
	p.preset = newChoice(p.presets(), p.label, func(v string) {
		if v == periodCustom {
			from, to := p.presetMonths(periodLast12)
			p.from.SetText(monthText(from))
			p.to.SetText(monthText(to))
			p.custom.Show()
		} else {
			p.custom.Hide()
		}
		p.changed()
	})
	p.preset.setValueQuietly(periodLast12)
	return p
}

func (p *periodPicker) object() fyne.CanvasObject {
	return container.NewHBox(sized(p.preset, 240), p.custom)
}

// presets: the last months, the calendar years of the last five, custom.
func (p *periodPicker) presets() []string {
	out := []string{periodLast6, periodLast12, periodLast24}
	year := p.app.lastFullMonth().Year()
	for y := year; y > year-5; y-- {
		out = append(out, "year:"+yearText(y))
	}
	return append(out, periodCustom)
}

func (p *periodPicker) label(v string) string {
	switch {
	case v == periodCustom:
		return T("kpi.period.custom")
	case strings.HasPrefix(v, "year:"):
		return Tf("kpi.period.year", map[string]any{"Year": strings.TrimPrefix(v, "year:")})
	}
	return T("kpi.period." + strings.ReplaceAll(v, ":", "_"))
}

// months is the range chosen; typed months that cannot be read fall back to the
// last 12 months (the fields say what is wrong).
func (p *periodPicker) months() (from, to data.Month) {
	v := p.preset.value()
	if v != periodCustom {
		return p.presetMonths(v)
	}
	f, errFrom := parse.Period(p.from.Text)
	t, errTo := parse.Period(p.to.Text)
	p.from.SetValidationError(errFrom)
	p.to.SetValidationError(errTo)
	if errFrom != nil || errTo != nil || f.IsZero() || t.IsZero() {
		return p.presetMonths(periodLast12)
	}
	return data.MonthOf(f), data.MonthOf(t)
}

func (p *periodPicker) presetMonths(v string) (from, to data.Month) {
	last := p.app.lastFullMonth()
	switch v {
	case periodLast6:
		return last - 5, last
	case periodLast24:
		return last - 23, last
	}
	if y, ok := strings.CutPrefix(v, "year:"); ok {
		if year, err := strconv.Atoi(y); err == nil {
			return data.MonthFor(year, 1), min(data.MonthFor(year, 12), last)
		}
	}
	return last - 11, last
}

// sized gives an input a fixed width in a row of controls.
func sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// entityPicker chooses up to max managers or clients: a button that opens a
// searchable checklist of those who were served or led in the period.
type entityPicker struct {
	app     *App
	max     int
	level   string
	from    data.Month
	to      data.Month
	picked  []kpi.Entity
	button  *widget.Button
	changed func()
	loads   ticket
}

func newEntityPicker(a *App, max int, changed func()) *entityPicker {
	p := &entityPicker{app: a, max: max, changed: changed}
	p.button = widget.NewButtonWithIcon("", theme.AccountIcon(), p.open)
	p.button.Hide()
	return p
}

// setLevel switches between managers and clients (the department needs no one);
// the choice is kept only while the level stays.
func (p *entityPicker) setLevel(level string, from, to data.Month) {
	if level != p.level {
		p.picked = nil
	}
	p.level, p.from, p.to = level, from, to
	if level == data.LevelDepartment {
		p.button.Hide()
	} else {
		p.button.Show()
	}
	p.updateButton()
}

func (p *entityPicker) updateButton() {
	if p.level == data.LevelDepartment {
		return
	}
	if len(p.picked) == 0 {
		p.button.SetText(T(p.chooseKey()))
		p.button.Importance = widget.HighImportance
	} else {
		p.button.SetText(p.picked[0].Name)
		if len(p.picked) > 1 {
			p.button.SetText(Tf("kpi.chosen", map[string]any{"Count": len(p.picked), "First": p.picked[0].Name}))
		}
		p.button.Importance = widget.MediumImportance
	}
	p.button.Refresh()
}

// chooseKey is the button's words: choose clients, or a client when one is chosen.
func (p *entityPicker) chooseKey() string {
	if p.max == 1 {
		return "kpi.choose_one." + p.level
	}
	return "kpi.choose." + p.level
}

func (p *entityPicker) chosen() []int64 {
	ids := make([]int64, len(p.picked))
	for i, e := range p.picked {
		ids[i] = e.ID
	}
	return ids
}

// setChosen picks entities directly (tests, and the ranking's "show the trend").
func (p *entityPicker) setChosen(es []kpi.Entity) {
	p.picked = es
	p.updateButton()
}

// open loads whom the level has in the period, then shows the checklist.
func (p *entityPicker) open() {
	level, from, to := p.level, p.from, p.to
	load(p.app, &p.loads, func(ctx context.Context, st *data.Store) ([]kpi.Entity, error) {
		if level == data.LevelManager {
			return kpi.ManagersLeading(ctx, st, from, to)
		}
		return kpi.ClientsServed(ctx, st, from, to)
	}, p.show)
}

func (p *entityPicker) show(all []kpi.Entity) {
	picked := map[int64]bool{}
	for _, e := range p.picked {
		picked[e.ID] = true
	}
	shown := all
	note := widget.NewLabel("")
	count := func() {
		note.SetText(Tf("kpi.picked_of", map[string]any{"Count": len(picked), "Max": p.max}))
	}
	count()
	var list *widget.List
	list = widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(shown) {
				return
			}
			e := shown[id]
			c := o.(*widget.Check)
			c.OnChanged = nil
			c.Text = e.Name
			c.Checked = picked[e.ID]
			c.Refresh()
			c.OnChanged = func(on bool) {
				switch {
				case on && p.max == 1: // one to choose: the new choice replaces the old
					clear(picked)
					picked[e.ID] = true
					list.Refresh()
				case on && len(picked) >= p.max:
					c.SetChecked(false)
				case on:
					picked[e.ID] = true
				default:
					delete(picked, e.ID)
				}
				count()
			}
		})
	search := widgets.NewEntry()
	search.SetPlaceHolder(T("kpi.search"))
	search.OnChanged = func(q string) {
		shown = filterEntities(all, q)
		list.Refresh()
	}
	content := container.NewBorder(container.NewVBox(search, note), nil, nil, nil, list)
	d := dialog.NewCustomConfirm(T(p.chooseKey()), T("action.choose_done"), T("action.cancel"), content,
		func(ok bool) {
			if !ok {
				return
			}
			p.picked = p.picked[:0]
			for _, e := range all {
				if picked[e.ID] {
					p.picked = append(p.picked, e)
				}
			}
			p.updateButton()
			p.changed()
		}, p.app.win)
	d.Resize(fyne.NewSize(480, 560))
	p.app.showDialog(d)
}

func filterEntities(all []kpi.Entity, q string) []kpi.Entity {
	q = data.Fold(strings.TrimSpace(q))
	if q == "" {
		return all
	}
	var out []kpi.Entity
	for _, e := range all {
		if strings.Contains(data.Fold(e.Name), q) {
			out = append(out, e)
		}
	}
	return out
}

// showChecklist shows a check group in a dialog; done runs when it is accepted.
func (a *App) showChecklist(title, intro string, group *widget.CheckGroup, done func()) {
	text := widget.NewLabel(intro)
	text.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(text, nil, nil, nil, container.NewVScroll(group))
	d := dialog.NewCustomConfirm(title, T("action.choose_done"), T("action.cancel"), content, func(ok bool) {
		if ok {
			done()
		}
	}, a.win)
	d.Resize(fyne.NewSize(480, 420))
	a.showDialog(d)
}

// emptyChart draws a message where a chart will be.
func emptyChart(a *App, message string) func(w, h int) (image.Image, error) {
	return charts.LineChart{Empty: message, Style: screenChartStyle(a)}.Image
}
