package assets_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"leadboard/assets"
	"leadboard/data"
	"leadboard/data/parse"
	"leadboard/data/sheet"
	"leadboard/data/transfer"
)

func loadTranslations(t *testing.T, lang string) map[string]string {
	t.Helper()
	raw, err := assets.Translations.ReadFile("translations/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

func TestBothLanguagesHaveTheSameKeys(t *testing.T) {
	en, ru := loadTranslations(t, "en"), loadTranslations(t, "ru")
	for k, v := range en {
		if _, ok := ru[k]; !ok {
			t.Errorf("ru.json lacks %q", k)
		}
		if strings.TrimSpace(v) == "" {
			t.Errorf("en.json: %q is empty", k)
		}
	}
	for k, v := range ru {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q", k)
		}
		if strings.TrimSpace(v) == "" {
			t.Errorf("ru.json: %q is empty", k)
		}
	}
}

// Placeholders must match, or one language would print "<no value>".
func TestPlaceholdersMatch(t *testing.T) {
	en, ru := loadTranslations(t, "en"), loadTranslations(t, "ru")
	ph := regexp.MustCompile(`\{\{\.(\w+)\}\}`)
	set := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, m := range ph.FindAllStringSubmatch(s, -1) {
			out[m[1]] = true
		}
		return out
	}
	for k, e := range en {
		a, b := set(e), set(ru[k])
		for p := range a {
			if !b[p] {
				t.Errorf("%s: ru lacks {{.%s}}", k, p)
			}
		}
		for p := range b {
			if !a[p] {
				t.Errorf("%s: en lacks {{.%s}}", k, p)
			}
		}
	}
}

// Every key the code asks for exists: literal keys in ui/ (T, Tf, Tn, e.t), and the
// keys built from the data package's codes (statuses, kinds, fields, error codes).
func TestEveryKeyUsedIsTranslated(t *testing.T) {
	en := loadTranslations(t, "en")
	want := map[string]string{} // key -> where it is used
	literal := regexp.MustCompile(`\b(T|Tf|e\.t)\("([a-z_0-9]+(\.[a-z_0-9]+)+)"`)
	counted := regexp.MustCompile(`\bTn\("([a-z_0-9.]+)"`)
	walkGo(t, "../ui", func(path, src string) {
		for _, m := range literal.FindAllStringSubmatch(src, -1) {
			want[m[2]] = path
		}
		for _, m := range counted.FindAllStringSubmatch(src, -1) {
			for _, form := range []string{"one", "few", "many"} {
				want[m[1]+"."+form] = path
			}
		}
	})
	field := regexp.MustCompile(`\b(?:c|ch)\.(?:add|required|requiredDate|oneOf|notNegative|between|notBefore|email|phone)\("([a-z_]+)"`)
	code := regexp.MustCompile(`\b(?:c|ch)\.add\("[a-z_]+", "([a-z_]+)"`)
	walkGo(t, "../data", func(path, src string) {
		for _, m := range field.FindAllStringSubmatch(src, -1) {
			want["field."+m[1]] = path
		}
		for _, m := range code.FindAllStringSubmatch(src, -1) {
			want["err."+m[1]] = path
		}
	})
	for _, c := range []string{"required", "invalid_choice", "negative", "range", "before_date", "invalid_email",
		"invalid_phone", "not_number", "not_date"} {
		want["err."+c] = "validation helpers"
	}
	add := func(prefix string, values ...string) {
		for _, v := range values {
			want[prefix+v] = "data enumerations"
		}
	}
	for _, s := range data.StaffStatuses {
		add("staff.status.", string(s))
	}
	for _, s := range data.ClientStatuses {
		add("client.status.", string(s))
	}
	for _, s := range data.ContractStatuses {
		add("contract.status.", string(s))
	}
	add("service.", data.Services...)
	add("channel.", data.Channels...)
	add("kind.", data.InteractionKinds...)
	add("report.", data.ReportFrequencies...)
	add("role.", string(data.RoleLead), string(data.RoleBackup))
	add("cli.entity.", data.CountedTables...)
	for _, k := range transfer.Kinds {
		add("kind_name.", string(k))
	}
	add("fileerr.", sheet.ProblemEmpty, sheet.ProblemBinary, sheet.ProblemNoHeader, sheet.ProblemBadXLSX,
		sheet.ProblemNoSheet, sheet.ProblemBadCSV, sheet.ProblemOpenQuote, sheet.ProblemLongLine)
	add("err.", parse.CodeNotNumber, parse.CodeNotInteger, parse.CodeNotMoney, parse.CodeNotPercent, parse.CodeNotDate,
		parse.CodeNotDateTime, parse.CodeNotPeriod, parse.CodeNotBool, parse.CodeInvalidChoice, parse.CodeUnknownPerson,
		parse.CodeAmbiguousPerson, transfer.CodeMissingColumn, transfer.CodeUnknownClient, transfer.CodeRepeated,
		transfer.CodeUnknownKPI, transfer.CodeValueOrTarget, transfer.CodeValueForClient, transfer.CodeValueForManager,
		transfer.CodeValueForDepartment)
	// Codes an importer writes as string literals: r.fail(key, "code", ...).
	importCode := regexp.MustCompile(`\br\.fail\("[a-z_]+", "([a-z_]+)"`)
	walkGo(t, "../data/transfer", func(path, src string) {
		for _, m := range importCode.FindAllStringSubmatch(src, -1) {
			want["err."+m[1]] = path
		}
	})
	for _, p := range []data.Problem{data.ProblemMissing, data.ProblemNotDatabase, data.ProblemDamaged, data.ProblemNewer,
		data.ProblemLocked, data.ProblemReadOnly, data.ProblemOther} {
		add("dberr.", string(p))
	}
	for key, where := range want {
		if _, ok := en[key]; !ok {
			t.Errorf("%s uses %q, which has no translation", where, key)
		}
	}
}

func walkGo(t *testing.T, root string, fn func(path, src string)) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err == nil {
			fn(path, string(b))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
