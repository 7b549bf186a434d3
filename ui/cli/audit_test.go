package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// csvLines reads a CSV export as its lines, without the byte order mark.
func csvLines(t *testing.T, path string) []string {
	t.Helper()
	return strings.Split(strings.TrimSpace(strings.TrimPrefix(string(readBytes(t, path)), "\uFEFF")), "\r\n")
}

func exported(t *testing.T, args ...string) {
	t.Helper()
	if r := run(t, append([]string{"export"}, args...)...); r.code != 0 {
		t.Fatalf("export %v: %d\n%s", args, r.code, r.stderr)
	}
}

// demoOfToday is a demo generated as of today, so that what is overdue in it is
// overdue for the export too (the command line reads the real clock).
func demoOfToday(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if r := run(t, "demo", "--db", path, "--seed", "3"); r.code != 0 {
		t.Fatalf("demo: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	return path
}

func TestExportAudit(t *testing.T) {
	db := demoOfToday(t)
	dir := t.TempDir()
	sections := filepath.Join(dir, "sections.csv")
	exported(t, "--db", db, "--what", "audit", "--format", "csv", "--out", sections)
	lines := csvLines(t, sections)
	if len(lines) != 12 || !strings.HasPrefix(lines[0], "No.;Section;") {
		t.Fatalf("the latest audit's sections (10 and the overall row):\n%s", strings.Join(lines, "\n"))
	}
	trend := filepath.Join(dir, "trend.csv")
	exported(t, "--db", db, "--what", "audit", "--view", "trend", "--format", "csv", "--out", trend)
	if lines := csvLines(t, trend); len(lines) != 4 {
		t.Fatalf("three audits in the trend:\n%s", strings.Join(lines, "\n"))
	}
	audits := strings.Split(csvLines(t, trend)[1], ";")[0] // the first audit's day
	items := filepath.Join(dir, "items.xlsx")
	exported(t, "--db", db, "--what", "audit", "--view", "items", "--audit", audits, "--format", "xlsx", "--out", items)
	for _, format := range []string{"png", "svg"} {
		out := filepath.Join(dir, "compare."+format)
		exported(t, "--lang", "ru", "--db", db, "--what", "audit", "--view", "compare", "--format", format, "--out", out)
		if info, err := os.Stat(out); err != nil || info.Size() < 5000 {
			t.Errorf("%s: %v", out, err)
		}
	}
	svg := string(readBytes(t, filepath.Join(dir, "compare.svg")))
	if !strings.Contains(svg, "Качество отчётности") {
		t.Error("the Russian comparison names no section")
	}
	actions := filepath.Join(dir, "actions.csv")
	exported(t, "--db", db, "--what", "audit", "--view", "actions", "--format", "csv", "--out", actions)
	overdue := 0
	for _, l := range csvLines(t, actions)[1:] {
		if strings.HasSuffix(l, ";yes") {
			overdue++
		}
	}
	if overdue != 1 {
		t.Errorf("%d overdue actions, the demo has one", overdue)
	}
	procedures := filepath.Join(dir, "procedures.csv")
	exported(t, "--db", db, "--what", "audit", "--view", "procedures", "--format", "csv", "--out", procedures)
	if lines := csvLines(t, procedures); len(lines) < 8 {
		t.Errorf("procedures register:\n%s", strings.Join(lines, "\n"))
	}

	// A day without an audit names the days there are; a table has no picture.
	r := run(t, "export", "--db", db, "--what", "audit", "--audit", "2001-01-01", "--format", "csv", "--out",
		filepath.Join(dir, "x.csv"))
	if r.code != 2 || !strings.Contains(r.stderr, audits) {
		t.Errorf("unknown day: %d %s", r.code, r.stderr)
	}
	r = run(t, "export", "--db", db, "--what", "audit", "--view", "actions", "--format", "png", "--out",
		filepath.Join(dir, "x.png"))
	if r.code != 2 || !strings.Contains(r.stderr, "csv or xlsx") {
		t.Errorf("actions as a picture: %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.png")); err == nil {
		t.Error("a refused export left a file")
	}
	r = run(t, "export", "--db", db, "--what", "audit", "--view", "compare", "--audit", audits, "--compare", audits,
		"--format", "csv", "--out", filepath.Join(dir, "x.csv"))
	if r.code != 2 || !strings.Contains(r.stderr, "itself") {
		t.Errorf("an audit compared with itself: %d %s", r.code, r.stderr)
	}
}

func TestExportClientHealth(t *testing.T) {
	db := demoOfToday(t)
	dir := t.TempDir()
	scores := filepath.Join(dir, "health.csv")
	exported(t, "--db", db, "--what", "client-health", "--format", "csv", "--out", scores)
	lines := csvLines(t, scores)
	if len(lines) < 20 || !strings.HasPrefix(lines[0], "Client;") {
		t.Fatalf("health of every client:\n%s", strings.Join(lines[:min(len(lines), 5)], "\n"))
	}
	client := strings.Split(lines[1], ";")[0]
	for _, view := range []string{"scores", "renewals", "pipeline"} {
		out := filepath.Join(dir, view+".png")
		exported(t, "--lang", "ru", "--db", db, "--what", "client-health", "--view", view, "--format", "png", "--out", out)
		if info, err := os.Stat(out); err != nil || info.Size() < 5000 {
			t.Errorf("%s: %v", out, err)
		}
	}
	trend := filepath.Join(dir, "trend.csv")
	exported(t, "--db", db, "--what", "client-health", "--view", "trend", "--client", client, "--format", "csv",
		"--out", trend)
	if lines := csvLines(t, trend); len(lines) != 13 {
		t.Errorf("12 months of %s:\n%s", client, strings.Join(lines, "\n"))
	}
	risks := filepath.Join(dir, "risks.xlsx")
	exported(t, "--db", db, "--what", "client-health", "--view", "risks", "--format", "xlsx", "--out", risks)
	days := map[string]int{}
	for _, d := range []string{"30", "90"} {
		out := filepath.Join(dir, "renewals"+d+".csv")
		exported(t, "--db", db, "--what", "client-health", "--view", "renewals", "--days", d, "--format", "csv", "--out", out)
		days[d] = len(csvLines(t, out))
	}
	if days["30"] > days["90"] || days["90"] < 2 {
		t.Errorf("renewals within 30 and 90 days: %v", days)
	}
	r := run(t, "export", "--db", db, "--what", "client-health", "--view", "trend", "--client", "Нет такого",
		"--format", "csv", "--out", filepath.Join(dir, "x.csv"))
	if r.code != 2 || !strings.Contains(r.stderr, "Нет такого") {
		t.Errorf("unknown client: %d %s", r.code, r.stderr)
	}
	if r := run(t, "export", "--db", db, "--what", "client-health", "--view", "trend", "--format", "csv",
		"--out", filepath.Join(dir, "x.csv")); r.code != 2 {
		t.Errorf("a trend without --client: %d", r.code)
	}
	r = run(t, "export", "--lang", "ru", "--db", db, "--what", "client-health", "--view", "trend", "--client", client,
		"--from", "2026-13", "--format", "csv", "--out", filepath.Join(dir, "x.csv"))
	if r.code != 2 || !strings.Contains(r.stderr, "2026-13") || strings.Contains(r.stderr, "invalid") {
		t.Errorf("a month that is not one: %d %s", r.code, r.stderr)
	}
}
