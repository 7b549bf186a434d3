package grades

import (
	"cmp"
	"math"
	"slices"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/competency"
	"leadboard/data/table"
)

// The readiness list: everyone's latest assessment, the readiest for the next
// grade first.

// Readiness orders the latest assessments by readiness, the top grade (no next
// grade) last.
func Readiness(latest []data.LatestAssessment) []data.LatestAssessment {
	out := slices.Clone(latest)
	slices.SortStableFunc(out, func(a, b data.LatestAssessment) int {
		return cmp.Compare(readinessKey(b.Outcome.Readiness), readinessKey(a.Outcome.Readiness))
	})
	return out
}

func readinessKey(v float64) float64 {
	if math.IsNaN(v) {
		return -1
	}
	return v
}

// ReadinessChart ranks the readiness for the next grade, green from the
// promotion threshold, amber from 75 %.
func ReadinessChart(latest []data.LatestAssessment, lang string, style charts.Style) charts.RankingChart {
	w := words(lang)
	c := charts.RankingChart{Title: w.T("grades.readiness_title", nil), Subtitle: w.T("grades.readiness_subtitle", nil),
		Format:      func(v float64) string { return charts.FormatAxis(lang, charts.UnitPercent, math.Round(v)) },
		TargetLabel: w.T("grades.readiness_full", nil), Amber: 75, Green: competency.PromoteReadiness,
		Empty: w.T("grades.no_assessments", nil), Style: style}
	for _, l := range Readiness(latest) {
		if !math.IsNaN(l.Outcome.Readiness) {
			c.Bars = append(c.Bars, charts.RankBar{Label: l.Name, Value: l.Outcome.Readiness})
		}
	}
	return c
}

var readinessColumns = []table.Column{
	{Key: "name", TitleRU: "Сотрудник", TitleEN: "Name", Kind: table.Text},
	{Key: "grade", TitleRU: "Грейд", TitleEN: "Grade", Kind: table.Text},
	{Key: "assessed", TitleRU: "Дата оценки", TitleEN: "Assessed on", Kind: table.Date},
	{Key: "fit", TitleRU: "Соответствие грейду, %", TitleEN: "Fit to grade, %", Kind: table.Number},
	{Key: "readiness", TitleRU: "Готовность к следующему, %", TitleEN: "Readiness for the next, %", Kind: table.Number},
	{Key: "advice", TitleRU: "Рекомендация", TitleEN: "Recommendation", Kind: table.Text},
	{Key: "decision", TitleRU: "Решение", TitleEN: "Decision", Kind: table.Text},
}

// ReadinessTable lists the latest assessments in readiness order.
func ReadinessTable(latest []data.LatestAssessment, lang string) table.Table {
	var rows [][]any
	for _, l := range Readiness(latest) {
		var readiness any
		if !math.IsNaN(l.Outcome.Readiness) {
			readiness = math.Round(l.Outcome.Readiness)
		}
		rows = append(rows, []any{l.Name, l.Grade.Name(lang), l.FinishedOn, math.Round(l.Outcome.Fit), readiness,
			AdviceName(lang, l.Outcome.Advice), AdviceName(lang, l.Decision)})
	}
	return table.FromRows(words(lang).T("grades.readiness_title", nil), readinessColumns, rows)
}

var calendarColumns = []table.Column{
	{Key: "name", TitleRU: "Сотрудник", TitleEN: "Name", Kind: table.Text},
	{Key: "grade", TitleRU: "Грейд", TitleEN: "Grade", Kind: table.Text},
	{Key: "last", TitleRU: "Последняя оценка", TitleEN: "Last assessed", Kind: table.Date},
	{Key: "due", TitleRU: "Следующая не позже", TitleEN: "Next due", Kind: table.Date},
	{Key: "status", TitleRU: "Состояние", TitleEN: "Status", Kind: table.Text},
}

// CalendarTable lists who is due an assessment and when, those due first.
func CalendarTable(due []data.DuePerson, lang string) table.Table {
	w := words(lang)
	var rows [][]any
	for _, d := range due {
		status := w.T("grades.due."+DueStatus(d), nil)
		rows = append(rows, []any{d.Name, d.Grade.Name(lang), table.DateValue(d.LastAssessed), table.DateValue(d.DueOn),
			status})
	}
	return table.FromRows(w.T("grades.calendar_title", nil), calendarColumns, rows)
}

// DueStatus names where a person stands: an assessment under way ("underway"), why
// one is due ("ready", "overdue", "never"), or "planned".
func DueStatus(d data.DuePerson) string {
	switch {
	case d.Underway != 0:
		return "underway"
	case d.Reason == "":
		return "planned"
	}
	return d.Reason
}
