package pack

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"

	"leadboard/assets/locale"
	"leadboard/charts"
	"leadboard/data/audit"
)

func init() { sectionBuilders[SectionAudit] = buildAudit }

// weakestSections is how many of the lowest-scoring sections the summary names.
const weakestSections = 2

// buildAudit shows the latest audit held by the period's end, section by section,
// and how it moved since the audit before it.
func buildAudit(ctx context.Context, b *builder) (Section, error) {
	s := Section{Title: b.T("pack.section."+SectionAudit, nil)}
	if b.notBegun() {
		return notBegunSection(b, s), nil
	}
	results, err := audit.Results(ctx, b.st)
	if err != nil {
		return s, err
	}
	latest := latestAuditBy(results, b.asOf)
	if latest < 0 || math.IsNaN(results[latest].Overall) {
		s.Slides = []Slide{{Title: b.T("pack.audit.title_none", b.periodParams(nil)), Empty: b.noData()}}
		return s, nil
	}
	// The actions as they stood on the period's last day, not today's.
	actions, err := audit.ActionsOn(ctx, b.st, b.asOf)
	if err != nil {
		return s, err
	}
	r := results[latest]
	f := auditFigures{Date: r.Audit.HeldOn, Overall: r.Overall, Before: math.NaN(), Weakest: weakestOf(r, b.lang),
		Open: actions.Open, Overdue: actions.Overdue}
	var before *audit.Result
	if latest > 0 {
		before = &results[latest-1]
		f.BeforeDate, f.Before = before.Audit.HeldOn, before.Overall
	}
	s.Slides = []Slide{auditSectionsSlide(b, r, f)}
	if before != nil {
		all, err := b.st.AllAuditItems(ctx)
		if err != nil {
			return s, err
		}
		c := audit.Compare(*before, r, all[before.Audit.ID], all[r.Audit.ID])
		s.Slides = append(s.Slides, auditComparisonSlide(b, c))
	}
	return s, nil
}

// latestAuditBy is the index of the last audit held on or before the day among
// results ordered oldest first (-1: none).
func latestAuditBy(results []audit.Result, day time.Time) int {
	latest := -1
	for i, r := range results {
		if !r.Audit.HeldOn.After(day) {
			latest = i
		}
	}
	return latest
}

func auditSectionsSlide(b *builder, r audit.Result, f auditFigures) Slide {
	slide := Slide{Title: b.T("pack.audit.sections_title",
		b.periodParams(map[string]any{"Date": locale.Date(b.lang, r.Audit.HeldOn)})),
		Table: audit.SectionsTable(r, b.lang)}
	chart := audit.SectionChart(r, b.lang, b.style)
	chart.Title = slide.Title
	slide.Chart = chart
	slide.Summary = auditSummary(b.lang, f)
	return slide
}

func auditComparisonSlide(b *builder, c audit.Comparison) Slide {
	slide := Slide{Title: b.T("pack.audit.comparison_title", b.periodParams(map[string]any{
		"Before": locale.Date(b.lang, c.Before.Audit.HeldOn), "After": locale.Date(b.lang, c.After.Audit.HeldOn)})),
		Table: audit.ComparisonTable(c, b.lang)}
	chart := audit.ComparisonChart(c, b.lang, b.style)
	chart.Title = slide.Title
	slide.Chart = chart
	slide.Summary = comparisonSummary(b.lang, comparisonFiguresOf(c, b.lang))
	return slide
}

// sectionScore is a section's label and score, for a summary.
type sectionScore struct {
	Section string // "4. Качество отчётности"
	Percent float64
}

// auditFigures are what the audit summary says.
type auditFigures struct {
	Date       time.Time
	Overall    float64
	BeforeDate time.Time // the audit before it; zero: none
	Before     float64   // its overall score; NaN when none or nothing rated
	Weakest    []sectionScore
	Open       int // follow-up actions open on the period's last day (audit.ActionsOn)
	Overdue    int // of them past their due date then
}

// weakestOf picks the lowest-scoring rated sections, in checklist order among equals.
func weakestOf(r audit.Result, lang string) []sectionScore {
	var rated []sectionScore
	for _, s := range r.Sections {
		if !math.IsNaN(s.Percent) {
			rated = append(rated, sectionScore{Section: audit.SectionLabel(s.Section, lang), Percent: s.Percent})
		}
	}
	slices.SortStableFunc(rated, func(a, b sectionScore) int {
		return cmp.Compare(math.Round(a.Percent), math.Round(b.Percent))
	})
	return rated[:min(weakestSections, len(rated))]
}

