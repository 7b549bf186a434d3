package transfer_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"leadboard/data"
	"leadboard/data/sheet"
	"leadboard/data/transfer"
)

// department imports the fixtures' department into a fresh database, checking
// each report, and returns the store and its file.
func department(t *testing.T) (*data.Store, string) {
	t.Helper()
	st, path := freshStore(t)
	for _, step := range []struct {
		file    string
		kind    transfer.Kind
		format  string
		added   int
		updated int
	}{
		{"staff_cp1251.csv", transfer.Staff, "CSV, windows-1251, ';'", 5, 0},
		{"clients_cp1251.csv", transfer.Clients, "CSV, windows-1251, ';'", 4, 0},
		{"clients_utf16.txt", transfer.Clients, "UTF-16", 1, 1},
		{"contacts_utf8bom.csv", transfer.Contacts, "UTF-8", 4, 0},
		{"contracts_keys.csv", transfer.Contracts, "','", 3, 0},
		{"assignments.csv", transfer.Assignments, "';'", 2, 1},
		{"interactions.csv", transfer.Interactions, "';'", 4, 0},
	} {
		rep := mustImport(t, st, testdata(step.file), step.kind)
		if rep.Added != step.added || rep.Updated != step.updated || rep.Rows != step.added+step.updated+rep.Unchanged {
			t.Errorf("%s: want %d added, %d updated: %s", step.file, step.added, step.updated, describe(rep))
		}
		if !strings.Contains(rep.Source.String(), step.format) {
			t.Errorf("%s: read as %q, want %q in it", step.file, rep.Source, step.format)
		}
	}
	return st, path
}

func wantRows(t *testing.T, what string, got [][]string, want ...string) {
	t.Helper()
	lines := make([]string, len(got))
	for i, r := range got {
		lines[i] = strings.Join(r, " | ")
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, lines, want)
	}
}

