package workload

import (
	"math"

	"leadboard/data/table"
)

// The tables behind the workload charts: what the window lists and exports.

var loadColumns = []table.Column{
	{Key: "manager", TitleRU: "Менеджер", TitleEN: "Manager", Kind: table.Text},
	{Key: "grade", TitleRU: "Грейд", TitleEN: "Grade", Kind: table.Text},
	{Key: "team", TitleRU: "Команда", TitleEN: "Team", Kind: table.Text},
	{Key: "fte", TitleRU: "Ставка", TitleEN: "FTE", Kind: table.Number},
	{Key: "capacity", TitleRU: "Ёмкость, баллов", TitleEN: "Capacity, points", Kind: table.Number},
	{Key: "load", TitleRU: "Нагрузка, баллов", TitleEN: "Load, points", Kind: table.Number},
	{Key: "utilization", TitleRU: "Загрузка, %", TitleEN: "Utilization, %", Kind: table.Number},
	{Key: "lead_clients", TitleRU: "Ведёт клиентов", TitleEN: "Clients led", Kind: table.Integer},
	{Key: "backup_clients", TitleRU: "Резервный у клиентов", TitleEN: "Clients backed up", Kind: table.Integer},
	{Key: "on_leave", TitleRU: "В отпуске", TitleEN: "On leave", Kind: table.Bool},
}

// LoadTable lists the loads, one row per manager, with the name of the table in
// the language.
func LoadTable(loads []Load, lang, name string) table.Table {
	rows := make([][]any, len(loads))
	for i, l := range loads {
		rows[i] = []any{l.Name, l.Grade.Name(lang), l.Team, l.FTE, round1(l.Capacity), round1(l.Points()),
			cellOf(round1(l.Utilization())), int64(l.Leads), int64(l.Backups), l.OnLeave}
	}
	return table.FromRows(name, loadColumns, rows)
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func cellOf(v float64) any {
	if math.IsNaN(v) {
		return nil
	}
	return v
}
