package pack

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/table"
)

// The hand-built pack: 3 sections, 5 slides (the fourth without a chart), so the PDF
// has a title page, a contents page and 5 slide pages; the sections start on pages 3,
// 5 and 7.
var (
	pdfSectionsRU = []string{"Обзор отдела", "Загрузка и план", "Риски и продления"}
	pdfSlidesRU   = []string{"Выручка по группам, октябрь 2026", "Удержание клиентов, май – октябрь 2026",
		"Выполнение плана менеджерами, октябрь 2026", "Перераспределение клиентов, октябрь 2026",
		"Клиенты под угрозой оттока на 31.10.2026"}
	pdfSummariesRU = []string{
		"Выручка отдела за октябрь 2026 составила 12" + "\u00a0" + "480" + "\u00a0" + "000 ₽, на 6,2 % больше, чем в сентябре. Больше всего принесла группа «Север»: 4" + "\u00a0" + "950" + "\u00a0" + "000 ₽.",
		"Удержание клиентов за полгода выросло с 91,0 % до 94,5 % и в сентябре впервые превысило цель в 93 %. Отток в октябре: 2 клиента из 148.",
		"План выполнили 9 из 14 менеджеров; ниже 90 % — у Ершовой и Карпова. Лучший результат у Алексеевой: 127 % плана. Средний по отделу — 104 %.",
		"Сохранённых планов перераспределения за период нет.",
		"Под угрозой оттока 4 клиента с выручкой 2" + "\u00a0" + "150" + "\u00a0" + "000 ₽ в месяц; у трёх договоры заканчиваются до конца года. Самый крупный — ООО «Ромашка»: 980" + "\u00a0" + "000 ₽.",
	}
	pdfEmptyRU = "Нет данных за октябрь 2026"
)

func pdfTestTable() table.Table {
	cols := []table.Column{{Key: "name", TitleRU: "Название", TitleEN: "Name", Kind: table.Text},
		{Key: "value", TitleRU: "Значение", TitleEN: "Value", Kind: table.Number}}
	return table.FromRows("slide", cols, [][]any{{"Север", 4950000.0}, {"Юг", 3800000.0}})
}

func pdfTestCharts(lang string, names []string) []Chart {
	money := charts.AxisFormatter(lang, charts.UnitRoubles)
	percent := charts.AxisFormatter(lang, charts.UnitPercent)
	months := []string{"май 26", "июн 26", "июл 26", "авг 26", "сен 26", "окт 26"}
	return []Chart{
		charts.BarChart{Title: names[0], Subtitle: "октябрь 2026", Format: money, Style: charts.Print, Bars: []charts.Bar{
			{Label: "Север", Value: 4950000}, {Label: "Юг", Value: 3800000}, {Label: "Запад", Value: 2130000},
			{Label: "Восток", Value: 1600000}}},
		charts.LineChart{Title: names[1], Subtitle: "май – октябрь 2026", XLabels: months, YTitle: "Удержание, %",
			Format: percent, Style: charts.Print, Series: []charts.LineSeries{
				{Name: "Удержание", Values: []float64{91, 91.8, 92.4, 93.1, 94, 94.5}},
				{Name: "Цель", Values: []float64{93, 93, 93, 93, 93, 93}, Kind: charts.Target}}},
		charts.RankingChart{Title: names[2], Subtitle: "октябрь 2026", TargetLabel: "цель", Style: charts.Print,
			Format: percent, Bars: []charts.RankBar{{Label: "Алексеева А. А.", Value: 127}, {Label: "Борисов Б. Б.", Value: 112},
				{Label: "Васильева В. В.", Value: 101}, {Label: "Ершова Е. Е.", Value: 86}, {Label: "Карпов К. К.", Value: 78}}},
		nil,
		charts.BarChart{Title: names[4], Subtitle: "выручка в месяц", Format: money, Style: charts.Print, Bars: []charts.Bar{
			{Label: "ООО «Ромашка»", Value: 980000, Color: 5}, {Label: "АО «Вектор»", Value: 610000, Color: 5},
			{Label: "ИП Смирнов", Value: 340000, Color: 5}, {Label: "ООО «Лотос»", Value: 220000, Color: 5}}},
	}
}

// testPack lays the slides out as 2 + 2 + 1 slides in three sections.
func pdfTestPack(lang, department string, sectionTitles, titles, summaries []string, empty string) Pack {
	made := time.Date(2026, time.November, 2, 0, 0, 0, 0, time.UTC)
	p := Pack{Lang: lang, Department: department, Author: "Иванова Мария", Made: made,
		Period: MonthPeriod(data.MonthFor(2026, time.October))}
	chs := pdfTestCharts(lang, titles)
	var slides []Slide
	for i := range titles {
		s := Slide{Title: titles[i], Summary: summaries[i], Chart: chs[i], Table: pdfTestTable()}
		if chs[i] == nil {
			s.Empty = empty
		}
		slides = append(slides, s)
	}
	p.Sections = []Section{
		{Code: SectionOverview, Title: sectionTitles[0], Slides: slides[0:2]},
		{Code: SectionWorkload, Title: sectionTitles[1], Slides: slides[2:4]},
		{Code: SectionRisks, Title: sectionTitles[2], Slides: slides[4:5]},
	}
	return p
}

