package competency

import (
	"cmp"
	"math"
	"slices"
)

// What an assessment adds up to: how well the person fits their grade, how ready
// they are for the next one, the gaps, and the recommendation the rules give.

// Recommendations an assessment ends with.
const (
	Promote = "promote" // ready for promotion
	Develop = "develop" // stay and develop
	Concern = "concern" // performance concern
)

// Observation is one competency of an assessment: what the current and the next
// grade require (Next 0: there is no next grade) and the level observed (0: not
// yet observed).
type Observation struct {
	Code          string
	Current, Next int
	Observed      int
}

// Gap is how far a competency falls short of the current and of the next grade.
type Gap struct {
	Code          string
	Current, Next int // levels missing; 0 when met
}

// Outcome is what an assessment adds up to.
type Outcome struct {
	Fit       float64 // per cent of the current grade's requirements met
	Readiness float64 // per cent of the next grade's requirements met; NaN at the top grade
	Gaps      []Gap   // the shortfalls, largest first
	Advice    string  // Promote, Develop or Concern
}

// The rules of the recommendation (documented in the README):
//   - concern when the fit is under ConcernFit per cent, or any competency is two or
//     more levels below what the current grade requires;
//   - promote when there is a next grade, every requirement of the current grade is
//     met, the readiness is at least PromoteReadiness per cent, and no competency is
//     more than one level below what the next grade requires;
//   - otherwise develop.
const (
	ConcernFit       = 80.0
	PromoteReadiness = 90.0
)

// Assess computes the outcome of the observed levels; competencies not yet
// observed count as level 0 (nothing shown).
func Assess(obs []Observation) Outcome {
	var metCur, needCur, metNext, needNext float64
	out := Outcome{}
	hasNext := false
	worstCurrent, worstNext := 0, 0
	for _, o := range obs {
		metCur += float64(min(o.Observed, o.Current))
		needCur += float64(o.Current)
		if o.Next > 0 {
			hasNext = true
			metNext += float64(min(o.Observed, o.Next))
			needNext += float64(o.Next)
		}
		g := Gap{Code: o.Code, Current: max(0, o.Current-o.Observed), Next: max(0, o.Next-o.Observed)}
		worstCurrent, worstNext = max(worstCurrent, g.Current), max(worstNext, g.Next)
		if g.Current > 0 || g.Next > 0 {
			out.Gaps = append(out.Gaps, g)
		}
	}
	out.Fit = percent(metCur, needCur)
	out.Readiness = math.NaN()
	if hasNext {
		out.Readiness = percent(metNext, needNext)
	}
	slices.SortStableFunc(out.Gaps, func(a, b Gap) int {
		return cmp.Or(cmp.Compare(b.Current, a.Current), cmp.Compare(b.Next, a.Next))
	})
	switch {
	case out.Fit < ConcernFit || worstCurrent >= 2:
		out.Advice = Concern
	case hasNext && worstCurrent == 0 && out.Readiness >= PromoteReadiness && worstNext <= 1:
		out.Advice = Promote
	default:
		out.Advice = Develop
	}
	return out
}

func percent(part, whole float64) float64 {
	if whole == 0 {
		return 100
	}
	return 100 * part / whole
}
