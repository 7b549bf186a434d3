package charts

import (
	"bytes"
	"image/color"
	"math"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

var darkScreen = Screen(color.NRGBA{0x1e, 0x1e, 0x1e, 0xff}, color.White, color.NRGBA{0xa0, 0xa0, 0xa0, 0xff}, 1)

func TestLineSVGHasTitleLegendMonthsAndDashedTarget(t *testing.T) {
	c := retentionChart("ru", Print)
	var buf bytes.Buffer
	if err := c.SVG(&buf, 1600, 900); err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, buf.Bytes())
	svg := buf.String()
	for _, want := range []string{"Удержание клиентов", "Отдел аккаунтинга", "Удержание, %",
		"Удержание", "Цель 97 %", "Среднее за 3 мес.", "мар 2026", "сен 2025", nb("97_%")} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if !strings.Contains(svg, "stroke-dasharray") {
		t.Error("the target is not dashed")
	}
}

// Every text stays inside the image and clear of the others, at the sizes the app and
// the meeting pack use, in both styles and with eight managers.
func TestLineTextsStayInsideAndApart(t *testing.T) {
	dark2 := darkScreen
	dark2.Scale = 2
	crowded := retentionChart("ru", Print)
	crowded.Series = eightManagers()
	cases := []struct {
		name string
		c    LineChart
		w, h int
	}{
		{"slide", retentionChart("ru", Print), 1600, 900},
		{"window", retentionChart("ru", Print), 900, 450},
		{"dark", revenueChart("ru", darkScreen), 900, 450},
		{"hidpi", revenueChart("en", dark2), 1800, 900},
		{"small", retentionChart("en", Print), 500, 300},
		{"8 managers window", crowded, 900, 450},
		{"8 managers slide", crowded, 1600, 900},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			texts := record(t, tc.c.draw, tc.w, tc.h)
			if len(texts) < 10 {
				t.Fatalf("only %d texts drawn", len(texts))
			}
			checkTextsPlaced(t, texts, tc.w, tc.h)
			if last := tc.c.XLabels[len(tc.c.XLabels)-1]; countText(texts, last) != 1 {
				t.Errorf("the latest period %q is not labelled", last)
			}
		})
	}
}

func TestLineXLabelsThinOutRatherThanOverlap(t *testing.T) {
	c := retentionChart("ru", Print)
	c.XLabels = months("ru", 60)
	c.Series = []LineSeries{{Name: "Удержание", Values: constant(96, 60)}}
	texts := record(t, c.draw, 600, 300)
	checkTextsPlaced(t, texts, 600, 300)
	drawn := 0
	for _, l := range c.XLabels {
		drawn += countText(texts, l)
	}
	if drawn < 3 || drawn > 12 {
		t.Errorf("%d of 60 month labels drawn in 600 px", drawn)
	}
}

// A crowded legend lists each entity once and the shared averages once, by what their
// names add ("ср. 3 мес."); a short legend names every series in full.
func TestLineLegendCompactsWhenCrowded(t *testing.T) {
	c := retentionChart("ru", Print)
	c.Series = eightManagers()
	texts := record(t, c.draw, 900, 450)
	if countText(texts, "ср. 3 мес.") != 1 || countText(texts, "Иванова Мария — ср. 3 мес.") != 0 {
		t.Error("the averages are not listed once")
	}
	for _, s := range c.Series {
		if s.Kind == Line && countText(texts, s.Name) != 1 {
			t.Errorf("%q is not in the legend", s.Name)
		}
	}
	if countText(texts, "Цель отдела") != 1 {
		t.Error("a target of no entity lost its own entry")
	}
	few := retentionChart("ru", Print)
	few.Series = eightManagers()[:4]
	texts = record(t, few.draw, 900, 450)
	if countText(texts, "Иванова Мария — ср. 3 мес.") != 1 {
		t.Error("a short legend was compacted")
	}
}

func TestLineRange(t *testing.T) {
	cases := []struct {
		name             string
		min, max         float64
		wantZero         bool
		wantLoAbove      float64
		wantPaddedAround bool
	}{
		{"retention zooms", 95.1, 98.9, false, 90, true},
		{"roubles in millions zoom", 4.1e6, 5.9e6, false, 3e6, true},
		{"a count near zero keeps zero", 2, 40, true, 0, false},
		{"negative data zooms", -12, -3, false, -13, true},
	}
	for _, c := range cases {
		lo, hi := lineRange(c.min, c.max)
		if c.wantZero && lo != 0 {
			t.Errorf("%s: lo %v, want 0", c.name, lo)
		}
		if !c.wantZero && lo <= c.wantLoAbove {
			t.Errorf("%s: lo %v does not zoom to the data", c.name, lo)
		}
		if c.wantPaddedAround && (lo >= c.min || hi <= c.max) {
			t.Errorf("%s: %v..%v touches the data %v..%v", c.name, lo, hi, c.min, c.max)
		}
	}
}

