package health

import (
	"cmp"
	"math"
	"slices"

	"leadboard/assets/locale"
	"leadboard/data/table"
)

// The health tables: what the window lists, the export writes and the meeting pack
// prints, each built once here.

// BandName names a band in a language ("" is "no score").
func BandName(lang, band string) string {
	if band == BandNone {
		return words(lang).T("health.band.none", nil)
	}
	return words(lang).T("health.band."+band, nil)
}

// MeasureName and MeasureHow name a measure and say how it is computed.
func MeasureName(lang, code string) string { return words(lang).T("health.measure."+code+".name", nil) }

func MeasureHow(lang, code string) string { return words(lang).T("health.measure."+code+".how", nil) }

// column builds a column whose headers come from a translation key.
func column(key, titleKey string, kind table.Kind) table.Column {
	return table.Column{Key: key, TitleRU: words(locale.Russian).T(titleKey, nil),
		TitleEN: words(locale.English).T(titleKey, nil), Kind: kind}
}

func scoreColumns() []table.Column {
	cols := []table.Column{
		{Key: "client", TitleRU: "Клиент", TitleEN: "Client", Kind: table.Text},
		{Key: "lead", TitleRU: "Ведущий менеджер", TitleEN: "Lead manager", Kind: table.Text},
		{Key: "score", TitleRU: "Оценка", TitleEN: "Score", Kind: table.Number},
		{Key: "computed", TitleRU: "Расчётная оценка", TitleEN: "Computed score", Kind: table.Number},
		{Key: "band", TitleRU: "Зона", TitleEN: "Band", Kind: table.Text},
	}
	for _, code := range Measures {
		cols = append(cols, column("measure_"+code, "health.measure."+code+".name", table.Number))
	}
	return append(cols,
		table.Column{Key: "reasons", TitleRU: "Причины", TitleEN: "Reasons", Kind: table.Text},
		table.Column{Key: "override_note", TitleRU: "Оценка руководителя: почему", TitleEN: "Lead's score: why",
			Kind: table.Text},
		table.Column{Key: "override_expires", TitleRU: "Оценка руководителя действует до",
			TitleEN: "Lead's score in force until", Kind: table.Date},
	)
}

// ScoresTable lists every client's health in the order given: the score, the
// computed score beside it, the band, each measure's score, the reasons and the
// lead's override.
func ScoresTable(hs []ClientHealth, lang string) table.Table {
	rows := make([][]any, len(hs))
	for i, h := range hs {
		row := []any{h.Client, h.Lead, cell(h.Score), cell(h.Computed), BandName(lang, h.Band)}
		for _, code := range Measures {
			row = append(row, cell(math.Round(h.Measure(code))))
		}
		var note, expires any
		if h.Override != nil {
			note, expires = h.Override.Note, h.Override.ExpiresOn
		}
		rows[i] = append(row, h.ReasonText(lang), note, expires)
	}
	return table.FromRows(words(lang).T("health.scores_title", nil), scoreColumns(), rows)
}

var riskColumns = []table.Column{
	{Key: "client", TitleRU: "Клиент", TitleEN: "Client", Kind: table.Text},
	{Key: "lead", TitleRU: "Ведущий менеджер", TitleEN: "Lead manager", Kind: table.Text},
	{Key: "score", TitleRU: "Оценка", TitleEN: "Score", Kind: table.Number},
	{Key: "band", TitleRU: "Зона", TitleEN: "Band", Kind: table.Text},
	{Key: "reasons", TitleRU: "Причины", TitleEN: "Reasons", Kind: table.Text},
}

