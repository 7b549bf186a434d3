package transfer_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"leadboard/data"
	"leadboard/data/transfer"
)

// feedbackCSV is feedback collected from the other departments, as Russian Excel
// saves it: departments and people written in other cases and shorter forms, a
// partial rating, a comment alone, a comment holding the delimiter.
const feedbackCSV = "" +
	"Менеджер;Отдел;Дата;Автор;Передача задач;Ясность брифов;Соблюдение сроков;Коммуникация;Комментарий\r\n" +
	"Иванов Иван Петрович;Закупка рекламы;02.03.2026;Олег Смирнов;4;5;3;5;Брифы полные\r\n" +
	"Петрова М.С.;КРЕАТИВ;10.03.26;;2;;;;\"Сроки срываются; просим раньше\"\r\n" +
	"Сидоров Алексей;аналитика;2026-03-15;Анна К.;;;;;Хорошо разбирается в метриках\r\n" +
	"Кузнецов О.И.;Финансы;20.12.2025;Бухгалтерия;;;5;;\r\n"

// feedbackRows is what feedbackCSV leaves in the database.
var feedbackRows = []string{
	"Иванов Иван Петрович | Закупка рекламы | 2026-03-02 | Олег Смирнов | 4 | 5 | 3 | 5 | Брифы полные",
	"Петрова Мария Сергеевна | Креатив | 2026-03-10 |  | 2 | NULL | NULL | NULL | Сроки срываются; просим раньше",
	"Сидоров Алексей Викторович | Аналитика | 2026-03-15 | Анна К. | NULL | NULL | NULL | NULL | Хорошо разбирается в метриках",
	"Кузнецов Олег Ильич | Финансы | 2025-12-20 | Бухгалтерия | NULL | NULL | 5 | NULL | ",
}

func feedbackInDB(t *testing.T, db string) [][]string {
	t.Helper()
	return query(t, db, `SELECT s.full_name, d.name, f.given_on, f.author, f.handoff, f.briefs, f.deadlines,
			f.communication, f.comment
		FROM feedback f JOIN staff s ON s.id = f.staff_id JOIN departments d ON d.id = f.department_id ORDER BY f.id`)
}

// TestFeedbackImport: a good file imports; the same file again changes nothing; a
// row for a known entry (same person, department, day and author, whatever the
// author's case) fills in the cells it gives.
func TestFeedbackImport(t *testing.T) {
	st, db := department(t)
	path := filepath.Join(t.TempDir(), "отзывы.csv")
	writeFile(t, path, cp1251Bytes(t, feedbackCSV))
	rep := mustImport(t, st, path, transfer.Feedback)
	if rep.Added != 4 || rep.Rows != 4 {
		t.Errorf("import: %s", describe(rep))
	}
	wantRows(t, "feedback", feedbackInDB(t, db), feedbackRows...)

	before := dump(t, db)
	if rep := mustImport(t, st, path, transfer.Feedback); rep.Unchanged != 4 {
		t.Errorf("second import: %s", describe(rep))
	}
	if after := dump(t, db); after != before {
		t.Errorf("importing the same file again changed the database:\n%s", firstDiff(before, after))
	}

	update := filepath.Join(t.TempDir(), "update.csv")
	writeFile(t, update, []byte("Менеджер;Отдел;Дата;Автор;Коммуникация;Комментарий\n"+
		"Иванов Иван Петрович;закупка  рекламы;02.03.2026;ОЛЕГ  СМИРНОВ;3;\n"+
		"Петрова Мария Сергеевна;Креатив;10.03.2026;;;\"Сроки срываются; просим раньше\"\n"+
		"Петрова Мария Сергеевна;Креатив;11.03.2026;;;Исправилась\n"))
	rep = mustImport(t, st, update, transfer.Feedback)
	if rep.Updated != 1 || rep.Unchanged != 1 || rep.Added != 1 {
		t.Errorf("update: %s", describe(rep))
	}
	wantRows(t, "feedback after the update", feedbackInDB(t, db),
		"Иванов Иван Петрович | Закупка рекламы | 2026-03-02 | Олег Смирнов | 4 | 5 | 3 | 3 | Брифы полные",
		feedbackRows[1], feedbackRows[2], feedbackRows[3],
		"Петрова Мария Сергеевна | Креатив | 2026-03-11 |  | NULL | NULL | NULL | NULL | Исправилась")
}

