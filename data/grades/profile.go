package grades

import (
	"context"
	"math"
	"time"

	"leadboard/assets/locale"
	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/competency"
	"leadboard/data/table"
)

// A person's competency profile: their latest observed levels against what their
// grade and the next one require.

// Profile is one person's levels by competency.
type Profile struct {
	StaffID     int64
	Name        string
	Grade, Next data.GradeLevel // Next.ID 0: the top grade
	AssessedOn  time.Time       // zero: never assessed (requirements only)
	Matrix      data.Matrix
	Observed    map[int64]data.Observed // by competency id
	Outcome     competency.Outcome
}

// ProfileOf reads a person's latest finished assessment, or, when there is none,
// the current matrix at their grade.
func ProfileOf(ctx context.Context, s *data.Store, staffID int64) (Profile, error) {
	p := Profile{StaffID: staffID}
	id, err := s.LatestAssessmentOf(ctx, staffID)
	if err != nil {
		return p, err
	}
	person, err := s.GetStaff(ctx, staffID)
	if err != nil {
		return p, err
	}
	ladder, err := s.Grades(ctx)
	if err != nil {
		return p, err
	}
	p.Name, p.Observed = person.FullName, map[int64]data.Observed{}
	p.Grade, p.Next = data.GradeAndNext(ladder, person.GradeID) // the grade held now, even after a promotion
	if id != 0 {
		v, err := s.AssessmentView(ctx, id)
		if err != nil {
			return p, err
		}
		p.AssessedOn, p.Matrix, p.Observed = v.FinishedOn, v.Matrix, v.Observed
		p.Outcome = p.Matrix.Assess(p.Grade.ID, p.Next.ID, p.Observed)
		return p, nil
	}
	if p.Matrix, err = s.CurrentMatrix(ctx); err != nil {
		return p, err
	}
	if p.Matrix.ID == 0 {
		p.Matrix = data.Matrix{Competencies: data.DefaultMatrix(ladder)}
	}
	return p, nil
}

// Chart draws a row per competency: the level observed against the current and
// the next grade's requirement.
func (p Profile) Chart(lang string, style charts.Style) charts.ProfileChart {
	w := words(lang)
	subtitle := w.T("grades.profile_never", map[string]any{"Grade": p.Grade.Name(lang)})
	if !p.AssessedOn.IsZero() {
		subtitle = w.T("grades.profile_subtitle", map[string]any{"Grade": p.Grade.Name(lang),
			"Date": locale.Date(lang, p.AssessedOn), "Fit": math.Round(p.Outcome.Fit)})
	}
	c := charts.ProfileChart{
		Title:         w.T("grades.profile_title", map[string]any{"Name": p.Name}),
		Subtitle:      subtitle,
		ObservedLabel: w.T("grades.observed", nil),
		CurrentLabel:  w.T("grades.required_at", map[string]any{"Grade": p.Grade.Name(lang)}),
		StatusLabels: [3]string{w.T("grades.status.below", nil), w.T("grades.status.meets", nil),
			w.T("grades.status.next", nil)},
		Format: func(v float64) string { return charts.FormatValue(lang, charts.UnitCount, v) },
		Empty:  w.T("grades.no_matrix", nil),
		Style:  style,
	}
	if p.Next.ID != 0 {
		c.NextLabel = w.T("grades.required_at", map[string]any{"Grade": p.Next.Name(lang)})
	}
	for _, k := range p.Matrix.Competencies {
		row := charts.ProfileRow{Label: k.Name(lang), Group: AreaName(lang, k.Area),
			Observed: math.NaN(), Current: float64(k.Levels[p.Grade.ID].Required), Next: math.NaN()}
		if o, ok := p.Observed[k.ID]; ok {
			row.Observed = float64(o.Level)
		}
		if p.Next.ID != 0 {
			row.Next = float64(k.Levels[p.Next.ID].Required)
		}
		c.Rows = append(c.Rows, row)
	}
	return c
}

// AreaName names a competency area in a language.
func AreaName(lang, code string) string {
	for _, a := range competency.Areas {
		if a.Code == code {
			if lang == "ru" {
				return a.NameRU
			}
			return a.NameEN
		}
	}
	return code
}

// Table lists the profile: a row per competency.
func (p Profile) Table(lang string) table.Table {
	columns := []table.Column{
		{Key: "area", TitleRU: "Область", TitleEN: "Area", Kind: table.Text},
		{Key: "competency", TitleRU: "Компетенция", TitleEN: "Competency", Kind: table.Text},
		{Key: "observed", TitleRU: "Наблюдаемый уровень", TitleEN: "Observed level", Kind: table.Integer},
		{Key: "required", TitleRU: "Требуется на грейде", TitleEN: "Required at the grade", Kind: table.Integer},
		{Key: "required_next", TitleRU: "Требуется на следующем", TitleEN: "Required at the next grade", Kind: table.Integer},
		{Key: "gap", TitleRU: "Не хватает до грейда", TitleEN: "Short of the grade", Kind: table.Integer},
		{Key: "note", TitleRU: "Заметка", TitleEN: "Note", Kind: table.Text},
	}
	var rows [][]any
	for _, k := range p.Matrix.Competencies {
		required := k.Levels[p.Grade.ID].Required
		row := []any{AreaName(lang, k.Area), k.Name(lang), nil, int64(required), nil, nil, nil}
		if o, ok := p.Observed[k.ID]; ok {
			row[2], row[5], row[6] = int64(o.Level), int64(max(0, required-o.Level)), o.Note
		}
		if p.Next.ID != 0 {
			row[4] = int64(k.Levels[p.Next.ID].Required)
		}
		rows = append(rows, row)
	}
	return table.FromRows(words(lang).T("grades.profile_title", map[string]any{"Name": p.Name}), columns, rows)
}
