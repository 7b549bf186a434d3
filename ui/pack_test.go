package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2/test"

	"leadboard/data"
	"leadboard/data/pack"
)

// openPack opens the Meeting pack screen on a fresh demo database.
func openPack(t *testing.T, lang string) (*App, *packScreen) {
	t.Helper()
	a := openDemo(t, lang)
	a.showScreen(a.pack)
	settle(a)
	return a, a.pack
}

// previewNow taps Preview and waits for the slides.
func previewNow(t *testing.T, a *App, s *packScreen) {
	t.Helper()
	test.Tap(s.previewButton)
	settle(a)
	if !s.preview.built() {
		t.Fatalf("no preview after Preview; status %q", s.status.Text)
	}
}

func slideCodes(s *packScreen) map[string]int {
	codes := map[string]int{}
	for _, r := range s.preview.rows {
		codes[r.code]++
	}
	return codes
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

func TestPackScreenOpensWithTheLastFullMonthAndBuildsNothing(t *testing.T) {
	a, s := openPack(t, "ru")
	if s.title() != "Материалы к совещанию" || !containsText(s.object(), "Период") {
		t.Fatalf("screen %q shows %q", s.title(), texts(s.object()))
	}
	want := pack.MonthPeriod(data.MonthOf(a.today()) - 1)
	if got := s.period.value(); got != want {
		t.Fatalf("period %v, want the last full month %v", got, want)
	}
	if len(s.period.values) != recentMonths || s.department.Text != "Отдел аккаунтинга" || s.author.Text != "" {
		t.Fatalf("%d months offered, department %q, author %q", len(s.period.values), s.department.Text, s.author.Text)
	}
	s.kind.setValue(pack.Quarter)
	settle(a)
	if got := s.period.value(); got != pack.QuarterPeriod(want.From.Year(), want.From.Quarter()) ||
		len(s.period.values) != recentQuarters {
		t.Fatalf("switched to quarters: %v of %d", got, len(s.period.values))
	}
	s.kind.setValue(pack.Year)
	oldestYear := s.period.values[len(s.period.values)-1]
	s.period.setValue(oldestYear)
	s.kind.setValue(pack.Month) // its December, unless that is older than any month offered
	want = pack.MonthPeriod(oldestYear.To)
	if oldest := s.period.values[recentMonths-1]; want.From < oldest.From {
		want = oldest
	}
	if got := s.period.value(); got != want {
		t.Fatalf("back to months from %v: %v, want %v", oldestYear, got, want)
	}
	s.sections[0].SetChecked(false)
	settle(a)
	if s.preview.built() {
		t.Fatal("changing the choice built a pack")
	}
}

// Switching to the running year and back must not choose a period not offered yet
// (December, the fourth quarter), which would leave nothing chosen and every
// button off.
func TestPackScreenSwitchingBackFromTheRunningYearKeepsAPeriod(t *testing.T) {
	a, s := openPack(t, "ru")
	year := a.today().Year()
	a.store().SetClock(func() time.Time { return time.Date(year, time.February, 10, 12, 0, 0, 0, time.Local) })
	for _, c := range []struct {
		kind pack.PeriodKind
		want pack.Period
	}{
		{pack.Month, pack.MonthPeriod(data.MonthFor(year, time.January))}, // the last full month
		{pack.Quarter, pack.QuarterPeriod(year, 1)},                       // the running quarter
	} {
		s.kind.setValue(pack.Year)
		if got := s.period.value(); got != pack.YearPeriod(year) {
			t.Fatalf("switched to years: %v", got)
		}
		s.kind.setValue(c.kind)
		settle(a)
		if got := s.period.value(); got != c.want || s.previewButton.Disabled() {
			t.Errorf("back to %s from %d: %v chosen (want %v), Preview disabled %v; status %q", c.kind, year, got,
				c.want, s.previewButton.Disabled(), s.status.Text)
		}
	}
}

func TestPackScreenPreviewsAMonth(t *testing.T) {
	a, s := openPack(t, "ru")
	previewNow(t, a, s)
	codes := slideCodes(s)
	for _, code := range pack.Sections {
		if codes[code] == 0 {
			t.Errorf("no slide of section %s among %d", code, len(s.preview.rows))
		}
	}
	first := s.preview.rows[0]
	if !strings.HasPrefix(first.label(), T("pack.section."+first.code)+" · ") {
		t.Errorf("slide listed as %q", first.label())
	}
	if first.slide.Chart == nil || s.preview.chart.Image() == nil {
		t.Errorf("the first slide's chart did not render (empty: %q)", first.slide.Empty)
	}
	if summary := s.preview.summary.Text; summary == "" || !hasCyrillic(summary) || strings.Contains(summary, "pack.") {
		t.Errorf("summary %q is not Russian", summary)
	}
	if !strings.Contains(s.status.Text, "слайдов: ") {
		t.Errorf("status %q", s.status.Text)
	}
}

func TestPackScreenLeavesOutAnUntickedSection(t *testing.T) {
	a, s := openPack(t, "ru")
	previewNow(t, a, s)
	workload := -1
	for i, code := range pack.Sections {
		if code == pack.SectionWorkload {
			workload = i
		}
	}
	test.Tap(s.sections[workload])
	settle(a)
	if s.status.Text != T("pack.screen.stale") {
		t.Fatalf("after unticking, the status says %q", s.status.Text)
	}
	previewNow(t, a, s)
	codes := slideCodes(s)
	if codes[pack.SectionWorkload] != 0 || codes[pack.SectionOverview] == 0 {
		t.Fatalf("slides by section after unticking workload: %v", codes)
	}
	for _, c := range s.sections {
		c.SetChecked(false)
	}
	settle(a)
	if !s.previewButton.Disabled() || s.status.Text != T("pack.screen.no_sections") {
		t.Fatalf("no section ticked: Preview disabled %v, status %q", s.previewButton.Disabled(), s.status.Text)
	}
}

func TestPackScreenExportsPDFBuildingThePackFirst(t *testing.T) {
	a, s := openPack(t, "ru")
	path := filepath.Join(t.TempDir(), "совещание.pdf")
	s.exportTo(packPDF, path)
	settle(a)
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; status %q", err, s.status.Text)
	}
	if !bytes.HasPrefix(content, []byte("%PDF")) {
		t.Fatalf("the file starts with %q", content[:min(len(content), 8)])
	}
	if s.status.Text != "Файл записан: "+path {
		t.Errorf("status %q", s.status.Text)
	}
	if !s.preview.built() || len(s.preview.rows) == 0 {
		t.Error("the pack built for the export is not shown")
	}
}