// auditPercent writes a score as every audit view does: a whole per cent.
func auditPercent(lang string, v float64) string {
	return charts.FormatAxis(lang, charts.UnitPercent, math.Round(v))
}

// auditSummary: «Итоговая оценка аудита 15.09.2026 — 72 %, на 8 п. п. выше, чем на
// аудите 15.03.2026. Слабее всего разделы «4. Отчётность» (40 %) и «7. Обучение»
// (55 %). Открытых действий по итогам аудитов: 6, из них просрочено: 2.»
func auditSummary(lang string, f auditFigures) string {
	return summaryJoin(overallSentence(lang, f), weakestSentence(lang, f.Weakest), actionsSentence(lang, f))
}

func overallSentence(lang string, f auditFigures) string {
	w := locale.Messages(lang)
	params := map[string]any{"Date": locale.Date(lang, f.Date), "Overall": auditPercent(lang, f.Overall),
		"Before": locale.Date(lang, f.BeforeDate)}
	if f.BeforeDate.IsZero() || math.IsNaN(f.Before) {
		return w.T("pack.audit.overall_first", params)
	}
	// The change between the whole per cents shown, as the comparison table has it.
	change := math.Round(f.Overall) - math.Round(f.Before)
	params["Change"] = locale.Number(lang, math.Abs(change), 0)
	switch {
	case change > 0:
		return w.T("pack.audit.overall_up", params)
	case change < 0:
		return w.T("pack.audit.overall_down", params)
	}
	return w.T("pack.audit.overall_same", params)
}

func weakestSentence(lang string, weakest []sectionScore) string {
	if len(weakest) == 0 {
		return ""
	}
	w := locale.Messages(lang)
	parts := make([]string, len(weakest))
	for i, s := range weakest {
		parts[i] = w.T("pack.audit.section_score", map[string]any{"Section": s.Section,
			"Score": auditPercent(lang, s.Percent)})
	}
	return summaryCounted(lang, "pack.audit.weakest", len(weakest), map[string]any{"Sections": summaryNames(lang, parts)})
}

func actionsSentence(lang string, f auditFigures) string {
	w := locale.Messages(lang)
	if f.Open == 0 {
		return w.T("pack.audit.actions_none", nil)
	}
	return w.T("pack.audit.actions", map[string]any{"Open": locale.Int(lang, int64(f.Open)),
		"Overdue": locale.Int(lang, int64(f.Overdue))})
}

// sectionMove is a section's score in two audits.
type sectionMove struct {
	Section       string
	Before, After float64
}

// comparisonFigures are what the comparison's summary says.
type comparisonFigures struct {
	Rose, Fell   *sectionMove // the largest rise and fall; nil: none
	ItemsChanged int
}

// comparisonFiguresOf finds the sections that moved most, by the whole per cents
// the comparison shows; the first in checklist order among equals.
func comparisonFiguresOf(c audit.Comparison, lang string) comparisonFigures {
	f := comparisonFigures{ItemsChanged: len(c.Items)}
	var rise, fall float64
	for _, s := range c.Sections {
		if math.IsNaN(s.Before) || math.IsNaN(s.After) {
			continue
		}
		move := &sectionMove{Section: audit.SectionLabel(s.Section, lang), Before: s.Before, After: s.After}
		switch d := math.Round(s.After) - math.Round(s.Before); {
		case d > rise:
			rise, f.Rose = d, move
		case d < fall:
			fall, f.Fell = d, move
		}
	}
	return f
}

// comparisonSummary: «Сильнее всего вырос раздел «2. Процессы»: 50 % → 80 %. Сильнее
// всего снизился раздел «5. Обучение»: 75 % → 60 %. Оценка изменилась у 9 пунктов
// проверки.»
func comparisonSummary(lang string, f comparisonFigures) string {
	w := locale.Messages(lang)
	move := func(key string, m *sectionMove) string {
		if m == nil {
			return ""
		}
		return w.T(key, map[string]any{"Section": m.Section, "Before": auditPercent(lang, m.Before),
			"After": auditPercent(lang, m.After)})
	}
	sections := summaryJoin(move("pack.audit.rose", f.Rose), move("pack.audit.fell", f.Fell))
	if sections == "" {
		sections = w.T("pack.audit.sections_unchanged", nil)
	}
	items := w.T("pack.audit.items_unchanged", nil)
	if f.ItemsChanged > 0 {
		items = summaryCounted(lang, "pack.audit.items_changed", f.ItemsChanged, nil)
	}
	return summaryJoin(sections, items)
}
