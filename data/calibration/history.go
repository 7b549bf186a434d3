package calibration

import (
	"math"
	"slices"

	"leadboard/charts"
	"leadboard/data/table"
)

// Each person's final score across cycles.

// MaxHistoryPeople is how many people a history chart compares legibly.
const MaxHistoryPeople = 8

// ScoreHistory is the final scores of some people over the cycles, oldest first.
type ScoreHistory struct {
	Cycles []string
	People []PersonScores
}

// PersonScores is one person's score in each cycle (NaN: not reviewed or not final).
type PersonScores struct {
	StaffID int64
	Name    string
	Scores  []float64
}

// History lists the scores of the people given (results of every cycle), in the
// order given, over the cycles with a final review.
func (r Results) History(staffIDs []int64) ScoreHistory {
	var h ScoreHistory
	column := map[int64]int{}
	for _, v := range r.Final() {
		if _, seen := column[v.CycleID]; !seen {
			column[v.CycleID] = len(h.Cycles)
			h.Cycles = append(h.Cycles, v.CycleName)
		}
	}
	row := map[int64]int{}
	for _, id := range staffIDs {
		row[id] = len(h.People)
		h.People = append(h.People, PersonScores{StaffID: id, Scores: nanSlice(len(h.Cycles))})
	}
	for _, v := range r.Reviews {
		i, ok := row[v.StaffID]
		if !ok {
			continue
		}
		h.People[i].Name = v.Name
		if c, ok := column[v.CycleID]; ok && v.Final {
			h.People[i].Scores[c] = v.Score
		}
	}
	return h
}

// DefaultHistoryPeople picks whom to compare when the lead has not chosen: the
// people of the latest cycle with the highest scores there, at most MaxHistoryPeople.
func (r Results) DefaultHistoryPeople() []int64 {
	if len(r.Reviews) == 0 {
		return nil
	}
	last := r.Reviews[len(r.Reviews)-1].CycleID
	var latest []int64
	score := map[int64]float64{}
	for _, v := range r.Reviews {
		if v.CycleID == last {
			latest = append(latest, v.StaffID)
			score[v.StaffID] = v.Score
		}
	}
	slices.SortStableFunc(latest, func(a, b int64) int { return compareScores(score[b], score[a]) })
	return latest[:min(len(latest), MaxHistoryPeople)]
}

// compareScores orders scores with NaN (no score) below every number.
func compareScores(a, b float64) int {
	switch {
	case math.IsNaN(a) && math.IsNaN(b):
		return 0
	case math.IsNaN(a):
		return -1
	case math.IsNaN(b):
		return 1
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func nanSlice(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	return out
}

// Chart draws one line per person over the cycles.
func (h ScoreHistory) Chart(lang string, style charts.Style) charts.LineChart {
	w := words(lang)
	c := charts.LineChart{
		Title:    w.T("review.history_title", nil),
		Subtitle: w.T("review.history_subtitle", map[string]any{"Count": len(h.People)}),
		XLabels:  h.Cycles,
		YTitle:   w.T("review.score_axis", nil),
		Format:   charts.AxisFormatter(lang, charts.UnitScore),
		Empty:    w.T("review.no_final", nil),
		Style:    style,
	}
	for i, p := range h.People {
		c.Series = append(c.Series, charts.LineSeries{Name: p.Name, Values: p.Scores, Color: i})
	}
	return c
}

// Table lists one row per person and cycle.
func (h ScoreHistory) Table(lang string) table.Table {
	columns := []table.Column{
		{Key: "name", TitleRU: "Сотрудник", TitleEN: "Name", Kind: table.Text},
		{Key: "cycle", TitleRU: "Цикл оценки", TitleEN: "Review cycle", Kind: table.Text},
		{Key: "score", TitleRU: "Итоговая оценка", TitleEN: "Score", Kind: table.Number},
	}
	var rows [][]any
	for _, p := range h.People {
		for i, cycle := range h.Cycles {
			var score any
			if !math.IsNaN(p.Scores[i]) {
				score = round2(p.Scores[i])
			}
			rows = append(rows, []any{p.Name, cycle, score})
		}
	}
	return table.FromRows(words(lang).T("review.history_title", nil), columns, rows)
}