func TestPackScreenExportsWorkbookAndSlides(t *testing.T) {
	a, s := openPack(t, "en")
	previewNow(t, a, s)
	dir := t.TempDir()
	workbook := filepath.Join(dir, "pack.xlsx")
	s.exportTo(packXLSX, workbook)
	settle(a)
	if content, err := os.ReadFile(workbook); err != nil || !bytes.HasPrefix(content, []byte("PK")) {
		t.Fatalf("workbook: %v; status %q", err, s.status.Text)
	}
	slides := filepath.Join(dir, "slides")
	s.exportTo(packSlides, slides)
	settle(a)
	files, err := os.ReadDir(slides)
	if err != nil || len(files) != 2*len(s.preview.rows) {
		t.Fatalf("%d files for %d slides (%v); status %q", len(files), len(s.preview.rows), err, s.status.Text)
	}
	if s.status.Text != "Slides written to the folder "+slides {
		t.Errorf("status %q", s.status.Text)
	}
	s.exportTo(packSlides, slides) // not empty now
	settle(a)
	if !strings.Contains(s.status.Text, "not empty") {
		t.Errorf("writing into a full folder: %q", s.status.Text)
	}
}

func TestPackScreenCancelledExportLeavesNoFile(t *testing.T) {
	for _, prebuilt := range []bool{false, true} {
		a, s := openPack(t, "ru")
		if prebuilt {
			previewNow(t, a, s) // the export's only steps are the PDF's pages
		}
		steps := 0
		s.onStep = func(cancel func()) {
			if steps++; steps == 1 {
				cancel()
			}
		}
		dir := t.TempDir()
		s.exportTo(packPDF, filepath.Join(dir, "pack.pdf"))
		settle(a)
		if files, _ := os.ReadDir(dir); len(files) != 0 {
			t.Errorf("prebuilt %v: a cancelled export left %v", prebuilt, files)
		}
		if s.status.Text != "Выгрузка отменена, файл не создан." || s.job != nil || !s.progress.Hidden {
			t.Errorf("prebuilt %v: status %q, job %v, progress hidden %v", prebuilt, s.status.Text, s.job,
				s.progress.Hidden)
		}
	}
}

