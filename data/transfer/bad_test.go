package transfer_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"leadboard/data/sheet"
	"leadboard/data/transfer"
)

// TestBadFiles imports each bad fixture into the department: the report names the
// row, column and reason, and the database is left exactly as it was.
func TestBadFiles(t *testing.T) {
	st, db := department(t)
	for _, c := range []struct {
		file string
		kind transfer.Kind
		want []string
	}{
		{"bad_missing_column.csv", transfer.Clients, []string{"row 1: missing_column Column=name"}},
		{"bad_unknown_manager.csv", transfer.Clients,
			[]string{`row 3, column Менеджер, value "Смирнов А.А.": unknown_person`}},
		{"bad_ambiguous_manager.csv", transfer.Clients,
			[]string{`row 2, column Ответственный, value "Иванов И.П.": ambiguous_person Value=Иванов Иван Петрович, Иванов Игорь Павлович`}},
		{"bad_unknown_client.csv", transfer.Contacts,
			[]string{`row 3, column Клиент, value "ООО «Несуществующая»": unknown_client`}},
		{"bad_repeated.csv", transfer.Clients, []string{
			`row 4, column Клиент, value "НОВЫЙ  КЛИЕНТ": repeated_in_file`,
			`row 5, column Клиент, value "ооо «ромашка»": repeated_in_file`}},
		{"bad_contract_end.csv", transfer.Contracts,
			[]string{`row 2, column Дата окончания, value "01.01.2026": before_date Date=2026-02-01 00:00:00 +0000 UTC`}},
		{"bad_assignment_end.csv", transfer.Assignments,
			[]string{`row 2, column По, value "28.02.2025": before_date Date=2025-03-01 00:00:00 +0000 UTC`}},
		{"bad_negative_budget.csv", transfer.Clients,
			[]string{`row 2, column Бюджет в месяц, value "-50 000 ₽": negative`}},
		{"bad_date.csv", transfer.Staff, []string{`row 2, column Дата найма, value "31.02.2026": not_date Example=2026-03-31 00:00:00 +0000 UTC`}},
		{"bad_number.csv", transfer.Staff, []string{`row 2, column Ставка, value "полная": not_number`}},
		{"bad_utf16.txt", transfer.Clients,
			[]string{`row 3, column Ответственный, value "Смирнов А.А.": unknown_person`}},
		{"bad_multiline.csv", transfer.Contacts,
			[]string{`row 4, column Клиент, value "ООО «Лютик»": unknown_client`}},
		{"bad_many.csv", transfer.Clients, []string{
			`row 2, column Бюджет в месяц, value "-1": negative`,
			`row 4, column Дата начала, value "32.03.2026": not_date Example=2026-03-31 00:00:00 +0000 UTC`,
			`row 4, column Менеджер, value "Некто Н.Н.": unknown_person`,
			`row 5, column Категория, value "Z": not_allowed Allowed=A, B, C`,
			`row 6, column Бюджет в месяц, value "много": not_money`}},
	} {
		t.Run(c.file, func(t *testing.T) {
			before := dump(t, db)
			for _, dry := range []bool{false, true} {
				rep := importFile(t, st, testdata(c.file), transfer.Options{Kind: c.kind, DryRun: dry})
				wantErrors(t, rep, c.want...)
			}
			if after := dump(t, db); after != before {
				t.Errorf("a refused file changed the database:\n%s", firstDiff(before, after))
			}
		})
	}
}

