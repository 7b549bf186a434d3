package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/kpi"
	"leadboard/data/review"
	"leadboard/ui/widgets"
)

// templatesTab edits a grade's review criteria (saving writes a new version; cycles
// under way keep theirs), the score thresholds of the bands, and the departments
// that give feedback.
type templatesTab struct {
	s        *reviewsScreen
	loads    ticket
	grades   []data.GradeLevel
	grade    *choice[int64]
	version  *widget.Label
	criteria []data.ReviewCriterion // the draft being edited
	list     *widgets.Table[data.ReviewCriterion]
	selected int  // the row chosen in the list, -1 none
	edited   bool // the draft has changes not saved: a reload keeps it
	sum      *widget.Label
	problem  *widget.Label
	bands    *bandsEditor
	depts    *departmentsEditor
	root     fyne.CanvasObject
}

func newTemplatesTab(s *reviewsScreen) *templatesTab {
	t := &templatesTab{s: s, selected: -1}
	t.grade = newChoice([]int64{}, func(int64) string { return "" }, func(int64) {
		t.edited = false // another grade: its own template
		t.reload()
	})
	t.version = widget.NewLabel("")
	t.sum = widget.NewLabel("")
	t.problem = widget.NewLabel("")
	t.problem.Importance = widget.DangerImportance
	t.problem.Wrapping = fyne.TextWrapWord
	t.problem.Hide()
	t.list = widgets.NewTable(criterionColumns(), T("reviews.no_criteria"))
	t.list.OnSelected = func(c data.ReviewCriterion) { t.editCriterion(t.indexOf(c)) }
	add := widget.NewButtonWithIcon(T("reviews.add_criterion"), theme.ContentAddIcon(), func() { t.editCriterion(-1) })
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { t.move(-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { t.move(1) })
	reset := widget.NewButton(T("reviews.reset_default"), t.resetToDefault)
	saveBtn := widget.NewButtonWithIcon(T("reviews.save_template"), theme.DocumentSaveIcon(), t.save)
	saveBtn.Importance = widget.HighImportance
	grade := container.NewHBox(widget.NewLabel(T("field.grade")), sized(t.grade, 220), t.version)
	tools := container.NewHBox(add, up, down, reset, saveBtn)
	intro := widget.NewLabel(T("reviews.templates_intro"))
	intro.Wrapping = fyne.TextWrapWord
	template := container.NewBorder(container.NewVBox(grade, tools, t.sum, t.problem, intro), nil, nil, nil, t.list)
	t.bands = newBandsEditor(s)
	t.depts = newDepartmentsEditor(s)
	side := container.NewVBox(t.bands.root, widget.NewSeparator(), t.depts.root)
	split := container.NewHSplit(template, container.NewScroll(side)) // scrolls both ways: the screen stays narrow
	split.Offset = 0.66
	t.root = split
	return t
}

type templateData struct {
	grades   []data.GradeLevel
	current  data.ReviewTemplate
	bands    review.Bands
	depts    []data.Department
	gradeID  int64
	criteria []data.ReviewCriterion
}

func (t *templatesTab) reload() {
	gradeID := t.grade.value()
	load(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) (templateData, error) {
		var d templateData
		var err error
		if d.grades, err = st.Grades(ctx); err != nil {
			return d, err
		}
		if gradeID == 0 && len(d.grades) > 0 {
			gradeID = d.grades[0].ID
		}
		d.gradeID = gradeID
		if d.current, err = st.CurrentTemplate(ctx, gradeID); err != nil {
			return d, err
		}
		if d.bands, err = st.ReviewBands(ctx); err != nil {
			return d, err
		}
		d.depts, err = st.Departments(ctx)
		return d, err
	}, t.apply)
}

func (t *templatesTab) apply(d templateData) {
	t.grades = d.grades
	ids, name := gradeOptions(d.grades)
	t.grade.setValues(ids, name)
	t.grade.setValueQuietly(d.gradeID)
	t.bands.set(d.bands)
	t.depts.set(d.depts)
	if t.edited {
		return // the lead's draft stays until saved or another grade is chosen
	}
	t.criteria = d.current.Criteria
	if d.current.ID == 0 { // no version yet: start from the default for the grade
		t.criteria = data.DefaultCriteria(t.gradeCode(d.gradeID))
		t.version.SetText(T("reviews.template_default"))
	} else {
		t.version.SetText(Tf("reviews.template_version", map[string]any{"Version": d.current.Version}))
	}
	t.setProblem("")
	t.show()
}

