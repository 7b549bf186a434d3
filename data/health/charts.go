package health

import (
	"image/color"
	"math"
	"strconv"

	"leadboard/charts"
	"leadboard/data"
)

// The health charts, shared by the window, the export and the meeting pack.

// Band colours, Okabe-Ito as everywhere in the app: vermillion, orange, bluish green,
// and grey for no score.
var bandColors = map[string]color.Color{BandRed: charts.OkabeIto[5], BandAmber: charts.OkabeIto[1],
	BandGreen: charts.OkabeIto[2], BandNone: color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xFF}}

// bandPalette colours the bands in the order given.
func bandPalette(bands []string) []color.Color {
	out := make([]color.Color, len(bands))
	for i, b := range bands {
		out[i] = bandColors[b]
	}
	return out
}

// lineColors are the clients' line colours: the palette without the band colours,
// so that no client's line reads as a threshold.
var lineColors = []color.Color{charts.OkabeIto[0], charts.OkabeIto[3], charts.OkabeIto[4], charts.OkabeIto[7],
	charts.OkabeIto[6]}

// distributionBins is how many 10-point bins the scores fall into (90-100 is one).
const distributionBins = 10

// DistributionChart counts the clients by score in ten 10-point bins (0-9 …
// 90-100), each column stacked by band in the band's colour.
func DistributionChart(hs []ClientHealth, st Settings, lang string, style charts.Style) charts.StackedBarChart {
	w := words(lang)
	style.Palette = bandPalette(Bands)
	c := charts.StackedBarChart{
		Title: w.T("health.distribution_title", nil),
		Subtitle: w.T("health.distribution_subtitle", map[string]any{"Red": formatScore(lang, st.Red),
			"Amber": formatScore(lang, st.Amber)}),
		Values: make([][]float64, distributionBins),
		Format: charts.AxisFormatter(lang, charts.UnitCount),
		Empty:  w.T("health.no_scores", nil),
		Style:  style,
	}
	for _, b := range Bands {
		c.Segments = append(c.Segments, BandName(lang, b))
	}
	for i := range distributionBins {
		top := strconv.Itoa(i*10 + 9)
		if i == distributionBins-1 {
			top = "100"
		}
		c.Categories = append(c.Categories, strconv.Itoa(i*10)+"–"+top)
		c.Values[i] = make([]float64, len(Bands))
	}
	counted := 0
	for _, h := range hs {
		if math.IsNaN(h.Score) {
			continue
		}
		bin := min(distributionBins-1, max(0, int(h.Score)/10))
		for j, b := range Bands {
			if h.Band == b {
				c.Values[bin][j]++
				counted++
			}
		}
	}
	if counted == 0 {
		c.Categories, c.Values = nil, nil
	}
	return c
}

// TrendChart draws each client's monthly score (names by client id), with the red
// and amber thresholds as dashed lines in their band's colour.
func TrendChart(history map[int64][]MonthScore, names map[int64]string, st Settings, lang string,
	style charts.Style) charts.LineChart {
	w := words(lang)
	c := charts.LineChart{
		Title:  w.T("health.trend_title", nil),
		YTitle: w.T("health.score_axis", nil),
		Format: charts.AxisFormatter(lang, charts.UnitCount),
		Empty:  w.T("health.no_scores", nil),
	}
	ids := byName(history, names)
	var months []data.Month
	if len(ids) > 0 {
		for _, m := range history[ids[0]] {
			months = append(months, m.Month)
			c.XLabels = append(c.XLabels, charts.MonthYearLabel(lang, m.Month.First()))
		}
	}
	style.Palette = nil
	for i, id := range ids {
		values := make([]float64, len(months))
		for j, m := range history[id] {
			values[j] = m.Score
		}
		c.Series = append(c.Series, charts.LineSeries{Name: names[id], Values: values, Kind: charts.Line, Color: i})
		style.Palette = append(style.Palette, lineColors[i%len(lineColors)])
	}
	for _, t := range []struct {
		band  string
		value float64
	}{{BandRed, st.Red}, {BandAmber, st.Amber}} {
		values := make([]float64, len(months))
		for j := range values {
			values[j] = t.value
		}
		c.Series = append(c.Series, charts.LineSeries{Name: w.T("health.threshold_line."+t.band,
			map[string]any{"Value": formatScore(lang, t.value)}), Values: values, Kind: charts.Target,
			Color: len(style.Palette)})
		style.Palette = append(style.Palette, bandColors[t.band])
	}
	if len(ids) == 0 {
		c.Series = nil
	}
	c.Style = style
	return c
}

func formatScore(lang string, v float64) string { return charts.FormatAxis(lang, charts.UnitCount, v) }
