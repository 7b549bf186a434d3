package calibration

import (
	"math"

	"leadboard/data"
	"leadboard/data/table"
)

// Self vs lead: where people rate themselves apart from their lead. A gap is the
// self-rating minus the lead's, per criterion both rated (not "not applicable").

// Gaps are the reviews with a self-review and the lead's ratings, by criterion.
type Gaps struct {
	Reviews []data.ReviewResult
	Values  [][]float64 // [review][criterion of the results]; NaN: not rated by both
}

// Gaps compares the self-reviews of the results with the lead's ratings.
func (r Results) Gaps() Gaps {
	var g Gaps
	for _, v := range r.Reviews {
		row, compared := make([]float64, len(r.Criteria)), false
		for i, c := range r.Criteria {
			row[i] = math.NaN()
			if self, lead := v.Self[c.Code], v.Lead[c.Code]; self > 0 && lead > 0 {
				row[i] = float64(self - lead)
				compared = true
			}
		}
		if compared {
			g.Reviews = append(g.Reviews, v)
			g.Values = append(g.Values, row)
		}
	}
	return g
}

// Mean is a review's mean gap over the criteria both rated.
func (g Gaps) Mean(i int) float64 {
	sum, n := 0.0, 0
	for _, v := range g.Values[i] {
		if !math.IsNaN(v) {
			sum += v
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

var gapColumns = []table.Column{
	{Key: "name", TitleRU: "Сотрудник", TitleEN: "Name", Kind: table.Text},
	{Key: "criterion", TitleRU: "Критерий", TitleEN: "Criterion", Kind: table.Text},
	{Key: "self", TitleRU: "Самооценка", TitleEN: "Self-rating", Kind: table.Integer},
	{Key: "lead", TitleRU: "Оценка руководителя", TitleEN: "Lead's rating", Kind: table.Integer},
	{Key: "gap", TitleRU: "Разница", TitleEN: "Difference", Kind: table.Integer},
}

// GapsTable lists one row per person and criterion both rated.
func (r Results) GapsTable(lang string) table.Table {
	g := r.Gaps()
	var rows [][]any
	for i, v := range g.Reviews {
		for j, c := range r.Criteria {
			if gap := g.Values[i][j]; !math.IsNaN(gap) {
				rows = append(rows, []any{v.Name, c.Name(lang), int64(v.Self[c.Code]), int64(v.Lead[c.Code]), int64(gap)})
			}
		}
	}
	return table.FromRows(words(lang).T("review.gaps_title", map[string]any{"Cycle": r.CycleName}), gapColumns, rows)
}
