package kpi

import (
	"math"

	"leadboard/data/table"
)

// The tables behind the charts: what the window lists under a chart and what an
// export writes, number for number.

var trendColumns = []table.Column{
	{Key: "period", TitleRU: "Период", TitleEN: "Period", Kind: table.Text},
	{Key: "kpi", TitleRU: "Показатель", TitleEN: "KPI", Kind: table.Text},
	{Key: "entity", TitleRU: "Кто", TitleEN: "Who", Kind: table.Text},
	{Key: "unit", TitleRU: "Единица", TitleEN: "Unit", Kind: table.Text},
	{Key: "value", TitleRU: "Значение", TitleEN: "Value", Kind: table.Number},
	{Key: "target", TitleRU: "Цель", TitleEN: "Target", Kind: table.Number},
	{Key: "attainment", TitleRU: "Выполнение, %", TitleEN: "Attainment, %", Kind: table.Number},
}

// Table lists every point of the trend: a row per series and period.
func (tr Trend) Table(lang string) table.Table {
	t := textsFor(lang)
	var rows [][]any
	for _, s := range tr.Series {
		for i, p := range tr.Periods {
			pt := s.Points[i]
			rows = append(rows, []any{p.Label(lang), s.KPI.Name(lang), t.entityName(s.Entity),
				t.T("kpi.unit."+s.KPI.Unit, nil), cell(roundFor(s.KPI.Unit, pt.Value)), cell(roundFor(s.KPI.Unit, pt.Target)),
				cell(rounded(s.Attainment(i)))})
		}
	}
	return table.FromRows(t.T("kpi.table.trend", nil), trendColumns, rows)
}

var rankingColumns = []table.Column{
	{Key: "place", TitleRU: "Место", TitleEN: "Place", Kind: table.Integer},
	{Key: "entity", TitleRU: "Кто", TitleEN: "Who", Kind: table.Text},
	{Key: "value", TitleRU: "Значение", TitleEN: "Value", Kind: table.Number},
	{Key: "target", TitleRU: "Цель", TitleEN: "Target", Kind: table.Number},
	{Key: "attainment", TitleRU: "Выполнение, %", TitleEN: "Attainment, %", Kind: table.Number},
}

// Table lists the ranking, best first.
func (r Ranking) Table(lang string) table.Table {
	t := textsFor(lang)
	rows := make([][]any, len(r.Rows))
	for i, row := range r.Rows {
		u := r.KPI.Unit
		rows[i] = []any{int64(i + 1), row.Name, cell(roundFor(u, row.Value)), cell(roundFor(u, row.Target)),
			cell(rounded(row.Attainment))}
	}
	return table.FromRows(t.T("kpi.table.ranking", nil), rankingColumns, rows)
}

// cell is a number for a table, nil (an empty cell) when there is none.
func cell(v float64) any {
	if math.IsNaN(v) {
		return nil
	}
	return v
}

// rounded keeps one decimal of an attainment: finer digits only distract.
func rounded(v float64) float64 { return math.Round(v*10) / 10 }

// roundFor keeps the digits the window shows (charts.FormatValue): whole roubles,
// one decimal of anything else, so the file and the screen say the same.
func roundFor(unit string, v float64) float64 {
	if unit == "rub" {
		return math.Round(v)
	}
	return rounded(v)
}