func pdfRussianPack() Pack {
	return pdfTestPack("ru", "Отдел по работе с ключевыми клиентами", pdfSectionsRU, pdfSlidesRU, pdfSummariesRU, pdfEmptyRU)
}

func pdfEnglishPack() Pack {
	titles := []string{"Revenue by group, October 2026", "Client retention, May – October 2026",
		"Plan attainment by manager, October 2026", "Client redistribution, October 2026",
		"Clients at risk of churn on 2026-10-31"}
	summaries := []string{"Revenue for October 2026 was 12,480,000 RUB, 6.2% more than in September.",
		"Retention rose from 91.0% to 94.5% over six months.", "9 of 14 managers met their plan.",
		"No redistribution plan was saved for the period.", "4 clients are at risk of churn."}
	return pdfTestPack("en", "Key accounts department", []string{"Overview", "Workload and plan", "Risks and renewals"},
		titles, summaries, "No data for October 2026")
}

// needTool fails (rather than skips) without poppler-utils: `make test` installs it.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s not found: install poppler-utils (make deps does)", name)
	}
}

func writeTestPDF(t *testing.T, p Pack) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pack.pdf")
	if err := WritePDFFile(context.Background(), path, p, nil); err != nil {
		t.Fatal(err)
	}
	return path
}

// russianPDF is the Russian pack's PDF and the progress it reported, made once: the
// charts take seconds to render under the race detector.
var russianPDF = sync.OnceValues(func() (builtPDF, error) {
	var b builtPDF
	var out bytes.Buffer
	err := pdfRussianPack().WritePDF(context.Background(), &out, func(done, total int) {
		b.progress = append(b.progress, [2]int{done, total})
	})
	b.pdf = out.Bytes()
	return b, err
})

type builtPDF struct {
	pdf      []byte
	progress [][2]int // done, total
}

