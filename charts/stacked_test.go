package charts

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

var grades = []string{"Младший аккаунт-менеджер", "Аккаунт-менеджер", "Старший аккаунт-менеджер",
	"Ведущий аккаунт-менеджер", "Руководитель группы аккаунтинга"}

// gradeHeadcount is the department's headcount by grade, split by team.
func gradeHeadcount(st Style) StackedBarChart {
	return StackedBarChart{Title: "Численность по грейдам", Subtitle: "Отдел аккаунтинга · на 1 апреля 2026 · 46 сотрудников",
		Categories: append([]string(nil), grades...),
		Segments:   []string{"Команда Ивановой", "Команда Петрова", "Команда Константинопольской"},
		Values:     [][]float64{{4, 3, 5}, {6, 5, 4}, {3, 4, 2}, {2, 1, 2}, {1, 1, 1}},
		Empty:      "Нет сотрудников", Style: st}
}

// gradePlain is the same headcount, not split: a plain column chart.
func gradePlain(st Style) StackedBarChart {
	c := gradeHeadcount(st)
	c.Subtitle = "Отдел аккаунтинга · на 1 апреля 2026"
	c.Segments = []string{""}
	c.Values = [][]float64{{12}, {15}, {9}, {5}, {3}}
	return c
}

func stackPlotOf(t *testing.T, c StackedBarChart, w, h int) stackPlot {
	t.Helper()
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	return c.layout(r, w, h)
}

func TestStackedRendersPNGAndSVGAtTheirSize(t *testing.T) {
	checkFileSizes(t, gradeHeadcount(Print))
	checkFileSizes(t, gradePlain(Print))
}

func TestStackedSVGHasNamesTotalsValuesAndLegend(t *testing.T) {
	c := gradeHeadcount(Print)
	c.Segments[0] = "Рога & Копыта"
	var buf bytes.Buffer
	if err := c.SVG(&buf, 1600, 900); err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, buf.Bytes())
	svg := buf.String()
	for _, want := range []string{"Численность по грейдам", "Рога &amp; Копыта", "Команда Петрова", "Младший", "аккаунт-менеджер",
		"Руководитель", ">12<", ">15<", ">9<", ">5<", ">3<", ">6<"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

// A plain chart has no legend and no values inside its columns, only totals.
func TestStackedPlainChartHasNoLegend(t *testing.T) {
	c := gradePlain(Print)
	p := stackPlotOf(t, c, 900, 600)
	if p.legendH != 0 || c.stacked() {
		t.Error("a chart of one unnamed segment has a legend")
	}
	texts := record(t, c.draw, 900, 600)
	for _, v := range []string{"12", "15", "9", "5", "3"} {
		if n := countText(texts, v); n != 1 {
			t.Errorf("%q is written %d times", v, n)
		}
	}
	c.Segments = []string{"Сотрудники"}
	if !c.stacked() || stackPlotOf(t, c, 900, 600).legendH == 0 {
		t.Error("a named single segment is not in the legend")
	}
}

// extent is the top and bottom row of colours cols in column x (-1, -1: none).
func extent(img image.Image, x int, cols ...color.Color) (top, bottom int) {
	top, bottom = -1, -1
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		r, g, b, _ := img.At(x, y).RGBA()
		for _, c := range cols {
			wr, wg, wb, _ := c.RGBA()
			if near(r, wr) && near(g, wg) && near(b, wb) {
				if top < 0 {
					top = y
				}
				bottom = y
			}
		}
	}
	return top, bottom
}

