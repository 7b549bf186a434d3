package pack

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"leadboard/charts"
	"leadboard/data/sheet"
	"leadboard/data/table"
)

// filesPack is a Russian pack built by hand from real charts: three sections, five
// slides, the fourth with nothing for the period.
func filesPack() Pack {
	revenueCols := []table.Column{
		{Key: "month", TitleRU: "Месяц", TitleEN: "Month", Kind: table.Date},
		{Key: "revenue", TitleRU: "Выручка", TitleEN: "Revenue", Kind: table.Money},
	}
	months := []time.Time{
		time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
	}
	revenue := []int64{12_400_000, 13_150_000, 11_980_500}
	var bars []charts.Bar
	var revenueRows [][]any
	for i, m := range months {
		bars = append(bars, charts.Bar{Label: charts.MonthYearLabel("ru", m), Value: float64(revenue[i])})
		revenueRows = append(revenueRows, []any{m, revenue[i]})
	}
	revenueTitle := "Выручка по месяцам, август — октябрь 2026"

	rankCols := []table.Column{
		{Key: "manager", TitleRU: "Менеджер", TitleEN: "Manager", Kind: table.Text},
		{Key: "attainment", TitleRU: "Выполнение плана", TitleEN: "Attainment", Kind: table.Percent},
	}
	ranking := []charts.RankBar{{Label: "Иванова Анна", Value: 112}, {Label: "Петров Борис", Value: 96},
		{Label: "Сидорова Елена", Value: 81}}
	var rankRows [][]any
	for _, b := range ranking {
		rankRows = append(rankRows, []any{b.Label, b.Value / 100})
	}
	rankTitle := "Выполнение плана по менеджерам, октябрь 2026"

	retentionCols := []table.Column{
		{Key: "month", TitleRU: "Месяц", TitleEN: "Month", Kind: table.Date},
		{Key: "retention", TitleRU: "Удержание", TitleEN: "Retention", Kind: table.Percent},
		{Key: "target", TitleRU: "Цель", TitleEN: "Target", Kind: table.Percent},
	}
	retention := []float64{91.5, 93, math.NaN()}
	var retentionRows [][]any
	for i, m := range months {
		var v any
		if !math.IsNaN(retention[i]) {
			v = retention[i] / 100
		}
		retentionRows = append(retentionRows, []any{m, v, 0.95})
	}
	retentionTitle := "Удержание клиентов, III кв. 2026"

	auditCols := []table.Column{
		{Key: "item", TitleRU: "Пункт", TitleEN: "Item", Kind: table.Text},
		{Key: "done", TitleRU: "Выполнен", TitleEN: "Done", Kind: table.Bool},
		{Key: "score", TitleRU: "Оценка", TitleEN: "Score", Kind: table.Number},
	}
	auditTitle := "Аудит отдела по разделам, октябрь 2026"

	return Pack{
		Lang: "ru", Department: "Отдел по работе с клиентами", Author: "Иванова А.",
		Period: QuarterPeriod(2026, 4), Made: time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC),
		Sections: []Section{
			{Code: SectionOverview, Title: "Обзор", Slides: []Slide{
				{Title: revenueTitle, Summary: "Выручка за октябрь ниже сентябрьской на 9 %.",
					Chart: charts.BarChart{Title: revenueTitle, Bars: bars, Style: charts.Print,
						Format: func(v float64) string { return charts.FormatShort("ru", charts.UnitRoubles, v) }},
					Table: table.FromRows("Выручка", revenueCols, revenueRows)},
				{Title: rankTitle, Summary: "План выполнили 1 из 3 менеджеров.",
					Chart: charts.RankingChart{Title: rankTitle, Bars: ranking, TargetLabel: "цель", Style: charts.Print},
					Table: table.FromRows("План", rankCols, rankRows)},
			}},
			{Code: SectionKPI, Title: "Показатели", Slides: []Slide{
				{Title: retentionTitle, Summary: "Удержание растёт, но ниже цели.",
					Chart: charts.LineChart{Title: retentionTitle, XLabels: []string{"авг 2026", "сен 2026", "окт 2026"},
						YTitle: "Удержание, %", Style: charts.Print, Format: charts.AxisFormatter("ru", charts.UnitPercent),
						Series: []charts.LineSeries{
							{Name: "Удержание", Values: retention},
							{Name: "Цель", Values: []float64{95, 95, 95}, Kind: charts.Target},
						}},
					Table: table.FromRows("Удержание", retentionCols, retentionRows)},
			}},
			{Code: SectionAudit, Title: "Аудит отдела", Slides: []Slide{
				{Title: "Изменения с прошлого аудита, октябрь 2026", Empty: "Нет данных за октябрь 2026",
					Table: table.FromRows("Изменения", auditCols, nil)},
				{Title: auditTitle, Summary: "Выполнено 2 пункта из 3.",
					Chart: charts.BarChart{Title: auditTitle, Style: charts.Print, Bars: []charts.Bar{
						{Label: "Планы по клиентам", Value: 4.5}, {Label: "Встречи", Value: 3}, {Label: "Отчётность", Value: 5}}},
					Table: table.FromRows("Аудит", auditCols, [][]any{
						{"Планы по клиентам", true, 4.5}, {"Встречи", false, 3.0}, {"Отчётность", true, 5.0}})},
			}},
		},
	}
}

func TestPackWriteXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "пакет.xlsx")
	if err := WriteXLSXFile(context.Background(), path, filesPack()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"Обзор", "Показатели", "Аудит отдела"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	rows := func(sheet string) [][]string {
		r, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	// Shown values: the formats are applied, so "01.08.2026" proves a date cell.
	wantOverview := [][]string{
		{"Выручка по месяцам, август — октябрь 2026"},
		{"Месяц", "Выручка"},
		{"01.08.2026", "12,400,000 ₽"}, {"01.09.2026", "13,150,000 ₽"}, {"01.10.2026", "11,980,500 ₽"},
		nil,
		{"Выполнение плана по менеджерам, октябрь 2026"},
		{"Менеджер", "Выполнение плана"},
		{"Иванова Анна", "112%"}, {"Петров Борис", "96%"}, {"Сидорова Елена", "81%"},
	}
	if got := rows("Обзор"); !equalRows(got, wantOverview) {
		t.Errorf("Обзор:\n%q\nwant\n%q", got, wantOverview)
	}
	wantKPI := [][]string{
		{"Удержание клиентов, III кв. 2026"},
		{"Месяц", "Удержание", "Цель"},
		{"01.08.2026", "92%", "95%"}, {"01.09.2026", "93%", "95%"}, {"01.10.2026", "", "95%"},
	}
	if got := rows("Показатели"); !equalRows(got, wantKPI) {
		t.Errorf("Показатели:\n%q\nwant\n%q", got, wantKPI)
	}
	// The empty slide is a title and its note, no table.
	wantAudit := [][]string{
		{"Изменения с прошлого аудита, октябрь 2026"},
		{"Нет данных за октябрь 2026"},
		nil,
		{"Аудит отдела по разделам, октябрь 2026"},
		{"Пункт", "Выполнен", "Оценка"},
		{"Планы по клиентам", "да", "4.5"}, {"Встречи", "нет", "3"}, {"Отчётность", "да", "5"},
	}
	if got := rows("Аудит отдела"); !equalRows(got, wantAudit) {
		t.Errorf("Аудит отдела:\n%q\nwant\n%q", got, wantAudit)
	}
	// Typed cells, not text: raw numbers with number formats.
	for _, c := range []struct{ sheet, cell, raw string }{
		{"Обзор", "A3", "46235"}, {"Обзор", "B3", "12400000"}, {"Обзор", "B9", "1.12"},
		{"Показатели", "B3", "0.915"}, {"Аудит отдела", "C6", "4.5"},
	} {
		typ, err := f.GetCellType(c.sheet, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		if typ != excelize.CellTypeUnset || raw != c.raw {
			t.Errorf("%s!%s: type %v raw %q, want a number %s", c.sheet, c.cell, typ, raw, c.raw)
		}
	}
	st, _ := f.GetCellStyle("Обзор", "B3")
	if style, _ := f.GetStyle(st); style == nil || style.CustomNumFmt == nil || *style.CustomNumFmt != sheet.MoneyFormat {
		t.Errorf("money cell style %+v", style)
	}
}

// equalRows compares sheet rows, an empty row being nil or empty.
func equalRows(got, want [][]string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if len(got[i]) != len(want[i]) || (len(got[i]) > 0 && !reflect.DeepEqual(got[i], want[i])) {
			return false
		}
	}
	return true
}

// A cancelled export writes no file.
func TestPackWriteXLSXCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	if err := WriteXLSXFile(ctx, filepath.Join(dir, "пакет.xlsx"), filesPack()); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want cancelled", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind %v", entries)
	}
}

