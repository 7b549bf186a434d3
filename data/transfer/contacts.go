package transfer

import (
	"leadboard/data"
	"leadboard/data/table"
)

var contactFields = []field{
	{key: "client", ru: "Клиент", en: "Client", kind: table.Text, required: true, aliases: []string{"компания", "company"}},
	{key: "name", ru: "Контакт", en: "Contact", kind: table.Text, required: true,
		aliases: []string{"имя", "фио", "контактное лицо", "name", "contact name"}},
	{key: "role", ru: "Роль", en: "Position", kind: table.Text, aliases: []string{"должность", "role", "title"}},
	{key: "email", ru: "Email", en: "E-mail", kind: table.Text, aliases: []string{"почта", "эл почта"}},
	{key: "phone", ru: "Телефон", en: "Phone", kind: table.Text, aliases: []string{"тел", "мобильный"}},
	{key: "decision_maker", ru: "ЛПР", en: "Makes decisions", kind: table.Bool,
		aliases: []string{"лицо принимающее решения", "принимает решения", "decision maker"}},
}

func init() { register(Contacts, contactFields, openContacts) }

type contactImporter struct {
	noChange
	t    *data.Tx
	refs *refs
	seen map[int64]bool
}

func openContacts(t *data.Tx, _, _ string) (rowImporter, error) {
	f, err := loadRefs(t)
	if err != nil {
		return nil, err
	}
	return &contactImporter{t: t, refs: f, seen: map[int64]bool{}}, nil
}

func (im *contactImporter) importRow(r *rowReader) (outcome, error) {
	client := im.refs.client(r, "client")
	c := data.Contact{ClientID: client, Name: r.text("name")}
	dm := r.boolean("decision_maker")
	if r.failed() {
		return unchanged, nil
	}
	old, found, err := im.t.ContactByName(client, c.Name)
	if err != nil {
		return unchanged, err
	}
	if found {
		if im.seen[old.ID] {
			r.fail("name", CodeRepeated, nil)
			return unchanged, nil
		}
		c = old
	}
	setText(r, "role", &c.Role)
	setText(r, "email", &c.Email)
	setText(r, "phone", &c.Phone)
	if r.text("decision_maker") != "" {
		c.DecisionMaker = dm
	}
	if found && c == old {
		im.seen[old.ID] = true
		return unchanged, nil
	}
	id, err := im.t.SaveContact(c)
	if err != nil {
		return unchanged, r.rejected(err, nil)
	}
	im.seen[id] = true
	if found {
		return updated, nil
	}
	return added, nil
}
