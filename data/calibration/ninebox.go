package calibration

import (
	"leadboard/charts"
	"leadboard/data/review"
	"leadboard/data/table"
)

// The 9-box: performance (the band of the final score, in three levels) against
// the potential the lead recorded, with the people in each cell.

// Levels of either axis, from the lowest.
const (
	Low = iota
	Medium
	High
)

// NineBox places the final reviews: Cells[performance][potential] lists names.
// Unplaced are the final reviews without a recorded potential.
type NineBox struct {
	Cells    [3][3][]string
	Unplaced []string
}

// performanceLevel: below expectations is low, meets is medium, exceeds and
// outstanding are high.
func performanceLevel(b review.Band) int {
	switch b {
	case review.BandBelow:
		return Low
	case review.BandMeets:
		return Medium
	}
	return High
}

var potentialLevels = map[string]int{"low": Low, "medium": Medium, "high": High}

// NineBox places every final review of the results.
func (r Results) NineBox() NineBox {
	var box NineBox
	for _, v := range r.Final() {
		potential, ok := potentialLevels[v.Potential]
		if !ok {
			box.Unplaced = append(box.Unplaced, v.Name)
			continue
		}
		x := performanceLevel(r.Bands.Of(v.Score))
		box.Cells[x][potential] = append(box.Cells[x][potential], v.Name)
	}
	return box
}

var nineBoxColumns = []table.Column{
	{Key: "name", TitleRU: "Сотрудник", TitleEN: "Name", Kind: table.Text},
	{Key: "grade", TitleRU: "Грейд", TitleEN: "Grade", Kind: table.Text},
	{Key: "score", TitleRU: "Итоговая оценка", TitleEN: "Score", Kind: table.Number},
	{Key: "performance", TitleRU: "Результативность", TitleEN: "Performance", Kind: table.Text},
	{Key: "potential", TitleRU: "Потенциал", TitleEN: "Potential", Kind: table.Text},
}

// NineBoxTable lists each final review with its place in the grid.
func (r Results) NineBoxTable(lang string) table.Table {
	w := words(lang)
	var rows [][]any
	for _, v := range r.Final() {
		var potential any
		if v.Potential != "" {
			potential = w.T("review.potential."+v.Potential, nil)
		}
		rows = append(rows, []any{v.Name, v.Grade.Name(lang), round2(v.Score),
			w.T(levelKeys[performanceLevel(r.Bands.Of(v.Score))], nil), potential})
	}
	return table.FromRows(w.T("review.ninebox_title", map[string]any{"Cycle": r.CycleName}), nineBoxColumns, rows)
}

// levelKeys name the levels of performance, potentialLevelKeys of potential (in
// Russian the words agree with the noun).
var (
	levelKeys          = [3]string{"review.level.low", "review.level.medium", "review.level.high"}
	potentialLevelKeys = [3]string{"review.potential_level.low", "review.potential_level.medium",
		"review.potential_level.high"}
)

// NineBoxChart draws the grid with the names in their boxes.
func (r Results) NineBoxChart(lang string, style charts.Style) charts.NineBox {
	w := words(lang)
	box := r.NineBox()
	subtitle := w.T("review.ninebox_subtitle", nil)
	if len(box.Unplaced) > 0 {
		subtitle += "; " + w.T("review.ninebox_unplaced", map[string]any{"Count": len(box.Unplaced)})
	}
	c := charts.NineBox{
		Title:    w.T("review.ninebox_title", map[string]any{"Cycle": r.CycleName}),
		Subtitle: subtitle,
		XLabel:   w.T("review.performance", nil),
		YLabel:   w.T("review.potential", nil),
		Cells:    box.Cells,
		More:     func(n int) string { return w.T("review.more", map[string]any{"Count": n}) },
		Empty:    w.T("review.no_final", nil),
		Style:    style,
	}
	for i, key := range levelKeys {
		c.XLevels[i] = w.T(key, nil)
		c.YLevels[i] = w.T(potentialLevelKeys[i], nil)
	}
	for x := range 3 {
		for y := range 3 {
			c.CellTitles[x][y] = w.T(boxTitleKeys[x][y], nil)
		}
	}
	return c
}

// boxTitleKeys name the boxes, [performance][potential].
var boxTitleKeys = [3][3]string{
	{"review.box.risk", "review.box.inconsistent", "review.box.enigma"},
	{"review.box.effective", "review.box.core", "review.box.growing"},
	{"review.box.expert", "review.box.high_performer", "review.box.star"},
}
