package transfer_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"leadboard/data"
	"leadboard/data/transfer"
)

// TestNaturalKeysIgnoreSpacing: a record named with other spaces (doubled, no-break,
// around) is the same record: nothing changes.
func TestNaturalKeysIgnoreSpacing(t *testing.T) {
	st, db := department(t)
	dir := t.TempDir()
	before := dump(t, db)
	for _, c := range []struct {
		kind transfer.Kind
		text string
	}{
		{transfer.Staff, "ФИО;Грейд\nИванов  Иван Петрович;старший\n Иванов\u00a0Игорь Павлович ;мидл\n"},
		{transfer.Clients, "Клиент;Категория\nООО  «Ромашка»;A\nПекарня\u00a0«Колос»;B\n"},
		{transfer.Contacts, "Клиент;Контакт;ЛПР\nООО «Ромашка»;Смирнова  Ольга;ЛПР\n"},
		{transfer.Contracts, "Клиент;Номер;Дата начала\nООО «Ромашка»; Д-2024/01 ;01.02.2024\n"},
		{transfer.Assignments, "Клиент;Менеджер;Роль;С;По\nООО  «Ромашка»;Кузнецов  О. И.;lead;2024-02-01;2024-05-31\n"},
		{transfer.Interactions, "Дата;Клиент;Тип\n2026-03-02 10:15;ООО\u00a0«Ромашка»;request\n"},
	} {
		path := filepath.Join(dir, string(c.kind)+".csv")
		writeFile(t, path, []byte(c.text))
		rep := mustImport(t, st, path, c.kind)
		if rep.Added+rep.Updated != 0 {
			t.Errorf("%s: %s", c.kind, describe(rep))
		}
	}
	if after := dump(t, db); after != before {
		t.Errorf("the same records with other spaces changed the database:\n%s", firstDiff(before, after))
	}
}

// TestNaturalKeysIgnoreCase: a record named in another case is the same record:
// nothing is added (the people and client lists keep their sizes).
func TestNaturalKeysIgnoreCase(t *testing.T) {
	st, db := department(t)
	dir := t.TempDir()
	tables := []string{"staff", "clients", "contacts", "contracts", "assignments", "interactions"}
	counts := map[string]int{}
	for _, tbl := range tables {
		counts[tbl] = count(t, db, tbl)
	}
	for _, c := range []struct {
		kind transfer.Kind
		text string
	}{
		{transfer.Staff, "ФИО;Грейд\nИВАНОВ ИГОРЬ ПАВЛОВИЧ;мидл\n"},
		{transfer.Clients, "Клиент;Категория\nпекарня «колос»;B\n"},
		{transfer.Contacts, "Клиент;Контакт;ЛПР\nооо «ромашка»;смирнова ольга;ЛПР\n"},
		{transfer.Assignments, "Клиент;Менеджер;Роль;С;По\nооо «ромашка»;КУЗНЕЦОВ О.И.;lead;2024-02-01;2024-05-31\n"},
		{transfer.Interactions, "Дата;Клиент;Тип\n2026-03-02 10:15;ООО «РОМАШКА»;REQUEST\n"},
	} {
		path := filepath.Join(dir, string(c.kind)+".csv")
		writeFile(t, path, []byte(c.text))
		if rep := mustImport(t, st, path, c.kind); rep.Added != 0 {
			t.Errorf("%s: %s", c.kind, describe(rep))
		}
	}
	for _, tbl := range tables {
		if n := count(t, db, tbl); n != counts[tbl] {
			t.Errorf("%s: %d rows, %d before", tbl, n, counts[tbl])
		}
	}
}

// TestRepeatedInFile: the same record twice in one file is an error at its second row
// for every kind, whether the record is new or already in the database.
func TestRepeatedInFile(t *testing.T) {
	st, db := department(t)
	dir := t.TempDir()
	before := dump(t, db)
	for _, c := range []struct {
		kind transfer.Kind
		text string
		want string
	}{
		{transfer.Staff, "ФИО;Грейд\nНовиков Илья;младший\nНовиков Илья;младший\n",
			`row 3, column ФИО, value "Новиков Илья": repeated_in_file`},
		{transfer.Staff, "ФИО;Грейд\nСидоров Алексей Викторович;руководитель\nсидоров алексей викторович;руководитель\n",
			`row 3, column ФИО, value "сидоров алексей викторович": repeated_in_file`},
		{transfer.Contacts, "Клиент;Контакт\nООО «Ромашка»;Новиков Илья\nООО «Ромашка»;новиков илья\n",
			`row 3, column Контакт, value "новиков илья": repeated_in_file`},
		{transfer.Contracts, "Клиент;Номер;Дата начала\nООО «Ромашка»;Н-1;01.03.2026\nООО «Ромашка»;Н-1;01.03.2026\n",
			`row 3, column Номер, value "Н-1": repeated_in_file`},
		{transfer.Assignments, "Клиент;Менеджер;Роль;С;По\n" +
			"Пекарня «Колос»;Петрова Мария;Замещающий;01.03.2025;31.03.2025\n" +
			"Пекарня «Колос»;Петрова Мария;Замещающий;01.03.2025;31.03.2025\n",
			`row 3, column С, value "01.03.2025": repeated_in_file`},
		{transfer.Interactions, "Дата;Клиент;Тип\n2026-03-20 10:00;ООО «Ромашка»;запрос\n20.03.2026 10:00;ООО «Ромашка»;Request\n",
			`row 3, column Дата, value "20.03.2026 10:00": repeated_in_file`},
	} {
		path := filepath.Join(dir, string(c.kind)+".csv")
		writeFile(t, path, []byte(c.text))
		rep := importFile(t, st, path, transfer.Options{Kind: c.kind})
		wantErrors(t, rep, c.want)
	}
	if after := dump(t, db); after != before {
		t.Errorf("a refused file changed the database:\n%s", firstDiff(before, after))
	}
}

