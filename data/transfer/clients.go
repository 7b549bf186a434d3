package transfer

import (
	"reflect"
	"slices"
	"strings"

	"leadboard/data"
	"leadboard/data/table"
)

var clientFields = []field{
	{key: "name", ru: "Клиент", en: "Client", kind: table.Text, required: true,
		aliases: []string{"название", "название компании", "компания", "наименование", "контрагент", "client name",
			"company", "company name"}},
	{key: "industry", ru: "Отрасль", en: "Industry", kind: table.Text, aliases: []string{"сфера", "сегмент"}},
	{key: "tier", ru: "Категория", en: "Category", kind: table.Text, aliases: []string{"tier", "класс", "приоритет"}},
	{key: "status", ru: "Статус", en: "Status", kind: table.Text, aliases: []string{"этап", "стадия"}},
	{key: "monthly_budget", ru: "Бюджет в месяц", en: "Budget per month", kind: table.Money,
		aliases: []string{"бюджет", "месячный бюджет", "budget"}},
	{key: "services", ru: "Услуги", en: "Services", kind: table.Text},
	{key: "complexity", ru: "Сложность", en: "Complexity", kind: table.Integer},
	{key: "start_date", ru: "Дата начала", en: "Working since", kind: table.Date,
		aliases: []string{"работаем с", "начало работы", "start date"}},
	{key: "manager", ru: "Менеджер", en: "Lead", kind: table.Text,
		aliases: []string{"ведущий", "ответственный", "аккаунт менеджер", "аккаунт", "manager", "responsible"}},
	{key: "backup", ru: "Замещающий", en: "Backup", kind: table.Text, aliases: []string{"заместитель", "deputy"}},
	{key: "churn_date", ru: "Дата ухода", en: "Date lost", kind: table.Date, aliases: []string{"churn date"}},
	{key: "churn_reason", ru: "Причина ухода", en: "Why the client left", kind: table.Text,
		aliases: []string{"причина", "churn reason"}},
	{key: "notes", ru: "Заметки", en: "Notes", kind: table.Text, aliases: []string{"комментарий", "примечание"}},
}

func init() { register(Clients, clientFields, openClients) }

type clientImporter struct {
	noChange
	t    *data.Tx
	refs *refs
	seen map[int64]bool
}

func openClients(t *data.Tx, _, _ string) (rowImporter, error) {
	f, err := loadRefs(t)
	if err != nil {
		return nil, err
	}
	return &clientImporter{t: t, refs: f, seen: map[int64]bool{}}, nil
}

// clientFieldColumns maps the data layer's field names to this file's columns.
var clientFieldColumns = map[string]string{"lead": "manager", "from": "manager"}

func (im *clientImporter) importRow(r *rowReader) (outcome, error) {
	key := data.ClientNameKey(r.text("name"))
	id := im.refs.clients[key]
	if id != 0 && im.seen[id] {
		r.fail("name", CodeRepeated, nil)
		return unchanged, nil
	}
	c := data.Client{Tier: "C", Status: data.ClientActive, Complexity: 3, StartDate: im.t.Today()}
	var team data.ClientTeam
	if id != 0 {
		var err error
		if c, err = im.t.GetClient(id); err != nil {
			return unchanged, err
		}
		if team.LeadID, team.BackupID, err = im.t.ClientTeam(id); err != nil {
			return unchanged, err
		}
	}
	old, oldTeam := c, team
	c.Name = strings.Join(strings.Fields(r.text("name")), " ") // as the store writes it
	setText(r, "industry", &c.Industry)
	if r.text("tier") != "" {
		c.Tier = r.word("tier", tiers)
	}
	if r.text("status") != "" {
		c.Status = data.ClientStatus(r.word("status", clientStatuses))
	}
	if r.text("monthly_budget") != "" {
		c.MonthlyBudget = r.money("monthly_budget")
	}
	if r.text("services") != "" {
		c.Services = readServices(r)
	}
	if r.text("complexity") != "" {
		c.Complexity = int(r.integer("complexity"))
	}
	setDate(r, "start_date", &c.StartDate)
	setDate(r, "churn_date", &c.ChurnDate)
	setText(r, "churn_reason", &c.ChurnReason)
	setText(r, "notes", &c.Notes)
	if r.text("manager") != "" {
		team.LeadID = im.refs.person(r, "manager")
	}
	if r.text("backup") != "" {
		team.BackupID = im.refs.person(r, "backup")
	}
	if r.failed() {
		return unchanged, nil
	}
	if id != 0 && sameClient(old, c) && oldTeam == team {
		im.seen[id] = true
		return unchanged, nil
	}
	var saved int64
	err := im.t.Savepoint(func() error {
		var err error
		saved, err = im.t.SaveClient(c, team)
		return err
	})
	if err != nil {
		return unchanged, r.rejected(err, clientFieldColumns)
	}
	im.seen[saved] = true
	im.refs.clients[key] = saved
	if id != 0 {
		return updated, nil
	}
	return added, nil
}

// readServices reads a list such as "Закупка рекламы, SEO; аналитика".
func readServices(r *rowReader) []string {
	e := services.enum()
	var out []string
	for _, part := range strings.FieldsFunc(r.text("services"), func(c rune) bool { return c == ',' || c == ';' || c == '/' || c == '\n' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		code, err := e.Parse(part)
		if err != nil {
			r.fail("services", "invalid_choice", map[string]any{"Value": part})
			continue
		}
		if !slices.Contains(out, code) {
			out = append(out, code)
		}
	}
	slices.Sort(out)
	return out
}

func sameClient(a, b data.Client) bool {
	if !slices.Equal(a.Services, b.Services) {
		return false
	}
	a.Services, b.Services = nil, nil
	return reflect.DeepEqual(a, b)
}
