package ui

import (
	"context"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/kpi"
	"leadboard/data/review"
	"leadboard/ui/widgets"
)

// reviewForm is one person's review: per criterion the lead's rating and comment,
// the person's self-rating beside it with the difference marked, and the evidence
// of the period with the team's median; then the closing notes. A final review is
// read-only until reopened with a reason.
type reviewForm struct {
	s     *reviewsScreen
	id    int64
	loads ticket
	d     reviewData

	heading   *widget.Label
	subtitle  *widget.Label
	rows      []*criterionRow
	criteria  *fyne.Container
	body      *fyne.Container // the criteria and the notes, scrolled
	strengths *widgets.Entry
	growth    *widgets.Entry
	goals     *widgets.Entry
	potential *choice[string]
	ready     *widget.Check
	problem   *widget.Label
	saveBtn   *widget.Button
	finalize  *widget.Button
	reopen    *widget.Button
	root      fyne.CanvasObject
}

// reviewData is what the form shows, loaded together.
type reviewData struct {
	review   data.Review
	tmpl     data.ReviewTemplate
	cycle    data.ReviewCycle
	evidence kpi.Evidence
	bands    review.Bands
}

// notRated is a rating choice's value before anything is chosen (0 is "not
// applicable"); saved, it takes back a rating given before.
const notRated = data.NotRated

var ratingValues = []int{notRated, 5, 4, 3, 2, 1, 0}

func ratingLabel(v int) string {
	switch v {
	case notRated:
		return T("reviews.not_rated")
	case 0:
		return T("reviews.not_applicable")
	}
	return integer(v)
}

// criterionRow is a criterion's inputs.
type criterionRow struct {
	c       data.ReviewCriterion
	lead    *choice[int]
	self    *choice[int]
	comment *widgets.Entry
	anchor  *widget.Label
	gap     *widget.Label
	// selfComment is what the person wrote beside their rating (shown, not edited).
	selfComment string
}

func (s *reviewsScreen) openReview(id int64) {
	s.form = newReviewForm(s, id)
	s.cyclesTab.Objects = []fyne.CanvasObject{s.form.root}
	s.cyclesTab.Refresh()
	s.form.reload()
}

// leaveReview goes back to the cycles, asking first when the review has changes
// not saved.
func (s *reviewsScreen) leaveReview() {
	if s.form == nil || !s.form.changed() {
		s.closeReview()
		return
	}
	d := dialog.NewConfirm(T("reviews.unsaved_title"), T("reviews.unsaved"), func(discard bool) {
		if discard {
			s.closeReview()
		}
	}, s.app.win)
	d.SetConfirmText(T("reviews.discard"))
	d.SetDismissText(T("action.cancel"))
	s.app.showDialog(d)
}

// closeReview goes back to the cycles.
func (s *reviewsScreen) closeReview() {
	if s.form == nil {
		return
	}
	s.form = nil
	s.cyclesTab.Objects = []fyne.CanvasObject{s.cyclesPage}
	s.cyclesTab.Refresh()
	s.reloadCycles()
}

func newReviewForm(s *reviewsScreen, id int64) *reviewForm {
	f := &reviewForm{s: s, id: id}
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.heading.SizeName = theme.SizeNameSubHeadingText
	f.subtitle = widget.NewLabel("") // neither wrapped nor truncated: the header then fits every line
	f.criteria = container.NewVBox()
	f.strengths = widgets.NewMultiLineEntry()
	f.growth = widgets.NewMultiLineEntry()
	f.goals = widgets.NewMultiLineEntry()
	f.goals.SetPlaceHolder(T("hint.review_goals"))
	f.potential = newChoice(append([]string{""}, data.Potentials...), potentialLabel, nil)
	f.ready = widget.NewCheck(T("reviews.promotion_ready"), nil)
	f.problem = widget.NewLabel("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	back := widget.NewButtonWithIcon(T("action.back"), theme.NavigateBackIcon(), s.leaveReview)
	f.saveBtn = widget.NewButtonWithIcon(T("action.save"), theme.DocumentSaveIcon(), func() { f.save(false) })
	f.finalize = widget.NewButtonWithIcon(T("reviews.finalize"), theme.ConfirmIcon(), func() { f.save(true) })
	f.finalize.Importance = widget.HighImportance
	f.reopen = widget.NewButtonWithIcon(T("reviews.reopen"), theme.ViewRefreshIcon(), f.askReopen)
	for _, b := range []*widget.Button{f.saveBtn, f.finalize, f.reopen} {
		b.Disable() // until the review has loaded
	}
	notes := widgets.NewForm()
	notes.Add("strengths", T("field.strengths"), f.strengths, false)
	notes.Add("growth", T("field.growth"), f.growth, false)
	notes.Add("goals", T("field.goals"), f.goals, false)
	notes.Add("potential", T("field.potential"), f.potential, false)
	notes.Add("promotion_ready", "", f.ready, false)
	top := container.NewBorder(nil, nil, container.NewVBox(back), // boxed: buttons keep their height
		container.NewVBox(container.NewHBox(f.saveBtn, f.finalize, f.reopen)), container.NewVBox(f.heading, f.subtitle))
	f.body = container.NewVBox(f.problem, f.criteria, widget.NewSeparator(), notes.Object())
	f.root = container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(f.body))
	return f
}

