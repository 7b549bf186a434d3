package charts

import (
	"bytes"
	"html"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

// workloadPlotOf lays c out as drawing it alone would.
func workloadPlotOf(t *testing.T, c WorkloadChart, w, h int) workloadPlot {
	t.Helper()
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	return c.plot(r, w, c.scaleFor(r, w, h))
}

func mustImage(t *testing.T, d interface {
	Image(int, int) (image.Image, error)
}, w, h int) image.Image {
	t.Helper()
	img, err := d.Image(w, h)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// runIn is run limited to the columns x0..x1.
func runIn(img image.Image, y, x0, x1 int, want color.Color) (first, last int) {
	sub := img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(x0, y, x1, y+1))
	return run(sub, y, want)
}

// checkBars checks, in every row drawn, that the bar starts at zero and is as long
// as its load on the scale, and that the capacity marker stands at the capacity.
// The chart is drawn at offset (dx, dy) of the image, as in a Pair.
func checkBars(t *testing.T, c WorkloadChart, p workloadPlot, img image.Image, dx, dy int) {
	t.Helper()
	for i, b := range c.Bars[:p.shown] {
		mid := dy + p.rowMiddle(i)
		if b.onLeave() {
			continue
		}
		if want := int(math.Round(b.load() * p.scale)); !c.stacked() && want > 2 {
			first, last := runIn(img, mid, dx+p.zero, dx+p.x(b.load())+2, c.bandColor(b.Band))
			if covered := p.x(b.Capacity) - markerHalf(p.u); covered < p.x(b.load()) && p.x(b.Capacity)+markerHalf(p.u) >= p.x(b.load()) {
				want = covered - p.zero // the marker stands on the bar's end
			}
			if first < 0 || first > dx+p.zero+1 || abs(last+1-dx-p.zero-want) > 1 {
				t.Errorf("%s: bar %d..%d, want %d..%d", b.Label, first, last, dx+p.zero, dx+p.zero+want)
			}
		}
		// Just above the bar only the marker's overhang has the text colour.
		y, cx := dy+p.barTop(i)-1, dx+p.x(b.Capacity)
		first, last := runIn(img, y, dx+p.zero+1, cx+markerHalf(p.u)+1, c.Style.Text)
		if first < 0 || abs((first+last+1)/2-cx) > 1 {
			t.Errorf("%s: capacity marker at %d..%d, want it centred on %d", b.Label, first, last, cx)
		}
	}
}

func abs(v int) int { return max(v, -v) }

func TestWorkloadBarsStartAtZeroAndScaleWithLoad(t *testing.T) {
	c := WorkloadChart{Style: Print, Bars: []WorkloadBar{
		{Label: "Иванова Мария", Segments: []float64{20}, Capacity: 14, Band: BandOver},
		{Label: "Петров Алексей", Segments: []float64{10}, Capacity: 12, Band: BandNormal},
		{Label: "Смирнов Олег", Segments: []float64{5}, Capacity: 8, Band: BandUnder}}}
	img := mustImage(t, c, 900, 450)
	p := workloadPlotOf(t, c, 900, 450)
	length := func(i int) int {
		first, last := run(img, p.rowMiddle(i), c.bandColor(c.Bars[i].Band))
		if first < 0 || first > p.zero+1 {
			t.Fatalf("bar %d runs %d..%d, zero is at %d", i, first, last, p.zero)
		}
		return last + 1 - p.zero
	}
	l20, l10, l5 := length(0), length(1), length(2)
	if math.Abs(float64(l10)/float64(l20)-0.5) > 0.01 || math.Abs(float64(l5)/float64(l20)-0.25) > 0.01 {
		t.Errorf("bars of 20, 10 and 5 points are %d, %d and %d px", l20, l10, l5)
	}
	checkBars(t, c, p, img, 0, 0)
}

func TestWorkloadTeamBarsAndMarkers(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    WorkloadChart
		w, h int
	}{
		{"14 print slide", teamWorkload(Print), 1600, 900},
		{"14 dark window", teamWorkload(darkScreen), 900, 500},
		{"40 print slide", workloadOf(team40(), false, Print), 1600, 900},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := workloadPlotOf(t, tc.c, tc.w, tc.h)
			if p.shown != len(tc.c.Bars) {
				t.Fatalf("%d of %d bars drawn", p.shown, len(tc.c.Bars))
			}
			checkBars(t, tc.c, p, mustImage(t, tc.c, tc.w, tc.h), 0, 0)
		})
	}
}

