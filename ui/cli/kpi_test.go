package cli_test

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"leadboard/data"
	"leadboard/data/kpi"
)

// KPI exports and imports, through the built binary, on a demo database whose data
// ends on 30 June 2026.

// openRead opens the database the way the app reads it (the tests write no SQL).
func openRead(t *testing.T, db string) *data.Store {
	t.Helper()
	st, err := data.Open(db, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// managerNames are two managers who led clients in June 2026.
func managerNames(t *testing.T, db string) []string {
	t.Helper()
	june := data.MonthFor(2026, time.June)
	managers, err := kpi.ManagersLeading(context.Background(), openRead(t, db), june, june)
	if err != nil || len(managers) < 2 {
		t.Fatalf("managers %v, %v", managers, err)
	}
	return []string{managers[0].Name, managers[1].Name}
}

// activeClient is the first active client by name.
func activeClient(t *testing.T, db string) data.ClientRow {
	t.Helper()
	rows, err := openRead(t, db).ListClients(context.Background(),
		data.ClientFilter{Statuses: []data.ClientStatus{data.ClientActive}})
	if err != nil || len(rows) == 0 {
		t.Fatalf("clients %v, %v", rows, err)
	}
	return rows[0]
}

func TestExportKPITrendChartPNGAndSVG(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "retention.png")
	r := run(t, "export", "--db", db, "--what", "kpi-trend", "--kpi", "retention", "--from", "2025-07", "--to", "2026-06",
		"--average", "--format", "png", "--out", out)
	if r.code != 0 {
		t.Fatalf("export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil || img.Bounds().Dx() != 1600 || img.Bounds().Dy() != 900 {
		t.Fatalf("PNG %v, %v: want a 1600x900 slide", img.Bounds(), err)
	}

	out = filepath.Join(dir, "sla.svg")
	r = run(t, "export", "--lang", "ru", "--db", db, "--what", "kpi-trend", "--kpi", "response_sla", "--level", "manager",
		"--entity", managerNames(t, db)[0], "--entity", managerNames(t, db)[1], "--from", "2025-07", "--to", "2026-06",
		"--format", "svg", "--out", out, "--width", "1200", "--height", "675")
	if r.code != 0 {
		t.Fatalf("export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	svg := string(readBytes(t, out))
	// Managers have targets for responses within SLA: dashed lines.
	for _, want := range []string{"Ответы в срок", "июн 2026", managerNames(t, db)[0], "цель", "stroke-dasharray"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG has no %q", want)
		}
	}
}

func TestExportKPITableCSVAndRankingXLSX(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "complaints.csv")
	r := run(t, "export", "--db", db, "--what", "kpi-trend", "--kpi", "complaints", "--from", "2026-01", "--to", "2026-06",
		"--granularity", "quarter", "--format", "csv", "--out", out)
	if r.code != 0 {
		t.Fatalf("export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(readBytes(t, out)), "\uFEFF")), "\r\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "Period;KPI;Who;Unit;Value;Target;Attainment") ||
		!strings.HasPrefix(lines[1], "Q1 2026;Complaints and escalations;Department;") {
		t.Fatalf("quarterly table:\n%s", strings.Join(lines, "\n"))
	}

	out = filepath.Join(dir, "ranking.xlsx")
	r = run(t, "export", "--db", db, "--what", "kpi-ranking", "--kpi", "response_sla", "--level", "manager",
		"--period", "2026-06", "--format", "xlsx", "--out", out)
	if r.code != 0 {
		t.Fatalf("export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(x.GetSheetName(0))
	if err != nil || len(rows) < 5 || rows[0][0] != "Place" || rows[1][0] != "1" {
		t.Fatalf("ranking sheet %v, %v", rows, err)
	}
}

func TestExportKPIErrorsSayWhatToFix(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "x.png")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--kpi", "nope"}, "retention"}, // the list of codes follows
		{[]string{"--kpi", "retention", "--kpi", "budget"}, "share a unit"},
		{[]string{"--kpi", "retention", "--level", "manager", "--entity", "Никто Никакой"}, "Никто Никакой"},
		{[]string{"--kpi", "retention", "--from", "2026-13"}, "not a month"},
		{[]string{"--kpi", "clients_per_manager", "--level", "client"}, "not measured at this level"},
	} {
		args := append([]string{"export", "--db", db, "--what", "kpi-trend", "--format", "png", "--out", out}, c.args...)
		r := run(t, args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, r.code, r.stderr, c.want)
		}
	}
	if r := run(t, "export", "--db", db, "--what", "kpi-trend", "--format", "png", "--out", out); r.code != 2 ||
		!strings.Contains(r.stderr, "--kpi") {
		t.Errorf("no --kpi: exit %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused export wrote a file")
	}
}

func TestImportKPIValuesAndTargets(t *testing.T) {
	db := demoDB(t)
	row := activeClient(t, db)
	client := row.Name
	src := writeTemp(t, "kpi.csv", []byte("Показатель;Месяц;Клиент;Менеджер;Значение;Цель\n"+
		"Заявки;июль 2026;"+client+";;125;150\n"+
		"Удержание клиентов;07.2026;;;;98,5\n"+
		"Заявки;08.2026;;;40;\n"+ // a client KPI's value needs the client
		"Удержание клиентов;08.2026;;;97;\n"+ // derived: computed, not typed
		"Охват;2026-08;Нет такого;;10;\n"+
		"Неизвестный;2026-08;;;1;\n"))
	r := run(t, "import", "--db", db, "--kind", "kpi", src)
	if r.code != 2 {
		t.Fatalf("bad rows accepted: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"row 4", "row 5", "row 6", "row 7"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("no error for %s:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "row 2,") || strings.Contains(r.stderr, "row 3,") {
		t.Errorf("good rows reported:\n%s", r.stderr)
	}
	good := writeTemp(t, "good.csv", []byte("Показатель;Месяц;Клиент;Значение;Цель\n"+
		"Заявки;июль 2026;"+client+";125;150\n"+
		"retention;07.2026;;;98,5\n"))
	if r := run(t, "import", "--db", db, "--kind", "kpi", good); r.code != 0 || !strings.Contains(r.stdout, "added 2") {
		t.Fatalf("import: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "import", "--db", db, "--kind", "kpi", good); r.code != 0 || !strings.Contains(r.stdout, "unchanged 2") {
		t.Errorf("second import: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	grid, err := openRead(t, db).KPIGrid(context.Background(), data.LevelClient, row.ID, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var leads data.KPI
	for _, k := range grid.KPIs {
		if k.Code == "leads" {
			leads = k
		}
	}
	july := grid.Cell(leads.ID, 7)
	if july.Value == nil || *july.Value != 125 || july.Target == nil || *july.Target != 150 {
		t.Errorf("July stored as %+v, want the value 125 and the target 150", july)
	}
}