// TestUpdates: a row for an existing record changes only the cells it fills; a
// grade change is logged with the file's name.
func TestUpdates(t *testing.T) {
	st, db := department(t)
	path := filepath.Join(t.TempDir(), "повышение.csv")
	writeFile(t, path, []byte("ФИО;Грейд;Должность;Телефон\nИванов Игорь Павлович;Старший;;+7 999 000-00-00\n"))
	rep := mustImport(t, st, path, transfer.Staff)
	if rep.Updated != 1 {
		t.Errorf("update: %s", describe(rep))
	}
	wantRows(t, "staff", query(t, db, `SELECT s.position, g.code, s.phone, s.fte FROM staff s
		JOIN grade_levels g ON g.id = s.grade_id WHERE s.full_name = 'Иванов Игорь Павлович'`),
		"Аккаунт-менеджер | senior | +7 999 000-00-00 | 0.5")
	hist := query(t, db, `SELECT h.changed_on, h.reason FROM grade_history h JOIN staff s ON s.id = h.staff_id
		WHERE s.full_name = 'Иванов Игорь Павлович' ORDER BY h.id`)
	if len(hist) != 2 || hist[1][0] != "2026-03-31" || !strings.Contains(hist[1][1], "повышение.csv") {
		t.Errorf("grade history: %q", hist)
	}
	// The client's lead changes from today.
	path = filepath.Join(t.TempDir(), "clients.csv")
	writeFile(t, path, []byte("Клиент;Менеджер\nТуры «Ёлка»;Петрова М.С.\nПекарня «Колос»;Иванов Игорь\n"))
	rep = mustImport(t, st, path, transfer.Clients)
	if rep.Updated != 2 {
		t.Errorf("new leads: %s", describe(rep))
	}
	wantRows(t, "Колос", query(t, db, `SELECT s.full_name, a.role, a.start_date, coalesce(a.end_date, '') FROM assignments a
		JOIN staff s ON s.id = a.staff_id JOIN clients c ON c.id = a.client_id
		WHERE c.name = 'Пекарня «Колос»' AND a.role = 'lead' ORDER BY a.start_date`),
		"Сидоров Алексей Викторович | lead | 2023-06-15 | 2026-03-30",
		"Иванов Игорь Павлович | lead | 2026-03-31 | ")
}

// TestOptions: a mapping chosen by hand replaces the detected one, progress is
// reported, and a cancelled import writes nothing.
func TestOptions(t *testing.T) {
	st, db := department(t)
	path := filepath.Join(t.TempDir(), "log.csv")
	var b strings.Builder
	b.WriteString("Когда;Кто;Что;Прочее\n")
	for i := range 5000 {
		at := data.Day(2026, 1, 1).Add(minutes(i))
		b.WriteString(at.Format("02.01.2006 15:04") + ";Пекарня «Колос»;запрос;x\n")
	}
	writeFile(t, path, []byte(b.String()))
	p, err := transfer.PreviewFile(path, transfer.Interactions, "")
	if err != nil {
		t.Fatal(err)
	}
	if missing := transfer.Missing(transfer.Interactions, p.Mapping); len(missing) != 3 || len(p.Rows) != 10 {
		t.Errorf("preview: missing %q, %d rows", missing, len(p.Rows))
	}
	mapping := transfer.Mapping{"datetime", "client", "kind", ""}

	ctx, cancel := context.WithCancel(context.Background())
	before := dump(t, db)
	_, err = transfer.Import(ctx, st, path, transfer.Options{Kind: transfer.Interactions, Mapping: mapping,
		Progress: func(float64) { cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled import: %v, want context.Canceled", err)
	}
	if after := dump(t, db); after != before {
		t.Errorf("a cancelled import changed the database:\n%s", firstDiff(before, after))
	}

	var fractions []float64
	rep, err := transfer.Import(context.Background(), st, path, transfer.Options{Kind: transfer.Interactions,
		Mapping: mapping, Progress: func(f float64) { fractions = append(fractions, f) }})
	if err != nil || rep.Failed() || rep.Added != 5000 {
		t.Fatalf("import with a mapping: %v %s", err, describe(rep))
	}
	if len(fractions) < 2 {
		t.Errorf("progress: %v", fractions)
	}
	for i, f := range fractions {
		if f <= 0 || f > 1 || (i > 0 && f < fractions[i-1]) {
			t.Errorf("progress: %v", fractions)
			break
		}
	}
	// Without the mapping the file lacks the required columns.
	rep = importFile(t, st, path, transfer.Options{Kind: transfer.Interactions})
	wantErrors(t, rep, "row 1: missing_column Column=datetime", "row 1: missing_column Column=client",
		"row 1: missing_column Column=kind")
}