// setProblem shows why the template cannot be saved ("" hides it).
func (t *templatesTab) setProblem(text string) {
	t.problem.SetText(text)
	if text == "" {
		t.problem.Hide()
	} else {
		t.problem.Show()
	}
}

func (t *templatesTab) gradeCode(id int64) string {
	for _, g := range t.grades {
		if g.ID == id {
			return g.Code
		}
	}
	return ""
}

func (t *templatesTab) show() {
	t.list.SetRows(slices.Clone(t.criteria))
	total := 0
	for _, c := range t.criteria {
		total += c.Weight
	}
	t.sum.SetText(Tf("reviews.weights_total", map[string]any{"Sum": total}))
	t.sum.Importance = widget.SuccessImportance
	if total != 100 {
		t.sum.Importance = widget.DangerImportance
	}
	t.sum.Refresh()
}

func (t *templatesTab) indexOf(c data.ReviewCriterion) int {
	t.selected = slices.IndexFunc(t.criteria, func(x data.ReviewCriterion) bool { return x.Code == c.Code })
	return t.selected
}

// move shifts the chosen criterion up (-1) or down (+1).
func (t *templatesTab) move(step int) {
	i, j := t.selected, t.selected+step
	if i < 0 || j < 0 || j >= len(t.criteria) {
		return
	}
	t.criteria[i], t.criteria[j] = t.criteria[j], t.criteria[i]
	t.selected = j
	t.edited = true
	t.show()
}

func (t *templatesTab) resetToDefault() {
	t.criteria = data.DefaultCriteria(t.gradeCode(t.grade.value()))
	t.edited = true
	t.show()
}

// save writes the draft as the grade's next version.
func (t *templatesTab) save() {
	gradeID, criteria := t.grade.value(), slices.Clone(t.criteria)
	if err := data.ValidateCriteria(criteria); err != nil {
		t.setProblem(describeError(err))
		return
	}
	save(t.s.app, func(ctx context.Context, st *data.Store) error {
		_, err := st.SaveTemplate(ctx, gradeID, criteria)
		return err
	}, func(err error) {
		if err != nil {
			t.setProblem(describeError(err))
			return
		}
		t.edited = false
		t.reload()
	})
}

func criterionColumns() []widgets.Column[data.ReviewCriterion] {
	return []widgets.Column[data.ReviewCriterion]{
		{Title: T("reviews.col.criterion"), Width: 360, Text: func(c data.ReviewCriterion) string { return c.Name(currentLang()) }},
		{Title: T("reviews.col.weight"), Width: 70, Align: fyne.TextAlignTrailing,
			Text: func(c data.ReviewCriterion) string { return integer(c.Weight) + " %" }},
		{Title: T("reviews.col.evidence"), Width: 420, Text: func(c data.ReviewCriterion) string {
			names := make([]string, len(c.Evidence))
			for i, code := range c.Evidence {
				names[i] = T("evidence." + code)
			}
			return strings.Join(names, ", ")
		}},
	}
}

