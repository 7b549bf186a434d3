package sheet

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// readAll opens a file and reads it to the end.
func readAll(t *testing.T, path string, opt Options) (Reader, []Row) {
	t.Helper()
	r, err := Open(path, opt)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { r.Close() })
	var rows []Row
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("Next after %d rows: %v", len(rows), err)
		}
		rows = append(rows, row)
	}
	if p := r.Progress(); p != 1 {
		t.Errorf("Progress at EOF = %v, want 1", p)
	}
	return r, rows
}

func hasCell(want string) func([]string) bool {
	return func(cells []string) bool { return slices.Contains(cells, want) }
}

func TestOpenVariants(t *testing.T) {
	ruRows := []Row{
		{2, []string{`ООО "Ромашка"`, "Иванова А.", "1500000", "01.02.2024"}},
		{3, []string{"ИП Петров", "Сидоров Б.", "250000,50", "15.03.2024"}},
	}
	ruHeader := []string{"Клиент", "Менеджер", "Выручка", "Дата договора"}
	tabRows := []Row{
		{2, []string{"Альфа", "Иванова", "100"}},
		{3, []string{"Бета, Гамма", "Петров", "200,5"}},
	}
	tests := []struct {
		file      string
		opt       Options
		describe  string
		header    []string
		headerRow int
		rows      []Row
	}{
		{"utf8.csv", Options{}, "CSV, UTF-8, ';'", ruHeader, 1, ruRows},
		{"utf8bom.csv", Options{}, "CSV, UTF-8 with BOM, ';'", ruHeader, 1, ruRows},
		{"utf16le.txt", Options{}, "CSV, UTF-16LE, tab", []string{"Клиент", "Менеджер", "Выручка"}, 1, tabRows},
		{"utf16be.txt", Options{}, "CSV, UTF-16BE, tab", []string{"Клиент", "Менеджер", "Выручка"}, 1, tabRows},
		// Decimal commas must not make ',' the delimiter; the blank ";;;" line is skipped
		// but counted.
		{"cp1251.csv", Options{}, "CSV, windows-1251, ';'", []string{"Клиент", "Сумма", "Доля", "Дата"}, 1, []Row{
			{2, []string{"ООО «Вектор»", "1234,56", "0,25", "01.02.2024"}},
			{3, []string{"Ёлка; и партнёры", "-10,5", "1,5", "31.12.2023"}},
			{5, []string{"№ 5", "0", "0", "29.02.2024"}},
		}},
		// A multi-line quoted field: the next record keeps its own line number.
		{"quoted.csv", Options{}, "CSV, UTF-8, ','", []string{"Name", "Comment", "Amount"}, 1, []Row{
			{2, []string{"Smith, John", `He said "hi"`, "1.5"}},
			{3, []string{"Multi\nline", "x,y", "2"}},
			{5, []string{"Last", "", "3"}},
		}},
		{"mac.csv", Options{}, "CSV, UTF-8, ';'", []string{"Клиент", "Сумма"}, 1, []Row{
			{2, []string{"Альфа", "1"}},
			{3, []string{"Бета", "2"}},
		}},
		// A title row and a blank row above the header; dates by built-in and custom
		// formats, raw numbers, a time, elapsed hours, text in a date-formatted cell.
		{"title.xlsx", Options{IsHeader: hasCell("Клиент")}, "XLSX, sheet «Отчёт»",
			[]string{"Клиент", "Дата договора", "Подписан", "Последний контакт", "Выручка", "Бюджет", "Доля", "Время", "Часы", "Создан"}, 3, []Row{
				{4, []string{"ООО «Ромашка»", "2024-02-01", "2024-02-01", "2024-03-01 14:30", "1234567.89", "150000", "0.125", "12:00", "36:00", "2024-02-01 18:00"}},
				{5, []string{"ИП Петров", "2024-03-15", "нет даты", "2024-03-15", "-42.5", "0", "1", "18:00", "6:00", "2024-03-15"}},
			}},
		// Data on a named second sheet, with a gap row; matched case-insensitively.
		{"twosheets.xlsx", Options{Sheet: "клиенты"}, "XLSX, sheet «Клиенты»", []string{"Клиент", "Сумма"}, 1, []Row{
			{2, []string{"Альфа", "100"}},
			{4, []string{"Бета", "2.5"}},
		}},
		{"headeronly.csv", Options{}, "CSV, UTF-8, ';'", []string{"Клиент", "Сумма"}, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r, rows := readAll(t, filepath.Join("testdata", tt.file), tt.opt)
			if got := r.Source().String(); got != tt.describe {
				t.Errorf("Describe = %q, want %q", got, tt.describe)
			}
			if got := r.Header(); !reflect.DeepEqual(got, tt.header) {
				t.Errorf("Header = %q, want %q", got, tt.header)
			}
			if got := r.HeaderRow(); got != tt.headerRow {
				t.Errorf("HeaderRow = %d, want %d", got, tt.headerRow)
			}
			if !reflect.DeepEqual(rows, tt.rows) {
				t.Errorf("rows:\n got %v\nwant %v", rows, tt.rows)
			}
			if _, err := r.Next(); err != io.EOF {
				t.Errorf("Next after EOF = %v, want io.EOF again", err)
			}
		})
	}
}

