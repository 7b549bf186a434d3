package ui

import (
	"context"
	"image"
	"maps"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/audit"
	"leadboard/ui/widgets"
)

// auditChecklistTab shows one audit: its score by section as a chart and every item
// of the checklist with its rating and the figures from the data; clicking an item
// rates it.
type auditChecklistTab struct {
	s       *auditScreen
	loads   ticket
	current checklistData
	chosen  int64 // the audit shown, or to show next (0: the latest)
	// evidence caches each audit's figures (by audit id): they take a while to
	// figure and do not change while an item is rated. The map is replaced, never
	// changed, so a load in the background may read the one it was given.
	evidence map[int64]map[string]audit.Figure

	pick    *choice[int64]
	edit    *widget.Button
	overall *widget.Label
	chart   *widgets.ChartView
	items   *widgets.Table[checklistRow]
	root    fyne.CanvasObject
}

// checklistData is what the tab shows, loaded together.
type checklistData struct {
	audits   []data.Audit // the latest first
	audit    data.Audit   // the one shown (ID 0: there is none yet)
	ratings  map[string]data.AuditItem
	result   audit.Result
	evidence map[string]audit.Figure
	people   []data.StaffRow
	names    map[int64]string
}

// checklistRow is an item of the checklist as the table shows it.
type checklistRow struct {
	order   int // place in the checklist
	item    audit.Item
	section audit.Section
	rated   data.AuditItem
	figures string
	owner   string
}

func newAuditChecklistTab(s *auditScreen) *auditChecklistTab {
	t := &auditChecklistTab{s: s}
	t.pick = newChoice([]int64{}, func(int64) string { return "" }, t.show)
	add := widget.NewButtonWithIcon(T("audit.ui.new"), theme.ContentAddIcon(), func() { t.editAudit(data.Audit{}) })
	add.Importance = widget.HighImportance
	t.edit = widget.NewButtonWithIcon(T("action.edit"), theme.DocumentCreateIcon(), func() { t.editAudit(t.current.audit) })
	t.edit.Disable()
	saveChart := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), t.exportChart)
	saveItems := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), t.exportItems)
	t.overall = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.overall.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(T("audit.ui.rate_hint"))
	hint.Wrapping = fyne.TextWrapWord
	t.chart = widgets.NewChartView(fyne.NewSize(560, 240), s.app.background)
	t.items = widgets.NewTable(checklistColumns(), T("audit.ui.no_audits"))
	t.items.OnSelected = t.rate
	controls := container.NewHBox(widget.NewLabel(T("field.audit")), sized(t.pick, 440), add, t.edit,
		layout.NewSpacer(), saveChart, saveItems)
	split := container.NewVSplit(t.chart, container.NewBorder(hint, nil, nil, nil, t.items))
	split.Offset = 0.4
	t.root = container.NewBorder(container.NewVBox(controls, t.overall), nil, nil, nil, split)
	return t
}

func checklistColumns() []widgets.Column[checklistRow] {
	type row = checklistRow
	byOrder := func(a, b row) bool { return a.order < b.order }
	return []widgets.Column[row]{
		{Title: T("field.item"), Width: 64, Text: func(r row) string { return r.item.Code }, Less: byOrder},
		{Title: T("audit.ui.col.section"), Width: 215, Text: func(r row) string { return audit.SectionLabel(r.section, currentLang()) },
			Less: byOrder},
		{Title: T("audit.ui.col.statement"), Width: 400, Text: func(r row) string { return r.item.Text(currentLang()) },
			Less: func(a, b row) bool { return lessText(a.item.Text(currentLang()), b.item.Text(currentLang())) }},
		{Title: T("field.rating"), Width: 175, Importance: ratingImportance,
			Text: func(r row) string { return audit.RatingName(currentLang(), r.rated.Rating) },
			Less: func(a, b row) bool { return ratingRank(a.rated.Rating) < ratingRank(b.rated.Rating) }},
		{Title: T("audit.ui.col.figures"), Width: 400, Text: func(r row) string { return r.figures }},
		{Title: T("field.owner"), Width: 220, Text: func(r row) string { return r.owner },
			Less: func(a, b row) bool { return lessText(a.owner, b.owner) }},
	}
}

// ratingRank orders ratings from the worst: not rated, not in place, partly, in place.
func ratingRank(rating string) int {
	for i, r := range data.AuditRatings {
		if r == rating {
			return i + 1
		}
	}
	return 0
}

func ratingImportance(r checklistRow) widget.Importance {
	switch r.rated.Rating {
	case "not_in_place":
		return widget.DangerImportance
	case "partly":
		return widget.WarningImportance
	case "in_place":
		return widget.SuccessImportance
	}
	return widget.LowImportance
}

// forgetEvidence makes the next load figure the evidence again.
func (t *auditChecklistTab) forgetEvidence() { t.evidence = nil }