func potentialLabel(v string) string {
	if v == "" {
		return T("reviews.potential_none")
	}
	return T("review.potential." + v)
}

func (f *reviewForm) reload() {
	if f.d.review.ID == 0 { // the first load reads the period's log: say so
		f.subtitle.SetText(T("reviews.loading"))
	}
	cache := f.s.evidenceCache()
	load(f.s.app, &f.loads, func(ctx context.Context, st *data.Store) (reviewData, error) {
		return loadReview(ctx, st, f.id, cache)
	}, f.apply)
}

// loadReview reads the review, its template, its cycle, the bands and the evidence
// of the cycle's period (computed once per cycle and kept).
func loadReview(ctx context.Context, st *data.Store, id int64, cache *evidenceCache) (reviewData, error) {
	var d reviewData
	var err error
	if d.review, err = st.Review(ctx, id); err != nil {
		return d, err
	}
	if d.tmpl, err = st.Template(ctx, d.review.TemplateID); err != nil {
		return d, err
	}
	if d.bands, err = st.ReviewBands(ctx); err != nil {
		return d, err
	}
	cycles, err := st.ReviewCycles(ctx)
	if err != nil {
		return d, err
	}
	for _, c := range cycles {
		if c.ID == d.review.CycleID {
			d.cycle = c.ReviewCycle
		}
	}
	d.evidence, err = cache.of(ctx, st, d.cycle, st.Today())
	return d, err
}

func (f *reviewForm) apply(d reviewData) {
	f.d = d
	v := d.review
	f.heading.SetText(v.StaffName)
	f.subtitle.SetText(f.subtitleText())
	f.rows = nil
	f.criteria.Objects = nil
	for _, c := range d.tmpl.Criteria {
		row := f.newCriterionRow(c)
		f.rows = append(f.rows, row)
		f.criteria.Add(row.object(d.evidence, v.StaffID))
	}
	f.body.Refresh() // the criteria changed size: lay the notes out below them again
	f.strengths.SetText(v.Notes.Strengths)
	f.growth.SetText(v.Notes.Growth)
	f.goals.SetText(v.Notes.Goals)
	f.potential.setValue(v.Notes.Potential)
	f.ready.SetChecked(v.Notes.PromotionReady)
	f.problem.Hide()
	f.setEditable(!v.Final && d.cycle.Status != data.CycleClosed)
	setEnabled(f.reopen, v.Final && d.cycle.Status != data.CycleClosed)
	f.root.Refresh() // the header's lines changed: lay it out again
}

func (f *reviewForm) subtitleText() string {
	v, c := f.d.review, f.d.cycle
	text := Tf("reviews.form_subtitle", map[string]any{"Cycle": c.Name, "From": date(c.From), "To": date(c.To),
		"Version": f.d.tmpl.Version})
	switch {
	case v.Final && math.IsNaN(v.Score):
		text += "\n" + Tf("reviews.final_no_score", map[string]any{"Date": date(v.FinalizedOn)})
	case v.Final:
		text += "\n" + Tf("reviews.final_note", map[string]any{"Date": date(v.FinalizedOn), "Score": number(v.Score, 2),
			"Band": bandName(f.d.bands, v.Score)})
	default:
		if score, ok := f.draftScore(); ok {
			text += "\n" + Tf("reviews.draft_score", map[string]any{"Score": number(score, 2),
				"Band": bandName(f.d.bands, score)})
		}
	}
	if c.Status == data.CycleClosed {
		text += "\n" + T("reviews.cycle_closed_note")
	}
	for _, r := range v.Reopenings {
		text += "\n" + Tf("reviews.reopened_note", map[string]any{"Date": date(r.On), "Reason": shortened(r.Reason, 100)})
	}
	return text
}

// shortened cuts a text to at most n letters, with "…", keeping the header narrow.
func shortened(text string, n int) string {
	runes := []rune(strings.Join(strings.Fields(text), " "))
	if len(runes) <= n {
		return string(runes)
	}
	return string(runes[:n-1]) + "…"
}

// bandName names a score's band in lower case, for the middle of a sentence.
func bandName(b review.Bands, score float64) string {
	if math.IsNaN(score) {
		return ""
	}
	return strings.ToLower(T("review.band." + string(b.Of(score))))
}

