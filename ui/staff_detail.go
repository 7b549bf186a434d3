package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/table"
	"leadboard/data/transfer"
	"leadboard/ui/widgets"
)

// staffDetail is a person's card: details, clients now and before, grade history
// and recent interactions.
type staffDetail struct {
	screen  *staffScreen
	id      int64
	loads   ticket
	current data.StaffDetail

	heading   *widget.Label
	subtitle  *widget.Label
	info      *infoGrid
	edit      *widget.Button
	archive   *widget.Button
	clients   *widgets.Table[data.AssignmentRow]
	history   *widgets.Table[data.GradeHistoryRow]
	log       *widgets.Table[data.InteractionRow]
	clientTab *container.TabItem
	logTab    *container.TabItem
	feedback  *feedbackTab
	plan      *planTab
	tabs      *container.AppTabs
	root      fyne.CanvasObject
}

func newStaffDetail(s *staffScreen, id int64) *staffDetail {
	d := &staffDetail{screen: s, id: id}
	d.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.heading.SizeName = theme.SizeNameSubHeadingText
	d.subtitle = widget.NewLabel("")
	back := widget.NewButtonWithIcon(T("action.back"), theme.NavigateBackIcon(), s.closeDetail)
	d.edit = widget.NewButtonWithIcon(T("action.edit"), theme.DocumentCreateIcon(), func() {
		s.app.editStaff(d.current.Person, func(int64) { s.reload() })
	})
	d.archive = widget.NewButtonWithIcon(T("staff.archive"), theme.DeleteIcon(), d.askArchive)
	d.edit.Disable() // until the card has loaded what they act on
	d.archive.Disable()
	d.info = newInfoGrid()
	d.clients = widgets.NewTable(assignmentColumns(true), T("list.empty"))
	d.clients.OnSelected = func(r data.AssignmentRow) { s.app.clients.openClient(r.ClientID) }
	d.history = widgets.NewTable(gradeHistoryColumns(), T("list.empty"))
	d.log = widgets.NewTable(interactionColumns(false), T("list.empty"))
	a := s.app
	exportClients := exportList(a, d.clients, transfer.AssignmentTable)
	exportLog := exportList(a, d.log, transfer.InteractionTable)
	d.clientTab = container.NewTabItem(T("staff.tab.clients"), withTools(d.clients, exportClients))
	d.logTab = container.NewTabItem(T("staff.tab.interactions"), withTools(d.log, exportLog))
	exportHistory := exportList(a, d.history, func(rows []data.GradeHistoryRow, lang string) table.Table {
		return transfer.GradeHistoryTable(d.current.Person.FullName, rows, lang)
	})
	d.feedback = newFeedbackTab(a, id)
	d.plan = newPlanTab(a, id)
	d.tabs = container.NewAppTabs(d.clientTab, container.NewTabItem(T("staff.tab.grades"), withTools(d.history, exportHistory)),
		d.logTab, d.feedback.item, d.plan.item)
	top := container.NewBorder(nil, nil, back, container.NewHBox(d.edit, d.archive),
		container.NewVBox(d.heading, d.subtitle))
	d.root = container.NewBorder(container.NewVBox(top, d.info.object(), widget.NewSeparator()), nil, nil, nil, d.tabs)
	return d
}

func (d *staffDetail) reload() {
	load(d.screen.app, &d.loads, func(ctx context.Context, st *data.Store) (data.StaffDetail, error) {
		return st.StaffDetail(ctx, d.id)
	}, d.apply)
	d.feedback.reload()
	d.plan.reload()
}

func (d *staffDetail) apply(v data.StaffDetail) {
	d.current = v
	p := v.Person
	d.heading.SetText(p.FullName)
	sub := v.Grade.Name(currentLang()) + " · " + T("staff.status."+string(p.Status))
	if p.Status == data.StaffLeft {
		sub += " " + date(p.LeftDate)
	}
	d.subtitle.SetText(sub)
	d.edit.Enable()
	setEnabled(d.archive, p.Status != data.StaffLeft)
	d.info.set([]infoItem{
		{T("field.position"), p.Position},
		{T("field.team"), p.Team},
		{T("field.hire_date"), date(p.HireDate)},
		{T("field.fte"), number(p.FTE, 2)},
		{T("field.email"), p.Email},
		{T("field.phone"), p.Phone},
		{T("field.notes"), p.Notes},
	})
	d.clients.SetRows(v.Assignments)
	d.history.SetRows(v.GradeHistory)
	d.log.SetRows(v.Interactions)
	d.clientTab.Text = Tf("staff.tab.clients_n", map[string]any{"Count": len(v.Assignments)})
	d.logTab.Text = Tf("staff.tab.interactions_n", map[string]any{"Count": len(v.Interactions)})
	d.tabs.Refresh()
	if p.Status == data.StaffLeft { // feedback is on people at work
		d.feedback.add.Hide()
	}
}

// askArchive records that the person left, on a date the user confirms.
func (d *staffDetail) askArchive() {
	a := d.screen.app
	form := widgets.NewForm()
	form.SetIntro(Tf("staff.archive_note", map[string]any{"Name": d.current.Person.FullName}))
	left := newDateField()
	left.SetDate(a.today())
	form.Add("left_date", T("field.left_date"), left, true)
	a.showFormDialog(T("staff.archive"), form, 560, func(done func(error)) {
		in := inputs{form: form}
		when := in.date("left_date", left)
		if err := in.err(); err != nil {
			done(err)
			return
		}
		save(a, func(ctx context.Context, st *data.Store) error {
			return st.ArchiveStaff(ctx, d.id, when)
		}, func(err error) {
			done(err)
			if err == nil {
				d.screen.reload()
			}
		})
	})
}