// TestFeedbackHeaders: the English headers of an export, the keys, and the words
// offices use for the columns all import.
func TestFeedbackHeaders(t *testing.T) {
	for name, header := range map[string]string{
		"english": "Manager;Department;Date;Author;Handoff quality;Clarity of briefs;Deadline discipline;Communication;Comment",
		"keys":    "manager;department;date;author;handoff;briefs;deadlines;communication;comment",
		"synonyms": "Сотрудник;Подразделение;Дата отзыва;Оценщик;Качество передачи задач;Брифы;Сроки;Общение;" +
			"Текст отзыва",
	} {
		t.Run(name, func(t *testing.T) {
			st, db := department(t)
			path := filepath.Join(t.TempDir(), "feedback.csv")
			writeFile(t, path, []byte(header+"\nИванов Иван Петрович;Закупка рекламы;2026-03-02;Олег Смирнов;4;5;3;5;Брифы полные\n"))
			p, err := transfer.PreviewFile(path, transfer.Feedback, "")
			if err != nil {
				t.Fatal(err)
			}
			if missing := transfer.Missing(transfer.Feedback, p.Mapping); len(missing) != 0 {
				t.Errorf("missing %q", missing)
			}
			for i, key := range p.Mapping {
				if key == "" {
					t.Errorf("column %q is not recognised", p.Header[i])
				}
			}
			mustImport(t, st, path, transfer.Feedback)
			wantRows(t, "feedback", feedbackInDB(t, db), feedbackRows[0])
		})
	}
}

// TestFeedbackXLSX: a workbook with a title above the header, real date cells and
// numbers imports, and its bad row is named by its row in Excel.
func TestFeedbackXLSX(t *testing.T) {
	st, db := department(t)
	write := func(path string, bad bool) {
		f := excelize.NewFile()
		defer f.Close()
		sh := "Отзывы"
		must(t, f.SetSheetName("Sheet1", sh))
		dmy := "dd.mm.yyyy"
		date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dmy})
		must(t, err)
		must(t, f.SetCellValue(sh, "A1", "Обратная связь от отделов, I квартал 2026"))
		header := []any{"Менеджер", "Отдел", "Дата", "Автор", "Передача задач", "Ясность брифов", "Соблюдение сроков",
			"Общение", "Комментарий"}
		must(t, f.SetSheetRow(sh, "A3", &header))
		rows := [][]any{
			{"Иванов Иван Петрович", "Закупка рекламы", data.Day(2026, 3, 2), "Олег Смирнов", 4, 5, 3, 5, "Брифы полные"},
			{"Петрова М.С.", "Креатив", data.Day(2026, 3, 10), nil, 2, nil, nil, nil, "Сроки срываются; просим раньше"},
		}
		if bad {
			rows = append(rows, []any{"Сидоров А.В.", "Юридический", data.Day(2026, 3, 12), nil, 3, nil, nil, nil, nil})
		}
		for i, r := range rows {
			must(t, f.SetSheetRow(sh, cellName(1, 4+i), &r))
			must(t, f.SetCellStyle(sh, cellName(3, 4+i), cellName(3, 4+i), date))
		}
		must(t, f.SaveAs(path))
	}
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	write(bad, true)
	before := dump(t, db)
	rep := importFile(t, st, bad, transfer.Options{Kind: transfer.Feedback})
	wantErrors(t, rep, `row 6, column Отдел, value "Юридический": unknown_department`)
	if after := dump(t, db); after != before {
		t.Errorf("a refused workbook changed the database:\n%s", firstDiff(before, after))
	}
	good := filepath.Join(t.TempDir(), "good.xlsx")
	write(good, false)
	if rep := mustImport(t, st, good, transfer.Feedback); rep.Added != 2 {
		t.Errorf("workbook: %s", describe(rep))
	}
	wantRows(t, "feedback", feedbackInDB(t, db), feedbackRows[0], feedbackRows[1])
}

