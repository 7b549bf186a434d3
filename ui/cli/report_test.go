package cli_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"leadboard/assets/locale"
	"leadboard/data"
	"leadboard/data/pack"
	"leadboard/data/sheet"
)

// `leadboard report`, through the built binary, on a demo whose history ends on
// 15 November 2026, so that October 2026, the third quarter and the year 2026 all
// have data.

func reportDemo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if r := run(t, "demo", "--db", path, "--seed", "3", "--as-of", "2026-11-15"); r.code != 0 {
		t.Fatalf("demo: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	return path
}

func reported(t *testing.T, args ...string) result {
	t.Helper()
	r := run(t, append([]string{"report"}, args...)...)
	if r.code != 0 {
		t.Fatalf("report %v: %d\n%s%s", args, r.code, r.stdout, r.stderr)
	}
	return r
}

// needTool skips a test on a machine without poppler's command-line tools.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed", name)
	}
}

// pdfText is the PDF's text with runs of spaces and line breaks made single spaces,
// so that a phrase wrapped on the page is still found.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	needTool(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)

func pdfPages(t *testing.T, path string) int {
	t.Helper()
	needTool(t, "pdfinfo")
	out, err := exec.Command("pdfinfo", path).Output()
	m := pagesLine.FindSubmatch(out)
	if err != nil || m == nil {
		t.Fatalf("pdfinfo %s: %v\n%s", path, err, out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func sectionTitle(lang, code string) string {
	return locale.Messages(lang).T("pack.section."+code, nil)
}

func TestReportPDFForAMonthInRussian(t *testing.T) {
	db := reportDemo(t)
	out := filepath.Join(t.TempDir(), "октябрь.pdf")
	r := reported(t, "--db", db, "--period", "2026-10", "--format", "pdf", "--out", out, "--lang", "ru",
		"--department", "Отдел по работе с ключевыми клиентами", "--author", "Смирнова Ольга")
	if !strings.Contains(r.stdout, out) || !strings.Contains(r.stdout, "октябрь 2026") {
		t.Errorf("the message says neither where nor what it wrote: %q", r.stdout)
	}
	if !bytes.HasPrefix(readBytes(t, out), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	if pages := pdfPages(t, out); pages < 10 {
		t.Errorf("%d pages, want at least 10: the title, the contents and a page per slide", pages)
	}
	text := pdfText(t, out)
	for _, want := range []string{"октябрь 2026", "Материалы к совещанию руководства",
		"Отдел по работе с ключевыми клиентами", "Смирнова Ольга"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, code := range pack.Sections {
		if title := sectionTitle("ru", code); !strings.Contains(text, title) {
			t.Errorf("the PDF lacks the section %q", title)
		}
	}
}

func TestReportXLSXForAQuarter(t *testing.T) {
	db := reportDemo(t)
	out := filepath.Join(t.TempDir(), "q3.xlsx")
	r := reported(t, "--db", db, "--period", "2026-Q3", "--format", "xlsx", "--out", out)
	if !strings.Contains(r.stdout, "Q3 2026") {
		t.Errorf("message %q", r.stdout)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != len(pack.Sections) {
		t.Fatalf("sheets %q, want one per section", sheets)
	}
	for i, code := range pack.Sections {
		if want := sheet.SheetName(sectionTitle("en", code), "en"); sheets[i] != want {
			t.Errorf("sheet %d is %q, want %q", i+1, sheets[i], want)
		}
		if rows, err := f.GetRows(sheets[i]); err != nil || len(rows) < 2 {
			t.Errorf("sheet %q holds no table: %v", sheets[i], err)
		}
	}
}

func TestReportSlidesForAYear(t *testing.T) {
	db := reportDemo(t)
	dir := filepath.Join(t.TempDir(), "slides")
	r := reported(t, "--db", db, "--period", "2026", "--format", "png", "--out", dir)
	if !strings.Contains(r.stdout, dir) {
		t.Errorf("message %q", r.stdout)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	svgs, _ := filepath.Glob(filepath.Join(dir, "*.svg"))
	if len(pngs) < len(pack.Sections) || len(svgs) != len(pngs) {
		t.Fatalf("%d PNG and %d SVG slides", len(pngs), len(svgs))
	}
	for _, path := range pngs {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != 1600 || cfg.Height != 900 {
			t.Errorf("%s: %dx%d, %v", filepath.Base(path), cfg.Width, cfg.Height, err)
		}
	}
	for _, path := range svgs {
		if svg := readBytes(t, path); !bytes.Contains(svg, []byte(`width="1600" height="900"`)) {
			t.Errorf("%s does not say it is 1600x900", filepath.Base(path))
		}
	}
}

func TestReportChosenSectionsOnly(t *testing.T) {
	db := reportDemo(t)
	out := filepath.Join(t.TempDir(), "two.xlsx")
	reported(t, "--db", db, "--period", "2026-10", "--sections", "audit,overview", "--format", "xlsx", "--out", out)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{sheet.SheetName(sectionTitle("en", pack.SectionOverview), "en"),
		sheet.SheetName(sectionTitle("en", pack.SectionAudit), "en")} // in the pack's order
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sheets %q, want %q", got, want)
	}
	dir := filepath.Join(t.TempDir(), "slides")
	reported(t, "--db", db, "--period", "2026-10", "--sections", "overview", "--sections", "audit", "--format", "png",
		"--out", dir)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.Contains(e.Name(), "-overview-") && !strings.Contains(e.Name(), "-audit-") {
			t.Errorf("a slide of a section not asked for: %s", e.Name())
		}
	}
}

// emptyDatabase is a new database with nothing in it but the department's name
// and the author, saved as the Meeting pack screen saves them.
func emptyDatabase(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "empty.db")
	st, err := data.Open(path, data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.SaveSetting(ctx, "pack.department", "Отдел сопровождения"); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSetting(ctx, "pack.author", "Петров Игорь"); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReportOfAnEmptyDatabaseSaysThereIsNoData(t *testing.T) {
	db := emptyDatabase(t)
	out := filepath.Join(t.TempDir(), "empty.pdf")
	reported(t, "--db", db, "--period", "2026-10", "--format", "pdf", "--out", out, "--lang", "ru")
	text := pdfText(t, out)
	for _, want := range []string{"Нет данных за октябрь 2026", "Отдел сопровождения", "Петров Игорь"} {
		if !strings.Contains(text, want) {
			t.Errorf("the empty pack lacks %q:\n%s", want, text)
		}
	}
}

func TestReportDefaultDepartment(t *testing.T) {
	db := reportDemo(t)
	out := filepath.Join(t.TempDir(), "pack.pdf")
	reported(t, "--db", db, "--period", "2026-10", "--sections", "overview", "--format", "pdf", "--out", out,
		"--lang", "ru")
	if text := pdfText(t, out); !strings.Contains(text, "Отдел аккаунтинга") {
		t.Errorf("no department on the title page:\n%s", text)
	}
}

func TestReportRefusesABadCommandLine(t *testing.T) {
	db := reportDemo(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "pack.pdf")
	missingFolder := filepath.Join(dir, "missing")
	nextYear := strconv.Itoa(time.Now().Year() + 1)
	for _, c := range []struct {
		args []string // after report --db FILE
		want []string // in stderr
	}{
		{[]string{"--period", "2026-13", "--format", "pdf", "--out", out}, []string{`"2026-13"`, "2026-Q3"}},
		{[]string{"--period", "октябрь", "--format", "pdf", "--out", out, "--lang", "ru"}, []string{"«октябрь»", "2026-Q3"}},
		{[]string{"--period", "2026-10", "--sections", "overview,finance", "--format", "pdf", "--out", out},
			[]string{`"finance"`, "overview", "risks", "Client health"}},
		{[]string{"--period", "2026-10", "--format", "docx", "--out", out}, []string{`"docx"`, "pdf, xlsx or png"}},
		{[]string{"--period", "2026-10", "--format", "pdf", "--out", out, "--lang", "de"}, []string{"de"}},
		{[]string{"--period", "2026-10"}, []string{"Usage: leadboard report"}},
		{[]string{"--period", nextYear + "-01", "--format", "pdf", "--out", out},
			[]string{"January " + nextYear + " has not begun yet", "up to the current month"}},
		{[]string{"--period", nextYear + "-01", "--format", "pdf", "--out", out, "--lang", "ru"},
			[]string{"«январь " + nextYear + "» ещё не начался"}},
		{[]string{"--period", "2026-10", "--format", "pdf", "--out", filepath.Join(missingFolder, "pack.pdf")},
			[]string{"There is no folder " + missingFolder}},
		{[]string{"--period", "2026-10", "--format", "xlsx", "--out", dir},
			[]string{dir + " is a folder", filepath.Join(dir, "pack.xlsx")}},
		{[]string{"--period", "2026-10", "--format", "pdf", "--out", dir, "--lang", "ru"},
			[]string{dir + " — это папка"}},
	} {
		r := run(t, append([]string{"report", "--db", db}, c.args...)...)
		if r.code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s", c.args, r.code, r.stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%v: stderr does not say %q:\n%s", c.args, w, r.stderr)
			}
		}
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			t.Fatalf("%v left %s behind", c.args, entries[0].Name())
		}
	}
	missing := filepath.Join(dir, "missing.db")
	if r := run(t, "report", "--db", missing, "--period", "2026", "--format", "pdf", "--out", out); r.code != 3 ||
		!strings.Contains(r.stderr, missing) {
		t.Errorf("a missing database: %d %q", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("a missing database left %s behind", entries[0].Name())
	}
}

func TestReportSlidesRefuseAFolderInUse(t *testing.T) {
	db := reportDemo(t)
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	os.WriteFile(keep, []byte("keep me"), 0o644)
	r := run(t, "report", "--db", db, "--period", "2026-10", "--format", "png", "--out", dir)
	if r.code != 4 || !strings.Contains(r.stderr, "empty folder") {
		t.Errorf("slides into a folder with a file: %d %q", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 || string(readBytes(t, keep)) != "keep me" {
		t.Errorf("the folder was changed: %v", entries)
	}
}

// An interrupt while the slides are being written stops the export and leaves
// neither the folder nor the temporary one beside it.
func TestReportInterruptedLeavesNothing(t *testing.T) {
	db := reportDemo(t)
	parent := t.TempDir()
	dir := filepath.Join(parent, "slides")
	cmd := exec.Command(binary, "report", "--db", db, "--period", "2026", "--format", "png", "--out", dir)
	cmd.Env = append(os.Environ(), "LANG=en_US.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if !waitForEntry(parent, 20*time.Second) {
		cmd.Process.Kill()
		t.Fatal("the export never started writing")
	}
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 4 {
		t.Fatalf("interrupted export: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "Interrupted: nothing was written") {
		t.Errorf("stderr %q", stderr.String())
	}
	if entries, _ := os.ReadDir(parent); len(entries) > 0 {
		t.Errorf("the interrupted export left %s behind", entries[0].Name())
	}
}

// waitForEntry waits until something appears in dir (the export's temporary folder).
func waitForEntry(dir string, limit time.Duration) bool {
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			return true
		}
	}
	return false
}

// A slides folder in use is refused before anything is built: here before the
// (missing) database is even opened.
func TestReportSlidesRefuseAFolderInUseBeforeBuilding(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("keep me"), 0o644)
	r := run(t, "report", "--db", filepath.Join(t.TempDir(), "missing.db"), "--period", "2026-10", "--format", "png",
		"--out", dir)
	if r.code != 4 || !strings.Contains(r.stderr, dir+" is a file or a folder with files in it") {
		t.Errorf("slides into a folder with a file: %d %q", r.code, r.stderr)
	}
}

// A folder the user may not write to is named as --out was given, in the user's
// language, not as the writer's temporary file beside it.
func TestReportReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into a folder of mode 0500 all the same: run as another user to test this")
	}
	db := reportDemo(t)
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	out := filepath.Join(dir, "pack.pdf")
	r := run(t, "report", "--db", db, "--period", "2026-10", "--sections", "overview", "--format", "pdf", "--out", out)
	want := "No permission to write " + out + ": give --out a place you may write to. Nothing was written.\n"
	if r.code != 4 || r.stderr != want {
		t.Errorf("a read-only folder: exit %d, stderr %q, want %q", r.code, r.stderr, want)
	}
}
