package charts

import (
	"bytes"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

// competencies are an account manager's competency matrix: 17 criteria in four areas,
// with what the grade "Аккаунт-менеджер" and the next, "Старший аккаунт-менеджер",
// require of each.
var competencies = []struct {
	group, name   string
	current, next float64
}{
	{"Работа с клиентом", "Коммуникация с клиентом", 3, 4},
	{"Работа с клиентом", "Понимание бизнеса клиента", 2, 3},
	{"Работа с клиентом", "Развитие клиента: допродажи и кросс-продажи", 2, 3},
	{"Работа с клиентом", "Удержание клиента и работа с оттоком", 2, 3},
	{"Работа с клиентом", "Работа с жалобами и эскалациями", 3, 3},
	{"Договор и финансы", "Знание и выполнение обязательств по договору", 3, 4},
	{"Договор и финансы", "Работа с бюджетом клиента", 2, 3},
	{"Договор и финансы", "Подготовка коммерческих предложений", 2, 3},
	{"Договор и финансы", "Контроль дебиторской задолженности", 2, 2},
	{"Процессы и отчётность", "Отчётность и соблюдение сроков", 3, 4},
	{"Процессы и отчётность", "Соблюдение регламентов отдела", 3, 3},
	{"Процессы и отчётность", "Работа в CRM и полнота данных", 2, 3},
	{"Процессы и отчётность", "Аналитика и работа с KPI рекламных кампаний", 2, 3},
	{"Команда и развитие", "Взаимодействие с баингом, креативом и аналитикой", 2, 3},
	{"Команда и развитие", "Наставничество младших сотрудников", 1, 2},
	{"Команда и развитие", "Проактивность и инициатива", 2, 3},
	{"Команда и развитие", "Саморазвитие и обучение", 2, 3},
}

var observedLevels = []float64{3.5, 2, 1.5, 3, 2.5, 3, 3, math.NaN(), 2, 4, 3, 2.5, 2, 3, 1, 2, 3}

// managerProfile is Смирнова Анна's profile; next false leaves the next grade out.
func managerProfile(st Style, next bool) ProfileChart {
	c := ProfileChart{Title: "Профиль компетенций: Смирнова Анна",
		Subtitle:      "Аккаунт-менеджер · цикл оценки I кв. 2026 · оценка руководителя, 1–4",
		ObservedLabel: "оценка", CurrentLabel: "требование грейда «Аккаунт-менеджер»",
		NextLabel:  "требование грейда «Старший аккаунт-менеджер»",
		LevelNames: []string{"базовый", "уверенный", "продвинутый", "эксперт"},
		Empty:      "Нет оценок за цикл", Style: st}
	for i, k := range competencies {
		row := ProfileRow{Label: k.name, Group: k.group, Observed: observedLevels[i], Current: k.current}
		if next {
			row.Next = k.next
		}
		c.Rows = append(c.Rows, row)
	}
	return c
}

func profPlotOf(t *testing.T, c ProfileChart, w, h int) profPlot {
	t.Helper()
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	return c.layout(r, w, h)
}

func TestProfileRendersPNGAndSVGAtTheirSize(t *testing.T) {
	checkFileSizes(t, managerProfile(Print, true))
}

func TestProfileSVGHasNamesLevelsAndLegend(t *testing.T) {
	c := managerProfile(Print, true)
	c.Rows[0].Label = "Рога & Копыта"
	var buf bytes.Buffer
	if err := c.SVG(&buf, 1600, 900); err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, buf.Bytes())
	svg := buf.String()
	want := []string{"Профиль компетенций", "Рога &amp; Копыта", "Работа с клиентом", "Команда и развитие",
		">1<", ">4<", "базовый", "эксперт", "оценка", "«Аккаунт-менеджер»", "«Старший аккаунт-менеджер»", ">3,5<", ">—<"}
	for _, k := range competencies[1:] {
		want = append(want, k.name)
	}
	for _, w := range want {
		if !strings.Contains(svg, w) {
			t.Errorf("SVG lacks %q", w)
		}
	}
	c.Rows = c.Rows[:1]
	c.Rows[0].Next = math.NaN()
	buf.Reset()
	if err := c.SVG(&buf, 900, 600); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "Старший") {
		t.Error("the next grade is in the legend of a profile without one")
	}
}

