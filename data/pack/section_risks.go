package pack

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"

	"leadboard/assets/locale"
	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/health"
)

func init() { sectionBuilders[SectionRisks] = buildRisks }

const (
	renewalDays     = 90 // the renewals calendar looks this far ahead of the period's last day
	riskRows        = 10 // the risk list's chart and table show the worst this many
	topRiskMeasures = 2  // the summary names the measures that pull most clients down
)

// buildRisks shows the contracts ending within 90 days of the period's last day,
// by month and health band, and the clients most at risk on that day with why.
func buildRisks(ctx context.Context, b *builder) (Section, error) {
	s := Section{Title: b.T("pack.section."+SectionRisks, nil)}
	if b.notBegun() {
		return notBegunSection(b, s), nil
	}
	settings, err := health.LoadSettings(ctx, b.st)
	if err != nil {
		return s, err
	}
	scores, err := b.healthOn(ctx, settings, b.asOf)
	if err != nil {
		return s, err
	}
	byClient := map[int64]float64{}
	for _, h := range scores {
		byClient[h.ClientID] = h.Score
	}
	renewals, err := health.Renewals(ctx, b.st, b.asOf, renewalDays, byClient, settings)
	if err != nil {
		return s, err
	}
	scored := bandCountsOf(scores).scored() > 0
	s.Slides = []Slide{renewalsSlide(b, renewals, scored), riskListSlide(b, scores, settings)}
	return s, nil
}

func renewalsSlide(b *builder, rs []health.Renewal, anyScored bool) Slide {
	until := data.DateOf(b.asOf).AddDate(0, 0, renewalDays)
	slide := Slide{Title: b.T("pack.risks.renewals_title", b.periodParams(map[string]any{
		"Date": locale.Date(b.lang, until)})), Table: health.RenewalsTable(rs, b.lang)}
	switch {
	case len(rs) == 0 && !anyScored:
		slide.Empty = b.noData()
		return slide
	case len(rs) == 0:
		slide.Empty = b.T("pack.risks.no_renewals", map[string]any{"Days": renewalDays})
		return slide
	}
	chart := health.RenewalsByMonthChart(rs, b.lang, b.style)
	chart.Title = slide.Title
	slide.Chart = chart
	slide.Summary = renewalsSummary(b.lang, renewalFiguresOf(rs, until))
	return slide
}

// renewalFigures are what the renewals summary says.
type renewalFigures struct {
	Until     time.Time
	Clients   int   // whose contracts end within the window
	Budget    int64 // their monthly budget
	Budget30  int64 // the monthly budget of the clients whose contracts end within 30 days
	AtRisk30  int64 // of it, at red and amber clients
	Contracts int
	Renewed   int // contracts whose renewal is on file
}

// renewalFiguresOf adds up the budget at stake, each client once however many of
// its contracts end, as the chart counts it.
func renewalFiguresOf(rs []health.Renewal, until time.Time) renewalFigures {
	f := renewalFigures{Until: until, Contracts: len(rs)}
	counted, counted30 := map[int64]bool{}, map[int64]bool{}
	for _, r := range rs {
		if r.Renewed {
			f.Renewed++
		}
		if !counted[r.ClientID] {
			counted[r.ClientID] = true
			f.Clients++
			f.Budget += r.Budget
		}
		if health.RenewalBucket(r.DaysLeft) == 30 && !counted30[r.ClientID] {
			counted30[r.ClientID] = true
			f.Budget30 += r.Budget
			if r.Band == health.BandRed || r.Band == health.BandAmber {
				f.AtRisk30 += r.Budget
			}
		}
	}
	return f
}

// renewalsSummary: «До 14.02.2027 заканчиваются договоры у 8 клиентов с общим месячным
// бюджетом 12 400 000 ₽. В ближайшие 30 дней заканчиваются договоры на 4 500 000 ₽
// месячного бюджета, из них 2 100 000 ₽ — у клиентов в красной и жёлтой зонах.
// Продление уже заведено по 3 из 8 договоров.»
func renewalsSummary(lang string, f renewalFigures) string {
	w := locale.Messages(lang)
	money := func(v int64) string { return charts.FormatValue(lang, charts.UnitRoubles, float64(v)) }
	within30 := w.T("pack.risks.within30_none", nil)
	switch {
	case f.Budget30 > 0 && f.AtRisk30 > 0:
		within30 = w.T("pack.risks.within30", map[string]any{"Budget": money(f.Budget30), "AtRisk": money(f.AtRisk30)})
	case f.Budget30 > 0:
		within30 = w.T("pack.risks.within30_safe", map[string]any{"Budget": money(f.Budget30)})
	}
	return summaryJoin(
		summaryCounted(lang, "pack.risks.renewals", f.Clients, map[string]any{"Date": locale.Date(lang, f.Until),
			"Budget": money(f.Budget)}),
		within30,
		summaryCounted(lang, "pack.risks.renewed", f.Contracts, map[string]any{"Renewed": locale.Int(lang, int64(f.Renewed))}))
}