func TestOpenBad(t *testing.T) {
	tests := []struct {
		file    string
		opt     Options
		problem string
		detail  string // a substring of Detail
	}{
		{"empty.csv", Options{}, ProblemEmpty, "0 bytes"},
		{"blank.csv", Options{}, ProblemEmpty, ""},
		{"random.bin", Options{}, ProblemBinary, ""},
		{"image.png", Options{}, ProblemBinary, ""},
		{"corrupt.xlsx", Options{}, ProblemBadXLSX, "zip"},
		{"encrypted.xlsx", Options{}, ProblemBadXLSX, "encrypted"},
		{"twosheets.xlsx", Options{Sheet: "Сделки"}, ProblemNoSheet, "«Инструкция», «Клиенты»"},
		{"utf8.csv", Options{IsHeader: hasCell("Телефон")}, ProblemNoHeader, "3"},
		{"title.xlsx", Options{IsHeader: hasCell("Клиент"), HeaderSearch: 1}, ProblemNoHeader, "1"},
	}
	for _, tt := range tests {
		t.Run(tt.file+tt.opt.Sheet, func(t *testing.T) {
			r, err := Open(filepath.Join("testdata", tt.file), tt.opt)
			if err == nil {
				r.Close()
				t.Fatalf("Open succeeded, want %s", tt.problem)
			}
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T) is not a FormatError", err, err)
			}
			if fe.Problem != tt.problem || !strings.Contains(fe.Detail, tt.detail) {
				t.Errorf("got %q / %q, want %q with %q", fe.Problem, fe.Detail, tt.problem, tt.detail)
			}
			if !IsProblem(err, tt.problem) || err.Error() == "" {
				t.Errorf("IsProblem or Error() broken for %v", err)
			}
		})
	}
	if _, err := Open(filepath.Join("testdata", "missing.csv"), Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v, want os.ErrNotExist", err)
	}
}

