package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"leadboard/data"
	"leadboard/data/transfer"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func staffCount(t *testing.T, a *App) int {
	t.Helper()
	rows, err := a.store().ListStaff(ctx(), data.StaffFilter{Statuses: data.StaffStatuses})
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

func TestImportChecksThenImports(t *testing.T) {
	a := openDemo(t, "en")
	showStaff(t, a)
	before := staffCount(t, a)
	path := writeFile(t, "new.csv", "ФИО;Грейд;Ставка;Дата найма\n"+
		"Орлова Вера Павловна;Старший;1;01.09.2025\n"+
		"Белов Глеб Андреевич;junior;0,5;15.10.2025\n")
	a.openImport(transfer.Staff)
	d := a.lastImport
	d.setFile(path)
	settle(a)
	if len(d.fields) != 4 || d.fields[0].value() != "full_name" || d.fields[2].value() != "fte" {
		t.Fatalf("mapping %v", d.currentMapping())
	}
	if d.run.Disabled() {
		t.Fatal("a file with every required column cannot be imported")
	}
	d.fields[1].setValue("full_name") // one column per field: the name moves to column 2
	if d.fields[0].value() != "" || !d.missing.Visible() || !d.run.Disabled() {
		t.Errorf("after moving the name: %v, missing %q", d.currentMapping(), d.missing.Text)
	}
	d.fields[0].setValue("full_name")
	d.fields[1].setValue("grade")
	if d.missing.Visible() || d.run.Disabled() {
		t.Fatalf("the mapping was put back but the import is refused: %q", d.missing.Text)
	}
	test.Tap(d.check)
	settle(a)
	if !strings.Contains(d.result.Text, "Ready to import. Rows: 2; new: 2") {
		t.Errorf("check says %q", d.result.Text)
	}
	if staffCount(t, a) != before {
		t.Fatal("a check wrote to the database")
	}
	test.Tap(d.run)
	settle(a)
	if !strings.Contains(d.result.Text, "Imported. Rows: 2") {
		t.Errorf("import says %q", d.result.Text)
	}
	if staffCount(t, a) != before+2 {
		t.Fatal("the rows were not imported")
	}
	if len(a.staff.table.Rows()) != before+2-countLeft(t, a) {
		t.Error("the staff list was not refreshed")
	}
}

func countLeft(t *testing.T, a *App) int {
	rows, _ := a.store().ListStaff(ctx(), data.StaffFilter{Statuses: []data.StaffStatus{data.StaffLeft}})
	return len(rows)
}

func TestImportListsBadRowsAndWritesNothing(t *testing.T) {
	a := openDemo(t, "ru")
	before := staffCount(t, a)
	path := writeFile(t, "bad.csv", "ФИО;Грейд;Ставка\n"+
		"Орлова Вера Павловна;Старший;много\n"+
		"Белов Глеб Андреевич;стажёр;1\n"+
		"Кузнецова Анна Ильинична;специалист;1\n")
	a.openImport(transfer.Staff)
	d := a.lastImport
	d.setFile(path)
	settle(a)
	test.Tap(d.run)
	settle(a)
	for _, want := range []string{"Ничего не импортировано", "строка 2, столбец «Ставка», значение «много»",
		"строка 3, столбец «Грейд», значение «стажёр»"} {
		if !strings.Contains(d.result.Text, want) {
			t.Errorf("report lacks %q:\n%s", want, d.result.Text)
		}
	}
	if staffCount(t, a) != before {
		t.Error("a rejected file wrote rows")
	}
}

func TestImportColumnsCanBeMappedByHand(t *testing.T) {
	a := openDemo(t, "en")
	path := writeFile(t, "odd.csv", "Работник;Грейд\nОрлова Вера Павловна;senior\n")
	a.openImport(transfer.Staff)
	d := a.lastImport
	d.setFile(path)
	settle(a)
	if !d.run.Disabled() || !d.missing.Visible() || !strings.Contains(d.missing.Text, "Full name") {
		t.Fatalf("an unmapped required column is not reported: %q", d.missing.Text)
	}
	d.fields[0].setValue("full_name")
	settle(a)
	if d.run.Disabled() || d.missing.Visible() {
		t.Fatal("mapping the column by hand did not allow the import")
	}
	test.Tap(d.run)
	settle(a)
	if !strings.Contains(d.result.Text, "Imported. Rows: 1") {
		t.Errorf("import says %q", d.result.Text)
	}
}

func TestUnreadableFileIsExplained(t *testing.T) {
	a := openDemo(t, "en")
	path := writeFile(t, "photo.csv", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
	a.openImport(transfer.Clients)
	d := a.lastImport
	d.setFile(path)
	settle(a)
	if !strings.Contains(d.format.Text, "not a table") || !d.run.Disabled() {
		t.Errorf("a binary file: %q", d.format.Text)
	}
}

func TestImportCanBeCancelled(t *testing.T) {
	a := openDemo(t, "en")
	client := showClients(t, a).table.Rows()[0].Name
	var b strings.Builder
	b.WriteString("Дата;Клиент;Тип;Комментарий\n")
	for i := 0; i < 40000; i++ {
		fmt.Fprintf(&b, "%02d.01.2020 %02d:%02d;%s;Запрос;Запрос %d\n", 1+i%28, 9+i/60%9, i%60, client, i)
	}
	path := writeFile(t, "log.csv", b.String())
	before, _ := a.store().Check(ctx())
	a.openImport(transfer.Interactions)
	d := a.lastImport
	d.setFile(path)
	settle(a)
	d.start(false)
	if !d.kind.Disabled() || !d.fields[0].Disabled() || !d.choose.Disabled() {
		t.Error("the file, kind and mapping can be changed under a running import")
	}
	test.Tap(d.stop)
	settle(a)
	if d.result.Text != "Cancelled: nothing was written." {
		t.Fatalf("after Cancel: %q", d.result.Text)
	}
	if d.kind.Disabled() || d.fields[0].Disabled() || d.run.Disabled() {
		t.Error("the dialog stays locked after the import stopped")
	}
	after, _ := a.store().Check(ctx())
	if after.Counts["interactions"] != before.Counts["interactions"] {
		t.Error("a cancelled import wrote rows")
	}
}

func TestImportPicksTheWorkbookSheet(t *testing.T) {
	a := openDemo(t, "en")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Заметки")
	f.SetCellValue("Заметки", "A1", "не таблица")
	f.NewSheet("Сотрудники")
	f.SetSheetRow("Сотрудники", "A1", &[]any{"ФИО", "Грейд"})
	f.SetSheetRow("Сотрудники", "A2", &[]any{"Орлова Вера Павловна", "senior"})
	path := filepath.Join(t.TempDir(), "team.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	a.openImport(transfer.Staff)
	d := a.lastImport
	d.setFile(path)
	settle(a)
	if !d.sheet.Visible() || len(d.sheet.Options) != 2 {
		t.Fatalf("sheets offered: %v (visible %v)", d.sheet.Options, d.sheet.Visible())
	}
	d.sheet.setValue("Сотрудники")
	settle(a)
	if len(d.fields) != 2 || d.fields[0].value() != "full_name" || d.run.Disabled() {
		t.Fatalf("the second sheet was not read: %v", d.currentMapping())
	}
	test.Tap(d.run)
	settle(a)
	if !strings.Contains(d.result.Text, "Imported. Rows: 1") {
		t.Errorf("import says %q", d.result.Text)
	}
}

func TestImportSpeaksRussian(t *testing.T) {
	a := openDemo(t, "ru")
	a.openImport(transfer.Staff)
	d := a.lastImport
	d.setFile(writeFile(t, "staff.csv", "\ufeffФИО\tГрейд\nОрлова Вера Павловна\tмидл\n"))
	settle(a)
	if want := "CSV, UTF-8 с BOM, разделитель табуляция"; !strings.Contains(d.format.Text, want) {
		t.Errorf("read as %q, want %q in it", d.format.Text, want)
	}
	d.setFile(writeFile(t, "broken.csv", "ФИО;Грейд\n\"Орлова;мидл\n"))
	settle(a)
	if want := "broken.csv: строка 2: в значении открыта кавычка"; !strings.HasPrefix(d.format.Text, want) || !d.run.Disabled() {
		t.Errorf("an open quote: %q", d.format.Text)
	}
}
