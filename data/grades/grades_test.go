package grades

import (
	"context"
	"math"
	"path/filepath"
	"testing"
	"time"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/competency"
)

// Two middles in two teams and a senior, one middle assessed at every level the
// senior grade asks for.
func fixture(t *testing.T) (s *data.Store, anna, boris, vera int64) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "g.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC) })
	ladder, _ := s.Grades(ctx)
	id := map[string]int64{}
	for _, g := range ladder {
		id[g.Code] = g.ID
	}
	person := func(name, grade, team string) int64 {
		pid, err := s.SaveStaff(ctx, data.Staff{FullName: name, GradeID: id[grade], Team: team, HireDate: data.Day(2022, 1, 10),
			FTE: 1, Status: data.StaffActive}, data.GradeChange{})
		if err != nil {
			t.Fatal(err)
		}
		return pid
	}
	anna, boris, vera = person("Анна Акимова", "middle", "Альфа"), person("Борис Быков", "middle", "Бета"),
		person("Вера Волкова", "senior", "Альфа")
	aid, err := s.StartAssessment(ctx, anna)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := s.AssessmentView(ctx, aid)
	for i, c := range v.Matrix.Competencies {
		if err := s.SaveObservation(ctx, aid, c.ID, data.Observed{Level: v.Observations[i].Next}, i+1); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.FinishAssessment(ctx, aid, data.Decision{Choice: competency.Develop,
		OverrideReason: "Повышение — после сезона бюджетов"}); err != nil {
		t.Fatal(err)
	}
	return s, anna, boris, vera
}

func TestDistributionCountsGradesByTeam(t *testing.T) {
	s, _, _, _ := fixture(t)
	d, err := DistributionOf(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	// Grades lowest first: junior 0, middle 2 (Альфа 1, Бета 1), senior 1 (Альфа), lead 0.
	if len(d.Teams) != 2 || d.Total(1) != 2 || d.Counts[1][0] != 1 || d.Counts[2][0] != 1 || d.Total(0) != 0 {
		t.Fatalf("%+v", d)
	}
	c := d.Chart("ru", true, charts.Print)
	if len(c.Segments) != 2 || len(c.Categories) != 4 || c.Values[1][1] != 1 {
		t.Errorf("chart %+v", c)
	}
	if plain := d.Chart("en", false, charts.Print); len(plain.Segments) != 1 || plain.Values[1][0] != 2 {
		t.Errorf("plain chart %+v", plain.Values)
	}
}

func TestReadinessCalendarAndProfile(t *testing.T) {
	s, anna, boris, _ := fixture(t)
	ctx := context.Background()
	latest, err := s.LatestAssessments(ctx)
	if err != nil || len(latest) != 1 || latest[0].StaffID != anna {
		t.Fatalf("latest %+v, %v", latest, err)
	}
	// Every level at the senior requirement: fit and readiness 100 %, the rules say
	// promote, the lead chose to develop.
	if o := latest[0].Outcome; o.Fit != 100 || o.Readiness != 100 || o.Advice != competency.Promote ||
		latest[0].Decision != competency.Develop {
		t.Errorf("outcome %+v", latest[0])
	}
	if c := ReadinessChart(latest, "ru", charts.Print); len(c.Bars) != 1 || c.Bars[0].Value != 100 {
		t.Errorf("readiness chart %+v", c.Bars)
	}
	due, _ := s.AssessmentsDue(ctx)
	statuses := map[int64]string{}
	for _, d := range due {
		statuses[d.StaffID] = DueStatus(d)
	}
	if statuses[anna] != "planned" || statuses[boris] != "never" || DueStatus(due[0]) != "never" {
		t.Errorf("statuses %v, first %+v", statuses, due[0])
	}
	p, err := ProfileOf(ctx, s, boris) // never assessed: requirements only
	if err != nil || !p.AssessedOn.IsZero() || len(p.Matrix.Competencies) != 17 || p.Next.Code != "senior" {
		t.Fatalf("profile %+v, %v", p, err)
	}
	c := p.Chart("ru", charts.Print)
	if !math.IsNaN(c.Rows[0].Observed) || c.Rows[0].Current == 0 || c.Rows[0].Next == 0 {
		t.Errorf("rows %+v", c.Rows[0])
	}
	m, _ := s.CurrentMatrix(ctx)
	if h := HeatmapChart(latest, m, "ru", charts.Print); len(h.RowLabels) != 1 || len(h.ColumnLabels) != 17 {
		t.Errorf("heatmap %d x %d", len(h.RowLabels), len(h.ColumnLabels))
	}
}