// AtRisk is the red and amber clients, the worst first (by name among equals), at
// most limit of them (limit ≤ 0: all).
func AtRisk(hs []ClientHealth, limit int) []ClientHealth {
	var out []ClientHealth
	for _, h := range hs {
		if h.Band == BandRed || h.Band == BandAmber {
			out = append(out, h)
		}
	}
	slices.SortStableFunc(out, func(a, b ClientHealth) int {
		return cmp.Or(cmp.Compare(a.Score, b.Score), cmp.Compare(a.Client, b.Client))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// RiskTable is the risk list: AtRisk with the reasons in words.
func RiskTable(hs []ClientHealth, limit int, lang string) table.Table {
	var rows [][]any
	for _, h := range AtRisk(hs, limit) {
		rows = append(rows, []any{h.Client, h.Lead, cell(h.Score), BandName(lang, h.Band), h.ReasonText(lang)})
	}
	return table.FromRows(words(lang).T("health.risk_title", nil), riskColumns, rows)
}

var historyColumns = []table.Column{
	{Key: "client", TitleRU: "Клиент", TitleEN: "Client", Kind: table.Text},
	{Key: "month", TitleRU: "Месяц", TitleEN: "Month", Kind: table.Text},
	{Key: "score", TitleRU: "Оценка", TitleEN: "Score", Kind: table.Number},
	{Key: "computed", TitleRU: "Расчётная оценка", TitleEN: "Computed score", Kind: table.Number},
	{Key: "band", TitleRU: "Зона", TitleEN: "Band", Kind: table.Text},
	{Key: "overridden", TitleRU: "Оценка руководителя", TitleEN: "Lead's score", Kind: table.Bool},
}

// HistoryTable lists the monthly health of the clients, by name then month.
func HistoryTable(history map[int64][]MonthScore, names map[int64]string, lang string) table.Table {
	var rows [][]any
	for _, id := range byName(history, names) {
		for _, m := range history[id] {
			rows = append(rows, []any{names[id], m.Month.String(), cell(m.Score), cell(m.Computed),
				BandName(lang, m.Band), m.Overridden})
		}
	}
	return table.FromRows(words(lang).T("health.history_title", nil), historyColumns, rows)
}

// byName orders the clients of a history by name.
func byName(history map[int64][]MonthScore, names map[int64]string) []int64 {
	ids := make([]int64, 0, len(history))
	for id := range history {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Or(cmp.Compare(names[a], names[b]), cmp.Compare(a, b)) })
	return ids
}

var settingsColumns = []table.Column{
	{Key: "item", TitleRU: "Показатель", TitleEN: "Measure", Kind: table.Text},
	{Key: "value", TitleRU: "Вес или порог", TitleEN: "Weight or threshold", Kind: table.Number},
	{Key: "share", TitleRU: "Доля в оценке, %", TitleEN: "Share of the score, %", Kind: table.Number},
	{Key: "how", TitleRU: "Как считается", TitleEN: "How it is computed", Kind: table.Text},
}

// SettingsTable documents the score: each measure with its weight, its share of
// the score when every measure has one, and how it is computed; then the band
// thresholds.
func SettingsTable(st Settings, lang string) table.Table {
	w := words(lang)
	total := 0.0
	for _, code := range Measures {
		total += st.Weights[code]
	}
	var rows [][]any
	for _, code := range Measures {
		var share any
		if total > 0 {
			share = math.Round(st.Weights[code]/total*1000) / 10
		}
		rows = append(rows, []any{MeasureName(lang, code), st.Weights[code], share, MeasureHow(lang, code)})
	}
	rows = append(rows,
		[]any{w.T("health.threshold.red", nil), st.Red, nil, w.T("health.threshold.red_how", nil)},
		[]any{w.T("health.threshold.amber", nil), st.Amber, nil, w.T("health.threshold.amber_how", nil)},
		[]any{w.T("health.threshold.override", nil), nil, nil, w.T("health.threshold.override_how", nil)},
	)
	return table.FromRows(w.T("health.settings_title", nil), settingsColumns, rows)
}

// cell is nil for NaN, so that a missing figure exports as an empty cell.
func cell(v float64) any {
	if math.IsNaN(v) {
		return nil
	}
	return v
}
