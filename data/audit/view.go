package audit

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"leadboard/assets/locale"
	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/table"
)

// The audit's charts and tables in a language: the window, the export and the
// meeting pack draw the same ones. Scores show as whole per cents everywhere, so a
// bar's label, a table cell and an exported file agree.

func words(lang string) locale.Catalog { return locale.Messages(lang) }

// Band thresholds of a section's score, in per cent.
const (
	AmberFrom = 50 // below: most of the section is missing
	GreenFrom = 80 // from here: the section is essentially in place
)

// trendLines is how many lines the trend draws at most: the overall score and the
// sections that moved most. Eleven lines would read as none.
const trendLines = 4

// RatingName names a rating ("" is not rated yet).
func RatingName(lang, rating string) string {
	if rating == "" {
		rating = "none"
	}
	return words(lang).T("audit.rating."+rating, nil)
}

// StatusName names an action's status.
func StatusName(lang, status string) string {
	return words(lang).T("audit.action.status."+status, nil)
}

// SectionLabel is a section's number and short title: "4. Качество отчётности".
func SectionLabel(s Section, lang string) string {
	return strconv.Itoa(s.Number) + ". " + s.Title(lang)
}

// wholePercent rounds a score the way every view shows it; NaN stays NaN.
func wholePercent(v float64) float64 { return math.Round(v) }

// percentCell is a score for a table cell: nil when there is none.
func percentCell(v float64) any {
	if math.IsNaN(v) {
		return nil
	}
	return wholePercent(v)
}

func percentText(lang string, v float64) string {
	return charts.FormatAxis(lang, charts.UnitPercent, wholePercent(v))
}

func auditDate(lang string, a data.Audit) string { return locale.Date(lang, a.HeldOn) }

// auditName is "15.03.2026" or "15.03.2026 — Весенний аудит".
func auditName(lang string, a data.Audit) string {
	if a.Title == "" {
		return auditDate(lang, a)
	}
	return auditDate(lang, a) + " — " + a.Title
}

// SectionChart ranks an audit's sections by score in checklist order: a section
// nobody rated has no bar.
func SectionChart(r Result, lang string, style charts.Style) charts.RankingChart {
	w := words(lang)
	c := charts.RankingChart{
		Title: w.T("audit.section_chart_title", map[string]any{"Audit": auditName(lang, r.Audit)}),
		Subtitle: w.T("audit.section_chart_subtitle", map[string]any{"Overall": percentText(lang, r.Overall),
			"Rated": r.Rated, "Items": r.Items}),
		Format:      func(v float64) string { return percentText(lang, v) },
		TargetLabel: w.T("audit.all_in_place", nil),
		Amber:       AmberFrom, Green: GreenFrom,
		Empty: w.T("audit.nothing_rated", nil),
		Style: style,
	}
	for _, s := range r.Sections {
		if !math.IsNaN(s.Percent) {
			c.Bars = append(c.Bars, charts.RankBar{Label: SectionLabel(s.Section, lang), Value: s.Percent})
		}
	}
	if len(c.Bars) == 0 {
		c.Subtitle = ""
	}
	return c
}

