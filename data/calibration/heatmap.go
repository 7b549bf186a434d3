package calibration

import (
	"math"

	"leadboard/charts"
)

// The criteria heatmap: people down the side, criteria across, the lead's rating
// in each cell. Its table is ScoresTable.

// HeatmapChart colours each rating from 1 (vermillion) to 5 (bluish green); a
// criterion not rated or not applicable is an empty cell.
func (r Results) HeatmapChart(lang string, style charts.Style) charts.Heatmap {
	w := words(lang)
	c := charts.Heatmap{
		Title:        w.T("review.heatmap_title", map[string]any{"Cycle": r.CycleName}),
		Subtitle:     w.T("review.heatmap_subtitle", nil),
		Min:          1,
		Max:          5,
		Format:       ratingFormat,
		MissingLabel: w.T("review.no_rating", nil),
		Empty:        w.T("review.no_ratings", nil),
		Style:        style,
	}
	for _, k := range r.Criteria {
		c.ColumnLabels = append(c.ColumnLabels, k.Name(lang))
	}
	for _, v := range r.Reviews {
		if len(v.Lead) == 0 {
			continue
		}
		row := make([]float64, len(r.Criteria))
		for i, k := range r.Criteria {
			row[i] = math.NaN()
			if rating := v.Lead[k.Code]; rating > 0 {
				row[i] = float64(rating)
			}
		}
		c.RowLabels = append(c.RowLabels, v.Name)
		c.Values = append(c.Values, row)
	}
	return c
}

func ratingFormat(v float64) string {
	return charts.FormatValue("", charts.UnitCount, v)
}

// GapsChart colours each self-rating minus the lead's: blue where people rate
// themselves higher, vermillion lower.
func (r Results) GapsChart(lang string, style charts.Style) charts.Heatmap {
	w := words(lang)
	g := r.Gaps()
	c := charts.Heatmap{
		Title:        w.T("review.gaps_title", map[string]any{"Cycle": r.CycleName}),
		Subtitle:     w.T("review.gaps_subtitle", map[string]any{"Count": len(g.Reviews)}),
		Min:          -2, // gaps of two points and more are the ones to talk about
		Max:          2,
		Diverging:    true,
		MissingLabel: w.T("review.not_compared", nil),
		Empty:        w.T("review.no_self", nil),
		Style:        style,
		Values:       g.Values,
	}
	for _, k := range r.Criteria {
		c.ColumnLabels = append(c.ColumnLabels, k.Name(lang))
	}
	for _, v := range g.Reviews {
		c.RowLabels = append(c.RowLabels, v.Name)
	}
	return c
}
