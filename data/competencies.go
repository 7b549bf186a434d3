package data

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strings"
	"time"

	"leadboard/data/competency"
)

// The competency matrix: what each grade requires of each competency, on a 1-4
// scale, with the behaviour expected. Saving writes a new version of the whole
// matrix; an assessment keeps the version it started on.

// CompetencyLevel is what a grade requires of a competency.
type CompetencyLevel struct {
	Required                     int // 1-4
	ExpectationRU, ExpectationEN string
}

// Expectation is the expected behaviour in a language.
func (l CompetencyLevel) Expectation(lang string) string {
	if lang == "ru" {
		return l.ExpectationRU
	}
	return l.ExpectationEN
}

// Competency is a competency of a matrix version, with its level for every grade.
type Competency struct {
	ID                         int64
	Code, Area, NameRU, NameEN string
	Levels                     map[int64]CompetencyLevel // by grade id
}

// Name is the competency's name in a language.
func (c Competency) Name(lang string) string {
	if lang == "ru" {
		return c.NameRU
	}
	return c.NameEN
}

// Matrix is a version of the competency matrix, competencies in display order.
type Matrix struct {
	ID           int64
	Version      int
	Competencies []Competency
}

var competencyCode = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// validateMatrix: at least one competency; each named in both languages, with an
// area and its own latin code, and a level 1-4 with expectations in both languages
// for every grade.
func validateMatrix(comps []Competency, grades []GradeLevel, ch *checker) {
	if len(comps) == 0 {
		ch.add("competencies", "required")
		return
	}
	codes := map[string]bool{}
	for _, c := range comps {
		if strings.TrimSpace(c.NameRU) == "" || strings.TrimSpace(c.NameEN) == "" || strings.TrimSpace(c.Area) == "" {
			ch.add("competencies", "competency_unnamed")
		}
		if !competencyCode.MatchString(c.Code) || codes[c.Code] {
			ch.add("competencies", "competency_code")
		}
		codes[c.Code] = true
		for _, g := range grades {
			l, ok := c.Levels[g.ID]
			switch {
			case !ok || strings.TrimSpace(l.ExpectationRU) == "" || strings.TrimSpace(l.ExpectationEN) == "":
				ch.add("competencies", "level_missing", "Grade", g.NameRU)
			case l.Required < 1 || l.Required > 4:
				ch.add("competencies", "range", "Min", 1, "Max", 4)
			}
		}
	}
}

// ValidateMatrix checks a matrix as SaveMatrix would, against the grade ladder.
func ValidateMatrix(comps []Competency, grades []GradeLevel) error {
	var ch checker
	validateMatrix(comps, grades, &ch)
	return ch.err()
}

// SaveMatrix writes the competencies as the matrix's next version.
func (s *Store) SaveMatrix(ctx context.Context, comps []Competency) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		grades, err := grades(ctx, tx)
		if err != nil {
			return err
		}
		var ch checker
		validateMatrix(comps, grades, &ch)
		if err := ch.err(); err != nil {
			return err
		}
		id, err = insertMatrix(ctx, tx, comps, s.Today())
		return err
	})
	return id, err
}