// TrendChart follows the overall score from audit to audit, with the sections whose
// score moved most (highest minus lowest across the audits) beside it.
func TrendChart(results []Result, lang string, style charts.Style) charts.LineChart {
	w := words(lang)
	c := charts.LineChart{
		Title:  w.T("audit.trend_title", nil),
		YTitle: w.T("audit.score_axis", nil),
		Format: charts.AxisFormatter(lang, charts.UnitPercent),
		Empty:  w.T("audit.no_scores", nil),
		Style:  style,
	}
	overall := make([]float64, len(results))
	for i, r := range results {
		c.XLabels = append(c.XLabels, auditDate(lang, r.Audit))
		overall[i] = r.Overall
	}
	c.Series = append(c.Series, charts.LineSeries{Name: w.T("audit.overall", nil), Values: overall, Kind: charts.Line})
	var numbers []string
	for i, n := range mostChanged(results, trendLines-1) {
		values := make([]float64, len(results))
		for j, r := range results {
			values[j] = r.Sections[n].Percent
		}
		section := results[0].Sections[n].Section
		numbers = append(numbers, strconv.Itoa(section.Number))
		c.Series = append(c.Series, charts.LineSeries{Name: SectionLabel(section, lang), Values: values,
			Kind: charts.Line, Color: i + 1})
	}
	// The legend names the lines; the subtitle says why these sections, by number.
	if len(numbers) == 0 {
		c.Subtitle = w.T("audit.trend_overall_only", nil)
	} else {
		c.Subtitle = w.T("audit.trend_subtitle", map[string]any{"Sections": strings.Join(numbers, ", ")})
	}
	return c
}

