package parse

import (
	"sort"
	"strings"
)

// Enum reads a choice from a fixed list of codes, each with synonyms. The zero
// Enum accepts nothing. Build it once with [NewEnum]; it is safe for concurrent
// use.
type Enum struct {
	codes     map[string]string // folded synonym -> code
	list      []string          // codes, sorted
	conflicts []string          // synonyms claimed by more than one code, dropped
}

// lookalikes maps Cyrillic letters that look like Latin ones, for choices of a
// single letter: a tier typed as Cyrillic "А" is the Latin "A".
var lookalikes = map[rune]rune{
	'а': 'a', 'в': 'b', 'с': 'c', 'е': 'e', 'к': 'k', 'м': 'm',
	'н': 'h', 'о': 'o', 'р': 'p', 'т': 't', 'х': 'x',
}

// enumKey folds a choice: lower case, ё→е, hyphens, underscores and runs of
// spaces become one space ("Cross-sell" = "cross_sell" = "cross  sell"), and a
// single Cyrillic letter that looks Latin becomes that Latin letter. Text made
// only of hyphens or underscores (a "-" meaning "none") is kept as it is.
func enumKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	runes, last := 0, rune(0)
	for _, r := range s {
		if isSpace(r) || r == '-' || r == '_' || r == '‐' || r == '‑' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		last = foldRune(r)
		runes++
		b.WriteRune(last)
	}
	if runes == 1 {
		if l, ok := lookalikes[last]; ok {
			return string(l)
		}
	}
	if b.Len() == 0 {
		return fold(s)
	}
	return b.String()
}

// NewEnum builds an Enum from codes and their synonyms. A code is always its own
// synonym. Synonyms are compared after folding (see [Enum.Parse]); a folded
// synonym claimed by two codes is ambiguous and dropped (unless it is one of the
// codes, which always wins); [Enum.Conflicts] lists such synonyms so that a test
// of the vocabulary can catch them.
func NewEnum(synonyms map[string][]string) Enum {
	e := Enum{codes: map[string]string{}}
	owner := map[string]string{}
	bad := map[string]bool{}
	for code, syns := range synonyms {
		e.list = append(e.list, code)
		for _, s := range syns {
			k := enumKey(s)
			if k == "" {
				continue
			}
			if c, ok := owner[k]; ok && c != code {
				bad[k] = true
			}
			owner[k] = code
		}
	}
	for k, code := range owner {
		if !bad[k] {
			e.codes[k] = code
		}
	}
	for k := range bad {
		e.conflicts = append(e.conflicts, k)
	}
	sort.Strings(e.list)
	for _, code := range e.list { // codes win over synonyms
		if k := enumKey(code); k != "" {
			if c, ok := e.codes[k]; ok && c != code {
				e.conflicts = append(e.conflicts, k) // two codes fold alike: keep one
			}
			e.codes[k] = code
		}
	}
	sort.Strings(e.conflicts)
	return e
}

// Parse returns the code that s names. Comparison ignores case and surrounding
// spaces, folds ё into е, treats hyphens, underscores and runs of spaces alike
// ("Cross-sell" = "cross_sell" = "Cross sell" = "cross sell"), and takes a single
// Cyrillic letter that looks Latin (А, В, С, Е, К, М, Н, О, Р, Т, Х) for that Latin
// letter, so the tier "А" typed in Cyrillic is "A". Anything else is
// CodeInvalidChoice. Empty input gives "" and a nil error.
func (e Enum) Parse(s string) (string, error) {
	s = trim(s)
	if s == "" {
		return "", nil
	}
	if code, ok := e.codes[enumKey(s)]; ok {
		return code, nil
	}
	return "", fail(CodeInvalidChoice, s)
}

// Codes lists the codes, sorted.
func (e Enum) Codes() []string { return append([]string(nil), e.list...) }

// Conflicts lists the folded synonyms that more than one code claimed; they
// were dropped (or, for a code's own name, given to one of the codes).
func (e Enum) Conflicts() []string { return append([]string(nil), e.conflicts...) }