// TestFeedbackBadRows: every bad row among good ones is reported with its row,
// column and reason, in a dry run too, and nothing is written.
func TestFeedbackBadRows(t *testing.T) {
	st, db := department(t)
	dir := t.TempDir()
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"many", "" +
			"Менеджер;Отдел;Дата;Автор;Передача задач;Ясность брифов;Соблюдение сроков;Коммуникация;Комментарий\n" +
			"Иванов Иван Петрович;Закупка рекламы;02.03.2026;Олег;4;5;3;5;\n" + // good
			"Смирнов А.А.;Креатив;02.03.2026;;4;;;;\n" +
			"Иванов И.П.;Креатив;02.03.2026;;4;;;;\n" +
			"Петрова Мария;Юридический отдел;02.03.2026;;4;;;;\n" +
			"Петрова Мария;;02.03.2026;;4;;;;\n" +
			"Петрова Мария;Креатив;01.04.2026;;4;;;;\n" +
			"Петрова Мария;Креатив;31.02.2026;;4;;;;\n" +
			"Петрова Мария;Креатив;03.03.2026;;6;0;4,5;;\n" +
			"Петрова Мария;Креатив;04.03.2026;Анна;;;;;\n" +
			"Сидоров А.В.;Финансы;05.03.2026;;;;;5;Всё хорошо\n", // good
			[]string{
				`row 3, column Менеджер, value "Смирнов А.А.": unknown_person`,
				`row 4, column Менеджер, value "Иванов И.П.": ambiguous_person Value=Иванов Иван Петрович, Иванов Игорь Павлович`,
				`row 5, column Отдел, value "Юридический отдел": unknown_department`,
				`row 6, column Отдел: required`,
				`row 7, column Дата, value "01.04.2026": in_future`,
				`row 8, column Дата, value "31.02.2026": not_date Example=2026-03-31 00:00:00 +0000 UTC`,
				`row 9, column Ясность брифов, value "0": range Max=5 Min=1`,
				`row 9, column Соблюдение сроков, value "4,5": not_integer`,
				`row 10, column Передача задач: feedback_empty`,
			}},
		// The data layer's range check, and no ratings in a file without the handoff column.
		{"range", "" +
			"Менеджер;Отдел;Дата;Коммуникация;Комментарий\n" +
			"Петрова Мария;Креатив;03.03.2026;7;\n" +
			"Петрова Мария;Креатив;04.03.2026;;\n",
			[]string{
				`row 2, column Коммуникация, value "7": range Max=5 Min=1`,
				`row 3, column Коммуникация: feedback_empty`,
			}},
		// The same entry twice (its key in other cases and spacing): the second row is refused.
		{"repeated", "" +
			"Менеджер;Отдел;Дата;Автор;Передача задач\n" +
			"Петрова Мария;Креатив;03.03.2026;Анна К.;4\n" +
			"петрова мария;креатив;2026-03-03;анна  к.;4\n",
			[]string{`row 3, column Дата, value "2026-03-03": repeated_in_file`}},
		{"missing column", "Менеджер;Дата;Передача задач\nПетрова Мария;03.03.2026;4\n",
			[]string{"row 1: missing_column Column=department"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".csv")
			writeFile(t, path, []byte(c.text))
			before := dump(t, db)
			for _, dry := range []bool{false, true} {
				rep := importFile(t, st, path, transfer.Options{Kind: transfer.Feedback, DryRun: dry})
				wantErrors(t, rep, c.want...)
			}
			if after := dump(t, db); after != before {
				t.Errorf("a refused file changed the database:\n%s", firstDiff(before, after))
			}
		})
	}
	if n := count(t, db, "feedback"); n != 0 {
		t.Errorf("%d entries written", n)
	}
	// Departments are never created by an import.
	if n := count(t, db, "departments"); n != 4 {
		t.Errorf("%d departments", n)
	}
}

