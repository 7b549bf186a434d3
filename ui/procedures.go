package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/audit"
	"leadboard/ui/widgets"
)

// proceduresTab is the register of the department's procedures (the guide's
// section 7): overdue reviews in red, who has read each current version, and who
// has not yet.
type proceduresTab struct {
	s       *auditScreen
	loads   ticket
	current proceduresData
	chosen  int64 // the procedure whose details show (0: none): always current.chosen
	wanted  int64 // the procedure asked for last; it becomes chosen when its load lands

	register *widgets.Table[data.ProcedureRow]
	heading  *widget.Label
	facts    *widget.Label
	tools    []*widget.Button // need a chosen procedure
	acks     *widgets.Table[data.ProcedureAck]
	missing  *widgets.Table[data.MissingAck]
	lastAcks *ackChecks // the check boxes of the acknowledgements dialog shown last
	root     fyne.CanvasObject
}

// proceduresData is the register with what its forms need.
type proceduresData struct {
	procedures []data.ProcedureRow
	missing    []data.MissingAck
	chosen     int64               // the procedure the acknowledgements are of (0: none)
	acks       []data.ProcedureAck // of the chosen procedure
	people     []data.StaffRow     // everyone, for owners
}

func newProceduresTab(s *auditScreen) *proceduresTab {
	t := &proceduresTab{s: s}
	t.register = widgets.NewTable(procedureColumns(s.app), T("procedures.none"))
	t.register.OnSelected = func(p data.ProcedureRow) { t.choose(p.ID) }
	add := widget.NewButtonWithIcon(T("procedures.add"), theme.ContentAddIcon(), func() {
		t.editProcedure(data.Procedure{ReviewMonths: 12, Version: 1, LastReviewed: s.app.today()})
	})
	add.Importance = widget.HighImportance
	exportRegister := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		rows := t.register.Rows()
		s.app.exportDialog(audit.ProceduresTable(rows, s.app.today(), currentLang()), len(rows))
	})
	t.heading = widget.NewLabelWithStyle(T("procedures.pick_one"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.heading.Truncation = fyne.TextTruncateEllipsis
	t.facts = widget.NewLabel("")
	t.facts.Truncation = fyne.TextTruncateEllipsis
	edit := widget.NewButtonWithIcon(T("action.edit"), theme.DocumentCreateIcon(), func() {
		if p, ok := t.chosenRow(); ok {
			t.editProcedure(p.Procedure)
		}
	})
	reviewed := widget.NewButtonWithIcon(T("procedures.reviewed"), theme.ConfirmIcon(), t.markReviewed)
	acknowledge := widget.NewButtonWithIcon(T("procedures.acknowledge"), theme.AccountIcon(), t.acknowledge)
	archive := widget.NewButtonWithIcon(T("procedures.archive"), theme.DeleteIcon(), t.archive)
	t.tools = []*widget.Button{edit, reviewed, acknowledge, archive}
	t.acks = widgets.NewTable(ackColumns(), T("procedures.no_acks"))
	t.missing = widgets.NewTable(missingColumns(), T("procedures.all_read"))
	t.missing.OnSelected = func(m data.MissingAck) { t.choose(m.ProcedureID) }
	exportMissing := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		rows := t.missing.Rows()
		s.app.exportDialog(audit.MissingAcksTable(rows, currentLang()), len(rows))
	})
	toolbar := container.NewHBox(add, edit, reviewed, acknowledge, archive, layout.NewSpacer(), exportRegister)
	chosen := container.NewBorder(container.NewVBox(t.heading, t.facts, sectionLabel(T("procedures.acks"))),
		nil, nil, nil, t.acks)
	missing := container.NewBorder(
		container.NewHBox(sectionLabel(T("audit.procedures.missing_title")), layout.NewSpacer(), exportMissing),
		nil, nil, nil, t.missing)
	below := container.NewHSplit(chosen, missing)
	below.Offset = 0.5
	split := container.NewVSplit(t.register, below)
	split.Offset = 0.52
	t.root = container.NewBorder(toolbar, nil, nil, nil, split)
	t.enableTools(false)
	return t
}

