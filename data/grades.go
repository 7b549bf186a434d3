package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// GradeLevel is a step of the grade ladder (junior, middle, senior, lead) with the
// workload capacity, in points, of a full-time person at that grade.
type GradeLevel struct {
	ID       int64
	Code     string
	NameRU   string
	NameEN   string
	Rank     int // position on the ladder, 1 = lowest
	Capacity float64
}

// Name is the grade's name in the given language ("ru" or anything else for English).
func (g GradeLevel) Name(lang string) string {
	if lang == "ru" {
		return g.NameRU
	}
	return g.NameEN
}

// Grades lists the ladder from the lowest grade up.
func (s *Store) Grades(ctx context.Context) ([]GradeLevel, error) {
	g, err := grades(ctx, s.read)
	return g, s.classify(err)
}

func grades(ctx context.Context, q queryer) ([]GradeLevel, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+gradeColumns+` FROM grade_levels g ORDER BY g.rank`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []GradeLevel
	for rows.Next() {
		var g GradeLevel
		if err := rows.Scan(gradeScanArgs(&g)...); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

func (s *Store) validateGrade(ctx context.Context, g GradeLevel) error {
	var c checker
	c.required("code", g.Code)
	c.required("name_ru", g.NameRU)
	c.required("name_en", g.NameEN)
	c.between("rank", float64(g.Rank), 1, 99)
	c.notNegative("capacity", g.Capacity)
	var clash string
	err := s.read.QueryRowContext(ctx, `SELECT CASE WHEN code = ? THEN 'code' ELSE 'rank' END
		FROM grade_levels WHERE id <> ? AND (code = ? OR rank = ?) LIMIT 1`,
		g.Code, g.ID, g.Code, g.Rank).Scan(&clash)
	switch {
	case err == nil:
		if !c.has(clash) {
			c.add(clash, "duplicate")
		}
	case !errors.Is(err, sql.ErrNoRows):
		return s.classify(err)
	}
	return c.err()
}

// SaveGrade creates (ID 0) or updates a grade level and returns its id.
func (s *Store) SaveGrade(ctx context.Context, g GradeLevel) (int64, error) {
	g.Code = strings.TrimSpace(g.Code)
	g.NameRU, g.NameEN = strings.TrimSpace(g.NameRU), strings.TrimSpace(g.NameEN)
	if err := s.validateGrade(ctx, g); err != nil {
		return 0, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if g.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO grade_levels (code, name_ru, name_en, rank, capacity)
				VALUES (?, ?, ?, ?, ?)`, g.Code, g.NameRU, g.NameEN, g.Rank, g.Capacity)
			if err != nil {
				return err
			}
			g.ID, err = res.LastInsertId()
			return err
		}
		return execOne(ctx, tx, `UPDATE grade_levels SET code = ?, name_ru = ?, name_en = ?, rank = ?, capacity = ?
			WHERE id = ?`, g.Code, g.NameRU, g.NameEN, g.Rank, g.Capacity, g.ID)
	})
	return g.ID, err
}

// execOne runs an UPDATE that must touch exactly one row.
func execOne(ctx context.Context, tx *sql.Tx, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		if err == nil {
			err = ErrNotFound
		}
		return err
	}
	return nil
}
