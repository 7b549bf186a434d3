package charts

import (
	"bytes"
	"image"
	"math"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

// auditSections are the ten sections of the department audit, as the guide titles them.
var auditSections = []string{
	"Анализ клиентских контрактов и выполненных обязательств",
	"Оценка клиентской коммуникации",
	"Проверка внутренней координации",
	"Качество отчётности",
	"Оценка эффективности управления клиентами",
	"Наличие внутренних баз данных и документации",
	"Проверка регламентов работы",
	"Оценка системы грейдов и развития сотрудников",
	"Оценка взаимодействия с другими отделами",
	"Система контроля качества работы",
}

// auditShortSections are the same sections as a screen names them.
var auditShortSections = []string{
	"Контракты и обязательства", "Коммуникация с клиентами", "Внутренняя координация",
	"Отчётность", "Управление клиентами", "Базы данных и документация", "Регламенты",
	"Грейды и развитие сотрудников", "Работа с другими отделами", "Контроль качества",
}

// auditScores are the sections' scores in per cent in three audits a quarter apart:
// some sections improve, one slips, one (grades) was not assessed in the first audit.
var auditScores = [][]float64{
	{75, 83.3, 91.7}, {62.5, 75, 87.5}, {50, 66.7, 66.7}, {80, 90, 100}, {58.3, 58.3, 75},
	{40, 60, 70}, {33.3, 50, 83.3}, {math.NaN(), 25, 50}, {66.7, 58.3, 66.7}, {100, 100, 91.7},
}

func auditScoresOf(audits int) [][]float64 {
	out := make([][]float64, len(auditScores))
	for i, row := range auditScores {
		out[i] = append([]float64(nil), row[3-audits:]...)
	}
	return out
}

// auditComparison compares the last two audits section by section.
func auditComparison(st Style) GroupedBarChart {
	return GroupedBarChart{Title: "Аудит отдела по разделам", Subtitle: "Отдел аккаунтинга · оценка раздела, %",
		Categories: append([]string(nil), auditSections...),
		Series:     []string{"Аудит 15.03.2026", "Аудит 15.06.2026"},
		Values:     auditScoresOf(2), Format: AxisFormatter("ru", UnitPercent), Max: 100,
		Empty: "Нет завершённых аудитов", Style: st}
}

// auditTrend shows the three audits, sections named shortly, with a hole.
func auditTrend(st Style) GroupedBarChart {
	c := auditComparison(st)
	c.Subtitle = "Три аудита · оценка раздела, %"
	c.Categories = append([]string(nil), auditShortSections...)
	c.Series = []string{"Аудит 15.12.2025", "Аудит 15.03.2026", "Аудит 15.06.2026"}
	c.Values = auditScoresOf(3)
	return c
}

// groupPlotOf lays c out as drawing it would.
func groupPlotOf(t *testing.T, c GroupedBarChart, w, h int) groupPlot {
	t.Helper()
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	return c.layout(r, w, h)
}

// TestGroupedSamples renders the grouped bar examples for a person to look at:
// LEADBOARD_SAMPLES=/tmp/charts-samples go test -run Samples ./charts/.
func TestGroupedSamples(t *testing.T) {
	dir := samplesDir(t)
	dark2 := darkScreen
	dark2.Scale = 2
	four := auditTrend(Print)
	four.Series = append([]string{"Аудит 15.09.2025"}, four.Series...)
	for i := range four.Values {
		four.Values[i] = append([]float64{math.Max(0, four.Values[i][0]-10)}, four.Values[i]...)
	}
	four.Categories = append(four.Categories, "Допродажи", "Удержание клиентов")
	four.Values = append(four.Values, []float64{20, 35, 40, 55}, []float64{90, 92, math.NaN(), 97})
	one := auditComparison(Print)
	one.Series = []string{"Аудит 15.06.2026"}
	one.Values = auditScoresOf(1)
	writeSamples(t, dir, []sample{
		{"grouped_audit-1600x900-print", auditComparison(Print), 1600, 900},
		{"grouped_audit-800x450-print", auditComparison(Print), 800, 450},
		{"grouped_audit-800x450-dark", auditComparison(darkScreen), 800, 450},
		{"grouped_trend-1600x900-dark", auditTrend(darkScreen), 1600, 900},
		{"grouped_trend-800x450-print", auditTrend(Print), 800, 450},
		{"grouped_four-800x450-print", four, 800, 450},
		{"grouped_four-1600x900-print", four, 1600, 900},
		{"grouped_one-800x450-print", one, 800, 450},
		{"grouped_audit-1800x1000-dark-scale2", auditComparison(dark2), 1800, 1000},
		{"grouped_empty-800x450-print", GroupedBarChart{Title: "Аудит отдела по разделам", Empty: "Нет завершённых аудитов", Style: Print}, 800, 450},
	})
}

// fourAudits is four audits of twelve sections: the most a chart is meant to carry.
func fourAudits(st Style) GroupedBarChart {
	c := auditTrend(st)
	c.Series = append([]string{"Аудит 15.09.2025"}, c.Series...)
	for i := range c.Values {
		c.Values[i] = append([]float64{math.Max(0, c.Values[i][0]-10)}, c.Values[i]...)
	}
	c.Categories = append(c.Categories, "Допродажи", "Удержание клиентов")
	c.Values = append(c.Values, []float64{20, 35, 40, 55}, []float64{90, 92, math.NaN(), 97})
	return c
}

func TestGroupedRendersPNGAndSVGAtTheirSize(t *testing.T) {
	checkFileSizes(t, auditComparison(Print))
	checkFileSizes(t, auditTrend(darkScreen))
}

// barLength measures category i's bar of series j in img: it must start at zero; the
// length runs from zero to its last pixel.
func barLength(t *testing.T, img image.Image, p groupPlot, i, j int) int {
	t.Helper()
	y0, y1 := p.bar(i, j)
	first, last := run(img, (y0+y1)/2, OkabeIto[j])
	if first < 0 {
		t.Fatalf("bar %d/%d not found", i, j)
	}
	if first != p.zero {
		t.Errorf("bar %d/%d starts at x=%d, zero is at %d", i, j, first, p.zero)
	}
	return last + 1 - p.zero
}

// Bars start at zero and their lengths are proportional to their values: each
// against the 100 % bar of reporting in the second audit, on a slide and in a window.
func TestGroupedBarsStartAtZeroAndScaleWithValues(t *testing.T) {
	c := auditComparison(Print)
	for _, size := range [][2]int{{1600, 900}, {800, 450}} {
		w, h := size[0], size[1]
		img, err := c.Image(w, h)
		if err != nil {
			t.Fatal(err)
		}
		p := groupPlotOf(t, c, w, h)
		full := barLength(t, img, p, 3, 1) // "Качество отчётности", 100 %
		if want := int(math.Round(100 * p.scale)); full != want {
			t.Errorf("%v: 100 %% is %d px, the scale says %d", size, full, want)
		}
		for i, row := range c.Values {
			for j, v := range row {
				if math.IsNaN(v) {
					continue
				}
				got := float64(barLength(t, img, p, i, j)) / float64(full)
				if math.Abs(got-v/100) > 1.0/float64(full) {
					t.Errorf("%v: %s, audit %d: %.1f %% is %.4f of the 100 %% bar", size, c.Categories[i], j+1, v, got)
				}
			}
		}
		// hand-computed: 25 % of grades in the first audit is half of its 50 % in the second
		if l25, l50 := barLength(t, img, p, 7, 0), barLength(t, img, p, 7, 1); math.Abs(float64(l25)/float64(l50)-0.5) > 0.02 {
			t.Errorf("%v: 25 %% is %d px and 50 %% is %d px", size, l25, l50)
		}
	}
}

// The bars of a row are one above the other in series order, inside the row, apart.
func TestGroupedBarsOfARowStayInTheirRow(t *testing.T) {
	for _, c := range []GroupedBarChart{auditComparison(Print), auditTrend(Print), fourAudits(Print)} {
		p := groupPlotOf(t, c, 800, 450)
		for i := 0; i < p.shown; i++ {
			rowTop, rowBottom := p.top+int(float64(i)*p.slot), p.top+int(float64(i+1)*p.slot)
			prev := rowTop
			for j := 0; j < p.series; j++ {
				y0, y1 := p.bar(i, j)
				if y0 < prev || y1 <= y0 || y1 > rowBottom+1 {
					t.Errorf("%d series: bar %d/%d is %d..%d in row %d..%d after %d", p.series, i, j, y0, y1, rowTop, rowBottom, prev)
				}
				prev = y1
			}
		}
	}
}

// A missing value draws no bar and no value; the other bars of its row still do.
func TestGroupedMissingValueHasNoBarAndNoValue(t *testing.T) {
	c := auditTrend(Print)
	c.Values[2] = c.Values[2][:1] // a short row: the second and third audits are missing
	const w, h = 1600, 900
	img, err := c.Image(w, h)
	if err != nil {
		t.Fatal(err)
	}
	p := groupPlotOf(t, c, w, h)
	texts := record(t, c.draw, w, h)
	for _, hole := range [][2]int{{7, 0}, {2, 1}, {2, 2}} {
		i, j := hole[0], hole[1]
		y0, y1 := p.bar(i, j)
		if first, _ := run(img, (y0+y1)/2, OkabeIto[j]); first >= 0 {
			t.Errorf("missing value %d/%d drew a bar", i, j)
		}
		for _, tx := range texts {
			if tx.x0 > p.zero && tx.y1 > y0 && tx.y0 < y1 {
				t.Errorf("missing value %d/%d is written as %q", i, j, tx.text)
			}
		}
	}
	if barLength(t, img, p, 7, 1) <= 0 || barLength(t, img, p, 2, 0) <= 0 {
		t.Error("a row with a hole lost its other bars")
	}
}

// No text leaves the image or covers another, with two to four series, on a slide, in
// a window, in the dark theme and on a HiDPI screen; the legend names every series
// once, under the tick labels.
func TestGroupedTextsStayInsideAndApart(t *testing.T) {
	dark2 := darkScreen
	dark2.Scale = 2
	one := auditComparison(Print)
	one.Series, one.Values = one.Series[1:], auditScoresOf(1)
	single := GroupedBarChart{Categories: []string{"Работа с другими отделами"}, Series: []string{"Аудит 15.06.2026"},
		Values: [][]float64{{66.7}}, Format: AxisFormatter("ru", UnitPercent), Max: 100, Style: Print}
	cases := []struct {
		name string
		c    GroupedBarChart
		w, h int
	}{
		{"two audits slide", auditComparison(Print), 1600, 900},
		{"two audits window", auditComparison(Print), 800, 450},
		{"two audits window dark", auditComparison(darkScreen), 800, 450},
		{"two audits hidpi", auditComparison(dark2), 1800, 1000},
		{"three audits slide dark", auditTrend(darkScreen), 1600, 900},
		{"three audits window", auditTrend(Print), 800, 450},
		{"four audits slide", fourAudits(Print), 1600, 900},
		{"four audits window", fourAudits(Print), 800, 450},
		{"one audit", one, 800, 450},
		{"one section", single, 800, 450},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			texts := record(t, tc.c.draw, tc.w, tc.h)
			checkTextsPlaced(t, texts, tc.w, tc.h)
			p := groupPlotOf(t, tc.c, tc.w, tc.h)
			for _, name := range tc.c.Series {
				found := 0
				for _, tx := range texts {
					if tx.text == name && tx.y0 > p.bottom {
						found++
					}
				}
				if found != 1 || countText(texts, name) != 1 {
					t.Errorf("the legend names %q %d times", name, found)
				}
			}
		})
	}
}