// TestFeedbackRoundTrip: the export of the imported file, in either language and
// format, imports back into a fresh copy of the department unchanged, and into the
// same database as unchanged rows.
func TestFeedbackRoundTrip(t *testing.T) {
	st, db := department(t)
	path := filepath.Join(t.TempDir(), "отзывы.csv")
	writeFile(t, path, cp1251Bytes(t, feedbackCSV))
	mustImport(t, st, path, transfer.Feedback)
	for _, c := range []struct {
		format transfer.Format
		lang   string
	}{{transfer.CSV, "ru"}, {transfer.CSV, "en"}, {transfer.XLSX, "ru"}, {transfer.XLSX, "en"}} {
		t.Run(string(c.format)+"-"+c.lang, func(t *testing.T) {
			tbl, err := transfer.WholeTable(t.Context(), st, transfer.Feedback, c.lang)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "feedback."+string(c.format))
			if err := transfer.Export(out, tbl, c.format, c.lang, 0); err != nil {
				t.Fatal(err)
			}
			before := dump(t, db)
			if rep := mustImport(t, st, out, transfer.Feedback); rep.Unchanged != 4 {
				t.Errorf("into the same database: %s", describe(rep))
			}
			if after := dump(t, db); after != before {
				t.Errorf("importing the export changed the database:\n%s", firstDiff(before, after))
			}
			fresh, freshDB := department(t)
			if rep := mustImport(t, fresh, out, transfer.Feedback); rep.Added != 4 {
				t.Errorf("into a fresh database: %s", describe(rep))
			}
			// The export is by date: the last line of the file comes first.
			wantRows(t, "feedback", feedbackInDB(t, freshDB), append(feedbackRows[3:], feedbackRows[:3]...)...)
		})
	}
}

// TestFeedbackSharedKey: nothing keeps two entries from sharing a person,
// department, day and author. The n-th row with a key is the n-th entry with it:
// an export of such entries imports back into the same database unchanged and into
// a fresh one whole, and a known entry repeated in a file is refused.
func TestFeedbackSharedKey(t *testing.T) {
	st, db := department(t)
	ctx := t.Context()
	people, err := st.ListStaff(ctx, data.StaffFilter{})
	if err != nil {
		t.Fatal(err)
	}
	depts, err := st.Departments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []data.Feedback{
		{Handoff: 4, Comment: "Первая встреча"},
		{Handoff: 2, Comment: "Вторая встреча"},
		{Communication: 5},
	} {
		f.StaffID, f.DepartmentID, f.On, f.Author = people[0].ID, depts[0].ID, data.Day(2026, 3, 2), "Анна К."
		if _, err := st.SaveFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	tbl, err := transfer.WholeTable(ctx, st, transfer.Feedback, "ru")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "feedback.csv")
	if err := transfer.Export(out, tbl, transfer.CSV, "ru", 0); err != nil {
		t.Fatal(err)
	}
	before := dump(t, db)
	if rep := mustImport(t, st, out, transfer.Feedback); rep.Unchanged != 3 {
		t.Errorf("into the same database: %s", describe(rep))
	}
	if after := dump(t, db); after != before {
		t.Errorf("importing the export changed the database:\n%s", firstDiff(before, after))
	}
	fresh, freshDB := department(t)
	if rep := mustImport(t, fresh, out, transfer.Feedback); rep.Added != 3 {
		t.Errorf("into a fresh database: %s", describe(rep))
	}
	if got, want := feedbackInDB(t, freshDB), feedbackInDB(t, db); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("fresh database:\n%q\nwant\n%q", got, want)
	}
	// A fourth row with the key is a new entry; a fifth that says the same is refused.
	more := filepath.Join(t.TempDir(), "more.csv")
	head, _, _ := strings.Cut(string(readFile(t, out)), "\r\n")
	name := people[0].FullName + ";" + depts[0].Name + ";02.03.2026;анна к.;"
	rows := head + "\r\n" + name + ";;;;Первая встреча\r\n" + name + "2;;;;Вторая встреча\r\n" + name + ";;;5;\r\n" +
		name + "3;;;;\r\n"
	writeFile(t, more, []byte(rows+name+"3;;;;\r\n"))
	rep := importFile(t, st, more, transfer.Options{Kind: transfer.Feedback})
	wantErrors(t, rep, `row 6, column Дата, value "02.03.2026": repeated_in_file`)
	writeFile(t, more, []byte(rows))
	if rep := mustImport(t, st, more, transfer.Feedback); rep.Unchanged != 3 || rep.Added != 1 {
		t.Errorf("more entries with the key: %s", describe(rep))
	}
	wantRows(t, "entries with the key", query(t, db, `SELECT coalesce(handoff, ''), coalesce(communication, ''), comment
		FROM feedback ORDER BY id`),
		"4 |  | Первая встреча", "2 |  | Вторая встреча", " | 5 | ", "3 |  | ")
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func cp1251Bytes(t *testing.T, s string) []byte {
	t.Helper()
	b, err := cp1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
