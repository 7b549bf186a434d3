// Package demo fills an empty Leadboard database with a realistic, reproducible
// history of an account-management department of a Russian advertising agency:
// people and their grade history, clients with contacts, contracts, budgets and
// spells of service, who served them when, the communication log, the KPIs (the
// clients' monthly campaign results and the targets), and the performance reviews
// (two closed half-year cycles and an open one, rated as the log bears out) with the
// other departments' feedback.
//
// The same Seed and AsOf always give byte-identical tables. The data is complete up
// to the start of AsOf: assignments and contracts are stated as of AsOf, the last
// logged interaction is on the working day before it.
package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"leadboard/data"
)

// Scale chooses the size of the generated department.
type Scale string

const (
	// Small: about 14 account managers, 70 clients and 24 months of history; fast
	// enough for tests to generate it many times.
	Small Scale = "small"
	// Large: about 200 managers in a dozen teams, 5,000 clients and 60 months of
	// history (about two million log entries); for performance work.
	Large Scale = "large"
)

// Scales lists the scales, smallest first.
var Scales = []Scale{Small, Large}

// Options tune Generate.
type Options struct {
	Scale Scale // "" means Small
	Seed  int64
	// AsOf is the last day of the data; zero means today.
	AsOf time.Time
	// Progress, when set, is called from the generating goroutine with the share of
	// the work done (0-1), a few hundred times at most.
	Progress func(fraction float64)
}

// Summary counts the generated records and names the clients whose results tell a
// story, for tests and demos of the KPI views.
type Summary struct {
	Staff, Clients, Contacts, Contracts, Assignments, Interactions int
	KPIValues, KPITargets                                          int
	ReviewCycles, Reviews, Feedback                                int // review cycles, reviews, feedback entries
	Competencies, Assessments, PlanItems, Trainings                int // the matrix's competencies, assessments, plan items, courses
	Audits, AuditItems, Actions, Procedures, Opportunities         int
	// Stars are the ids of clients whose budget and leads grow strongly while the
	// cost per lead falls; Decliners the ids of clients whose budget and leads fall
	// while the cost per lead rises (some of them have left since).
	Stars, Decliners []int64
	// Sliding are the ids of the clients whose health slides into red in the months
	// before they leave (decline.go).
	Sliding []int64
}

// ErrNotEmpty is returned when the database already holds staff or clients: demo
// data goes only into an empty database.
var ErrNotEmpty = errors.New("the database already holds staff or clients")

// Generate writes a demo department into the empty database s, in one transaction:
// on any error, including ctx being cancelled, nothing is written.
func Generate(ctx context.Context, s *data.Store, opt Options) (Summary, error) {
	p, err := paramsFor(opt.Scale)
	if err != nil {
		return Summary{}, err
	}
	asOf := opt.AsOf
	if asOf.IsZero() {
		asOf = time.Now()
	}
	g := &gen{
		draws:    draws{rand.New(rand.NewPCG(uint64(opt.Seed), 0x9E3779B97F4A7C15))},
		camp:     draws{rand.New(rand.NewPCG(uint64(opt.Seed), 0xD1B54A32D192ED03))},
		rev:      draws{rand.New(rand.NewPCG(uint64(opt.Seed), 0x94D049BB133111EB))},
		grd:      draws{rand.New(rand.NewPCG(uint64(opt.Seed), 0xBF58476D1CE4E5B9))},
		aud:      draws{rand.New(rand.NewPCG(uint64(opt.Seed), 0x2545F4914F6CDD1D))},
		p:        p,
		asOf:     dayOf(asOf),
		progress: opt.Progress,
	}
	grades, err := s.Grades(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("demo data: %w", err)
	}
	if err := g.setGrades(grades); err != nil {
		return Summary{}, err
	}
	g.report(0)
	g.plan() // pure computation: nothing is written yet
	g.planSlides()
	g.report(0.05)
	var sum Summary
	err = s.WriteTx(ctx, func(tx *sql.Tx) error {
		if err := checkEmpty(ctx, tx); err != nil {
			return err
		}
		var err error
		if sum, err = g.write(ctx, tx); err != nil {
			return err
		}
		return g.writeAuditAndPipeline(ctx, tx, &sum)
	})
	if err != nil {
		return Summary{}, fmt.Errorf("demo data: %w", err)
	}
	g.report(1)
	return sum, nil
}

