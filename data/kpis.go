package data

import (
	"context"
	"database/sql"
	"regexp"
	"strings"
	"time"
)

// KPI units, directions, period rules, levels and sources, as stored.
const (
	UnitRoubles = "rub"
	UnitPercent = "percent"
	UnitCount   = "count"
	UnitHours   = "hours"
	UnitScore   = "score"

	HigherIsBetter = "higher"
	LowerIsBetter  = "lower"

	CombineSum     = "sum"     // a quarter is the sum of its months
	CombineAverage = "average" // the average of its months
	CombineLast    = "last"    // its last month

	LevelClient     = "client"
	LevelManager    = "manager"
	LevelDepartment = "department"

	SourceEntered = "entered" // typed or imported
	SourceDerived = "derived" // computed from the database by data/kpi
)

var (
	KPIUnits      = []string{UnitRoubles, UnitPercent, UnitCount, UnitHours, UnitScore}
	KPIDirections = []string{HigherIsBetter, LowerIsBetter}
	KPICombines   = []string{CombineSum, CombineAverage, CombineLast}
	KPILevels     = []string{LevelClient, LevelManager, LevelDepartment}
)

// KPI is an entry of the catalogue.
type KPI struct {
	ID           int64
	Code         string // lower-case Latin letters, digits and underscores
	NameRU       string
	NameEN       string
	Unit         string
	Direction    string
	Combine      string
	Level        string // the lowest level it is measured at
	Source       string
	DefinitionRU string
	DefinitionEN string
	ArchivedOn   time.Time
}

// Name is the KPI's name in a language ("ru" or anything else for English).
func (k KPI) Name(lang string) string {
	if lang == "ru" {
		return k.NameRU
	}
	return k.NameEN
}

// Definition is how the KPI is measured, in a language.
func (k KPI) Definition(lang string) string {
	if lang == "ru" {
		return k.DefinitionRU
	}
	return k.DefinitionEN
}

// Derived reports whether the app computes the KPI (it cannot be typed or edited).
func (k KPI) Derived() bool { return k.Source == SourceDerived }

// LowerIsBetter reports the KPI's direction.
func (k KPI) LowerIsBetter() bool { return k.Direction == LowerIsBetter }

// Levels are the levels the KPI can be shown at: its own and those above it.
func (k KPI) Levels() []string {
	switch k.Level {
	case LevelClient:
		return KPILevels
	case LevelManager:
		return KPILevels[1:]
	}
	return KPILevels[2:]
}

const kpiColumns = `id, code, name_ru, name_en, unit, direction, combine, level, source, definition_ru,
	definition_en, archived_on`

func scanKPI(sc interface{ Scan(...any) error }) (KPI, error) {
	var k KPI
	err := sc.Scan(&k.ID, &k.Code, &k.NameRU, &k.NameEN, &k.Unit, &k.Direction, &k.Combine, &k.Level, &k.Source,
		&k.DefinitionRU, &k.DefinitionEN, scanTime(&k.ArchivedOn))
	return k, err
}

// KPIs is the whole catalogue, archived entries included, derived ones first.
func (s *Store) KPIs(ctx context.Context) ([]KPI, error) {
	kpis, err := queryKPIs(ctx, s.read)
	return kpis, s.classify(err)
}

const catalogueOrder = ` ORDER BY source = 'entered', id`

