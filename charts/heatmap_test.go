package charts

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

// turnRecorder is a recorder that knows upright text: it notes the box such a text
// takes, turned, so that checkTextsPlaced sees where it really is.
type turnRecorder struct {
	*recorder
	turned bool
}

func (r *turnRecorder) SetTextRotation(radians float64) {
	r.turned = true
	r.recorder.SetTextRotation(radians)
}

func (r *turnRecorder) ClearTextRotation() {
	r.turned = false
	r.recorder.ClearTextRotation()
}

func (r *turnRecorder) Text(body string, x, y int) {
	if !r.turned {
		r.recorder.Text(body, x, y)
		return
	}
	r.recorder.Renderer.ClearTextRotation() // a turned renderer measures turned boxes
	w := textWidth(r.recorder.Renderer, body)
	r.recorder.Renderer.SetTextRotation(-math.Pi / 2)
	r.texts = append(r.texts, placedText{body, x - capHeight(r.size), y - w, x, y})
	r.recorder.Renderer.Text(body, x, y)
}

// recordTurned is record for charts that draw upright text.
func recordTurned(t *testing.T, draw drawFunc, width, height int) []placedText {
	t.Helper()
	r, err := chart.PNG(width, height)
	if err != nil {
		t.Fatal(err)
	}
	rec := &turnRecorder{recorder: &recorder{Renderer: r}}
	draw(rec, width, height)
	return rec.texts
}

var reviewCriteria = []string{"Коммуникация с клиентом", "Развитие клиентов", "Отчётность и сроки",
	"Работа с бюджетом", "Знание продуктов", "Командная работа", "Проактивность",
	"Соблюдение регламентов", "Аналитика и KPI", "Наставничество"}

// people are n account managers' names, the first fourteen those of the other charts.
func people(n int) []string {
	more := []string{"Смирнова Анна", "Фёдоров Артём", "Михайлова Ксения", "Алексеев Роман",
		"Яковлева Полина", "Григорьев Максим", "Романова Вера", "Захаров Денис", "Белова Ирина",
		"Орлов Кирилл", "Киселёва Светлана", "Макаров Антон", "Андреева Юлия", "Никитин Глеб",
		"Зайцева Екатерина", "Соколов Илья", "Павлова Алина", "Семёнов Виктор", "Голубева Надежда",
		"Виноградов Степан", "Богданова Маргарита", "Воробьёв Тимур", "Фролова Елизавета",
		"Медведев Ярослав", "Тарасова Ульяна", "Беляев Арсений"}
	all := append(append([]string(nil), managerNames...), more...)
	return all[:min(n, len(all))]
}

// rating is a made-up but steady rating 1–5 in halves for person i, criterion j.
func rating(i, j int) float64 {
	v := 3.2 + 1.4*math.Sin(float64(i*7+j*3)/4.0) + 0.4*math.Cos(float64(i+j*j))
	return math.Max(1, math.Min(5, math.Round(v*2)/2))
}

func ratingsHeatmap(n int, st Style) Heatmap {
	c := Heatmap{Title: "Оценки по компетенциям", Subtitle: "Цикл оценки: I кв. 2026 · оценка руководителя, 1–5",
		RowLabels: people(n), ColumnLabels: append([]string(nil), reviewCriteria...), Min: 1, Max: 5, MissingLabel: "нет оценки",
		Empty: "Нет оценок за цикл", Style: st}
	for i := range c.RowLabels {
		row := make([]float64, len(reviewCriteria))
		for j := range row {
			row[j] = rating(i, j)
			if (i*3+j)%17 == 5 {
				row[j] = math.NaN()
			}
		}
		c.Values = append(c.Values, row)
	}
	return c
}

func gapHeatmap(n int, st Style) Heatmap {
	c := ratingsHeatmap(n, st)
	c.Title, c.Subtitle = "Самооценка минус оценка руководителя", "Цикл оценки: I кв. 2026 · больше нуля — сотрудник оценил себя выше"
	c.Diverging, c.Min, c.Max = true, -2, 2
	for i, row := range c.Values {
		for j := range row {
			if !math.IsNaN(row[j]) {
				row[j] = math.Max(-2, math.Min(2, math.Round(rating(i+5, j+1)-rating(i, j))/2))
			}
		}
	}
	return c
}

func TestHeatmapRendersPNGAndSVGAtTheirSize(t *testing.T) {
	checkFileSizes(t, ratingsHeatmap(14, Print))
}

