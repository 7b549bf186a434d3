package ui

import (
	"context"
	"maps"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/health"
	"leadboard/ui/widgets"
)

// healthSettingsTab edits the score's weights and the band thresholds, each
// documented by how its measure is computed. Saving recomputes every score.
type healthSettingsTab struct {
	s          *healthScreen
	shown      health.Settings // as last loaded or saved: typed changes survive a reload
	weights    map[string]*widgets.Entry
	red, amber *widgets.Entry
	form       *widgets.Form
	saved      *widget.Label
	root       fyne.CanvasObject
}

func newHealthSettingsTab(s *healthScreen) *healthSettingsTab {
	t := &healthSettingsTab{s: s, weights: map[string]*widgets.Entry{}, red: widgets.NewEntry(), amber: widgets.NewEntry()}
	lang := currentLang()
	t.form = widgets.NewForm()
	t.form.SetIntro(T("health.settings_intro"))
	for _, code := range health.Measures {
		e := widgets.NewEntry()
		t.weights[code] = e
		t.form.Add("weight_"+code, health.MeasureName(lang, code), documented(e, health.MeasureHow(lang, code)), true)
	}
	t.form.Add("red", T("field.red"), documented(t.red, T("health.threshold.red_how")), true)
	t.form.Add("amber", T("field.amber"), documented(t.amber, T("health.threshold.amber_how")), true)
	t.saved = widget.NewLabel("")
	saveBtn := widget.NewButtonWithIcon(T("action.save"), theme.DocumentSaveIcon(), t.save)
	saveBtn.Importance = widget.HighImportance
	defaults := widget.NewButtonWithIcon(T("health.defaults"), theme.HistoryIcon(), func() { t.fill(health.DefaultSettings()) })
	export := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		t.s.app.exportDialog(health.SettingsTable(t.shown, currentLang()), len(health.Measures)+3)
	})
	note := widget.NewLabel(T("health.settings_note"))
	note.Wrapping = fyne.TextWrapWord
	note.SizeName = theme.SizeNameCaptionText
	body := container.NewVBox(t.form.Object(), note, container.NewHBox(saveBtn, defaults, t.saved, layout.NewSpacer(), export))
	t.root = container.NewVScroll(container.NewPadded(body))
	return t
}

// documented puts a number's explanation beside it, in small print.
func documented(input fyne.CanvasObject, how string) fyne.CanvasObject {
	l := widget.NewLabel(how)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(nil, nil, container.NewVBox(sized(input, 110)), nil, l)
}

// set shows the saved settings, unless the lead has typed others not saved yet.
func (t *healthSettingsTab) set(st health.Settings) {
	if t.typed() {
		return
	}
	t.fill(st)
	t.shown = st
}

func (t *healthSettingsTab) fill(st health.Settings) {
	for code, e := range t.weights {
		e.SetText(settingText(st.Weights[code]))
	}
	t.red.SetText(settingText(st.Red))
	t.amber.SetText(settingText(st.Amber))
	t.form.SetErrors(nil)
}

// settingText writes a weight or threshold with every decimal it has (-1: the
// shortest form that reads back as the same number), so 12,5 stays 12,5 and is
// not saved as 12 the next time.
func settingText(v float64) string { return number(v, -1) }

// typed: the fields hold something other than what was shown.
func (t *healthSettingsTab) typed() bool {
	if t.shown.Weights == nil {
		return false
	}
	for code, e := range t.weights {
		if e.Text != settingText(t.shown.Weights[code]) {
			return true
		}
	}
	return t.red.Text != settingText(t.shown.Red) || t.amber.Text != settingText(t.shown.Amber)
}

// read is the settings as typed, with the fields that cannot be read.
func (t *healthSettingsTab) read() (health.Settings, *inputs) {
	in := &inputs{form: t.form}
	st := health.Settings{Weights: maps.Clone(t.shown.Weights)}
	if st.Weights == nil {
		st.Weights = map[string]float64{}
	}
	for _, code := range health.Measures {
		st.Weights[code] = in.number("weight_"+code, t.weights[code])
	}
	st.Red = in.number("red", t.red)
	st.Amber = in.number("amber", t.amber)
	return st, in
}

// save checks every field at once, stores the settings and computes the scores again.
func (t *healthSettingsTab) save() {
	st, in := t.read()
	if err := in.check(st.Validate()); err != nil {
		showFormError(t.form, err)
		t.saved.SetText("")
		return
	}
	save(t.s.app, func(ctx context.Context, s *data.Store) error { return health.SaveSettings(ctx, s, st) },
		func(err error) {
			if err != nil {
				showFormError(t.form, err)
				return
			}
			t.shown = st
			t.fill(st)
			t.saved.SetText(T("health.settings_saved"))
			t.s.reload()
		})
}
