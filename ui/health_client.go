package ui

import (
	"context"
	"image"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/health"
	"leadboard/ui/widgets"
)

// healthClientPanel is the chosen client's health: the score and why, the lead's
// own score, the last 12 months and each measure with how it is computed.
type healthClientPanel struct {
	t        *healthScoresTab
	loads    ticket
	current  health.ClientHealth // ClientID 0: none chosen
	history  map[int64][]health.MonthScore
	shownGen int   // the scores generation the trend was loaded for
	shownID  int64 // and the client
	heading  *widget.Label
	summary  *widget.Label
	override *widget.Label
	reasons  *widget.Label
	setBtn   *widget.Button
	endBtn   *widget.Button
	trend    *widgets.ChartView
	measures *fyne.Container
	hint     *widget.Label
	body     fyne.CanvasObject
	root     *fyne.Container
}

// healthTrendMonths is how far back a client's health trend looks.
const healthTrendMonths = 12

func newHealthClientPanel(t *healthScoresTab) *healthClientPanel {
	p := &healthClientPanel{t: t}
	p.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.heading.SizeName = theme.SizeNameSubHeadingText
	p.heading.Truncation = fyne.TextTruncateEllipsis
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.override = widget.NewLabel("")
	p.override.Wrapping = fyne.TextWrapWord
	p.override.Importance = widget.HighImportance
	p.reasons = widget.NewLabel("")
	p.reasons.Wrapping = fyne.TextWrapWord
	p.setBtn = widget.NewButtonWithIcon(T("health.override"), theme.DocumentCreateIcon(), p.editOverride)
	p.endBtn = widget.NewButtonWithIcon(T("health.end_override"), theme.ContentUndoIcon(), p.askEndOverride)
	saveTrend := widget.NewButtonWithIcon(T("kpi.save_chart"), theme.DownloadIcon(), p.exportTrend)
	saveHistory := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), p.exportHistory)
	p.trend = widgets.NewChartView(fyne.NewSize(360, 200), t.s.app.background)
	p.measures = container.NewVBox()
	top := container.NewVBox(p.heading, p.summary, p.override, p.reasons, container.NewHBox(p.setBtn, p.endBtn))
	measures := container.NewVScroll(p.measures)
	trend := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), saveTrend, saveHistory), nil, nil, p.trend)
	split := container.NewVSplit(trend, measures)
	split.Offset = 0.45
	p.body = container.NewBorder(top, nil, nil, nil, split)
	p.hint = widget.NewLabel(T("health.choose_client"))
	p.hint.Wrapping = fyne.TextWrapWord
	p.root = container.NewStack(container.NewCenter(p.hint))
	return p
}

// set shows a client (zero: the hint); the trend is loaded again when the client
// or the scores changed.
func (p *healthClientPanel) set(h health.ClientHealth) {
	p.current = h
	if h.ClientID == 0 {
		p.root.Objects = []fyne.CanvasObject{container.NewPadded(p.hint)}
		p.root.Refresh()
		return
	}
	p.root.Objects = []fyne.CanvasObject{p.body}
	p.root.Refresh()
	lang := currentLang()
	p.heading.SetText(h.Client)
	p.summary.SetText(Tf("health.client_summary", map[string]any{"Score": scoreNumber(h.Score),
		"Band": health.BandName(lang, h.Band), "Lead": leadName(h)}))
	p.summary.Importance = healthBandImportance(h.Band)
	p.summary.Refresh()
	p.showOverride(h)
	if r := h.ReasonText(lang); r != "" {
		p.reasons.SetText(Tf("health.client_reasons", map[string]any{"Reasons": r}))
	} else {
		p.reasons.SetText(T("health.no_reasons"))
	}
	p.showMeasures(h)
	if p.shownID != h.ClientID || p.shownGen != p.t.s.gen {
		p.loadTrend()
	}
}

func (p *healthClientPanel) showOverride(h health.ClientHealth) {
	if o := h.Override; o != nil {
		p.override.SetText(Tf("health.override_line", map[string]any{"Score": integer(o.Score),
			"Until": date(o.ExpiresOn), "Note": o.Note, "Computed": scoreNumber(h.Computed)}))
		p.override.Show()
		p.setBtn.SetText(T("health.edit_override"))
		p.endBtn.Show()
		return
	}
	p.override.Hide()
	p.setBtn.SetText(T("health.override"))
	p.endBtn.Hide()
}

