package audit

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestChecklistHasTheGuidesTenSections(t *testing.T) {
	secs := Checklist()
	if len(secs) != 10 {
		t.Fatalf("%d sections, want 10", len(secs))
	}
	for i, s := range secs {
		if s.Number != i+1 {
			t.Errorf("section %d numbered %d", i+1, s.Number)
		}
		if len(s.Items) < 2 {
			t.Errorf("section %d has %d items, want at least 2", s.Number, len(s.Items))
		}
		if s.Title("ru") == "" || s.Title("en") == "" || s.Title("ru") == s.Title("en") {
			t.Errorf("section %d titles %q / %q", s.Number, s.Title("ru"), s.Title("en"))
		}
		for j, it := range s.Items {
			if want := strconv.Itoa(s.Number) + "." + strconv.Itoa(j+1); it.Code != want || it.Section != s.Number {
				t.Errorf("item %q in section %d, want code %s", it.Code, it.Section, want)
			}
		}
	}
	if secs[0].Title("ru") != "Договоры и обязательства" || secs[9].Title("en") != "Quality control and risks" {
		t.Errorf("titles: %q, %q", secs[0].Title("ru"), secs[9].Title("en"))
	}
}

func TestItemsAreUniqueAndFoundByCode(t *testing.T) {
	seen := map[string]bool{}
	items := Items()
	for _, it := range items {
		if seen[it.Code] {
			t.Errorf("code %s twice", it.Code)
		}
		seen[it.Code] = true
		got, ok := Lookup(it.Code)
		if !ok || got.RU != it.RU || got.Section != it.Section {
			t.Errorf("Lookup(%s) = %+v, %v", it.Code, got, ok)
		}
	}
	if items[0].Code != "1.1" || items[len(items)-1].Code != "10.3" {
		t.Errorf("items run %s..%s", items[0].Code, items[len(items)-1].Code)
	}
	if _, ok := Lookup("11.1"); ok {
		t.Error("Lookup found an item of an eleventh section")
	}
}

func TestItemTextsAreWrittenInBothLanguages(t *testing.T) {
	latin := regexp.MustCompile(`[A-Za-z]+`)
	allowed := map[string]bool{"KPI": true, "CRM": true, "SLA": true}
	check := func(what, ru, en string) {
		if strings.TrimSpace(ru) == "" || strings.TrimSpace(en) == "" {
			t.Errorf("%s: empty text %q / %q", what, ru, en)
		}
		for _, w := range latin.FindAllString(ru, -1) {
			if !allowed[w] {
				t.Errorf("%s: Latin %q in Russian %q", what, w, ru)
			}
		}
		if !latin.MatchString(en) {
			t.Errorf("%s: English text %q has no Latin letters", what, en)
		}
	}
	for _, s := range Checklist() {
		check("section "+strconv.Itoa(s.Number), s.RU, s.EN)
		for _, it := range s.Items {
			check(it.Code, it.Text("ru"), it.Text("en"))
		}
	}
}

func TestEvidenceCodesAreKnownAndAllUsed(t *testing.T) {
	used := map[string]bool{}
	for _, it := range Items() {
		for _, code := range it.Evidence {
			if !slices.Contains(EvidenceCodes, code) {
				t.Errorf("item %s: unknown evidence %q", it.Code, code)
			}
			used[code] = true
		}
	}
	for _, code := range EvidenceCodes {
		if !used[code] {
			t.Errorf("evidence %s informs no item", code)
		}
	}
}

func TestChecklistIsACopy(t *testing.T) {
	secs := Checklist()
	secs[0].Items[0].RU = "испорчено"
	secs[0].Items[0].Evidence[0] = "broken"
	if again := Checklist(); again[0].Items[0].RU == "испорчено" || again[0].Items[0].Evidence[0] == "broken" {
		t.Error("changing a returned checklist changed the checklist")
	}
}
