package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/audit"
	"leadboard/ui/widgets"
)

// ratingChoices are the ratings the form offers; "" leaves the item not rated.
var ratingChoices = []string{"not_in_place", "partly", "in_place", ""}

// rate opens the form that rates an item of the audit shown, with the item's
// figures from the data beside the rating and how each was computed.
func (t *auditChecklistTab) rate(r checklistRow) {
	d := t.current
	if d.audit.ID == 0 {
		return
	}
	lang := currentLang()
	rating := newChoice(ratingChoices, func(v string) string { return audit.RatingName(lang, v) }, nil)
	rating.setValueQuietly(r.rated.Rating)
	comment := widgets.NewMultiLineEntry()
	comment.SetText(r.rated.Comment)
	evidence := widgets.NewEntry()
	evidence.SetText(r.rated.Evidence)
	evidence.SetPlaceHolder(T("audit.ui.evidence_hint"))
	owner := ownerChoice(d.people, r.rated.OwnerID)
	follow := widget.NewButtonWithIcon(T("audit.ui.add_action"), theme.ContentAddIcon(), func() {
		t.s.actions.editAction(data.Action{AuditID: d.audit.ID, ItemCode: r.item.Code, OwnerID: owner.value(),
			Status: "open"}, d.audits, d.people, nil)
	})
	form := widgets.NewForm()
	form.SetIntro(audit.SectionLabel(r.section, lang) + "\n" + r.item.Code + ". " + r.item.Text(lang))
	form.Add("rating", T("field.rating"), rating, false)
	form.Add("comment", T("field.comment"), comment, false)
	form.Add("evidence", T("audit.ui.evidence_field"), evidence, false)
	form.Add("owner", T("field.owner"), owner, false)
	form.Add("figures", T("audit.ui.figures"), figuresBox(r.item, d.evidence), false)
	form.Add("action", "", container.NewHBox(follow), false)
	title := Tf("audit.ui.rate_title", map[string]any{"Audit": auditLabel(d.audit)})
	t.s.app.showFormDialog(title, form, 820, func(done func(error)) {
		rated := data.AuditItem{Code: r.item.Code, Rating: rating.value(), Comment: comment.Text,
			Evidence: evidence.Text, OwnerID: owner.value()}
		saveRecord(t.s.app, done, func(ctx context.Context, st *data.Store) error {
			return st.RateItems(ctx, d.audit.ID, []data.AuditItem{rated})
		}, t.reload)
	})
}

// figuresBox lists an item's figures from the data: each figure's name and value,
// and under it how it was computed, as of the audit's day.
func figuresBox(it audit.Item, evidence map[string]audit.Figure) fyne.CanvasObject {
	lang := currentLang()
	box := container.NewVBox()
	for _, code := range it.Evidence {
		f, ok := evidence[code]
		if !ok {
			continue
		}
		value := widget.NewLabelWithStyle(f.Name(lang)+": "+f.Text(lang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		value.Wrapping = fyne.TextWrapWord
		how := widget.NewLabel(f.How(lang))
		how.Wrapping = fyne.TextWrapWord
		how.Importance = widget.LowImportance
		box.Add(value)
		box.Add(how)
	}
	if len(box.Objects) == 0 {
		none := widget.NewLabel(T("audit.ui.no_figures"))
		none.Wrapping = fyne.TextWrapWord
		box.Add(none)
	}
	return box
}