func TestWriteSlides(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "слайды")
	var progress [][2]int
	err := WriteSlides(context.Background(), dir, filesPack(), func(done, total int) {
		progress = append(progress, [2]int{done, total})
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := [][2]int{{1, 5}, {2, 5}, {3, 5}, {4, 5}, {5, 5}}; !reflect.DeepEqual(progress, want) {
		t.Errorf("progress %v, want %v", progress, want)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{
		"01-overview-1.png", "01-overview-1.svg", "02-overview-2.png", "02-overview-2.svg",
		"03-kpi-1.png", "03-kpi-1.svg", "04-audit-1.png", "04-audit-1.svg", "05-audit-2.png", "05-audit-2.svg",
	}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("files %q, want %q", names, want)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o755 {
		t.Errorf("folder mode %v", info.Mode().Perm())
	}
	var pngs [][]byte
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		var w, h int
		if filepath.Ext(name) == ".png" {
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			w, h = img.Bounds().Dx(), img.Bounds().Dy()
			pngs = append(pngs, b)
		} else {
			w, h = svgSize(t, name, b)
		}
		if w != 1600 || h != 900 {
			t.Errorf("%s: %dx%d, want 1600x900", name, w, h)
		}
	}
	// The empty slide draws its title and note, not a blank page or another slide.
	var emptySlide bytes.Buffer
	if err := (charts.LineChart{Title: "Изменения с прошлого аудита, октябрь 2026", Empty: "Нет данных за октябрь 2026",
		Style: charts.Print}).PNG(&emptySlide, 1600, 900); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pngs[3], emptySlide.Bytes()) {
		t.Error("04-audit-1.png is not the empty slide's title and note")
	}
	svg, _ := os.ReadFile(filepath.Join(dir, "04-audit-1.svg"))
	for _, text := range []string{"Изменения с прошлого аудита, октябрь 2026", "Нет данных за октябрь 2026"} {
		if !bytes.Contains(svg, []byte(text)) {
			t.Errorf("04-audit-1.svg lacks %q", text)
		}
	}
	if bytes.Equal(pngs[0], pngs[4]) {
		t.Error("two slides drew the same image")
	}
}

// svgSize reads the width and height attributes of an SVG's root element.
func svgSize(t *testing.T, name string, b []byte) (width, height int) {
	t.Helper()
	var root struct {
		XMLName xml.Name
		Width   int `xml:"width,attr"`
		Height  int `xml:"height,attr"`
	}
	if err := xml.Unmarshal(b, &root); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if root.XMLName.Local != "svg" {
		t.Fatalf("%s: root <%s>", name, root.XMLName.Local)
	}
	return root.Width, root.Height
}

// Cancelled after two slides: no folder, and nothing left beside it.
func TestWriteSlidesCancelled(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	err := WriteSlides(ctx, filepath.Join(parent, "слайды"), filesPack(), func(done, total int) {
		if done == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want cancelled", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("left behind %v", entries)
	}
}

// A folder with files in it, or a file, is refused and left as it was; an empty
// folder takes the slides.
func TestWriteSlidesTarget(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	full := filepath.Join(parent, "старые")
	if err := os.Mkdir(full, 0o755); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(full, "01-overview-1.png")
	if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(parent, "файл")
	if err := os.WriteFile(file, []byte("file"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{full, file} {
		err := WriteSlides(context.Background(), dir, filesPack(), nil)
		if !errors.Is(err, ErrFolderTaken) {
			t.Errorf("%s: error %v, want ErrFolderTaken", dir, err)
		}
	}
	if b, _ := os.ReadFile(old); string(b) != "old" {
		t.Errorf("old slide changed: %q", b)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 2 {
		t.Errorf("parent holds %v", entries)
	}

	empty := filepath.Join(parent, "пустая")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteSlides(context.Background(), empty, filesPack(), nil); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 10 {
		t.Errorf("empty folder got %d files", len(entries))
	}
}

// failingChart stands for a chart that cannot be drawn.
type failingChart struct{ charts.BarChart }

var errDraw = errors.New("cannot draw")

func (failingChart) SVG(io.Writer, int, int) error { return errDraw }

// A slide that fails to render fails the export and leaves no folder.
func TestWriteSlidesFailed(t *testing.T) {
	t.Parallel()
	p := filesPack()
	p.Sections[0].Slides[0].Chart = failingChart{}
	parent := t.TempDir()
	if err := WriteSlides(context.Background(), filepath.Join(parent, "слайды"), p, nil); !errors.Is(err, errDraw) {
		t.Fatalf("error %v, want %v", err, errDraw)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("left behind %v", entries)
	}
}