func TestHeatmapSVGHasLabelsValuesAndLegend(t *testing.T) {
	c := Heatmap{Title: "Оценки", RowLabels: []string{"Смирнова Анна", "Рога & Копыта"},
		ColumnLabels: []string{"Коммуникация с клиентом", "Развитие клиентов"},
		Values:       [][]float64{{4, 3.5}, {math.NaN(), 1}}, Min: 1, Max: 5, MissingLabel: "нет оценки", Style: Print}
	var buf bytes.Buffer
	if err := c.SVG(&buf, 900, 450); err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, buf.Bytes())
	svg := buf.String()
	for _, want := range []string{"Оценки", "Смирнова Анна", "Рога &amp; Копыта", "Коммуникация", "клиентом",
		">4<", ">3,5<", ">1<", ">—<", ">5<", ">3<", "нет оценки"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func TestHeatmapFormat(t *testing.T) {
	c := Heatmap{}
	for v, want := range map[float64]string{4: "4", 3.5: "3,5", 3.96: "4", -1: minus + "1", 0: "0"} {
		if got := c.format(v); got != want {
			t.Errorf("format(%v) = %q, want %q", v, got, want)
		}
	}
	c.Diverging = true
	if got := c.format(0.5); got != "+0,5" {
		t.Errorf("a diverging 0.5 is %q", got)
	}
	if got := c.format(0.04); got != "0" {
		t.Errorf("a diverging 0.04 is %q", got)
	}
	if got := c.format(math.NaN()); got != dash {
		t.Errorf("NaN is %q", got)
	}
	c.Format = func(v float64) string { return "x" }
	if c.format(1) != "x" {
		t.Error("Format is not used")
	}
}

func TestHeatmapColours(t *testing.T) {
	seq := Heatmap{Min: 1, Max: 5, Style: Print}
	if seq.fill(1) != heatLow || seq.fill(5) != heatHigh || seq.fill(0) != heatLow || seq.fill(9) != heatHigh {
		t.Error("the sequential scale does not run from vermillion to bluish green")
	}
	if seq.fill(3) != seq.neutral() {
		t.Error("the middle of the sequential scale is not neutral")
	}
	div := Heatmap{Min: -2, Max: 1, Diverging: true, Style: Print}
	if lo, hi := div.bounds(); lo != -2 || hi != 2 {
		t.Errorf("the diverging scale is %v..%v, want -2..2", lo, hi)
	}
	if div.fill(-2) != heatLow || div.fill(2) != heatPos || div.fill(0) != div.neutral() {
		t.Error("the diverging scale is not vermillion, neutral, blue")
	}
	auto := Heatmap{Values: [][]float64{{2, math.NaN()}, {4}}}
	if lo, hi := auto.bounds(); lo != 2 || hi != 4 {
		t.Errorf("the data's range is %v..%v, want 2..4", lo, hi)
	}
	for _, st := range []Style{Print, darkScreen} {
		c := Heatmap{Min: 1, Max: 5, Style: st}
		for v := 1.0; v <= 5; v += 0.5 {
			f := c.fill(v)
			if ratio := contrast(st.onFill(f), f); ratio < 3 {
				t.Errorf("a value of %v has text at contrast %.1f", v, ratio)
			}
		}
	}
}

// Labels and values stay inside the image and apart, for every size the app and the
// meeting pack use, with few and many rows, flat or upright column labels.
func TestHeatmapTextsStayInsideAndApart(t *testing.T) {
	dark2 := darkScreen
	dark2.Scale = 2
	long := ratingsHeatmap(3, Print)
	long.RowLabels[0] = strings.Repeat("Очень длинное имя сотрудника ", 5)
	long.ColumnLabels[1] = strings.Repeat("Очень длинное название критерия ", 4)
	cases := []struct {
		name string
		c    Heatmap
		w, h int
	}{
		{"14 slide", ratingsHeatmap(14, Print), 1600, 900},
		{"40 slide", ratingsHeatmap(40, Print), 1600, 900},
		{"40 gaps slide", gapHeatmap(40, Print), 1600, 900},
		{"40 window", ratingsHeatmap(40, Print), 800, 500},
		{"14 window dark", gapHeatmap(14, darkScreen), 900, 450},
		{"14 hidpi", ratingsHeatmap(14, dark2), 1800, 1000},
		{"1 row small", ratingsHeatmap(1, Print), 800, 500},
		{"long labels", long, 900, 450},
		{"tiny", ratingsHeatmap(14, Print), 300, 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkTextsPlaced(t, recordTurned(t, tc.c.draw, tc.w, tc.h), tc.w, tc.h)
		})
	}
}