// Stacked segments follow one another from zero, each as long as its points.
func TestWorkloadStackedSegments(t *testing.T) {
	c := workloadOf(team14, true, Print)
	img := mustImage(t, c, 1600, 900)
	p := workloadPlotOf(t, c, 1600, 900)
	for i, b := range c.Bars[:len(c.Bars)-1] { // the last is on leave
		acc := 0.0
		for j, v := range b.Segments {
			first, last := runIn(img, p.rowMiddle(i), p.x(acc), p.x(acc+v)+2, c.Style.seriesColor(j))
			gap := 0
			if j > 0 {
				gap = max(1, int(math.Round(segmentGap*p.u)))
			}
			if first < 0 || first > p.x(acc)+gap || abs(last+1-p.x(acc+v)) > 1 {
				t.Errorf("%s segment %d: %d..%d, want %d..%d", b.Label, j, first, last, p.x(acc), p.x(acc+v))
			}
			acc += v
		}
	}
}

// A bar without capacity is grey and hatched, has no marker and no band colour.
func TestWorkloadOnLeaveIsHatchedWithoutMarker(t *testing.T) {
	c := teamWorkload(Print)
	img := mustImage(t, c, 1600, 900)
	p := workloadPlotOf(t, c, 1600, 900)
	last := len(c.Bars) - 1
	end := p.x(c.Bars[last].load())
	grey, _ := runIn(img, p.rowMiddle(last), p.zero, end, c.leaveColor())
	if grey < 0 {
		t.Error("the bar without capacity is not grey")
	}
	lines := 0
	for x := p.zero; x < end; x++ {
		if f, _ := runIn(img, p.rowMiddle(last), x, x+1, c.Style.Muted); f >= 0 {
			lines++
		}
	}
	if lines == 0 || lines > (end-p.zero)/2 {
		t.Errorf("%d of %d columns are hatch lines", lines, end-p.zero)
	}
	for band := BandUnder; band <= BandOver; band++ {
		if f, _ := run(img, p.rowMiddle(last), c.bandColor(band)); f >= 0 {
			t.Error("the bar without capacity has a band colour")
		}
	}
	if f, _ := run(img, p.barTop(last)-1, c.Style.Text); f >= 0 && f > p.zero {
		t.Error("the bar without capacity has a capacity marker")
	}
}

func TestWorkloadSVGHasNamesValuesAndLegend(t *testing.T) {
	for _, c := range []WorkloadChart{teamWorkload(Print), workloadOf(team14, true, Print), workloadOf(team40(), false, Print)} {
		var buf bytes.Buffer
		if err := c.SVG(&buf, 1600, 900); err != nil {
			t.Fatal(err)
		}
		checkWellFormed(t, buf.Bytes())
		svg := buf.String()
		want := []string{c.Title, c.Subtitle, "ёмкость", "в отпуске"}
		if c.stacked() {
			want = append(want, c.SegmentNames...)
		} else {
			want = append(want, c.BandNames[1:]...)
		}
		for i, b := range c.Bars {
			want = append(want, b.Label, c.label(i))
		}
		for _, s := range want {
			if !strings.Contains(svg, html.EscapeString(s)) {
				t.Errorf("SVG lacks %q", s)
			}
		}
	}
}