// Section names are whole, wrapped onto a second line when the row allows, on a slide
// and in a window; only a name that fits nowhere is shortened, with "…", within
// rankLabelShare of the width.
func TestGroupedNamesWrapAndShortenOnlyWhenTheyDontFit(t *testing.T) {
	for _, size := range [][2]int{{1600, 900}, {800, 450}} {
		c := auditComparison(Print)
		p := groupPlotOf(t, c, size[0], size[1])
		if !p.whole || p.hidden > 0 {
			t.Fatalf("%v: names shortened or sections left out", size)
		}
		for i, lines := range p.names {
			if got := strings.Join(lines, " "); got != c.Categories[i] {
				t.Errorf("%v: %q is drawn as %q", size, c.Categories[i], lines)
			}
		}
		if size[0] == 800 && len(p.names[0]) != 2 {
			t.Errorf("the longest section name is on %d lines in a window, want 2", len(p.names[0]))
		}
	}
	long := auditComparison(Print)
	long.Categories[8] = strings.Repeat("Очень длинное название раздела аудита ", 8)
	const w, h = 800, 450
	texts := record(t, long.draw, w, h)
	checkTextsPlaced(t, texts, w, h)
	cut := 0
	for _, tx := range texts {
		if strings.HasSuffix(tx.text, "…") {
			cut++
			if tx.x1-tx.x0 > int(w*rankLabelShare) {
				t.Errorf("%q is %d px wide", tx.text, tx.x1-tx.x0)
			}
		}
	}
	if cut != 1 {
		t.Errorf("%d lines are shortened, want the last line of the overlong name", cut)
	}
	if countText(texts, "Система контроля качества работы") != 1 {
		t.Error("a name that fits was shortened")
	}
}

