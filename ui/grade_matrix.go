package ui

import (
	"context"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/competency"
	"leadboard/data/grades"
	"leadboard/ui/widgets"
)

// matrixTab edits the competency matrix: what each grade requires of each
// competency and the behaviour expected. Saving writes a new version; assessments
// keep the version they started on.
type matrixTab struct {
	g       *gradesScreen
	loads   ticket
	grades  []data.GradeLevel
	version int
	draft   []data.Competency
	edited  bool // changes not saved: a reload keeps them
	list    *widgets.Table[data.Competency]
	info    *widget.Label
	problem *widget.Label
	root    fyne.CanvasObject
}

type matrixData struct {
	grades []data.GradeLevel
	matrix data.Matrix
}

func newMatrixTab(g *gradesScreen) *matrixTab {
	m := &matrixTab{g: g}
	m.list = widgets.NewTable[data.Competency](nil, T("grades.no_matrix"))
	m.list.OnSelected = func(c data.Competency) {
		m.edit(slices.IndexFunc(m.draft, func(x data.Competency) bool { return x.Code == c.Code }))
	}
	m.info = widget.NewLabel("")
	m.info.Wrapping = fyne.TextWrapWord
	m.problem = widget.NewLabel("")
	m.problem.Importance = widget.DangerImportance
	m.problem.Wrapping = fyne.TextWrapWord
	m.problem.Hide()
	add := widget.NewButtonWithIcon(T("matrix.add"), theme.ContentAddIcon(), func() { m.edit(-1) })
	reset := widget.NewButton(T("reviews.reset_default"), func() {
		m.draft, m.edited = data.DefaultMatrix(m.grades), true
		m.show()
	})
	saveBtn := widget.NewButtonWithIcon(T("reviews.save_template"), theme.DocumentSaveIcon(), m.save)
	saveBtn.Importance = widget.HighImportance
	m.root = container.NewBorder(container.NewVBox(m.info, container.NewHBox(add, reset, saveBtn), m.problem), nil, nil,
		nil, m.list)
	return m
}

func (m *matrixTab) reload() {
	load(m.g.app, &m.loads, func(ctx context.Context, st *data.Store) (matrixData, error) {
		var d matrixData
		var err error
		if d.grades, err = st.Grades(ctx); err != nil {
			return d, err
		}
		d.matrix, err = st.CurrentMatrix(ctx)
		return d, err
	}, func(d matrixData) {
		m.grades, m.version = d.grades, d.matrix.Version
		m.list.SetColumns(m.columns())
		if !m.edited {
			m.draft = d.matrix.Competencies
			if d.matrix.ID == 0 {
				m.draft = data.DefaultMatrix(d.grades)
			}
		}
		m.show()
	})
}

func (m *matrixTab) show() {
	if m.version == 0 {
		m.info.SetText(T("matrix.intro_default"))
	} else {
		m.info.SetText(Tf("matrix.intro", map[string]any{"Version": m.version}))
	}
	m.list.SetRows(slices.Clone(m.draft))
	m.root.Refresh() // the wrapped intro may take another line
}

