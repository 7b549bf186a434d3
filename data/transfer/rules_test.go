package transfer_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"leadboard/data"
	"leadboard/data/transfer"
)

// A log re-exported later from the CRM brings what happened since: a complaint that
// was open is now resolved and rated. The known entry takes the new values; blank
// cells keep the stored ones; importing it again changes nothing.
func TestLogEntriesTakeLaterValues(t *testing.T) {
	st, db := department(t)
	dir := t.TempDir()
	first := filepath.Join(dir, "log1.csv")
	writeFile(t, first, []byte("Дата;Клиент;Тип;Канал;Комментарий\n2026-03-05 11:00;ООО «Ромашка»;жалоба;звонок;Сорвали сроки\n"))
	if rep := mustImport(t, st, first, transfer.Interactions); rep.Added != 1 {
		t.Fatalf("first import: %s", describe(rep))
	}
	later := filepath.Join(dir, "log2.csv")
	writeFile(t, later, []byte("Дата;Клиент;Тип;Решено;Оценка;Комментарий\n2026-03-05 11:00;ООО «Ромашка»;жалоба;2026-03-06 09:30;4;\n"))
	if rep := mustImport(t, st, later, transfer.Interactions); rep.Updated != 1 || rep.Added != 0 {
		t.Fatalf("later import: %s", describe(rep))
	}
	got := query(t, db, `SELECT channel, resolved_at, satisfaction, notes FROM interactions WHERE occurred_at = '2026-03-05 11:00'`)
	if len(got) != 1 || got[0][0] != "call" || got[0][1] != "2026-03-06 09:30" || got[0][2] != "4" || got[0][3] != "Сорвали сроки" {
		t.Fatalf("stored %v", got)
	}
	before := dump(t, db)
	if rep := mustImport(t, st, later, transfer.Interactions); rep.Unchanged != 1 {
		t.Fatalf("third import: %s", describe(rep))
	}
	if dump(t, db) != before {
		t.Error("importing the same log again changed the database")
	}
}

// Two people of one name: a staff file cannot say which it means.
func TestStaffNamesakesAreAnError(t *testing.T) {
	st, db := department(t)
	for _, who := range []string{"Смирнов Илья Ильич", "Смирнов Илья Ильич"} {
		p := data.Staff{FullName: who, GradeID: 1, HireDate: data.Day(2024, 1, 1), FTE: 1, Status: data.StaffActive}
		if _, err := st.SaveStaff(ctx(), p, data.GradeChange{}); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "staff.csv")
	writeFile(t, path, []byte("ФИО;Грейд;Телефон\nСмирнов Илья Ильич;junior;+7 900 111-22-33\n"))
	before := dump(t, db)
	rep := importFile(t, st, path, transfer.Options{Kind: transfer.Staff})
	if len(rep.Errors) != 1 || rep.Errors[0].Code != "ambiguous_person" || rep.Errors[0].Row != 2 {
		t.Fatalf("report %s", describe(rep))
	}
	if dump(t, db) != before {
		t.Error("a namesake was updated")
	}
}

// A clients file without a manager column cannot make active clients: each row says
// which column it needs.
func TestActiveClientsNeedTheManagerColumn(t *testing.T) {
	st, _ := freshStore(t)
	path := filepath.Join(t.TempDir(), "clients.csv")
	writeFile(t, path, []byte("Клиент;Категория;Статус\nСеверный ветер;A;в работе\nЮжный берег;B;переговоры\n"))
	rep := importFile(t, st, path, transfer.Options{Kind: transfer.Clients})
	if len(rep.Errors) != 1 || rep.Errors[0].Code != transfer.CodeColumnNeeded || rep.Errors[0].Row != 2 ||
		rep.Errors[0].Params["Column"] != "manager" {
		t.Fatalf("report %s", describe(rep))
	}
	msg := rep.Errors[0].Describe(transfer.Clients, "ru", func(key string, p map[string]any) string {
		return key + fmtParams(p)
	})
	if !strings.Contains(msg, "Менеджер") {
		t.Errorf("the message does not name the column: %q", msg)
	}
}

func fmtParams(p map[string]any) string {
	var b strings.Builder
	for k, v := range p {
		b.WriteString(" " + k + "=")
		if s, ok := v.(string); ok {
			b.WriteString(s)
		}
	}
	return b.String()
}

// An assignments file cannot give a lost client someone serving it now.
func TestNoOpenPeriodForALostClient(t *testing.T) {
	st, db := department(t)
	rows, err := st.ListClients(ctx(), data.ClientFilter{Search: "Колос"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("client %v %v", rows, err)
	}
	if err := st.ArchiveClient(ctx(), rows[0].ID, data.Day(2026, 3, 1), "Ушли к конкуренту"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "a.csv")
	writeFile(t, path, []byte("Клиент;Менеджер;Роль;С\nПекарня «Колос»;Кузнецов О. И.;замещающий;2026-03-02\n"))
	before := dump(t, db)
	rep := importFile(t, st, path, transfer.Options{Kind: transfer.Assignments})
	if len(rep.Errors) != 1 || rep.Errors[0].Code != "client_closed" {
		t.Fatalf("report %s", describe(rep))
	}
	if dump(t, db) != before {
		t.Error("the refused file changed the database")
	}
}

func ctx() context.Context { return context.Background() }