// Values are written after their bars, inside the image even at the axis's end; when
// four series of twelve sections leave bars too thin for values in a window, none is
// written rather than values on top of each other.
func TestGroupedValuesAtBarEnds(t *testing.T) {
	c := auditComparison(Print)
	const w, h = 800, 450
	p := groupPlotOf(t, c, w, h)
	texts := record(t, c.draw, w, h)
	for _, want := range []struct {
		i, j int
		text string
	}{{3, 1, nb("100_%")}, {9, 0, nb("100_%")}, {0, 0, nb("83,3_%")}, {7, 0, nb("25_%")}} {
		y0, y1 := p.bar(want.i, want.j)
		end := p.x(c.Values[want.i][want.j])
		found := false
		for _, tx := range texts {
			if tx.text == want.text && tx.x0 > end && tx.x0 <= end+int(rankGap*p.u) && tx.y0 >= y0-2 && tx.y1 <= y1+2 {
				found = true
				if tx.x1 > w-int(padding*p.u) {
					t.Errorf("%q ends at %d, past the margin", tx.text, tx.x1)
				}
			}
		}
		if !found {
			t.Errorf("%q is not written after bar %d/%d", want.text, want.i, want.j)
		}
	}
	if p := groupPlotOf(t, auditTrend(Print), w, h); p.valueSize == 0 {
		t.Error("three audits in a window have no values")
	}
	four := fourAudits(Print)
	if p := groupPlotOf(t, four, w, h); p.valueSize != 0 {
		t.Errorf("four audits of twelve sections write values at %.1f pt in %d px bars", p.valueSize, int(p.pitch))
	}
	if countText(record(t, four.draw, w, h), nb("91,7_%")) != 0 {
		t.Error("values are written beside bars too thin for them")
	}
	if countText(record(t, four.draw, 1600, 900), nb("91,7_%")) == 0 {
		t.Error("four audits on a slide have no values")
	}
}