func TestPackScreenRemembersTheDepartment(t *testing.T) {
	a, s := openPack(t, "ru")
	s.department.SetText("")
	test.Type(s.department, "Отдел по работе с клиентами")
	s.author.SetText("Анна Петрова")
	previewNow(t, a, s)
	if got := s.preview.pack.Department; got != "Отдел по работе с клиентами" || s.preview.pack.Author != "Анна Петрова" {
		t.Fatalf("pack made for %q by %q", got, s.preview.pack.Author)
	}
	for key, want := range map[string]string{pack.SettingDepartment: "Отдел по работе с клиентами",
		pack.SettingAuthor: "Анна Петрова"} {
		if got, _, err := a.store().Setting(ctx(), key); err != nil || got != want {
			t.Fatalf("setting %s = %q (%v), want %q", key, got, err, want)
		}
	}
	s.department.SetText("Отдел аккаунтинга")
	s.department.FocusLost() // leaving the field saves it
	settle(a)
	if got, _, _ := a.store().Setting(ctx(), pack.SettingDepartment); got != "Отдел аккаунтинга" {
		t.Fatalf("after leaving the field, the setting is %q", got)
	}
	path := a.store().Path()
	a.store().Close()
	reopened := openApp(t, path, "ru")
	reopened.showScreen(reopened.pack)
	settle(reopened)
	if reopened.pack.department.Text != "Отдел аккаунтинга" || reopened.pack.author.Text != "Анна Петрова" {
		t.Fatalf("reopened with %q, %q", reopened.pack.department.Text, reopened.pack.author.Text)
	}
}

func TestPackScreenSlidesDialogWantsANewFolder(t *testing.T) {
	a, s := openPack(t, "ru")
	dir := t.TempDir()
	taken := filepath.Join(dir, "занято")
	if err := os.MkdirAll(filepath.Join(taken, "старое"), 0o755); err != nil {
		t.Fatal(err)
	}
	test.Tap(s.exportButtons[2])
	fd := a.lastForm
	fill(t, a, fd, "folder", dir)
	fill(t, a, fd, "file_name", "занято")
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("file_name"); got != T("err.folder_not_empty") {
		t.Fatalf("a folder with files in it: %q", got)
	}
	fill(t, a, fd, "file_name", "слайды")
	test.Tap(fd.save)
	settle(a)
	files, err := os.ReadDir(filepath.Join(dir, "слайды"))
	if err != nil || len(files) == 0 || !strings.HasPrefix(s.status.Text, "Слайды записаны в папку ") {
		t.Fatalf("%d files (%v); status %q", len(files), err, s.status.Text)
	}
}

