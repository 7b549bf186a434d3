package transfer

import (
	"fmt"
	"strings"
	"time"

	"leadboard/data"
	"leadboard/data/parse"
	"leadboard/data/table"
)

var staffFields = []field{
	{key: "full_name", ru: "ФИО", en: "Full name", kind: table.Text, required: true,
		aliases: []string{"сотрудник", "фио сотрудника", "имя", "name", "employee"}},
	{key: "position", ru: "Должность", en: "Position", kind: table.Text, aliases: []string{"title", "job title"}},
	{key: "grade", ru: "Грейд", en: "Grade", kind: table.Text, required: true, aliases: []string{"уровень", "level"}},
	{key: "team", ru: "Команда", en: "Team", kind: table.Text, aliases: []string{"группа", "отдел"}},
	{key: "hire_date", ru: "Дата найма", en: "Hired", kind: table.Date,
		aliases: []string{"дата приема", "дата приёма на работу", "принят", "hire date"}},
	{key: "fte", ru: "Ставка", en: "FTE", kind: table.Number, aliases: []string{"ставка fte", "занятость"}},
	{key: "capacity", ru: "Личная ёмкость", en: "Own capacity", kind: table.Number,
		aliases: []string{"своя ёмкость", "ёмкость", "емкость", "capacity", "capacity override"}},
	{key: "status", ru: "Статус", en: "Status", kind: table.Text},
	{key: "left_date", ru: "Дата увольнения", en: "Left on", kind: table.Date, aliases: []string{"уволен", "left date"}},
	{key: "email", ru: "Email", en: "E-mail", kind: table.Text, aliases: []string{"почта", "эл почта", "электронная почта"}},
	{key: "phone", ru: "Телефон", en: "Phone", kind: table.Text, aliases: []string{"тел", "мобильный", "телефон мобильный"}},
	{key: "notes", ru: "Заметки", en: "Notes", kind: table.Text, aliases: []string{"комментарий", "примечание"}},
}

// gradeSynonyms are the usual Russian and English names of the default ladder's
// grades, on top of each grade's own names.
var gradeSynonyms = map[string][]string{
	"junior": {"младший", "младший специалист", "джуниор", "junior account manager"},
	"middle": {"специалист", "мидл", "account manager"},
	"senior": {"старший", "старший специалист", "сеньор", "senior account manager"},
	"lead":   {"руководитель", "руководитель группы", "тимлид", "team lead", "head"},
}

func init() { register(Staff, staffFields, openStaff) }

type staffImporter struct {
	noChange
	t        *data.Tx
	grades   parse.Enum
	gradeIDs map[string]int64
	names    []string                    // the grades' names in the import's language, for messages
	byName   map[string][]data.PersonRef // personKey -> the people of that name
	seen     map[int64]bool              // people written by this import
	reason   string
}

func openStaff(t *data.Tx, file, lang string) (rowImporter, error) {
	grades, err := t.Grades()
	if err != nil {
		return nil, err
	}
	people, err := t.People()
	if err != nil {
		return nil, err
	}
	im := &staffImporter{t: t, gradeIDs: map[string]int64{}, byName: map[string][]data.PersonRef{}, seen: map[int64]bool{},
		reason: catalog(lang).T("import.grade_reason", map[string]any{"File": file})}
	synonyms := map[string][]string{}
	for _, g := range grades {
		synonyms[g.Code] = append([]string{g.NameRU, g.NameEN}, gradeSynonyms[g.Code]...)
		im.gradeIDs[g.Code] = g.ID
		im.names = append(im.names, g.Name(lang))
	}
	im.grades = parse.NewEnum(synonyms)
	for _, p := range people {
		im.byName[personKey(p.Name)] = append(im.byName[personKey(p.Name)], p)
	}
	return im, nil
}

func (im *staffImporter) importRow(r *rowReader) (outcome, error) {
	name := strings.Join(strings.Fields(r.text("full_name")), " ") // as the store writes it
	var id int64
	switch namesakes := im.byName[personKey(name)]; len(namesakes) {
	case 0:
	case 1:
		id = namesakes[0].ID
	default: // a file knows people by name: with namesakes it cannot tell who is meant
		who := make([]string, len(namesakes))
		for i, p := range namesakes {
			who[i] = fmt.Sprintf("%s (%d)", p.Name, p.ID)
		}
		r.fail("full_name", parse.CodeAmbiguousPerson, map[string]any{"Value": strings.Join(who, ", ")})
		return unchanged, nil
	}
	if id != 0 && im.seen[id] {
		r.fail("full_name", CodeRepeated, nil)
		return unchanged, nil
	}
	p := data.Staff{FTE: 1, Status: data.StaffActive, HireDate: im.t.Today()}
	if id != 0 {
		var err error
		if p, err = im.t.GetStaff(id); err != nil {
			return unchanged, err
		}
	}
	old := p
	p.FullName = name
	setText(r, "position", &p.Position)
	if r.text("grade") != "" {
		p.GradeID = im.gradeIDs[r.oneOf("grade", im.grades, func() []string { return im.names })]
	}
	setText(r, "team", &p.Team)
	setDate(r, "hire_date", &p.HireDate)
	if r.text("fte") != "" {
		p.FTE = r.number("fte")
	}
	if r.text("capacity") != "" {
		p.CapacityOverride = r.number("capacity")
	}
	if r.text("status") != "" {
		p.Status = data.StaffStatus(r.word("status", staffStatuses))
	}
	setDate(r, "left_date", &p.LeftDate)
	setText(r, "email", &p.Email)
	setText(r, "phone", &p.Phone)
	setText(r, "notes", &p.Notes)
	if r.failed() {
		return unchanged, nil
	}
	if id != 0 && old == p {
		im.seen[id] = true
		return unchanged, nil
	}
	change := data.GradeChange{Date: im.t.Today(), Reason: im.reason}
	var saved int64
	err := im.t.Savepoint(func() error {
		var err error
		saved, err = im.t.SaveStaff(p, change)
		return err
	})
	if err != nil {
		return unchanged, r.rejected(err, map[string]string{"grade_date": "grade", "grade_reason": "grade",
			"capacity_override": "capacity"})
	}
	im.seen[saved] = true
	if id == 0 {
		im.byName[personKey(p.FullName)] = []data.PersonRef{{ID: saved, Name: p.FullName}}
	}
	if id != 0 {
		return updated, nil
	}
	return added, nil
}

// personKey is a full name as people are matched by it: case, ё and spacing
// (doubled or no-break spaces) do not matter.
func personKey(name string) string { return data.Fold(strings.Join(strings.Fields(name), " ")) }

// An import overwrites a field only with a non-empty cell: a column the file lacks,
// or a blank cell, leaves what the database holds.

func setText(r *rowReader, key string, dst *string) {
	if v := r.text(key); v != "" {
		*dst = v
	}
}

func setDate(r *rowReader, key string, dst *time.Time) {
	if r.text(key) != "" {
		*dst = r.date(key)
	}
}
