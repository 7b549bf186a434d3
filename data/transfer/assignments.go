package transfer

import (
	"leadboard/data"
	"leadboard/data/table"
)

var assignmentFields = []field{
	{key: "client", ru: "Клиент", en: "Client", kind: table.Text, required: true, aliases: []string{"компания", "company"}},
	{key: "manager", ru: "Менеджер", en: "Manager", kind: table.Text, required: true,
		aliases: []string{"сотрудник", "ответственный", "аккаунт менеджер", "staff"}},
	{key: "role", ru: "Роль", en: "Role", kind: table.Text, required: true},
	{key: "from", ru: "С", en: "From", kind: table.Date, required: true, aliases: []string{"начало", "дата начала", "start"}},
	{key: "to", ru: "По", en: "To", kind: table.Date, aliases: []string{"окончание", "дата окончания", "end"}},
}

func init() { register(Assignments, assignmentFields, openAssignments) }

type assignmentImporter struct {
	noChange
	t    *data.Tx
	refs *refs
	seen map[int64]bool
}

func openAssignments(t *data.Tx, _, _ string) (rowImporter, error) {
	f, err := loadRefs(t)
	if err != nil {
		return nil, err
	}
	return &assignmentImporter{t: t, refs: f, seen: map[int64]bool{}}, nil
}

var assignmentFieldColumns = map[string]string{"staff": "manager", "start": "from", "end": "to"}

// importRow adds a period of service. The same client, person, role and start is
// the same period: unchanged when it ends on the same day, an error otherwise (the
// history in the database is not rewritten by a file).
func (im *assignmentImporter) importRow(r *rowReader) (outcome, error) {
	a := data.Assignment{
		ClientID: im.refs.client(r, "client"),
		StaffID:  im.refs.person(r, "manager"),
		Role:     data.Role(r.word("role", roles)),
		Start:    r.date("from"),
		End:      r.date("to"),
	}
	if r.failed() {
		return unchanged, nil
	}
	old, found, err := im.t.FindAssignment(a)
	if err != nil {
		return unchanged, err
	}
	switch {
	case found && im.seen[old.ID]:
		r.fail("from", CodeRepeated, nil)
		return unchanged, nil
	case found && old.End.Equal(a.End):
		im.seen[old.ID] = true
		return unchanged, nil
	case found && old.End.IsZero():
		r.fail("to", "open_in_database", nil)
		return unchanged, nil
	case found:
		r.fail("to", "differs_from_database", map[string]any{"Date": old.End})
		return unchanged, nil
	}
	var id int64
	var out data.Outcome
	err = im.t.Savepoint(func() error { // a refused period must not leave a guessed start moved
		var err error
		id, out, err = im.t.AddAssignment(a)
		return err
	})
	if err != nil {
		return unchanged, r.rejected(err, assignmentFieldColumns)
	}
	if im.seen[id] {
		r.fail("from", CodeRepeated, nil)
		return unchanged, nil
	}
	im.seen[id] = true
	if out == data.Updated {
		return updated, nil
	}
	return added, nil
}
