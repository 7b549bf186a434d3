package calibration

import (
	"math"

	"leadboard/data/table"
)

// The scores of a cycle: one row per person with their score, band and the lead's
// rating of every criterion. This is the table of `export --what review-scores`
// and the table behind the criteria heatmap.

var scoreColumns = []table.Column{
	{Key: "name", TitleRU: "Сотрудник", TitleEN: "Name", Kind: table.Text},
	{Key: "grade", TitleRU: "Грейд", TitleEN: "Grade", Kind: table.Text},
	{Key: "score", TitleRU: "Итоговая оценка", TitleEN: "Score", Kind: table.Number},
	{Key: "band", TitleRU: "Уровень", TitleEN: "Band", Kind: table.Text},
}

// ScoresTable lists every review of the results (a draft has no score or band
// yet); a criterion not rated or not applicable is an empty cell.
func (r Results) ScoresTable(lang string) table.Table {
	columns := append([]table.Column(nil), scoreColumns...)
	for _, c := range r.Criteria {
		columns = append(columns, table.Column{Key: c.Code, TitleRU: c.NameRU, TitleEN: c.NameEN, Kind: table.Integer})
	}
	rows := make([][]any, len(r.Reviews))
	for i, v := range r.Reviews {
		row := []any{v.Name, v.Grade.Name(lang), nil, nil}
		if v.Final && !math.IsNaN(v.Score) {
			row[2], row[3] = round2(v.Score), BandName(lang, r.Bands.Of(v.Score))
		}
		for _, c := range r.Criteria {
			var cell any
			if rating := v.Lead[c.Code]; rating > 0 {
				cell = int64(rating)
			}
			row = append(row, cell)
		}
		rows[i] = row
	}
	return table.FromRows(words(lang).T("review.scores_table", map[string]any{"Cycle": r.CycleName}), columns, rows)
}
