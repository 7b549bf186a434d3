package pack

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/demo"
	"leadboard/data/workload"
)

// The shared fixtures of the pack's tests: a demo database generated once per test
// run (copied for each test, so a test may write to it) and an empty one, both with
// the clock fixed.

// fixtureNow is the clock of every test store: Monday 16 November 2026, noon. The
// demo data ends the day before, so October 2026 and the third quarter are past and
// the year 2026 runs on.
var fixtureNow = time.Date(2026, 11, 16, 12, 0, 0, 0, time.UTC)

// demoTemplate is the demo database every test copies; made by TestMain.
var demoTemplate string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "leadboard-pack-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	demoTemplate = filepath.Join(dir, "demo.db")
	if err := makeDemo(demoTemplate); err != nil {
		fmt.Fprintln(os.Stderr, "demo database:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// makeDemo generates the small demo database, its data ending the day before fixtureNow.
func makeDemo(path string) error {
	st, err := data.Open(path, data.Options{Create: true})
	if err != nil {
		return err
	}
	st.SetClock(func() time.Time { return fixtureNow })
	_, err = demo.Generate(context.Background(), st, demo.Options{Scale: demo.Small, Seed: 7,
		AsOf: data.DateOf(fixtureNow).AddDate(0, 0, -1)})
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return err
}

// demoStore opens a fresh copy of the demo database with the clock at fixtureNow.
func demoStore(t *testing.T) *data.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	copyFile(t, demoTemplate, path)
	return openAt(t, path, data.Options{})
}

// emptyStore opens a new database with nothing in it but what migrations put there.
func emptyStore(t *testing.T) *data.Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "empty.db"), data.Options{Create: true})
}

func openAt(t *testing.T, path string, opt data.Options) *data.Store {
	t.Helper()
	st, err := data.Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	st.SetClock(func() time.Time { return fixtureNow })
	t.Cleanup(func() { st.Close() })
	return st
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// mustPeriod parses a period the tests spell out.
func mustPeriod(t *testing.T, s string) Period {
	t.Helper()
	p, err := ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// slideWidth and slideHeight are the size of a slide image.
const slideWidth, slideHeight = 1600, 900

// renderSlide draws a slide's chart as a 1600x900 PNG and reads it back, failing the
// test when either step fails or the picture has another size.
func renderSlide(t *testing.T, where string, s Slide) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Chart.PNG(&buf, slideWidth, slideHeight); err != nil {
		t.Fatalf("%s: PNG: %v", where, err)
	}
	img, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%s: decode: %v", where, err)
	}
	if b := img.Bounds(); b.Dx() != slideWidth || b.Dy() != slideHeight {
		t.Fatalf("%s: %dx%d, want %dx%d", where, b.Dx(), b.Dy(), slideWidth, slideHeight)
	}
	return buf.Bytes()
}

// drawSlide draws a slide's chart at 1600x900 without encoding it.
func drawSlide(t *testing.T, where string, s Slide) {
	t.Helper()
	img, err := s.Chart.Image(slideWidth, slideHeight)
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	if b := img.Bounds(); b.Dx() != slideWidth || b.Dy() != slideHeight {
		t.Fatalf("%s: %dx%d, want %dx%d", where, b.Dx(), b.Dy(), slideWidth, slideHeight)
	}
}

// sectionOf finds a section of a pack by code.
func sectionOf(t *testing.T, p Pack, code string) Section {
	t.Helper()
	for _, s := range p.Sections {
		if s.Code == code {
			return s
		}
	}
	t.Fatalf("no section %q in the pack", code)
	return Section{}
}

// saveSuggestedPlan saves, as a draft named name, the moves the workload planner
// suggests for today's data, and returns how many there are.
func saveSuggestedPlan(t *testing.T, st *data.Store, name string) int {
	t.Helper()
	ctx := context.Background()
	coeffs, err := workload.LoadCoefficients(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := workload.Take(ctx, st, coeffs)
	if err != nil {
		t.Fatal(err)
	}
	var moves []data.PlanMove
	for _, m := range workload.Suggest(snap, workload.Locks{}).Moves {
		moves = append(moves, data.PlanMove(m))
	}
	if len(moves) == 0 {
		t.Fatal("the planner suggests no moves on the demo data")
	}
	if _, err := st.SavePlan(ctx, data.Plan{Name: name, Moves: moves}); err != nil {
		t.Fatal(err)
	}
	return len(moves)
}