func TestProfileStatus(t *testing.T) {
	c := ProfileChart{}
	for _, tc := range []struct {
		row  ProfileRow
		want int
	}{
		{ProfileRow{Observed: 1, Current: 2, Next: 3}, profBelow},
		{ProfileRow{Observed: 1.99, Current: 2, Next: 3}, profBelow},
		{ProfileRow{Observed: 2, Current: 2, Next: 3}, profMeets},
		{ProfileRow{Observed: 2.5, Current: 2, Next: 3}, profMeets},
		{ProfileRow{Observed: 3, Current: 2, Next: 3}, profNext},
		{ProfileRow{Observed: 4, Current: 2, Next: 3}, profNext},
		{ProfileRow{Observed: 3, Current: 2}, profMeets},
		{ProfileRow{Observed: 3, Current: 2, Next: math.NaN()}, profMeets},
		{ProfileRow{Observed: 1}, profMeets},
		{ProfileRow{Observed: 2, Current: 3, Next: 2}, profBelow}, // odd data: below the current wins
	} {
		if got := c.status(tc.row); got != tc.want {
			t.Errorf("%+v has status %d, want %d", tc.row, got, tc.want)
		}
	}
}

// Bars start at zero, a level of 2 is half the length of 4, and each is in the colour
// of its status.
func TestProfileBarsStartAtZeroScaleWithLevelsAndShowStatus(t *testing.T) {
	c := ProfileChart{Style: Print, Rows: []ProfileRow{
		{Label: "Коммуникация с клиентом", Observed: 2, Current: 3, Next: 4},
		{Label: "Отчётность и соблюдение сроков", Observed: 4, Current: 3, Next: 3.5},
		{Label: "Работа с бюджетом клиента", Observed: 3, Current: 3, Next: 4},
		{Label: "Наставничество", Observed: 1, Current: 1},
		{Label: "Проактивность", Observed: math.NaN(), Current: 2, Next: 3},
	}}
	for _, size := range [][2]int{{900, 600}, {1600, 900}} {
		w, h := size[0], size[1]
		img, err := c.Image(w, h)
		if err != nil {
			t.Fatal(err)
		}
		p := profPlotOf(t, c, w, h)
		// a row just under the bar's top edge: the requirement marks reach beyond the
		// bar, so the middle is crossed by them; the edge is too, but only a few pixels
		length := func(k int, col color.Color) int {
			y0, _ := p.barBox(k)
			first, last := run(img, y0+1, col)
			if first < 0 {
				t.Fatalf("%v: bar %d is not %v", size, k, col)
			}
			if first > p.zero+1 {
				t.Errorf("%v: bar %d starts at x=%d, zero is at %d", size, k, first, p.zero)
			}
			return last + 1 - p.zero
		}
		l2, l4, l3, l1 := length(0, OkabeIto[5]), length(1, OkabeIto[0]), length(2, OkabeIto[2]), length(3, OkabeIto[2])
		for _, tc := range []struct {
			name string
			got  int
			v    float64
		}{{"2", l2, 2}, {"3", l3, 3}, {"1", l1, 1}} {
			if ratio := float64(tc.got) / float64(l4); math.Abs(ratio-tc.v/4) > 0.02 {
				t.Errorf("%v: a level of %s is %d px and 4 is %d px: ratio %.3f, want %.3f", size, tc.name, tc.got, l4, ratio, tc.v/4)
			}
		}
		if want := p.x(4) - p.zero; math.Abs(float64(l4-want)) > 2 {
			t.Errorf("%v: a level of 4 is %d px, the scale is %d", size, l4, want)
		}
		y0, _ := p.barBox(4)
		for _, col := range []color.Color{OkabeIto[0], OkabeIto[2], OkabeIto[5]} {
			if first, _ := run(img, y0+1, col); first >= 0 {
				t.Errorf("%v: a row without a level has a bar", size)
			}
		}
	}
}

