package data

import (
	"sort"
	"strings"
	"unicode"
)

// Fold is how names compare and are searched: lower case in any alphabet, with ё
// read as е, as Russian readers do. SQLite's own lower() and LIKE fold only ASCII.
func Fold(s string) string { return fold(s) }

func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 'ё' || r == 'Ё' {
			return 'е'
		}
		return unicode.ToLower(r)
	}, s)
}

// The folded keys stored with each person and client. Fields are joined by a line
// break, which no search text contains, so a match never spans two fields.

// StaffSearchKey is what the staff search looks in.
func StaffSearchKey(p Staff) string {
	return fold(strings.Join([]string{p.FullName, p.Position, p.Team, p.Email, p.Phone}, "\n"))
}

// ClientSearchKey is what the client search looks in.
func ClientSearchKey(c Client) string {
	return fold(strings.Join([]string{c.Name, c.Industry, c.Notes}, "\n"))
}

// ClientNameKey makes client names unique whatever their case.
func ClientNameKey(name string) string { return fold(strings.Join(strings.Fields(name), " ")) }

// sortFolded orders names as readers expect.
func sortFolded(names []string) {
	sort.SliceStable(names, func(i, j int) bool { return fold(names[i]) < fold(names[j]) })
}

// sortByName orders rows by folded name, then id, the order every list starts in.
func sortByName[T any](rows []T, name func(*T) string, id func(*T) int64) {
	keys := make([]string, len(rows))
	for i := range rows {
		keys[i] = fold(name(&rows[i]))
	}
	sort.Sort(byKey[T]{rows, keys, id})
}

type byKey[T any] struct {
	rows []T
	keys []string
	id   func(*T) int64
}

func (b byKey[T]) Len() int { return len(b.rows) }
func (b byKey[T]) Less(i, j int) bool {
	if b.keys[i] != b.keys[j] {
		return b.keys[i] < b.keys[j]
	}
	return b.id(&b.rows[i]) < b.id(&b.rows[j])
}
func (b byKey[T]) Swap(i, j int) {
	b.rows[i], b.rows[j] = b.rows[j], b.rows[i]
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
}