// draftScore is the score the ratings chosen so far would give.
func (f *reviewForm) draftScore() (float64, bool) {
	var rated []review.Rated
	for _, r := range f.rows {
		if v := r.lead.value(); v != notRated {
			rated = append(rated, review.Rated{Weight: r.c.Weight, Rating: v})
		}
	}
	return review.Score(rated)
}

func (f *reviewForm) newCriterionRow(c data.ReviewCriterion) *criterionRow {
	v := f.d.review
	row := &criterionRow{c: c, comment: widgets.NewEntry(), anchor: widget.NewLabel(""), gap: widget.NewLabel(""),
		selfComment: v.Self[c.ID].Comment}
	row.anchor.Wrapping = fyne.TextWrapWord
	row.anchor.TextStyle = fyne.TextStyle{Italic: true}
	changed := func(int) {
		row.update()
		f.subtitle.SetText(f.subtitleText()) // the score so far follows the choice
		f.root.Refresh()
	}
	row.lead = newChoice(ratingValues, ratingLabel, changed)
	row.self = newChoice(ratingValues, ratingLabel, changed)
	row.lead.setValue(ratingOf(v.Lead, c.ID))
	row.self.setValue(ratingOf(v.Self, c.ID))
	row.comment.SetText(v.Lead[c.ID].Comment)
	row.comment.SetPlaceHolder(T("hint.rating_comment"))
	row.update()
	return row
}

func ratingOf(ratings map[int64]data.Rating, criterion int64) int {
	if r, ok := ratings[criterion]; ok {
		return r.Rating
	}
	return notRated
}

// update shows what the chosen rating means and how far the self-rating is from it.
func (r *criterionRow) update() {
	lead, self := r.lead.value(), r.self.value()
	r.anchor.Importance = widget.MediumImportance
	switch {
	case lead >= 1:
		r.anchor.SetText(integer(lead) + " — " + r.c.Anchor(currentLang(), lead))
	case lead == 0:
		r.anchor.SetText(T("reviews.not_applicable_note"))
	default:
		r.anchor.SetText(T("reviews.choose_rating"))
	}
	r.gap.Importance = widget.MediumImportance
	switch gap := self - lead; {
	case lead < 1 || self < 1:
		r.gap.SetText("")
	case gap == 0:
		r.gap.SetText(T("reviews.gap_none"))
	default:
		r.gap.SetText(Tf("reviews.gap", map[string]any{"Gap": signedInt(gap)}))
		r.gap.Importance = widget.WarningImportance
		if gap >= 2 || gap <= -2 {
			r.gap.Importance = widget.DangerImportance
		}
	}
	r.gap.Refresh()
	r.anchor.Refresh()
}

func signedInt(v int) string {
	if v > 0 {
		return "+" + integer(v)
	}
	return "−" + integer(-v)
}