// The current requirement is a tick in the text colour across the bar at its level;
// the next grade's is a diamond outlined in it.
func TestProfileMarksRequirementsAtTheirLevels(t *testing.T) {
	c := ProfileChart{Style: Print, Rows: []ProfileRow{{Label: "Коммуникация", Observed: 1, Current: 2, Next: 3}}}
	img, err := c.Image(900, 600)
	if err != nil {
		t.Fatal(err)
	}
	p := profPlotOf(t, c, 900, 600)
	y0, _ := p.barBox(0)
	first, last := run(img, y0-1, Print.Text) // just above the bar: only the tick and the diamond's tip
	if first < 0 || math.Abs(float64(first+last)/2-float64(p.x(2))) > 3 {
		t.Errorf("the current requirement is at %d..%d, level 2 is at %d", first, last, p.x(2))
	}
	mid := p.rowMiddle(0)
	found := false
	for x := p.x(3) - int(p.slot); x < p.x(3)+int(p.slot) && !found; x++ {
		r1, g1, b1, _ := img.At(x, mid).RGBA()
		tr, tg, tb, _ := Print.Text.RGBA()
		found = x > p.x(2)+5 && near(r1, tr) && near(g1, tg) && near(b1, tb)
	}
	if !found {
		t.Error("no outline of the next requirement around level 3")
	}
}

// Names, group headers, levels and the legend stay inside the image and apart, on a
// slide and in a window, light and dark, with all 17 rows or cut.
func TestProfileTextsStayInsideAndApart(t *testing.T) {
	dark2 := darkScreen
	dark2.Scale = 2
	long := managerProfile(Print, true)
	long.Rows[3].Label = strings.Repeat("Очень длинное название компетенции ", 6)
	long.Rows[0].Group = strings.Repeat("Очень длинное название области ", 8)
	long.LevelNames[2] = "продвинутый уровень владения компетенцией"
	many := managerProfile(Print, true)
	many.Rows = append(many.Rows, many.Rows...)
	many.Rows = append(many.Rows, many.Rows...)
	cases := []struct {
		name string
		c    ProfileChart
		w, h int
	}{
		{"slide", managerProfile(Print, true), 1600, 900},
		{"window", managerProfile(Print, true), 900, 600},
		{"window dark", managerProfile(darkScreen, true), 900, 600},
		{"small", managerProfile(Print, true), 800, 500},
		{"no next", managerProfile(Print, false), 900, 450},
		{"hidpi", managerProfile(dark2, true), 1800, 1000},
		{"long", long, 900, 600},
		{"68 rows", many, 900, 600},
		{"tiny", managerProfile(Print, true), 300, 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkTextsPlaced(t, record(t, tc.c.draw, tc.w, tc.h), tc.w, tc.h)
		})
	}
}

// Seventeen competencies fit whole on a slide and in a 900 x 600 window; a list too
// long for the window is cut and counted.
func TestProfileFitsSeventeenRowsAndCutsMore(t *testing.T) {
	c := managerProfile(Print, true)
	for _, size := range [][2]int{{1600, 900}, {900, 600}} {
		p := profPlotOf(t, c, size[0], size[1])
		if p.hidden != 0 || !p.whole {
			t.Errorf("%v: %d rows left out, names whole %v", size, p.hidden, p.whole)
		}
		texts := record(t, c.draw, size[0], size[1])
		for _, k := range competencies {
			if countText(texts, k.name) != 1 {
				t.Errorf("%v: %q is not drawn once on one line", size, k.name)
			}
		}
		if p.u < c.Style.unit(size[0], size[1])*0.6 {
			t.Errorf("%v: text shrank to unit %.2f", size, p.u)
		}
	}
	many := c
	many.Rows = append(append([]ProfileRow(nil), c.Rows...), c.Rows...)
	many.Rows = append(many.Rows, many.Rows...)
	p := profPlotOf(t, many, 900, 600)
	shown := 0
	for _, it := range p.items {
		if it.row >= 0 {
			shown++
		}
	}
	if p.hidden == 0 || shown+p.hidden != len(many.Rows) || shown < 15 {
		t.Fatalf("68 rows at 900 x 600: %d shown, %d left out", shown, p.hidden)
	}
	if countText(record(t, many.draw, 900, 600), moreLabel(p.hidden)) != 1 {
		t.Errorf("the rows left out are not counted as %q", moreLabel(p.hidden))
	}
}

