package charts

import (
	"bytes"
	"image"
	"image/color"
	"strings"
	"testing"
	"time"
)

// barTop finds the top row of the bar colour in column x (-1: none).
func barTop(img image.Image, x int, want color.Color) int {
	wr, wg, wb, _ := want.RGBA()
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		r, g, bl, _ := img.At(x, y).RGBA()
		if near(r, wr) && near(g, wg) && near(bl, wb) {
			return y
		}
	}
	return -1
}

func near(a, b uint32) bool {
	d := int64(a) - int64(b)
	return d > -0x300 && d < 0x300
}

func TestBarsStartAtZeroAndScaleWithValues(t *testing.T) {
	c := BarChart{Bars: []Bar{{Label: "Иванов", Value: 5}, {Label: "Петров", Value: 8}, {Label: "Сидоров", Value: 0}},
		Style: Print}
	const w, h = 600, 300
	img, err := c.Image(w, h)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
		t.Fatalf("image is %v", img.Bounds())
	}
	slot := float64(w-2*padding) / 3
	centre := func(i int) int { return int(padding + slot*float64(i) + slot/2) }
	top5, top8 := barTop(img, centre(0), OkabeIto[0]), barTop(img, centre(1), OkabeIto[0])
	if top5 < 0 || top8 < 0 {
		t.Fatalf("bars not found: %d %d", top5, top8)
	}
	if barTop(img, centre(2), OkabeIto[0]) >= 0 {
		t.Error("a zero value drew a bar")
	}
	// Find the baseline: the first row below the bars without bar colour.
	base := top8
	for barTop(subImage(img, base), centre(1), OkabeIto[0]) == base {
		base++
	}
	h5, h8 := float64(base-top5), float64(base-top8)
	if ratio := h5 / h8; ratio < 0.58 || ratio > 0.67 {
		t.Errorf("bar heights %v and %v: ratio %.2f, want 5/8", h5, h8, ratio)
	}
}

func TestBarsTakeTheirOwnColourUnderASubtitle(t *testing.T) {
	c := BarChart{Title: "Распределение оценок", Subtitle: "Завершено: 5 из 6", Style: Print,
		Bars: []Bar{{Label: "Ниже ожиданий", Value: 1, Color: 5}, {Label: "Выше ожиданий", Value: 4}}}
	const w, h = 600, 300
	img, err := c.Image(w, h)
	if err != nil {
		t.Fatal(err)
	}
	slot := float64(w-2*padding) / 2
	if barTop(img, int(padding+slot/2), OkabeIto[5]) < 0 || barTop(img, int(padding+slot*1.5), OkabeIto[0]) < 0 {
		t.Error("the bars are not in their palette colours")
	}
	var buf bytes.Buffer
	if err := c.SVG(&buf, w, h); err != nil || !strings.Contains(buf.String(), "Завершено: 5 из 6") {
		t.Errorf("no subtitle in the SVG: %v", err)
	}
}

// subImage restricts scanning to rows from y down.
func subImage(img image.Image, y int) image.Image {
	return img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(img.Bounds().Min.X, y, img.Bounds().Max.X, img.Bounds().Max.Y))
}

func TestSVGHasTitleLabelsAndValues(t *testing.T) {
	c := BarChart{Title: "Клиенты на конец месяца", Style: Print,
		Bars:   []Bar{{Label: "янв 26", Value: 61}, {Label: "фев 26", Value: 59}},
		Format: func(v float64) string { return "≈" + formatWhole(v) }}
	var buf bytes.Buffer
	if err := c.SVG(&buf, 800, 300); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	for _, want := range []string{"Клиенты на конец месяца", "янв 26", "фев 26", "≈61", "≈59"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func TestEmptyChartSaysSo(t *testing.T) {
	c := BarChart{Title: "Клиенты", Empty: "Нет данных за период", Style: Print}
	var buf bytes.Buffer
	if err := c.SVG(&buf, 400, 200); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Нет данных за период") {
		t.Error("an empty chart does not say there is no data")
	}
}

func TestLabelsThinOutInsteadOfOverlapping(t *testing.T) {
	c := BarChart{Style: Print}
	for i := 0; i < 60; i++ {
		c.Bars = append(c.Bars, Bar{Label: "сен 26", Value: float64(100 + i)})
	}
	var buf bytes.Buffer
	if err := c.SVG(&buf, 500, 200); err != nil {
		t.Fatal(err)
	}
	labels := strings.Count(buf.String(), "сен 26")
	if labels == 0 || labels > 20 {
		t.Errorf("%d of 60 labels drawn in 500 px", labels)
	}
}

func TestMonthLabels(t *testing.T) {
	d := mustDate(t, "2026-03-01")
	if MonthLabel("ru", d) != "мар 26" || MonthLabel("en", d) != "Mar 26" {
		t.Errorf("%q %q", MonthLabel("ru", d), MonthLabel("en", d))
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
