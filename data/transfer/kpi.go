package transfer

import (
	"leadboard/data"
	"leadboard/data/parse"
	"leadboard/data/table"
)

// KPI files carry monthly values of entered KPIs and targets, one month per row:
// the KPI (its code or name), the month, whom it is for (a client, a manager, or
// neither for the department), the value and/or the target.
var kpiFields = []field{
	{key: "kpi", ru: "Показатель", en: "KPI", kind: table.Text, required: true,
		aliases: []string{"kpi", "метрика", "код показателя", "indicator", "metric"}},
	{key: "period", ru: "Месяц", en: "Month", kind: table.Text, required: true,
		aliases: []string{"период", "period", "month"}},
	{key: "client", ru: "Клиент", en: "Client", kind: table.Text, aliases: []string{"компания", "company"}},
	{key: "manager", ru: "Менеджер", en: "Manager", kind: table.Text,
		aliases: []string{"аккаунт-менеджер", "ответственный", "account manager"}},
	{key: "value", ru: "Значение", en: "Value", kind: table.Number, aliases: []string{"факт", "actual"}},
	{key: "target", ru: "Цель", en: "Target", kind: table.Number, aliases: []string{"план", "plan", "goal"}},
}

func init() { register(KPI, kpiFields, openKPI) }

type kpiImporter struct {
	noChange
	t      *data.Tx
	refs   *refs
	byName map[string]data.KPI // folded code and names -> KPI
	seen   map[kpiKey]bool
}

type kpiKey struct {
	kpi, entity int64
	scope       string
	month       data.Month
}

func openKPI(t *data.Tx, _, _ string) (rowImporter, error) {
	f, err := loadRefs(t)
	if err != nil {
		return nil, err
	}
	kpis, err := t.KPIs()
	if err != nil {
		return nil, err
	}
	byName := map[string]data.KPI{}
	for _, k := range kpis {
		for _, name := range []string{k.Code, k.NameRU, k.NameEN} {
			byName[data.Fold(name)] = k
		}
	}
	return &kpiImporter{t: t, refs: f, byName: byName, seen: map[kpiKey]bool{}}, nil
}

func (im *kpiImporter) importRow(r *rowReader) (outcome, error) {
	k, ok := im.byName[data.Fold(r.text("kpi"))]
	if !ok {
		r.fail("kpi", CodeUnknownKPI, nil)
	}
	month := data.MonthOf(read(r, "period", parse.Period))
	scope, entity := im.whom(r)
	value, target := r.optionalNumber("value"), r.optionalNumber("target")
	if value == nil && target == nil && !r.failed() {
		r.fail("value", CodeValueOrTarget, nil)
	}
	if r.failed() {
		return unchanged, nil
	}
	key := kpiKey{k.ID, entity, scope, month}
	if im.seen[key] {
		r.fail("period", CodeRepeated, nil)
		return unchanged, nil
	}
	im.seen[key] = true
	return im.write(r, k, scope, entity, month, value, target)
}

// whom reads the row's client or manager: the scope of its value or target.
func (im *kpiImporter) whom(r *rowReader) (scope string, entity int64) {
	if client := im.refs.client(r, "client"); client != 0 {
		return data.ScopeClient, client
	}
	if r.text("client") != "" {
		return data.ScopeClient, 0 // unknown: the row already has its error
	}
	if person := im.refs.person(r, "manager"); person != 0 {
		return data.ScopeManager, person
	}
	return data.ScopeDepartment, 0
}

// The store's field names as the file's columns: whom a row is for is its client
// column, or its manager column for a manager's row.
var (
	kpiClientColumns = map[string]string{"kpi": "kpi", "month": "period", "from": "period", "value": "value",
		"target": "target", "entity": "client", "scope": "client"}
	kpiManagerColumns = map[string]string{"kpi": "kpi", "month": "period", "from": "period", "value": "value",
		"target": "target", "entity": "manager", "scope": "manager"}
)

// valueLevelCodes say whom a KPI's value must name, by the KPI's level.
var valueLevelCodes = map[string]string{data.LevelClient: CodeValueForClient, data.LevelManager: CodeValueForManager,
	data.LevelDepartment: CodeValueForDepartment}

// write records the value (it must be for the KPI's own level) and the target
// (for that month only). A refused one fails the row, and a failed row fails the
// whole import, so nothing half-written is kept.
func (im *kpiImporter) write(r *rowReader, k data.KPI, scope string, entity int64, month data.Month,
	value, target *float64) (outcome, error) {
	fields := kpiClientColumns
	if scope == data.ScopeManager {
		fields = kpiManagerColumns
	}
	result := unchanged
	note := func(o data.Outcome) {
		switch {
		case o == data.Added && result == unchanged:
			result = added
		case o == data.Updated:
			result = updated
		}
	}
	if value != nil {
		if scope != k.Level {
			r.fail("value", valueLevelCodes[k.Level], nil)
			return unchanged, nil
		}
		o, err := im.t.SetKPIValue(data.KPIValue{KPIID: k.ID, Month: month, EntityID: entity, Value: *value})
		if err != nil {
			return unchanged, r.rejected(err, fields)
		}
		note(o)
	}
	if target != nil {
		o, err := im.t.SetKPITarget(data.KPITarget{KPIID: k.ID, Scope: scope, EntityID: entity, From: month, To: month,
			Target: *target})
		if err != nil {
			return unchanged, r.rejected(err, fields)
		}
		note(o)
	}
	return result, nil
}

// kpiRow writes a record the way the import reads it: the KPI by its code (names
// change; codes are what files and scripts use), the month as YYYY-MM.
func kpiRow(r data.KPIRecord) []any {
	return []any{r.KPI.Code, r.Month.String(), r.Client, r.Person, optional(r.Value), optional(r.Target)}
}

func optional(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