// TestRealWorldFiles imports files the way Russian offices write them and checks
// every value that reached the database.
func TestRealWorldFiles(t *testing.T) {
	_, db := department(t)
	wantRows(t, "staff", query(t, db, `SELECT s.full_name, s.position, g.code, s.team, s.hire_date, s.fte, s.status,
			coalesce(s.left_date, ''), s.email, s.phone
		FROM staff s JOIN grade_levels g ON g.id = s.grade_id ORDER BY s.id`),
		"Иванов Иван Петрович | Старший аккаунт-менеджер | senior | Ритейл | 2021-03-15 | 1 | active |  | ivanov@agency.ru | +7 (495) 123-45-67",
		"Иванов Игорь Павлович | Аккаунт-менеджер | middle | Ритейл | 2022-09-01 | 0.5 | active |  |  | ",
		"Петрова Мария Сергеевна | Младший аккаунт-менеджер | junior | FMCG | 2024-01-10 | 0.75 | on_leave |  | petrova@agency.ru | ",
		"Сидоров Алексей Викторович | Руководитель группы | lead | FMCG | 2019-02-01 | 1 | active |  |  | ",
		"Кузнецов Олег Ильич | Аккаунт-менеджер | middle | Ритейл | 2020-06-01 | 1 | left | 2025-12-31 |  | ")
	wantRows(t, "clients", query(t, db, `SELECT c.name, c.industry, c.tier, c.status, c.monthly_budget, c.complexity,
			c.start_date, c.notes, coalesce((SELECT group_concat(service, ',') FROM (SELECT service FROM client_services
				WHERE client_id = c.id ORDER BY service)), '')
		FROM clients c ORDER BY c.id`),
		"ООО «Ромашка» | Ритейл | A | active | 1250000 | 4 | 2024-02-01 |  | media_buying,seo",
		"Пекарня «Колос» | FMCG | B | paused | 400000 | 2 | 2023-06-15 |  | creative",
		"Альфа; Бета и партнёры | IT | C | active | 100000 | 3 | 2025-03-01 |  | analytics,smm",
		"Туры «Ёлка» | Туризм | A | prospect | 0 | 1 | 2026-03-20 |  | ",
		"Медиа-Групп «Восток» | Медиа | C | active | 1250000 | 3 | 2025-12-01 | через тендер | ")
	wantRows(t, "assignments", query(t, db, `SELECT c.name, s.full_name, a.role, a.start_date, coalesce(a.end_date, ''),
			a.start_guessed
		FROM assignments a JOIN clients c ON c.id = a.client_id JOIN staff s ON s.id = a.staff_id
		ORDER BY c.id, a.role DESC, a.start_date`),
		"ООО «Ромашка» | Кузнецов Олег Ильич | lead | 2024-02-01 | 2024-05-31 | 0",
		"ООО «Ромашка» | Иванов Иван Петрович | lead | 2024-06-01 |  | 0",
		"ООО «Ромашка» | Петрова Мария Сергеевна | backup | 2024-02-01 |  | 1",
		"Пекарня «Колос» | Сидоров Алексей Викторович | lead | 2023-06-15 |  | 1",
		"Пекарня «Колос» | Петрова Мария Сергеевна | backup | 2024-03-01 | 2024-12-31 | 0",
		"Альфа; Бета и партнёры | Иванов Игорь Павлович | lead | 2025-03-01 |  | 1",
		"Альфа; Бета и партнёры | Иванов Иван Петрович | backup | 2025-03-01 |  | 1",
		"Медиа-Групп «Восток» | Сидоров Алексей Викторович | lead | 2025-12-01 |  | 1")
	wantRows(t, "contacts", query(t, db, `SELECT c.name, k.name, k.role, k.email, k.phone, k.decision_maker
		FROM contacts k JOIN clients c ON c.id = k.client_id ORDER BY k.id`),
		"ООО «Ромашка» | Смирнова Ольга | Директор по маркетингу | o.smirnova@romashka.ru | +7 916 000-11-22 | 1",
		"ООО «Ромашка» | Орлов Пётр | Бренд-менеджер |  |  | 0",
		"Пекарня «Колос» | Белова Анна | Владелец |  |  | 1",
		"Альфа; Бета и партнёры | Зуев Максим |  |  |  | 0")
	wantRows(t, "contracts", query(t, db, `SELECT c.name, k.number, k.start_date, coalesce(k.end_date, ''), k.monthly_fee,
			k.sla_hours, k.report_frequency, k.status
		FROM contracts k JOIN clients c ON c.id = k.client_id ORDER BY k.id`),
		"ООО «Ромашка» | Д-2024/01 | 2024-02-01 | 2026-12-31 | 1250000 | 4 | monthly | active",
		"Пекарня «Колос» | К-17, доп. 2 | 2023-07-01 | 2024-06-30 | 150000 | 24 | weekly | ended",
		"Альфа; Бета и партнёры | А-1 | 2025-03-01 |  | 100000 | 1.5 | quarterly | active")
	wantRows(t, "interactions", query(t, db, `SELECT i.occurred_at, c.name, coalesce(s.full_name, ''), i.channel, i.kind,
			coalesce(i.response_hours, ''), coalesce(i.resolved_at, ''), coalesce(i.satisfaction, ''),
			coalesce(i.amount, ''), coalesce(i.report_due, ''), i.notes
		FROM interactions i JOIN clients c ON c.id = i.client_id LEFT JOIN staff s ON s.id = i.staff_id ORDER BY i.id`),
		"2026-03-02 10:15 | ООО «Ромашка» | Иванов Иван Петрович | call | request | 1.5 | 2026-03-02 12:00 |  |  |  | Уточнить медиаплан",
		"2026-03-03 09:00 | ООО «Ромашка» | Петрова Мария Сергеевна | email | complaint | 0.25 |  | 2 |  |  | Задержка отчёта; просят созвон",
		"2026-03-05 16:40 | Пекарня «Колос» | Сидоров Алексей Викторович | meeting | upsell |  |  | 5 | 250000 |  | Доп. услуга: SEO",
		"2026-03-10 11:00 | Альфа; Бета и партнёры |  | email | report_sent |  |  |  |  | 2026-03-13 | ")
}

// TestRealWorldFilesTwice: importing the same files again changes nothing.
func TestRealWorldFilesTwice(t *testing.T) {
	st, db := department(t)
	before := dump(t, db)
	for _, f := range []struct {
		file string
		kind transfer.Kind
	}{
		{"staff_cp1251.csv", transfer.Staff}, {"clients_utf16.txt", transfer.Clients},
		{"contacts_utf8bom.csv", transfer.Contacts}, {"contracts_keys.csv", transfer.Contracts},
		{"assignments.csv", transfer.Assignments}, {"interactions.csv", transfer.Interactions},
	} {
		rep := mustImport(t, st, testdata(f.file), f.kind)
		if rep.Added+rep.Updated != 0 || rep.Unchanged != rep.Rows {
			t.Errorf("%s again: %s", f.file, describe(rep))
		}
	}
	if after := dump(t, db); after != before {
		t.Errorf("importing the files again changed the database:\n%s", firstDiff(before, after))
	}
}