func TestValueAxisUsesNiceSteps(t *testing.T) {
	for _, r := range [][2]float64{{94.9, 99.1}, {3.96e6, 6.04e6}, {0, 42}, {-13, -2}, {0.3, 0.31}} {
		a := newValueAxis(r[0], r[1], 5, 0, 300)
		m := a.step / math.Pow(10, math.Floor(math.Log10(a.step)))
		if math.Abs(m-1) > 1e-9 && math.Abs(m-2) > 1e-9 && math.Abs(m-5) > 1e-9 {
			t.Errorf("%v: step %v is not 1, 2 or 5 times a power of ten", r, a.step)
		}
		if a.lo > r[0] || a.hi < r[1] {
			t.Errorf("%v: axis %v..%v cuts the data", r, a.lo, a.hi)
		}
		if n := len(a.ticks()); n < 2 || n > 7 {
			t.Errorf("%v: %d ticks", r, n)
		}
	}
}

// plotOf lays c out as drawing it would.
func plotOf(t *testing.T, c LineChart, w, h int) linePlot {
	t.Helper()
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := c.plot(r, w, h)
	if !ok {
		t.Fatal("no plot")
	}
	return p
}

func TestLineLeavesAGapForAMissingValue(t *testing.T) {
	blue := OkabeIto[0]
	for _, tc := range []struct {
		values []float64
		joined bool
	}{{[]float64{10, 10, 10}, true}, {[]float64{10, math.NaN(), 10}, false}} {
		c := LineChart{XLabels: []string{"янв 2026", "фев 2026", "мар 2026"}, Style: Print,
			Series: []LineSeries{{Name: "Клиенты", Values: tc.values}}}
		img, err := c.Image(600, 300)
		if err != nil {
			t.Fatal(err)
		}
		p := plotOf(t, c, 600, 300)
		mid, y := (p.x(0)+p.x(1))/2, p.axis.y(10)
		r, g, b, _ := img.At(mid, y).RGBA()
		wr, wg, wb, _ := blue.RGBA()
		if joined := near(r, wr) && near(g, wg) && near(b, wb); joined != tc.joined {
			t.Errorf("%v: line between the first two points drawn = %v", tc.values, joined)
		}
	}
}

func TestLineSinglePointIsAMarker(t *testing.T) {
	c := LineChart{XLabels: []string{"мар 2026"}, Style: Print,
		Series: []LineSeries{{Name: "Удержание", Values: []float64{97}}}}
	img, err := c.Image(600, 300)
	if err != nil {
		t.Fatal(err)
	}
	p := plotOf(t, c, 600, 300)
	r, g, b, _ := img.At(p.x(0), p.axis.y(97)).RGBA()
	wr, wg, wb, _ := OkabeIto[0].RGBA()
	if !near(r, wr) || !near(g, wg) || !near(b, wb) {
		t.Error("a single value left no marker")
	}
}

func TestLineEmptyChartSaysSo(t *testing.T) {
	c := retentionChart("ru", Print)
	for i := range c.Series {
		c.Series[i].Values = constant(math.NaN(), 24)
	}
	var buf bytes.Buffer
	if err := c.SVG(&buf, 900, 450); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	if !strings.Contains(svg, "Нет данных за период") {
		t.Error("an empty chart does not say there is no data")
	}
	if strings.Contains(svg, "мар 2026") || strings.Contains(svg, nb("97_%")) {
		t.Error("an empty chart drew axes")
	}
}

func TestSeriesColoursStayLegible(t *testing.T) {
	if c := contrast(Print.seriesColor(6), toDrawing(Print.Background)); c < 1.6 {
		t.Errorf("yellow on white: contrast %.2f", c)
	}
	if c := contrast(darkScreen.seriesColor(7), toDrawing(darkScreen.Background)); c < 1.6 {
		t.Errorf("black on dark: contrast %.2f", c)
	}
	if Print.seriesColor(0) != toDrawing(OkabeIto[0]) {
		t.Error("a legible colour was changed")
	}
}

// Odd data and odd sizes draw without a panic: flat lines, zeros, negatives, one huge
// value, more values than labels, no labels, tiny canvases.
func TestLineOddInputsDraw(t *testing.T) {
	charts := []LineChart{
		{Series: []LineSeries{{Name: "ноль", Values: constant(0, 12)}}, XLabels: months("ru", 12)},
		{Series: []LineSeries{{Name: "ровно", Values: constant(97, 5)}}, XLabels: months("ru", 5)},
		{Series: []LineSeries{{Name: "минус", Values: []float64{-3, -12, math.Inf(1), -7}}}, XLabels: months("en", 4)},
		{Series: []LineSeries{{Name: "всплеск", Values: []float64{1, 2, 1e12, 3}}}, XLabels: months("ru", 2)},
		{Series: []LineSeries{{Values: []float64{5, 6, 7}}}},
		{Series: []LineSeries{{Name: "x", Values: []float64{math.NaN(), 4, math.NaN()}, Kind: Target}}, XLabels: months("ru", 3)},
	}
	for i, c := range charts {
		c.Style = Print
		for _, size := range [][2]int{{900, 450}, {300, 200}, {120, 60}, {1, 1}} {
			if _, err := c.Image(size[0], size[1]); err != nil {
				t.Errorf("chart %d at %v: %v", i, size, err)
			}
		}
		texts := record(t, c.draw, 900, 450)
		checkTextsPlaced(t, texts, 900, 450)
	}
	if lo, hi := lineRange(0, 0); lo != 0 || hi != 1 {
		t.Errorf("all zeros show %v..%v, want 0..1", lo, hi)
	}
}