// editCriterion edits the criterion at i, or adds one (i < 0); deleting is offered
// for an existing one.
func (t *templatesTab) editCriterion(i int) {
	a := t.s.app
	var c data.ReviewCriterion
	if i >= 0 {
		c = t.criteria[i]
	}
	form := widgets.NewForm()
	code := widgets.NewEntry()
	code.SetText(c.Code)
	code.SetPlaceHolder(T("hint.criterion_code"))
	nameRU, nameEN := widgets.NewEntry(), widgets.NewEntry()
	nameRU.SetText(c.NameRU)
	nameEN.SetText(c.NameEN)
	weight := widgets.NewEntry()
	if c.Weight > 0 {
		weight.SetText(integer(c.Weight))
	}
	form.Add("code", T("field.code"), code, true)
	form.Add("name_ru", T("field.name_ru"), nameRU, true)
	form.Add("name_en", T("field.name_en"), nameEN, true)
	form.Add("weight", T("field.weight"), weight, true)
	var anchorsRU, anchorsEN [5]*widgets.Entry
	for n := range 5 {
		anchorsRU[n], anchorsEN[n] = widgets.NewMultiLineEntry(), widgets.NewMultiLineEntry()
		anchorsRU[n].SetText(c.AnchorsRU[n])
		anchorsEN[n].SetText(c.AnchorsEN[n])
		anchorsRU[n].SetMinRowsVisible(2)
		anchorsEN[n].SetMinRowsVisible(2)
		form.Add(anchorField("ru", n), Tf("field.anchor_ru", map[string]any{"N": n + 1}), anchorsRU[n], true)
		form.Add(anchorField("en", n), Tf("field.anchor_en", map[string]any{"N": n + 1}), anchorsEN[n], true)
	}
	evidenceLabels := make([]string, len(kpi.EvidenceCodes))
	for n, e := range kpi.EvidenceCodes {
		evidenceLabels[n] = T("evidence." + e)
	}
	evidence := widget.NewCheckGroup(evidenceLabels, nil)
	for _, e := range c.Evidence {
		if n := slices.Index(kpi.EvidenceCodes, e); n >= 0 {
			evidence.Selected = append(evidence.Selected, evidenceLabels[n])
		}
	}
	form.Add("evidence", T("field.evidence"), evidence, false)
	title := T("reviews.add_criterion")
	if i >= 0 {
		title = T("reviews.edit_criterion")
	}
	fd := a.showFormDialog(title, form, 760, func(done func(error)) {
		in := inputs{form: form}
		edited := data.ReviewCriterion{Code: in.text(code), NameRU: in.text(nameRU), NameEN: in.text(nameEN),
			Weight: int(in.integer("weight", weight))}
		for n := range 5 {
			edited.AnchorsRU[n] = oneLine(anchorsRU[n].Text)
			edited.AnchorsEN[n] = oneLine(anchorsEN[n].Text)
		}
		for n, label := range evidenceLabels {
			if slices.Contains(evidence.Selected, label) {
				edited.Evidence = append(edited.Evidence, kpi.EvidenceCodes[n])
			}
		}
		if err := in.check(t.validateCriterion(edited, i)); err != nil {
			done(err)
			return
		}
		if i >= 0 {
			t.criteria[i] = edited
		} else {
			t.criteria = append(t.criteria, edited)
		}
		t.edited = true
		t.show()
		done(nil)
	})
	if i >= 0 {
		remove := widget.NewButtonWithIcon(T("action.delete"), theme.DeleteIcon(), func() {
			t.criteria = slices.Delete(t.criteria, i, i+1)
			t.edited = true
			t.show()
			fd.dlg.Hide()
		})
		fd.dlg.SetButtons([]fyne.CanvasObject{remove, widget.NewButton(T("action.cancel"), func() { fd.dlg.Hide() }), fd.save})
	}
}

// validateCriterion checks one criterion on its own: the whole template (weights
// adding up to 100) is checked when it is saved.
func (t *templatesTab) validateCriterion(c data.ReviewCriterion, at int) error {
	var errs []data.FieldError
	if c.Code == "" {
		errs = append(errs, data.FieldError{Field: "code", Code: "required"})
	}
	for i, other := range t.criteria {
		if i != at && other.Code == c.Code && c.Code != "" {
			errs = append(errs, data.FieldError{Field: "code", Code: "duplicate"})
		}
	}
	if c.NameRU == "" {
		errs = append(errs, data.FieldError{Field: "name_ru", Code: "required"})
	}
	if c.NameEN == "" {
		errs = append(errs, data.FieldError{Field: "name_en", Code: "required"})
	}
	if c.Weight < 1 || c.Weight > 100 {
		errs = append(errs, data.FieldError{Field: "weight", Code: "weight_range"})
	}
	for n := range 5 {
		if c.AnchorsRU[n] == "" {
			errs = append(errs, data.FieldError{Field: anchorField("ru", n), Code: "required"})
		}
		if c.AnchorsEN[n] == "" {
			errs = append(errs, data.FieldError{Field: anchorField("en", n), Code: "required"})
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return &data.ValidationError{Fields: errs}
}

// anchorField names the form field of rating n+1's description in a language.
func anchorField(lang string, n int) string { return "anchor_" + lang + "_" + strconv.Itoa(n+1) }

// oneLine keeps an anchor on one line: anchors are stored one per line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