// TestUnreadableFiles: files that are no table at all are a sheet.FormatError, and
// nothing is written.
func TestUnreadableFiles(t *testing.T) {
	st, db := department(t)
	before := dump(t, db)
	for _, c := range []struct {
		file    string
		problem string
	}{
		{"empty.csv", sheet.ProblemEmpty},
		{"blank.csv", sheet.ProblemEmpty},
		{"binary.csv", sheet.ProblemBinary},
	} {
		for _, k := range []transfer.Kind{transfer.Staff, transfer.Interactions} {
			rep, err := transfer.Import(context.Background(), st, testdata(c.file), transfer.Options{Kind: k})
			var fe *sheet.FormatError
			if !errors.As(err, &fe) || fe.Problem != c.problem {
				t.Errorf("%s as %s: %v (%s), want a %q FormatError", c.file, k, err, describe(rep), c.problem)
			}
			if rep.Written || rep.Failed() {
				t.Errorf("%s as %s: %s", c.file, k, describe(rep))
			}
			if _, err := transfer.PreviewFile(testdata(c.file), k, ""); !sheet.IsProblem(err, c.problem) {
				t.Errorf("preview %s as %s: %v, want %q", c.file, k, err, c.problem)
			}
		}
	}
	// Text in an encoding offices do not use for CSV (KOI8-R) reads as gibberish: no
	// header is found, and the first row is taken for one, so that the columns it
	// lacks are reported (or, for a valid header in a strange spelling, mapped by
	// hand in the window).
	rep := importFile(t, st, testdata("bad_koi8r.csv"), transfer.Options{Kind: transfer.Staff})
	wantErrors(t, rep, "row 1: missing_column Column=full_name", "row 1: missing_column Column=grade")
	if rep.Rows != 0 {
		t.Errorf("koi8-r: the header's row counted as data: %s", describe(rep))
	}
	// A missing file is an error of its own, not a FormatError.
	_, err := transfer.Import(context.Background(), st, filepath.Join(t.TempDir(), "nothing.csv"),
		transfer.Options{Kind: transfer.Staff})
	var fe *sheet.FormatError
	if err == nil || errors.As(err, &fe) {
		t.Errorf("missing file: %v", err)
	}
	// So is an unknown kind.
	if _, err := transfer.Import(context.Background(), st, testdata("staff_cp1251.csv"), transfer.Options{Kind: "budgets"}); err == nil {
		t.Error("an unknown kind was accepted")
	}
	if after := dump(t, db); after != before {
		t.Errorf("an unreadable file changed the database:\n%s", firstDiff(before, after))
	}
}

// TestHeaderOnly: a file with a header and no rows imports nothing, without error.
func TestHeaderOnly(t *testing.T) {
	st, db := department(t)
	before := dump(t, db)
	rep := importFile(t, st, testdata("header_only.csv"), transfer.Options{Kind: transfer.Clients})
	if rep.Failed() || rep.Rows != 0 || rep.Added+rep.Updated+rep.Unchanged != 0 {
		t.Errorf("header only: %s", describe(rep))
	}
	if after := dump(t, db); after != before {
		t.Errorf("a header-only file changed the database:\n%s", firstDiff(before, after))
	}
}

// TestDryRun checks every row and reports what it would do, writing nothing.
func TestDryRun(t *testing.T) {
	st, db := freshStore(t)
	before := dump(t, db)
	rep := importFile(t, st, testdata("staff_cp1251.csv"), transfer.Options{Kind: transfer.Staff, DryRun: true})
	if rep.Failed() || !rep.DryRun || rep.Written || rep.Rows != 5 || rep.Added != 5 {
		t.Errorf("dry run: %s", describe(rep))
	}
	if after := dump(t, db); after != before {
		t.Errorf("a dry run changed the database:\n%s", firstDiff(before, after))
	}
	// The dry run of a later file sees only what is in the database: its managers
	// are unknown until the staff file is really imported.
	rep = importFile(t, st, testdata("clients_cp1251.csv"), transfer.Options{Kind: transfer.Clients, DryRun: true})
	if !rep.Failed() {
		t.Errorf("clients before staff: %s", describe(rep))
	}
	mustImport(t, st, testdata("staff_cp1251.csv"), transfer.Staff)
	before = dump(t, db)
	rep = importFile(t, st, testdata("clients_cp1251.csv"), transfer.Options{Kind: transfer.Clients, DryRun: true})
	if rep.Failed() || rep.Written || rep.Added != 4 {
		t.Errorf("dry run of clients: %s", describe(rep))
	}
	if after := dump(t, db); after != before {
		t.Errorf("a dry run changed the database:\n%s", firstDiff(before, after))
	}
}

// TestManyErrorsAreCounted: past the listed errors the rest are counted, and a bad
// row never stops the check of the rows after it.
func TestManyErrorsAreCounted(t *testing.T) {
	st, db := department(t)
	path := filepath.Join(t.TempDir(), "many.csv")
	text := "ФИО;Грейд;Дата найма\n"
	for range 1500 {
		text += "Новый Сотрудник;младший;31.02.2026\n"
	}
	writeFile(t, path, []byte(text))
	before := dump(t, db)
	rep := importFile(t, st, path, transfer.Options{Kind: transfer.Staff})
	if rep.Rows != 1500 || len(rep.Errors)+rep.More != 1500 || rep.More == 0 || rep.Written {
		t.Errorf("1500 bad rows: %d rows, %d errors listed, %d more", rep.Rows, len(rep.Errors), rep.More)
	}
	if len(rep.Errors) > 0 && (rep.Errors[0].Row != 2 || rep.Errors[len(rep.Errors)-1].Row != len(rep.Errors)+1) {
		t.Errorf("rows of the errors: first %d, last %d", rep.Errors[0].Row, rep.Errors[len(rep.Errors)-1].Row)
	}
	if after := dump(t, db); after != before {
		t.Errorf("a refused file changed the database:\n%s", firstDiff(before, after))
	}
}