// Every text stays inside the image and clear of the others; names are whole when
// they fit in 35 % of the width; values stand after the bar and its marker.
func TestWorkloadTextsStayInsideAndApart(t *testing.T) {
	dark2 := darkScreen
	dark2.Scale = 2
	long := teamWorkload(Print)
	long.Bars[0].Label = strings.Repeat("Очень длинное имя менеджера ", 5)
	cases := []struct {
		name string
		c    WorkloadChart
		w, h int
	}{
		{"14 slide", teamWorkload(Print), 1600, 900},
		{"14 dark", teamWorkload(darkScreen), 900, 500},
		{"14 hidpi", teamWorkload(dark2), 1800, 1000},
		{"en", englishWorkload(Print), 900, 500},
		{"stacked", workloadOf(team14, true, Print), 1600, 900},
		{"40 slide", workloadOf(team40(), false, Print), 1600, 900},
		{"40 window cut", workloadOf(team40(), false, darkScreen), 900, 500},
		{"small", teamWorkload(Print), 600, 400},
		{"long name", long, 900, 500},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			texts := checkDrawnInside(t, tc.c.draw, tc.w, tc.h)
			checkValuesClear(t, tc.c, workloadPlotOf(t, tc.c, tc.w, tc.h), texts)
			for _, p := range texts {
				if strings.HasSuffix(p.text, "…") && p.x1-p.x0 > tc.w*35/100 {
					t.Errorf("%q is %d px wide", p.text, p.x1-p.x0)
				}
			}
		})
	}
	if texts := record(t, teamWorkload(Print).draw, 900, 500); countText(texts, "Константинопольская Александра") != 1 {
		t.Error("a long name that fits was shortened")
	}
}

// checkValuesClear: each value starts after its bar and capacity marker.
func checkValuesClear(t *testing.T, c WorkloadChart, p workloadPlot, texts []placedText) {
	t.Helper()
	for i, b := range c.Bars[:p.shown] {
		end := p.x(b.load())
		if !b.onLeave() {
			end = max(end, p.x(b.Capacity)+markerHalf(p.u))
		}
		found := false
		for _, tx := range texts {
			if tx.text == c.label(i) && abs((tx.y0+tx.y1)/2-p.rowMiddle(i)) <= 1 {
				found = true
				if tx.x0 <= end {
					t.Errorf("%q starts at %d, its bar or marker ends at %d", tx.text, tx.x0, end)
				}
			}
		}
		if !found {
			t.Errorf("the value of %s is not on its row", b.Label)
		}
	}
}

// pathRecorder notes every point a chart draws to.
type pathRecorder struct {
	chart.Renderer
	points []image.Point
}

func (r *pathRecorder) MoveTo(x, y int) {
	r.points = append(r.points, image.Pt(x, y))
	r.Renderer.MoveTo(x, y)
}
func (r *pathRecorder) LineTo(x, y int) {
	r.points = append(r.points, image.Pt(x, y))
	r.Renderer.LineTo(x, y)
}

// checkDrawnInside draws once, noting texts and shapes: it fails for a text outside the
// image or over another, or a line or box that reaches outside, and returns the texts.
func checkDrawnInside(t *testing.T, draw drawFunc, w, h int) []placedText {
	t.Helper()
	r, err := chart.PNG(w, h)
	if err != nil {
		t.Fatal(err)
	}
	texts := &recorder{Renderer: r}
	rec := &pathRecorder{Renderer: texts}
	draw(rec, w, h)
	checkTextsPlaced(t, texts.texts, w, h)
	for _, p := range rec.points {
		if p.X < 0 || p.Y < 0 || p.X > w || p.Y > h {
			t.Errorf("a shape reaches %v outside the %dx%d image", p, w, h)
			break
		}
	}
	return texts.texts
}

func TestWorkloadMaxBars(t *testing.T) {
	c := workloadOf(team40(), false, Print)
	fit := c.MaxBars(500)
	if fit < 10 || fit >= 40 || c.MaxBars(900) < 40 {
		t.Fatalf("MaxBars: %d at 500 px, %d at 900 px", fit, c.MaxBars(900))
	}
	all := c
	all.Bars = c.Bars[:fit]
	texts := record(t, all.draw, 900, 500)
	if countText(texts, all.Bars[fit-1].Label) != 1 {
		t.Errorf("MaxBars(500) = %d, but the last of them is not drawn", fit)
	}
	over := c
	over.Bars = c.Bars[:fit+5]
	texts = record(t, over.draw, 900, 500)
	checkTextsPlaced(t, texts, 900, 500)
	if countText(texts, "… +6") != 1 {
		t.Error("bars beyond MaxBars are not counted in a last row")
	}
}