// reload reads the chosen audit (the latest when none is chosen), its ratings and,
// unless they are cached, its figures as of its day.
func (t *auditChecklistTab) reload() {
	chosen, cache := t.chosen, t.evidence
	load(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) (checklistData, error) {
		var d checklistData
		var err error
		if d.audits, err = st.Audits(ctx); err != nil {
			return d, err
		}
		for _, a := range d.audits {
			if a.ID == chosen || d.audit.ID == 0 {
				d.audit = a
			}
			if a.ID == chosen {
				break
			}
		}
		if d.people, d.names, err = staffNames(ctx, st); err != nil {
			return d, err
		}
		if d.audit.ID == 0 {
			return d, nil
		}
		if d.ratings, err = st.AuditItems(ctx, d.audit.ID); err != nil {
			return d, err
		}
		d.result = audit.Score(d.audit, d.ratings)
		if d.evidence = cache[d.audit.ID]; d.evidence == nil {
			d.evidence, err = audit.Evidence(ctx, st, d.audit.HeldOn)
		}
		return d, err
	}, t.apply)
}

func (t *auditChecklistTab) apply(d checklistData) {
	t.current, t.chosen = d, d.audit.ID
	if d.audit.ID != 0 {
		next := maps.Clone(t.evidence)
		if next == nil {
			next = map[int64]map[string]audit.Figure{}
		}
		next[d.audit.ID] = d.evidence
		t.evidence = next
	}
	ids := make([]int64, len(d.audits))
	labels := make(map[int64]string, len(d.audits))
	for i, a := range d.audits {
		ids[i], labels[a.ID] = a.ID, auditLabel(a)
	}
	t.pick.setValues(ids, func(id int64) string { return labels[id] })
	t.pick.setValueQuietly(d.audit.ID)
	if d.audit.ID == 0 {
		t.edit.Disable()
		t.overall.SetText(T("audit.ui.no_audits"))
		t.items.SetRows(nil)
		t.chart.SetChart(func(w, h int) (image.Image, error) {
			return audit.SectionChart(audit.Result{}, currentLang(), screenChartStyle(t.s.app)).Image(w, h)
		})
		return
	}
	t.edit.Enable()
	t.overall.SetText(overallText(d.result))
	t.items.SetRows(t.rows(d))
	c := audit.SectionChart(d.result, currentLang(), screenChartStyle(t.s.app))
	t.chart.SetChart(func(w, h int) (image.Image, error) { return c.Image(w, h) })
}

// overallText is the audit's overall score and how much of it is rated.
func overallText(r audit.Result) string {
	score := T("audit.ui.no_score")
	if !math.IsNaN(r.Overall) {
		score = number(math.Round(r.Overall), 0) + " %"
	}
	return Tf("audit.ui.overall", map[string]any{"Score": score, "Rated": r.Rated, "Items": r.Items})
}

func (t *auditChecklistTab) rows(d checklistData) []checklistRow {
	lang := currentLang()
	var out []checklistRow
	for _, s := range d.result.Sections {
		for _, it := range s.Section.Items {
			rated := d.ratings[it.Code]
			rated.Code = it.Code
			out = append(out, checklistRow{order: len(out), item: it, section: s.Section, rated: rated,
				figures: audit.FiguresText(it, d.evidence, lang), owner: d.names[rated.OwnerID]})
		}
	}
	return out
}

// editAudit opens the form of an audit (ID 0: a new one, held today).
func (t *auditChecklistTab) editAudit(a data.Audit) {
	a0 := a
	if a0.ID == 0 {
		a0.HeldOn = t.s.app.today()
	}
	held := newDateField()
	held.SetDate(a0.HeldOn)
	title := widgets.NewEntry()
	title.SetText(a0.Title)
	title.SetPlaceHolder(T("audit.ui.title_hint"))
	form := widgets.NewForm()
	form.SetIntro(T("audit.ui.new_intro"))
	form.Add("held_on", T("field.held_on"), held, true)
	form.Add("title", T("field.title"), title, false)
	heading := T("audit.ui.new")
	if a.ID != 0 {
		heading = T("audit.ui.edit")
	}
	t.s.app.showFormDialog(heading, form, 560, func(done func(error)) {
		in := &inputs{form: form}
		edited := data.Audit{ID: a.ID, HeldOn: in.date("held_on", held), Title: in.text(title)}
		if err := in.err(); err != nil {
			done(err)
			return
		}
		var id int64
		saveRecord(t.s.app, done, func(ctx context.Context, st *data.Store) error {
			var err error
			id, err = st.SaveAudit(ctx, edited)
			return err
		}, func() { t.show(id) })
	})
}

// show opens an audit by id.
func (t *auditChecklistTab) show(id int64) {
	t.chosen = id
	t.reload()
}

func (t *auditChecklistTab) exportChart() {
	if t.current.audit.ID == 0 {
		return
	}
	c := audit.SectionChart(t.current.result, currentLang(), charts.Print)
	t.s.app.chartExportDialog(c.Title, c.PNG, c.SVG)
}

func (t *auditChecklistTab) exportItems() {
	d := t.current
	if d.audit.ID == 0 {
		return
	}
	t.s.app.exportDialog(audit.ItemsTable(d.result, d.ratings, d.evidence, d.names, currentLang()), d.result.Items)
}
