package competency

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func areaCodes() []string {
	codes := make([]string, len(Areas))
	for i, a := range Areas {
		codes[i] = a.Code
	}
	return codes
}

func TestGradesLadder(t *testing.T) {
	want := []string{"junior", "middle", "senior", "lead"}
	if !slices.Equal(Grades, want) {
		t.Fatalf("Grades = %v, want %v", Grades, want)
	}
}

func TestAreas(t *testing.T) {
	want := []string{"communication", "contracts", "reporting", "coordination", "development", "documentation", "procedures", "leadership"}
	if got := areaCodes(); !slices.Equal(got, want) {
		t.Fatalf("area codes = %v, want %v", got, want)
	}
	for _, a := range Areas {
		if strings.TrimSpace(a.NameRU) == "" || strings.TrimSpace(a.NameEN) == "" {
			t.Errorf("area %s: empty name", a.Code)
		}
	}
}

func TestMatrixSize(t *testing.T) {
	if n := len(DefaultMatrix()); n < 14 || n > 18 {
		t.Errorf("matrix has %d competencies, want 14-18", n)
	}
}

func TestEveryGradePresent(t *testing.T) {
	for _, c := range DefaultMatrix() {
		if len(c.Levels) != len(Grades) {
			t.Errorf("%s: %d levels, want %d", c.Code, len(c.Levels), len(Grades))
		}
		for _, g := range Grades {
			if _, ok := c.Levels[g]; !ok {
				t.Errorf("%s: no level for grade %s", c.Code, g)
			}
		}
	}
}

func TestRequiredLevelsRiseWithGrade(t *testing.T) {
	for _, c := range DefaultMatrix() {
		prev := 0
		for _, g := range Grades {
			r := c.Levels[g].Required
			if r < 1 || r > 4 {
				t.Errorf("%s/%s: required level %d, want 1..4", c.Code, g, r)
			}
			if r < prev {
				t.Errorf("%s/%s: required level %d is below the previous grade's %d", c.Code, g, r, prev)
			}
			prev = r
		}
	}
}

// Leadership is asked of juniors and middles only at the first level; seniors need
// 2-3 and leads 3-4.
func TestLeadershipShape(t *testing.T) {
	ranges := map[string][2]int{"junior": {1, 1}, "middle": {1, 1}, "senior": {2, 3}, "lead": {3, 4}}
	n := 0
	for _, c := range DefaultMatrix() {
		if c.Area != "leadership" {
			continue
		}
		n++
		for g, rg := range ranges {
			if r := c.Levels[g].Required; r < rg[0] || r > rg[1] {
				t.Errorf("%s/%s: required level %d, want %d..%d", c.Code, g, r, rg[0], rg[1])
			}
		}
	}
	if n != 3 {
		t.Errorf("leadership has %d competencies, want 3", n)
	}
}

func TestAreasAndCompetenciesMatch(t *testing.T) {
	codes := areaCodes()
	count := map[string]int{}
	for _, c := range DefaultMatrix() {
		if !slices.Contains(codes, c.Area) {
			t.Errorf("%s: unknown area %q", c.Code, c.Area)
		}
		count[c.Area]++
	}
	for _, a := range Areas {
		if count[a.Code] == 0 {
			t.Errorf("area %s has no competencies", a.Code)
		}
	}
}

// Competencies come grouped by area, in the display order of Areas.
func TestMatrixOrderedByArea(t *testing.T) {
	codes := areaCodes()
	prev := 0
	for _, c := range DefaultMatrix() {
		i := slices.Index(codes, c.Area)
		if i < prev {
			t.Errorf("%s: area %s comes after a later area", c.Code, c.Area)
		}
		prev = i
	}
}

func TestCodesUniqueLowerLatin(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range DefaultMatrix() {
		if c.Code == "" || strings.Trim(c.Code, "abcdefghijklmnopqrstuvwxyz_") != "" {
			t.Errorf("code %q is not lower-case latin", c.Code)
		}
		if seen[c.Code] {
			t.Errorf("duplicate code %q", c.Code)
		}
		seen[c.Code] = true
	}
}