// Forty managers on a slide keep at least the base text size: readable from the room.
func TestWorkload40ManagersKeepTheirTextSize(t *testing.T) {
	c := workloadOf(team40(), false, Print)
	texts := record(t, c.draw, 1600, 900)
	for _, b := range c.Bars {
		for _, p := range texts {
			if p.text == b.Label && p.y1-p.y0 < capHeight(labelSize*c.Style.scale()) {
				t.Errorf("%s is %d px tall", b.Label, p.y1-p.y0)
			}
		}
		if countText(texts, b.Label) != 1 {
			t.Errorf("%s is not drawn once", b.Label)
		}
	}
}

func TestWorkloadMaxValueWidensTheScale(t *testing.T) {
	c := teamWorkload(Print)
	wide := c
	wide.MaxValue = 50
	p, pw := workloadPlotOf(t, c, 1600, 900), workloadPlotOf(t, wide, 1600, 900)
	if pw.axis.hi < 50 || pw.scale >= p.scale*0.6 {
		t.Errorf("MaxValue 50: the scale ends at %v, %.1f px per point (%.1f without)", pw.axis.hi, pw.scale, p.scale)
	}
	narrow := c
	narrow.MaxValue = 5 // smaller than the data: ignored
	if pn := workloadPlotOf(t, narrow, 1600, 900); pn.scale != p.scale {
		t.Error("a MaxValue below the data changed the scale")
	}
}

func TestWorkloadEmptyAndOddInputs(t *testing.T) {
	c := WorkloadChart{Title: "Загрузка", Empty: "Нет менеджеров в выборке", CapacityLabel: "ёмкость", Style: Print}
	var buf bytes.Buffer
	if err := c.SVG(&buf, 900, 450); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Нет менеджеров в выборке") || strings.Contains(buf.String(), "ёмкость") {
		t.Error("an empty chart does not say so, or draws a legend")
	}
	odd := WorkloadChart{Style: Print, SegmentNames: []string{"A", "B", "C"}, Bars: []WorkloadBar{
		{Label: "NaN", Segments: []float64{math.NaN(), 2, 1}, Capacity: 8},
		{Label: "минус", Segments: []float64{-5, 3}, Capacity: math.Inf(1)},
		{Label: "нет сегментов", Capacity: 12},
		{Label: "ноль", Segments: []float64{0, 0, 0}, Capacity: 0},
		{Label: "лишний", Segments: []float64{1, 1, 1, 1, 1}, Capacity: -3, Band: 9}}}
	for _, size := range [][2]int{{900, 450}, {300, 120}, {120, 60}, {1, 1}} {
		if _, err := odd.Image(size[0], size[1]); err != nil {
			t.Errorf("%v: %v", size, err)
		}
	}
	checkTextsPlaced(t, record(t, odd.draw, 900, 450), 900, 450)
}

func TestFormatWorkload(t *testing.T) {
	for _, tc := range []struct {
		lang           string
		load, capacity float64
		want           string
	}{
		{"ru", 12.5, 14, "12,5 из 14 (89_%)"},
		{"en", 12.5, 14, "12.5 of 14 (89%)"},
		{"ru", 25, 14, "25 из 14 (179_%)"},
		{"ru", 3, 0, "3_(—)"},
		{"en", 0, 8, "0 of 8 (0%)"},
	} {
		if got := FormatWorkload(tc.lang, tc.load, tc.capacity); got != nb(tc.want) {
			t.Errorf("FormatWorkload(%s, %v, %v) = %q, want %q", tc.lang, tc.load, tc.capacity, got, nb(tc.want))
		}
	}
}
