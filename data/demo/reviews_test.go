package demo_test

import (
	"context"
	"database/sql"
	"math"
	"regexp"
	"slices"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/review"
)

// cycleRow is a review cycle as stored.
type cycleRow struct {
	id                        int64
	name, from, to, due, stat string
}

func loadCycles(t testing.TB, db *sql.DB) []cycleRow {
	t.Helper()
	rows, err := db.Query(`SELECT id, name, period_from, period_to, due_on, status FROM review_cycles ORDER BY period_from`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []cycleRow
	for rows.Next() {
		var c cycleRow
		if err := rows.Scan(&c.id, &c.name, &c.from, &c.to, &c.due, &c.stat); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// leadRatings reads a review's ratings by one side with the criteria's weights and
// codes, in the template's order; a missing rating is -1, "not applicable" 0.
type rated struct {
	code   string
	weight int
	rating int
}

func ratingsOf(t testing.TB, db *sql.DB, reviewID int64, bySelf int) []rated {
	t.Helper()
	rows, err := db.Query(`SELECT k.code, k.weight, CASE WHEN r.review_id IS NULL THEN -1 ELSE coalesce(r.rating, 0) END
		FROM reviews v JOIN review_criteria k ON k.template_id = v.template_id
		LEFT JOIN review_ratings r ON r.review_id = v.id AND r.criterion_id = k.id AND r.by_self = ?
		WHERE v.id = ? ORDER BY k.position`, bySelf, reviewID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []rated
	for rows.Next() {
		var r rated
		if err := rows.Scan(&r.code, &r.weight, &r.rating); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func scoreOf(rs []rated) (float64, bool) {
	in := make([]review.Rated, len(rs))
	for i, r := range rs {
		in[i] = review.Rated{Weight: r.weight, Rating: max(r.rating, 0)}
	}
	return review.Score(in)
}

func TestReviewCycles(t *testing.T) {
	s, db := fixture(t)
	ctx := context.Background()
	cycles := loadCycles(t, db)
	want := []cycleRow{
		{name: "Полугодие: январь — июнь 2025", from: "2025-01-01", to: "2025-06-30", stat: "closed"},
		{name: "Полугодие: июль — декабрь 2025", from: "2025-07-01", to: "2025-12-31", stat: "closed"},
		{name: "Полугодие: январь — июнь 2026", from: "2026-01-01", to: "2026-06-30", stat: "open"},
	}
	if len(cycles) != len(want) {
		t.Fatalf("%d cycles, want %d", len(cycles), len(want))
	}
	for i, c := range cycles {
		w := want[i]
		if c.name != w.name || c.from != w.from || c.to != w.to || c.stat != w.stat {
			t.Errorf("cycle %d: %+v, want %+v", i, c, w)
		}
	}
	if due := cycles[2].due; due < "2026-04-14" || due > "2026-04-30" {
		t.Errorf("the open cycle is due %s, want two to four weeks after %s", due, asOf.Format(time.DateOnly))
	}
	for _, c := range cycles[:2] {
		to, _ := time.Parse(time.DateOnly, c.to)
		if due, _ := time.Parse(time.DateOnly, c.due); !due.After(to) || due.After(to.AddDate(0, 0, 40)) {
			t.Errorf("closed cycle %q ends %s, due %s; want a few weeks after", c.name, c.to, c.due)
		}
	}

	sum := shared.sum
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.ReviewCycles != 3 || rep.Counts["review_cycles"] != 3 || rep.Counts["reviews"] != sum.Reviews ||
		rep.Counts["feedback"] != sum.Feedback || sum.Reviews < 30 || sum.Feedback < 100 {
		t.Errorf("summary %+v, counts %v", sum, rep.Counts)
	}

	// The default templates, version 1, from the first cycle's start.
	if n := queryInt(t, db, `SELECT count(*) FROM review_templates WHERE version = 1 AND created_on = '2025-01-01'`); n != 4 {
		t.Errorf("%d default templates, want 4", n)
	}
	grades, err := s.Grades(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range grades {
		var id int64
		if err := db.QueryRow(`SELECT id FROM review_templates WHERE grade_id = ?`, g.ID).Scan(&id); err != nil {
			t.Fatalf("grade %s: %v", g.Code, err)
		}
		tmpl, err := s.Template(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		defaults := review.DefaultCriteria(g.Code)
		if len(tmpl.Criteria) != len(defaults) {
			t.Fatalf("grade %s: %d criteria, want %d", g.Code, len(tmpl.Criteria), len(defaults))
		}
		for i, c := range tmpl.Criteria {
			d := defaults[i]
			if c.Code != d.Code || c.Weight != d.Weight || c.NameRU != d.NameRU || c.AnchorsRU != d.AnchorsRU ||
				c.AnchorsEN != d.AnchorsEN || !slices.Equal(c.Evidence, d.Evidence) {
				t.Errorf("grade %s, criterion %d: %+v, want %+v", g.Code, i, c, d)
			}
		}
		if err := data.ValidateCriteria(tmpl.Criteria); err != nil {
			t.Errorf("grade %s: %v", g.Code, err)
		}
	}

	// Each review is on the template of the person's grade when the cycle took them in.
	if n := queryInt(t, db, `SELECT count(*) FROM reviews v JOIN review_cycles c ON c.id = v.cycle_id
		JOIN review_templates m ON m.id = v.template_id
		WHERE m.grade_id <> (SELECT h.to_grade_id FROM grade_history h WHERE h.staff_id = v.staff_id
			AND h.changed_on <= CASE c.status WHEN 'open' THEN ? ELSE c.period_to END
			ORDER BY h.changed_on DESC LIMIT 1)`, asOf.Format(time.DateOnly)); n != 0 {
		t.Errorf("%d reviews on another grade's template", n)
	}
}

// Participants: everyone employed through the period's end (past probation, not away
// on a long leave), and nobody else.
func TestReviewParticipants(t *testing.T) {
	_, db := fixture(t)
	for _, c := range loadCycles(t, db) {
		if n := queryInt(t, db, `SELECT count(*) FROM reviews v JOIN staff s ON s.id = v.staff_id
			WHERE v.cycle_id = ? AND (s.hire_date > ? OR s.left_date <= ?)`, c.id, c.to, c.to); n != 0 {
			t.Errorf("%s: %d participants not employed through the period", c.name, n)
		}
		if c.stat != "closed" {
			continue
		}
		missing := queryStrings(t, db, `SELECT s.full_name FROM staff s WHERE s.status = 'active'
			AND s.hire_date <= date(?, '-90 days') AND NOT EXISTS (SELECT 1 FROM reviews v
				WHERE v.cycle_id = ? AND v.staff_id = s.id)`, c.to, c.id)
		if len(missing) > 0 {
			t.Errorf("%s: not reviewed: %v", c.name, missing)
		}
	}
}

func TestReviewsFinalAndScored(t *testing.T) {
	_, db := fixture(t)
	today := asOf.Format(time.DateOnly)
	for _, c := range loadCycles(t, db) {
		rows, err := db.Query(`SELECT id, status, score, coalesce(finalized_on, ''), strengths, growth, goals, potential
			FROM reviews WHERE cycle_id = ? ORDER BY id`, c.id)
		if err != nil {
			t.Fatal(err)
		}
		type rev struct {
			id                                       int64
			status                                   string
			score                                    sql.NullFloat64
			finalOn, strengths, growth, goals, poten string
		}
		var rs []rev
		for rows.Next() {
			var r rev
			if err := rows.Scan(&r.id, &r.status, &r.score, &r.finalOn, &r.strengths, &r.growth, &r.goals, &r.poten); err != nil {
				t.Fatal(err)
			}
			rs = append(rs, r)
		}
		rows.Close()
		finals, partly := 0, 0
		for _, r := range rs {
			lead := ratingsOf(t, db, r.id, 0)
			unrated := 0
			for _, x := range lead {
				if x.rating < 0 {
					unrated++
				}
			}
			if r.status == "draft" {
				if c.stat == "closed" {
					t.Errorf("%s: review %d is a draft", c.name, r.id)
				}
				if r.score.Valid || r.finalOn != "" || r.poten != "" {
					t.Errorf("%s: draft %d has a score, a final date or a potential", c.name, r.id)
				}
				if unrated > 0 && unrated < len(lead) {
					partly++
				}
				continue
			}
			finals++
			if unrated > 0 {
				t.Errorf("%s: final review %d lacks %d ratings", c.name, r.id, unrated)
			}
			want, ok := scoreOf(lead)
			if !ok || !r.score.Valid || r.score.Float64 != want {
				t.Errorf("%s: review %d scored %v, its ratings give %v", c.name, r.id, r.score, want)
			}
			if r.finalOn == "" || r.finalOn >= today || r.finalOn < c.from {
				t.Errorf("%s: review %d finalized on %q", c.name, r.id, r.finalOn)
			}
			if r.strengths == "" || r.growth == "" || r.goals == "" || !slices.Contains([]string{"low", "medium", "high"}, r.poten) {
				t.Errorf("%s: final review %d without its summary: %+v", c.name, r.id, r)
			}
		}
		if c.stat == "open" {
			if finals < 1 || finals > 2 || partly == 0 || finals+partly > len(rs)/2 {
				t.Errorf("%s: %d final, %d rated in part of %d; want one or two final, a few in part, most not started",
					c.name, finals, partly, len(rs))
			}
		}
	}
	// One review was reopened and finalized again after the reopening.
	var reopened, finalOn string
	var status string
	if err := db.QueryRow(`SELECT o.reopened_on, v.finalized_on, v.status FROM review_reopenings o
		JOIN reviews v ON v.id = o.review_id`).Scan(&reopened, &finalOn, &status); err != nil {
		t.Fatal(err)
	}
	if status != "final" || finalOn <= reopened || finalOn >= today {
		t.Errorf("reopened on %s, finalized %s (%s)", reopened, finalOn, status)
	}
}

// The scores spread over the bands, and the ratings agree with the evidence the
// review screen shows: the person with the most complaints and escalations does not
// get the top communication rating, the one with the most late reports not the top
// reporting rating, and the weakest complainers rate lower than the rest.
func TestReviewsAgreeWithEvidence(t *testing.T) {
	_, db := fixture(t)
	bands := review.DefaultBands()
	for _, c := range loadCycles(t, db) {
		if c.stat != "closed" {
			continue
		}
		rows, err := db.Query(`SELECT v.id, v.score,
				(SELECT count(*) FROM interactions i WHERE i.staff_id = v.staff_id
					AND i.kind IN ('complaint', 'escalation') AND i.occurred_at BETWEEN ?1 AND ?2 || ' 24:00'),
				(SELECT count(*) FROM interactions i WHERE i.staff_id = v.staff_id AND i.kind = 'report_sent'
					AND i.occurred_at BETWEEN ?1 AND ?2 || ' 24:00'),
				(SELECT count(*) FROM interactions i WHERE i.staff_id = v.staff_id AND i.kind = 'report_sent'
					AND i.occurred_at BETWEEN ?1 AND ?2 || ' 24:00' AND substr(i.occurred_at, 1, 10) > i.report_due)
			FROM reviews v WHERE v.cycle_id = ?3`, c.from, c.to, c.id)
		if err != nil {
			t.Fatal(err)
		}
		type part struct {
			id                    int64
			score                 float64
			issues, reports, late int
			comm, rep             int
		}
		var ps []part
		for rows.Next() {
			var p part
			if err := rows.Scan(&p.id, &p.score, &p.issues, &p.reports, &p.late); err != nil {
				t.Fatal(err)
			}
			ps = append(ps, p)
		}
		rows.Close()
		maxIssues, topComm, topRep, worstLate := 0, 0, 0, -1.0
		for i := range ps {
			for _, r := range ratingsOf(t, db, ps[i].id, 0) {
				switch r.code {
				case "communication":
					ps[i].comm = r.rating
				case "reporting":
					ps[i].rep = r.rating
				}
			}
			maxIssues, topComm, topRep = max(maxIssues, ps[i].issues), max(topComm, ps[i].comm), max(topRep, ps[i].rep)
			if ps[i].reports >= 10 {
				worstLate = max(worstLate, float64(ps[i].late)/float64(ps[i].reports))
			}
		}
		byBand := map[review.Band]int{}
		for _, p := range ps {
			byBand[bands.Of(p.score)]++
			if p.issues == maxIssues && p.comm >= topComm {
				t.Errorf("%s: review %d has the most complaints and escalations (%d) and the top communication rating %d",
					c.name, p.id, p.issues, p.comm)
			}
			if p.reports >= 10 && float64(p.late)/float64(p.reports) == worstLate && p.rep >= topRep {
				t.Errorf("%s: review %d has the most late reports (%d of %d) and the top reporting rating %d",
					c.name, p.id, p.late, p.reports, p.rep)
			}
		}
		slices.SortStableFunc(ps, func(a, b part) int { return b.issues - a.issues })
		meanComm := func(ps []part) float64 {
			s := 0
			for _, p := range ps {
				s += p.comm
			}
			return float64(s) / float64(len(ps))
		}
		if worst, rest := meanComm(ps[:3]), meanComm(ps[3:]); worst >= rest {
			t.Errorf("%s: the three with the most complaints rate %.2f for communication, the rest %.2f", c.name, worst, rest)
		}
		n := len(ps)
		if byBand[review.BandBelow] < 1 || byBand[review.BandOutstanding] < 1 || byBand[review.BandOutstanding] > 2 ||
			byBand[review.BandBelow] > n/5 || byBand[review.BandMeets]+byBand[review.BandExceeds] < n*6/10 {
			t.Errorf("%s: bands %v of %d, want few below, most meets or exceeds, one or two outstanding", c.name, byBand, n)
		}
	}
}

func TestSelfReviews(t *testing.T) {
	_, db := fixture(t)
	for _, c := range loadCycles(t, db) {
		n := queryInt(t, db, `SELECT count(*) FROM reviews WHERE cycle_id = ?`, c.id)
		self := queryInt(t, db, `SELECT count(*) FROM reviews WHERE cycle_id = ? AND self_done = 1`, c.id)
		if self*4 < n || self*4 > 3*n {
			t.Errorf("%s: %d self-reviews of %d, want about half", c.name, self, n)
		}
		if k := queryInt(t, db, `SELECT count(*) FROM review_ratings r JOIN reviews v ON v.id = r.review_id
			WHERE v.cycle_id = ? AND r.by_self = 1 AND v.self_done = 0`, c.id); k != 0 {
			t.Errorf("%s: %d self ratings without a self-review", c.name, k)
		}
	}
	rows, err := db.Query(`SELECT id FROM reviews WHERE self_done = 1`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	diff, pairs := 0, 0
	for _, id := range ids {
		lead, self := ratingsOf(t, db, id, 0), ratingsOf(t, db, id, 1)
		for i := range self {
			if self[i].rating < 0 {
				t.Errorf("review %d: the self-review skips %s", id, self[i].code)
			}
			if lead[i].rating > 0 && self[i].rating > 0 {
				diff += self[i].rating - lead[i].rating
				pairs++
				if d := self[i].rating - lead[i].rating; d < -1 || d > 1 {
					t.Errorf("review %d, %s: self %d, lead %d", id, self[i].code, self[i].rating, lead[i].rating)
				}
			}
		}
	}
	if mean := float64(diff) / float64(pairs); pairs == 0 || mean <= 0 || mean >= 1 {
		t.Errorf("self-ratings are %.2f above the lead's over %d pairs, want a little higher", mean, pairs)
	}
}

func TestDepartmentFeedback(t *testing.T) {
	_, db := fixture(t)
	if n := queryInt(t, db, `SELECT count(*) FROM departments d WHERE NOT EXISTS (SELECT 1 FROM feedback f
		WHERE f.department_id = d.id)`); n != 0 {
		t.Errorf("%d departments gave no feedback", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM feedback f JOIN staff s ON s.id = f.staff_id
		WHERE coalesce(f.handoff, f.briefs, f.deadlines, f.communication) IS NULL
			OR f.given_on >= ? OR f.given_on < s.hire_date OR f.given_on >= coalesce(s.left_date, '9999')`,
		asOf.Format(time.DateOnly)); n != 0 {
		t.Errorf("%d feedback entries without marks or outside the person's employment", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM feedback f JOIN departments d ON d.id = f.department_id
		WHERE d.name = 'Финансы' AND (f.handoff IS NOT NULL OR f.briefs IS NOT NULL)`); n != 0 {
		t.Errorf("finance rated %d handoffs or briefs", n)
	}
	author := regexp.MustCompile(`^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+, (закупка|креатив|аналитика|финансы)$`)
	for _, a := range queryStrings(t, db, `SELECT DISTINCT author FROM feedback`) {
		if !author.MatchString(a) {
			t.Errorf("author %q", a)
		}
	}
	// A few entries on every manager at work in each closed cycle's half-year.
	for _, c := range loadCycles(t, db)[:2] {
		lacking := queryStrings(t, db, `SELECT s.full_name FROM staff s WHERE s.status = 'active' AND s.hire_date <= ?
			AND (SELECT count(*) FROM feedback f WHERE f.staff_id = s.id AND f.given_on BETWEEN ? AND ?) = 0`,
			c.from, c.from, c.to)
		if len(lacking) > 0 {
			t.Errorf("%s: no feedback on %v", c.name, lacking)
		}
	}
	// The latest reporters also miss the other departments' deadlines.
	var late, all float64
	if err := db.QueryRow(`WITH lateness AS (SELECT staff_id, avg(substr(occurred_at, 1, 10) > report_due) AS share
			FROM interactions WHERE kind = 'report_sent' AND staff_id IS NOT NULL GROUP BY staff_id HAVING count(*) >= 30)
		SELECT (SELECT avg(deadlines) FROM feedback WHERE staff_id IN
				(SELECT staff_id FROM lateness ORDER BY share DESC LIMIT 2)),
			(SELECT avg(deadlines) FROM feedback)`).Scan(&late, &all); err != nil {
		t.Fatal(err)
	}
	if late >= all-0.3 {
		t.Errorf("the latest reporters get %.2f for deadlines, everyone %.2f", late, all)
	}
}

// The review texts and the feedback are plain Russian.
func TestReviewTexts(t *testing.T) {
	_, db := fixture(t)
	latin := regexp.MustCompile(`[A-Za-z]`)
	banned := regexp.MustCompile(`(?i)апсейл|дедлайн|фидб[еэ]к|кросс-селл|асап`)
	for _, q := range []string{
		`SELECT name FROM review_cycles`,
		`SELECT strengths || growth || goals FROM reviews`,
		`SELECT DISTINCT comment FROM review_ratings`,
		`SELECT DISTINCT author || comment FROM feedback`,
		`SELECT reason FROM review_reopenings`,
	} {
		for _, v := range queryStrings(t, db, q) {
			if latin.MatchString(v) || banned.MatchString(v) {
				t.Errorf("%q", v)
			}
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM review_ratings WHERE comment <> ''`); n < 50 {
		t.Errorf("%d ratings with a comment", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM review_ratings r JOIN review_criteria k ON k.id = r.criterion_id
		WHERE r.rating IS NULL AND k.code <> 'mentoring' AND r.by_self = 0`); n != 0 {
		t.Errorf("%d criteria other than mentoring rated not applicable", n)
	}
}

// The store accepts the generated reviews and feedback: reopening a final review of
// the open cycle and finalizing it again gives the same score (a closed cycle's are
// read-only); a review rated in part cannot be finalized; feedback saves back
// unchanged.
func TestReviewsThroughStore(t *testing.T) {
	s, _ := generate(t, 11, asOf)
	ctx := context.Background()
	db := rawDB(t, s.Path())
	var id int64
	var before float64
	var closed int64
	if err := db.QueryRow(`SELECT v.id FROM reviews v JOIN review_cycles c ON c.id = v.cycle_id
		WHERE c.status = 'closed' ORDER BY v.id DESC LIMIT 1`).Scan(&closed); err != nil {
		t.Fatal(err)
	}
	if err := s.ReopenReview(ctx, closed, "Проверка"); err == nil {
		t.Error("a review of a closed cycle was reopened")
	}
	if err := db.QueryRow(`SELECT v.id, v.score FROM reviews v JOIN review_cycles c ON c.id = v.cycle_id
		WHERE c.status = 'open' AND v.status = 'final' ORDER BY v.id DESC LIMIT 1`).Scan(&id, &before); err != nil {
		t.Fatal(err)
	}
	if err := s.ReopenReview(ctx, id, "Проверка"); err != nil {
		t.Fatal(err)
	}
	if err := s.FinalizeReview(ctx, id); err != nil {
		t.Fatal(err)
	}
	var after float64
	if err := db.QueryRow(`SELECT score FROM reviews WHERE id = ?`, id).Scan(&after); err != nil {
		t.Fatal(err)
	}
	if after != before || math.IsNaN(after) {
		t.Errorf("FinalizeReview scored %v, the demo %v", after, before)
	}
	var partly int64
	err := db.QueryRow(`SELECT v.id FROM reviews v WHERE v.status = 'draft' AND EXISTS (SELECT 1 FROM review_ratings r
		WHERE r.review_id = v.id AND r.by_self = 0) ORDER BY v.id LIMIT 1`).Scan(&partly)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.FinalizeReview(ctx, partly); err == nil {
		t.Error("a review rated in part was finalized")
	}
	var staff int64
	if err := db.QueryRow(`SELECT staff_id FROM feedback GROUP BY staff_id ORDER BY count(*) DESC LIMIT 1`).
		Scan(&staff); err != nil {
		t.Fatal(err)
	}
	fb, err := s.FeedbackOf(ctx, staff)
	if err != nil || len(fb) == 0 {
		t.Fatalf("%d entries: %v", len(fb), err)
	}
	for _, f := range fb {
		if _, err := s.SaveFeedback(ctx, f); err != nil {
			t.Errorf("feedback %+v: %v", f, err)
		}
	}
	again, err := s.FeedbackOf(ctx, staff)
	if err != nil || !slices.Equal(again, fb) {
		t.Errorf("feedback changed on saving it back: %v", err)
	}
}

// The cycles follow AsOf: in the second half of a year the open cycle is the year's
// result, and early in January the last closed cycle was finished in the first days.
func TestReviewCyclesFollowAsOf(t *testing.T) {
	for _, c := range []struct {
		at    time.Time
		names []string
	}{
		{data.Day(2025, 10, 15), []string{"Полугодие: июль — декабрь 2024", "Полугодие: январь — июнь 2025", "Полугодие: июль — декабрь 2025"}},
		{data.Day(2026, 1, 12), []string{"Полугодие: январь — июнь 2025", "Полугодие: июль — декабрь 2025", "Полугодие: январь — июнь 2026"}},
	} {
		s, _ := generate(t, 3, c.at)
		db := rawDB(t, s.Path())
		var names []string
		for _, cy := range loadCycles(t, db) {
			names = append(names, cy.name)
		}
		if !slices.Equal(names, c.names) {
			t.Errorf("as of %s: cycles %v, want %v", c.at.Format(time.DateOnly), names, c.names)
		}
		if n := queryInt(t, db, `SELECT count(*) FROM reviews v JOIN review_cycles c ON c.id = v.cycle_id
			WHERE c.status = 'closed' AND (v.status <> 'final' OR v.finalized_on >= ?)`, c.at.Format(time.DateOnly)); n != 0 {
			t.Errorf("as of %s: %d closed-cycle reviews not final before AsOf", c.at.Format(time.DateOnly), n)
		}
	}
}
