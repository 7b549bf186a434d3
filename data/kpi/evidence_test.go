package kpi

import (
	"math"
	"testing"

	"leadboard/data"
)

// A person's evidence over a review period is the same figure the manager's trend
// shows for that period; the team median is the median over managers measured.
func TestEvidenceAgreesWithTheTrend(t *testing.T) {
	f := newFixture(t)
	ev, err := EvidenceOf(f.ctx, f.s, jan25, mar25)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range EvidenceCodes {
		if code == "kpi_attainment" || code == "feedback" {
			continue
		}
		for _, who := range []int64{f.anna, f.boris, f.vera} {
			want := f.trend(code, atManager, who, jan25, mar25, Quarterly).Points[0].Value
			if got := ev.Of(code, who).Value; !same(got, want) {
				t.Errorf("%s of %d: evidence %v, trend %v", code, who, got, want)
			}
		}
		var values []float64
		for _, who := range []int64{f.anna, f.boris, f.vera} {
			if v := ev.Of(code, who).Value; !math.IsNaN(v) {
				values = append(values, v)
			}
		}
		if want := median(parts{raw: values}); !same(ev.Of(code, f.anna).TeamMedian, want) {
			t.Errorf("%s team median %v, want %v", code, ev.Of(code, f.anna).TeamMedian, want)
		}
	}
}

// Feedback: the mean of every rating given in the period; client KPI attainment:
// the mean over the manager's clients' targets.
func TestEvidenceFeedbackAndAttainment(t *testing.T) {
	f := newFixture(t)
	depts, err := f.s.Departments(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, fb := range []data.Feedback{
		{StaffID: f.anna, DepartmentID: depts[0].ID, On: data.Day(2025, 2, 3), Handoff: 4, Briefs: 5},
		{StaffID: f.anna, DepartmentID: depts[1].ID, On: data.Day(2025, 3, 3), Deadlines: 3},
		{StaffID: f.anna, DepartmentID: depts[1].ID, On: data.Day(2025, 5, 3), Deadlines: 1}, // after the period
	} {
		if _, err := f.s.SaveFeedback(f.ctx, fb); err != nil {
			t.Fatal(err)
		}
	}
	id, err := f.s.SaveKPI(f.ctx, data.KPI{Code: "leads", NameRU: "Заявки", NameEN: "Leads", Unit: data.UnitCount,
		Direction: data.HigherIsBetter, Combine: data.CombineSum, Level: data.LevelClient})
	if err != nil {
		t.Fatal(err)
	}
	// Альфа (Анна's all quarter): 30 leads against a target of 40 → 75 %.
	// Гамма (Борис's at the end of March): 50 against 40 → 125 %.
	err = f.s.Update(f.ctx, func(tx *data.Tx) error {
		for _, v := range []data.KPIValue{{KPIID: id, Month: jan25, EntityID: f.alfa, Value: 30},
			{KPIID: id, Month: feb25, EntityID: f.gamma, Value: 50}} {
			if _, err := tx.SetKPIValue(v); err != nil {
				return err
			}
		}
		for _, c := range []int64{f.alfa, f.gamma} {
			if _, err := tx.SetKPITarget(data.KPITarget{KPIID: id, Scope: data.ScopeClient, EntityID: c, From: jan25,
				To: mar25, Target: 40 / 3.0}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := EvidenceOf(f.ctx, f.s, jan25, mar25)
	if err != nil {
		t.Fatal(err)
	}
	if got := ev.Of("feedback", f.anna).Value; !same(got, (4+5+3)/3.0) {
		t.Errorf("Анна's feedback %v, want 4", got)
	}
	if got := ev.Of("kpi_attainment", f.anna).Value; math.Abs(got-75) > 1e-9 {
		t.Errorf("Анна's client attainment %v, want 75", got)
	}
	if got := ev.Of("kpi_attainment", f.boris).Value; math.Abs(got-125) > 1e-9 {
		t.Errorf("Борис's client attainment %v, want 125", got)
	}
}