func procedureColumns(a *App) []widgets.Column[data.ProcedureRow] {
	type row = data.ProcedureRow
	overdue := func(r row) widget.Importance {
		if r.ReviewOverdue(a.today()) {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	unread := func(r row) widget.Importance {
		if r.Acknowledged < r.Readers {
			return widget.WarningImportance
		}
		return widget.SuccessImportance
	}
	return []widgets.Column[row]{
		{Title: T("field.title"), Width: 270, Text: func(r row) string { return r.Title },
			Less: func(x, y row) bool { return lessText(x.Title, y.Title) }},
		{Title: T("field.area"), Width: 190, Text: func(r row) string { return T("procedure.area." + r.Area) },
			Less: func(x, y row) bool { return lessText(T("procedure.area."+x.Area), T("procedure.area."+y.Area)) }},
		{Title: T("field.owner"), Width: 190, Text: func(r row) string { return r.Owner },
			Less: func(x, y row) bool { return lessText(x.Owner, y.Owner) }},
		{Title: T("field.version"), Width: 70, Align: fyne.TextAlignTrailing, Text: func(r row) string { return integer(r.Version) },
			Less: func(x, y row) bool { return x.Version < y.Version }},
		{Title: T("field.last_reviewed"), Width: 185, Text: func(r row) string { return date(r.LastReviewed) },
			Less: func(x, y row) bool { return x.LastReviewed.Before(y.LastReviewed) }},
		{Title: T("procedures.col.next_review"), Width: 190, Importance: overdue, Text: func(r row) string {
			if r.ReviewOverdue(a.today()) {
				return Tf("procedures.next_overdue", map[string]any{"Date": date(r.NextReview())})
			}
			return date(r.NextReview())
		}, Less: func(x, y row) bool { return x.NextReview().Before(y.NextReview()) }},
		{Title: T("procedures.col.acknowledged"), Width: 130, Importance: unread, Text: ackCount,
			Less: func(x, y row) bool { return ackShare(x) < ackShare(y) }},
	}
}

// ackCount is "12 из 20": who has read the current version of all who should have.
func ackCount(p data.ProcedureRow) string {
	return Tf("procedures.ack_count", map[string]any{"Count": integer(p.Acknowledged), "Of": integer(p.Readers)})
}

func ackShare(p data.ProcedureRow) float64 {
	if p.Readers == 0 {
		return 1
	}
	return float64(p.Acknowledged) / float64(p.Readers)
}

func ackColumns() []widgets.Column[data.ProcedureAck] {
	type row = data.ProcedureAck
	old := func(r row) widget.Importance {
		if r.Current {
			return widget.MediumImportance
		}
		return widget.LowImportance
	}
	return []widgets.Column[row]{
		{Title: T("procedures.col.person"), Width: 220, Importance: old, Text: func(r row) string { return r.Staff },
			Less: func(x, y row) bool { return lessText(x.Staff, y.Staff) }},
		{Title: T("field.version"), Width: 80, Importance: old, Align: fyne.TextAlignTrailing,
			Text: func(r row) string { return integer(r.Version) }, Less: func(x, y row) bool { return x.Version < y.Version }},
		{Title: T("procedures.col.read_on"), Width: 130, Importance: old, Text: func(r row) string { return date(r.On) },
			Less: func(x, y row) bool { return x.On.Before(y.On) }},
	}
}

func missingColumns() []widgets.Column[data.MissingAck] {
	type row = data.MissingAck
	return []widgets.Column[row]{
		{Title: T("field.procedure"), Width: 240, Text: func(r row) string { return r.Procedure },
			Less: func(x, y row) bool { return lessText(x.Procedure, y.Procedure) }},
		{Title: T("field.version"), Width: 80, Align: fyne.TextAlignTrailing, Text: func(r row) string { return integer(r.Version) }},
		{Title: T("procedures.col.person"), Width: 220, Text: func(r row) string { return r.Staff },
			Less: func(x, y row) bool { return lessText(x.Staff, y.Staff) }},
	}
}

// reload reads the register again, with the acknowledgements of the procedure
// asked for last.
func (t *proceduresTab) reload() {
	chosen := t.wanted
	load(t.s.app, &t.loads, func(ctx context.Context, st *data.Store) (proceduresData, error) {
		d := proceduresData{chosen: chosen}
		var err error
		if d.procedures, err = st.Procedures(ctx); err != nil {
			return d, err
		}
		if d.missing, err = st.MissingAcks(ctx); err != nil {
			return d, err
		}
		if d.people, _, err = staffNames(ctx, st); err != nil {
			return d, err
		}
		if chosen != 0 {
			d.acks, err = st.ProcedureAcks(ctx, chosen)
		}
		return d, err
	}, t.apply)
}

// apply shows a load; only here does the chosen procedure change, so the heading,
// the tools and the acknowledgements always speak of the same one.
func (t *proceduresTab) apply(d proceduresData) {
	t.current = d
	t.chosen = d.chosen
	t.register.SetRows(d.procedures)
	t.missing.SetRows(d.missing)
	t.acks.SetRows(d.acks)
	t.showChosen()
}

// choose shows a procedure's details and who has read it. The tools wait for the
// load: until it lands they would act on a procedure other than the one named.
func (t *proceduresTab) choose(id int64) {
	t.wanted = id
	t.enableTools(false)
	t.reload()
}

func (t *proceduresTab) chosenRow() (data.ProcedureRow, bool) {
	for _, p := range t.current.procedures {
		if p.ID == t.chosen {
			return p, true
		}
	}
	return data.ProcedureRow{}, false
}

// showChosen writes the chosen procedure's facts; one archived since is forgotten.
func (t *proceduresTab) showChosen() {
	p, ok := t.chosenRow()
	t.enableTools(ok)
	if !ok {
		t.chosen, t.wanted, t.current.chosen, t.current.acks = 0, 0, 0, nil
		t.heading.SetText(T("procedures.pick_one"))
		t.facts.SetText("")
		t.acks.SetRows(nil)
		return
	}
	t.heading.SetText(p.Title)
	facts := []string{Tf("procedures.facts", map[string]any{"Version": p.Version, "Reviewed": date(p.LastReviewed),
		"Months": p.ReviewMonths}), T("procedures.col.acknowledged") + ": " + ackCount(p)}
	if p.Link != "" {
		facts = append(facts, p.Link)
	}
	t.facts.SetText(strings.Join(facts, " · "))
}

func (t *proceduresTab) enableTools(on bool) {
	for _, b := range t.tools {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}
