package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/ui/widgets"
)

// feedbackTab lists what other departments said about a person and takes new
// entries; their averages are evidence in the person's reviews.
type feedbackTab struct {
	app     *App
	staffID int64
	loads   ticket
	depts   []data.Department
	list    *widgets.Table[data.Feedback]
	add     *widget.Button
	item    *container.TabItem
}

type feedbackData struct {
	entries []data.Feedback
	depts   []data.Department
}

func newFeedbackTab(a *App, staffID int64) *feedbackTab {
	f := &feedbackTab{app: a, staffID: staffID}
	f.list = widgets.NewTable(feedbackColumns(func(id int64) string { return f.departmentName(id) }), T("feedback.none"))
	f.list.OnSelected = f.edit
	f.add = widget.NewButtonWithIcon(T("feedback.add"), theme.ContentAddIcon(), func() {
		f.edit(data.Feedback{StaffID: staffID, On: a.today()})
	})
	f.add.Disable() // until the departments are known
	f.item = container.NewTabItem(T("staff.tab.feedback"), withTools(f.list, f.add))
	return f
}

func (f *feedbackTab) reload() {
	id := f.staffID
	load(f.app, &f.loads, func(ctx context.Context, st *data.Store) (feedbackData, error) {
		var d feedbackData
		var err error
		if d.entries, err = st.FeedbackOf(ctx, id); err != nil {
			return d, err
		}
		d.depts, err = st.Departments(ctx)
		return d, err
	}, func(d feedbackData) {
		f.depts = d.depts
		f.list.SetRows(d.entries)
		f.item.Text = Tf("staff.tab.feedback_n", map[string]any{"Count": len(d.entries)})
		f.add.Enable()
	})
}

func (f *feedbackTab) departmentName(id int64) string {
	for _, d := range f.depts {
		if d.ID == id {
			return d.Name
		}
	}
	return ""
}

func feedbackColumns(department func(int64) string) []widgets.Column[data.Feedback] {
	rating := func(get func(data.Feedback) int) func(data.Feedback) string {
		return func(x data.Feedback) string {
			if v := get(x); v > 0 {
				return integer(v)
			}
			return "—"
		}
	}
	return []widgets.Column[data.Feedback]{
		{Title: T("field.on"), Width: 100, Text: func(x data.Feedback) string { return date(x.On) },
			Less: func(a, b data.Feedback) bool { return a.On.Before(b.On) }},
		{Title: T("field.department"), Width: 160, Text: func(x data.Feedback) string { return department(x.DepartmentID) }},
		{Title: T("field.author"), Width: 170, Text: func(x data.Feedback) string { return x.Author }},
		{Title: T("feedback.col.handoff"), Width: 90, Align: fyne.TextAlignTrailing,
			Text: rating(func(x data.Feedback) int { return x.Handoff })},
		{Title: T("feedback.col.briefs"), Width: 90, Align: fyne.TextAlignTrailing,
			Text: rating(func(x data.Feedback) int { return x.Briefs })},
		{Title: T("feedback.col.deadlines"), Width: 90, Align: fyne.TextAlignTrailing,
			Text: rating(func(x data.Feedback) int { return x.Deadlines })},
		{Title: T("feedback.col.communication"), Width: 90, Align: fyne.TextAlignTrailing,
			Text: rating(func(x data.Feedback) int { return x.Communication })},
		{Title: T("field.comment"), Width: 360, Text: func(x data.Feedback) string { return x.Comment }},
	}
}

// edit adds (ID 0) or corrects an entry.
func (f *feedbackTab) edit(x data.Feedback) {
	a := f.app
	form := widgets.NewForm()
	var deptIDs []int64
	for _, d := range f.depts {
		if d.ArchivedOn.IsZero() || d.ID == x.DepartmentID {
			deptIDs = append(deptIDs, d.ID)
		}
	}
	dept := newChoice(deptIDs, f.departmentName, nil)
	dept.setValue(x.DepartmentID)
	on := newDateField()
	on.SetDate(x.On)
	author := widgets.NewEntry()
	author.SetText(x.Author)
	author.SetPlaceHolder(T("hint.feedback_author"))
	ratings := map[string]*choice[int]{}
	values := []int{0, 5, 4, 3, 2, 1}
	label := func(v int) string {
		if v == 0 {
			return T("choice.no_rating")
		}
		return integer(v)
	}
	current := map[string]int{"handoff": x.Handoff, "briefs": x.Briefs, "deadlines": x.Deadlines,
		"communication": x.Communication}
	form.SetIntro(T("feedback.intro"))
	form.Add("department", T("field.department"), dept, true)
	form.Add("on", T("field.on"), on, true)
	form.Add("author", T("field.author"), author, false)
	for _, field := range []string{"handoff", "briefs", "deadlines", "communication"} {
		ratings[field] = newChoice(values, label, nil)
		ratings[field].setValue(current[field])
		form.Add(field, T("field."+field), ratings[field], false)
	}
	comment := widgets.NewMultiLineEntry()
	comment.SetText(x.Comment)
	form.Add("comment", T("field.comment"), comment, false)
	title := T("feedback.add")
	if x.ID != 0 {
		title = T("feedback.edit")
	}
	a.showFormDialog(title, form, 600, func(done func(error)) {
		in := inputs{form: form}
		edited := x
		edited.DepartmentID = dept.value()
		edited.On = in.date("on", on)
		edited.Author = in.text(author)
		edited.Handoff, edited.Briefs = ratings["handoff"].value(), ratings["briefs"].value()
		edited.Deadlines, edited.Communication = ratings["deadlines"].value(), ratings["communication"].value()
		edited.Comment = comment.Text
		if err := in.err(); err != nil {
			done(err)
			return
		}
		saveRecord(a, done, func(ctx context.Context, st *data.Store) error {
			_, err := st.SaveFeedback(ctx, edited)
			return err
		}, f.reload)
	})
}