// Columns start at zero and their heights are proportional to their totals, plain or
// stacked; each segment's height to its value.
func TestStackedColumnsStartAtZeroAndScaleWithTotals(t *testing.T) {
	plain := StackedBarChart{Categories: []string{"А", "Б", "В"}, Segments: []string{""},
		Values: [][]float64{{2}, {4}, {1}}, Style: Print}
	stacked := StackedBarChart{Categories: []string{"А", "Б"}, Segments: []string{"x", "y"},
		Values: [][]float64{{1, 2}, {3, 3}}, Style: Print}
	for _, size := range [][2]int{{900, 600}, {1600, 900}} {
		w, h := size[0], size[1]
		img, err := plain.Image(w, h)
		if err != nil {
			t.Fatal(err)
		}
		p := stackPlotOf(t, plain, w, h)
		height := func(img image.Image, i int, cols ...color.Color) int {
			x0, _ := p.column(i)
			top, bottom := extent(img, x0+2, cols...)
			if top < 0 {
				t.Fatalf("%v: column %d not found", size, i)
			}
			if bottom < p.baseline-2 {
				t.Errorf("%v: column %d ends at y=%d, zero is at %d", size, i, bottom, p.baseline)
			}
			return bottom + 1 - top
		}
		h2, h4, h1 := height(img, 0, OkabeIto[0]), height(img, 1, OkabeIto[0]), height(img, 2, OkabeIto[0])
		if r := float64(h2) / float64(h4); math.Abs(r-0.5) > 0.02 {
			t.Errorf("%v: 2 is %d px and 4 is %d px: ratio %.3f", size, h2, h4, r)
		}
		if r := float64(h1) / float64(h4); math.Abs(r-0.25) > 0.02 {
			t.Errorf("%v: 1 is %d px and 4 is %d px: ratio %.3f", size, h1, h4, r)
		}
		img, err = stacked.Image(w, h)
		if err != nil {
			t.Fatal(err)
		}
		p = stackPlotOf(t, stacked, w, h)
		t3 := height(img, 0, OkabeIto[0], OkabeIto[1])
		t6 := height(img, 1, OkabeIto[0], OkabeIto[1])
		if r := float64(t3) / float64(t6); math.Abs(r-0.5) > 0.02 {
			t.Errorf("%v: a total of 3 is %d px and 6 is %d px: ratio %.3f", size, t3, t6, r)
		}
		x0, _ := p.column(0)
		top1, bottom1 := extent(img, x0+2, OkabeIto[0])
		top2, bottom2 := extent(img, x0+2, OkabeIto[1])
		if bottom2 >= top1 {
			t.Errorf("%v: the second segment is not above the first", size)
		}
		if r := float64(bottom2+1-top2) / float64(bottom1+1-top1); math.Abs(r-2) > 0.15 {
			t.Errorf("%v: segments of 2 and 1 have heights in ratio %.2f", size, r)
		}
	}
}

// Category names wrap whole under their columns, on a slide and in a window; no text
// leaves the image or covers another.
func TestStackedTextsStayInsideAndApart(t *testing.T) {
	dark2 := darkScreen
	dark2.Scale = 2
	long := gradeHeadcount(Print)
	long.Categories[1] = strings.Repeat("Очень длинное название грейда ", 6)
	long.Segments = append(long.Segments, strings.Repeat("Очень длинное название команды ", 5))
	many := StackedBarChart{Segments: []string{"A", "B"}, Style: Print}
	for i := 0; i < 40; i++ {
		many.Categories = append(many.Categories, grades[i%len(grades)])
		many.Values = append(many.Values, []float64{float64(1000 + i*37), float64(2000 - i*11)})
	}
	cases := []struct {
		name string
		c    StackedBarChart
		w, h int
	}{
		{"slide", gradeHeadcount(Print), 1600, 900},
		{"window", gradeHeadcount(Print), 900, 600},
		{"window dark", gradeHeadcount(darkScreen), 900, 600},
		{"plain", gradePlain(Print), 900, 450},
		{"small", gradeHeadcount(Print), 500, 350},
		{"hidpi", gradeHeadcount(dark2), 1800, 1000},
		{"long", long, 900, 600},
		{"40 columns", many, 900, 600},
		{"tiny", gradeHeadcount(Print), 300, 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkTextsPlaced(t, record(t, tc.c.draw, tc.w, tc.h), tc.w, tc.h)
		})
	}
	for _, size := range [][2]int{{1600, 900}, {900, 600}} {
		if p := stackPlotOf(t, gradeHeadcount(Print), size[0], size[1]); !p.whole {
			t.Errorf("%v: grade names are shortened", size)
		}
	}
}

