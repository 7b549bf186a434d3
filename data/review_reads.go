package data

import (
	"context"
	"database/sql"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// What the review screens read: the cycles with their progress, a cycle's
// participants and their state, one review with both sets of ratings, and the
// results the team views compare. Each is one query for the whole list.

// CycleSummary is a cycle with how far it has got.
type CycleSummary struct {
	ReviewCycle
	Participants int
	Final        int
}

// Overdue: an open cycle past its due date with reviews still not final.
func (c CycleSummary) Overdue(today time.Time) bool {
	return c.Status == CycleOpen && c.Due.Before(today) && c.Final < c.Participants
}

// ReviewCycles lists the cycles, the latest period first.
func (s *Store) ReviewCycles(ctx context.Context) ([]CycleSummary, error) {
	var out []CycleSummary
	err := s.EachRow(ctx, `SELECT c.id, c.name, c.period_from, c.period_to, c.due_on, c.status,
			count(v.id), coalesce(sum(v.status = 'final'), 0)
		FROM review_cycles c LEFT JOIN reviews v ON v.cycle_id = c.id
		GROUP BY c.id ORDER BY c.period_to DESC, c.name_key`, nil, func(r *sql.Rows) error {
		var c CycleSummary
		if err := r.Scan(&c.ID, &c.Name, scanTime(&c.From), scanTime(&c.To), scanTime(&c.Due), &c.Status,
			&c.Participants, &c.Final); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// Participant states in a cycle.
const (
	StateNotStarted = "not_started" // nobody has rated anything
	StateSelfDone   = "self_done"   // the person's self-review is in, the lead's is not begun
	StateInProgress = "in_progress" // the lead has rated some criteria
	StateFinal      = "final"
)

// Participant is one person's review in a cycle, with what is still missing; the
// grade is the one the person was reviewed at.
type Participant struct {
	ReviewID, StaffID int64
	Name, Team        string
	Grade             GradeLevel
	Left              bool // the person has left since
	Final             bool
	SelfDone          bool
	Criteria          int // criteria of the template
	LeadRated         int // criteria the lead has rated (or marked not applicable)
	Potential         string
	Score             float64 // NaN until final
}

// State is where the review stands.
func (p Participant) State() string {
	switch {
	case p.Final:
		return StateFinal
	case p.LeadRated > 0:
		return StateInProgress
	case p.SelfDone:
		return StateSelfDone
	}
	return StateNotStarted
}

// CycleParticipants lists a cycle's reviews by name.
func (s *Store) CycleParticipants(ctx context.Context, cycleID int64) ([]Participant, error) {
	var out []Participant
	err := s.EachRow(ctx, `SELECT v.id, v.staff_id, p.full_name, p.team, p.status = 'left',
			g.id, g.code, g.name_ru, g.name_en, g.rank, g.capacity,
			v.status = 'final', v.self_done, v.potential, v.score,
			(SELECT count(*) FROM review_criteria k WHERE k.template_id = v.template_id),
			(SELECT count(*) FROM review_ratings r WHERE r.review_id = v.id AND r.by_self = 0)
		FROM reviews v JOIN staff p ON p.id = v.staff_id JOIN review_templates t ON t.id = v.template_id
		JOIN grade_levels g ON g.id = t.grade_id
		WHERE v.cycle_id = ? ORDER BY p.search_key`, []any{cycleID}, func(r *sql.Rows) error {
		var p Participant
		var score sql.NullFloat64
		if err := r.Scan(&p.ReviewID, &p.StaffID, &p.Name, &p.Team, &p.Left, &p.Grade.ID, &p.Grade.Code,
			&p.Grade.NameRU, &p.Grade.NameEN, &p.Grade.Rank, &p.Grade.Capacity, &p.Final, &p.SelfDone,
			&p.Potential, &score, &p.Criteria, &p.LeadRated); err != nil {
			return err
		}
		p.Score = nullFloat(score)
		out = append(out, p)
		return nil
	})
	return out, err
}

func nullFloat(v sql.NullFloat64) float64 {
	if !v.Valid {
		return math.NaN()
	}
	return v.Float64
}

// Review is one person's review in a cycle: the lead's and the person's ratings by
// criterion id, the closing notes, and each time it was reopened.
type Review struct {
	ID, CycleID, StaffID, TemplateID int64
	StaffName                        string
	Final                            bool
	SelfDone                         bool
	Notes                            ReviewNotes
	Score                            float64 // NaN until final
	FinalizedOn                      time.Time
	Lead, Self                       map[int64]Rating
	Reopenings                       []Reopening
}

// ReviewNotes close a review: what the person does well, where to grow, the goals
// agreed, their potential (low, medium, high; "" not judged), and whether the
// lead thinks them ready to be considered for the next grade.
type ReviewNotes struct {
	Strengths, Growth, Goals, Potential string
	PromotionReady                      bool
}

// Potentials a review can record.
var Potentials = []string{"low", "medium", "high"}

// Reopening is a final review opened again.
type Reopening struct {
	On     time.Time
	Reason string
}

// Review reads one review with its ratings and reopenings.
func (s *Store) Review(ctx context.Context, id int64) (Review, error) {
	v := Review{ID: id, Lead: map[int64]Rating{}, Self: map[int64]Rating{}}
	var score sql.NullFloat64
	err := s.read.QueryRowContext(ctx, `SELECT v.cycle_id, v.staff_id, v.template_id, p.full_name, v.status = 'final',
			v.self_done, v.strengths, v.growth, v.goals, v.potential, v.promotion_ready, v.score, v.finalized_on
		FROM reviews v JOIN staff p ON p.id = v.staff_id WHERE v.id = ?`, id).Scan(&v.CycleID, &v.StaffID,
		&v.TemplateID, &v.StaffName, &v.Final, &v.SelfDone, &v.Notes.Strengths, &v.Notes.Growth, &v.Notes.Goals,
		&v.Notes.Potential, &v.Notes.PromotionReady, &score, scanTime(&v.FinalizedOn))
	if err != nil {
		return v, s.notFound(err)
	}
	v.Score = nullFloat(score)
	err = s.EachRow(ctx, `SELECT criterion_id, by_self, coalesce(rating, 0), comment FROM review_ratings
		WHERE review_id = ?`, []any{id}, func(r *sql.Rows) error {
		var x Rating
		var bySelf bool
		if err := r.Scan(&x.CriterionID, &bySelf, &x.Rating, &x.Comment); err != nil {
			return err
		}
		if bySelf {
			v.Self[x.CriterionID] = x
		} else {
			v.Lead[x.CriterionID] = x
		}
		return nil
	})
	if err != nil {
		return v, err
	}
	err = s.EachRow(ctx, `SELECT reopened_on, reason FROM review_reopenings WHERE review_id = ? ORDER BY id`,
		[]any{id}, func(r *sql.Rows) error {
			var o Reopening
			if err := r.Scan(scanTime(&o.On), &o.Reason); err != nil {
				return err
			}
			v.Reopenings = append(v.Reopenings, o)
			return nil
		})
	return v, err
}

// SaveReviewNotes writes a draft review's closing notes.
func (s *Store) SaveReviewNotes(ctx context.Context, reviewID int64, n ReviewNotes) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return saveNotes(ctx, tx, reviewID, n) })
}

func saveNotes(ctx context.Context, tx *sql.Tx, reviewID int64, n ReviewNotes) error {
	var ch checker
	if n.Potential != "" {
		ch.oneOf("potential", n.Potential, Potentials)
	}
	if err := checkDraft(ctx, tx, reviewID, &ch); err != nil {
		return err
	}
	if err := ch.err(); err != nil {
		return err
	}
	return execOne(ctx, tx, `UPDATE reviews SET strengths = ?, growth = ?, goals = ?, potential = ?, promotion_ready = ?
		WHERE id = ?`, strings.TrimSpace(n.Strengths), strings.TrimSpace(n.Growth), strings.TrimSpace(n.Goals),
		n.Potential, n.PromotionReady, reviewID)
}

// CriterionName names a criterion code across template versions.
type CriterionName struct {
	Code, NameRU, NameEN string
}

// Name is the criterion's name in a language.
func (c CriterionName) Name(lang string) string {
	if lang == "ru" {
		return c.NameRU
	}
	return c.NameEN
}

// ReviewResult is one review as the team views compare them: the grade reviewed at,
// the score, the potential and the ratings by criterion code (0: not applicable;
// absent: not rated).
type ReviewResult struct {
	ReviewID, CycleID, StaffID int64
	CycleName                  string
	CycleTo                    time.Time
	Name                       string
	Grade                      GradeLevel
	Final                      bool
	Score                      float64 // NaN until final
	Potential                  string
	Lead, Self                 map[string]int
}

// ReviewResults are the reviews of one cycle (cycleID 0: of every cycle, oldest
// cycle first) with the criteria they were rated on, in template order.
func (s *Store) ReviewResults(ctx context.Context, cycleID int64) ([]ReviewResult, []CriterionName, error) {
	var out []ReviewResult
	index := map[int64]int{}
	err := s.EachRow(ctx, `SELECT v.id, v.cycle_id, c.name, c.period_to, v.staff_id, p.full_name,
			g.id, g.code, g.name_ru, g.name_en, g.rank, g.capacity, v.status = 'final', v.score, v.potential
		FROM reviews v JOIN review_cycles c ON c.id = v.cycle_id JOIN staff p ON p.id = v.staff_id
		JOIN review_templates t ON t.id = v.template_id JOIN grade_levels g ON g.id = t.grade_id
		WHERE `+cycleFilter(cycleID)+` ORDER BY c.period_to, c.id, p.search_key`, nil,
		func(r *sql.Rows) error {
			x := ReviewResult{Lead: map[string]int{}, Self: map[string]int{}}
			var score sql.NullFloat64
			if err := r.Scan(&x.ReviewID, &x.CycleID, &x.CycleName, scanTime(&x.CycleTo), &x.StaffID, &x.Name,
				&x.Grade.ID, &x.Grade.Code, &x.Grade.NameRU, &x.Grade.NameEN, &x.Grade.Rank, &x.Grade.Capacity,
				&x.Final, &score, &x.Potential); err != nil {
				return err
			}
			x.Score = nullFloat(score)
			index[x.ReviewID] = len(out)
			out = append(out, x)
			return nil
		})
	if err != nil {
		return nil, nil, err
	}
	err = s.EachRow(ctx, `SELECT r.review_id, k.code, r.by_self, coalesce(r.rating, 0)
		FROM review_ratings r JOIN reviews v ON v.id = r.review_id JOIN review_criteria k ON k.id = r.criterion_id
		WHERE `+cycleFilter(cycleID), nil, func(r *sql.Rows) error {
		var id int64
		var code string
		var bySelf bool
		var rating int
		if err := r.Scan(&id, &code, &bySelf, &rating); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			if bySelf {
				out[i].Self[code] = rating
			} else {
				out[i].Lead[code] = rating
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	names, err := s.criterionNames(ctx, cycleID)
	return out, names, err
}

// cycleFilter keeps the reviews (v) of one cycle, or of every cycle for 0: written
// out rather than bound, so that one cycle's query uses the cycle's index.
func cycleFilter(cycleID int64) string {
	if cycleID == 0 {
		return "1"
	}
	return "v.cycle_id = " + strconv.FormatInt(cycleID, 10)
}

// criterionNames are the codes of the criteria the cycle's templates use, in the
// order of their earliest position, named as in the newest template that has them.
func (s *Store) criterionNames(ctx context.Context, cycleID int64) ([]CriterionName, error) {
	var out []CriterionName
	position := map[string]int{}
	err := s.EachRow(ctx, `SELECT k.code, k.name_ru, k.name_en, k.position FROM review_criteria k
		WHERE k.template_id IN (SELECT DISTINCT template_id FROM reviews v WHERE `+cycleFilter(cycleID)+`)
		ORDER BY k.template_id DESC`, nil, func(r *sql.Rows) error {
		var c CriterionName
		var pos int
		if err := r.Scan(&c.Code, &c.NameRU, &c.NameEN, &pos); err != nil {
			return err
		}
		if p, seen := position[c.Code]; !seen {
			out = append(out, c)
			position[c.Code] = pos
		} else if pos < p {
			position[c.Code] = pos
		}
		return nil
	})
	slices.SortStableFunc(out, func(a, b CriterionName) int { return position[a.Code] - position[b.Code] })
	return out, err
}

// CurrentTemplate is the newest version of a grade's template (ID 0: none yet).
func (s *Store) CurrentTemplate(ctx context.Context, gradeID int64) (ReviewTemplate, error) {
	id, err := currentTemplate(ctx, s.read, gradeID)
	if err != nil || id == 0 {
		return ReviewTemplate{GradeID: gradeID}, s.classify(err)
	}
	return s.Template(ctx, id)
}

// LatestReviewOf is a person's latest final review with its template (ID 0: none).
func (s *Store) LatestReviewOf(ctx context.Context, staffID int64) (Review, ReviewTemplate, error) {
	var id int64
	err := s.read.QueryRowContext(ctx, `SELECT coalesce((SELECT id FROM reviews WHERE staff_id = ? AND status = 'final'
		ORDER BY finalized_on DESC, id DESC LIMIT 1), 0)`, staffID).Scan(&id)
	if err != nil || id == 0 {
		return Review{}, ReviewTemplate{}, s.classify(err)
	}
	v, err := s.Review(ctx, id)
	if err != nil {
		return v, ReviewTemplate{}, err
	}
	t, err := s.Template(ctx, v.TemplateID)
	return v, t, err
}
