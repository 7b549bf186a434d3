package transfer

import (
	"strings"
	"unicode"

	"leadboard/data"
	"leadboard/data/table"
)

// field is a column a kind reads and writes: its key (the English header), its
// Russian header, other spellings found in real files, and whether a row needs it.
type field struct {
	key      string
	ru       string
	en       string // English header of exported files; the key is accepted too
	kind     table.Kind
	required bool
	aliases  []string
}

func (f field) column() table.Column {
	return table.Column{Key: f.key, TitleRU: f.ru, TitleEN: f.en, Kind: f.kind}
}

// normalizeHeader makes header spellings comparable: case, ё, spaces, underscores,
// hyphens and trailing punctuation do not matter ("E-mail" = "email", "SLA, ч" = "sla ч").
func normalizeHeader(s string) string {
	s = data.Fold(strings.TrimSpace(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// headerIndex finds fields by normalised header spelling.
type headerIndex map[string]string // normalised spelling -> field key

func indexFields(fields []field) headerIndex {
	idx := headerIndex{}
	for _, f := range fields {
		for _, spelling := range append([]string{f.key, f.ru, f.en}, f.aliases...) {
			if spelling != "" {
				idx[normalizeHeader(spelling)] = f.key
			}
		}
	}
	return idx
}

// Mapping says which field each column of a file holds ("" for a column that is
// ignored), in the file's column order.
type Mapping []string

// detect maps a header row to fields; an unknown column, or a second column for a
// field already taken, is ignored.
func (idx headerIndex) detect(header []string) Mapping {
	m := make(Mapping, len(header))
	taken := map[string]bool{}
	for i, h := range header {
		key := idx[normalizeHeader(h)]
		if key != "" && !taken[key] {
			m[i] = key
			taken[key] = true
		}
	}
	return m
}

// matches counts the known columns of a row: a header row names several.
func (idx headerIndex) matches(cells []string) int {
	n := 0
	for _, c := range cells {
		if idx[normalizeHeader(c)] != "" {
			n++
		}
	}
	return n
}

// has reports whether the mapping includes a field.
func (m Mapping) has(key string) bool {
	for _, k := range m {
		if k == key {
			return true
		}
	}
	return false
}