func insertMatrix(ctx context.Context, tx *sql.Tx, comps []Competency, today time.Time) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO competency_matrices (version, created_on)
		VALUES ((SELECT coalesce(max(version), 0) + 1 FROM competency_matrices), ?)`, dateValue(today))
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for i, c := range comps {
		res, err := tx.ExecContext(ctx, `INSERT INTO competencies (matrix_id, position, code, area, name_ru, name_en)
			VALUES (?, ?, ?, ?, ?, ?)`, id, i, c.Code, strings.TrimSpace(c.Area), strings.TrimSpace(c.NameRU),
			strings.TrimSpace(c.NameEN))
		if err != nil {
			return 0, err
		}
		cid, err := res.LastInsertId()
		if err != nil {
			return 0, err
		}
		for grade, l := range c.Levels {
			if _, err := tx.ExecContext(ctx, `INSERT INTO competency_levels (competency_id, grade_id, required,
				expectation_ru, expectation_en) VALUES (?, ?, ?, ?, ?)`, cid, grade, l.Required,
				strings.TrimSpace(l.ExpectationRU), strings.TrimSpace(l.ExpectationEN)); err != nil {
				return 0, err
			}
		}
	}
	return id, nil
}

// CurrentMatrix is the newest matrix version (ID 0: none saved yet; the default
// is written when the first assessment starts).
func (s *Store) CurrentMatrix(ctx context.Context) (Matrix, error) {
	id, err := currentMatrix(ctx, s.read)
	if err != nil || id == 0 {
		return Matrix{}, s.classify(err)
	}
	return s.Matrix(ctx, id)
}

func currentMatrix(ctx context.Context, q queryRower) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM competency_matrices ORDER BY version DESC LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// Matrix reads a matrix version with its competencies and levels.
func (s *Store) Matrix(ctx context.Context, id int64) (Matrix, error) {
	m := Matrix{ID: id}
	if err := s.read.QueryRowContext(ctx, `SELECT version FROM competency_matrices WHERE id = ?`, id).
		Scan(&m.Version); err != nil {
		return m, s.notFound(err)
	}
	index := map[int64]int{}
	err := s.EachRow(ctx, `SELECT id, code, area, name_ru, name_en FROM competencies WHERE matrix_id = ?
		ORDER BY position`, []any{id}, func(r *sql.Rows) error {
		c := Competency{Levels: map[int64]CompetencyLevel{}}
		if err := r.Scan(&c.ID, &c.Code, &c.Area, &c.NameRU, &c.NameEN); err != nil {
			return err
		}
		index[c.ID] = len(m.Competencies)
		m.Competencies = append(m.Competencies, c)
		return nil
	})
	if err != nil {
		return m, err
	}
	err = s.EachRow(ctx, `SELECT l.competency_id, l.grade_id, l.required, l.expectation_ru, l.expectation_en
		FROM competency_levels l JOIN competencies c ON c.id = l.competency_id WHERE c.matrix_id = ?`, []any{id},
		func(r *sql.Rows) error {
			var cid, grade int64
			var l CompetencyLevel
			if err := r.Scan(&cid, &grade, &l.Required, &l.ExpectationRU, &l.ExpectationEN); err != nil {
				return err
			}
			m.Competencies[index[cid]].Levels[grade] = l
			return nil
		})
	return m, err
}

// DefaultMatrix is the default matrix (data/competency) on this ladder: grades of
// other codes get the level of the nearest default grade below them.
func DefaultMatrix(grades []GradeLevel) []Competency {
	defaults := competency.DefaultMatrix()
	out := make([]Competency, len(defaults))
	for i, d := range defaults {
		c := Competency{Code: d.Code, Area: d.Area, NameRU: d.NameRU, NameEN: d.NameEN, Levels: map[int64]CompetencyLevel{}}
		last := d.Levels[competency.Grades[0]]
		for _, g := range grades { // lowest first
			if l, ok := d.Levels[g.Code]; ok {
				last = l
			}
			c.Levels[g.ID] = CompetencyLevel{Required: last.Required, ExpectationRU: last.ExpectationRU,
				ExpectationEN: last.ExpectationEN}
		}
		out[i] = c
	}
	return out
}

// matrixFor is the current matrix, the default written first when there is none.
func (s *Store) matrixFor(ctx context.Context, tx *sql.Tx) (int64, error) {
	id, err := currentMatrix(ctx, tx)
	if err != nil || id != 0 {
		return id, err
	}
	grades, err := grades(ctx, tx)
	if err != nil {
		return 0, err
	}
	return insertMatrix(ctx, tx, DefaultMatrix(grades), s.Today())
}