// TestHeaderSpellings: the English keys, the Russian headers, the exported English
// headers and common aliases all map to the same fields; unknown columns are ignored.
func TestHeaderSpellings(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		kind   transfer.Kind
		header string
		want   []string
	}{
		{transfer.Clients, "name;manager;monthly_budget;start_date", []string{"name", "manager", "monthly_budget", "start_date"}},
		{transfer.Clients, "Клиент;Менеджер;Бюджет в месяц;Дата начала", []string{"name", "manager", "monthly_budget", "start_date"}},
		{transfer.Clients, "Client;Lead;Budget per month;Working since", []string{"name", "manager", "monthly_budget", "start_date"}},
		{transfer.Clients, "Наименование;Ответственный;Бюджет;Работаем с;ИНН", []string{"name", "manager", "monthly_budget", "start_date", ""}},
		{transfer.Clients, "  КЛИЕНТ ; аккаунт-менеджер;БЮДЖЕТ В МЕСЯЦ:;дата_начала", []string{"name", "manager", "monthly_budget", "start_date"}},
		{transfer.Staff, "ФИО;Грейд;E-mail;Дата приёма на работу;Ставка, FTE", []string{"full_name", "grade", "email", "hire_date", "fte"}},
		{transfer.Staff, "full_name;grade;email;hire_date;fte", []string{"full_name", "grade", "email", "hire_date", "fte"}},
		{transfer.Contacts, "Компания;Контактное лицо;ЛПР;Должность", []string{"client", "name", "decision_maker", "role"}},
		{transfer.Contracts, "Клиент;Номер договора;Начало;Окончание;SLA, ч;Отчётность", []string{"client", "number", "start_date", "end_date", "sla_hours", "reporting"}},
		{transfer.Assignments, "Клиент;Сотрудник;Роль;С;По", []string{"client", "manager", "role", "from", "to"}},
		{transfer.Interactions, "Дата и время;Клиент;Ответственный;Тип обращения;Время ответа, ч;Оценка;Комментарий",
			[]string{"datetime", "client", "manager", "kind", "response_hours", "satisfaction", "notes"}},
		{transfer.Interactions, "Date and time;Client;Manager;Type;Response, h;Rating;Notes",
			[]string{"datetime", "client", "manager", "kind", "response_hours", "satisfaction", "notes"}},
		// A second column for a field already taken is ignored.
		{transfer.Clients, "Клиент;Компания;Менеджер", []string{"name", "", "manager"}},
	} {
		path := filepath.Join(dir, "h.csv")
		writeFile(t, path, []byte(c.header+"\n"))
		p, err := transfer.PreviewFile(path, c.kind, "")
		if err != nil {
			t.Errorf("%s %q: %v", c.kind, c.header, err)
			continue
		}
		if !reflect.DeepEqual([]string(p.Mapping), c.want) {
			t.Errorf("%s %q: mapped %q, want %q", c.kind, c.header, p.Mapping, c.want)
		}
	}
}

