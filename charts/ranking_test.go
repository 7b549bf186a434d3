package charts

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

// rankPlotOf lays c out as drawing it would.
func rankPlotOf(t *testing.T, c RankingChart, w, h int) rankPlot {
	t.Helper()
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	return c.layout(r, w, h, c.fitUnit(w, h))
}

// run is the first and last column of colour want in row y (-1, -1: none).
func run(img image.Image, y int, want color.Color) (first, last int) {
	first, last = -1, -1
	wr, wg, wb, _ := want.RGBA()
	for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
		r, g, b, _ := img.At(x, y).RGBA()
		if near(r, wr) && near(g, wg) && near(b, wb) {
			if first < 0 {
				first = x
			}
			last = x
		}
	}
	return first, last
}

func TestRankingBarsStartAtZeroAndScaleWithValues(t *testing.T) {
	c := RankingChart{Style: Print, TargetLabel: "цель",
		Bars: []RankBar{{"Иванова Мария", 50}, {"Петров Алексей", 100}, {"Смирнов Олег", 150}, {"Кузнецова Елена", 20}}}
	const w, h = 900, 450
	img, err := c.Image(w, h)
	if err != nil {
		t.Fatal(err)
	}
	p := rankPlotOf(t, c, w, h)
	length := func(i int, col color.Color) int {
		first, last := run(img, p.rowMiddle(i), col)
		if first < 0 {
			t.Fatalf("bar %d not found", i)
		}
		if first > p.zero+1 {
			t.Errorf("bar %d starts at x=%d, zero is at %d", i, first, p.zero)
		}
		return last + 1 - p.zero
	}
	l50, l150, l20 := length(0, OkabeIto[5]), length(2, OkabeIto[2]), length(3, OkabeIto[5])
	if ratio := float64(l50) / float64(l150); math.Abs(ratio-1.0/3) > 0.02 {
		t.Errorf("50 %% is %d px and 150 %% is %d px: ratio %.3f, want 1/3", l50, l150, ratio)
	}
	if ratio := float64(l20) / float64(l150); math.Abs(ratio-20.0/150) > 0.02 {
		t.Errorf("20 %% is %d px and 150 %% is %d px: ratio %.3f", l20, l150, ratio)
	}
	if want := p.zero + int(math.Round(100*p.scale)); p.hundred != want {
		t.Errorf("the 100 %% line is at %d, want %d", p.hundred, want)
	}
}

func TestRankingBands(t *testing.T) {
	c := RankingChart{}
	for _, tc := range []struct {
		v    float64
		want color.Color
	}{{52, OkabeIto[5]}, {89.9, OkabeIto[5]}, {90, OkabeIto[1]}, {99.9, OkabeIto[1]}, {100, OkabeIto[2]}, {130, OkabeIto[2]}} {
		if c.band(tc.v) != toDrawing(tc.want) {
			t.Errorf("%v %% is drawn in %v", tc.v, c.band(tc.v))
		}
	}
	c.Amber, c.Green = 80, 95
	if c.band(85) != bandAmber || c.band(96) != bandGreen || c.band(79) != bandBelow {
		t.Error("the thresholds are not used")
	}
}

