package grades

import (
	"math"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/table"
)

// The team by competency: everyone's latest observed level of each competency of
// the current matrix.

// HeatmapChart colours each latest observed level from 1 (vermillion) to 4 (green).
func HeatmapChart(latest []data.LatestAssessment, m data.Matrix, lang string, style charts.Style) charts.Heatmap {
	w := words(lang)
	c := charts.Heatmap{
		Title:        w.T("grades.heatmap_title", nil),
		Subtitle:     w.T("grades.heatmap_subtitle", map[string]any{"Count": len(latest)}),
		Min:          1,
		Max:          4,
		Format:       func(v float64) string { return charts.FormatValue(lang, charts.UnitCount, v) },
		MissingLabel: w.T("grades.not_observed", nil),
		Empty:        w.T("grades.no_assessments", nil),
		Style:        style,
	}
	if len(latest) == 0 {
		return c
	}
	for _, k := range m.Competencies {
		c.ColumnLabels = append(c.ColumnLabels, k.Name(lang))
	}
	for _, l := range latest {
		row := make([]float64, len(m.Competencies))
		for i, k := range m.Competencies {
			row[i] = math.NaN()
			if v, ok := l.Observed[k.Code]; ok {
				row[i] = float64(v)
			}
		}
		c.RowLabels = append(c.RowLabels, l.Name)
		c.Values = append(c.Values, row)
	}
	return c
}

// HeatmapTable lists one row per person: their latest assessment's date and level
// in every competency.
func HeatmapTable(latest []data.LatestAssessment, m data.Matrix, lang string) table.Table {
	columns := []table.Column{
		{Key: "name", TitleRU: "Сотрудник", TitleEN: "Name", Kind: table.Text},
		{Key: "grade", TitleRU: "Грейд", TitleEN: "Grade", Kind: table.Text},
		{Key: "assessed", TitleRU: "Дата оценки", TitleEN: "Assessed on", Kind: table.Date},
	}
	for _, k := range m.Competencies {
		columns = append(columns, table.Column{Key: k.Code, TitleRU: k.NameRU, TitleEN: k.NameEN, Kind: table.Integer})
	}
	var rows [][]any
	for _, l := range latest {
		row := []any{l.Name, l.Grade.Name(lang), l.FinishedOn}
		for _, k := range m.Competencies {
			var cell any
			if v, ok := l.Observed[k.Code]; ok {
				cell = int64(v)
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	return table.FromRows(words(lang).T("grades.heatmap_title", nil), columns, rows)
}
