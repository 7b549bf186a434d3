package grades

import (
	"context"
	"slices"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/table"
)

// Distribution counts the people at work at each grade, by team.
type Distribution struct {
	Grades []data.GradeLevel // the ladder, lowest first
	Teams  []string          // by name; "" is people without a team
	Counts [][]int           // [grade][team]
}

// DistributionOf counts everyone at work (on leave included) in one query.
func DistributionOf(ctx context.Context, s *data.Store) (Distribution, error) {
	var d Distribution
	var err error
	if d.Grades, err = s.Grades(ctx); err != nil {
		return d, err
	}
	people, err := s.ListStaff(ctx, data.StaffFilter{})
	if err != nil {
		return d, err
	}
	for _, p := range people {
		if !slices.Contains(d.Teams, p.Team) {
			d.Teams = append(d.Teams, p.Team)
		}
	}
	slices.Sort(d.Teams)
	d.Counts = make([][]int, len(d.Grades))
	for i := range d.Counts {
		d.Counts[i] = make([]int, len(d.Teams))
	}
	for _, p := range people {
		g := slices.IndexFunc(d.Grades, func(x data.GradeLevel) bool { return x.ID == p.GradeID })
		if g >= 0 {
			d.Counts[g][slices.Index(d.Teams, p.Team)]++
		}
	}
	return d, nil
}

// Total is the number of people at a grade.
func (d Distribution) Total(grade int) int {
	n := 0
	for _, c := range d.Counts[grade] {
		n += c
	}
	return n
}

func teamName(lang, team string) string {
	if team == "" {
		return words(lang).T("grades.no_team", nil)
	}
	return team
}

// Chart draws a column per grade, stacked by team when byTeam.
func (d Distribution) Chart(lang string, byTeam bool, style charts.Style) charts.StackedBarChart {
	w := words(lang)
	people := 0
	for g := range d.Grades {
		people += d.Total(g)
	}
	c := charts.StackedBarChart{
		Title:    w.T("grades.distribution_title", nil),
		Subtitle: w.T("grades.distribution_subtitle", map[string]any{"Count": people}),
		Empty:    w.T("grades.no_people", nil),
		Style:    style,
		Segments: []string{""},
		Format:   func(v float64) string { return charts.FormatValue(lang, charts.UnitCount, v) },
	}
	if people == 0 {
		return c
	}
	if byTeam {
		c.Segments = nil
		for _, t := range d.Teams {
			c.Segments = append(c.Segments, teamName(lang, t))
		}
	}
	for g, grade := range d.Grades {
		c.Categories = append(c.Categories, grade.Name(lang))
		var values []float64
		if byTeam {
			for _, n := range d.Counts[g] {
				values = append(values, float64(n))
			}
		} else {
			values = []float64{float64(d.Total(g))}
		}
		c.Values = append(c.Values, values)
	}
	return c
}

// Table lists one row per grade: the people at it, then by team.
func (d Distribution) Table(lang string) table.Table {
	columns := []table.Column{
		{Key: "grade", TitleRU: "Грейд", TitleEN: "Grade", Kind: table.Text},
		{Key: "people", TitleRU: "Человек", TitleEN: "People", Kind: table.Integer},
	}
	for _, t := range d.Teams {
		columns = append(columns, table.Column{Key: "team:" + t, TitleRU: teamName("ru", t), TitleEN: teamName("en", t),
			Kind: table.Integer})
	}
	rows := make([][]any, len(d.Grades))
	for g, grade := range d.Grades {
		row := []any{grade.Name(lang), int64(d.Total(g))}
		for _, n := range d.Counts[g] {
			row = append(row, int64(n))
		}
		rows[g] = row
	}
	return table.FromRows(words(lang).T("grades.distribution_title", nil), columns, rows)
}
