package transfer

import (
	"testing"

	"leadboard/assets/locale"
)

// TestVocabularies: every code reads back from its names in both languages and
// from itself, and no synonym is claimed by two codes (it would be dropped).
func TestVocabularies(t *testing.T) {
	all := map[string]*vocabulary{"staff status": staffStatuses, "client status": clientStatuses, "tier": tiers,
		"role": roles, "channel": channels, "kind": kinds, "contract status": contractStatuses,
		"reporting": reporting, "service": services}
	for name, v := range all {
		e := v.enum()
		if c := e.Conflicts(); len(c) > 0 {
			t.Errorf("%s: synonyms claimed by two codes are ignored: %q", name, c)
		}
		for _, code := range v.codes {
			for _, s := range []string{code, v.name(locale.Russian, code), v.name(locale.English, code)} {
				if got, err := e.Parse(s); err != nil || got != code {
					t.Errorf("%s: %q reads as %q, %v; want %q", name, s, got, err, code)
				}
			}
		}
	}
}

// TestHeaderIndex: no header spelling belongs to two fields of a kind.
func TestHeaderIndex(t *testing.T) {
	for k, s := range specs {
		owner := map[string]string{}
		for _, f := range s.fields {
			for _, spelling := range append([]string{f.key, f.ru, f.en}, f.aliases...) {
				if spelling == "" {
					continue
				}
				n := normalizeHeader(spelling)
				if o, ok := owner[n]; ok && o != f.key {
					t.Errorf("%s: header %q means both %s and %s", k, spelling, o, f.key)
				}
				owner[n] = f.key
			}
		}
	}
}