func TestRankingSVGHasNamesValuesTargetAndADashForNoValue(t *testing.T) {
	c := managerRanking(Print)
	var buf bytes.Buffer
	if err := c.SVG(&buf, 1600, 900); err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, buf.Bytes())
	svg := buf.String()
	for _, want := range append([]string{"Выполнение плана по выручке", "Март 2026", "цель", nb("118_%"),
		nb("112,4_%"), "—"}, managerNames...) {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func TestRankingNoValueHasNoBar(t *testing.T) {
	c := RankingChart{Style: Print, Bars: []RankBar{{"Иванова", 120}, {"Козлова", math.NaN()}}}
	img, err := c.Image(900, 300)
	if err != nil {
		t.Fatal(err)
	}
	p := rankPlotOf(t, c, 900, 300)
	for _, col := range []color.Color{OkabeIto[1], OkabeIto[2], OkabeIto[5]} {
		if first, _ := run(img, p.rowMiddle(1), col); first >= 0 {
			t.Error("a missing value drew a bar")
		}
	}
}

// Long Russian names are whole when they fit in 40 % of the width and shortened with
// "…" beyond; no text leaves the image or covers another, at any size or list length.
func TestRankingTextsStayInsideAndApart(t *testing.T) {
	dark2 := darkScreen
	dark2.Scale = 2
	long := RankingChart{Style: Print, TargetLabel: "target", Bars: []RankBar{
		{"Константинопольская Александра", 97},
		{strings.Repeat("Очень длинное название клиента ", 6), 104}}}
	cases := []struct {
		name string
		c    RankingChart
		w, h int
	}{
		{"14 managers slide", managerRanking(Print), 1600, 900},
		{"14 managers window dark", managerRanking(darkScreen), 900, 450},
		{"14 managers hidpi", managerRanking(dark2), 1800, 900},
		{"30 clients slide", clientRanking(30), 1600, 900},
		{"40 clients slide", clientRanking(40), 1600, 900},
		{"60 clients window", clientRanking(60), 900, 450},
		{"long names", long, 900, 300},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			texts := record(t, tc.c.draw, tc.w, tc.h)
			checkTextsPlaced(t, texts, tc.w, tc.h)
		})
	}
	texts := record(t, long.draw, 900, 300)
	if countText(texts, "Константинопольская Александра") != 1 {
		t.Error("a long name that fits was shortened")
	}
	for _, p := range texts {
		if strings.HasPrefix(p.text, "Очень") && (!strings.HasSuffix(p.text, "…") || p.x1-p.x0 > 900*4/10) {
			t.Errorf("an overlong name is drawn as %q, %d px", p.text, p.x1-p.x0)
		}
	}
}

func TestRankingMaxBars(t *testing.T) {
	c := clientRanking(0)
	fit := c.MaxBars(450)
	if fit < 10 || fit > 40 || c.MaxBars(900) <= fit {
		t.Fatalf("MaxBars: %d at 450 px, %d at 900 px", fit, c.MaxBars(900))
	}
	if c.MaxBars(900) < 40 {
		t.Errorf("40 bars don't fit a 900 px slide (%d do)", c.MaxBars(900))
	}
	all := clientRanking(fit)
	texts := record(t, all.draw, 900, 450)
	if countText(texts, all.Bars[fit-1].Label) != 1 {
		t.Errorf("MaxBars(450) = %d, but the last of them is not drawn", fit)
	}
	over := clientRanking(fit + 5)
	texts = record(t, over.draw, 900, 450)
	checkTextsPlaced(t, texts, 900, 450)
	if countText(texts, "… +6") != 1 {
		t.Error("bars beyond MaxBars are not counted in a last row")
	}
}

func TestRankingEmptyChartSaysSo(t *testing.T) {
	c := RankingChart{Title: "Выполнение плана", Empty: "Нет целей за период", TargetLabel: "цель", Style: Print}
	var buf bytes.Buffer
	if err := c.SVG(&buf, 900, 450); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Нет целей за период") || strings.Contains(buf.String(), "цель<") {
		t.Error("an empty ranking does not say so, or draws a target")
	}
}

// Odd values and sizes draw without a panic: negatives, infinities, no values at all,
// a value far beyond the target, tiny canvases.
func TestRankingOddInputsDraw(t *testing.T) {
	c := RankingChart{Style: Print, TargetLabel: "цель", Bars: []RankBar{
		{"минус", -20}, {"бесконечность", math.Inf(1)}, {"нет", math.NaN()}, {"много", 1000}, {"", 0}}}
	for _, size := range [][2]int{{900, 450}, {300, 120}, {120, 60}, {1, 1}} {
		if _, err := c.Image(size[0], size[1]); err != nil {
			t.Errorf("%v: %v", size, err)
		}
	}
	checkTextsPlaced(t, record(t, c.draw, 900, 450), 900, 450)
	none := RankingChart{Style: Print, Bars: []RankBar{{"Иванова", math.NaN()}, {"Петров", math.NaN()}}}
	checkTextsPlaced(t, record(t, none.draw, 900, 300), 900, 300)
}
