package transfer_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The text fixtures in testdata/ are small and committed; this table is the record
// of what they hold and how they are encoded. Regenerate them with
//
//	go test ./data/transfer/ -run TestFixtures -update
var update = flag.Bool("update", false, "regenerate the fixtures in testdata/")

type fixture struct {
	name string
	enc  encoding.Encoding // nil: UTF-8 as written
	bom  bool              // UTF-8 with a byte order mark
	text string
}

var (
	cp1251  = charmap.Windows1251
	koi8r   = charmap.KOI8R
	utf16le = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
)

// The department the fixtures describe: five people (two of them "Иванов И.П."),
// four clients, their contacts, contracts, history and a log, each file the way a
// Russian office would produce it.
var fixtures = []fixture{
	// Russian Excel's "CSV (разделители - точки с запятой)": Windows-1251, ';', CRLF,
	// decimal commas, dd.mm.yyyy and dd.mm.yy dates, words in any case, an extra column.
	{name: "staff_cp1251.csv", enc: cp1251, text: "" +
		"ФИО;Должность;Грейд;Команда;Дата найма;Ставка;Статус;Дата увольнения;Email;Телефон;Табельный номер\r\n" +
		"Иванов Иван Петрович;Старший аккаунт-менеджер;СТАРШИЙ;Ритейл;15.03.2021;1,0;Работает;;ivanov@agency.ru;+7 (495) 123-45-67;001\r\n" +
		"Иванов Игорь Павлович;Аккаунт-менеджер;мидл;Ритейл;01.09.22;0,5;В ШТАТЕ;;;;002\r\n" +
		"Петрова Мария Сергеевна;Младший аккаунт-менеджер;младший;FMCG;10.01.2024;0,75;отпуск;;petrova@agency.ru;;003\r\n" +
		"Сидоров Алексей Викторович;Руководитель группы;Руководитель;FMCG;01.02.19;1;активен;;;;004\r\n" +
		"Кузнецов Олег Ильич;Аккаунт-менеджер;Middle;Ритейл;01.06.2020;1;Уволен;31.12.2025;;;005\r\n"},
	// Clients the same way: money with spaces (one of them no-break) and "руб.", Cyrillic
	// tier letters, a quoted name holding the delimiter, managers as "Фамилия Имя" and
	// "Фамилия И.О.".
	{name: "clients_cp1251.csv", enc: cp1251, text: "" +
		"Клиент;Отрасль;Категория;Статус;Бюджет в месяц;Услуги;Сложность;Дата начала;Менеджер;Замещающий\r\n" +
		"ООО «Ромашка»;Ритейл;А;Активный;1 250 000,00 руб.;Закупка рекламы, SEO;4;01.02.2024;Иванов Иван;Петрова М.С.\r\n" +
		"Пекарня «Колос»;FMCG;В;НА ПАУЗЕ;350\u00a0000 руб.;креатив;2;15.06.23;Сидоров А.В.;\r\n" +
		"\"Альфа; Бета и партнёры\";IT;С;в работе;99 999,50;\"аналитика; СММ\";3;01.03.2025;Иванов Игорь Павлович;Иванов Иван Петрович\r\n" +
		"Туры «Ёлка»;Туризм;a;потенциальный;0;;1;20.03.2026;;\r\n"},
	// Excel's "Unicode text": UTF-16 LE with a BOM, tabs; header aliases ("Компания",
	// "Ответственный", "Бюджет", ...), "₽" money, dd/mm/yyyy, an extra column. The
	// second row is a client of clients_cp1251.csv with a new budget.
	{name: "clients_utf16.txt", enc: utf16le, text: "" +
		"Компания\tСфера\tКласс\tЭтап\tБюджет\tОтветственный\tРаботаем с\tКомментарий\tИНН\r\n" +
		"Медиа-Групп «Восток»\tМедиа\tс\tДействующий\t1\u00a0250\u00a0000,00\u00a0₽\tСидоров Алексей\t01/12/2025\tчерез тендер\t7701234567\r\n" +
		"Пекарня «Колос»\tFMCG\tВ\tна паузе\t400 000 ₽\tСидоров А. В.\t15.06.2023\t\t\r\n"},
	// UTF-8 with a BOM (what Excel writes as "CSV UTF-8"), a "ЛПР" yes/no column, a
	// client named in another case.
	{name: "contacts_utf8bom.csv", bom: true, text: "" +
		"Клиент;Контакт;Роль;Email;Телефон;ЛПР\r\n" +
		"ООО «Ромашка»;Смирнова Ольга;Директор по маркетингу;o.smirnova@romashka.ru;+7 916 000-11-22;ЛПР\r\n" +
		"ооо «ромашка»;Орлов Пётр;Бренд-менеджер;;;нет\r\n" +
		"Пекарня «Колос»;Белова Анна;Владелец;;;Да\r\n" +
		"\"Альфа; Бета и партнёры\";Зуев Максим;;;;\r\n"},
	// The English keys as headers, ',' with quoted fields, ISO and Russian dates,
	// "1,250,000.00" and "1,5" (quoted), an extra column.
	{name: "contracts_keys.csv", text: "" +
		"client,number,start_date,end_date,monthly_fee,sla_hours,reporting,extra\n" +
		"ООО «Ромашка»,Д-2024/01,2024-02-01,2026-12-31,\"1,250,000.00\",4,monthly,x\n" +
		"Пекарня «Колос»,\"К-17, доп. 2\",01.07.2023,30.06.2024,150000,24,Раз в неделю,\n" +
		"\"Альфа; Бета и партнёры\",А-1,2025-03-01,,\"99 999,50 ₽\",\"1,5\",ежеквартально,\n"},
	// History: a past lead, the current lead's real start, a past backup.
	{name: "assignments.csv", text: "" +
		"Клиент;Менеджер;Роль;С;По\n" +
		"ООО «Ромашка»;Кузнецов О.И.;Ведущий;01.02.24;31.05.2024\n" +
		"ООО «Ромашка»;Иванов Иван Петрович;основной;01.06.2024;\n" +
		"Пекарня «Колос»;Петрова Мария;Замещающий;01.03.2024;31.12.2024\n"},
	// A log: date-times, "Время ответа, ч" with a decimal comma, "Оценка", money in a
	// quoted cell, a quoted comment holding the delimiter, a row without a manager.
	{name: "interactions.csv", text: "" +
		"Дата;Клиент;Менеджер;Канал;Тип;Время ответа, ч;Решено;Оценка;Сумма;Срок отчёта;Комментарий\n" +
		"02.03.2026 10:15;ООО «Ромашка»;Иванов Иван;Звонок;Запрос;1,5;02.03.2026 12:00;;;;Уточнить медиаплан\n" +
		"03.03.2026 09:00;ООО «Ромашка»;Петрова М.С.;почта;ЖАЛОБА;0,25;;2;;;\"Задержка отчёта; просят созвон\"\n" +
		"05.03.2026 16:40;Пекарня «Колос»;Сидоров А.В.;Встреча;Допродажа;;;5;\"250 000 ₽\";;Доп. услуга: SEO\n" +
		"10.03.26 11:00;\"Альфа; Бета и партнёры\";;e-mail;отчёт;;;;;13.03.2026;\n"},

	// Bad files. Each is imported into the department above and must be refused
	// with the row, column and reason the tests expect, the database untouched.
	{name: "bad_missing_column.csv", text: "Отрасль;Категория;Статус\nРитейл;А;активный\n"},
	{name: "bad_unknown_manager.csv", text: "" +
		"Клиент;Категория;Статус;Дата начала;Менеджер\n" +
		"Новый клиент 1;B;активный;01.03.2026;Сидоров А.В.\n" +
		"Новый клиент 2;B;активный;01.03.2026;Смирнов А.А.\n"},
	{name: "bad_ambiguous_manager.csv", text: "" +
		"Клиент;Статус;Дата начала;Ответственный\n" +
		"Новый клиент;активный;01.03.2026;Иванов И.П.\n"},
	{name: "bad_unknown_client.csv", text: "" +
		"Клиент;Контакт;ЛПР\n" +
		"ООО «Ромашка»;Новиков Илья;да\n" +
		"ООО «Несуществующая»;Кто-то;нет\n"},
	{name: "bad_repeated.csv", text: "" +
		"Клиент;Статус;Дата начала;Менеджер\n" +
		"Новый клиент;активный;01.03.2026;Сидоров А.В.\n" +
		"ООО «Ромашка»;;;\n" +
		"НОВЫЙ  КЛИЕНТ;активный;01.03.2026;Сидоров А.В.\n" +
		"ооо «ромашка»;;;\n"},
	{name: "bad_contract_end.csv", text: "" +
		"Клиент;Номер;Дата начала;Дата окончания\n" +
		"ООО «Ромашка»;Д-2026/02;01.02.2026;01.01.2026\n"},
	{name: "bad_assignment_end.csv", text: "" +
		"Клиент;Менеджер;Роль;С;По\n" +
		"Пекарня «Колос»;Петрова Мария;Замещающий;01.03.2025;28.02.2025\n"},
	{name: "bad_negative_budget.csv", text: "" +
		"Клиент;Статус;Бюджет в месяц;Дата начала;Менеджер\n" +
		"Новый клиент;активный;-50 000 ₽;01.03.2026;Сидоров А.В.\n"},
	{name: "bad_date.csv", text: "" +
		"ФИО;Грейд;Дата найма\n" +
		"Новиков Илья Сергеевич;младший;31.02.2026\n"},
	{name: "bad_number.csv", text: "" +
		"ФИО;Грейд;Ставка\n" +
		"Новиков Илья Сергеевич;младший;полная\n"},
	// Several bad rows among good ones: every one is listed.
	{name: "bad_many.csv", text: "" +
		"Клиент;Категория;Статус;Бюджет в месяц;Дата начала;Менеджер\n" +
		"Клиент 1;A;активный;-1;01.03.2026;Сидоров А.В.\n" +
		"Клиент 2;B;активный;100 000;01.03.2026;Сидоров А.В.\n" +
		"Клиент 3;B;активный;100 000;32.03.2026;Некто Н.Н.\n" +
		"Клиент 4;Z;активный;100 000;01.03.2026;Сидоров А.В.\n" +
		"Клиент 5;C;активный;много;01.03.2026;Сидоров А.В.\n" +
		"Клиент 6;C;активный;5 000;01.03.2026;Сидоров А.В.\n"},
	// Row numbers of a UTF-16 tab file, and of a ',' file with a quoted multi-line cell:
	// a row is named by the line it starts on, as an editor shows it.
	{name: "bad_utf16.txt", enc: utf16le, text: "" +
		"Компания\tЭтап\tРаботаем с\tОтветственный\r\n" +
		"Новый клиент 1\tактивный\t01.03.2026\tСидоров А.В.\r\n" +
		"Новый клиент 2\tактивный\t01.03.2026\tСмирнов А.А.\r\n"},
	{name: "bad_multiline.csv", text: "" +
		"Клиент,Контакт,Роль\n" +
		"ООО «Ромашка»,Новиков Илья,\"Директор,\nпо маркетингу\"\n" +
		"ООО «Лютик»,Кто-то,\n"},
	{name: "blank.csv", text: "\r\n   \r\n;;;\r\n\t\r\n"},
	{name: "header_only.csv", text: "Клиент;Отрасль;Категория\r\n"},
	// A staff file in KOI8-R: not an encoding offices use for CSV; read as Windows-1251
	// it is gibberish without a header.
	{name: "bad_koi8r.csv", enc: koi8r, text: "" +
		"ФИО;Грейд;Дата найма\r\n" +
		"Новиков Илья Сергеевич;младший;01.03.2026\r\n"},
}

// binaryFixtures are written byte by byte.
var binaryFixtures = map[string][]byte{
	"empty.csv": {},
	// A PNG's start: a signature, NULs and a chunk.
	"binary.csv": append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"),
		bytes.Repeat([]byte{0, 1, 2, 3, 0xff, 0xfe}, 40)...),
}

func (f fixture) bytes(t testing.TB) []byte {
	t.Helper()
	out := []byte(f.text)
	if f.enc != nil {
		var err error
		if out, err = f.enc.NewEncoder().Bytes(out); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
	}
	if f.bom {
		out = append([]byte("\uFEFF"), out...)
	}
	return out
}

// TestFixtures writes testdata/ with -update, and otherwise checks that the
// committed files are what the table above says.
func TestFixtures(t *testing.T) {
	all := map[string][]byte{}
	for _, f := range fixtures {
		all[f.name] = f.bytes(t)
	}
	for name, b := range binaryFixtures {
		all[name] = b
	}
	for name, want := range all {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v (run with -update to write the fixtures)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the table in fixtures_test.go (run with -update)", path)
		}
	}
}

// testdata is a fixture's path.
func testdata(name string) string { return filepath.Join("testdata", name) }
