package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportGradeViews(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "grades.csv")
	if r := run(t, "export", "--db", db, "--what", "grade-distribution", "--format", "csv", "--out", out); r.code != 0 {
		t.Fatalf("export: %d\n%s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(readBytes(t, out)), "\uFEFF")), "\r\n")
	if !strings.HasPrefix(lines[0], "Grade;People;") || len(lines) != 5 {
		t.Fatalf("distribution:\n%s", strings.Join(lines, "\n"))
	}
	for _, format := range []string{"png", "svg"} {
		out := filepath.Join(dir, "grades."+format)
		if r := run(t, "export", "--lang", "ru", "--db", db, "--what", "grade-distribution", "--by-team",
			"--format", format, "--out", out); r.code != 0 {
			t.Fatalf("export %s: %d\n%s", format, r.code, r.stderr)
		}
		if info, err := os.Stat(out); err != nil || info.Size() < 2000 {
			t.Errorf("%s: %v", out, err)
		}
	}
	staff := filepath.Join(dir, "staff.csv")
	if r := run(t, "export", "--db", db, "--what", "staff", "--format", "csv", "--out", staff); r.code != 0 {
		t.Fatal(r.stderr)
	}
	rows := strings.Split(strings.TrimPrefix(string(readBytes(t, staff)), "\uFEFF"), "\r\n")
	name := strings.Split(rows[1], ";")[0]
	profile := filepath.Join(dir, "profile.xlsx")
	if r := run(t, "export", "--db", db, "--what", "competency-profile", "--staff", name, "--format", "xlsx",
		"--out", profile); r.code != 0 {
		t.Fatalf("profile of %s: %d\n%s", name, r.code, r.stderr)
	}
	if r := run(t, "export", "--db", db, "--what", "competency-profile", "--format", "png", "--out",
		filepath.Join(dir, "p.png")); r.code != 2 {
		t.Errorf("a profile without --staff: exit %d", r.code)
	}
	if r := run(t, "export", "--db", db, "--what", "competency-profile", "--staff", "Никто Никтович", "--format", "png",
		"--out", filepath.Join(dir, "p.png")); r.code != 2 {
		t.Errorf("a profile of nobody: exit %d", r.code)
	}
}
