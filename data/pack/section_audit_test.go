package pack

import (
	"context"
	"strings"
	"testing"

	"leadboard/assets/locale"
	"leadboard/data"
	"leadboard/data/audit"
)

// The open actions of a past period are those open on its last day: of audits held
// by then (or of none), open now or done after it, cancelled ones out; overdue the
// ones of them due before it.
func TestAuditActionsAreThoseOpenOnThePeriodsLastDay(t *testing.T) {
	ctx := context.Background()
	st := demoStore(t)
	period := mustPeriod(t, "2026-Q3")
	asOf := period.To.Last()
	results, err := audit.Results(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	heldBy := map[int64]bool{}
	for _, r := range results {
		heldBy[r.Audit.ID] = !r.Audit.HeldOn.After(asOf)
	}
	actions, err := st.Actions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var open, overdue, openToday int
	for _, a := range actions {
		if a.Status == "open" {
			openToday++
		}
		if a.AuditID != 0 && !heldBy[a.AuditID] {
			continue
		}
		if a.Status == "open" || (a.Status == "done" && a.DoneOn.After(asOf)) {
			open++
			if a.Due.Before(asOf) {
				overdue++
			}
		}
	}
	if open == openToday {
		t.Fatalf("the demo data has as many actions open on %s as today (%d): the test proves nothing",
			asOf.Format(data.DateLayout), open)
	}
	p, err := Build(ctx, st, period, []string{SectionAudit}, Options{Lang: "ru"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := sectionOf(t, p, SectionAudit).Slides[0].Summary
	want := locale.Messages("ru").T("pack.audit.actions", map[string]any{"Open": locale.Int("ru", int64(open)),
		"Overdue": locale.Int("ru", int64(overdue))})
	if open == 0 {
		want = locale.Messages("ru").T("pack.audit.actions_none", nil)
	}
	if !strings.Contains(got, want) {
		t.Errorf("summary %q\nwant it to say %q", got, want)
	}
}