func TestRecentPeriods(t *testing.T) {
	feb := data.MonthFor(2026, 2)
	months, quarters, years := recentPeriods(pack.Month, feb), recentPeriods(pack.Quarter, feb),
		recentPeriods(pack.Year, feb)
	if len(months) != 24 || months[0].String() != "2026-02" || months[23].String() != "2024-03" {
		t.Errorf("months %v … %v", months[0], months[len(months)-1])
	}
	if len(quarters) != 8 || quarters[0].String() != "2026-Q1" || quarters[1].String() != "2025-Q4" ||
		quarters[7].String() != "2024-Q2" {
		t.Errorf("quarters %v", quarters)
	}
	if len(years) != 3 || years[0].String() != "2026" || years[2].String() != "2024" {
		t.Errorf("years %v", years)
	}
	if got := periodOfKind(pack.Quarter, data.MonthFor(2026, 10)); got.String() != "2026-Q4" {
		t.Errorf("the quarter of October: %v", got)
	}
}

// A preview made before the screen was left and shown again, or on another day, may
// lack what changed meanwhile (a plan saved, values imported): the export builds
// the pack again.
func TestPackScreenExportAfterAVisitRebuildsThePack(t *testing.T) {
	a, s := openPack(t, "ru")
	previewNow(t, a, s)
	before := s.preview.pack
	s.reload() // as navigating back to the screen does
	settle(a)
	if s.status.Text != T("pack.screen.stale_data") {
		t.Errorf("after a visit, the status says %q", s.status.Text)
	}
	path := filepath.Join(t.TempDir(), "pack.xlsx")
	s.exportTo(packXLSX, path)
	settle(a)
	if s.preview.pack == before {
		t.Fatal("the export after a visit reused the preview made before it")
	}
	if s.status.Text != "Файл записан: "+path {
		t.Fatalf("status %q", s.status.Text)
	}
	before = s.preview.pack
	tomorrow := a.today().AddDate(0, 0, 1).Add(12 * time.Hour)
	a.store().SetClock(func() time.Time { return tomorrow })
	s.exportTo(packXLSX, path)
	settle(a)
	if s.preview.pack == before || !s.preview.pack.Made.Equal(data.DateOf(tomorrow)) {
		t.Fatalf("the next day's export was made on %v", s.preview.pack.Made)
	}
}

// The status says the pack is being prepared until writing starts.
func TestPackScreenSaysWhatTheExportIsDoing(t *testing.T) {
	a, s := openPack(t, "ru")
	path := filepath.Join(t.TempDir(), "pack.pdf")
	s.exportTo(packPDF, path)
	if s.status.Text != "Готовим материалы…" {
		t.Errorf("building for an export, the status says %q", s.status.Text)
	}
	settle(a)
	s.exportTo(packPDF, path) // the pack shown is the one to write
	if s.status.Text != "Записываем "+path+"…" {
		t.Errorf("writing the pack previewed, the status says %q", s.status.Text)
	}
	settle(a)
}

func TestPackScreenCancelledSlidesSayNothingWasWritten(t *testing.T) {
	a, s := openPack(t, "ru")
	s.onStep = func(cancel func()) { cancel() }
	dir := filepath.Join(t.TempDir(), "слайды")
	s.exportTo(packSlides, dir)
	settle(a)
	if s.status.Text != "Выгрузка отменена, ничего не записано." || fileExists(dir) {
		t.Errorf("status %q; folder left %v", s.status.Text, fileExists(dir))
	}
}

// Opening another database while an export runs cancels it: nothing of the file
// closed is written once its screen is gone.
func TestPackScreenSwitchingTheDatabaseCancelsTheExport(t *testing.T) {
	a, s := openPack(t, "ru")
	previewNow(t, a, s) // the export only writes: it would finish without the database
	reached, release := make(chan struct{}), make(chan struct{})
	var first sync.Once
	s.onStep = func(func()) { first.Do(func() { close(reached); <-release }) }
	path := filepath.Join(t.TempDir(), "pack.pdf")
	s.exportTo(packPDF, path)
	<-reached
	other := filepath.Join(t.TempDir(), "other.db")
	copyFile(t, demoTemplate, other)
	st, err := data.Open(other, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a.useStore(st, false)
	close(release)
	settle(a)
	if fileExists(path) {
		t.Error("the export went on after the database was switched")
	}
	if a.pack == s || a.pack.job != nil {
		t.Error("the new pack screen is not a fresh one")
	}
}