// showMeasures lists the measures: the score, the weight and its share of this
// client's score (measures with nothing to judge by give theirs to the others), and
// how the measure is computed.
func (p *healthClientPanel) showMeasures(h health.ClientHealth) {
	st, lang := p.t.s.current.settings, currentLang()
	judged := 0.0
	for _, m := range h.Measures {
		if !math.IsNaN(m.Score) {
			judged += st.Weights[m.Code]
		}
	}
	var cards []fyne.CanvasObject
	for _, m := range h.Measures {
		w := st.Weights[m.Code]
		line := Tf("health.measure_line", map[string]any{"Name": health.MeasureName(lang, m.Code),
			"Score": scoreNumber(m.Score), "Weight": number(w, 0), "Share": number(share(w, judged, m.Score), 0)})
		if math.IsNaN(m.Score) {
			line = Tf("health.measure_not_judged", map[string]any{"Name": health.MeasureName(lang, m.Code),
				"Weight": number(w, 0)})
		}
		title := widget.NewLabelWithStyle(line, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		title.Importance = healthBandImportance(st.Band(m.Score))
		how := widget.NewLabel(health.MeasureHow(lang, m.Code))
		how.Wrapping = fyne.TextWrapWord
		how.SizeName = theme.SizeNameCaptionText
		cards = append(cards, title, how)
	}
	p.measures.Objects = cards
	p.measures.Refresh()
}

// share is a measure's part of the score in per cent: 0 for one not judged.
func share(weight, judged, score float64) float64 {
	if judged == 0 || math.IsNaN(score) {
		return 0
	}
	return weight / judged * 100
}

func (p *healthClientPanel) names() map[int64]string {
	return map[int64]string{p.current.ClientID: p.current.Client}
}

// loadTrend computes the client's health as of each of the last 12 months.
func (p *healthClientPanel) loadTrend() {
	id, gen, st := p.current.ClientID, p.t.s.gen, p.t.s.current.settings
	p.shownID, p.shownGen = id, gen
	to := data.MonthOf(p.t.s.current.asOf)
	loadOr(p.t.s.app, &p.loads, func(ctx context.Context, s *data.Store) (map[int64][]health.MonthScore, error) {
		return health.History(ctx, s, st, []int64{id}, to-healthTrendMonths+1, to)
	}, func(h map[int64][]health.MonthScore) {
		p.history = h
		p.drawTrend()
	}, func(err error) {
		p.history = nil
		p.trend.SetChart(emptyChart(p.t.s.app, describeError(err)))
	})
}

func (p *healthClientPanel) drawTrend() {
	h, names, st, style, lang := p.history, p.names(), p.t.s.current.settings, screenChartStyle(p.t.s.app), currentLang()
	p.trend.SetChart(func(w, ht int) (image.Image, error) {
		return health.TrendChart(h, names, st, lang, style).Image(w, ht)
	})
}

func (p *healthClientPanel) exportTrend() {
	if len(p.history[p.current.ClientID]) == 0 { // not loaded yet, or of the client chosen before
		return
	}
	c := health.TrendChart(p.history, p.names(), p.t.s.current.settings, currentLang(), charts.Print)
	p.t.s.app.chartExportDialog(c.Title+" — "+p.current.Client, c.PNG, c.SVG)
}

// exportHistory saves the chosen client's months as a table; nothing happens while
// they are not loaded (or could not be).
func (p *healthClientPanel) exportHistory() {
	id := p.current.ClientID
	months := p.history[id]
	if len(months) == 0 {
		return
	}
	one := map[int64][]health.MonthScore{id: months}
	p.t.s.app.exportDialog(health.HistoryTable(one, p.names(), currentLang()), len(months))
}

// editOverride sets the lead's own score of the chosen client, or changes the one in force.
func (p *healthClientPanel) editOverride() {
	h := p.current
	if h.ClientID == 0 {
		return
	}
	a := p.t.s.app
	o := data.HealthOverride{ClientID: h.ClientID, ExpiresOn: a.today().AddDate(0, 1, 0)}
	if !math.IsNaN(h.Computed) {
		o.Score = int(h.Computed)
	}
	if h.Override != nil {
		o = *h.Override
	}
	a.editHealthOverride(h.Client, o, func() { p.t.s.refreshClient(h.ClientID) })
}

func (p *healthClientPanel) askEndOverride() {
	h := p.current
	if h.Override == nil {
		return
	}
	a := p.t.s.app
	id := h.Override.ID
	msg := widget.NewLabel(Tf("health.end_override_ask", map[string]any{"Client": h.Client,
		"Computed": scoreNumber(h.Computed)}))
	msg.Wrapping = fyne.TextWrapWord
	a.showDialog(dialog.NewCustomConfirm(T("health.end_override"), T("health.end_override"), T("action.cancel"),
		container.NewGridWrap(fyne.NewSize(460, 90), msg), func(ok bool) {
			if ok {
				p.endOverride(id)
			}
		}, a.win))
}

// endOverride takes the lead's score out of force: the computed one speaks again.
func (p *healthClientPanel) endOverride(id int64) {
	client := p.current.ClientID
	save(p.t.s.app, func(ctx context.Context, st *data.Store) error { return st.EndHealthOverride(ctx, id) },
		func(err error) {
			if err != nil {
				p.t.s.app.showError(err)
				return
			}
			p.t.s.refreshClient(client)
		})
}

// editHealthOverride opens the form of a lead's score: the score 0-100, why, and
// until when it holds.
func (a *App) editHealthOverride(client string, o data.HealthOverride, onSaved func()) {
	form := widgets.NewForm()
	form.SetIntro(Tf("health.override_intro", map[string]any{"Client": client}))
	score := widgets.NewEntry()
	score.SetText(integer(o.Score))
	note := widgets.NewMultiLineEntry()
	note.SetText(o.Note)
	expires := newDateField()
	expires.SetDate(o.ExpiresOn)
	form.Add("score", T("health.field.override_score"), score, true)
	form.Add("note", T("field.note"), note, true)
	form.Add("expires_on", T("field.expires_on"), expires, true)
	a.showFormDialog(T("health.override_title"), form, 520, func(done func(error)) {
		in := &inputs{form: form}
		edited := o
		edited.Score = int(in.integer("score", score))
		edited.Note = in.text(note)
		edited.ExpiresOn = in.date("expires_on", expires)
		if err := in.err(); err != nil {
			done(err)
			return
		}
		saveRecord(a, done, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveHealthOverride(ctx, edited)
			return err
		}, onSaved)
	})
}
