package audit

import (
	"time"

	"leadboard/assets/locale"
	"leadboard/data"
	"leadboard/data/table"
)

// The register of procedures as the audit (section 7) shows and exports it: each
// procedure in force with its review dates and how many have read its current
// version, and the list of who has not.

var procedureRegisterColumns = []table.Column{
	{Key: "title", TitleRU: "Регламент", TitleEN: "Procedure", Kind: table.Text},
	{Key: "area", TitleRU: "Область", TitleEN: "Area", Kind: table.Text},
	{Key: "owner", TitleRU: "Ответственный", TitleEN: "Owner", Kind: table.Text},
	{Key: "version", TitleRU: "Версия", TitleEN: "Version", Kind: table.Integer},
	{Key: "last_reviewed", TitleRU: "Последний пересмотр", TitleEN: "Last reviewed", Kind: table.Date},
	{Key: "next_review", TitleRU: "Следующий пересмотр", TitleEN: "Next review", Kind: table.Date},
	{Key: "overdue", TitleRU: "Пересмотр просрочен", TitleEN: "Review overdue", Kind: table.Bool},
	{Key: "acknowledged", TitleRU: "Ознакомились", TitleEN: "Acknowledged", Kind: table.Integer},
	{Key: "readers", TitleRU: "Должны ознакомиться", TitleEN: "Should read", Kind: table.Integer},
	{Key: "link", TitleRU: "Ссылка", TitleEN: "Link", Kind: table.Text},
}

// ProceduresTable lists the procedures as given (see data.Store.Procedures), each
// with its next review and whether it is overdue on today.
func ProceduresTable(ps []data.ProcedureRow, today time.Time, lang string) table.Table {
	w := locale.Messages(lang)
	rows := make([][]any, 0, len(ps))
	for _, p := range ps {
		rows = append(rows, []any{p.Title, w.T("procedure.area."+p.Area, nil), p.Owner, int64(p.Version),
			table.DateValue(p.LastReviewed), table.DateValue(p.NextReview()), p.ReviewOverdue(today),
			int64(p.Acknowledged), int64(p.Readers), p.Link})
	}
	return table.FromRows(w.T("audit.procedures.title", nil), procedureRegisterColumns, rows)
}

var missingAckRegisterColumns = []table.Column{
	{Key: "procedure", TitleRU: "Регламент", TitleEN: "Procedure", Kind: table.Text},
	{Key: "version", TitleRU: "Версия", TitleEN: "Version", Kind: table.Integer},
	{Key: "staff", TitleRU: "Сотрудник", TitleEN: "Name", Kind: table.Text},
}

// MissingAcksTable lists who has not yet read the current version of which procedure
// (see data.Store.MissingAcks).
func MissingAcksTable(ms []data.MissingAck, lang string) table.Table {
	rows := make([][]any, 0, len(ms))
	for _, m := range ms {
		rows = append(rows, []any{m.Procedure, int64(m.Version), m.Staff})
	}
	return table.FromRows(locale.Messages(lang).T("audit.procedures.missing_title", nil), missingAckRegisterColumns, rows)
}