// mostChanged picks up to n sections (by index) whose score moved most across the
// results, the largest move first; a section that never moved is not picked.
func mostChanged(results []Result, n int) []int {
	type move struct {
		index int
		size  float64
	}
	var moves []move
	if len(results) == 0 {
		return nil
	}
	for i := range results[0].Sections {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, r := range results {
			if v := r.Sections[i].Percent; !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		if hi > lo {
			moves = append(moves, move{i, hi - lo})
		}
	}
	slices.SortStableFunc(moves, func(a, b move) int { return cmp.Compare(b.size, a.size) })
	var out []int
	for _, m := range moves[:min(n, len(moves))] {
		out = append(out, m.index)
	}
	return out
}

// ComparisonChart sets two audits' section scores side by side, a row per section
// rated in either audit.
func ComparisonChart(c Comparison, lang string, style charts.Style) charts.GroupedBarChart {
	w := words(lang)
	out := charts.GroupedBarChart{
		Title: w.T("audit.comparison_title", map[string]any{"Before": auditDate(lang, c.Before.Audit),
			"After": auditDate(lang, c.After.Audit)}),
		Subtitle: w.T("audit.comparison_subtitle", map[string]any{"Changed": len(c.Items)}),
		Series: []string{w.T("audit.audit_of", map[string]any{"Date": auditDate(lang, c.Before.Audit)}),
			w.T("audit.audit_of", map[string]any{"Date": auditDate(lang, c.After.Audit)})},
		Format: func(v float64) string { return percentText(lang, v) },
		Max:    100,
		Empty:  w.T("audit.nothing_rated", nil),
		Style:  style,
	}
	for _, s := range c.Sections {
		if math.IsNaN(s.Before) && math.IsNaN(s.After) {
			continue // rated in neither audit: nothing to compare
		}
		out.Categories = append(out.Categories, SectionLabel(s.Section, lang))
		out.Values = append(out.Values, []float64{s.Before, s.After})
	}
	return out
}

var sectionColumns = []table.Column{
	{Key: "number", TitleRU: "№", TitleEN: "No.", Kind: table.Integer},
	{Key: "section", TitleRU: "Раздел", TitleEN: "Section", Kind: table.Text},
	{Key: "in_place", TitleRU: "Налажено", TitleEN: "In place", Kind: table.Integer},
	{Key: "partly", TitleRU: "Частично", TitleEN: "Partly", Kind: table.Integer},
	{Key: "not_in_place", TitleRU: "Не налажено", TitleEN: "Not in place", Kind: table.Integer},
	{Key: "rated", TitleRU: "Оценено пунктов", TitleEN: "Items rated", Kind: table.Integer},
	{Key: "items", TitleRU: "Всего пунктов", TitleEN: "Items", Kind: table.Integer},
	{Key: "score", TitleRU: "Оценка, %", TitleEN: "Score, %", Kind: table.Number},
}

// SectionsTable lists an audit's sections with their counts and scores, then the
// overall row.
func SectionsTable(r Result, lang string) table.Table {
	w := words(lang)
	var rows [][]any
	var inPlace, partly, notInPlace int
	for _, s := range r.Sections {
		rows = append(rows, []any{int64(s.Section.Number), s.Section.Title(lang), int64(s.InPlace), int64(s.Partly),
			int64(s.NotInPlace), int64(s.Rated), int64(s.Items), percentCell(s.Percent)})
		inPlace, partly, notInPlace = inPlace+s.InPlace, partly+s.Partly, notInPlace+s.NotInPlace
	}
	rows = append(rows, []any{nil, w.T("audit.overall", nil), int64(inPlace), int64(partly), int64(notInPlace),
		int64(r.Rated), int64(r.Items), percentCell(r.Overall)})
	return table.FromRows(w.T("audit.sections_table", map[string]any{"Audit": auditName(lang, r.Audit)}),
		sectionColumns, rows)
}

var itemColumns = []table.Column{
	{Key: "section", TitleRU: "Раздел", TitleEN: "Section", Kind: table.Text},
	{Key: "code", TitleRU: "Пункт", TitleEN: "Item", Kind: table.Text},
	{Key: "text", TitleRU: "Что проверяется", TitleEN: "Statement", Kind: table.Text},
	{Key: "rating", TitleRU: "Оценка", TitleEN: "Rating", Kind: table.Text},
	{Key: "comment", TitleRU: "Комментарий", TitleEN: "Comment", Kind: table.Text},
	{Key: "evidence", TitleRU: "Подтверждение", TitleEN: "Evidence", Kind: table.Text},
	{Key: "owner", TitleRU: "Ответственный", TitleEN: "Owner", Kind: table.Text},
	{Key: "figures", TitleRU: "Данные учёта", TitleEN: "Figures from the data", Kind: table.Text},
}

// ItemsTable lists every item of the checklist with its rating in the audit, the
// auditor's comment and evidence, the owner, and the item's figures from the data
// ("Name: Text; Name: Text").
func ItemsTable(r Result, items map[string]data.AuditItem, evidence map[string]Figure, ownerNames map[int64]string,
	lang string) table.Table {
	var rows [][]any
	for _, s := range r.Sections {
		for _, it := range s.Section.Items {
			rated := items[it.Code]
			rows = append(rows, []any{s.Section.Title(lang), it.Code, it.Text(lang), RatingName(lang, rated.Rating),
				rated.Comment, rated.Evidence, ownerNames[rated.OwnerID], FiguresText(it, evidence, lang)})
		}
	}
	return table.FromRows(words(lang).T("audit.items_table", map[string]any{"Audit": auditName(lang, r.Audit)}),
		itemColumns, rows)
}

// FiguresText writes an item's evidence figures as "Name: Text" joined with "; ",
// skipping codes without a figure.
func FiguresText(it Item, evidence map[string]Figure, lang string) string {
	var parts []string
	for _, code := range it.Evidence {
		if f, ok := evidence[code]; ok {
			parts = append(parts, f.Name(lang)+": "+f.Text(lang))
		}
	}
	return strings.Join(parts, "; ")
}

var comparisonColumns = []table.Column{
	{Key: "section", TitleRU: "Раздел", TitleEN: "Section", Kind: table.Text},
	{Key: "code", TitleRU: "Пункт", TitleEN: "Item", Kind: table.Text},
	{Key: "text", TitleRU: "Что проверяется", TitleEN: "Statement", Kind: table.Text},
	{Key: "before", TitleRU: "Было, %", TitleEN: "Before, %", Kind: table.Number},
	{Key: "after", TitleRU: "Стало, %", TitleEN: "After, %", Kind: table.Number},
	{Key: "change", TitleRU: "Изменение, п. п.", TitleEN: "Change, pp", Kind: table.Number},
	{Key: "rating_before", TitleRU: "Оценка была", TitleEN: "Rating before", Kind: table.Text},
	{Key: "rating_after", TitleRU: "Оценка стала", TitleEN: "Rating after", Kind: table.Text},
}

// ComparisonTable lists each section's score in the two audits and its change,
// followed by the section's items whose rating changed.
func ComparisonTable(c Comparison, lang string) table.Table {
	w := words(lang)
	var rows [][]any
	for _, s := range c.Sections {
		var change any
		if !math.IsNaN(s.Before) && !math.IsNaN(s.After) {
			change = wholePercent(s.After) - wholePercent(s.Before)
		}
		rows = append(rows, []any{SectionLabel(s.Section, lang), nil, nil, percentCell(s.Before), percentCell(s.After),
			change, nil, nil})
		for _, it := range c.Items {
			if it.Item.Section == s.Section.Number {
				rows = append(rows, []any{SectionLabel(s.Section, lang), it.Item.Code, it.Item.Text(lang), nil, nil, nil,
					RatingName(lang, it.Before), RatingName(lang, it.After)})
			}
		}
	}
	name := w.T("audit.comparison_title", map[string]any{"Before": auditDate(lang, c.Before.Audit),
		"After": auditDate(lang, c.After.Audit)})
	return table.FromRows(name, comparisonColumns, rows)
}

// TrendTable has a row per audit: its date, title, overall score and each section's.
func TrendTable(results []Result, lang string) table.Table {
	columns := []table.Column{
		{Key: "held_on", TitleRU: "Дата аудита", TitleEN: "Held on", Kind: table.Date},
		{Key: "title", TitleRU: "Название", TitleEN: "Title", Kind: table.Text},
		{Key: "overall", TitleRU: "Итого, %", TitleEN: "Overall, %", Kind: table.Number},
	}
	for _, s := range Checklist() {
		columns = append(columns, table.Column{Key: "section_" + strconv.Itoa(s.Number),
			TitleRU: SectionLabel(s, "ru") + ", %", TitleEN: SectionLabel(s, "en") + ", %", Kind: table.Number})
	}
	var rows [][]any
	for _, r := range results {
		row := []any{r.Audit.HeldOn, r.Audit.Title, percentCell(r.Overall)}
		for _, s := range r.Sections {
			row = append(row, percentCell(s.Percent))
		}
		rows = append(rows, row)
	}
	return table.FromRows(words(lang).T("audit.trend_title", nil), columns, rows)
}

var actionColumns = []table.Column{
	{Key: "what", TitleRU: "Что сделать", TitleEN: "What", Kind: table.Text},
	{Key: "item", TitleRU: "Пункт", TitleEN: "Item", Kind: table.Text},
	{Key: "owner", TitleRU: "Ответственный", TitleEN: "Owner", Kind: table.Text},
	{Key: "due", TitleRU: "Срок", TitleEN: "Due", Kind: table.Date},
	{Key: "status", TitleRU: "Состояние", TitleEN: "Status", Kind: table.Text},
	{Key: "overdue", TitleRU: "Просрочено", TitleEN: "Overdue", Kind: table.Bool},
}

// ActionsTable lists follow-up actions in the order given, each with its item
// ("7.1. Для работы с клиентами …"), owner, due date, status and whether it is
// overdue as of today.
func ActionsTable(actions []data.Action, ownerNames map[int64]string, today time.Time, lang string) table.Table {
	var rows [][]any
	for _, a := range actions {
		owner := ownerNames[a.OwnerID]
		if owner == "" {
			owner = a.OwnerName
		}
		rows = append(rows, []any{a.What, itemLabel(a.ItemCode, lang), owner, table.DateValue(a.Due),
			StatusName(lang, a.Status), a.Overdue(today)})
	}
	return table.FromRows(words(lang).T("audit.actions_table", nil), actionColumns, rows)
}

// itemLabel is an item's code and statement; a code off the checklist as it is.
func itemLabel(code, lang string) string {
	if it, ok := Lookup(code); ok {
		return it.Code + ". " + it.Text(lang)
	}
	return code
}
