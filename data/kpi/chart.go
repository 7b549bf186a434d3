package kpi

import (
	"math"
	"strings"

	"leadboard/assets/locale"
	"leadboard/charts"
)

// texts are the words the views write in a language.
type texts struct {
	lang string
	cat  locale.Catalog
}

func textsFor(lang string) texts {
	if lang != locale.Russian {
		lang = locale.English
	}
	return texts{lang, locale.Messages(lang)}
}

func (t texts) T(key string, params map[string]any) string { return t.cat.T(key, params) }

// Label names a period on an axis or in a table: "мар 2026", "I кв. 2026".
func (p Period) Label(lang string) string {
	if p.IsQuarter {
		return charts.QuarterLabel(lang, p.From.Year(), p.From.Quarter())
	}
	return charts.MonthYearLabel(lang, p.From.First())
}

// span names a range of periods: "апр 2024 – мар 2026".
func spanLabel(lang string, ps []Period) string {
	if len(ps) == 0 {
		return ""
	}
	first, last := ps[0].Label(lang), ps[len(ps)-1].Label(lang)
	if first == last {
		return first
	}
	return first + " – " + last
}

// entityName is an entity's name, the department's in the language.
func (t texts) entityName(e Entity) string {
	if e.ID == 0 {
		return t.T("kpi.level.department", nil)
	}
	return e.Name
}

// ChartOptions are the choices of the trend chart that are not in the query.
type ChartOptions struct {
	MovingAverage bool // a 3-period moving average beside each line
	Style         charts.Style
}

// Chart is the trend as a line chart in a language: a line per series, its target
// dashed in the same colour, its moving average if asked.
func (tr Trend) Chart(lang string, opt ChartOptions) charts.LineChart {
	t := textsFor(lang)
	c := charts.LineChart{
		Title: tr.title(lang),
		Subtitle: t.T("kpi.level."+tr.Query.Level, nil) + " · " + spanLabel(lang, tr.Periods) + ", " +
			t.T("kpi.granularity."+string(tr.Query.Granularity), nil),
		Empty: t.T("kpi.no_data", nil),
		Style: opt.Style,
	}
	for _, p := range tr.Periods {
		c.XLabels = append(c.XLabels, p.Label(lang))
	}
	if len(tr.Series) > 0 {
		unit := tr.Series[0].KPI.Unit
		c.Format = charts.AxisFormatter(lang, unit)
		c.YTitle = tr.axisTitle(t, unit)
	}
	if !tr.HasData() {
		return c
	}
	for i, s := range tr.Series {
		name := tr.seriesName(t, s)
		values := s.values()
		c.Series = append(c.Series, charts.LineSeries{Name: name, Values: values, Kind: charts.Line, Color: i})
		if s.HasTarget() {
			c.Series = append(c.Series, charts.LineSeries{Name: name + " — " + t.T("kpi.target", nil),
				Values: s.targets(), Kind: charts.Target, Color: i})
		}
		if opt.MovingAverage {
			c.Series = append(c.Series, charts.LineSeries{
				Name:   name + " — " + t.T("kpi.average."+string(tr.Query.Granularity), nil),
				Values: MovingAverage(values, 3), Kind: charts.Average, Color: i})
		}
	}
	return c
}

// title names the KPIs shown.
func (tr Trend) title(lang string) string {
	seen := map[string]bool{}
	var names []string
	for _, s := range tr.Series {
		if !seen[s.KPI.Code] {
			seen[s.KPI.Code] = true
			names = append(names, s.KPI.Name(lang))
		}
	}
	return strings.Join(names, ", ")
}

// axisTitle is the KPI's name and unit for one KPI, the unit alone for several.
func (tr Trend) axisTitle(t texts, unit string) string {
	u := t.T("kpi.unit."+unit, nil)
	if len(tr.Query.KPIs) == 1 && len(tr.Series) > 0 {
		return tr.Series[0].KPI.Name(t.lang) + ", " + u
	}
	return u
}

// seriesName is what the legend calls a series: the entity, the KPI, or both when
// the chart has several of each.
func (tr Trend) seriesName(t texts, s Series) string {
	entity := t.entityName(s.Entity)
	switch {
	case len(tr.Query.KPIs) == 1:
		return entity
	case s.Entity.ID == 0 || len(tr.Query.Entities) <= 1:
		return s.KPI.Name(t.lang)
	}
	return entity + ": " + s.KPI.Name(t.lang)
}

func (s Series) values() []float64 {
	out := make([]float64, len(s.Points))
	for i, p := range s.Points {
		out[i] = p.Value
	}
	return out
}

func (s Series) targets() []float64 {
	out := make([]float64, len(s.Points))
	for i, p := range s.Points {
		out[i] = p.Target
	}
	return out
}

// MovingAverage is the mean of each value and the n-1 before it; NaN until n
// values in a row are known, so that a gap is not smoothed over.
func MovingAverage(values []float64, n int) []float64 {
	out := make([]float64, len(values))
	for i := range values {
		out[i] = math.NaN()
		if i+1 < n {
			continue
		}
		sum := 0.0
		for _, v := range values[i+1-n : i+1] {
			sum += v
		}
		out[i] = sum / float64(n) // NaN when any of them is NaN
	}
	return out
}

// Chart is the ranking as a bar chart of attainment, cut to the bars that fit the
// height (the subtitle then says how many of how many are shown).
func (r Ranking) Chart(lang string, style charts.Style, height int) charts.RankingChart {
	t := textsFor(lang)
	c := charts.RankingChart{
		Title:       t.T("kpi.ranking_title", map[string]any{"KPI": r.KPI.Name(lang)}),
		Subtitle:    t.T("kpi.level."+r.Level, nil) + " · " + r.Period.Label(lang),
		TargetLabel: t.T("kpi.target", nil),
		Format:      func(v float64) string { return charts.FormatAxis(lang, charts.UnitPercent, math.Round(v)) },
		Amber:       AmberFrom,
		Green:       GreenFrom,
		Empty:       t.T("kpi.no_data", nil),
		Style:       style,
	}
	if !r.HasTargets() {
		if len(r.Rows) > 0 {
			c.Empty = t.T("kpi.no_targets", nil)
		}
		return c
	}
	for _, row := range r.Rows {
		c.Bars = append(c.Bars, charts.RankBar{Label: row.Name, Value: row.Attainment})
	}
	if fit := c.MaxBars(height); fit > 0 && len(c.Bars) > fit {
		c.Subtitle += " · " + t.T("kpi.top_of", map[string]any{"Shown": fit, "Total": len(c.Bars)})
		c.Bars = c.Bars[:fit]
	}
	return c
}