func riskListSlide(b *builder, scores []health.ClientHealth, settings health.Settings) Slide {
	slide := Slide{Title: b.T("pack.risks.list_title", b.periodParams(map[string]any{
		"Date": locale.Date(b.lang, b.asOf)})), Table: health.RiskTable(scores, riskRows, b.lang)}
	all := health.AtRisk(scores, 0)
	switch {
	case bandCountsOf(scores).scored() == 0:
		slide.Empty = b.noData()
		return slide
	case len(all) == 0:
		slide.Empty = b.T("pack.risks.none_at_risk", nil)
		return slide
	}
	slide.Chart = riskChart(b, all, settings, slide.Title)
	slide.Summary = riskSummary(b.lang, riskFiguresOf(all, b.asOf, b.lang))
	return slide
}

// riskChart ranks the worst clients' scores, coloured by the health bands.
func riskChart(b *builder, atRisk []health.ClientHealth, settings health.Settings, title string) charts.RankingChart {
	shown := atRisk[:min(riskRows, len(atRisk))]
	thresholds := map[string]any{"Red": charts.FormatAxis(b.lang, charts.UnitCount, settings.Red),
		"Amber": charts.FormatAxis(b.lang, charts.UnitCount, settings.Amber)}
	subtitle := b.T("pack.risks.list_subtitle", thresholds)
	if len(shown) < len(atRisk) {
		thresholds["Shown"], thresholds["Count"] = len(shown), len(atRisk)
		subtitle = b.T("pack.risks.list_subtitle_top", thresholds)
	}
	c := charts.RankingChart{Title: title, Subtitle: subtitle, Format: charts.AxisFormatter(b.lang, charts.UnitCount),
		TargetLabel: b.T("pack.risks.top_score", map[string]any{"Score": charts.FormatAxis(b.lang, charts.UnitCount, 100)}),
		Amber:       settings.Red, Green: settings.Amber, Empty: b.T("pack.risks.none_at_risk", nil), Style: b.style}
	for _, h := range shown {
		c.Bars = append(c.Bars, charts.RankBar{Label: h.Client, Value: h.Score})
	}
	return c
}

// measureCount is how many clients at risk a measure pulls down.
type measureCount struct {
	Measure string
	Clients int
}

// riskFigures are what the risk list's summary says.
type riskFigures struct {
	Date         time.Time
	Red, Amber   int
	Worst        string
	WorstScore   float64
	WorstReasons string         // the worst client's reasons in words
	Measures     []measureCount // the measures that pull most of them down, most first
}

// riskFiguresOf reads the figures from the clients at risk, the worst first. A
// measure pulls a client down when it scores below health.ReasonsBelow: where the
// risk list gives its reasons.
func riskFiguresOf(atRisk []health.ClientHealth, asOf time.Time, lang string) riskFigures {
	f := riskFigures{Date: asOf, Worst: atRisk[0].Client, WorstScore: atRisk[0].Score,
		WorstReasons: atRisk[0].ReasonText(lang)}
	counts := bandCountsOf(atRisk)
	f.Red, f.Amber = counts.Red, counts.Amber
	for _, code := range health.Measures {
		n := 0
		for _, h := range atRisk {
			if h.Measure(code) < health.ReasonsBelow { // NaN: not judged, never below
				n++
			}
		}
		if n > 0 {
			f.Measures = append(f.Measures, measureCount{Measure: health.MeasureName(lang, code), Clients: n})
		}
	}
	slices.SortStableFunc(f.Measures, func(a, b measureCount) int { return cmp.Compare(b.Clients, a.Clients) })
	f.Measures = f.Measures[:min(topRiskMeasures, len(f.Measures))]
	return f
}

// riskSummary: «На 31.10.2026 в зоне риска 12 клиентов: в красной зоне — 5, в жёлтой —
// 7. Хуже всех — «Альфа» (оценка 32): нет отчёта за октябрь; 3 жалобы за 90 дней. Чаще
// всего оценку снижают показатели «Отчёты в срок» (у 6 клиентов) и «Жалобы» (у 4
// клиентов).»
func riskSummary(lang string, f riskFigures) string {
	w := locale.Messages(lang)
	count := summaryCounted(lang, "pack.risks.at_risk", f.Red+f.Amber, map[string]any{
		"Date": locale.Date(lang, f.Date), "Red": locale.Int(lang, int64(f.Red)),
		"Amber": locale.Int(lang, int64(f.Amber))})
	worst := map[string]any{"Client": summaryQuoted(lang, f.Worst),
		"Score": charts.FormatAxis(lang, charts.UnitCount, math.Round(f.WorstScore)), "Reasons": f.WorstReasons}
	worstSentence := w.T("pack.risks.worst", worst)
	if f.WorstReasons == "" {
		worstSentence = w.T("pack.risks.worst_no_reasons", worst)
	}
	var measures string
	if len(f.Measures) > 0 {
		parts := make([]string, len(f.Measures))
		for i, m := range f.Measures {
			parts[i] = w.T("pack.risks.measure_count", map[string]any{"Measure": m.Measure,
				"Clients": summaryCounted(lang, "pack.clients_at", m.Clients, nil)})
		}
		measures = summaryCounted(lang, "pack.risks.top_measures", len(f.Measures),
			map[string]any{"Measures": summaryNames(lang, parts)})
	}
	return summaryJoin(count, worstSentence, measures)
}
