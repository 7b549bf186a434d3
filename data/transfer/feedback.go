package transfer

import (
	"slices"
	"time"

	"leadboard/data"
	"leadboard/data/table"
)

// Feedback files carry other departments' word on account managers, one entry per
// row: whom it is about, the department, the day, who wrote it, ratings 1-5 (an
// empty cell: not rated) and a comment. Departments are the app's list: a name the
// list lacks is an error, never a new department.
var feedbackFields = []field{
	{key: "manager", ru: "Менеджер", en: "Manager", kind: table.Text, required: true,
		aliases: []string{"аккаунт-менеджер", "сотрудник", "ответственный", "фио", "кого оценивают", "account manager",
			"employee", "person", "staff"}},
	{key: "department", ru: "Отдел", en: "Department", kind: table.Text, required: true,
		aliases: []string{"подразделение", "служба", "dept", "from department"}},
	{key: "date", ru: "Дата", en: "Date", kind: table.Date, required: true,
		aliases: []string{"дата отзыва", "дата оценки", "когда", "given on"}},
	{key: "author", ru: "Автор", en: "Author", kind: table.Text,
		aliases: []string{"автор отзыва", "кто оценивает", "оценщик", "от кого", "reviewer", "given by"}},
	{key: "handoff", ru: "Передача задач", en: "Handoff quality", kind: table.Integer,
		aliases: []string{"качество передачи задач", "передача", "handoff", "handoffs"}},
	{key: "briefs", ru: "Ясность брифов", en: "Clarity of briefs", kind: table.Integer,
		aliases: []string{"брифы", "качество брифов", "briefs", "brief clarity"}},
	{key: "deadlines", ru: "Соблюдение сроков", en: "Deadline discipline", kind: table.Integer,
		aliases: []string{"сроки", "дедлайны", "deadlines", "timeliness"}},
	{key: "communication", ru: "Общение", en: "Communication", kind: table.Integer,
		aliases: []string{"коммуникация", "коммуникации"}},
	{key: "comment", ru: "Комментарий", en: "Comment", kind: table.Text,
		aliases: []string{"комментарии", "отзыв", "текст отзыва", "примечание", "заметки", "comments", "notes"}},
}

func init() { register(Feedback, feedbackFields, openFeedback) }

// feedbackRatings are the rating columns, in the file's order.
var feedbackRatings = []string{"handoff", "briefs", "deadlines", "communication"}

type feedbackImporter struct {
	noChange
	t     *data.Tx
	refs  *refs
	depts map[string]int64 // personKey of a department's name -> id
	keys  map[feedbackKey]*feedbackSlot
}

// feedbackKey is an entry's natural key: the person, the department, the day and
// the author (personKey). Nothing keeps it unique: the window may record two
// entries under one key.
type feedbackKey struct {
	staff, dept int64
	on, author  string
}

// feedbackSlot is what an import knows of one key.
type feedbackSlot struct {
	stored []data.Feedback // the entries with the key before the import, oldest first
	used   int             // how many of them rows have matched
	rows   []data.Feedback // what the rows with the key left (feedbackContent)
}

func openFeedback(t *data.Tx, _, _ string) (rowImporter, error) {
	f, err := loadRefs(t)
	if err != nil {
		return nil, err
	}
	depts, err := t.Departments()
	if err != nil {
		return nil, err
	}
	im := &feedbackImporter{t: t, refs: f, depts: map[string]int64{}, keys: map[feedbackKey]*feedbackSlot{}}
	for _, d := range depts { // archived ones too: their past feedback is history
		im.depts[personKey(d.Name)] = d.ID
	}
	return im, nil
}

