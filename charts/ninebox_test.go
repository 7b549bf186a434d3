package charts

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// calibration places 40 account managers on the nine-box, unevenly, as a real
// department is: most in the middle, a few stars, a few in the red.
func calibration(st Style) NineBox {
	names := people(40)
	counts := [3][3]int{{2, 3, 1}, {4, 12, 5}, {1, 7, 5}} // [x][y]
	c := NineBox{Title: "Калибровка: результативность и потенциал", Subtitle: "Отдел аккаунтинга · цикл оценки I кв. 2026 · 40 сотрудников",
		XLabel: "Результативность", YLabel: "Потенциал",
		XLevels: [3]string{"низкая", "средняя", "высокая"}, YLevels: [3]string{"низкий", "средний", "высокий"},
		CellTitles: [3][3]string{
			{"Под вопросом", "Требует внимания", "Неогранённый алмаз"},
			{"Надёжный исполнитель", "Ключевой сотрудник", "Будущая звезда"},
			{"Профессионал", "Сильный исполнитель", "Звёзды"}},
		More:  func(n int) string { return "ещё " + strconv.Itoa(n) },
		Empty: "Нет оценок за цикл", Style: st}
	k := 0
	for x := range counts {
		for y := range counts[x] {
			c.Cells[x][y] = names[k : k+counts[x][y]]
			k += counts[x][y]
		}
	}
	return c
}

func TestNineBoxRendersPNGAndSVGAtTheirSize(t *testing.T) {
	checkFileSizes(t, calibration(Print))
}

func TestNineBoxSVGHasAxesTitlesAndEveryName(t *testing.T) {
	c := calibration(Print)
	var buf bytes.Buffer
	if err := c.SVG(&buf, 1600, 900); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	want := []string{"Результативность", "Потенциал", "низкая", "высокий", "Звёзды", "Под вопросом", ">12<"}
	want = append(want, people(40)...)
	for _, w := range want {
		if !strings.Contains(svg, w) {
			t.Errorf("SVG lacks %q", w)
		}
	}
	if strings.Contains(svg, "ещё") {
		t.Error("a slide leaves names out")
	}
}

// A box with more names than it holds lists what fits and counts the rest, in More's
// words or as "+N".
func TestNineBoxCountsNamesThatDontFit(t *testing.T) {
	c := NineBox{Style: Print, More: func(n int) string { return "ещё " + strconv.Itoa(n) }}
	c.Cells[1][1] = people(40)
	texts := recordTurned(t, c.draw, 800, 500)
	checkTextsPlaced(t, texts, 800, 500)
	listed, hidden := 0, -1
	for _, tx := range texts {
		switch {
		case strings.HasPrefix(tx.text, "ещё "):
			n, err := strconv.Atoi(strings.TrimPrefix(tx.text, "ещё "))
			if err != nil {
				t.Fatalf("the count of names left out is %q", tx.text)
			}
			hidden = n
		case tx.text != "40": // the box's head count
			listed++
		}
	}
	if hidden <= 0 || listed < 8 || listed+hidden != 40 {
		t.Errorf("%d names listed and %d counted, of 40", listed, hidden)
	}
	c.More = nil
	texts = recordTurned(t, c.draw, 800, 500)
	if want := "+" + strconv.Itoa(hidden); countText(texts, want) != 1 {
		t.Errorf("without More the count is not %q", want)
	}
	c.Cells[1][1] = people(12)
	texts = recordTurned(t, c.draw, 1600, 900)
	for _, name := range people(12) {
		if countText(texts, name) != 1 {
			t.Errorf("%q is not listed on a slide", name)
		}
	}
}

func TestNineBoxTints(t *testing.T) {
	for _, st := range []Style{Print, darkScreen} {
		c := NineBox{Style: st}
		green := func(x, y int) int { return int(c.tint(x, y).G) - int(c.tint(x, y).R) }
		if !(green(2, 2) > green(1, 2) && green(1, 2) > green(1, 1) && green(1, 1) > green(0, 1) && green(0, 1) > green(0, 0)) {
			t.Error("boxes are not greener towards the top right")
		}
		for x := 0; x < 3; x++ {
			for y := 0; y < 3; y++ {
				if ratio := contrast(toDrawing(st.Text), c.tint(x, y)); ratio < 7 {
					t.Errorf("names in box %d,%d have contrast %.1f", x, y, ratio)
				}
			}
		}
	}
}