// object lays the criterion out: its name and weight, the ratings, the comment,
// and the evidence it is informed by.
func (r *criterionRow) object(ev kpi.Evidence, staffID int64) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(Tf("reviews.criterion_title", map[string]any{"Name": r.c.Name(currentLang()),
		"Weight": r.c.Weight}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ratings := container.NewHBox(widget.NewLabel(T("reviews.lead_rating")), sized(r.lead, 170),
		widget.NewLabel(T("reviews.self_rating")), sized(r.self, 170), r.gap)
	parts := []fyne.CanvasObject{name, ratings, r.anchor, r.comment}
	if r.selfComment != "" {
		own := widget.NewLabel(Tf("reviews.self_comment", map[string]any{"Comment": r.selfComment}))
		own.Wrapping = fyne.TextWrapWord
		parts = append(parts, own)
	}
	if text := evidenceText(r.c.Evidence, ev, staffID); text != "" {
		evidence := widget.NewLabel(text)
		evidence.Wrapping = fyne.TextWrapWord
		parts = append(parts, evidence)
	}
	return widget.NewCard("", "", container.NewVBox(parts...))
}

// evidenceText lists the figures behind a criterion: "Жалобы и эскалации: 3 (по
// команде: 2)".
func evidenceText(codes []string, ev kpi.Evidence, staffID int64) string {
	var lines []string
	lang := currentLang()
	for _, code := range codes {
		fig := ev.Of(code, staffID)
		unit := kpi.EvidenceUnits[code]
		lines = append(lines, Tf("reviews.evidence_line", map[string]any{"Name": T("evidence." + code),
			"Value": charts.FormatValue(lang, unit, fig.Value), "Median": charts.FormatValue(lang, unit, fig.TeamMedian)}))
	}
	if len(lines) == 0 {
		return ""
	}
	return T("reviews.evidence") + "\n" + strings.Join(lines, "\n")
}

func (f *reviewForm) setEditable(on bool) {
	for _, r := range f.rows {
		setInputEnabled(r.lead.Select, on)
		setInputEnabled(r.self.Select, on)
		setInputEnabled(r.comment, on)
	}
	for _, e := range []*widgets.Entry{f.strengths, f.growth, f.goals} {
		setInputEnabled(e, on)
	}
	setInputEnabled(f.potential.Select, on)
	setInputEnabled(f.ready, on)
	setEnabled(f.saveBtn, on)
	setEnabled(f.finalize, on)
}

type disableable interface {
	Enable()
	Disable()
}

func setInputEnabled(w disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// collected are the form's ratings and notes as the store takes them: every
// criterion, those not rated taking back what was saved before.
func (f *reviewForm) collected() (lead, self []data.Rating, notes data.ReviewNotes) {
	for _, r := range f.rows {
		lead = append(lead, data.Rating{CriterionID: r.c.ID, Rating: r.lead.value(), Comment: r.comment.Text})
		self = append(self, data.Rating{CriterionID: r.c.ID, Rating: r.self.value()})
	}
	notes = data.ReviewNotes{Strengths: f.strengths.Text, Growth: f.growth.Text, Goals: f.goals.Text,
		Potential: f.potential.value(), PromotionReady: f.ready.Checked}
	return lead, self, notes
}

// changed: the form holds something the database does not.
func (f *reviewForm) changed() bool {
	v := f.d.review
	if v.ID == 0 || v.Final {
		return false
	}
	for _, r := range f.rows {
		if r.lead.value() != ratingOf(v.Lead, r.c.ID) || r.self.value() != ratingOf(v.Self, r.c.ID) ||
			strings.TrimSpace(r.comment.Text) != v.Lead[r.c.ID].Comment {
			return true
		}
	}
	n := v.Notes
	return strings.TrimSpace(f.strengths.Text) != n.Strengths || strings.TrimSpace(f.growth.Text) != n.Growth ||
		strings.TrimSpace(f.goals.Text) != n.Goals || f.potential.value() != n.Potential ||
		f.ready.Checked != n.PromotionReady
}

// save writes the draft, and with finalize makes it final; a problem is shown
// above the criteria and nothing typed is lost.
func (f *reviewForm) save(finalize bool) {
	lead, self, notes := f.collected()
	if orphans := f.commentsWithoutRating(); len(orphans) > 0 {
		f.showProblem(Tf("reviews.comment_unrated", map[string]any{"Names": strings.Join(orphans, ", ")}))
		return
	}
	if finalize {
		if missing := f.unrated(); len(missing) > 0 {
			f.showProblem(Tf("reviews.unrated", map[string]any{"Count": len(missing), "Names": strings.Join(missing, ", ")}))
			return
		}
	}
	id := f.id
	f.setEditable(false) // what is typed now would be lost when the saved review comes back
	f.reopen.Disable()
	save(f.s.app, func(ctx context.Context, st *data.Store) error {
		if err := st.SaveReview(ctx, id, lead, self, notes); err != nil {
			return err
		}
		if finalize {
			return st.FinalizeReview(ctx, id)
		}
		return nil
	}, func(err error) {
		if err != nil {
			f.setEditable(true)
			f.showProblem(describeError(err))
			return
		}
		f.reload()
	})
}

// unrated names the criteria the lead has neither rated nor marked not applicable.
func (f *reviewForm) unrated() []string {
	var out []string
	for _, r := range f.rows {
		if r.lead.value() == notRated {
			out = append(out, r.c.Name(currentLang()))
			r.anchor.SetText(T("reviews.rating_needed"))
			r.anchor.Importance = widget.DangerImportance
			r.anchor.Refresh()
		}
	}
	return out
}

// commentsWithoutRating names the criteria with a comment but no rating: a
// comment is kept with its rating, so it would be lost.
func (f *reviewForm) commentsWithoutRating() []string {
	var out []string
	for _, r := range f.rows {
		if r.lead.value() == notRated && strings.TrimSpace(r.comment.Text) != "" {
			out = append(out, r.c.Name(currentLang()))
		}
	}
	return out
}

func (f *reviewForm) showProblem(text string) {
	f.problem.SetText(text)
	f.problem.Show()
	f.body.Refresh()
}

// askReopen makes a final review a draft again, for a reason the lead gives.
func (f *reviewForm) askReopen() {
	a := f.s.app
	form := widgets.NewForm()
	form.SetIntro(T("reviews.reopen_intro"))
	reason := widgets.NewEntry()
	form.Add("reason", T("reviews.reopen_reason"), reason, true)
	a.showFormDialog(T("reviews.reopen"), form, 560, func(done func(error)) {
		text := reason.Text
		save(a, func(ctx context.Context, st *data.Store) error { return st.ReopenReview(ctx, f.id, text) },
			func(err error) {
				done(err)
				if err == nil {
					f.reload()
				}
			})
	})
}
