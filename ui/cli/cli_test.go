package cli_test

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// The command line is tested through the built binary, as scripts use it.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "leadboard-cli-test-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "leadboard")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", binary, "leadboard")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building the binary:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), "LANG=en_US.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errOut.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
		t.Fatalf("leadboard %v panicked:\n%s", args, r.stderr)
	}
	return r
}

func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if r := run(t, "demo", "--db", path, "--seed", "3", "--as-of", "2026-06-30"); r.code != 0 {
		t.Fatalf("demo: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	return path
}

func TestVersion(t *testing.T) {
	r := run(t, "version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "leadboard ") || !strings.Contains(r.stdout, "schema") {
		t.Errorf("version: %d %q", r.code, r.stdout)
	}
}

func TestDemoThenCheckJSON(t *testing.T) {
	path := demoDB(t)
	r := run(t, "check", "--db", path, "--json")
	if r.code != 0 {
		t.Fatalf("check: %d %s %s", r.code, r.stdout, r.stderr)
	}
	var report map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if report["healthy"] != true {
		t.Errorf("not healthy: %v", report)
	}
	for key, min := range map[string]float64{"staff": 10, "clients": 50, "contacts": 50, "contracts": 50,
		"assignments": 50, "interactions": 1000, "grade_levels": 4, "kpis": 29, "kpi_values": 5000, "kpi_targets": 100} {
		n, ok := report[key].(float64)
		if !ok || n < min {
			t.Errorf("%s = %v, want at least %v", key, report[key], min)
		}
	}
}

func TestDemoIsDeterministic(t *testing.T) {
	a, b := demoDB(t), demoDB(t)
	ra, rb := run(t, "check", "--db", a, "--json"), run(t, "check", "--db", b, "--json")
	strip := func(s string) string { // the path differs, the counts must not
		var m map[string]any
		json.Unmarshal([]byte(s), &m)
		delete(m, "path")
		out, _ := json.Marshal(m)
		return string(out)
	}
	if strip(ra.stdout) != strip(rb.stdout) {
		t.Errorf("same seed, different data:\n%s\n%s", ra.stdout, rb.stdout)
	}
}

func TestCheckInRussian(t *testing.T) {
	path := demoDB(t)
	r := run(t, "check", "--db", path, "--lang", "ru")
	if r.code != 0 || !strings.Contains(r.stdout, "Сотрудники") || !strings.Contains(r.stdout, "ошибок нет") {
		t.Errorf("check --lang ru: %d\n%s", r.code, r.stdout)
	}
}

func TestDemoRefusesADatabaseWithData(t *testing.T) {
	path := demoDB(t)
	before, _ := os.ReadFile(path)
	r := run(t, "demo", "--db", path)
	if r.code == 0 || !strings.Contains(r.stderr, "already holds") {
		t.Errorf("demo into a full database: %d %q", r.code, r.stderr)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the database was changed")
	}
}

func TestGarbageFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "garbage.db")
	content := []byte("Иванов,Петров,Сидоров\nэто таблица, а не база\n")
	os.WriteFile(path, content, 0o644)
	r := run(t, "check", "--db", path)
	if r.code != 3 || !strings.Contains(r.stderr, "not a Leadboard database") || !strings.Contains(r.stderr, path) {
		t.Errorf("check garbage: %d %q", r.code, r.stderr)
	}
	r = run(t, "check", "--db", path, "--json")
	var out map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || out["problem"] != "not_database" || out["healthy"] != false {
		t.Errorf("check --json garbage: %d %q %v", r.code, r.stdout, err)
	}
	r = run(t, "demo", "--db", path)
	if r.code != 3 {
		t.Errorf("demo into garbage: %d %q", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, content) {
		t.Error("the garbage file was changed")
	}
}

func TestMissingFileIsNotCreatedByCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nothing.db")
	r := run(t, "check", "--db", path)
	if r.code != 3 || !strings.Contains(r.stderr, "does not exist") {
		t.Errorf("check missing: %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("check created the file")
	}
}

func TestNewerDatabase(t *testing.T) {
	path := demoDB(t)
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	r := run(t, "check", "--db", path)
	if r.code != 3 || !strings.Contains(r.stderr, "newer version") {
		t.Errorf("check newer: %d %q", r.code, r.stderr)
	}
}

func TestDamagedDatabase(t *testing.T) {
	path := demoDB(t)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(bytes.Repeat([]byte{0xA5}, 4000), 100) // page 1 after the header: the schema
	f.Close()
	r := run(t, "check", "--db", path)
	if r.code == 0 || !strings.Contains(r.stderr+r.stdout, path) {
		t.Errorf("check damaged: %d %q %q", r.code, r.stdout, r.stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"check"},
		{"check", "--db"},
		{"demo", "--db", filepath.Join(t.TempDir(), "x.db"), "--scale", "huge"},
		{"demo", "--db", filepath.Join(t.TempDir(), "y.db"), "--as-of", "вчера"},
		{"--lang", "de"},
		{"check", "--db", "x.db", "extra"},
	} {
		if r := run(t, args...); r.code != 2 || r.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	for _, help := range []string{"help", "--help", "-h"} {
		if r := run(t, help); r.code != 0 || !strings.Contains(r.stdout, "leadboard check") {
			t.Errorf("%s: %d %q", help, r.code, r.stdout)
		}
	}
}
