package parse

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Person is someone whose name may appear in a file. FullName is written surname
// first: "Иванов Иван Петрович" (the patronymic, of one or more words, is
// optional).
type Person struct {
	ID       int64
	FullName string
}

// Names matches names as offices write them against a list of people. Build it
// once with [NewNames]; matching is a map look-up, and a Names is safe for
// concurrent use. The zero Names knows nobody.
type Names struct {
	people []Person
	full   map[string][]int32 // the whole name -> people
	short  map[string][]int32 // the shorter and reordered forms -> people
}

// appendNameKey appends s's words folded (lower case, ё→е), split at spaces,
// dots and commas and joined by single spaces; dashes inside a word become "-".
// "  Иванов  И.П." gives "иванов и п".
func appendNameKey(dst []byte, s string) []byte {
	start := len(dst)
	sep := false
	for _, r := range s {
		switch {
		case isSpace(r) || r == '.' || r == ',':
			sep = len(dst) > start
			continue
		case r == '‐' || r == '‑' || r == '–' || r == '—':
			r = '-'
		}
		if sep {
			dst = append(dst, ' ')
			sep = false
		}
		dst = utf8.AppendRune(dst, foldRune(r))
	}
	return dst
}

// firstLetter is a word's first letter (its initial).
func firstLetter(w string) string {
	_, size := utf8.DecodeRuneInString(w)
	return w[:size]
}

// NewNames indexes people by the forms [Names.Match] accepts. People with a
// blank FullName are skipped.
func NewNames(people []Person) Names {
	n := Names{
		people: append([]Person(nil), people...),
		full:   make(map[string][]int32, len(people)),
		short:  make(map[string][]int32, 10*len(people)),
	}
	add := func(m map[string][]int32, key string, i int32) {
		if ids := m[key]; len(ids) == 0 || ids[len(ids)-1] != i {
			m[key] = append(ids, i)
		}
	}
	var buf []byte
	for i, p := range n.people {
		buf = appendNameKey(buf[:0], p.FullName)
		if len(buf) == 0 {
			continue
		}
		key := string(buf)
		add(n.full, key, int32(i))
		w := strings.Split(key, " ")
		if len(w) < 2 {
			continue
		}
		s, f, fi := w[0], w[1], firstLetter(w[1])
		forms := []string{f + " " + s, s + " " + fi, fi + " " + s}
		if len(w) > 2 {
			pat, pi := strings.Join(w[2:], " "), firstLetter(w[2])
			forms = append(forms,
				s+" "+f,         // Иванов Иван
				s+" "+f+" "+pi,  // Иванов Иван П.
				s+" "+fi+" "+pi, // Иванов И.П.
				fi+" "+pi+" "+s, // И.П. Иванов
				f+" "+pat+" "+s, // Иван Петрович Иванов
			)
		}
		sort.Strings(forms)
		for j, form := range forms {
			if form != key && (j == 0 || form != forms[j-1]) {
				add(n.short, form, int32(i))
			}
		}
	}
	return n
}

// Match finds the person a name refers to. Case, ё/е, extra spaces and the dots of
// initials do not matter. Accepted forms, for "Иванов Иван Петрович":
//
//   - the full name: "Иванов Иван Петрович" (a full name that matches exactly
//     wins over the shorter forms of other people's names);
//   - "Иванов Иван", "Иван Иванов" (the order CRMs such as Bitrix24 and amoCRM
//     use), "Иван Петрович Иванов";
//   - initials: "Иванов И.П.", "Иванов И. П.", "Иванов И П", "Иванов И.",
//     "И.П. Иванов", "И. Иванов", "Иванов Иван П.".
//
// A surname alone is not accepted. No match is CodeUnknownPerson; more than one
// person is CodeAmbiguousPerson, with Value listing their full names, sorted,
// e.g. "Иванов Иван Петрович, Иванов Илья Павлович" (namesakes get their id in
// parentheses). Empty input gives 0 and a nil error.
func (n Names) Match(s string) (int64, error) {
	s = trim(s)
	if s == "" {
		return 0, nil
	}
	var arr [128]byte
	key := appendNameKey(arr[:0], s)
	if ids, ok := n.full[string(key)]; ok {
		return n.resolve(ids)
	}
	if ids, ok := n.short[string(key)]; ok {
		return n.resolve(ids)
	}
	return 0, fail(CodeUnknownPerson, s)
}

// resolve turns candidates into one id or an ambiguity.
func (n Names) resolve(idx []int32) (int64, error) {
	id := n.people[idx[0]].ID
	same := true
	for _, i := range idx[1:] {
		same = same && n.people[i].ID == id
	}
	if same {
		return id, nil
	}
	seen := map[int64]bool{}
	count := map[string]int{}
	var who []Person
	for _, i := range idx {
		p := n.people[i]
		if !seen[p.ID] {
			seen[p.ID] = true
			p.FullName = strings.Join(strings.Fields(p.FullName), " ")
			who = append(who, p)
			count[p.FullName]++
		}
	}
	names := make([]string, len(who))
	for i, p := range who {
		names[i] = p.FullName
		if count[p.FullName] > 1 {
			names[i] += " (" + strconv.FormatInt(p.ID, 10) + ")"
		}
	}
	sort.Strings(names)
	return 0, fail(CodeAmbiguousPerson, strings.Join(names, ", "))
}