func TestStackedOddInputsDraw(t *testing.T) {
	cases := map[string]StackedBarChart{
		"empty":    {Title: "Численность", Empty: "Нет сотрудников", Style: Print},
		"zeros":    {Categories: []string{"А", "Б"}, Values: [][]float64{{0}, nil}, Style: Print},
		"odd":      {Categories: []string{"А"}, Segments: []string{"x", "y"}, Values: [][]float64{{math.NaN(), -3, 5}, {2}}, Style: Print},
		"no names": {Values: [][]float64{{1, 2}, {3}}, Style: Print},
		"full":     gradeHeadcount(darkScreen),
	}
	for name, c := range cases {
		checkOddSizes(t, name, c)
		checkTextsPlaced(t, record(t, c.draw, 800, 500), 800, 500)
	}
	var buf bytes.Buffer
	if err := cases["empty"].SVG(&buf, 800, 500); err != nil || !strings.Contains(buf.String(), "Нет сотрудников") {
		t.Error("an empty chart does not say so")
	}
}

func TestStackedFormat(t *testing.T) {
	c := StackedBarChart{}
	if got := c.format(1234.4); got != "1"+nbsp+"234" {
		t.Errorf("1234.4 is %q", got)
	}
	c.Format = func(v float64) string { return "x" }
	if c.format(1) != "x" {
		t.Error("Format is not used")
	}
}

// TestStackedSamples renders the stacked column examples for a person to look at, as
// TestSamplesHeatmapNineBox does: LEADBOARD_SAMPLES=1 go test -run Samples ./charts/.
func TestStackedSamples(t *testing.T) {
	dir := samplesDir(t)
	dark2 := darkScreen
	dark2.Scale = 2
	months := StackedBarChart{Title: "Новые клиенты по месяцам", Subtitle: "апрель 2025 — март 2026",
		Categories: monthsLabels(), Segments: []string{"Клиенты A", "Клиенты B", "Клиенты C"}, Style: Print}
	for i := range months.Categories {
		months.Values = append(months.Values, []float64{float64(1 + i%3), float64(2 + (i*5)%4), float64(3 + (i*7)%5)})
	}
	writeSamples(t, dir, []sample{
		{"stacked-ru-1600x900-print", gradeHeadcount(Print), 1600, 900},
		{"stacked-ru-1600x900-dark", gradeHeadcount(darkScreen), 1600, 900},
		{"stacked-ru-900x600-print", gradeHeadcount(Print), 900, 600},
		{"stacked-ru-900x600-dark", gradeHeadcount(darkScreen), 900, 600},
		{"stacked-ru-900x600-plain", gradePlain(Print), 900, 600},
		{"stacked-ru-1600x900-plain-dark", gradePlain(darkScreen), 1600, 900},
		{"stacked-ru-900x600-12months", months, 900, 600},
		{"stacked-ru-1800x1000-dark-scale2", gradeHeadcount(dark2), 1800, 1000},
	})
}

func monthsLabels() []string { return months("ru", 12) }

// When totals are too wide to write over every column, the tallest column's total
// is written all the same: it is the one a reader looks for.
func TestStackedWritesTheTallestTotalWhenThinning(t *testing.T) {
	c := StackedBarChart{Title: "Воронка по менеджерам", Style: Print,
		Format: func(v float64) string { return FormatShort("ru", UnitRoubles, v) }}
	for i, v := range []float64{1_576_800, 631_400, 259_600, 253_200, 230_600, 107_550, 83_200, 6_600} {
		c.Categories = append(c.Categories, fmt.Sprintf("Менеджер %d", i+1))
		c.Values = append(c.Values, []float64{v})
	}
	c.Segments = []string{""}
	if p := stackPlotOf(t, c, 700, 380); p.stride < 2 || p.tallest != 0 {
		t.Fatalf("stride %d, tallest %d: the case needs thinning", p.stride, p.tallest)
	}
	var buf bytes.Buffer
	if err := c.SVG(&buf, 700, 380); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), ">1,58\u00a0млн\u00a0₽<") {
		t.Error("the tallest column's total is not written")
	}
}