// xlsxLog writes an interactions workbook as Excel users make them: a title and a
// blank row above the header, real date-time cells, number cells (hours with a
// fraction, a rating, money with a rouble format) and a second sheet. badRow adds
// a row with an unknown client.
func xlsxLog(t *testing.T, path string, badRow bool) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := "Журнал"
	must(t, f.SetSheetName("Sheet1", sh))
	dateTime, err := f.NewStyle(&excelize.Style{NumFmt: 22}) // m/d/yy h:mm
	must(t, err)
	dmy := "dd.mm.yyyy"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dmy})
	must(t, err)
	rub := `#,##0 "₽"`
	money, err := f.NewStyle(&excelize.Style{CustomNumFmt: &rub})
	must(t, err)
	must(t, f.SetCellValue(sh, "A1", "Журнал коммуникаций за март 2026"))
	header := []any{"Дата", "Клиент", "Менеджер", "Канал", "Тип", "Время ответа, ч", "Оценка", "Сумма", "Срок отчёта", "Комментарий"}
	must(t, f.SetSheetRow(sh, "A3", &header))
	rows := [][]any{
		{data.Day(2026, 3, 16).Add(9*60*60*1e9 + 30*60*1e9), "ООО «Ромашка»", "Иванов Иван", "звонок", "запрос", 1.5, nil, nil, nil, "Перенос встречи"},
		{data.Day(2026, 3, 17).Add(14 * 60 * 60 * 1e9), "Пекарня «Колос»", "Сидоров А.В.", "встреча", "продление", nil, 4, 1250000, nil, nil},
		{data.Day(2026, 3, 18).Add(18 * 60 * 60 * 1e9), "Медиа-Групп «Восток»", nil, "почта", "отчёт", 0.25, nil, nil, data.Day(2026, 3, 20), 42},
	}
	if badRow {
		rows = append(rows, []any{data.Day(2026, 3, 19), "ООО «Лютик»", "Сидоров А.В.", "звонок", "запрос", 1, nil, nil, nil, nil})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, 4+i)
		must(t, f.SetSheetRow(sh, cell, &r))
		n := 4 + i
		must(t, f.SetCellStyle(sh, cellName(1, n), cellName(1, n), dateTime))
		must(t, f.SetCellStyle(sh, cellName(8, n), cellName(8, n), money))
		must(t, f.SetCellStyle(sh, cellName(9, n), cellName(9, n), date))
	}
	_, err = f.NewSheet("Справочник")
	must(t, err)
	must(t, f.SetCellValue("Справочник", "A1", "Клиент"))
	must(t, f.SaveAs(path))
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestXLSXWithTitleRow: the header is found under a title, date cells become dates,
// number cells numbers, money cells roubles.
func TestXLSXWithTitleRow(t *testing.T) {
	st, db := department(t)
	path := filepath.Join(t.TempDir(), "журнал.xlsx")
	xlsxLog(t, path, false)
	p, err := transfer.PreviewFile(path, transfer.Interactions, "")
	if err != nil {
		t.Fatal(err)
	}
	if p.HeaderRow != 3 || len(p.Rows) != 3 || len(transfer.Missing(transfer.Interactions, p.Mapping)) != 0 || p.Source.Sheet != "Журнал" {
		t.Errorf("preview: header row %d, %d rows, missing %q, format %q", p.HeaderRow, len(p.Rows), transfer.Missing(transfer.Interactions, p.Mapping), p.Source)
	}
	rep := mustImport(t, st, path, transfer.Interactions)
	if rep.Added != 3 {
		t.Errorf("import: %s", describe(rep))
	}
	wantRows(t, "interactions", query(t, db, `SELECT i.occurred_at, c.name, coalesce(s.full_name, ''), i.channel, i.kind,
			coalesce(i.response_hours, ''), coalesce(i.satisfaction, ''), coalesce(i.amount, ''),
			coalesce(i.report_due, ''), i.notes
		FROM interactions i JOIN clients c ON c.id = i.client_id LEFT JOIN staff s ON s.id = i.staff_id
		WHERE i.occurred_at >= '2026-03-16' ORDER BY i.id`),
		"2026-03-16 09:30 | ООО «Ромашка» | Иванов Иван Петрович | call | request | 1.5 |  |  |  | Перенос встречи",
		"2026-03-17 14:00 | Пекарня «Колос» | Сидоров Алексей Викторович | meeting | renewal |  | 4 | 1250000 |  | ",
		"2026-03-18 18:00 | Медиа-Групп «Восток» |  | email | report_sent | 0.25 |  |  | 2026-03-20 | 42")

	// A bad row is reported with its row number in Excel.
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	xlsxLog(t, bad, true)
	before := dump(t, db)
	rep = importFile(t, st, bad, transfer.Options{Kind: transfer.Interactions})
	wantErrors(t, rep, "row 7, column Клиент, value \"ООО «Лютик»\": unknown_client")
	if after := dump(t, db); after != before {
		t.Errorf("a refused workbook changed the database:\n%s", firstDiff(before, after))
	}
}

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := osWriteFile(path, b); err != nil {
		t.Fatal(err)
	}
}

// wantErrors checks a report's errors, in order, as RowError.String writes them, and
// that nothing was written.
func wantErrors(t *testing.T, rep transfer.Report, want ...string) {
	t.Helper()
	got := make([]string, len(rep.Errors))
	for i, e := range rep.Errors {
		got[i] = e.String()
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}
	if rep.Written {
		t.Error("a failed import reports that it was written")
	}
}

// TestXLSXSheetOption: --sheet picks a sheet by name, in any case; a missing sheet
// is a FormatError that lists the sheets.
func TestXLSXSheetOption(t *testing.T) {
	st, db := department(t)
	path := filepath.Join(t.TempDir(), "журнал.xlsx")
	xlsxLog(t, path, false)
	before := dump(t, db)
	rep := importFile(t, st, path, transfer.Options{Kind: transfer.Interactions, Sheet: "ЖУРНАЛ", DryRun: true})
	if rep.Failed() || rep.Added != 3 || rep.Source.Sheet != "Журнал" {
		t.Errorf("sheet by name: %s", describe(rep))
	}
	// The second sheet has no log: its only row is taken for the header.
	rep = importFile(t, st, path, transfer.Options{Kind: transfer.Interactions, Sheet: "справочник"})
	if !rep.Failed() || rep.Errors[0].Code != transfer.CodeMissingColumn {
		t.Errorf("the reference sheet: %s", describe(rep))
	}
	_, err := transfer.Import(context.Background(), st, path, transfer.Options{Kind: transfer.Interactions, Sheet: "Лист1"})
	var fe *sheet.FormatError
	if !errors.As(err, &fe) || fe.Problem != sheet.ProblemNoSheet || !strings.Contains(fe.Detail, "Справочник") {
		t.Errorf("missing sheet: %v", err)
	}
	if after := dump(t, db); after != before {
		t.Errorf("the database changed:\n%s", firstDiff(before, after))
	}
}