func heatPlotOf(t *testing.T, c Heatmap, w, h int) heatPlot {
	t.Helper()
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	return c.layout(r, w, h)
}

func TestHeatmapFitsFortyRowsOnASlide(t *testing.T) {
	c := ratingsHeatmap(40, Print)
	p := heatPlotOf(t, c, 1600, 900)
	if p.hidden != 0 || !p.values {
		t.Errorf("40 rows on a slide: %d left out, values shown %v", p.hidden, p.values)
	}
	texts := recordTurned(t, c.draw, 1600, 900)
	for _, name := range c.RowLabels {
		if countText(texts, name) != 1 {
			t.Errorf("%q is not drawn once", name)
		}
	}
}

// Rows that don't fit a small chart are left out and counted; the column labels turn
// upright rather than being cut.
func TestHeatmapCutsRowsItCannotFit(t *testing.T) {
	c := ratingsHeatmap(40, Print)
	p := heatPlotOf(t, c, 800, 500)
	if p.hidden == 0 || p.shown+p.hidden != 40 || p.shown < 10 {
		t.Fatalf("800 x 500: %d rows shown, %d left out", p.shown, p.hidden)
	}
	texts := recordTurned(t, c.draw, 800, 500)
	if countText(texts, moreLabel(p.hidden)) != 1 {
		t.Errorf("the rows left out are not counted as %q", moreLabel(p.hidden))
	}
	for _, label := range reviewCriteria {
		found := false
		for _, tx := range texts {
			found = found || strings.HasPrefix(label, strings.TrimSuffix(tx.text, "…")) && tx.text != ""
		}
		if !found {
			t.Errorf("column %q is not labelled", label)
		}
	}
}

func TestHeatmapOmitsValuesInSmallCells(t *testing.T) {
	c := ratingsHeatmap(14, Print)
	c.Format = func(v float64) string { return FormatValue("ru", UnitScore, v) + " из 5" }
	p := heatPlotOf(t, c, 500, 400)
	if p.values {
		t.Fatal("values that don't fit their cells are written")
	}
	texts := recordTurned(t, c.draw, 500, 400)
	legendTop := p.gridTop + int(float64(p.shown+sign(p.hidden))*p.rowH)
	for _, tx := range texts {
		if strings.HasSuffix(tx.text, "из 5") && tx.y0 < legendTop {
			t.Errorf("a value %q is written in a cell", tx.text)
		}
	}
}

// Odd input draws without a panic: no rows, one row, ragged rows, more labels than
// values, only NaN, equal bounds, tiny canvases.
func TestHeatmapOddInputsDraw(t *testing.T) {
	cases := map[string]Heatmap{
		"empty":      {Title: "Оценки", Empty: "Нет оценок", Style: Print},
		"no columns": {RowLabels: []string{"Смирнова Анна"}, Empty: "Нет оценок", Style: Print},
		"one row":    {RowLabels: []string{"Смирнова Анна"}, ColumnLabels: reviewCriteria[:3], Values: [][]float64{{4, 3.5, 5}}, Style: Print},
		"ragged":     {RowLabels: []string{"А", "Б", "В"}, ColumnLabels: []string{"x"}, Values: [][]float64{{1, 2, 3}, nil}, Style: Print},
		"all NaN":    {RowLabels: []string{"А"}, ColumnLabels: []string{"x", "y"}, Values: [][]float64{{math.NaN(), math.Inf(1)}}, Diverging: true, Style: Print},
		"flat":       {RowLabels: []string{"А"}, ColumnLabels: []string{"x"}, Values: [][]float64{{3}}, Style: Print},
		"40 rows":    ratingsHeatmap(40, darkScreen),
	}
	for name, c := range cases {
		checkOddSizes(t, name, c)
		checkTextsPlaced(t, recordTurned(t, c.draw, 800, 500), 800, 500)
	}
	var buf bytes.Buffer
	if err := cases["empty"].SVG(&buf, 800, 500); err != nil || !strings.Contains(buf.String(), "Нет оценок") {
		t.Error("an empty heatmap does not say so")
	}
}
