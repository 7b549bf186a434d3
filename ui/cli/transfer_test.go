package cli_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// The import and export subcommands, through the built binary.

// staffCSV is a staff list as Russian Excel saves it: Windows-1251, ';', CRLF.
const staffCSV = "ФИО;Должность;Грейд;Дата найма;Ставка;Статус\r\n" +
	"Иванов Иван Петрович;Старший аккаунт-менеджер;старший;15.03.2021;1;работает\r\n" +
	"Петрова Мария Сергеевна;Аккаунт-менеджер;мидл;01.09.22;0,5;в штате\r\n" +
	"Сидоров Алексей Викторович;Руководитель группы;руководитель;01.02.2019;1;активен\r\n"

// clientsCSV has a note a spreadsheet would run as a formula and one that starts with
// a minus.
const clientsCSV = "Клиент;Категория;Статус;Бюджет в месяц;Дата начала;Менеджер;Заметки\n" +
	"ООО «Ромашка»;А;активный;1 250 000,00 ₽;01.02.2024;Иванов И.П.;\"=1+1\"\n" +
	"Пекарня «Колос»;B;на паузе;350 000;15.06.2023;Петрова Мария;-5\n"

// badClientsCSV has two bad rows among good ones.
const badClientsCSV = "Клиент;Категория;Статус;Бюджет в месяц;Дата начала;Менеджер\n" +
	"Клиент 1;A;активный;100 000;01.03.2024;Сидоров А.В.\n" +
	"Клиент 2;A;активный;100 000;01.03.2024;Смирнов А.А.\n" +
	"Клиент 3;A;активный;100 000;31.02.2024;Сидоров А.В.\n" +
	"Клиент 4;A;активный;100 000;01.03.2024;Сидоров А.В.\n"

