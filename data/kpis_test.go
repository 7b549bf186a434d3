package data

import (
	"math"
	"strings"
	"testing"
)

// sampleKPI is a valid entered client-level count.
// sampleKPI is an entered KPI; its names follow the code, as names are unique too.
func sampleKPI(code string) KPI {
	return KPI{Code: code, NameRU: "Звонки " + code, NameEN: "Calls " + code, Unit: UnitCount,
		Direction: HigherIsBetter, Combine: CombineSum, Level: LevelClient}
}

func mustSaveKPI(t *testing.T, s *Store, k KPI) int64 {
	t.Helper()
	id, err := s.SaveKPI(tctx, k)
	if err != nil {
		t.Fatalf("SaveKPI(%s): %v", k.Code, err)
	}
	return id
}

func kpiByCode(t *testing.T, s *Store, code string) KPI {
	t.Helper()
	k, err := s.KPIByCode(tctx, code)
	if err != nil {
		t.Fatalf("KPIByCode(%s): %v", code, err)
	}
	return k
}

// setValue records one value in its own transaction.
func setValue(s *Store, v KPIValue) (Outcome, error) {
	var out Outcome
	err := s.Update(tctx, func(t *Tx) error {
		var err error
		out, err = t.SetKPIValue(v)
		return err
	})
	return out, err
}

func setTarget(s *Store, tg KPITarget) (Outcome, error) {
	var out Outcome
	err := s.Update(tctx, func(t *Tx) error {
		var err error
		out, err = t.SetKPITarget(tg)
		return err
	})
	return out, err
}

