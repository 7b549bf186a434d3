package competency

import (
	"math"
	"testing"
)

// Hand-computed cases of fit, readiness, gaps and the recommendation.

func TestAReadyMiddle(t *testing.T) {
	// Current requires 2+3+2 = 7, all met: fit 100 %. Next requires 3+3+3 = 9, met
	// 3+3+2 = 8: readiness 88.9 % < 90: develop, one gap of one level to the next.
	o := Assess([]Observation{{"a", 2, 3, 3}, {"b", 3, 3, 3}, {"c", 2, 3, 2}})
	if o.Fit != 100 || math.Abs(o.Readiness-800.0/9) > 1e-9 || o.Advice != Develop {
		t.Fatalf("%+v", o)
	}
	if len(o.Gaps) != 1 || o.Gaps[0] != (Gap{Code: "c", Current: 0, Next: 1}) {
		t.Errorf("gaps %+v", o.Gaps)
	}
	// Ten competencies at 3 of the next grade's 3, one at 2: 32/33 = 97.0 %: promote.
	var obs []Observation
	for range 10 {
		obs = append(obs, Observation{"x", 2, 3, 3})
	}
	obs = append(obs, Observation{"y", 2, 3, 2})
	if o := Assess(obs); o.Advice != Promote || math.Abs(o.Readiness-3200.0/33) > 1e-9 {
		t.Errorf("ready: %+v", o)
	}
}

func TestConcernAndGapsRankedBySize(t *testing.T) {
	// One competency two levels short of the current grade: concern even with a fit
	// of 8/10 = 80 %.
	o := Assess([]Observation{{"a", 3, 4, 1}, {"b", 3, 4, 3}, {"c", 4, 4, 4}})
	if o.Fit != 80 || o.Advice != Concern {
		t.Fatalf("%+v", o)
	}
	want := []Gap{{"a", 2, 3}, {"b", 0, 1}}
	if len(o.Gaps) != 2 || o.Gaps[0] != want[0] || o.Gaps[1] != want[1] {
		t.Errorf("gaps %+v", o.Gaps)
	}
	// Fit under 80 % with no single big gap: 7/9 = 77.8 %.
	if o := Assess([]Observation{{"a", 3, 4, 2}, {"b", 3, 4, 2}, {"c", 3, 4, 3}}); o.Advice != Concern {
		t.Errorf("low fit: %+v", o)
	}
}

func TestTheTopGradeHasNoReadiness(t *testing.T) {
	o := Assess([]Observation{{"a", 4, 0, 4}, {"b", 3, 0, 4}})
	if o.Fit != 100 || !math.IsNaN(o.Readiness) || o.Advice != Develop || len(o.Gaps) != 0 {
		t.Errorf("%+v", o)
	}
}

func TestTheRulesAtTheirThresholds(t *testing.T) {
	// Fit exactly 80 % (3+2+3 of 4+3+3), no competency two short: develop, not a concern.
	if o := Assess([]Observation{{"a", 4, 4, 3}, {"b", 3, 4, 2}, {"c", 3, 4, 3}}); o.Fit != 80 || o.Advice != Develop {
		t.Errorf("fit 80: %+v", o)
	}
	// Readiness exactly 90 % (4+2+3 of 4+3+3), the grade met, one level short of the
	// next: promote.
	if o := Assess([]Observation{{"a", 3, 4, 4}, {"b", 2, 3, 2}, {"c", 3, 3, 3}}); o.Readiness != 90 ||
		o.Advice != Promote {
		t.Errorf("readiness 90: %+v", o)
	}
	// A competency the grade does not require counts as met: nothing to fall short of.
	if o := Assess([]Observation{{"a", 0, 0, 0}}); o.Fit != 100 || o.Advice != Develop {
		t.Errorf("nothing required: %+v", o)
	}
}
