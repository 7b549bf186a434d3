package calibration

import (
	"leadboard/charts"
	"leadboard/data/review"
	"leadboard/data/table"
)

// The distribution of a cycle's final scores over the rating bands.

// BandCount is how many final reviews fall in a band.
type BandCount struct {
	Band  review.Band
	Count int
}

// Histogram counts the final reviews per band, every band listed.
func (r Results) Histogram() []BandCount {
	counts := map[review.Band]int{}
	for _, v := range r.Final() {
		counts[r.Bands.Of(v.Score)]++
	}
	out := make([]BandCount, len(Bands))
	for i, b := range Bands {
		out[i] = BandCount{Band: b, Count: counts[b]}
	}
	return out
}

// bandColors are palette indices (Okabe-Ito): below vermillion, meets sky blue,
// exceeds blue, outstanding bluish green.
var bandColors = map[review.Band]int{review.BandBelow: 5, review.BandMeets: 4, review.BandExceeds: 0,
	review.BandOutstanding: 2}

// HistogramChart draws the counts as columns from zero, one per band.
func (r Results) HistogramChart(lang string, style charts.Style) charts.BarChart {
	w := words(lang)
	final := len(r.Final())
	c := charts.BarChart{
		Title: w.T("review.histogram_title", map[string]any{"Cycle": r.CycleName}),
		Subtitle: w.T("review.histogram_subtitle", map[string]any{"Final": final, "Total": len(r.Reviews),
			"Meets": axisScore(lang, r.Bands.Meets), "Exceeds": axisScore(lang, r.Bands.Exceeds),
			"Outstanding": axisScore(lang, r.Bands.Outstanding)}),
		Empty: w.T("review.no_final", nil),
		Style: style,
	}
	if final == 0 {
		return c
	}
	for _, b := range r.Histogram() {
		c.Bars = append(c.Bars, charts.Bar{Label: BandName(lang, b.Band), Value: float64(b.Count),
			Color: bandColors[b.Band]})
	}
	return c
}

// axisScore writes a threshold as briefly as it allows: "3,75", "4,5".
func axisScore(lang string, v float64) string { return charts.FormatAxis(lang, charts.UnitScore, v) }

// bandRange writes the scores a band covers: "3,75–4,5".
func (r Results) bandRange(lang string, b review.Band) string {
	f := func(v float64) string { return axisScore(lang, v) }
	switch b {
	case review.BandBelow:
		return "< " + f(r.Bands.Meets)
	case review.BandMeets:
		return f(r.Bands.Meets) + "–" + f(r.Bands.Exceeds)
	case review.BandExceeds:
		return f(r.Bands.Exceeds) + "–" + f(r.Bands.Outstanding)
	}
	return "≥ " + f(r.Bands.Outstanding)
}

var histogramColumns = []table.Column{
	{Key: "band", TitleRU: "Уровень", TitleEN: "Band", Kind: table.Text},
	{Key: "scores", TitleRU: "Оценки", TitleEN: "Scores", Kind: table.Text},
	{Key: "people", TitleRU: "Человек", TitleEN: "People", Kind: table.Integer},
}

// HistogramTable lists the counts per band.
func (r Results) HistogramTable(lang string) table.Table {
	var rows [][]any
	for _, b := range r.Histogram() {
		rows = append(rows, []any{BandName(lang, b.Band), r.bandRange(lang, b.Band), int64(b.Count)})
	}
	return table.FromRows(words(lang).T("review.histogram_title", map[string]any{"Cycle": r.CycleName}),
		histogramColumns, rows)
}
