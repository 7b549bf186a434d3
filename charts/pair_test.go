package charts

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

// pairPlots lays out a pair of workload charts as drawing it would: the halves'
// plots, where the halves start and the right one's x.
func pairPlots(t *testing.T, p Pair, w, h int) (left, right workloadPlot, y, rightX int) {
	t.Helper()
	a, b, ok := twoWorkloads(p.Left, p.Right)
	if !ok {
		t.Fatal("not a pair of workloads")
	}
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	y, half, gap := p.halves(w, h)
	l := layoutWorkloads(r, a, b, half, w, h-y, p.Style.unit(w, h)*pairShrink)
	return a.plot(r, half, l.scale), b.plot(r, half, l.scale), y, half + gap
}

// halvesBottom is where the halves end: above the shared legend of two workloads.
func halvesBottom(t *testing.T, p Pair, w, h int) int {
	a, b, ok := twoWorkloads(p.Left, p.Right)
	if !ok {
		return h
	}
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	y, half, _ := p.halves(w, h)
	return y + layoutWorkloads(r, a, b, half, w, h-y, p.Style.unit(w, h)*pairShrink).height
}

// smallAfter is an "after" chart with a much smaller largest value than team14, so
// that a scale of its own would be far wider.
func smallAfter() WorkloadChart {
	c := workloadOf(team14[:4], false, Print)
	for i := range c.Bars {
		c.Bars[i].Segments = []float64{float64(2 + i)}
		c.Bars[i].Capacity = 8
		c.Bars[i].Band = BandUnder
	}
	return c
}

func TestPairHalvesShareOneScale(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    Pair
		w, h int
	}{
		{"before/after slide", workloadPair(Print), 1600, 900},
		{"before/after dark window", workloadPair(darkScreen), 900, 500},
		{"small after", Pair{Left: teamWorkload(Print), Right: smallAfter(), Title: "До и после", Style: Print}, 1600, 900},
		{"pointers", Pair{Left: ptr(teamWorkload(Print)), Right: ptr(smallAfter()), Style: Print}, 1600, 900},
	} {
		t.Run(tc.name, func(t *testing.T) {
			left, right, y, rx := pairPlots(t, tc.p, tc.w, tc.h)
			if left.scale != right.scale || left.zero != right.zero || left.axis != right.axis || left.u != right.u {
				t.Fatalf("the halves' scales differ: %+v / %+v", left, right)
			}
			img := mustImage(t, tc.p, tc.w, tc.h)
			a, b, _ := twoWorkloads(tc.p.Left, tc.p.Right)
			checkBars(t, a, left, img, 0, y)
			checkBars(t, b, right, img, rx, y)
		})
	}
}

// The same load draws the same length in both halves, whatever else each half holds.
func TestPairSameLoadSameLength(t *testing.T) {
	p := Pair{Left: teamWorkload(Print), Right: smallAfter(), Style: Print}
	left, right, y, rx := pairPlots(t, p, 1600, 900)
	img := mustImage(t, p, 1600, 900)
	a, b := p.Left.(WorkloadChart), p.Right.(WorkloadChart)
	perPoint := func(c WorkloadChart, pl workloadPlot, i, dx int) float64 {
		first, last := runIn(img, y+pl.rowMiddle(i), dx+pl.zero, dx+pl.x(c.Bars[i].load())+2, c.bandColor(c.Bars[i].Band))
		if first < 0 {
			t.Fatalf("bar %d not found", i)
		}
		return float64(last+1-first) / c.Bars[i].load()
	}
	l, r := perPoint(a, left, 12, 0), perPoint(b, right, 3, rx) // 3 and 5 points
	if math.Abs(l-r) > 0.03*l {
		t.Errorf("%.2f px per point on the left, %.2f on the right", l, r)
	}
}

// Texts stay inside the picture, apart, and each inside its own half.
func TestPairTextsStayInTheirHalves(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    Pair
		w, h int
	}{
		{"workloads slide", workloadPair(Print), 1600, 900},
		{"workloads window", workloadPair(darkScreen), 900, 500},
		{"40 managers", Pair{Left: workloadOf(team40(), false, Print), Right: workloadOf(team40(), true, Print), Style: Print}, 1600, 900},
		{"ranking and line", Pair{Left: managerRanking(Print), Right: retentionChart("ru", Print), Title: "Март 2026", Style: Print}, 1600, 900},
	} {
		t.Run(tc.name, func(t *testing.T) {
			texts := checkDrawnInside(t, tc.p.draw, tc.w, tc.h)
			y, half, gap := tc.p.halves(tc.w, tc.h)
			bottom := halvesBottom(t, tc.p, tc.w, tc.h)
			for _, tx := range texts {
				if tx.y0 < y || tx.y1 > bottom { // the pair's header and legend span both
					continue
				}
				if tx.x0 < half && tx.x1 > half || tx.x0 < half+gap && tx.x1 > half+gap {
					t.Errorf("%q at %d..%d crosses the middle (%d..%d)", tx.text, tx.x0, tx.x1, half, half+gap)
				}
			}
		})
	}
}

func TestPairSVGHasBothHalvesAndOneLegend(t *testing.T) {
	p := workloadPair(Print)
	var buf bytes.Buffer
	if err := p.SVG(&buf, 1600, 900); err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, buf.Bytes())
	svg := buf.String()
	a, b, _ := twoWorkloads(p.Left, p.Right)
	for _, s := range []string{p.Title, p.Subtitle, a.Title, b.Title, a.label(0), b.label(0)} {
		if !strings.Contains(svg, s) {
			t.Errorf("SVG lacks %q", s)
		}
	}
	for _, m := range team14 {
		if n := strings.Count(svg, ">"+m.name+"<"); n != 2 {
			t.Errorf("%s is in the SVG %d times", m.name, n)
		}
	}
	for _, s := range []string{"ёмкость", "в отпуске", "в норме", "перегружен"} {
		if n := strings.Count(svg, ">"+s+"<"); n != 1 {
			t.Errorf("the legend item %q is in the SVG %d times", s, n)
		}
	}
}

func ptr(c WorkloadChart) *WorkloadChart { return &c }

func TestPairOddInputsDraw(t *testing.T) {
	for _, p := range []Pair{
		{Left: teamWorkload(Print), Style: Print},
		{Right: WorkloadChart{Empty: "нет данных", Style: Print}, Left: teamWorkload(Print), Style: Print},
		{Style: Print, Title: "Пусто"},
		{Left: (*WorkloadChart)(nil), Right: teamWorkload(Print), Style: Print},
	} {
		for _, size := range [][2]int{{1600, 900}, {300, 120}, {40, 30}, {1, 1}} {
			if _, err := p.Image(size[0], size[1]); err != nil {
				t.Errorf("%v: %v", size, err)
			}
		}
	}
}
