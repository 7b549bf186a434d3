package workload

import (
	"context"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/competency"
)

// A promotion accepted at the end of an assessment gives the new grade's capacity
// from its date on, and not before.
func TestAPromotionChangesCapacityFromItsDate(t *testing.T) {
	f := newStoreFixture(t)
	ctx := context.Background()
	id, err := f.s.StartAssessment(ctx, f.anna)
	if err != nil {
		t.Fatal(err)
	}
	v, err := f.s.AssessmentView(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range v.Matrix.Competencies {
		if err := f.s.SaveObservation(ctx, id, c.ID, data.Observed{Level: v.Observations[i].Next}, i+1); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.s.FinishAssessment(ctx, id, data.Decision{Choice: competency.Promote,
		PromotionDate: data.Day(2026, 3, 16), PromotionNote: "Итоги оценки"}); err != nil {
		t.Fatal(err)
	}
	feb, mar := data.MonthFor(2026, time.February), data.MonthFor(2026, time.March)
	h, err := HistoryOf(ctx, f.s, Defaults(), feb, mar)
	if err != nil {
		t.Fatal(err)
	}
	// A middle's 12 points in February, a senior's 14 from March.
	if anna := h.Managers[f.anna]; anna[0].Capacity != 12 || anna[1].Capacity != 14 {
		t.Errorf("Анна's capacity %v, %v", anna[0].Capacity, anna[1].Capacity)
	}
}