// Max ends the axis at 100 % whatever the scores; without it the axis ends at the
// largest value, whose bar with its value then reaches the right margin.
func TestGroupedAxisEndsAtMaxOrTheLargestValue(t *testing.T) {
	c := GroupedBarChart{Categories: []string{"Отчётность", "Регламенты"}, Series: []string{"Аудит 15.03.2026", "Аудит 15.06.2026"},
		Values: [][]float64{{40, 62}, {30, math.NaN()}}, Format: AxisFormatter("ru", UnitPercent), Max: 100, Style: Print}
	const w, h = 800, 450
	p := groupPlotOf(t, c, w, h)
	ticks := p.axis.ticks()
	if p.axis.hi != 100 || ticks[0] != 0 || ticks[len(ticks)-1] != 100 {
		t.Errorf("with Max 100 the axis is 0..%v, ticks %v", p.axis.hi, ticks)
	}
	if len(ticks) < 3 || len(ticks) > 8 {
		t.Errorf("%d ticks: want a few", len(ticks))
	}
	c.Max = 0
	p = groupPlotOf(t, c, w, h)
	if p.axis.hi < 62 || p.axis.hi >= 80 {
		t.Errorf("without Max the axis ends at %v for a largest value of 62", p.axis.hi)
	}
	texts := record(t, c.draw, w, h)
	right := 0
	for _, tx := range texts {
		if tx.text == nb("62_%") && tx.x0 > p.zero {
			right = tx.x1
		}
	}
	if margin := w - int(padding*p.u); right > margin || right < margin-int(6*p.u) {
		t.Errorf("the largest value's label ends at %d, the margin is %d", right, margin)
	}
	c.Max = 50 // less than a value: the value wins
	if p := groupPlotOf(t, c, w, h); p.axis.hi < 62 {
		t.Errorf("Max 50 cut the axis at %v under a value of 62", p.axis.hi)
	}
}

func TestGroupedSVGHasNamesValuesAndLegend(t *testing.T) {
	c := auditComparison(Print)
	c.Series[0] = "Аудит «Рога & Копыта»"
	var buf bytes.Buffer
	if err := c.SVG(&buf, 1600, 900); err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, buf.Bytes())
	svg := buf.String()
	for _, want := range []string{"Аудит отдела по разделам", "Отдел аккаунтинга", "Аудит «Рога &amp; Копыта»", "Аудит 15.06.2026",
		"Оценка взаимодействия с другими отделами", "Система контроля качества работы", nb(">83,3_%<"), nb(">100_%<"),
		nb(">25_%<"), nb(">0_%<"), nb(">80_%<")} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