func queryKPIs(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]KPI, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+kpiColumns+` FROM kpis`+catalogueOrder)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []KPI
	for rows.Next() {
		k, err := scanKPI(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// KPIByCode finds a catalogue entry; ErrNotFound when there is none.
func (s *Store) KPIByCode(ctx context.Context, code string) (KPI, error) {
	k, err := scanKPI(s.read.QueryRowContext(ctx, `SELECT `+kpiColumns+` FROM kpis WHERE code = ?`,
		strings.TrimSpace(code)))
	return k, s.notFound(err)
}

var kpiCode = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

func normalizeKPI(k *KPI) {
	k.Code = strings.ToLower(strings.TrimSpace(k.Code))
	k.NameRU = strings.TrimSpace(k.NameRU)
	k.NameEN = strings.TrimSpace(k.NameEN)
	k.DefinitionRU = strings.TrimSpace(k.DefinitionRU)
	k.DefinitionEN = strings.TrimSpace(k.DefinitionEN)
	k.Source = SourceEntered
}

func validateKPI(k KPI, ch *checker) {
	ch.required("code", k.Code)
	if k.Code != "" && !kpiCode.MatchString(k.Code) {
		ch.add("code", "invalid_code")
	}
	ch.required("name_ru", k.NameRU)
	ch.required("name_en", k.NameEN)
	ch.oneOf("unit", k.Unit, KPIUnits)
	ch.oneOf("direction", k.Direction, KPIDirections)
	ch.oneOf("combine", k.Combine, KPICombines)
	ch.oneOf("level", k.Level, KPILevels)
}

// ValidateKPI checks an entered KPI as SaveKPI would, without the database.
func ValidateKPI(k KPI) error {
	normalizeKPI(&k)
	var ch checker
	validateKPI(k, &ch)
	return ch.err()
}

// SaveKPI adds (ID 0) or edits an entered KPI. Derived KPIs cannot be edited, and a
// KPI with values keeps its level and unit, which give those values their meaning.
func (s *Store) SaveKPI(ctx context.Context, k KPI) (int64, error) {
	return save(s, ctx, func(t *Tx) (int64, error) { return t.SaveKPI(k) })
}

// SaveKPI is Store.SaveKPI within the transaction.
func (t *Tx) SaveKPI(k KPI) (int64, error) {
	normalizeKPI(&k)
	var ch checker
	validateKPI(k, &ch)
	var taken int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM kpis WHERE code = ? AND id <> ?`, k.Code, k.ID).
		Scan(&taken); err != nil {
		return 0, err
	}
	if taken > 0 {
		ch.add("code", "duplicate")
	}
	for field, name := range map[string]string{"name_ru": k.NameRU, "name_en": k.NameEN} {
		if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM kpis WHERE (name_ru = ?1 OR name_en = ?1) AND id <> ?2`,
			name, k.ID).Scan(&taken); err != nil {
			return 0, err
		}
		if taken > 0 && name != "" {
			ch.add(field, "duplicate") // files name a KPI by its name as well as by its code
		}
	}
	if k.ID != 0 {
		if err := checkKPIChange(t.ctx, t.tx, k, &ch); err != nil {
			return 0, err
		}
	}
	if err := ch.err(); err != nil {
		return 0, err
	}
	if k.ID == 0 {
		res, err := t.tx.ExecContext(t.ctx, `INSERT INTO kpis (code, name_ru, name_en, unit, direction, combine, level,
				source, definition_ru, definition_en) VALUES (?, ?, ?, ?, ?, ?, ?, 'entered', ?, ?)`,
			k.Code, k.NameRU, k.NameEN, k.Unit, k.Direction, k.Combine, k.Level, k.DefinitionRU, k.DefinitionEN)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	return k.ID, execOne(t.ctx, t.tx, `UPDATE kpis SET code = ?, name_ru = ?, name_en = ?, unit = ?, direction = ?,
			combine = ?, level = ?, definition_ru = ?, definition_en = ?, archived_on = ? WHERE id = ?`,
		k.Code, k.NameRU, k.NameEN, k.Unit, k.Direction, k.Combine, k.Level, k.DefinitionRU, k.DefinitionEN,
		dateValue(k.ArchivedOn), k.ID)
}

// checkKPIChange refuses to edit a derived KPI, and to change the level or unit of
// a KPI that has values.
func checkKPIChange(ctx context.Context, tx *sql.Tx, k KPI, ch *checker) error {
	old, err := scanKPI(tx.QueryRowContext(ctx, `SELECT `+kpiColumns+` FROM kpis WHERE id = ?`, k.ID))
	if err != nil {
		return notFound(err)
	}
	if old.Derived() {
		ch.add("code", "derived_kpi")
		return nil
	}
	var values int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM kpi_values WHERE kpi_id = ? LIMIT 1)`,
		k.ID).Scan(&values); err != nil {
		return err
	}
	if values > 0 && old.Level != k.Level {
		ch.add("level", "has_values")
	}
	if values > 0 && old.Unit != k.Unit {
		ch.add("unit", "has_values")
	}
	return nil
}

// KPIs is the catalogue as the transaction sees it.
func (t *Tx) KPIs() ([]KPI, error) { return queryKPIs(t.ctx, t.tx) }