func TestCatalogueHasTheDerivedKPIs(t *testing.T) {
	s := openScratchStore(t)
	kpis, err := s.KPIs(tctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(kpis) != 21 {
		t.Errorf("%d KPIs in a new catalogue, want the 21 derived ones", len(kpis))
	}
	for _, k := range kpis {
		if !k.Derived() || k.DefinitionEN == "" || k.DefinitionRU == "" {
			t.Errorf("%s: derived %v, definitions %q / %q", k.Code, k.Derived(), k.DefinitionEN, k.DefinitionRU)
		}
	}
	if k := kpiByCode(t, s, " retention "); k.Level != LevelClient || k.Unit != UnitPercent {
		t.Errorf("retention %+v", k)
	}
	if _, err := s.KPIByCode(tctx, "nope"); !isErr(err, ErrNotFound) {
		t.Errorf("unknown code: %v", err)
	}
}

func TestSaveKPI(t *testing.T) {
	s := openScratchStore(t)
	k := sampleKPI("  Calls_2 ")
	k.Source = SourceDerived // not the caller's to choose
	k.DefinitionEN = "  Outbound calls. "
	id := mustSaveKPI(t, s, k)
	got := kpiByCode(t, s, "calls_2")
	if got.ID != id || got.Code != "calls_2" || got.Source != SourceEntered || got.DefinitionEN != "Outbound calls." {
		t.Errorf("saved %+v", got)
	}
	// Edit: a new name and code.
	got.NameEN, got.Code = "Phone calls", "phone_calls"
	if _, err := s.SaveKPI(tctx, got); err != nil {
		t.Fatal(err)
	}
	if k := kpiByCode(t, s, "phone_calls"); k.ID != id || k.NameEN != "Phone calls" {
		t.Errorf("edited %+v", k)
	}
}

func TestSaveKPIValidation(t *testing.T) {
	s := openScratchStore(t)
	mustSaveKPI(t, s, sampleKPI("calls"))
	for _, c := range []struct {
		name        string
		edit        func(k *KPI)
		field, code string
	}{
		{"no code", func(k *KPI) { k.Code = "  " }, "code", "required"},
		{"starts with a digit", func(k *KPI) { k.Code = "1calls" }, "code", "invalid_code"},
		{"hyphen", func(k *KPI) { k.Code = "calls-out" }, "code", "invalid_code"},
		{"space inside", func(k *KPI) { k.Code = "calls out" }, "code", "invalid_code"},
		{"Cyrillic", func(k *KPI) { k.Code = "звонки" }, "code", "invalid_code"},
		{"33 characters", func(k *KPI) { k.Code = "a" + strings.Repeat("b", 32) }, "code", "invalid_code"},
		{"duplicate", func(k *KPI) { k.Code = "calls" }, "code", "duplicate"},
		{"duplicate in another case", func(k *KPI) { k.Code = " CALLS" }, "code", "duplicate"},
		{"a derived KPI's code", func(k *KPI) { k.Code = "retention" }, "code", "duplicate"},
		{"a derived KPI's name", func(k *KPI) { k.NameRU = "Удержание клиентов" }, "name_ru", "duplicate"},
		{"an English name in use", func(k *KPI) { k.NameEN = "Client retention" }, "name_en", "duplicate"},
		{"no Russian name", func(k *KPI) { k.NameRU = " " }, "name_ru", "required"},
		{"no English name", func(k *KPI) { k.NameEN = "" }, "name_en", "required"},
		{"unit", func(k *KPI) { k.Unit = "usd" }, "unit", "invalid_choice"},
		{"no unit", func(k *KPI) { k.Unit = "" }, "unit", "invalid_choice"},
		{"direction", func(k *KPI) { k.Direction = "up" }, "direction", "invalid_choice"},
		{"combine", func(k *KPI) { k.Combine = "max" }, "combine", "invalid_choice"},
		{"level", func(k *KPI) { k.Level = "team" }, "level", "invalid_choice"},
	} {
		t.Run(c.name, func(t *testing.T) {
			k := sampleKPI("new_kpi")
			c.edit(&k)
			expectInvalid(t, s, c.field, c.code, func() error {
				_, err := s.SaveKPI(tctx, k)
				return err
			})
			// ValidateKPI says the same without the database (but cannot know duplicates).
			if c.code != "duplicate" {
				wantField(t, ValidateKPI(k), c.field, c.code)
			}
		})
	}
	// The longest code: 32 characters.
	mustSaveKPI(t, s, sampleKPI("a"+strings.Repeat("b", 31)))
	// Every invalid field at once.
	err := ValidateKPI(KPI{})
	for _, f := range []string{"code", "name_ru", "name_en", "unit", "direction", "combine", "level"} {
		if v, _ := AsValidation(err); v == nil {
			t.Fatalf("empty KPI: %v", err)
		} else if _, ok := v.For(f); !ok {
			t.Errorf("empty KPI: no error on %s (%v)", f, err)
		}
	}
}

func TestDerivedKPICannotBeEdited(t *testing.T) {
	s := openScratchStore(t)
	k := kpiByCode(t, s, "retention")
	k.NameEN = "Keeping clients"
	expectInvalid(t, s, "code", "derived_kpi", func() error {
		_, err := s.SaveKPI(tctx, k)
		return err
	})
	// Archiving is an edit too.
	k = kpiByCode(t, s, "churned")
	k.ArchivedOn = Day(2026, 1, 1)
	expectInvalid(t, s, "code", "derived_kpi", func() error {
		_, err := s.SaveKPI(tctx, k)
		return err
	})
	// An unknown id.
	k = sampleKPI("ghost")
	k.ID = 9999
	if _, err := s.SaveKPI(tctx, k); !isErr(err, ErrNotFound) {
		t.Errorf("editing an unknown KPI: %v", err)
	}
}

func TestKPILevelAndUnitLockedOnceValuesExist(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	client := seedClient(t, s, "Альфа", lead)
	id := mustSaveKPI(t, s, sampleKPI("calls"))

	// Without values the level and unit can change.
	k := kpiByCode(t, s, "calls")
	k.Level, k.Unit = LevelManager, UnitHours
	mustSaveKPI(t, s, k)
	k.Level, k.Unit = LevelClient, UnitCount
	mustSaveKPI(t, s, k)

	if _, err := setValue(s, KPIValue{KPIID: id, Month: MonthFor(2026, 1), EntityID: client, Value: 12}); err != nil {
		t.Fatal(err)
	}
	k = kpiByCode(t, s, "calls")
	for _, c := range []struct {
		edit  func(k *KPI)
		field string
	}{
		{func(k *KPI) { k.Level = LevelManager }, "level"},
		{func(k *KPI) { k.Unit = UnitHours }, "unit"},
	} {
		changed := k
		c.edit(&changed)
		expectInvalid(t, s, c.field, "has_values", func() error {
			_, err := s.SaveKPI(tctx, changed)
			return err
		})
	}
	// The rest can still change.
	k.NameRU, k.Direction, k.Combine = "Исходящие звонки", LowerIsBetter, CombineAverage
	mustSaveKPI(t, s, k)
}

func TestSetKPIValue(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	client := seedClient(t, s, "Альфа", lead)
	calls := mustSaveKPI(t, s, sampleKPI("calls"))
	share := sampleKPI("share")
	share.Unit, share.Level = UnitPercent, LevelDepartment
	shareID := mustSaveKPI(t, s, share)
	mgr := sampleKPI("mgr_calls")
	mgr.Level = LevelManager
	mgrID := mustSaveKPI(t, s, mgr)
	retention := kpiByCode(t, s, "retention")
	thisMonth := MonthOf(clockToday) // 2026-03

	for _, c := range []struct {
		name        string
		v           KPIValue
		field, code string
	}{
		{"derived", KPIValue{KPIID: retention.ID, Month: thisMonth, EntityID: client, Value: 90}, "kpi", "derived_kpi"},
		{"unknown KPI", KPIValue{KPIID: 9999, Month: thisMonth, EntityID: client, Value: 1}, "kpi", "invalid_choice"},
		{"unknown client", KPIValue{KPIID: calls, Month: thisMonth, EntityID: 9999, Value: 1}, "entity", "invalid_choice"},
		{"no client", KPIValue{KPIID: calls, Month: thisMonth, Value: 1}, "entity", "required"},
		{"unknown manager", KPIValue{KPIID: mgrID, Month: thisMonth, EntityID: 9999, Value: 1}, "entity", "invalid_choice"},
		{"an entity for the department", KPIValue{KPIID: shareID, Month: thisMonth, EntityID: client, Value: 1}, "entity", "invalid_choice"},
		{"next month", KPIValue{KPIID: calls, Month: thisMonth + 1, EntityID: client, Value: 1}, "month", "in_future"},
		{"negative count", KPIValue{KPIID: calls, Month: thisMonth, EntityID: client, Value: -1}, "value", "negative"},
		{"not a number", KPIValue{KPIID: shareID, Month: thisMonth, Value: math.NaN()}, "value", "not_number"},
		{"infinite", KPIValue{KPIID: shareID, Month: thisMonth, Value: math.Inf(1)}, "value", "not_number"},
	} {
		t.Run(c.name, func(t *testing.T) {
			expectInvalid(t, s, c.field, c.code, func() error {
				_, err := setValue(s, c.v)
				return err
			})
		})
	}

	// The current month is allowed; then the outcome says what happened.
	v := KPIValue{KPIID: calls, Month: thisMonth, EntityID: client, Value: 12}
	for _, c := range []struct {
		value float64
		want  Outcome
	}{{12, Added}, {12, Unchanged}, {15, Updated}, {15, Unchanged}} {
		v.Value = c.value
		if got, err := setValue(s, v); err != nil || got != c.want {
			t.Errorf("value %v: outcome %v %v, want %v", c.value, got, err, c.want)
		}
	}
	if n := countRows(t, s, `SELECT count(*) FROM kpi_values WHERE kpi_id = ? AND value = 15`, calls); n != 1 {
		t.Errorf("%d rows of 15", n)
	}
	// A percentage may be negative; the department is entity 0; a manager KPI takes staff.
	if _, err := setValue(s, KPIValue{KPIID: shareID, Month: thisMonth - 1, Value: -3.5}); err != nil {
		t.Errorf("negative percentage for the department: %v", err)
	}
	if _, err := setValue(s, KPIValue{KPIID: mgrID, Month: thisMonth - 1, EntityID: lead, Value: 4}); err != nil {
		t.Errorf("manager value: %v", err)
	}
	// Clearing removes it.
	if err := s.Update(tctx, func(tx *Tx) error { return tx.ClearKPIValue(calls, thisMonth, client) }); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, `SELECT count(*) FROM kpi_values WHERE kpi_id = ?`, calls); n != 0 {
		t.Errorf("%d values after clearing", n)
	}
}

