package sheet

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The fixtures in testdata/ are small and committed; this generator is the
// record of how they were made. Regenerate with
//
//	go test ./data/sheet/ -run TestGenerateFixtures -update
var update = flag.Bool("update", false, "regenerate the fixtures in testdata/")

const (
	fixtureUTF8 = "Клиент;Менеджер;Выручка;Дата договора\n" +
		"ООО \"Ромашка\";Иванова А.;1500000;01.02.2024\n" +
		"ИП Петров;Сидоров Б.;250000,50;15.03.2024\n"
	fixtureUTF16 = "Клиент\tМенеджер\tВыручка\r\n" +
		"Альфа\tИванова\t100\r\n" +
		"\"Бета, Гамма\"\tПетров\t200,5\r\n"
	fixture1251 = "Клиент;Сумма;Доля;Дата\r\n" +
		"ООО «Вектор»;1234,56;0,25;01.02.2024\r\n" +
		"\"Ёлка; и партнёры\";-10,5;1,5;31.12.2023\r\n" +
		";;;\r\n" +
		"№ 5;0;0;29.02.2024\r\n"
	fixtureQuoted = "Name,Comment,Amount\n" +
		"\"Smith, John\",\"He said \"\"hi\"\"\",1.5\n" +
		"\"Multi\nline\",\"x,y\",2\n" +
		"Last,\"\",3\n"
	fixtureUnterminated = "Клиент;Комментарий\n" +
		"Альфа;ок\n" +
		"Бета;\"не закрыто\n" +
		"Гамма;ещё\n"
)

func TestGenerateFixtures(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate testdata/")
	}
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join("testdata", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("utf8.csv", []byte(fixtureUTF8))
	write("utf8bom.csv", []byte("\uFEFF"+strings.ReplaceAll(fixtureUTF8, "\n", "\r\n")))
	le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(fixtureUTF16))
	if err != nil {
		t.Fatal(err)
	}
	write("utf16le.txt", le)
	be, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(fixtureUTF16))
	if err != nil {
		t.Fatal(err)
	}
	write("utf16be.txt", be)
	cp, err := charmap.Windows1251.NewEncoder().Bytes([]byte(fixture1251))
	if err != nil {
		t.Fatal(err)
	}
	write("cp1251.csv", cp)
	write("quoted.csv", []byte(fixtureQuoted))
	write("unterminated.csv", []byte(fixtureUnterminated))
	write("mac.csv", []byte("Клиент;Сумма\rАльфа;1\rБета;2\r"))
	write("empty.csv", nil)
	write("blank.csv", []byte("  \r\n;;\r\n\r\n\t;  \r\n"))
	write("headeronly.csv", []byte("Клиент;Сумма\r\n"))

	rnd := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 512)
	for i := range junk {
		junk[i] = byte(rnd.Uint32())
	}
	write("random.bin", junk)
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{R: 255, A: 255})
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, img); err != nil {
		t.Fatal(err)
	}
	write("image.png", pngBuf.Bytes())
	write("encrypted.xlsx", append(append([]byte{}, oleSignature...), make([]byte, 504)...))

	title := titleWorkbook(t)
	write("title.xlsx", title)
	// A zip cut short: the signature is there, the directory is not.
	write("corrupt.xlsx", title[:len(title)/2])
	write("twosheets.xlsx", twoSheetsWorkbook(t))
}

// titleWorkbook has a title row and a blank row above the header, and cells
// with built-in and custom date formats, numbers with grouping, a percent,
// a time and text.
func titleWorkbook(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Отчёт"
	must(t, f.SetSheetName("Sheet1", sh))
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		must(t, err)
		return id
	}
	custom := func(code string) int { return style(&excelize.Style{CustomNumFmt: &code}) }
	builtin14 := style(&excelize.Style{NumFmt: 14})
	builtin22 := style(&excelize.Style{NumFmt: 22})
	builtin20 := style(&excelize.Style{NumFmt: 20})
	ruDate := custom("dd.mm.yyyy")
	ruLong := custom(`[$-419]d mmmm yyyy;@`)
	ruDateTime := custom("dd.mm.yyyy hh:mm")
	grouped := custom("#,##0.00")
	rouble := custom(`#,##0 "₽"`)
	percent := style(&excelize.Style{NumFmt: 10}) // 0.00%
	elapsed := custom("[h]:mm")

	must(t, f.SetCellValue(sh, "A1", "Отчёт по клиентам на 01.03.2024"))
	must(t, f.MergeCell(sh, "A1", "D1"))
	header := []any{"Клиент", "Дата договора", "Подписан", "Последний контакт", "Выручка", "Бюджет", "Доля", "Время", "Часы", "Создан"}
	must(t, f.SetSheetRow(sh, "A3", &header))
	type cell struct {
		v     any
		style int
	}
	rows := [][]cell{
		{{"ООО «Ромашка»", 0}, {45323.0, builtin14}, {45323.0, ruLong}, {45352.6041666667, ruDateTime}, {1234567.89, grouped}, {150000, rouble}, {0.125, percent}, {0.5, builtin20}, {1.5, elapsed}, {45323.75, builtin22}},
		{{"ИП Петров", 0}, {45366.0, ruDate}, {"нет даты", ruLong}, {45366.0, ruDateTime}, {-42.5, grouped}, {0, rouble}, {1, percent}, {0.75, builtin20}, {0.25, elapsed}, {45366.0, builtin22}},
	}
	for i, r := range rows {
		for j, c := range r {
			name, err := excelize.CoordinatesToCellName(j+1, i+4)
			must(t, err)
			must(t, f.SetCellValue(sh, name, c.v))
			if c.style != 0 {
				must(t, f.SetCellStyle(sh, name, name, c.style))
			}
		}
	}
	var buf bytes.Buffer
	_, err := f.WriteTo(&buf)
	must(t, err)
	return buf.Bytes()
}

// twoSheetsWorkbook has a note on its first sheet and the data on "Клиенты".
func twoSheetsWorkbook(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetSheetName("Sheet1", "Инструкция"))
	must(t, f.SetCellValue("Инструкция", "A1", "Данные на листе «Клиенты»"))
	_, err := f.NewSheet("Клиенты")
	must(t, err)
	must(t, f.SetSheetRow("Клиенты", "A1", &[]any{"Клиент", "Сумма"}))
	must(t, f.SetSheetRow("Клиенты", "A2", &[]any{"Альфа", 100}))
	must(t, f.SetSheetRow("Клиенты", "A4", &[]any{"Бета", 2.5}))
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	must(t, err)
	return buf.Bytes()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