func TestTexts(t *testing.T) {
	const maxLen = 200
	check := func(where, s string) {
		t.Helper()
		if strings.TrimSpace(s) == "" {
			t.Errorf("%s is empty", where)
		}
		if n := utf8.RuneCountInString(s); n > maxLen {
			t.Errorf("%s is %d characters, want at most %d: %q", where, n, maxLen, s)
		}
	}
	for _, c := range DefaultMatrix() {
		check(c.Code+" NameRU", c.NameRU)
		check(c.Code+" NameEN", c.NameEN)
		ru, en := map[string]string{}, map[string]string{}
		for _, g := range Grades {
			l := c.Levels[g]
			check(c.Code+"/"+g+" ExpectationRU", l.ExpectationRU)
			check(c.Code+"/"+g+" ExpectationEN", l.ExpectationEN)
			if other, ok := ru[l.ExpectationRU]; ok {
				t.Errorf("%s: %s and %s share the Russian expectation", c.Code, other, g)
			}
			if other, ok := en[l.ExpectationEN]; ok {
				t.Errorf("%s: %s and %s share the English expectation", c.Code, other, g)
			}
			ru[l.ExpectationRU], en[l.ExpectationEN] = g, g
		}
	}
	for i := range 4 {
		check("ScaleRU", ScaleRU[i])
		check("ScaleEN", ScaleEN[i])
		prefix := string(rune('1'+i)) + " — "
		if !strings.HasPrefix(ScaleRU[i], prefix) || !strings.HasPrefix(ScaleEN[i], prefix) {
			t.Errorf("scale level %d does not start with %q", i+1, prefix)
		}
	}
}

func russianTexts() map[string]string {
	out := map[string]string{}
	for _, a := range Areas {
		out["area "+a.Code] = a.NameRU
	}
	for i, s := range ScaleRU {
		out["ScaleRU "+string(rune('1'+i))] = s
	}
	for _, c := range DefaultMatrix() {
		out[c.Code+" NameRU"] = c.NameRU
		for _, g := range Grades {
			out[c.Code+"/"+g] = c.Levels[g].ExpectationRU
		}
	}
	return out
}

// The Russian texts use plain Russian words rather than slang anglicisms.
func TestPlainRussian(t *testing.T) {
	banned := []string{"дедлайн", "фидбек", "фидбэк", "апсейл", "кросс-селл", "кейс", "митинг", "коммьюнити", "скилл", "ресерч", "овертайм", "фоллоу-ап", "аппрув"}
	for where, s := range russianTexts() {
		low := strings.ToLower(s)
		for _, w := range banned {
			if strings.Contains(low, w) {
				t.Errorf("%s: %q uses %q", where, s, w)
			}
		}
	}
}

// Russian texts hold no Latin letters except the abbreviations KPI, CRM and SLA.
func TestNoLatinInRussian(t *testing.T) {
	allowed := strings.NewReplacer("KPI", "", "CRM", "", "SLA", "")
	for where, s := range russianTexts() {
		for _, r := range allowed.Replace(s) {
			if r < unicode.MaxASCII && unicode.IsLetter(r) {
				t.Errorf("%s: %q has a Latin letter %q", where, s, r)
				break
			}
		}
	}
}

// Editing a returned matrix does not change the defaults.
func TestDefaultMatrixReturnsCopies(t *testing.T) {
	a := DefaultMatrix()
	want := DefaultMatrix()
	a[0].Code = "changed"
	a[0].NameRU = "changed"
	for _, c := range a {
		for _, g := range Grades {
			c.Levels[g] = Level{Required: 4, ExpectationRU: "changed", ExpectationEN: "changed"}
		}
		c.Levels["extra"] = Level{}
	}
	b := DefaultMatrix()
	if len(b) != len(want) {
		t.Fatalf("matrix has %d competencies after editing a copy, want %d", len(b), len(want))
	}
	for i, c := range b {
		if c.Code != want[i].Code || c.NameRU != want[i].NameRU {
			t.Errorf("competency %d: editing a returned matrix changed the defaults", i)
		}
		if len(c.Levels) != len(Grades) {
			t.Errorf("%s: editing returned levels added a grade", c.Code)
		}
		for _, g := range Grades {
			if c.Levels[g] != want[i].Levels[g] {
				t.Errorf("%s/%s: editing returned levels changed the defaults", c.Code, g)
			}
		}
	}
}
