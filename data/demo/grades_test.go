package demo_test

import (
	"context"
	"database/sql"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/competency"
)

// assessmentRow is an assessment as stored.
type assessmentRow struct {
	id, staff, matrix, grade   int64
	started, finished          string // finished "": under way
	step                       int
	rec, dec, reason           string
	promotedTo                 int64
	promotedOn, hire, staffNow string
}

func loadAssessments(t testing.TB, db *sql.DB) []assessmentRow {
	t.Helper()
	rows, err := db.Query(`SELECT a.id, a.staff_id, a.matrix_id, a.grade_id, a.started_on, coalesce(a.finished_on, ''),
			a.step, coalesce(a.recommendation, ''), coalesce(a.decision, ''), a.override_reason,
			coalesce(a.promoted_to, 0), coalesce(a.promoted_on, ''), s.hire_date, s.status
		FROM assessments a JOIN staff s ON s.id = a.staff_id ORDER BY a.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []assessmentRow
	for rows.Next() {
		var a assessmentRow
		if err := rows.Scan(&a.id, &a.staff, &a.matrix, &a.grade, &a.started, &a.finished, &a.step, &a.rec, &a.dec,
			&a.reason, &a.promotedTo, &a.promotedOn, &a.hire, &a.staffNow); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// gradeOn is the grade the history says a person held on a day.
func gradeOn(t testing.TB, db *sql.DB, staff int64, on string) int64 {
	t.Helper()
	return int64(queryInt(t, db, `SELECT to_grade_id FROM grade_history WHERE staff_id = ? AND changed_on <= ?
		ORDER BY changed_on DESC, id DESC LIMIT 1`, staff, on))
}

func TestGradeDataCounts(t *testing.T) {
	_, db := fixture(t)
	sum := shared.sum
	if sum.Competencies != len(competency.DefaultMatrix()) || sum.Assessments == 0 || sum.PlanItems == 0 ||
		sum.Trainings < 8 || sum.Trainings > 12 {
		t.Errorf("summary %+v", sum)
	}
	for table, want := range map[string]int{"competencies": sum.Competencies, "assessments": sum.Assessments,
		"plan_items": sum.PlanItems, "trainings": sum.Trainings} {
		if n := queryInt(t, db, `SELECT count(*) FROM `+table); n != want {
			t.Errorf("%s: %d rows, summary says %d", table, n, want)
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM competency_matrices WHERE version = 1
		AND created_on < (SELECT min(started_on) FROM assessments)`); n != 1 {
		t.Errorf("%d matrices of version 1 made before the first assessment", n)
	}
	for _, q := range []string{`SELECT count(*) FROM training_attendance`, `SELECT count(*) FROM training_competencies`,
		`SELECT count(*) FROM assessment_levels WHERE note <> ''`} {
		if queryInt(t, db, q) == 0 {
			t.Errorf("%s: none", q)
		}
	}
	working := queryInt(t, db, `SELECT count(*) FROM staff WHERE status <> 'left'`)
	assessed := queryInt(t, db, `SELECT count(DISTINCT staff_id) FROM assessments WHERE finished_on IS NOT NULL`)
	if assessed < working*2/3 || assessed >= working {
		t.Errorf("%d of %d working people assessed; want most, not all", assessed, working)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM assessments a JOIN staff s ON s.id = a.staff_id
		WHERE s.status = 'left'`); n != 0 {
		t.Errorf("%d assessments of people who left", n)
	}
	cyrillic := regexp.MustCompile(`^[А-Яа-яЁёA-Z0-9 ,.:;«»()—\-]+$`) // Latin for KPI, CRM, SLA
	for _, q := range []string{`SELECT DISTINCT note FROM assessment_levels WHERE note <> ''`,
		`SELECT DISTINCT override_reason FROM assessments WHERE override_reason <> ''`,
		`SELECT DISTINCT note FROM training_attendance WHERE note <> ''`} {
		for _, s := range queryStrings(t, db, q) {
			if !cyrillic.MatchString(s) {
				t.Errorf("not plain Russian: %q", s)
			}
		}
	}
}

// Every finished assessment observed every competency of its matrix, at the grade
// the history says the person held, and its recommendation is what the rules give.
func TestAssessmentsFollowTheRules(t *testing.T) {
	s, db := fixture(t)
	ctx := context.Background()
	as := loadAssessments(t, db)
	today := asOf.Format(time.DateOnly)
	near, all := 0, 0
	for _, a := range as {
		if a.started < a.hire || a.started > today || (a.finished != "" && (a.finished < a.started || a.finished >= today)) {
			t.Errorf("assessment %d: started %s, finished %s, hired %s", a.id, a.started, a.finished, a.hire)
		}
		if g := gradeOn(t, db, a.staff, a.started); g != a.grade {
			t.Errorf("assessment %d: at grade %d, the history says %d on %s", a.id, a.grade, g, a.started)
		}
		comps := queryInt(t, db, `SELECT count(*) FROM competencies WHERE matrix_id = ?`, a.matrix)
		seen := queryInt(t, db, `SELECT count(*) FROM assessment_levels WHERE assessment_id = ?`, a.id)
		if a.finished == "" {
			continue
		}
		if seen != comps || a.step != comps {
			t.Errorf("assessment %d: %d of %d competencies observed, step %d", a.id, seen, comps, a.step)
		}
		v, err := s.AssessmentView(ctx, a.id)
		if err != nil {
			t.Fatal(err)
		}
		if !v.AllObserved || v.Outcome.Advice != a.rec {
			t.Errorf("assessment %d: recommendation %s, the rules give %s", a.id, a.rec, v.Outcome.Advice)
		}
		if (a.dec != a.rec) != (a.reason != "") {
			t.Errorf("assessment %d: %s for %s with reason %q", a.id, a.dec, a.rec, a.reason)
		}
		if (a.dec == competency.Promote) != (a.promotedTo != 0) {
			t.Errorf("assessment %d: decision %s, promoted to %d", a.id, a.dec, a.promotedTo)
		}
		for _, o := range v.Observations {
			all++
			if math.Abs(float64(o.Observed-o.Current)) <= 1 {
				near++
			}
		}
	}
	if float64(near) < 0.9*float64(all) {
		t.Errorf("%d of %d levels within one of the grade's requirement", near, all)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM (SELECT staff_id FROM assessments WHERE finished_on IS NULL
		GROUP BY staff_id HAVING count(*) > 1)`); n != 0 {
		t.Errorf("%d people with two assessments under way", n)
	}
}

