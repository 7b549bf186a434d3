package review

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var defaultGrades = []string{"junior", "middle", "senior", "lead"}

func TestDefaultCriteriaWeightsSumTo100(t *testing.T) {
	for _, grade := range defaultGrades {
		crit := DefaultCriteria(grade)
		if len(crit) == 0 {
			t.Fatalf("%s: empty template", grade)
		}
		sum := 0
		for _, c := range crit {
			if c.Weight <= 0 {
				t.Errorf("%s/%s: weight %d, want positive", grade, c.Code, c.Weight)
			}
			sum += c.Weight
		}
		if sum != 100 {
			t.Errorf("%s: weights sum to %d, want 100", grade, sum)
		}
	}
}

func TestDefaultCriteriaCodesUnique(t *testing.T) {
	for _, grade := range defaultGrades {
		seen := map[string]bool{}
		for _, c := range DefaultCriteria(grade) {
			if c.Code == "" {
				t.Errorf("%s: criterion with an empty code", grade)
			}
			if c.Code != strings.ToLower(c.Code) || strings.Trim(c.Code, "abcdefghijklmnopqrstuvwxyz_") != "" {
				t.Errorf("%s: code %q is not lower-case latin", grade, c.Code)
			}
			if seen[c.Code] {
				t.Errorf("%s: duplicate code %q", grade, c.Code)
			}
			seen[c.Code] = true
		}
	}
}

func TestDefaultCriteriaTexts(t *testing.T) {
	const maxLen = 160
	check := func(grade, code, what, s string) {
		t.Helper()
		if strings.TrimSpace(s) == "" {
			t.Errorf("%s/%s: %s is empty", grade, code, what)
		}
		if n := utf8.RuneCountInString(s); n >= maxLen {
			t.Errorf("%s/%s: %s is %d characters, want under %d: %q", grade, code, what, n, maxLen, s)
		}
	}
	for _, grade := range defaultGrades {
		for _, c := range DefaultCriteria(grade) {
			check(grade, c.Code, "NameRU", c.NameRU)
			check(grade, c.Code, "NameEN", c.NameEN)
			for i := range 5 {
				check(grade, c.Code, "AnchorsRU["+string(rune('1'+i))+"]", c.AnchorsRU[i])
				check(grade, c.Code, "AnchorsEN["+string(rune('1'+i))+"]", c.AnchorsEN[i])
			}
		}
	}
}

// The Russian texts use plain Russian words rather than slang anglicisms.
func TestDefaultCriteriaPlainRussian(t *testing.T) {
	banned := []string{"апсейл", "дедлайн", "фидбек", "фидбэк", "кросс-селл", "аккаунтинг", "чекать", "асап"}
	for _, grade := range defaultGrades {
		for _, c := range DefaultCriteria(grade) {
			texts := append([]string{c.NameRU}, c.AnchorsRU[:]...)
			for _, s := range texts {
				low := strings.ToLower(s)
				for _, w := range banned {
					if strings.Contains(low, w) {
						t.Errorf("%s/%s: %q uses %q", grade, c.Code, s, w)
					}
				}
			}
		}
	}
}

func TestDefaultCriteriaMentoringAndImprovement(t *testing.T) {
	want := map[string]bool{"junior": false, "middle": false, "senior": true, "lead": true}
	for grade, has := range want {
		codes := criterionCodes(DefaultCriteria(grade))
		for _, code := range []string{"mentoring", "improvement"} {
			if got := slices.Contains(codes, code); got != has {
				t.Errorf("%s: has %s = %v, want %v", grade, code, got, has)
			}
		}
	}
}

func TestDefaultCriteriaGuideAreasPresent(t *testing.T) {
	base := []string{"communication", "obligations", "reporting", "coordination", "development", "documentation", "procedures"}
	for _, grade := range defaultGrades {
		codes := criterionCodes(DefaultCriteria(grade))
		for _, code := range base {
			if !slices.Contains(codes, code) {
				t.Errorf("%s: missing criterion %s", grade, code)
			}
		}
	}
}

func TestDefaultCriteriaEvidenceCodesKnown(t *testing.T) {
	used := map[string]bool{}
	for _, grade := range defaultGrades {
		for _, c := range DefaultCriteria(grade) {
			for _, e := range c.Evidence {
				if !slices.Contains(EvidenceCodes, e) {
					t.Errorf("%s/%s: unknown evidence code %q", grade, c.Code, e)
				}
				used[e] = true
			}
		}
	}
	// Every figure the review screen shows informs at least one criterion.
	for _, e := range EvidenceCodes {
		if !used[e] {
			t.Errorf("evidence %q informs no criterion", e)
		}
	}
}

func TestDefaultCriteriaUnknownGrade(t *testing.T) {
	for _, grade := range []string{"", "intern", "Junior", "LEAD"} {
		if got := DefaultCriteria(grade); got != nil {
			t.Errorf("DefaultCriteria(%q) = %d criteria, want nil", grade, len(got))
		}
	}
}

// The weights follow the grade: juniors weigh the basics more, leads weigh client
// development and improvement more than seniors.
func TestDefaultCriteriaWeightsByGrade(t *testing.T) {
	w := map[string]map[string]int{}
	for _, grade := range defaultGrades {
		w[grade] = map[string]int{}
		for _, c := range DefaultCriteria(grade) {
			w[grade][c.Code] = c.Weight
		}
	}
	for _, code := range []string{"communication", "obligations", "reporting"} {
		for _, other := range []string{"middle", "senior", "lead"} {
			if w["junior"][code] <= w[other][code] {
				t.Errorf("%s: junior weight %d, want more than %s's %d", code, w["junior"][code], other, w[other][code])
			}
		}
	}
	for _, code := range []string{"development", "improvement"} {
		if w["lead"][code] <= w["senior"][code] {
			t.Errorf("%s: lead weight %d, want more than senior's %d", code, w["lead"][code], w["senior"][code])
		}
	}
}

// Editing a returned template does not change the defaults.
func TestDefaultCriteriaReturnsCopies(t *testing.T) {
	a := DefaultCriteria("senior")
	a[0].Weight = 99
	a[0].AnchorsRU[0] = "changed"
	for i := range a {
		if len(a[i].Evidence) > 0 {
			a[i].Evidence[0] = "changed"
		}
	}
	b := DefaultCriteria("senior")
	if b[0].Weight == 99 || b[0].AnchorsRU[0] == "changed" {
		t.Fatal("editing a returned template changed the defaults")
	}
	for _, c := range b {
		if slices.Contains(c.Evidence, "changed") {
			t.Fatalf("%s: editing returned evidence changed the defaults", c.Code)
		}
	}
}

func criterionCodes(crit []Criterion) []string {
	codes := make([]string, len(crit))
	for i, c := range crit {
		codes[i] = c.Code
	}
	return codes
}
