package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/ui/widgets"
)

// settingsScreen holds the language, the theme, the database file and the grade
// ladder.
type settingsScreen struct {
	app      *App
	loads    ticket
	language *choice[string]
	theme    *choice[string]
	dbPath   *widget.Label
	grades   *widgets.Table[data.GradeLevel]
	root     fyne.CanvasObject
}

func newSettingsScreen(a *App) *settingsScreen {
	s := &settingsScreen{app: a}
	prefs := a.fyneApp.Preferences()
	s.language = newChoice([]string{"", "ru", "en"}, func(v string) string { return T("settings.language." + orSystem(v)) },
		func(v string) {
			prefs.SetString(prefLanguage, v)
			if err := setLanguage(v); err != nil {
				a.showError(err)
				return
			}
			a.rebuild() // every label is built anew in the chosen language
		})
	s.language.setValueQuietly(prefs.String(prefLanguage))
	s.theme = newChoice([]string{themeSystem, themeLight, themeDark}, func(v string) string { return T("settings.theme." + v) },
		func(v string) {
			prefs.SetString(prefTheme, v)
			applyTheme(a.fyneApp, v)
		})
	s.theme.setValueQuietly(prefs.StringWithFallback(prefTheme, themeSystem))
	s.dbPath = widget.NewLabel("")
	s.dbPath.Wrapping = fyne.TextWrapBreak
	s.dbPath.Selectable = true

	s.grades = widgets.NewTable(gradeColumns(), T("list.empty"))
	s.grades.OnSelected = func(g data.GradeLevel) { a.editGrade(g, s.reload) }
	addGrade := widget.NewButtonWithIcon(T("grades.add"), theme.ContentAddIcon(), func() {
		next := 1
		for _, g := range s.grades.Rows() {
			if g.Rank >= next {
				next = g.Rank + 1
			}
		}
		a.editGrade(data.GradeLevel{Rank: next, Capacity: 10}, s.reload)
	})
	languageHint := hint(T("settings.language_hint"))
	general := container.New(layout.NewFormLayout(),
		widget.NewLabel(T("settings.language")), container.NewVBox(s.language, languageHint),
		widget.NewLabel(T("settings.theme")), s.theme,
		widget.NewLabel(T("settings.database")), container.NewVBox(s.dbPath, container.NewHBox(a.databaseButtons()...)),
		widget.NewLabel(T("settings.workload")), container.NewHBox(a.workloadFormulaButton()),
	)
	gradesHint := hint(T("grades.hint"))
	gradesHint.Wrapping = fyne.TextWrapWord
	gradeBox := container.NewBorder(container.NewVBox(sectionLabel(T("grades.title")), gradesHint,
		container.NewHBox(addGrade)), nil, nil, nil, s.grades)
	s.root = container.NewBorder(container.NewVBox(sectionLabel(T("nav.settings")), general, widget.NewSeparator()),
		nil, nil, nil, gradeBox)
	return s
}

func orSystem(v string) string {
	if v == "" {
		return "system"
	}
	return v
}

func (s *settingsScreen) title() string             { return T("nav.settings") }
func (s *settingsScreen) object() fyne.CanvasObject { return s.root }

func (s *settingsScreen) reload() {
	st := s.app.store()
	if st == nil {
		s.dbPath.SetText(T("status.no_database"))
		return
	}
	s.dbPath.SetText(st.Path())
	load(s.app, &s.loads, func(ctx context.Context, st *data.Store) ([]data.GradeLevel, error) {
		return st.Grades(ctx)
	}, s.grades.SetRows)
}

func gradeColumns() []widgets.Column[data.GradeLevel] {
	type row = data.GradeLevel
	return []widgets.Column[row]{
		{Title: T("field.rank"), Width: 90, Align: fyne.TextAlignTrailing, Text: func(r row) string { return strconv.Itoa(r.Rank) }},
		{Title: T("field.name_ru"), Width: 280, Text: func(r row) string { return r.NameRU }},
		{Title: T("field.name_en"), Width: 260, Text: func(r row) string { return r.NameEN }},
		{Title: T("field.capacity"), Width: 170, Align: fyne.TextAlignTrailing, Text: func(r row) string { return number(r.Capacity, 1) }},
	}
}

func (a *App) editGrade(g data.GradeLevel, onSaved func()) {
	form := widgets.NewForm()
	code, ru, en, rank, capacity := widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry()
	code.SetText(g.Code)
	code.SetPlaceHolder("junior")
	ru.SetText(g.NameRU)
	en.SetText(g.NameEN)
	rank.SetText(strconv.Itoa(g.Rank))
	capacity.SetText(number(g.Capacity, 1))
	form.Add("code", T("field.code"), code, true)
	form.Add("name_ru", T("field.name_ru"), ru, true)
	form.Add("name_en", T("field.name_en"), en, true)
	form.Add("rank", T("field.rank"), rank, true)
	form.Add("capacity", T("field.capacity"), capacity, true)
	title := T("grades.new")
	if g.ID != 0 {
		title = T("grades.edit")
	}
	a.showFormDialog(title, form, 560, func(done func(error)) {
		in := inputs{form: form}
		edited := g
		edited.Code, edited.NameRU, edited.NameEN = in.text(code), in.text(ru), in.text(en)
		edited.Rank = int(in.integer("rank", rank))
		edited.Capacity = in.number("capacity", capacity)
		if err := in.err(); err != nil {
			done(err)
			return
		}
		save(a, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveGrade(ctx, edited)
			return err
		}, func(err error) {
			done(err)
			if err == nil {
				onSaved()
			}
		})
	})
}