func TestNineBoxTextsStayInsideAndApart(t *testing.T) {
	dark2 := darkScreen
	dark2.Scale = 2
	long := calibration(Print)
	long.Cells[2][2] = append([]string{strings.Repeat("Константинопольская ", 6)}, long.Cells[2][2]...)
	long.CellTitles[0][0] = strings.Repeat("Очень длинное название ", 5)
	long.YLevels[2] = "очень высокий потенциал роста"
	crowded := calibration(Print)
	crowded.Cells[1][1] = people(40)
	cases := []struct {
		name string
		c    NineBox
		w, h int
	}{
		{"slide", calibration(Print), 1600, 900},
		{"window", calibration(Print), 800, 500},
		{"window dark", calibration(darkScreen), 900, 450},
		{"hidpi", calibration(dark2), 1800, 1000},
		{"long", long, 900, 450},
		{"crowded slide", crowded, 1600, 900},
		{"tiny", calibration(Print), 300, 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkTextsPlaced(t, recordTurned(t, tc.c.draw, tc.w, tc.h), tc.w, tc.h)
		})
	}
}

func TestNineBoxOddInputsDraw(t *testing.T) {
	one := NineBox{Style: Print}
	one.Cells[2][0] = []string{"Смирнова Анна"}
	cases := map[string]NineBox{
		"empty":   {Title: "Калибровка", Empty: "Нет оценок за цикл", Style: Print},
		"one":     one,
		"crowded": calibration(darkScreen),
	}
	for name, c := range cases {
		checkOddSizes(t, name, c)
		checkTextsPlaced(t, recordTurned(t, c.draw, 800, 500), 800, 500)
	}
	var buf bytes.Buffer
	if err := cases["empty"].SVG(&buf, 800, 500); err != nil || !strings.Contains(buf.String(), "Нет оценок за цикл") {
		t.Error("an empty nine-box does not say so")
	}
}

// TestSamplesHeatmapNineBox renders the heatmap and nine-box examples for a person to
// look at: LEADBOARD_SAMPLES=1 go test -run TestSamples ./charts/ writes them to
// /tmp/charts-samples (or to the directory LEADBOARD_SAMPLES names, when it is a path);
// without the variable it does nothing.
func TestSamplesHeatmapNineBox(t *testing.T) {
	dir := os.Getenv("LEADBOARD_SAMPLES")
	if dir == "" {
		t.Skip("set LEADBOARD_SAMPLES to render the sample charts")
	}
	if !strings.Contains(dir, string(filepath.Separator)) {
		dir = "/tmp/charts-samples"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	dark2 := darkScreen
	dark2.Scale = 2
	crowded := calibration(Print)
	crowded.Cells[1][1] = people(40)
	samples := []struct {
		name string
		c    interface {
			PNG(out io.Writer, width, height int) error
		}
		w, h int
	}{
		{"heatmap-ru-1600x900-14", ratingsHeatmap(14, Print), 1600, 900},
		{"heatmap-ru-1600x900-40", ratingsHeatmap(40, Print), 1600, 900},
		{"heatmap-ru-800x500-14", ratingsHeatmap(14, Print), 800, 500},
		{"heatmap-ru-800x500-40-cut", ratingsHeatmap(40, Print), 800, 500},
		{"heatmap-gap-ru-1600x900-14", gapHeatmap(14, Print), 1600, 900},
		{"heatmap-gap-ru-1600x900-40", gapHeatmap(40, Print), 1600, 900},
		{"heatmap-gap-ru-900x450-dark", gapHeatmap(14, darkScreen), 900, 450},
		{"heatmap-ru-1800x1000-dark-scale2", ratingsHeatmap(14, dark2), 1800, 1000},
		{"ninebox-ru-1600x900", calibration(Print), 1600, 900},
		{"ninebox-ru-800x500", calibration(Print), 800, 500},
		{"ninebox-ru-900x450-dark", calibration(darkScreen), 900, 450},
		{"ninebox-ru-800x500-crowded", crowded, 800, 500},
		{"ninebox-ru-1600x900-crowded", crowded, 1600, 900},
	}
	for _, s := range samples {
		var buf bytes.Buffer
		if err := s.c.PNG(&buf, s.w, s.h); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, s.name+".png"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