func TestSetKPITarget(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	client := seedClient(t, s, "Альфа", lead)
	contract := mustSaveContract(t, s, sampleContract(client, "K-1"))
	complaints := kpiByCode(t, s, "complaints")          // client level, count
	perManager := kpiByCode(t, s, "clients_per_manager") // manager level
	dept := sampleKPI("dept_share")
	dept.Level, dept.Unit = LevelDepartment, UnitPercent
	deptID := mustSaveKPI(t, s, dept)
	jan, mar := MonthFor(2026, 1), MonthFor(2026, 3)

	for _, c := range []struct {
		name        string
		tg          KPITarget
		field, code string
	}{
		{"no scope", KPITarget{KPIID: complaints.ID, From: jan, Target: 1}, "scope", "invalid_choice"},
		{"unknown scope", KPITarget{KPIID: complaints.ID, Scope: "team", From: jan, Target: 1}, "scope", "invalid_choice"},
		{"client scope for a manager KPI", KPITarget{KPIID: perManager.ID, Scope: ScopeClient, EntityID: client, From: jan, Target: 1}, "scope", "invalid_choice"},
		{"contract scope for a manager KPI", KPITarget{KPIID: perManager.ID, Scope: ScopeContract, EntityID: contract, From: jan, Target: 1}, "scope", "invalid_choice"},
		{"manager scope for a department KPI", KPITarget{KPIID: deptID, Scope: ScopeManager, EntityID: lead, From: jan, Target: 1}, "scope", "invalid_choice"},
		{"unknown client", KPITarget{KPIID: complaints.ID, Scope: ScopeClient, EntityID: 9999, From: jan, Target: 1}, "entity", "invalid_choice"},
		{"unknown contract", KPITarget{KPIID: complaints.ID, Scope: ScopeContract, EntityID: 9999, From: jan, Target: 1}, "entity", "invalid_choice"},
		{"unknown manager", KPITarget{KPIID: complaints.ID, Scope: ScopeManager, EntityID: 9999, From: jan, Target: 1}, "entity", "invalid_choice"},
		{"no manager", KPITarget{KPIID: complaints.ID, Scope: ScopeManager, From: jan, Target: 1}, "entity", "required"},
		{"an entity for the department", KPITarget{KPIID: complaints.ID, Scope: ScopeDepartment, EntityID: lead, From: jan, Target: 1}, "entity", "invalid_choice"},
		{"to before from", KPITarget{KPIID: complaints.ID, Scope: ScopeDepartment, From: mar, To: jan, Target: 1}, "to", "before_date"},
		{"negative count", KPITarget{KPIID: complaints.ID, Scope: ScopeDepartment, From: jan, Target: -1}, "target", "negative"},
		{"not a number", KPITarget{KPIID: complaints.ID, Scope: ScopeDepartment, From: jan, Target: math.NaN()}, "target", "not_number"},
		{"unknown KPI", KPITarget{KPIID: 9999, Scope: ScopeDepartment, From: jan, Target: 1}, "kpi", "invalid_choice"},
	} {
		t.Run(c.name, func(t *testing.T) {
			expectInvalid(t, s, c.field, c.code, func() error {
				_, err := setTarget(s, c.tg)
				return err
			})
		})
	}

	// Derived KPIs take targets at every scope their level allows.
	for _, tg := range []KPITarget{
		{KPIID: complaints.ID, Scope: ScopeDepartment, From: jan, Target: 10},
		{KPIID: complaints.ID, Scope: ScopeManager, EntityID: lead, From: jan, Target: 3},
		{KPIID: complaints.ID, Scope: ScopeClient, EntityID: client, From: jan, To: mar, Target: 1},
		{KPIID: complaints.ID, Scope: ScopeContract, EntityID: contract, From: jan, Target: 1},
		{KPIID: perManager.ID, Scope: ScopeManager, EntityID: lead, From: jan, Target: 12},
		{KPIID: perManager.ID, Scope: ScopeDepartment, From: jan, Target: 10},
		{KPIID: deptID, Scope: ScopeDepartment, From: jan, To: jan, Target: -5}, // a percentage may be negative
	} {
		if out, err := setTarget(s, tg); err != nil || out != Added {
			t.Errorf("target %+v: %v %v", tg, out, err)
		}
	}
	// Outcomes: the same KPI, scope, entity and first month is one target.
	tg := KPITarget{KPIID: complaints.ID, Scope: ScopeDepartment, From: jan, Target: 10}
	for _, c := range []struct {
		to     Month
		target float64
		want   Outcome
	}{{0, 10, Unchanged}, {0, 8, Updated}, {mar, 8, Updated}, {mar, 8, Unchanged}, {0, 8, Updated}} {
		tg.To, tg.Target = c.to, c.target
		if got, err := setTarget(s, tg); err != nil || got != c.want {
			t.Errorf("target %v to %v: %v %v, want %v", c.target, c.to, got, err, c.want)
		}
	}
	// A month's target does not replace a longer one that starts the same month.
	tg.To = jan
	if _, err := setTarget(s, tg); !hasField(err, "from", "target_starts") {
		t.Errorf("a month's target over an open-ended one: %v", err)
	}
	targets, err := s.KPITargets(tctx, complaints.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(targets) != 4 || targets[0].Scope != ScopeDepartment || targets[0].Target != 8 || targets[0].To != 0 {
		t.Errorf("targets %+v", targets)
	}
	for _, tg := range targets {
		if tg.Scope == ScopeClient && (tg.From != jan || tg.To != mar) {
			t.Errorf("client target months %v..%v", tg.From, tg.To)
		}
	}
	if err := s.Update(tctx, func(tx *Tx) error { return tx.ClearKPITarget(targets[0].ID) }); err != nil {
		t.Fatal(err)
	}
	if targets, _ = s.KPITargets(tctx, complaints.ID); len(targets) != 3 {
		t.Errorf("%d targets after clearing one", len(targets))
	}
}

// A value or a target without a month (the zero Month) is stored as "0000-01".
func TestKPIMonthIsRequired(t *testing.T) {
	s := openScratchStore(t)
	id := mustSaveKPI(t, s, KPI{Code: "dept", NameRU: "Д", NameEN: "D", Unit: UnitCount, Direction: HigherIsBetter,
		Combine: CombineSum, Level: LevelDepartment})
	expectInvalid(t, s, "month", "required", func() error {
		_, err := setValue(s, KPIValue{KPIID: id, Value: 1})
		return err
	})
	expectInvalid(t, s, "from", "required", func() error {
		_, err := setTarget(s, KPITarget{KPIID: id, Scope: ScopeDepartment, Target: 1})
		return err
	})
}

// hasField reports whether err is a validation error with this field and code.
func hasField(err error, field, code string) bool {
	v, ok := AsValidation(err)
	if !ok {
		return false
	}
	for _, f := range v.Fields {
		if f.Field == field && f.Code == code {
			return true
		}
	}
	return false
}