// An unterminated quote is reported with the line where it opened, after the
// rows before it.
func TestUnterminatedQuote(t *testing.T) {
	r, err := Open(filepath.Join("testdata", "unterminated.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	row, err := r.Next()
	if err != nil || row.Num != 2 {
		t.Fatalf("first row %v %v", row, err)
	}
	_, err = r.Next()
	var fe *FormatError
	if !errors.As(err, &fe) || fe.Problem != ProblemOpenQuote || fe.Line != 3 {
		t.Fatalf("got %v, want open_quote at line 3", err)
	}
	if _, again := r.Next(); again != err {
		t.Errorf("the error is not sticky: %v", again)
	}
}

// In the header: an unterminated quote in the header itself.
func TestUnterminatedQuoteInHeader(t *testing.T) {
	path := writeTemp(t, "h.csv", []byte("a;\"b\nc;d\n"))
	_, err := Open(path, Options{})
	if !IsProblem(err, ProblemOpenQuote) || !strings.Contains(err.Error(), "line 1") {
		t.Fatalf("got %v", err)
	}
}

// A runaway record (an unterminated quote in a big file) is stopped at the
// limit instead of being read into memory.
func TestRunawayRecord(t *testing.T) {
	old := maxRecordBytes
	maxRecordBytes = 1 << 10
	defer func() { maxRecordBytes = old }()
	var b bytes.Buffer
	b.WriteString("a;b\n1;\"open\n")
	for b.Len() < 8<<10 {
		b.WriteString("x;y\n")
	}
	r, err := Open(writeTemp(t, "runaway.csv", b.Bytes()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, err = r.Next()
	if !IsProblem(err, ProblemOpenQuote) || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("got %v, want open_quote at line 2", err)
	}
	b.Reset()
	b.WriteString("a;b\n")
	for b.Len() < 8<<10 {
		b.WriteString("xxxxxxxx")
	}
	r, err = Open(writeTemp(t, "long.csv", b.Bytes()), Options{})
	if err == nil {
		_, err = r.Next()
		r.Close()
	}
	if !IsProblem(err, ProblemLongLine) || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("long line: got %v", err)
	}
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDetectDelimiter(t *testing.T) {
	tests := []struct {
		name, text string
		whole      bool
		want       rune
	}{
		{"semicolon", "a;b;c\n1;2;3\n", true, ';'},
		{"comma", "a,b,c\n1,2,3\n", true, ','},
		{"tab", "a\tb\n1\t2\n", true, '\t'},
		{"decimal commas", "Имя;Сумма;Доля\nА;1,5;0,25\nБ;2,75;0,5\n", true, ';'},
		{"decimal commas no header", "А;1,5\nБ;2,75\n", true, ';'},
		{"quoted commas in ; file", "a;b\n\"x, y, z\";1\n\"p, q\";2\n", true, ';'},
		{"quoted semicolons in , file", "a,b\n\"x; y; z\",1\n\"p; q\",2\n", true, ','},
		{"quoted line break", "a,b\n\"x;\ny;\nz\",1\n", true, ','},
		{"doubled quotes", "a,b\n\"he said \"\"a;b\"\"\",1\n", true, ','},
		{"title line", "Отчёт за март\nа,б,в\n1,2,3\n4,5,6\n", true, ','},
		{"single column", "Клиент\nАльфа\n", true, ';'},
		{"cut last line ignored", "a,b\n1,2\n3;4;5;6;7;8", false, ','},
	}
	for _, tt := range tests {
		if got := detectDelimiter(tt.text, tt.whole); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// The 64 KB sample may end in the middle of a character: UTF-8 must still
// be recognised, and nothing lost at the boundary.
func TestSampleEndsMidCharacter(t *testing.T) {
	var body bytes.Buffer
	n := 1
	for body.Len() < 3*sampleSize {
		n++
		body.WriteString("Альфа;" + strings.Repeat("ж", n%7+1) + "\n")
	}
	var data []byte
	for pad := range 4 { // shift the text until a character straddles 64 KB
		data = append([]byte(strings.Repeat("x", pad)+"Клиент;Комментарий\n"), body.Bytes()...)
		if data[sampleSize]&0xC0 == 0x80 {
			break
		}
	}
	if data[sampleSize]&0xC0 != 0x80 {
		t.Fatalf("fixture does not cut a character at %d", sampleSize)
	}
	r, rows := readAll(t, writeTemp(t, "cut.csv", data), Options{})
	if r.Source().String() != "CSV, UTF-8, ';'" {
		t.Errorf("Describe = %q", r.Source().String())
	}
	for _, row := range rows {
		if row.Cells[0] != "Альфа" || strings.ContainsRune(row.Cells[1], '\uFFFD') {
			t.Fatalf("row %d decoded badly: %q", row.Num, row.Cells)
		}
	}
	if len(rows) < n-2 {
		t.Fatalf("%d rows, want about %d", len(rows), n)
	}
}

// A file whose first 64 KB are ASCII and which has Windows-1251 (or UTF-8)
// text later is decoded by what comes later.
func TestASCIISampleThenCyrillic(t *testing.T) {
	for _, enc := range []string{"windows-1251", "UTF-8"} {
		t.Run(enc, func(t *testing.T) {
			var b bytes.Buffer
			b.WriteString("id;name\n")
			for i := 0; b.Len() < 2*sampleSize; i++ {
				b.WriteString("1;client\n")
			}
			tail := "2;Клиент «Ёж»\n"
			if enc == "windows-1251" {
				enc1251, _ := charmap.Windows1251.NewEncoder().String(tail)
				tail = enc1251
			}
			b.WriteString(tail)
			r, rows := readAll(t, writeTemp(t, "late.csv", b.Bytes()), Options{})
			last := rows[len(rows)-1]
			if last.Cells[1] != "Клиент «Ёж»" {
				t.Errorf("last row %q", last.Cells)
			}
			if want := "CSV, " + enc + ", ';'"; r.Source().String() != want {
				t.Errorf("Describe = %q, want %q", r.Source().String(), want)
			}
		})
	}
}

// Invalid UTF-8 after a valid sample is replaced, not passed on.
func TestInvalidUTF8Later(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("имя;x\n")
	for b.Len() < 2*sampleSize {
		b.WriteString("Альфа;1\n")
	}
	b.WriteString("bad\xff;2\n")
	_, rows := readAll(t, writeTemp(t, "inv.csv", b.Bytes()), Options{})
	if got := rows[len(rows)-1].Cells[0]; got != "bad\uFFFD" {
		t.Errorf("got %q", got)
	}
}

// Rows shorter than the header are padded; longer ones keep their cells;
// trailing empty header cells are dropped; empty rows are skipped.
func TestRowShapes(t *testing.T) {
	path := writeTemp(t, "shape.csv", []byte(" a ; b ;;\n1\n\n;;\n  ;\t\n1;2;3;4\n"))
	r, rows := readAll(t, path, Options{})
	if !reflect.DeepEqual(r.Header(), []string{"a", "b"}) {
		t.Errorf("header %q", r.Header())
	}
	want := []Row{{2, []string{"1", ""}}, {6, []string{"1", "2", "3", "4"}}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %v, want %v", rows, want)
	}
}

// HeaderSearch counts non-empty rows; the header can be the last searched.
func TestHeaderSearch(t *testing.T) {
	path := writeTemp(t, "title.csv", []byte("Отчёт\n\nза март\nКлиент;Сумма\nА;1\n"))
	r, rows := readAll(t, path, Options{IsHeader: hasCell("Клиент"), HeaderSearch: 3})
	if r.HeaderRow() != 4 || len(rows) != 1 || rows[0].Num != 5 {
		t.Errorf("header row %d, rows %v", r.HeaderRow(), rows)
	}
	if _, err := Open(path, Options{IsHeader: hasCell("Клиент"), HeaderSearch: 2}); !IsProblem(err, ProblemNoHeader) {
		t.Errorf("HeaderSearch 2: %v", err)
	}
}

// Binary and near-binary inputs.
func TestBinaryDetection(t *testing.T) {
	for name, data := range map[string][]byte{
		"nul":        []byte("a;b\n1\x002;3\n"),
		"controls":   bytes.Repeat([]byte("\x01\x02\x03abc"), 20),
		"utf16 junk": append([]byte{0xFF, 0xFE}, bytes.Repeat([]byte{1, 0, 2, 0, 'a', 0}, 50)...),
	} {
		if _, err := Open(writeTemp(t, "b", data), Options{}); !IsProblem(err, ProblemBinary) {
			t.Errorf("%s: %v, want binary", name, err)
		}
	}
	// A stray control character in a long text is not binary.
	text := "a;b\n" + strings.Repeat("текст;1\n", 50) + "x\x01y;2\n"
	if _, err := Open(writeTemp(t, "t", []byte(text)), Options{}); err != nil {
		t.Errorf("text with one control char: %v", err)
	}
}

// Progress grows from 0 to 1, and may be polled from another goroutine while
// rows are read (run with -race).
func TestProgressConcurrent(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("a;b\n")
	for b.Len() < 1<<20 {
		b.WriteString("Альфа;12345\n")
	}
	for _, path := range []string{writeTemp(t, "p.csv", b.Bytes()), filepath.Join("testdata", "title.xlsx")} {
		r, err := Open(path, Options{IsHeader: func(c []string) bool { return c[0] == "a" || c[0] == "Клиент" }})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		stop := make(chan struct{})
		wg.Go(func() {
			last := 0.0
			for {
				select {
				case <-stop:
					return
				default:
				}
				p := r.Progress()
				_ = r.Source().String()
				if p < last || p < 0 || p > 1 {
					t.Errorf("progress went %v -> %v", last, p)
					return
				}
				last = p
			}
		})
		mid := -1.0
		for i := 0; ; i++ {
			if _, err := r.Next(); err != nil {
				break
			}
			if i == 40000 {
				mid = r.Progress()
			}
		}
		close(stop)
		wg.Wait()
		if strings.HasSuffix(path, ".csv") && (mid <= 0 || mid >= 1) {
			t.Errorf("progress mid-file = %v", mid)
		}
		if p := r.Progress(); p != 1 {
			t.Errorf("final progress %v", p)
		}
		r.Close()
	}
}

func TestClassifyFormat(t *testing.T) {
	tests := map[string]byte{
		"dd.mm.yyyy":                 kindDate,
		"[$-419]d mmmm yyyy;@":       kindDate,
		"mmm yy":                     kindDate,
		"dd.mm.yyyy hh:mm":           kindDate,
		"h:mm AM/PM":                 kindTime,
		"hh:mm:ss":                   kindTime,
		"[h]:mm:ss":                  kindSpan,
		"[mm]:ss":                    kindSpan,
		"#,##0.00":                   0,
		`#,##0 "руб."`:               0,
		`#,##0\ [$₽-419]`:            0,
		`0.00" дней"`:                0,
		"[Red]-#,##0.00":             0,
		"0.00E+00":                   0,
		"General":                    0,
		"@":                          0,
		`_-* #,##0_-;\-* #,##0_-`:    0,
		`[$-F800]dddd\,\ mmmm\ dd\,`: kindDate,
	}
	for code, want := range tests {
		if got := classifyFormat(code); got != want {
			t.Errorf("classifyFormat(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestSheetName(t *testing.T) {
	tests := map[string]string{
		"Нагрузка":                    "Нагрузка",
		"План/факт: март [2024]?":     "План_факт_ март _2024__",
		"'цитата'":                    "цитата",
		"":                            "Лист1",
		"history":                     "history_",
		strings.Repeat("я", 40):       strings.Repeat("я", 31),
		strings.Repeat("a", 30) + "😀": strings.Repeat("a", 30),
	}
	for in, want := range tests {
		if got := SheetName(in, "ru"); got != want {
			t.Errorf("SheetName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := SheetName("", "en"); got != "Sheet1" {
		t.Errorf("empty en: %q", got)
	}
}

// countRowTags finds every row tag, also one cut by its read buffer.
func TestCountRowTags(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<worksheet><dimension ref="A1"/><sheetData>`)
	want := 0
	for i := 0; b.Len() < 300<<10; i++ {
		switch i % 3 {
		case 0:
			b.WriteString(`<row r="1"><c r="A1"><v>1</v></c></row>`)
		case 1:
			b.WriteString(`<x:row><x:c><x:v>rows</x:v></x:c></x:row>`)
		default:
			b.WriteString(`<row` + "\n" + `spans="1:2"></row><rowBreaks/>`)
		}
		want++
	}
	if got := countRowTags(strings.NewReader(b.String())); got != want {
		t.Errorf("got %d, want %d", got, want)
	}
}

// An XLSX whose sheet has no data is "empty"; without Options.Sheet the
// first visible sheet is read.
func TestXLSXEmptyAndHidden(t *testing.T) {
	f := excelize.NewFile()
	path := filepath.Join(t.TempDir(), "e.xlsx")
	must(t, f.SaveAs(path))
	f.Close()
	if _, err := Open(path, Options{}); !IsProblem(err, ProblemEmpty) {
		t.Errorf("empty workbook: %v", err)
	}

	f = excelize.NewFile()
	_, err := f.NewSheet("Данные")
	must(t, err)
	must(t, f.SetCellValue("Sheet1", "A1", "скрытый"))
	must(t, f.SetSheetRow("Данные", "B2", &[]any{"Клиент", "Сумма"}))
	must(t, f.SetSheetRow("Данные", "B3", &[]any{"Альфа", 1}))
	f.SetActiveSheet(1)
	must(t, f.SetSheetVisible("Sheet1", false))
	path = filepath.Join(t.TempDir(), "h.xlsx")
	must(t, f.SaveAs(path))
	f.Close()
	r, rows := readAll(t, path, Options{})
	if r.Source().String() != "XLSX, sheet «Данные»" || !reflect.DeepEqual(r.Header(), []string{"", "Клиент", "Сумма"}) ||
		!reflect.DeepEqual(rows, []Row{{3, []string{"", "Альфа", "1"}}}) {
		t.Errorf("%s %q %v", r.Source().String(), r.Header(), rows)
	}
}