// columns: the area, the competency, then each grade's required level.
func (m *matrixTab) columns() []widgets.Column[data.Competency] {
	cols := []widgets.Column[data.Competency]{
		{Title: T("grades.area"), Width: 220, Text: func(c data.Competency) string { return grades.AreaName(currentLang(), c.Area) }},
		{Title: T("plans.col.competency"), Width: 320, Text: func(c data.Competency) string { return c.Name(currentLang()) }},
	}
	for _, g := range m.grades {
		id := g.ID
		title := g.Name(currentLang())
		width := fyne.MeasureText(title, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 4*theme.Padding()
		cols = append(cols, widgets.Column[data.Competency]{Title: title, Width: max(width, 120),
			Align: fyne.TextAlignCenter, Text: func(c data.Competency) string { return strconv.Itoa(c.Levels[id].Required) }})
	}
	return cols
}

func (m *matrixTab) save() {
	comps := slices.Clone(m.draft)
	if err := data.ValidateMatrix(comps, m.grades); err != nil {
		m.setProblem(describeError(err))
		return
	}
	save(m.g.app, func(ctx context.Context, st *data.Store) error {
		_, err := st.SaveMatrix(ctx, comps)
		return err
	}, func(err error) {
		if err != nil {
			m.setProblem(describeError(err))
			return
		}
		m.edited = false
		m.setProblem("")
		m.reload()
	})
}

func (m *matrixTab) setProblem(text string) {
	m.problem.SetText(text)
	showIf(m.problem, text != "")
}

// edit changes the competency at i or adds one (i < 0); an existing one can be
// removed from the draft.
func (m *matrixTab) edit(i int) {
	a := m.g.app
	c := data.Competency{Area: competency.Areas[0].Code, Levels: map[int64]data.CompetencyLevel{}}
	if i >= 0 {
		c = m.draft[i]
	}
	form := widgets.NewForm()
	code := widgets.NewEntry()
	code.SetText(c.Code)
	code.SetPlaceHolder(T("hint.criterion_code"))
	if i >= 0 {
		code.Disable() // plans, courses and past assessments refer to it
	}
	areaCodes := make([]string, len(competency.Areas))
	for n, ar := range competency.Areas {
		areaCodes[n] = ar.Code
	}
	area := newChoice(areaCodes, func(code string) string { return grades.AreaName(currentLang(), code) }, nil)
	area.setValue(c.Area)
	nameRU, nameEN := widgets.NewEntry(), widgets.NewEntry()
	nameRU.SetText(c.NameRU)
	nameEN.SetText(c.NameEN)
	form.Add("code", T("field.code"), code, true)
	form.Add("area", T("grades.area"), area, true)
	form.Add("name_ru", T("field.name_ru"), nameRU, true)
	form.Add("name_en", T("field.name_en"), nameEN, true)
	levels := []int{1, 2, 3, 4}
	type gradeInputs struct {
		required *choice[int]
		ru, en   *widgets.Entry
	}
	inputsByGrade := map[int64]gradeInputs{}
	for _, g := range m.grades {
		l := c.Levels[g.ID]
		in := gradeInputs{required: newChoice(levels, strconv.Itoa, nil), ru: widgets.NewMultiLineEntry(),
			en: widgets.NewMultiLineEntry()}
		in.required.setValue(l.Required)
		in.ru.SetText(l.ExpectationRU)
		in.en.SetText(l.ExpectationEN)
		in.ru.SetMinRowsVisible(2)
		in.en.SetMinRowsVisible(2)
		key := "grade_" + strconv.FormatInt(g.ID, 10)
		form.Add(key+"_level", Tf("matrix.required_at", map[string]any{"Grade": g.Name(currentLang())}), in.required, true)
		form.Add(key+"_ru", T("matrix.expectation_ru"), in.ru, true)
		form.Add(key+"_en", T("matrix.expectation_en"), in.en, true)
		inputsByGrade[g.ID] = in
	}
	title := T("matrix.add")
	if i >= 0 {
		title = T("matrix.edit")
	}
	fd := a.showFormDialog(title, form, 820, func(done func(error)) {
		in := inputs{form: form}
		edited := data.Competency{ID: c.ID, Code: in.text(code), Area: area.value(), NameRU: in.text(nameRU),
			NameEN: in.text(nameEN), Levels: map[int64]data.CompetencyLevel{}}
		for id, x := range inputsByGrade {
			edited.Levels[id] = data.CompetencyLevel{Required: x.required.value(), ExpectationRU: oneLine(x.ru.Text),
				ExpectationEN: oneLine(x.en.Text)}
		}
		draft := slices.Clone(m.draft)
		if i >= 0 {
			draft[i] = edited
		} else {
			draft = append(draft, edited)
		}
		if err := data.ValidateMatrix(draft, m.grades); err != nil {
			done(err)
			return
		}
		m.draft, m.edited = draft, true
		m.show()
		done(nil)
	})
	if i >= 0 {
		remove := widget.NewButtonWithIcon(T("action.delete"), theme.DeleteIcon(), func() {
			m.draft, m.edited = slices.Delete(slices.Clone(m.draft), i, i+1), true
			m.show()
			fd.dlg.Hide()
		})
		fd.dlg.SetButtons([]fyne.CanvasObject{remove, widget.NewButton(T("action.cancel"), func() { fd.dlg.Hide() }), fd.save})
	}
}