// A group header is drawn once per run of rows of one group.
func TestProfileGroupHeaders(t *testing.T) {
	c := managerProfile(Print, true)
	texts := record(t, c.draw, 1600, 900)
	for _, g := range []string{"Работа с клиентом", "Договор и финансы", "Процессы и отчётность", "Команда и развитие"} {
		if n := countText(texts, g); n != 1 {
			t.Errorf("group %q has %d headers", g, n)
		}
	}
	c.Rows[0].Group, c.Rows[1].Group = "", ""
	if n := len(c.items()) - len(c.Rows); n != 4 {
		t.Errorf("%d headers, want 4", n)
	}
}

func TestProfileOddInputsDraw(t *testing.T) {
	cases := map[string]ProfileChart{
		"empty":   {Title: "Профиль", Empty: "Нет оценок за цикл", Style: Print},
		"one":     {Rows: []ProfileRow{{Label: "Коммуникация", Observed: 3, Current: 2}}, Style: Print},
		"absent":  {Rows: []ProfileRow{{Label: "А", Observed: math.NaN(), Current: math.Inf(1), Next: -1}, {}}, Style: Print},
		"beyond":  {Rows: []ProfileRow{{Label: "А", Observed: 7, Current: 5, Next: 9}}, Scale: 4, Style: Print},
		"scale 5": {Rows: []ProfileRow{{Label: "А", Observed: 4.5, Current: 3, Next: 5}}, Scale: 5, LevelNames: []string{"1"}, Style: Print},
		"full":    managerProfile(darkScreen, true),
	}
	for name, c := range cases {
		checkOddSizes(t, name, c)
		checkTextsPlaced(t, record(t, c.draw, 800, 500), 800, 500)
	}
	var buf bytes.Buffer
	if err := cases["empty"].SVG(&buf, 800, 500); err != nil || !strings.Contains(buf.String(), "Нет оценок за цикл") {
		t.Error("an empty profile does not say so")
	}
}

// TestProfileSamples renders the profile examples for a person to look at, as
// TestSamplesHeatmapNineBox does: LEADBOARD_SAMPLES=1 go test -run Samples ./charts/.
func TestProfileSamples(t *testing.T) {
	dir := samplesDir(t)
	dark2 := darkScreen
	dark2.Scale = 2
	statuses := managerProfile(Print, true)
	statuses.StatusLabels = [3]string{"ниже грейда", "на уровне грейда", "на уровне следующего грейда"}
	many := managerProfile(Print, true)
	many.Rows = append(append([]ProfileRow(nil), many.Rows...), many.Rows...)
	long := managerProfile(Print, true)
	long.Rows = long.Rows[:9]
	long.Rows[1].Label = "Понимание бизнеса клиента, его рынка, конкурентов и целей рекламных кампаний"
	long.Rows[6].Label = "Работа с бюджетом клиента: планирование, согласование и контроль расходования"
	writeSamples(t, dir, []sample{
		{"profile-ru-900x600-long-names", long, 900, 600},
		{"profile-ru-1600x900-print", managerProfile(Print, true), 1600, 900},
		{"profile-ru-1600x900-dark", managerProfile(darkScreen, true), 1600, 900},
		{"profile-ru-900x600-print", managerProfile(Print, true), 900, 600},
		{"profile-ru-900x600-dark", managerProfile(darkScreen, true), 900, 600},
		{"profile-ru-900x600-no-next", managerProfile(Print, false), 900, 600},
		{"profile-ru-1600x900-statuses", statuses, 1600, 900},
		{"profile-ru-900x600-34-cut", many, 900, 600},
		{"profile-ru-1800x1000-dark-scale2", managerProfile(dark2, true), 1800, 1000},
	})
}

type sample struct {
	name string
	c    interface {
		PNG(out io.Writer, width, height int) error
	}
	w, h int
}

// samplesDir is where samples go, or skips the test when LEADBOARD_SAMPLES is unset.
func samplesDir(t *testing.T) string {
	t.Helper()
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
	return dir
}

func writeSamples(t *testing.T, dir string, samples []sample) {
	t.Helper()
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
