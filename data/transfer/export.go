package transfer

import (
	"context"
	"fmt"
	"strings"

	"leadboard/data"
	"leadboard/data/table"
)

// The export tables have the import's columns, so that an exported file imports
// back unchanged. Enumerations are written as the app shows them in lang; imports
// read both languages.

// StaffTable is a staff list as a table.
func StaffTable(rows []data.StaffRow, lang string) table.Table {
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = []any{r.FullName, r.Position, r.Grade.Name(lang), r.Team, table.DateValue(r.HireDate), r.FTE,
			capacityCell(r.CapacityOverride), staffStatuses.name(lang, string(r.Status)), table.DateValue(r.LeftDate),
			r.Email, r.Phone, r.Notes}
	}
	return table.FromRows(tableName(Staff, lang), Columns(Staff), out)
}

// capacityCell leaves the cell empty for no personal capacity.
func capacityCell(v float64) any {
	if v == 0 {
		return nil
	}
	return v
}

// ClientTable is a client list as a table.
func ClientTable(rows []data.ClientRow, lang string) table.Table {
	out := make([][]any, len(rows))
	for i, r := range rows {
		names := make([]string, len(r.Services))
		for j, s := range r.Services {
			names[j] = services.name(lang, s)
		}
		out[i] = []any{r.Name, r.Industry, r.Tier, clientStatuses.name(lang, string(r.Status)), r.MonthlyBudget,
			strings.Join(names, ", "), int64(r.Complexity), table.DateValue(r.StartDate), r.Lead.Name, r.Backup.Name,
			table.DateValue(r.ChurnDate), r.ChurnReason, r.Notes}
	}
	return table.FromRows(tableName(Clients, lang), Columns(Clients), out)
}

// ContactTable is a list of contacts as a table.
func ContactTable(rows []data.Contact, lang string) table.Table {
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = []any{r.ClientName, r.Name, r.Role, r.Email, r.Phone, r.DecisionMaker}
	}
	return table.FromRows(tableName(Contacts, lang), Columns(Contacts), out)
}

// ContractTable is a list of contracts as a table.
func ContractTable(rows []data.Contract, lang string) table.Table {
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = []any{r.ClientName, r.Number, table.DateValue(r.Start), table.DateValue(r.End), r.MonthlyFee, r.SLAHours,
			reporting.name(lang, r.ReportFrequency), int64(r.ReportWorkday), contractStatuses.name(lang, string(r.Status)),
			int64(r.RenewalNoticeDays)}
	}
	return table.FromRows(tableName(Contracts, lang), Columns(Contracts), out)
}

// AssignmentTable is a list of assignments as a table.
func AssignmentTable(rows []data.AssignmentRow, lang string) table.Table {
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = []any{r.ClientName, r.StaffName, roles.name(lang, string(r.Role)), table.DateValue(r.Start),
			table.DateValue(r.End)}
	}
	return table.FromRows(tableName(Assignments, lang), Columns(Assignments), out)
}

// interactionRow is one log entry as table cells.
func interactionRow(r data.InteractionRow, lang string) []any {
	var response, satisfaction, amount any
	if r.ResponseHours != nil {
		response = *r.ResponseHours
	}
	if r.Satisfaction != 0 {
		satisfaction = int64(r.Satisfaction)
	}
	if r.Amount != 0 {
		amount = r.Amount
	}
	return []any{table.DateValue(r.At), r.ClientName, r.StaffName, channels.name(lang, r.Channel),
		kinds.name(lang, r.Kind), response, table.DateValue(r.ResolvedAt), satisfaction, amount,
		table.DateValue(r.ReportDue), r.Notes}
}

// InteractionTable is a list of log entries as a table.
func InteractionTable(rows []data.InteractionRow, lang string) table.Table {
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = interactionRow(r, lang)
	}
	return table.FromRows(tableName(Interactions, lang), Columns(Interactions), out)
}

// feedbackRow writes an entry the way the import reads it: the person's full name,
// the department's name, an empty cell for a rating not given.
func feedbackRow(r data.FeedbackRow) []any {
	return []any{r.StaffName, r.DepartmentName, table.DateValue(r.On), r.Author, ratingCell(r.Handoff),
		ratingCell(r.Briefs), ratingCell(r.Deadlines), ratingCell(r.Communication), r.Comment}
}

func ratingCell(v int) any {
	if v == 0 {
		return nil
	}
	return int64(v)
}

// FeedbackTable is a list of feedback entries as a table.
func FeedbackTable(rows []data.FeedbackRow, lang string) table.Table {
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = feedbackRow(r)
	}
	return table.FromRows(tableName(Feedback, lang), Columns(Feedback), out)
}

// WholeTable is everything of a kind in the database, for the command line's export:
// the whole log is streamed from the database, never held in memory.
func WholeTable(ctx context.Context, st *data.Store, k Kind, lang string) (table.Table, error) {
	switch k {
	case Staff:
		rows, err := st.ListStaff(ctx, data.StaffFilter{Statuses: data.StaffStatuses})
		return StaffTable(rows, lang), err
	case Clients:
		rows, err := st.ListClients(ctx, data.ClientFilter{WithArchived: true})
		return ClientTable(rows, lang), err
	case Contacts:
		rows, err := st.Contacts(ctx, 0)
		return ContactTable(rows, lang), err
	case Contracts:
		rows, err := st.Contracts(ctx, 0)
		return ContractTable(rows, lang), err
	case Assignments:
		rows, err := st.AllAssignments(ctx)
		return AssignmentTable(rows, lang), err
	case Interactions:
		return table.Table{Name: tableName(Interactions, lang), Columns: Columns(Interactions),
			Rows: func(yield func([]any) error) error {
				return st.EachInteraction(ctx, func(r data.InteractionRow) error { return yield(interactionRow(r, lang)) })
			}}, nil
	case Feedback:
		rows, err := st.AllFeedback(ctx)
		return FeedbackTable(rows, lang), err
	case KPI:
		return table.Table{Name: tableName(KPI, lang), Columns: Columns(KPI),
			Rows: func(yield func([]any) error) error {
				return st.EachKPIRecord(ctx, func(r data.KPIRecord) error { return yield(kpiRow(r)) })
			}}, nil
	}
	return table.Table{}, fmt.Errorf("unknown kind %q", k)
}

// tableName names a table (and its XLSX sheet) in the language.
func tableName(k Kind, lang string) string { return catalog(lang).T("kind_name."+string(k), nil) }

// gradeHistoryColumns are the columns of a person's grade history (an export only:
// grade changes are made in the window, with their reason).
var gradeHistoryColumns = []table.Column{
	{Key: "date", TitleRU: "Дата", TitleEN: "Date", Kind: table.Date},
	{Key: "from_grade", TitleRU: "Прежний грейд", TitleEN: "From grade", Kind: table.Text},
	{Key: "to_grade", TitleRU: "Новый грейд", TitleEN: "New grade", Kind: table.Text},
	{Key: "reason", TitleRU: "Основание", TitleEN: "Reason", Kind: table.Text},
}

// GradeHistoryTable is a person's grade history as a table; the first line (the
// grade at hiring) has no previous grade.
func GradeHistoryTable(person string, rows []data.GradeHistoryRow, lang string) table.Table {
	out := make([][]any, len(rows))
	for i, r := range rows {
		from := ""
		if r.From.ID != 0 {
			from = r.From.Name(lang)
		}
		out[i] = []any{table.DateValue(r.Date), from, r.To.Name(lang), r.Reason}
	}
	return table.FromRows(person, gradeHistoryColumns, out)
}