// No categories, or categories without a single value, show the Empty text and no
// legend, in PNG and in SVG.
func TestGroupedEmptyChartSaysSo(t *testing.T) {
	series := []string{"Аудит 15.03.2026", "Аудит 15.06.2026"}
	cases := map[string]GroupedBarChart{
		"no categories": {Title: "Аудит отдела", Series: series, Empty: "Нет завершённых аудитов", Style: Print},
		"no values":     {Title: "Аудит отдела", Categories: auditShortSections, Series: series, Empty: "Нет завершённых аудитов", Style: Print},
		"all missing": {Title: "Аудит отдела", Categories: auditShortSections[:2], Series: series,
			Values: [][]float64{{math.NaN(), math.NaN()}, {math.Inf(1)}}, Empty: "Нет завершённых аудитов", Style: darkScreen},
	}
	for name, c := range cases {
		for _, size := range [][2]int{{1600, 900}, {800, 450}} {
			texts := record(t, c.draw, size[0], size[1])
			checkTextsPlaced(t, texts, size[0], size[1])
			if countText(texts, "Нет завершённых аудитов") != 1 || countText(texts, series[0]) != 0 || countText(texts, "Отчётность") != 0 {
				t.Errorf("%s %v: %v", name, size, texts)
			}
		}
		var buf bytes.Buffer
		if err := c.SVG(&buf, 800, 450); err != nil || !strings.Contains(buf.String(), "Нет завершённых аудитов") {
			t.Errorf("%s: the SVG does not say the chart is empty (%v)", name, err)
		}
		if _, err := c.Image(800, 450); err != nil {
			t.Error(err)
		}
	}
}

// Odd inputs and sizes draw without a panic, and texts still stay apart: negative and
// infinite values, more values than series names, no names at all, zeros only, and a
// list too long for the canvas, cut with a last row counting the rest.
func TestGroupedOddInputsDraw(t *testing.T) {
	long := GroupedBarChart{Series: []string{"A", "B"}, Style: Print}
	for i := 0; i < 40; i++ {
		long.Categories = append(long.Categories, auditShortSections[i%10])
		long.Values = append(long.Values, []float64{float64(i), float64(40 - i)})
	}
	cases := map[string]GroupedBarChart{
		"odd":      {Categories: []string{"А", "Б", ""}, Series: []string{"x"}, Values: [][]float64{{-20, 5, 7}, {math.Inf(-1)}, {1e6}}, Style: Print},
		"unnamed":  {Categories: []string{"А", "Б"}, Values: [][]float64{{1, 2}, {3}}, Style: Print},
		"zeros":    {Categories: []string{"А", "Б"}, Series: []string{"x", "y"}, Values: [][]float64{{0, 0}, {0}}, Style: Print},
		"40 cut":   long,
		"full":     fourAudits(darkScreen),
		"negative": {Categories: []string{"А"}, Series: []string{"x"}, Values: [][]float64{{-5}}, Style: Print},
	}
	for name, c := range cases {
		checkOddSizes(t, name, c)
		t.Run(name, func(t *testing.T) {
			checkTextsPlaced(t, record(t, c.draw, 800, 450), 800, 450)
		})
	}
	p := groupPlotOf(t, long, 800, 450)
	if p.hidden == 0 || p.shown+p.hidden != 40 {
		t.Fatalf("40 rows in a window: %d shown, %d hidden", p.shown, p.hidden)
	}
	if countText(record(t, long.draw, 800, 450), moreLabel(p.hidden)) != 1 {
		t.Error("the rows left out are not counted")
	}
	if groupPlotOf(t, cases["unnamed"], 800, 450).legend.rows != nil {
		t.Error("unnamed series have a legend")
	}
}

func TestGroupedFormat(t *testing.T) {
	c := GroupedBarChart{}
	if got := c.format(1234.4); got != nb("1_234") {
		t.Errorf("1234.4 is %q", got)
	}
	if got := c.format(66.7); got != "67" {
		t.Errorf("66.7 is %q", got)
	}
	c.Format = func(float64) string { return "x" }
	if c.format(1) != "x" {
		t.Error("Format is not used")
	}
}
