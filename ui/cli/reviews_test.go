package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportReviewScores(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "scores.csv")
	r := run(t, "export", "--db", db, "--what", "review-scores", "--format", "csv", "--out", out)
	if r.code != 0 {
		t.Fatalf("export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(readBytes(t, out)), "\uFEFF")), "\r\n")
	if !strings.HasPrefix(lines[0], "Name;Grade;Score;Band;Client communication") || len(lines) < 11 {
		t.Fatalf("scores table:\n%s", strings.Join(lines, "\n"))
	}
	for _, line := range lines[1:] { // the default cycle is a closed one: everyone has a score and a band
		if cells := strings.Split(line, ";"); len(cells) < 6 || cells[2] == "" || cells[3] == "" {
			t.Errorf("row without a score: %q", line)
		}
	}
	for _, chart := range []string{"histogram", "heatmap", "ninebox", "gaps", "history"} {
		out := filepath.Join(dir, chart+".png")
		if r := run(t, "export", "--lang", "ru", "--db", db, "--what", "review-scores", "--chart", chart,
			"--format", "png", "--out", out); r.code != 0 {
			t.Fatalf("export %s: %d\n%s", chart, r.code, r.stderr)
		}
		if info, err := os.Stat(out); err != nil || info.Size() < 5000 {
			t.Errorf("%s: %v", out, err)
		}
	}
	name := strings.Split(lines[1], ";")[0]
	if r := run(t, "export", "--db", db, "--what", "review-scores", "--chart", "history", "--entity", name,
		"--format", "svg", "--out", filepath.Join(dir, "one.svg")); r.code != 0 ||
		!strings.Contains(string(readBytes(t, filepath.Join(dir, "one.svg"))), name) {
		t.Errorf("history of %s: exit %d\n%s", name, r.code, r.stderr)
	}
	if r := run(t, "export", "--db", db, "--what", "review-scores", "--chart", "history", "--entity", "Никто Никтович",
		"--format", "svg", "--out", filepath.Join(dir, "none.svg")); r.code != 2 {
		t.Errorf("history of nobody: exit %d", r.code)
	}
	bad := run(t, "export", "--lang", "ru", "--db", db, "--what", "review-scores", "--cycle", "Нет такого",
		"--format", "csv", "--out", filepath.Join(dir, "x.csv"))
	if bad.code != 2 || !strings.Contains(bad.stderr, "Цикла оценки «Нет такого» нет. Есть циклы:") {
		t.Errorf("unknown cycle: exit %d\n%s", bad.code, bad.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.csv")); !os.IsNotExist(err) {
		t.Error("a file was written for an unknown cycle")
	}
}
