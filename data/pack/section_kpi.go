package pack

import (
	"context"
	"math"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/kpi"
)

// The KPI section: the trends of the department's headline KPIs against their
// targets, one slide each, drawn as the KPI screen draws a trend.

func init() { sectionBuilders[SectionKPI] = buildKPI }

// maxTrendSlides is how many KPIs the section shows: the first ones of the
// Overview's headline that have a value.
const maxTrendSlides = 4

func buildKPI(ctx context.Context, b *builder) (Section, error) {
	month := b.reportMonth()
	figures, err := kpi.Headline(ctx, b.st, month)
	if err != nil {
		return Section{}, err
	}
	s := Section{Title: b.T("pack.section.kpi", nil)}
	measured := measuredFigures(figures)
	if b.notBegun() {
		measured = nil
	}
	for _, f := range measured[:min(len(measured), maxTrendSlides)] {
		if err := ctx.Err(); err != nil {
			return Section{}, err
		}
		tr, err := kpi.TrendOf(ctx, b.st, b.trendQuery(f.KPI.Code, month))
		if err != nil {
			return Section{}, err
		}
		s.Slides = append(s.Slides, b.trendSlide(tr))
	}
	if len(s.Slides) == 0 {
		s.Slides = []Slide{{Title: b.T("pack.overview.kpi_title", map[string]any{"Period": b.period.Label(b.lang)}),
			Table: kpi.Trend{}.Table(b.lang), Empty: b.noData()}}
	}
	return s, nil
}

// trendQuery asks for a KPI's department trend up to the report month: for a month
// the 12 months ending with it, for a quarter the last four quarters, for a year its
// months.
func (b *builder) trendQuery(code string, month data.Month) kpi.Query {
	q := kpi.Query{KPIs: []string{code}, Level: data.LevelDepartment, From: b.period.From, To: month,
		Granularity: kpi.Monthly}
	switch b.period.Kind {
	case Month:
		q.From = month - 11
	case Quarter:
		q.From, q.Granularity = b.period.From-9, kpi.Quarterly
	}
	return q
}

// trendSlide draws one KPI's trend with its target and sums up its last period.
func (b *builder) trendSlide(tr kpi.Trend) Slide {
	series := tr.Series[0]
	s := Slide{Title: b.T("pack.kpi.title", map[string]any{"KPI": series.KPI.Name(b.lang),
		"Period": b.period.Label(b.lang)}), Table: tr.Table(b.lang)}
	last := lastMeasured(series)
	if last < 0 {
		s.Empty = b.noData()
		return s
	}
	chart := tr.Chart(b.lang, kpi.ChartOptions{Style: b.style})
	chart.Title = s.Title // the chart alone names its period too
	s.Chart = chart
	f := trendFigures{KPI: series.KPI.Name(b.lang), Unit: series.KPI.Unit, When: inTrendPeriod(b.lang, tr.Periods[last]),
		Value: series.Points[last].Value, Previous: math.NaN(), Target: series.Points[last].Target,
		Attainment: series.Attainment(last)}
	if last > 0 {
		f.Before, f.Previous = inTrendPeriod(b.lang, tr.Periods[last-1]), series.Points[last-1].Value
	}
	s.Summary = trendSummary(b.lang, f)
	return s
}

// lastMeasured is the index of the series' last point with a value; -1: none.
func lastMeasured(s kpi.Series) int {
	for i := len(s.Points) - 1; i >= 0; i-- {
		if !math.IsNaN(s.Points[i].Value) {
			return i
		}
	}
	return -1
}

// inTrendPeriod is a trend period in a sentence: "в октябре 2026", "в III кв. 2026".
func inTrendPeriod(lang string, p kpi.Period) string {
	if p.IsQuarter {
		return inQuarter(lang, p.From.Year(), p.From.Quarter())
	}
	return inMonth(lang, p.From)
}

// trendFigures are what a trend slide's summary says.
type trendFigures struct {
	KPI, Unit    string
	When, Before string  // the periods of Value and Previous, as phrases
	Value        float64 // the last period's
	Previous     float64 // the period before's; NaN: none
	Target       float64 // NaN: none
	Attainment   float64 // of the target, per cent
}

// trendSummary: the last period's value, its change on the period before, and
// whether it reaches its target.
func trendSummary(lang string, f trendFigures) string {
	out := msgIn(lang, "pack.kpi.value", map[string]any{"When": sentenceStart(f.When), "KPI": f.KPI,
		"Value": charts.FormatShort(lang, f.Unit, f.Value)})
	if change := changeSentence(lang, f); change != "" {
		out += " " + change
	}
	target := map[string]any{"Target": charts.FormatShort(lang, f.Unit, f.Target), "Attainment": wholePercent(lang, f.Attainment)}
	switch {
	case math.IsNaN(f.Target):
		return out + " " + msgIn(lang, "pack.kpi.no_target", nil)
	case kpi.BandOf(f.Attainment) == kpi.BandGreen:
		return out + " " + msgIn(lang, "pack.kpi.target_met", target)
	}
	return out + " " + msgIn(lang, "pack.kpi.target_missed", target)
}

// changeSentence compares the value with the period before ("" without one); a
// change in per cent is written in points, and one too small to show is none.
func changeSentence(lang string, f trendFigures) string {
	change := f.Value - f.Previous
	if math.IsNaN(change) || f.Before == "" {
		return ""
	}
	least := 0.05 // the Overview's rule: a change that rounds to nothing is none
	if f.Unit == charts.UnitRoubles {
		least = 0.5
	}
	if math.Abs(change) < least {
		return msgIn(lang, "pack.kpi.same", map[string]any{"Before": f.Before})
	}
	size := charts.FormatShort(lang, f.Unit, math.Abs(change))
	if f.Unit == charts.UnitPercent {
		size = charts.FormatValue(lang, charts.UnitScore, math.Abs(change)) + "\u00a0" + msgIn(lang, "overview.points", nil)
	}
	key := "pack.kpi.more"
	if change < 0 {
		key = "pack.kpi.less"
	}
	return msgIn(lang, key, map[string]any{"Change": size, "Before": f.Before})
}
