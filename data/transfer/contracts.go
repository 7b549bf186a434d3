package transfer

import (
	"leadboard/data"
	"leadboard/data/table"
)

var contractFields = []field{
	{key: "client", ru: "Клиент", en: "Client", kind: table.Text, required: true, aliases: []string{"компания", "company"}},
	{key: "number", ru: "Номер", en: "Number", kind: table.Text, required: true,
		aliases: []string{"номер договора", "договор", "contract", "contract number"}},
	{key: "start_date", ru: "Дата начала", en: "Starts", kind: table.Date, required: true,
		aliases: []string{"начало", "дата договора", "с", "start", "start date"}},
	{key: "end_date", ru: "Дата окончания", en: "Ends", kind: table.Date,
		aliases: []string{"окончание", "срок действия", "по", "end", "end date"}},
	{key: "monthly_fee", ru: "Сумма в месяц", en: "Fee per month", kind: table.Money,
		aliases: []string{"сумма", "вознаграждение", "fee", "monthly fee"}},
	{key: "sla_hours", ru: "SLA, ч", en: "First response, h", kind: table.Number,
		aliases: []string{"sla", "срок ответа ч", "время ответа", "первый ответ ч"}},
	{key: "reporting", ru: "Отчётность", en: "Reporting", kind: table.Text,
		aliases: []string{"отчеты", "отчёты", "периодичность отчетов", "report frequency"}},
	{key: "report_workday", ru: "Рабочий день отчёта", en: "Report due on working day", kind: table.Integer,
		aliases: []string{"день отчета", "срок отчета рабочий день"}},
	{key: "status", ru: "Статус", en: "Status", kind: table.Text},
	{key: "renewal_notice_days", ru: "Уведомление о продлении, дней", en: "Renewal notice, days", kind: table.Integer,
		aliases: []string{"уведомление о продлении", "renewal notice"}},
}

func init() { register(Contracts, contractFields, openContracts) }

type contractImporter struct {
	noChange
	t    *data.Tx
	refs *refs
	seen map[int64]bool
}

func openContracts(t *data.Tx, _, _ string) (rowImporter, error) {
	f, err := loadRefs(t)
	if err != nil {
		return nil, err
	}
	return &contractImporter{t: t, refs: f, seen: map[int64]bool{}}, nil
}

var contractFieldColumns = map[string]string{"start": "start_date", "end": "end_date", "report_frequency": "reporting"}

func (im *contractImporter) importRow(r *rowReader) (outcome, error) {
	client := im.refs.client(r, "client")
	if r.failed() {
		return unchanged, nil
	}
	k, found, err := im.t.ContractByNumber(client, r.text("number"))
	if err != nil {
		return unchanged, err
	}
	if found && im.seen[k.ID] {
		r.fail("number", CodeRepeated, nil)
		return unchanged, nil
	}
	old := k
	if !found {
		k = data.Contract{ClientID: client, Number: r.text("number"), RenewalNoticeDays: 30, SLAHours: 24,
			ReportFrequency: "monthly", ReportWorkday: 5}
	}
	setDate(r, "start_date", &k.Start)
	setDate(r, "end_date", &k.End)
	if r.text("monthly_fee") != "" {
		k.MonthlyFee = r.money("monthly_fee")
	}
	if r.text("sla_hours") != "" {
		k.SLAHours = r.number("sla_hours")
	}
	if r.text("reporting") != "" {
		k.ReportFrequency = r.word("reporting", reporting)
	}
	if r.text("report_workday") != "" {
		k.ReportWorkday = int(r.integer("report_workday"))
	}
	if r.text("renewal_notice_days") != "" {
		k.RenewalNoticeDays = int(r.integer("renewal_notice_days"))
	}
	switch {
	case r.text("status") != "":
		k.Status = data.ContractStatus(r.word("status", contractStatuses))
	case !found && !k.End.IsZero() && k.End.Before(im.t.Today()):
		k.Status = data.ContractEnded // a past contract without a status has ended
	case !found:
		k.Status = data.ContractActive
	}
	if r.failed() {
		return unchanged, nil
	}
	if found && k == old {
		im.seen[k.ID] = true
		return unchanged, nil
	}
	id, err := im.t.SaveContract(k)
	if err != nil {
		return unchanged, r.rejected(err, contractFieldColumns)
	}
	im.seen[id] = true
	if found {
		return updated, nil
	}
	return added, nil
}
