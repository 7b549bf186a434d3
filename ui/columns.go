package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/ui/widgets"
)

// Column sets shared by the staff and client cards.

func assignmentColumns(showClient bool) []widgets.Column[data.AssignmentRow] {
	type row = data.AssignmentRow
	who := widgets.Column[row]{Title: T("field.manager"), Width: 260, Text: func(r row) string { return r.StaffName },
		Less: func(a, b row) bool { return lessText(a.StaffName, b.StaffName) }}
	if showClient {
		who = widgets.Column[row]{Title: T("field.client"), Width: 260, Text: func(r row) string { return r.ClientName },
			Less: func(a, b row) bool { return lessText(a.ClientName, b.ClientName) }}
	}
	current := func(r row) widget.Importance {
		if r.End.IsZero() {
			return widget.HighImportance
		}
		return widget.MediumImportance
	}
	return []widgets.Column[row]{
		who,
		{Title: T("field.role"), Width: 140, Text: func(r row) string { return T("role." + string(r.Role)) },
			Less: func(a, b row) bool { return a.Role < b.Role }},
		{Title: T("field.from"), Width: 120, Text: func(r row) string { return date(r.Start) },
			Less: func(a, b row) bool { return a.Start.Before(b.Start) }},
		{Title: T("field.to"), Width: 140, Importance: current, Text: func(r row) string {
			if r.End.IsZero() {
				return T("assignment.now")
			}
			return date(r.End)
		}, Less: func(a, b row) bool { return endOrFuture(a.End).Before(endOrFuture(b.End)) }},
	}
}

func gradeHistoryColumns() []widgets.Column[data.GradeHistoryRow] {
	type row = data.GradeHistoryRow
	return []widgets.Column[row]{
		{Title: T("field.date"), Width: 120, Text: func(r row) string { return date(r.Date) },
			Less: func(a, b row) bool { return a.Date.Before(b.Date) }},
		{Title: T("field.from_grade"), Width: 240, Text: func(r row) string {
			if r.From.ID == 0 {
				return T("grade.hired")
			}
			return r.From.Name(currentLang())
		}},
		{Title: T("field.to_grade"), Width: 240, Text: func(r row) string { return r.To.Name(currentLang()) }},
		{Title: T("field.reason"), Width: 420, Text: func(r row) string { return r.Reason }},
	}
}

func interactionColumns(showClient bool) []widgets.Column[data.InteractionRow] {
	type row = data.InteractionRow
	who := widgets.Column[row]{Title: T("field.manager"), Width: 220, Text: func(r row) string { return r.StaffName },
		Less: func(a, b row) bool { return lessText(a.StaffName, b.StaffName) }}
	if showClient {
		who = widgets.Column[row]{Title: T("field.client"), Width: 220, Text: func(r row) string { return r.ClientName },
			Less: func(a, b row) bool { return lessText(a.ClientName, b.ClientName) }}
	}
	openComplaint := func(r row) widget.Importance {
		if r.IsOpenComplaint() {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	return []widgets.Column[row]{
		{Title: T("field.at"), Width: 150, Text: func(r row) string { return dateTime(r.At) },
			Less: func(a, b row) bool { return a.At.Before(b.At) }},
		who,
		{Title: T("field.kind"), Width: 150, Importance: openComplaint,
			Text: func(r row) string { return T("kind." + r.Kind) },
			Less: func(a, b row) bool { return a.Kind < b.Kind }},
		{Title: T("field.channel"), Width: 120, Text: func(r row) string { return T("channel." + r.Channel) }},
		{Title: T("field.response_hours"), Width: 110, Align: fyne.TextAlignTrailing, Text: func(r row) string {
			if r.ResponseHours == nil {
				return ""
			}
			return number(*r.ResponseHours, 1)
		}, Less: func(a, b row) bool { return hours(a) < hours(b) }},
		{Title: T("field.resolved_at"), Width: 150, Importance: openComplaint, Text: func(r row) string {
			if r.IsOpenComplaint() {
				return T("interaction.open")
			}
			return dateTime(r.ResolvedAt)
		}},
		{Title: T("field.satisfaction"), Width: 80, Align: fyne.TextAlignTrailing, Text: func(r row) string {
			if r.Satisfaction == 0 {
				return ""
			}
			return strconv.Itoa(r.Satisfaction)
		}, Less: func(a, b row) bool { return a.Satisfaction < b.Satisfaction }},
		{Title: T("field.amount"), Width: 140, Align: fyne.TextAlignTrailing, Text: func(r row) string {
			if r.Amount == 0 {
				return ""
			}
			return money(r.Amount)
		}, Less: func(a, b row) bool { return a.Amount < b.Amount }},
		{Title: T("field.notes"), Width: 360, Text: func(r row) string { return r.Notes }},
	}
}

// endOrFuture orders open-ended periods after every closed one.
func endOrFuture(t time.Time) time.Time {
	if t.IsZero() {
		return time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return t
}

func hours(r data.InteractionRow) float64 {
	if r.ResponseHours == nil {
		return -1
	}
	return *r.ResponseHours
}