func writeTemp(t *testing.T, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func cp1251(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// department makes a database with the staff and clients above, through the CLI.
func department(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "new", "folder", "dept.db")
	staff := writeTemp(t, "staff.csv", cp1251(t, staffCSV))
	r := run(t, "import", "--db", db, "--kind", "staff", staff)
	if r.code != 0 || !strings.Contains(r.stdout, "added 3") || !strings.Contains(r.stdout, "windows-1251") {
		t.Fatalf("import staff: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	clients := writeTemp(t, "clients.csv", []byte(clientsCSV))
	if r := run(t, "import", "--db", db, "--kind", "clients", clients); r.code != 0 || !strings.Contains(r.stdout, "added 2") {
		t.Fatalf("import clients: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	return db
}

func TestImportCreatesTheDatabase(t *testing.T) {
	db := department(t)
	r := run(t, "check", "--db", db, "--json")
	var report map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil || r.code != 0 {
		t.Fatalf("check: %d %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	if report["healthy"] != true || report["staff"] != 3.0 || report["clients"] != 2.0 {
		t.Errorf("check after import: %v", report)
	}
	// The same files again: nothing changes.
	before := readBytes(t, db)
	staff := writeTemp(t, "staff.csv", cp1251(t, staffCSV))
	if r := run(t, "import", "--db", db, "--kind", "staff", staff); r.code != 0 || !strings.Contains(r.stdout, "unchanged 3") {
		t.Errorf("import again: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !bytes.Equal(before, readBytes(t, db)) {
		t.Error("importing the same file again changed the database file")
	}
}

var rowLine = regexp.MustCompile(`^row (\d+), column «([^»]*)», value «([^»]*)»: (.+)$`)

func TestImportBadFile(t *testing.T) {
	db := department(t)
	before := readBytes(t, db)
	bad := writeTemp(t, "bad.csv", []byte(badClientsCSV))
	r := run(t, "import", "--db", db, "--kind", "clients", bad)
	if r.code != 2 {
		t.Fatalf("bad file: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if m := rowLine.FindStringSubmatch(l); m != nil {
			lines = append(lines, l)
		}
	}
	want := []string{
		"row 3, column «Менеджер», value «Смирнов А.А.»: No one in the staff has this name",
		"row 4, column «Дата начала», value «31.02.2024»: Enter a date like 2026-03-31",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant the lines:\n%s", r.stderr, strings.Join(want, "\n"))
	}
	if strings.Contains(r.stderr, "<no value>") || r.stdout != "" {
		t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
	}
	if !bytes.Equal(before, readBytes(t, db)) {
		t.Error("a refused import changed the database file")
	}

	// In Russian.
	r = run(t, "import", "--lang", "ru", "--db", db, "--kind", "clients", bad)
	if r.code != 2 || strings.Contains(r.stderr, "err.") || !strings.Contains(r.stderr,
		"строка 3, столбец «Менеджер», значение «Смирнов А.А.»: Среди сотрудников") ||
		!strings.Contains(r.stderr, "строка 4, столбец «Дата начала», значение «31.02.2024»: Введите дату в виде 31.03.2026") {
		t.Errorf("--lang ru: exit %d\n%s", r.code, r.stderr)
	}
	if !bytes.Equal(before, readBytes(t, db)) {
		t.Error("a refused import changed the database file")
	}

	// Files that are no table at all, and a missing one.
	for name, content := range map[string][]byte{
		"empty.csv":  {},
		"blank.csv":  []byte("\n \n;;\n"),
		"binary.csv": append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 0xff}, 100)...),
	} {
		path := writeTemp(t, name, content)
		r := run(t, "import", "--db", db, "--kind", "staff", path)
		if r.code != 2 || !strings.Contains(r.stderr, path) {
			t.Errorf("%s: exit %d %q", name, r.code, r.stderr)
		}
	}
	missing := filepath.Join(t.TempDir(), "nothing.csv")
	if r := run(t, "import", "--db", db, "--kind", "staff", missing); r.code != 2 || !strings.Contains(r.stderr, "does not exist") {
		t.Errorf("missing file: exit %d %q", r.code, r.stderr)
	}
	// A header only imports nothing, without error.
	header := writeTemp(t, "header.csv", []byte("Клиент;Менеджер\n"))
	if r := run(t, "import", "--db", db, "--kind", "clients", header); r.code != 0 || !strings.Contains(r.stdout, "0 rows") {
		t.Errorf("header only: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !bytes.Equal(before, readBytes(t, db)) {
		t.Error("refused files changed the database file")
	}
}

func TestImportDryRun(t *testing.T) {
	db := department(t)
	before := readBytes(t, db)
	path := writeTemp(t, "new.csv", []byte("Клиент;Статус;Дата начала;Менеджер\nНовый;активный;01.03.2026;Сидоров А.В.\n"))
	r := run(t, "import", "--db", db, "--kind", "clients", "--dry-run", path)
	if r.code != 0 || !strings.Contains(r.stdout, "nothing written") || !strings.Contains(r.stdout, "would add 1") {
		t.Errorf("dry run: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !bytes.Equal(before, readBytes(t, db)) {
		t.Error("a dry run changed the database file")
	}
	// A dry run of a bad file fails like the import would.
	bad := writeTemp(t, "bad.csv", []byte(badClientsCSV))
	if r := run(t, "import", "--db", db, "--kind", "clients", "--dry-run", bad); r.code != 2 {
		t.Errorf("dry run of a bad file: exit %d", r.code)
	}
}

func TestImportLeavesNoDatabaseItDidNotFill(t *testing.T) {
	dir := t.TempDir()
	good := writeTemp(t, "staff.csv", cp1251(t, staffCSV))
	bad := writeTemp(t, "bad.csv", []byte(badClientsCSV))
	for name, args := range map[string][]string{
		"dry run":      {"--kind", "staff", "--dry-run", good},
		"bad rows":     {"--kind", "clients", bad},
		"no such file": {"--kind", "staff", filepath.Join(dir, "nothing.csv")},
	} {
		db := filepath.Join(dir, "new.db")
		r := run(t, append([]string{"import", "--db", db}, args...)...)
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s (exit %d): left %v", name, r.code, entries)
		}
	}
}

func TestExportCSV(t *testing.T) {
	db := department(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "clients.csv")
	r := run(t, "export", "--db", db, "--what", "clients", "--format", "csv", "--out", out)
	if r.code != 0 {
		t.Fatalf("export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	raw := string(readBytes(t, out))
	if !strings.HasPrefix(raw, "\uFEFFClient;Industry;Category;Status;Budget per month;") {
		t.Errorf("no BOM, or not ';' with English headers: %q", raw[:min(80, len(raw))])
	}
	lines := strings.Split(raw, "\r\n")
	if len(lines) != 4 || lines[3] != "" {
		t.Fatalf("want a header, two rows and CRLF line ends: %q", raw)
	}
	// Text that a spreadsheet would run is quoted; "-5" is text here, so it is too.
	if !strings.Contains(lines[1], ";'=1+1") || !strings.Contains(lines[2], ";'-5") {
		t.Errorf("formulas not neutralised:\n%s", raw)
	}
	if !strings.Contains(lines[1], ";1250000;") || !strings.Contains(lines[1], ";2024-02-01;") {
		t.Errorf("numbers or dates:\n%s", lines[1])
	}
	// The export imports back unchanged.
	before := readBytes(t, db)
	if r := run(t, "import", "--db", db, "--kind", "clients", out); r.code != 0 || !strings.Contains(r.stdout, "unchanged 2") {
		t.Errorf("import of the export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !bytes.Equal(before, readBytes(t, db)) {
		t.Error("importing the export changed the database file")
	}

	// Russian, with ','.
	out = filepath.Join(dir, "staff.csv")
	r = run(t, "export", "--lang", "ru", "--db", db, "--what", "staff", "--format", "csv", "--out", out, "--delimiter", ",")
	if r.code != 0 {
		t.Fatalf("export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	raw = string(readBytes(t, out))
	if !strings.HasPrefix(raw, "\uFEFFФИО,Должность,Грейд,Команда,Дата найма,Ставка,") ||
		!strings.Contains(raw, "Петрова Мария Сергеевна,Аккаунт-менеджер,Аккаунт-менеджер,,01.09.2022,0.5,") {
		t.Errorf("--delimiter , --lang ru:\n%s", raw)
	}
}

func TestExportXLSX(t *testing.T) {
	db := department(t)
	out := filepath.Join(t.TempDir(), "clients.xlsx")
	if r := run(t, "export", "--db", db, "--what", "clients", "--format", "xlsx", "--out", out); r.code != 0 {
		t.Fatalf("export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil || len(rows) != 3 || rows[0][0] != "Client" {
		t.Fatalf("rows %q %v", rows, err)
	}
	if formula, _ := f.GetCellFormula(f.GetSheetName(0), "M2"); formula != "" {
		t.Errorf("a text became a formula: %q", formula)
	}
}

func TestExportFailures(t *testing.T) {
	db := department(t)
	dir := t.TempDir()
	file := writeTemp(t, "file.txt", []byte("x"))
	targets := []string{
		filepath.Join(dir, "no", "such", "folder", "out.csv"),
		filepath.Join(file, "out.csv"), // a file where the folder should be
	}
	if os.Getuid() != 0 { // root writes into read-only folders
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		targets = append(targets, filepath.Join(ro, "out.csv"))
	}
	for _, out := range targets {
		for _, format := range []string{"csv", "xlsx"} {
			r := run(t, "export", "--db", db, "--what", "interactions", "--format", format, "--out", out)
			if r.code == 0 || r.stderr == "" {
				t.Errorf("export to %s: exit %d %q", out, r.code, r.stderr)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) && !errors.Is(err, syscallENOTDIR()) {
				t.Errorf("export to %s left a file: %v", out, err)
			}
		}
	}
	if left, _ := os.ReadDir(dir); len(left) > 1 {
		t.Errorf("left behind in %s: %v", dir, left)
	}
	// A database that does not exist is not created by an export.
	missing := filepath.Join(dir, "missing.db")
	if r := run(t, "export", "--db", missing, "--what", "staff", "--format", "csv", "--out", filepath.Join(dir, "s.csv")); r.code != 3 {
		t.Errorf("export from a missing database: exit %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Error("export created the database")
	}
}

// feedbackCSV is the departments' feedback on the people of staffCSV.
const feedbackCSV = "Менеджер;Отдел;Дата;Автор;Передача задач;Ясность брифов;Соблюдение сроков;Коммуникация;Комментарий\n" +
	"Иванов И.П.;закупка рекламы;02.03.2025;Олег Смирнов;4;5;3;5;Брифы полные\n" +
	"Петрова Мария;Креатив;10.03.2025;;2;;;;\"Сроки срываются; просим раньше\"\n"

func TestFeedbackImportExport(t *testing.T) {
	db := department(t)
	src := writeTemp(t, "feedback.csv", []byte(feedbackCSV))
	if r := run(t, "import", "--db", db, "--kind", "feedback", src); r.code != 0 || !strings.Contains(r.stdout, "added 2") {
		t.Fatalf("import feedback: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// A department the list lacks is an error of its row; nothing is written.
	before := readBytes(t, db)
	bad := writeTemp(t, "bad.csv", []byte("Менеджер;Отдел;Дата;Коммуникация\n"+
		"Сидоров А.В.;Аналитика;01.04.2025;4\n"+
		"Сидоров А.В.;Юридический;01.04.2025;4\n"))
	r := run(t, "import", "--db", db, "--kind", "feedback", bad)
	if r.code != 2 || !strings.Contains(r.stderr, "row 3, column «Отдел», value «Юридический»: No department") ||
		strings.Contains(r.stderr, "err.") {
		t.Errorf("unknown department: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !bytes.Equal(before, readBytes(t, db)) {
		t.Error("a refused import changed the database file")
	}

	out := filepath.Join(t.TempDir(), "feedback.csv")
	if r := run(t, "export", "--db", db, "--what", "feedback", "--format", "csv", "--out", out); r.code != 0 {
		t.Fatalf("export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	raw := string(readBytes(t, out))
	want := "\uFEFFManager;Department;Date;Author;Handoff quality;Clarity of briefs;Deadline discipline;Communication;Comment\r\n" +
		"Иванов Иван Петрович;Закупка рекламы;2025-03-02;Олег Смирнов;4;5;3;5;Брифы полные\r\n" +
		"Петрова Мария Сергеевна;Креатив;2025-03-10;;2;;;;\"Сроки срываются; просим раньше\"\r\n"
	if raw != want {
		t.Errorf("export:\n%q\nwant\n%q", raw, want)
	}
	if r := run(t, "import", "--db", db, "--kind", "feedback", out); r.code != 0 || !strings.Contains(r.stdout, "unchanged 2") {
		t.Errorf("import of the export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !bytes.Equal(before, readBytes(t, db)) {
		t.Error("importing the export changed the database file")
	}

	// In Russian, as a workbook.
	xlsx := filepath.Join(t.TempDir(), "отзывы.xlsx")
	if r := run(t, "export", "--lang", "ru", "--db", db, "--what", "feedback", "--format", "xlsx", "--out", xlsx); r.code != 0 {
		t.Fatalf("export xlsx: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil || len(rows) != 3 || strings.Join(rows[0], ";") !=
		"Менеджер;Отдел;Дата;Автор;Передача задач;Ясность брифов;Соблюдение сроков;Общение;Комментарий" {
		t.Fatalf("rows %q %v", rows, err)
	}
	if r := run(t, "import", "--db", db, "--kind", "feedback", xlsx); r.code != 0 || !strings.Contains(r.stdout, "unchanged 2") {
		t.Errorf("import of the workbook: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestTransferUsageErrors(t *testing.T) {
	db := department(t)
	src := writeTemp(t, "s.csv", cp1251(t, staffCSV))
	out := filepath.Join(t.TempDir(), "x.csv")
	for _, args := range [][]string{
		{"import", "--db", db, "--kind", "budgets", src},
		{"import", "--db", db, "--kind", "", src},
		{"import", "--db", db, src},
		{"import", "--kind", "staff", src},
		{"import", "--db", db, "--kind", "staff"},
		{"import", "--db", db, "--kind", "staff", src, src},
		{"export", "--db", db, "--what", "people", "--format", "csv", "--out", out},
		{"export", "--db", db, "--format", "csv", "--out", out},
		{"export", "--db", db, "--what", "staff", "--format", "pdf", "--out", out},
		{"export", "--db", db, "--what", "staff", "--format", "csv"},
		{"export", "--db", db, "--what", "staff", "--format", "csv", "--out", out, "--delimiter", ";;"},
	} {
		if r := run(t, args...); r.code != 2 || r.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	r := run(t, "import", "--db", db, "--kind", "budgets", src)
	if !strings.Contains(r.stderr, "budgets") || !strings.Contains(r.stderr, "interactions") {
		t.Errorf("unknown kind: %q", r.stderr)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Error("a usage error wrote a file")
	}
}

// syscallENOTDIR is the error of a path through a file.
func syscallENOTDIR() error { return syscall.ENOTDIR }