// The small demo's one promotion through an assessment is the one the grade history
// holds from its date.
func TestAssessmentPromotion(t *testing.T) {
	_, db := fixture(t)
	var promoted []assessmentRow
	for _, a := range loadAssessments(t, db) {
		if a.dec == competency.Promote {
			promoted = append(promoted, a)
		}
	}
	if len(promoted) != 1 {
		t.Fatalf("%d promotions through an assessment, want 1", len(promoted))
	}
	a := promoted[0]
	if a.rec != competency.Promote || a.finished > a.promotedOn || a.promotedOn >= asOf.Format(time.DateOnly) {
		t.Errorf("promotion %+v", a)
	}
	if next := queryInt(t, db, `SELECT id FROM grade_levels WHERE rank > (SELECT rank FROM grade_levels WHERE id = ?)
		ORDER BY rank LIMIT 1`, a.grade); int64(next) != a.promotedTo {
		t.Errorf("promoted from %d to %d, the next grade is %d", a.grade, a.promotedTo, next)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM grade_history WHERE staff_id = ? AND changed_on = ?
		AND from_grade_id = ? AND to_grade_id = ? AND reason <> ''`, a.staff, a.promotedOn, a.grade, a.promotedTo); n != 1 {
		t.Errorf("the promotion %+v is not in the grade history", a)
	}
	if g := gradeOn(t, db, a.staff, asOf.Format(time.DateOnly)); g != int64(queryInt(t, db,
		`SELECT grade_id FROM staff WHERE id = ?`, a.staff)) {
		t.Errorf("staff %d: grade %d now by the history, another in staff", a.staff, g)
	}
}

// Someone is ready for promotion: the last assessment advised it, the lead put it off
// for a reason, and the latest review marks them ready; the due list puts them first.
func TestReadyForPromotion(t *testing.T) {
	s, db := fixture(t)
	ctx := context.Background()
	var staff int64
	var finalized string
	if err := db.QueryRow(`SELECT staff_id, finalized_on FROM reviews WHERE promotion_ready = 1`).
		Scan(&staff, &finalized); err != nil {
		t.Fatal(err)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reviews WHERE promotion_ready = 1`); n != 1 {
		t.Errorf("%d reviews mark someone ready", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reviews WHERE staff_id = ? AND status = 'final' AND finalized_on > ?`,
		staff, finalized); n != 0 {
		t.Error("the review marking someone ready is not their latest")
	}
	var rec, dec, reason string
	if err := db.QueryRow(`SELECT recommendation, decision, override_reason FROM assessments WHERE staff_id = ?
		AND finished_on IS NOT NULL ORDER BY finished_on DESC LIMIT 1`, staff).Scan(&rec, &dec, &reason); err != nil {
		t.Fatal(err)
	}
	if rec != competency.Promote || dec != competency.Develop || reason == "" {
		t.Errorf("the ready person's last assessment: %s, %s, %q", rec, dec, reason)
	}
	due, err := s.AssessmentsDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]int{}
	for _, d := range due {
		reasons[d.Reason]++
		if d.StaffID == staff && d.Reason != "ready" {
			t.Errorf("the ready person is due for %q", d.Reason)
		}
	}
	if len(due) == 0 || due[0].Reason != "ready" || reasons["ready"] != 1 {
		t.Errorf("due list reasons %v", reasons)
	}
	if late := reasons["never"] + reasons["overdue"]; late < 2 || late > 3 || reasons["overdue"] == 0 {
		t.Errorf("%d never assessed and %d overdue, want two or three in all", reasons["never"], reasons["overdue"])
	}
}

// Someone has gaps and a plan under way made from them, one item past its date.
func TestPlanFromGaps(t *testing.T) {
	s, db := fixture(t)
	ctx := context.Background()
	today := asOf.Format(time.DateOnly)
	var staff, source int64
	if err := db.QueryRow(`SELECT staff_id, source_id FROM plan_items WHERE source = 'assessment'
		AND status IN ('planned', 'in_progress') AND due_on < ? ORDER BY id LIMIT 1`, today).
		Scan(&staff, &source); err != nil {
		t.Fatalf("no overdue item from an assessment: %v", err)
	}
	v, err := s.AssessmentView(ctx, source)
	if err != nil {
		t.Fatal(err)
	}
	short := 0
	for _, g := range v.Outcome.Gaps {
		if g.Current > 0 {
			short++
		}
	}
	if v.StaffID != staff || v.Recommendation != competency.Develop || short < 2 || short > 3 {
		t.Errorf("the plan's assessment: staff %d for %d, %s, %d gaps", v.StaffID, staff, v.Recommendation, short)
	}
	items, err := s.PlanItems(ctx, staff)
	if err != nil {
		t.Fatal(err)
	}
	statuses := map[string]int{}
	overdue, later := 0, 0
	for _, p := range items {
		if p.Source != "assessment" || p.SourceID != source {
			continue
		}
		statuses[p.Status]++
		if p.Overdue(asOf) {
			overdue++
		}
		if p.Due.After(asOf) {
			later++
		}
		if p.CompetencyCode == "" || !strings.Contains(p.Goal, ": уровень ") {
			t.Errorf("item %+v", p)
		}
	}
	if overdue != 1 || later == 0 || len(statuses) < 3 {
		t.Errorf("%d overdue, %d due later, statuses %v", overdue, later, statuses)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM plan_items WHERE source = 'review'`); n == 0 {
		t.Error("no plan items from reviews' goals")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM plan_items p JOIN reviews v ON v.id = p.source_id
		WHERE p.source = 'review' AND (v.staff_id <> p.staff_id OR instr(v.goals, p.goal) = 0)`); n != 0 {
		t.Errorf("%d review items not from the person's review goals", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM plan_items p JOIN assessments a ON a.id = p.source_id
		WHERE p.source = 'assessment' AND (a.staff_id <> p.staff_id OR a.finished_on IS NULL
			OR p.created_on <> a.finished_on OR p.competency_code NOT IN (SELECT code FROM competencies))`); n != 0 {
		t.Errorf("%d assessment items that do not follow their assessment", n)
	}
}

// The store makes nothing new from the sources the demo made its plans from: the
// demo's items are the ones PlanFromAssessment and PlanFromReview would make.
func TestPlansAsTheStoreMakesThem(t *testing.T) {
	s, _ := generate(t, 42, asOf)
	ctx := context.Background()
	db := rawDB(t, s.Path())
	due := asOf.AddDate(0, 3, 0)
	for _, id := range queryStrings(t, db, `SELECT DISTINCT source_id FROM plan_items WHERE source = 'assessment'`) {
		aid, _ := strconv.ParseInt(id, 10, 64)
		if n, err := s.PlanFromAssessment(ctx, aid, due); err != nil || n != 0 {
			t.Errorf("assessment %d: the store added %d more items (%v)", aid, n, err)
		}
	}
	for _, id := range queryStrings(t, db, `SELECT DISTINCT source_id FROM plan_items WHERE source = 'review'`) {
		rid, _ := strconv.ParseInt(id, 10, 64)
		if n, err := s.PlanFromReview(ctx, rid, due); err != nil || n != 0 {
			t.Errorf("review %d: the store added %d more items (%v)", rid, n, err)
		}
	}
}

// The assessment under way resumes through the store and finishes once the rest is
// observed.
func TestUnfinishedAssessmentResumes(t *testing.T) {
	s, _ := generate(t, 42, asOf)
	ctx := context.Background()
	db := rawDB(t, s.Path())
	var id, staff int64
	var step int
	if err := db.QueryRow(`SELECT id, staff_id, step FROM assessments WHERE finished_on IS NULL`).
		Scan(&id, &staff, &step); err != nil {
		t.Fatal(err)
	}
	comps := queryInt(t, db, `SELECT count(*) FROM competencies`)
	if seen := queryInt(t, db, `SELECT count(*) FROM assessment_levels WHERE assessment_id = ?`, id); step <= 0 ||
		step >= comps || seen != step {
		t.Errorf("assessment under way at step %d of %d with %d observed", step, comps, seen)
	}
	due, err := s.AssessmentsDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range due {
		if d.StaffID == staff && (d.Underway != id || d.Reason != "overdue") {
			t.Errorf("due list: %+v", d)
		}
	}
	got, err := s.StartAssessment(ctx, staff)
	if err != nil || got != id {
		t.Fatalf("StartAssessment gave %d (%v), want %d under way", got, err, id)
	}
	v, err := s.AssessmentView(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.FinishAssessment(ctx, id, data.Decision{Choice: competency.Develop,
		OverrideReason: "Проверка"}); err == nil {
		t.Error("an assessment with competencies not observed was finished")
	}
	for i := v.Step; i < len(v.Matrix.Competencies); i++ {
		c := v.Matrix.Competencies[i]
		if err := s.SaveObservation(ctx, id, c.ID, data.Observed{Level: c.Levels[v.GradeID].Required}, i+1); err != nil {
			t.Fatal(err)
		}
	}
	v, err = s.AssessmentView(ctx, id)
	if err != nil || !v.AllObserved {
		t.Fatalf("not all observed: %v", err)
	}
	d := data.Decision{Choice: v.Outcome.Advice}
	if d.Choice == competency.Promote {
		d.PromotionDate, d.PromotionNote = asOf, "По итогам оценки грейда"
	}
	if err := s.FinishAssessment(ctx, id, d); err != nil {
		t.Fatal(err)
	}
	a, err := s.Assessment(ctx, id)
	if err != nil || !a.Finished() || a.Decision != d.Choice {
		t.Errorf("after finishing: %+v, %v", a, err)
	}
}

// Plans, the catalogue and attendance read back through the store.
func TestTrainingsThroughStore(t *testing.T) {
	s, db := fixture(t)
	ctx := context.Background()
	ts, err := s.Trainings(ctx)
	if err != nil || len(ts) != shared.sum.Trainings {
		t.Fatalf("%d courses (%v), summary says %d", len(ts), err, shared.sum.Trainings)
	}
	codes := map[string]bool{}
	for _, c := range competency.DefaultMatrix() {
		codes[c.Code] = true
	}
	byID := map[int64]data.Training{}
	for _, c := range ts {
		byID[c.ID] = c
		if c.Provider == "" || c.Hours <= 0 || len(c.Competencies) == 0 {
			t.Errorf("course %+v", c)
		}
		for _, code := range c.Competencies {
			if !codes[code] {
				t.Errorf("course %q develops an unknown competency %q", c.Title, code)
			}
		}
	}
	staff := queryStrings(t, db, `SELECT DISTINCT staff_id FROM training_attendance ORDER BY staff_id`)
	if len(staff) < 5 {
		t.Errorf("%d people attended courses", len(staff))
	}
	completed, total := 0, 0
	for _, sid := range staff {
		id, _ := strconv.ParseInt(sid, 10, 64)
		att, err := s.AttendanceOf(ctx, id)
		if err != nil || len(att) == 0 {
			t.Fatalf("staff %d: %d courses (%v)", id, len(att), err)
		}
		for _, a := range att {
			total++
			if a.Completed {
				completed++
			}
			c, ok := byID[a.TrainingID]
			if !ok || !a.On.Before(asOf) || (!c.ArchivedOn.IsZero() && !a.On.Before(c.ArchivedOn)) {
				t.Errorf("attendance %+v of %+v", a, c)
			}
		}
	}
	if completed < total*3/4 {
		t.Errorf("%d of %d courses completed", completed, total)
	}
	// A plan item to take a course under way has the course begun.
	if n := queryInt(t, db, `SELECT count(*) FROM plan_items p WHERE p.action = 'training' AND p.status = 'done'
		AND NOT EXISTS (SELECT 1 FROM training_attendance a JOIN training_competencies c ON c.training_id = a.training_id
			WHERE a.staff_id = p.staff_id AND c.competency_code = p.competency_code AND a.completed = 1)`); n != 0 {
		t.Errorf("%d training items done without the course", n)
	}
	withPlan := queryStrings(t, db, `SELECT DISTINCT staff_id FROM plan_items`)
	if len(withPlan) < 3 {
		t.Errorf("%d people have a plan", len(withPlan))
	}
	for _, sid := range withPlan {
		id, _ := strconv.ParseInt(sid, 10, 64)
		items, err := s.PlanItems(ctx, id)
		if err != nil || len(items) == 0 {
			t.Fatalf("staff %d: %d items (%v)", id, len(items), err)
		}
		for _, p := range items {
			if err := data.ValidatePlanItem(p); err != nil || p.CreatedOn.After(asOf) {
				t.Errorf("item %+v: %v", p, err)
			}
		}
	}
}

// Other seeds and dates tell the same story: one promotion, one person ready, one
// plan with an overdue item, one assessment under way.
func TestGradeStoryOtherSeeds(t *testing.T) {
	for _, c := range []struct {
		seed int64
		at   time.Time
	}{{1, asOf}, {7, data.Day(2025, 10, 15)}, {23, data.Day(2026, 1, 12)}} {
		s, _ := generate(t, c.seed, c.at)
		db := rawDB(t, s.Path())
		today := c.at.Format(time.DateOnly)
		for q, want := range map[string]int{
			`SELECT count(*) FROM assessments WHERE decision = 'promote'`: 1,
			`SELECT count(*) FROM reviews WHERE promotion_ready = 1`:      1,
			`SELECT count(*) FROM assessments WHERE finished_on IS NULL`:  1,
			`SELECT count(DISTINCT staff_id) FROM assessments WHERE recommendation = 'promote'
				AND decision = 'develop'`: 1,
		} {
			if n := queryInt(t, db, q); n != want {
				t.Errorf("seed %d as of %s: %s: %d, want %d", c.seed, today, q, n, want)
			}
		}
		due, err := s.AssessmentsDue(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		reasons := map[string]int{}
		for _, d := range due {
			reasons[d.Reason]++
		}
		if late := reasons["never"] + reasons["overdue"]; late < 2 || late > 4 || reasons["ready"] != 1 {
			t.Errorf("seed %d: due %v", c.seed, reasons)
		}
		if n := queryInt(t, db, `SELECT count(*) FROM plan_items WHERE source = 'assessment'
			AND status IN ('planned', 'in_progress') AND due_on < ?`, today); n == 0 {
			t.Errorf("seed %d: no overdue plan item", c.seed)
		}
		if n := queryInt(t, db, `SELECT count(*) FROM assessments a WHERE a.decision = 'promote' AND NOT EXISTS (
			SELECT 1 FROM grade_history h WHERE h.staff_id = a.staff_id AND h.changed_on = a.promoted_on
				AND h.from_grade_id = a.grade_id AND h.to_grade_id = a.promoted_to)`); n != 0 {
			t.Errorf("seed %d: %d promotions not in the grade history", c.seed, n)
		}
	}
}
