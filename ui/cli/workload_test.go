package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExportWorkloadTableAndChart(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "workload.csv")
	r := run(t, "export", "--db", db, "--what", "workload", "--format", "csv", "--out", out)
	if r.code != 0 {
		t.Fatalf("export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(readBytes(t, out)), "\uFEFF")), "\r\n")
	if !strings.HasPrefix(lines[0], "Manager;Grade;Team;FTE;Capacity, points;Load, points;Utilization, %") || len(lines) < 11 {
		t.Fatalf("workload table:\n%s", strings.Join(lines, "\n"))
	}
	for _, format := range []string{"png", "svg"} {
		out := filepath.Join(dir, "workload."+format)
		if r := run(t, "export", "--lang", "ru", "--db", db, "--what", "workload", "--by-tier", "--format", format,
			"--out", out); r.code != 0 {
			t.Fatalf("export %s: %d\n%s", format, r.code, r.stderr)
		}
		if info, err := os.Stat(out); err != nil || info.Size() < 1000 {
			t.Errorf("%s: %v", out, err)
		}
	}
	if svg := string(readBytes(t, filepath.Join(dir, "workload.svg"))); !strings.Contains(svg, "Клиенты категории A") {
		t.Error("the SVG has no legend of the categories")
	}
}

func TestExportWorkloadPlan(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "plan.xlsx")
	r := run(t, "export", "--db", db, "--what", "workload-plan", "--format", "xlsx", "--out", out)
	if r.code != 0 {
		t.Fatalf("export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(x.GetSheetName(0))
	if err != nil || len(rows) < 4 || rows[0][0] != "Client" {
		t.Fatalf("plan sheet %v, %v", rows, err)
	}
	last := rows[len(rows)-3:]
	if last[0][0] != "Highest utilization, %" || last[2][0] != "Spread, pp" {
		t.Errorf("the plan ends with %v, want the before and after figures", last)
	}
	if r := run(t, "export", "--db", db, "--what", "workload", "--format", "pdf", "--out", out); r.code != 2 {
		t.Errorf("a PDF workload: exit %d", r.code)
	}
}