// russianPDFFile writes the Russian pack's PDF into the test's directory.
func russianPDFFile(t *testing.T) string {
	t.Helper()
	b, err := russianPDF()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pack.pdf")
	if err := os.WriteFile(path, b.pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func runPoppler(t *testing.T, name string, args ...string) string {
	t.Helper()
	needTool(t, name)
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// oneSpaced collapses every run of white space (no-break spaces and line breaks of
// wrapped text included) to one space, so wrapped text compares with its source.
func oneSpaced(s string) string { return strings.Join(strings.Fields(s), " ") }

func pdfPageText(t *testing.T, path string, page int) string {
	t.Helper()
	n := strconv.Itoa(page)
	return runPoppler(t, "pdftotext", "-layout", "-f", n, "-l", n, path, "-")
}

func TestPDFPagesSizeAndRussianText(t *testing.T) {
	p := pdfRussianPack()
	path := russianPDFFile(t)
	info := runPoppler(t, "pdfinfo", path)
	if !regexp.MustCompile(`(?m)^Pages:\s+7$`).MatchString(info) {
		t.Errorf("want 7 pages (title, contents, 5 slides):\n%s", info)
	}
	size := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(info)
	if size == nil || math.Round(pdfAtof(t, size[1])) != 842 || math.Round(pdfAtof(t, size[2])) != 595 {
		t.Errorf("want A4 landscape, 842 x 595 pts: %v", size)
	}
	text := oneSpaced(runPoppler(t, "pdftotext", path, "-"))
	want := []string{"Материалы к совещанию руководства", "октябрь 2026", p.Department, "02.11.2026",
		"Иванова Мария", "Содержание", pdfEmptyRU, "стр. 3 из 7", "стр. 7 из 7"}
	want = append(append(want, pdfSlidesRU...), pdfSummariesRU...)
	for _, w := range want {
		if !strings.Contains(text, oneSpaced(w)) {
			t.Errorf("the PDF's text lacks %q", w)
		}
	}
	if strings.Contains(text, "\uFFFD") {
		t.Error("a character the font lacks was replaced")
	}
}

// The contents page gives each section the page it starts on, and each slide page
// carries its own number.
func TestPDFContentsPageNumbers(t *testing.T) {
	path := russianPDFFile(t)
	contents := pdfPageText(t, path, 2)
	for i, want := range []string{"3", "5", "7"} {
		line := regexp.MustCompile(`(?m)^\s*` + strconv.Itoa(i+1) + `\.\s+` + regexp.QuoteMeta(pdfSectionsRU[i]) + `\s+(\d+)\s*$`)
		m := line.FindStringSubmatch(contents)
		if m == nil || m[1] != want {
			t.Errorf("contents: %q should start on page %s, got %v in\n%s", pdfSectionsRU[i], want, m, contents)
		}
	}
	for page, slide := range map[int]string{3: pdfSlidesRU[0], 4: pdfSlidesRU[1], 5: pdfSlidesRU[2], 6: pdfSlidesRU[3], 7: pdfSlidesRU[4]} {
		text := oneSpaced(pdfPageText(t, path, page))
		if !strings.Contains(text, slide) || !strings.Contains(text, "стр. "+strconv.Itoa(page)+" из 7") {
			t.Errorf("page %d should show %q and its number:\n%s", page, slide, text)
		}
	}
	if empty := oneSpaced(pdfPageText(t, path, 6)); !strings.Contains(empty, pdfEmptyRU) {
		t.Errorf("the slide without a chart should say %q:\n%s", pdfEmptyRU, empty)
	}
}

func TestPDFEnglish(t *testing.T) {
	path := writeTestPDF(t, pdfEnglishPack())
	text := oneSpaced(runPoppler(t, "pdftotext", path, "-"))
	for _, w := range []string{"Management meeting pack", "October 2026", "Contents", "page 3 of 7",
		"Prepared by Иванова Мария", "Prepared on 2026-11-02", "Revenue by group, October 2026"} {
		if !strings.Contains(text, w) {
			t.Errorf("the English PDF lacks %q", w)
		}
	}
	if strings.Contains(text, "стр.") {
		t.Error("the English PDF numbers its pages in Russian")
	}
}

func TestPDFProgressAfterEveryPage(t *testing.T) {
	b, err := russianPDF()
	if err != nil {
		t.Fatal(err)
	}
	for i, step := range b.progress {
		if step != [2]int{i + 1, 7} {
			t.Errorf("progress %v, want 1..7 of 7", b.progress)
			break
		}
	}
	if len(b.progress) != 7 {
		t.Errorf("progress told %d times, want after each of 7 pages", len(b.progress))
	}
}

// A cancelled export returns context.Canceled, and the file is not left behind.
func TestPDFCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	if err := pdfRussianPack().WritePDF(ctx, &out, nil); !errors.Is(err, context.Canceled) || out.Len() != 0 {
		t.Errorf("cancelled before the first page: %v, %d bytes written", err, out.Len())
	}
	dir := t.TempDir()
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	err := WritePDFFile(ctx, filepath.Join(dir, "pack.pdf"), pdfRussianPack(), func(done, _ int) {
		if done == 3 {
			cancel() // the user presses Cancel while the slides render
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled midway: %v, want context.Canceled", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("a cancelled export left %v", left)
	}
}

// Every page renders with something on it; set LEADBOARD_PDF_PAGES to a directory to
// keep the PDF and its pages for a look.
func TestPDFPagesAreNotBlank(t *testing.T) {
	path := russianPDFFile(t)
	dir := t.TempDir()
	if keep := os.Getenv("LEADBOARD_PDF_PAGES"); keep != "" {
		dir = keep
		pdf, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "pack.pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runPoppler(t, "pdftoppm", "-r", "50", "-png", path, filepath.Join(dir, "page"))
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if len(pages) != 7 {
		t.Fatalf("pdftoppm made %d pages, want 7", len(pages))
	}
	for _, page := range pages {
		if ink := inkShare(t, page); ink < 0.01 {
			t.Errorf("%s is nearly blank: %.4f of its pixels are not white", filepath.Base(page), ink)
		}
	}
}

// inkShare is the share of a PNG's pixels that are not white.
func inkShare(t *testing.T, path string) float64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r < 0xF000 || g < 0xF000 || bl < 0xF000 {
				ink++
			}
		}
	}
	return float64(ink) / float64(b.Dx()*b.Dy())
}

func pdfAtof(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// However long a slide's title and summary, its parts stay inside the page's margins
// and above the footer, in order, without overlapping; the chart keeps its room and
// its proportions.
func TestPDFSlideLayoutNeverOverlaps(t *testing.T) {
	sentence := "Загрузка выше 100 % у 3 из 14 менеджеров; после предложенного перераспределения — ни у кого, 4 переноса. "
	for _, c := range []struct {
		title    string
		repeats  int
		minChart float64
	}{
		{"Короткий заголовок", 0, minChartH},
		{pdfSlidesRU[0], 3, minChartH},
		{strings.Repeat("Очень длинный заголовок слайда, ", 6), 8, minChartH},
		{strings.Repeat("Заголовок ", 30), 20, minChartH / 2},
	} {
		p := pdfRussianPack()
		p.Sections[0].Slides[0].Title = c.title
		p.Sections[0].Slides[0].Summary = strings.Repeat(sentence, c.repeats)
		doc := newPDFDocument(p)
		l, err := doc.layoutSlide(0, p.Sections[0].Slides[0])
		if err != nil {
			t.Fatal(err)
		}
		summaryBottom := l.summaryTop + float64(len(l.summaryLines))*lineHeight(l.summarySize)
		ratio := l.chart.w / l.chart.h
		switch {
		case l.chart.y <= l.ruleY, l.chart.y+l.chart.h >= l.summaryTop, summaryBottom > bodyBottom:
			t.Errorf("%d sentences: title rule %.1f, chart %.1f..%.1f, summary %.1f..%.1f, body ends at %.1f",
				c.repeats, l.ruleY, l.chart.y, l.chart.y+l.chart.h, l.summaryTop, summaryBottom, bodyBottom)
		case l.chart.x < marginX || l.chart.x+l.chart.w > pageWidth-marginX+1e-9:
			t.Errorf("%d sentences: the chart spans %.1f..%.1f mm, outside the margins", c.repeats, l.chart.x,
				l.chart.x+l.chart.w)
		case l.chart.h < c.minChart || ratio < tallestChart-1e-9 || ratio > widestChart+1e-9:
			t.Errorf("%d sentences: chart %.1f x %.1f mm", c.repeats, l.chart.w, l.chart.h)
		}
		if pw, ph := l.chart.pixels(); math.Min(float64(pw)/chartBaseWidth, float64(ph)/chartBaseHeight) < chartMaxGrowth ||
			float64(pw)/l.chart.w < 6.5 {
			t.Errorf("%d sentences: a %.0f x %.0f mm chart rendered at %d x %d px prints blurred or its text small",
				c.repeats, l.chart.w, l.chart.h, pw, ph)
		}
		doc.setFont("", l.summarySize, inkColor)
		for _, line := range l.summaryLines {
			if w := doc.pdf.GetStringWidth(line); w > textWidth {
				t.Errorf("a summary line is %.1f mm wide, more than %.1f: %q", w, textWidth, line)
			}
		}
		if got := oneSpaced(strings.Join(l.summaryLines, " ")); got != oneSpaced(strings.Repeat(sentence, c.repeats)) {
			t.Errorf("the wrapped summary lost text:\n%s", got)
		}
	}
}

// Characters the font lacks print as lookalikes rather than empty boxes, and emoji
// (beyond what fpdf can index) do not break the export.
func TestPDFPrintable(t *testing.T) {
	if got := printable("\u22123 %, ≥ 90 %\tx"); got != "\u20133 %, >= 90 % x" {
		t.Errorf("printable: %q", got)
	}
	p := pdfRussianPack()
	p.Sections = p.Sections[1:2] // a slide without a chart is quick to draw
	p.Sections[0].Slides[1].Summary = "Рост 🚀 \u22123 %"
	if err := p.WritePDF(context.Background(), &bytes.Buffer{}, nil); err != nil {
		t.Fatal(err)
	}
}

// A section without slides is left out of the contents; a pack of many sections
// continues its contents on a second page and numbers the slides after it.
func TestPDFPagePlan(t *testing.T) {
	one := []Slide{{Title: "слайд", Empty: "нет данных"}}
	p := Pack{Sections: []Section{{Title: "А", Slides: one}, {Title: "Б"}, {Title: "В", Slides: append(one, one...)}}}
	plan := planPages(p)
	if plan.contentsPages != 1 || plan.total != 5 || !slices.Equal(plan.sectionStart, []int{3, 0, 4}) {
		t.Errorf("plan %+v, want contents on page 2, sections from pages 3, -, 4 of 5", plan)
	}
	per := entriesPerContentsPage()
	p.Sections = nil
	for range per + 1 {
		p.Sections = append(p.Sections, Section{Title: "раздел", Slides: one})
	}
	plan = planPages(p)
	if plan.contentsPages != 2 || plan.sectionStart[0] != 4 || plan.total != 3+per+1 {
		t.Errorf("%d sections: plan %+v, want 2 contents pages and the first slide on page 4", per+1, plan)
	}
	var out bytes.Buffer
	if err := p.WritePDF(context.Background(), &out, nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "long.pdf")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^Pages:\s+` + strconv.Itoa(plan.total) + `$`).MatchString(runPoppler(t, "pdfinfo", path)) {
		t.Errorf("the PDF should have the %d pages planned", plan.total)
	}
	last := strconv.Itoa(per+1) + ". раздел " + strconv.Itoa(plan.sectionStart[per])
	if second := oneSpaced(pdfPageText(t, path, 3)); !strings.Contains(second, last) {
		t.Errorf("the second contents page should list %q:\n%s", last, second)
	}
}