// importRow matches a row with an entry by its natural key: the n-th row with a
// key is the n-th entry with it (so that an export of entries sharing a key
// imports back), and fills it with the row's non-empty cells. A row beyond the
// entries is a new entry, unless an earlier row with the key says the same: a
// line repeated by mistake.
func (im *feedbackImporter) importRow(r *rowReader) (outcome, error) {
	for _, key := range []string{"manager", "department", "date"} {
		if r.text(key) == "" {
			r.fail(key, "required", nil)
		}
	}
	f := data.Feedback{
		StaffID:       im.refs.person(r, "manager"),
		DepartmentID:  im.department(r),
		On:            r.date("date"),
		Author:        r.text("author"),
		Handoff:       rating(r, "handoff"),
		Briefs:        rating(r, "briefs"),
		Deadlines:     rating(r, "deadlines"),
		Communication: rating(r, "communication"),
		Comment:       r.text("comment"),
	}
	if r.failed() {
		return unchanged, nil
	}
	slot, err := im.slot(f)
	if err != nil {
		return unchanged, err
	}
	found := slot.used < len(slot.stored)
	if found {
		old := slot.stored[slot.used]
		slot.used++
		merged := old
		for _, p := range []struct {
			dst *int
			v   int
		}{{&merged.Handoff, f.Handoff}, {&merged.Briefs, f.Briefs}, {&merged.Deadlines, f.Deadlines},
			{&merged.Communication, f.Communication}} {
			if p.v != 0 {
				*p.dst = p.v
			}
		}
		setText(r, "comment", &merged.Comment)
		slot.rows = append(slot.rows, feedbackContent(merged))
		if merged == old {
			return unchanged, nil
		}
		f = merged
	} else if slices.Contains(slot.rows, feedbackContent(f)) {
		r.fail("date", CodeRepeated, nil)
		return unchanged, nil
	}
	if _, err := im.t.SaveFeedback(f); err != nil {
		return unchanged, r.rejected(err, feedbackFieldColumns(r))
	}
	if found {
		return updated, nil
	}
	slot.rows = append(slot.rows, feedbackContent(f))
	return added, nil
}

// slot is what the import knows of an entry's key, read on the key's first row.
func (im *feedbackImporter) slot(f data.Feedback) (*feedbackSlot, error) {
	k := feedbackKey{f.StaffID, f.DepartmentID, f.On.Format(data.DateLayout), personKey(f.Author)}
	if s, ok := im.keys[k]; ok {
		return s, nil
	}
	stored, err := im.t.FindFeedback(f.StaffID, f.DepartmentID, f.On, f.Author)
	if err != nil {
		return nil, err
	}
	s := &feedbackSlot{stored: stored}
	im.keys[k] = s
	return s, nil
}

// feedbackContent is an entry as rows with its key compare: the key says the day
// and the author.
func feedbackContent(f data.Feedback) data.Feedback {
	f.ID, f.On, f.Author = 0, time.Time{}, ""
	return f
}

// department is the id of the department a cell names, in any case and spacing; 0
// when the cell is empty or names no department of the list (then the row has an
// error).
func (im *feedbackImporter) department(r *rowReader) int64 {
	name := r.text("department")
	if name == "" {
		return 0
	}
	id, ok := im.depts[personKey(name)]
	if !ok {
		r.fail("department", "unknown_department", nil)
	}
	return id
}

// rating reads a rating: empty for none, else a whole number from 1 to 5 (the data
// layer checks the range; a written 0 is refused here, where it would pass for
// "not rated").
func rating(r *rowReader, key string) int {
	if r.text(key) == "" {
		return 0
	}
	errs := len(r.errs)
	v := r.integer(key)
	if v == 0 && len(r.errs) == errs {
		r.fail(key, "range", map[string]any{"Min": 1, "Max": 5})
	}
	return int(v)
}

// feedbackFieldColumns maps the data layer's fields to the file's columns. The data
// layer reports an entry without ratings or comment at its handoff rating: in a
// file without that column, at the first of the others it has.
func feedbackFieldColumns(r *rowReader) map[string]string {
	out := map[string]string{"on": "date", "staff": "manager", "department": "department"}
	if _, ok := r.headers["handoff"]; !ok {
		for _, key := range append(feedbackRatings[1:], "comment") {
			if _, ok := r.headers[key]; ok {
				out["handoff"] = key
				break
			}
		}
	}
	return out
}