func checkEmpty(ctx context.Context, tx *sql.Tx) error {
	var staff, clients, cycles int
	err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM staff), (SELECT count(*) FROM clients),
		(SELECT count(*) FROM review_cycles)`).Scan(&staff, &clients, &cycles)
	if err != nil {
		return err
	}
	if staff+clients+cycles > 0 {
		return fmt.Errorf("%w (%d staff, %d clients, %d review cycles); create a new database for the demo",
			ErrNotEmpty, staff, clients, cycles)
	}
	return nil
}

// params size a scale.
type params struct {
	months int
	teams  []teamDef
	// current (not left) people per grade: junior, middle, senior; one lead per team
	// comes on top.
	current     [3]int
	leavers     int
	onLeave     int
	overloaded  int        // people given clearly more than their share
	overBias    [2]float64 // the range of their share, relative to capacity
	underloaded int
	underBias   [2]float64
	resigning   int // seniors who have given notice and still have their clients
	// staffTo, when set, is the share of its capacity the department is staffed to
	// carry: account managers are hired until the served clients' load is about that
	// share of everyone's capacity (with current as the starting roster).
	staffTo float64
	// shaped: the last months move some clients so that, as the app measures
	// workload, the overloaded are clearly over capacity, the underloaded clearly
	// under and everyone else in the normal band (shape.go).
	shaped          bool
	slow            int // people who answer clients visibly slower
	clients         int
	newShare        float64    // share of clients won during the window
	perMonth        [3]float64 // logged contacts a month per tier A, B, C besides reports
	rotation        float64    // monthly chance that a client changes its lead
	maxTake         int        // clients a new hire takes over after onboarding
	maxMoves        int        // clients a team lead moves per team at a quarterly review
	overdueInjected int        // open complaints kept recent and past their SLA
	forgotten       float64    // share of complaints never closed
	returners       int        // clients who left during the window and came back
	stars           int        // clients whose budget and results grow strongly
	decliners       int        // clients whose budget and results fall
}

func paramsFor(s Scale) (params, error) {
	switch s {
	case Small, "":
		return params{months: 24, teams: smallTeams, current: [3]int{3, 5, 4}, leavers: 3, onLeave: 1,
			overloaded: 2, overBias: [2]float64{1.2, 1.32}, underloaded: 1, underBias: [2]float64{0.5, 0.6},
			resigning: 1, staffTo: 0.85, shaped: true, slow: 2, clients: 70, newShare: 0.2,
			perMonth: [3]float64{11.5, 8.5, 6}, rotation: 0.012, maxTake: 5, maxMoves: 3, overdueInjected: 4,
			forgotten: 0.004, returners: 1, stars: 2, decliners: 2}, nil
	case Large:
		return params{months: 60, teams: largeTeams, current: [3]int{76, 71, 41}, leavers: 120, onLeave: 2,
			overloaded: 12, overBias: [2]float64{1.5, 1.8}, underloaded: 12, underBias: [2]float64{0.45, 0.6},
			slow: 6, clients: 5000, newShare: 0.2,
			perMonth: [3]float64{6.8, 5.9, 4.9}, rotation: 0.008, maxTake: 12, maxMoves: 12, overdueInjected: 30,
			forgotten: 0.002, returners: 2, stars: 3, decliners: 3}, nil
	}
	return params{}, fmt.Errorf("unknown demo scale %q (want %q or %q)", s, Small, Large)
}

// gen holds the whole plan of a generation run.
type gen struct {
	draws // the main stream: people, clients, who served whom, the log
	// camp draws budgets and campaign results. A stream of its own keeps them from
	// reshuffling the rest of the demo: the log of a seed stays the same when the
	// KPI model changes, and the other way round.
	camp draws
	// rev draws the performance reviews and the departments' feedback (reviews.go),
	// after everything else, from the evidence the log left (ev: by person and month)
	// and a trait of each person's own (ability).
	rev draws
	// grd draws the grade assessments, plans and trainings (grades.go), after the
	// reviews, from a stream of its own.
	grd draws
	// aud draws the audits, procedures, opportunities and the slide of two leaving
	// clients (audit.go, decline.go), from a stream of its own.
	aud      draws
	sliding  []*client
	ev       [][]evidence
	ability  []float64
	p        params
	progress func(float64)
	lastRep  float64

	asOf   day // last day of the data
	ws     day // first day of the history window
	cutoff stamp
	cal    *calendar

	grades  [4]gradeInfo // junior, middle, senior, lead
	persons []*person
	members [][]int // person indexes per team
	clients []*client

	stars, decliners []*client
	months           []string // "YYYY-MM" of the window's months, by monthIndex
}

type gradeInfo struct {
	id       int64
	name     string
	capacity float64
}

var gradeCodes = [4]string{"junior", "middle", "senior", "lead"}

const (
	junior = iota
	middle
	senior
	lead
)

// setGrades finds the four grades of the ladder the generator uses.
func (g *gen) setGrades(ladder []data.GradeLevel) error {
	found := 0
	for _, gl := range ladder {
		for i, code := range gradeCodes {
			if gl.Code == code {
				g.grades[i] = gradeInfo{id: gl.ID, name: gl.NameRU, capacity: max(gl.Capacity, 1)}
				found++
			}
		}
	}
	if found != len(gradeCodes) {
		return fmt.Errorf("demo data: the grade ladder must have the grades %v", gradeCodes)
	}
	return nil
}

// report passes progress on, at most every half per cent.
func (g *gen) report(f float64) {
	if g.progress == nil || (f < 1 && f-g.lastRep < 0.005 && f != 0) {
		return
	}
	g.lastRep = f
	g.progress(f)
}

// Random helpers.

// draws is a random stream with the helpers the generator draws with.
type draws struct{ rng *rand.Rand }

func (r *draws) uniform(lo, hi float64) float64 { return lo + (hi-lo)*r.rng.Float64() }

// between is a uniform integer in [lo, hi].
func (r *draws) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.rng.IntN(hi-lo+1)
}

func (r *draws) chance(p float64) bool { return r.rng.Float64() < p }

// count draws an integer with mean x (floor plus a Bernoulli remainder).
func (r *draws) count(x float64) int {
	n := int(x)
	if r.chance(x - float64(n)) {
		n++
	}
	return n
}

// noise is a log-normal factor around 1 with the given spread (sigma of the log).
func (r *draws) noise(sigma float64) float64 { return math.Exp(sigma * r.rng.NormFloat64()) }

func pick[T any](g *gen, list []T) T { return list[g.rng.IntN(len(list))] }

func shuffle[T any](g *gen, list []T) {
	g.rng.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
}
