package transfer

import (
	"leadboard/data"
	"leadboard/data/table"
)

var interactionFields = []field{
	{key: "datetime", ru: "Дата", en: "Date and time", kind: table.DateTime, required: true,
		aliases: []string{"дата и время", "время", "дата создания", "date", "created"}},
	{key: "client", ru: "Клиент", en: "Client", kind: table.Text, required: true, aliases: []string{"компания", "company"}},
	{key: "manager", ru: "Менеджер", en: "Manager", kind: table.Text,
		aliases: []string{"сотрудник", "ответственный", "staff"}},
	{key: "channel", ru: "Канал", en: "Channel", kind: table.Text, aliases: []string{"источник", "способ связи"}},
	{key: "kind", ru: "Тип", en: "Type", kind: table.Text, required: true, aliases: []string{"вид", "тип обращения", "kind"}},
	{key: "response_hours", ru: "Время ответа, ч", en: "Response, h", kind: table.Number,
		aliases: []string{"время ответа", "ответ ч", "response hours"}},
	{key: "resolved_at", ru: "Решено", en: "Resolved", kind: table.DateTime,
		aliases: []string{"дата решения", "закрыто", "resolved"}},
	{key: "satisfaction", ru: "Оценка", en: "Rating", kind: table.Integer,
		aliases: []string{"удовлетворенность", "удовлетворённость", "satisfaction"}},
	{key: "amount", ru: "Сумма", en: "Sum", kind: table.Money, aliases: []string{"сумма сделки", "amount"}},
	{key: "report_due", ru: "Срок отчёта", en: "Report due", kind: table.Date, aliases: []string{"срок отчета", "due"}},
	{key: "notes", ru: "Комментарий", en: "Notes", kind: table.Text, aliases: []string{"заметки", "описание", "текст"}},
}

func init() { register(Interactions, interactionFields, openInteractions) }

// interactionImporter writes through a prepared batch: a log can be a million rows.
type interactionImporter struct {
	refs  *refs
	batch *data.InteractionBatch
}

func openInteractions(t *data.Tx, _, _ string) (rowImporter, error) {
	f, err := loadRefs(t)
	if err != nil {
		return nil, err
	}
	b, err := t.NewInteractionBatch()
	if err != nil {
		return nil, err
	}
	return &interactionImporter{refs: f, batch: b}, nil
}

func (im *interactionImporter) close() error { return im.batch.Close() }

var interactionFieldColumns = map[string]string{"at": "datetime", "staff": "manager"}

// defaultChannel is the channel of a new entry whose file does not say.
const defaultChannel = "email"

// prepare reads the entry on the reading goroutine. It reads refs and fills their
// cache of client names; importRow, on the writing goroutine, never touches refs.
func (im *interactionImporter) prepare(r *rowReader) {
	in := data.Interaction{
		At:            r.dateTime("datetime"),
		ClientID:      im.refs.client(r, "client"),
		StaffID:       im.refs.person(r, "manager"),
		Kind:          r.word("kind", kinds),
		ResponseHours: r.optionalNumber("response_hours"),
		ResolvedAt:    r.dateTime("resolved_at"),
		Satisfaction:  int(r.integer("satisfaction")),
		Amount:        r.money("amount"),
		ReportDue:     r.date("report_due"),
		Notes:         r.text("notes"),
	}
	if r.text("channel") != "" {
		in.Channel = r.word("channel", channels)
	}
	r.record = in
}

func (im *interactionImporter) importRow(r *rowReader) (outcome, error) {
	out, err := im.batch.Add(r.record.(data.Interaction), defaultChannel)
	switch {
	case err != nil:
		return unchanged, r.rejected(err, interactionFieldColumns)
	case out == data.Repeated:
		r.fail("datetime", CodeRepeated, nil)
	case out == data.Updated:
		return updated, nil
	case out == data.Unchanged:
		return unchanged, nil
	}
	return added, nil
}
