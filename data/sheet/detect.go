package sheet

// delimiters are the candidates, in order of preference on a tie: a tab is
// rare in text, ';' is what Russian Excel writes, ',' the rest of the world.
var delimiters = [...]rune{'\t', ';', ','}

// maxSampleRecords bounds the records looked at to choose the delimiter.
const maxSampleRecords = 100

// detectDelimiter chooses the delimiter of a text from its first records.
// It counts each candidate outside quoted fields in every non-blank record
// and picks the one whose most frequent non-zero count occurs in the most
// records (a decimal comma in a ';' file, or a title line above the header,
// does not make it win), then the one with more columns, then by preference.
// If the sample does not hold the whole file, its last record, which may be
// cut, is ignored.
func detectDelimiter(text string, whole bool) rune {
	var counts [len(delimiters)][]int
	var cur [len(delimiters)]int
	inQuote, atFieldStart, nonBlank := false, true, false
	records := 0
	endRecord := func() {
		if nonBlank {
			for i := range delimiters {
				counts[i] = append(counts[i], cur[i])
			}
			records++
		}
		cur = [len(delimiters)]int{}
		nonBlank, atFieldStart = false, true
	}
	isDelim := func(c byte) int {
		for i, d := range delimiters {
			if c == byte(d) {
				return i
			}
		}
		return -1
	}
	for i := 0; i < len(text) && records < maxSampleRecords; i++ {
		c := text[i]
		if inQuote {
			if c != '"' {
				continue
			}
			if i+1 < len(text) && text[i+1] == '"' {
				i++ // a doubled quote
				continue
			}
			if i+1 == len(text) {
				inQuote = false
				continue
			}
			if n := text[i+1]; n == '\n' || n == '\r' || isDelim(n) >= 0 {
				inQuote = false
			}
			continue
		}
		switch {
		case c == '\n':
			endRecord()
			continue
		case c == '"' && atFieldStart:
			inQuote, nonBlank = true, true
		case isDelim(c) >= 0:
			cur[isDelim(c)]++
			atFieldStart = true
			continue
		case c != ' ' && c != '\r':
			nonBlank = true
		}
		atFieldStart = false
	}
	if whole && records < maxSampleRecords && !inQuote {
		endRecord()
	}

	best, bestFreq, bestMode := ';', 0, 0
	for i, d := range delimiters {
		mode, freq := modeOf(counts[i])
		if freq > bestFreq || (freq == bestFreq && freq > 0 && mode > bestMode) {
			best, bestFreq, bestMode = d, freq, mode
		}
	}
	return best
}

// modeOf returns the most frequent non-zero value of counts (the larger on a
// tie) and how often it occurs.
func modeOf(counts []int) (mode, freq int) {
	seen := map[int]int{}
	for _, c := range counts {
		if c == 0 {
			continue
		}
		seen[c]++
		if f := seen[c]; f > freq || (f == freq && c > mode) {
			mode, freq = c, f
		}
	}
	return mode, freq
}
