package audit

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/table"
)

// The register on Monday 16 March 2026: "Отчёты клиентам" was reviewed on 15 March 2025
// every 12 months (due yesterday: overdue), "Согласования" on 16 March 2025 (due
// today: not overdue), "Старый" is archived. Анна and Борис are active, Вера on
// leave; Анна read "Согласования".
func procedureRegisterFixture(t *testing.T) (*data.Store, []data.ProcedureRow, []data.MissingAck) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "register.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s.SetClock(func() time.Time { return time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC) })
	t.Cleanup(func() { s.Close() })
	grades, err := s.Grades(ctx)
	if err != nil {
		t.Fatal(err)
	}
	person := func(name string, status data.StaffStatus) int64 {
		id, err := s.SaveStaff(ctx, data.Staff{FullName: name, GradeID: grades[0].ID, HireDate: data.Day(2020, 1, 1),
			FTE: 1, Status: status}, data.GradeChange{})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	anna, _ := person("Анна Акимова", data.StaffActive), person("Борис Быков", data.StaffActive)
	person("Вера Волкова", data.StaffOnLeave)
	procedure := func(title, area string, reviewed time.Time) int64 {
		id, err := s.SaveProcedure(ctx, data.Procedure{Title: title, Area: area, OwnerID: anna,
			Link: "https://wiki/" + area, LastReviewed: reviewed, ReviewMonths: 12})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	procedure("Отчёты клиентам", "reporting", data.Day(2025, 3, 15))
	approvals := procedure("Согласования", "approvals", data.Day(2025, 3, 16))
	old := procedure("Старый", "other", data.Day(2025, 1, 1))
	if err := s.AcknowledgeProcedure(ctx, approvals, []int64{anna}, data.Day(2026, 3, 1)); err != nil {
		t.Fatal(err)
	}
	if err := s.ArchiveProcedure(ctx, old, data.Day(2026, 3, 1)); err != nil {
		t.Fatal(err)
	}
	ps, err := s.Procedures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := s.MissingAcks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return s, ps, ms
}

func registerTableRows(t *testing.T, tb table.Table) [][]any {
	t.Helper()
	rows, err := tb.Collect()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestProceduresTable(t *testing.T) {
	_, ps, _ := procedureRegisterFixture(t)
	today := data.Day(2026, 3, 16)
	tb := ProceduresTable(ps, today, "ru")
	if tb.Name != "Регламенты" {
		t.Fatalf("name %q", tb.Name)
	}
	want := [][]any{
		{"Отчёты клиентам", "Отчётность", "Анна Акимова", int64(1), data.Day(2025, 3, 15), data.Day(2026, 3, 15), true,
			int64(0), int64(3), "https://wiki/reporting"},
		{"Согласования", "Согласования", "Анна Акимова", int64(1), data.Day(2025, 3, 16), data.Day(2026, 3, 16), false,
			int64(1), int64(3), "https://wiki/approvals"},
	}
	if got := registerTableRows(t, tb); !reflect.DeepEqual(got, want) {
		t.Fatalf("rows\n got %v\nwant %v", got, want)
	}
	// A day later the second is overdue too.
	if got := registerTableRows(t, ProceduresTable(ps, today.AddDate(0, 0, 1), "en")); got[1][6] != true || got[0][1] != "Reporting" {
		t.Fatalf("a day later: %v", got)
	}
}

func TestMissingAcksTable(t *testing.T) {
	_, _, ms := procedureRegisterFixture(t)
	tb := MissingAcksTable(ms, "en")
	want := [][]any{
		{"Отчёты клиентам", int64(1), "Анна Акимова"},
		{"Отчёты клиентам", int64(1), "Борис Быков"},
		{"Отчёты клиентам", int64(1), "Вера Волкова"},
		{"Согласования", int64(1), "Борис Быков"},
		{"Согласования", int64(1), "Вера Волкова"},
	}
	if got := registerTableRows(t, tb); !reflect.DeepEqual(got, want) {
		t.Fatalf("rows\n got %v\nwant %v", got, want)
	}
	if tb.Name != "Procedures not yet read" || len(tb.Columns) != 3 {
		t.Fatalf("table %q with %d columns", tb.Name, len(tb.Columns))
	}
}
