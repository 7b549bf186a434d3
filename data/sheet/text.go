package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sampleSize is how much of a text file decides its encoding and delimiter.
const sampleSize = 64 << 10

// maxRecordBytes bounds one record (line, or a quoted field spanning lines):
// beyond it the file is reported as malformed instead of being read into
// memory whole (an unterminated quote would otherwise swallow the rest).
var maxRecordBytes = 8 << 20

// Encoding names.
const (
	encUTF8    = "UTF-8"
	encUTF16LE = "UTF-16LE"
	encUTF16BE = "UTF-16BE"
	enc1251    = "windows-1251"
)

type textSource struct {
	file  *os.File
	size  int64
	count *countingReader
	csv   *csv.Reader
	track *quoteTracker
	enc   func() string // current encoding name (the ASCII-so-far decoder may switch)
	bom   bool
	delim rune
	done  atomic.Bool
}

func newTextSource(f *os.File, size int64) (*textSource, error) {
	cr := &countingReader{r: f}
	br := bufio.NewReaderSize(cr, sampleSize)
	sample, err := br.Peek(sampleSize)
	whole := false
	switch err {
	case nil:
	case io.EOF:
		whole = true
	default:
		if !errors.Is(err, bufio.ErrBufferFull) {
			return nil, err
		}
	}

	var (
		in   io.Reader = br
		text string    // decoded sample
		enc  func() string
		bom  bool
	)
	fixed := func(name string) func() string { return func() string { return name } }
	switch {
	case bytes.HasPrefix(sample, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		sample = sample[3:]
		valid, _ := utf8Prefix(sample, whole)
		text, _ = unicode.UTF8.NewDecoder().String(string(valid))
		in = transform.NewReader(br, unicode.UTF8.NewDecoder())
		enc, bom = fixed(encUTF8), true
	case bytes.HasPrefix(sample, []byte{0xFF, 0xFE}), bytes.HasPrefix(sample, []byte{0xFE, 0xFF}):
		order, name := unicode.LittleEndian, encUTF16LE
		if sample[0] == 0xFE {
			order, name = unicode.BigEndian, encUTF16BE
		}
		enc16 := unicode.UTF16(order, unicode.ExpectBOM)
		s := sample
		if !whole {
			s = s[:len(s)&^1]
		}
		text, _ = enc16.NewDecoder().String(string(s))
		if !whole && strings.HasSuffix(text, "\uFFFD") { // a surrogate pair cut by the sample
			text = text[:len(text)-len("\uFFFD")]
		}
		in = transform.NewReader(br, enc16.NewDecoder())
		enc = fixed(name)
	default:
		if bytes.IndexByte(sample, 0) >= 0 {
			return nil, &FormatError{Problem: ProblemBinary, Detail: "NUL bytes in a file that is not UTF-16"}
		}
		valid, ok := utf8Prefix(sample, whole)
		if !ok {
			// A few broken bytes in a UTF-8 file (a bad paste, a cut export)
			// do not make it Windows-1251: there, nearly every Cyrillic word
			// is invalid UTF-8 and valid sequences are rare accidents ("Сё").
			multi, bad := utf8Stats(valid)
			ok = multi > 4*bad
		}
		switch {
		case !ok:
			text, _ = charmap.Windows1251.NewDecoder().String(string(sample))
			in = transform.NewReader(br, charmap.Windows1251.NewDecoder())
			enc = fixed(enc1251)
		case !whole && isASCII(valid):
			// Nothing but ASCII so far: decide at the first non-ASCII byte.
			d := &autoDecoder{}
			text = string(valid)
			in = transform.NewReader(br, d)
			enc = d.name
		default:
			text, _ = unicode.UTF8.NewDecoder().String(string(valid))
			in = transform.NewReader(br, unicode.UTF8.NewDecoder())
			enc = fixed(encUTF8)
		}
	}
	if isBinaryText(text) {
		return nil, &FormatError{Problem: ProblemBinary, Detail: "control characters in the text"}
	}
	if !strings.Contains(text, "\n") && strings.Contains(text, "\r") {
		// Old Mac line ends (a lone CR): encoding/csv only knows LF.
		in = transform.NewReader(in, crToLF{})
	}
	delim := detectDelimiter(text, whole)
	track := &quoteTracker{r: in, delim: byte(delim), line: 1}
	r := csv.NewReader(track)
	r.Comma = delim
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return &textSource{file: f, size: size, count: cr, csv: r, track: track, enc: enc, bom: bom, delim: delim}, nil
}

func (s *textSource) next() (int, []string, error) {
	rec, err := s.csv.Read()
	if err != nil {
		if err == io.EOF {
			s.done.Store(true)
			return 0, nil, io.EOF
		}
		var fe *FormatError
		if errors.As(err, &fe) {
			return 0, nil, fe
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return 0, nil, &FormatError{Problem: ProblemBadCSV, Line: pe.StartLine, Detail: pe.Err.Error()}
		}
		return 0, nil, err
	}
	line, _ := s.csv.FieldPos(0)
	if s.track.unterminated() {
		if last, _ := s.csv.FieldPos(len(rec) - 1); last == s.track.quoteLine {
			return 0, nil, &FormatError{Problem: ProblemOpenQuote, Line: last}
		}
	}
	cells := make([]string, len(rec))
	copy(cells, rec)
	return line, cells, nil
}

func (s *textSource) progress() float64 {
	if s.done.Load() {
		return 1
	}
	if s.size <= 0 {
		return 0
	}
	return min(float64(s.count.n.Load())/float64(s.size), 1)
}

func (s *textSource) sheets() []string { return nil }

func (s *textSource) source() Source {
	return Source{Format: FormatCSV, Encoding: s.enc(), BOM: s.bom, Delimiter: s.delim}
}

func (s *textSource) close() error {
	s.done.Store(true)
	f := s.file
	s.file = nil
	if f == nil {
		return nil
	}
	return f.Close()
}

// countingReader counts the bytes read from the file, for Progress.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// utf8Prefix drops a rune cut off by the end of a partial sample (whole is
// false) and reports whether the rest is valid UTF-8.
func utf8Prefix(b []byte, whole bool) ([]byte, bool) {
	if utf8.Valid(b) {
		return b, true
	}
	if !whole {
		for k := 1; k <= utf8.UTFMax-1 && k <= len(b); k++ {
			if utf8.RuneStart(b[len(b)-k]) {
				if !utf8.FullRune(b[len(b)-k:]) {
					t := b[:len(b)-k]
					return t, utf8.Valid(t)
				}
				break
			}
		}
	}
	return b, false
}

// utf8Stats counts the valid multi-byte characters and the invalid bytes.
func utf8Stats(b []byte) (multi, bad int) {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			bad++
		} else {
			multi++
		}
		b = b[size:]
	}
	return multi, bad
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isBinaryText reports whether decoded text looks like binary data: more than
// 1% control characters (other than tab, line ends, form feed, vertical tab
// and the DOS end-of-file mark) or NUL.
func isBinaryText(s string) bool {
	n, bad := 0, 0
	for _, r := range s {
		n++
		switch {
		case r == 0:
			return true
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1A,
			r == 0x7F:
			bad++
		}
	}
	return bad > 0 && bad*100 >= n
}

// crToLF turns lone CR line ends into LF.
type crToLF struct{ transform.NopResetter }

func (crToLF) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	n := copy(dst, src)
	for i := range n {
		if dst[i] == '\r' {
			dst[i] = '\n'
		}
	}
	if n < len(src) {
		err = transform.ErrShortDst
	}
	return n, n, err
}

// autoDecoder passes ASCII through and, at the first non-ASCII byte, decides
// between UTF-8 and Windows-1251 for the rest of the stream. It serves files
// whose first 64 KB are plain ASCII.
type autoDecoder struct {
	transform.NopResetter
	inner   transform.Transformer
	decided atomic.Value // string
}

func (d *autoDecoder) name() string {
	if s, ok := d.decided.Load().(string); ok {
		return s
	}
	return encUTF8
}

func (d *autoDecoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if d.inner != nil {
		return d.inner.Transform(dst, src, atEOF)
	}
	i := 0
	for i < len(src) && src[i] < utf8.RuneSelf {
		i++
	}
	n := copy(dst, src[:i])
	if n < i {
		return n, n, transform.ErrShortDst
	}
	if i == len(src) {
		return n, n, nil
	}
	rest := src[i:]
	if !atEOF && !utf8.FullRune(rest) {
		return n, n, transform.ErrShortSrc
	}
	window := rest[:min(len(rest), 256)]
	if _, ok := utf8Prefix(window, atEOF && len(window) == len(rest)); ok {
		d.inner = unicode.UTF8.NewDecoder()
		d.decided.Store(encUTF8)
	} else {
		d.inner = charmap.Windows1251.NewDecoder()
		d.decided.Store(enc1251)
	}
	nd, ns, err := d.inner.Transform(dst[n:], rest, atEOF)
	return n + nd, n + ns, err
}

// quoteTracker watches the decoded text on its way to encoding/csv and
// follows its quoting rules (with LazyQuotes), so that an unterminated quote
// is reported with its line instead of silently swallowing the rest of the
// file, and a runaway record is stopped before it fills memory.
type quoteTracker struct {
	r         io.Reader
	delim     byte
	state     uint8
	line      int // current line, 1-based
	quoteLine int // line where the open quoted field began
	recBytes  int // bytes since the last record boundary
	eof       bool
}

const (
	qFieldStart = iota
	qUnquoted
	qQuoted
	qQuoteInQuoted // a quote seen inside a quoted field: end or escape
	qQuoteCR       // a closing quote followed by CR
)

func (t *quoteTracker) unterminated() bool { return t.eof && t.state == qQuoted }

func (t *quoteTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	for _, c := range p[:n] {
		t.recBytes++
		switch t.state {
		case qFieldStart, qUnquoted:
			switch c {
			case '\n':
				t.line++
				t.state, t.recBytes = qFieldStart, 0
			case t.delim:
				t.state = qFieldStart
			case '"':
				if t.state == qFieldStart {
					t.state, t.quoteLine = qQuoted, t.line
				}
			default:
				t.state = qUnquoted
			}
		case qQuoted:
			switch c {
			case '"':
				t.state = qQuoteInQuoted
			case '\n':
				t.line++
			}
		case qQuoteInQuoted:
			switch c {
			case '\n':
				t.line++
				t.state, t.recBytes = qFieldStart, 0
			case '\r':
				t.state = qQuoteCR
			case t.delim:
				t.state = qFieldStart
			default:
				t.state = qQuoted // a doubled quote, or a stray one kept by LazyQuotes
			}
		case qQuoteCR: // CR after a closing quote: the record ends only if LF follows
			switch c {
			case '\n':
				t.line++
				t.state, t.recBytes = qFieldStart, 0
			case '"':
				t.state = qQuoteInQuoted
			default:
				t.state = qQuoted
			}
		}
	}
	if t.recBytes > maxRecordBytes {
		if t.state == qQuoted {
			return n, &FormatError{Problem: ProblemOpenQuote, Line: t.quoteLine}
		}
		return n, &FormatError{Problem: ProblemLongLine, Line: t.line}
	}
	if err == io.EOF {
		t.eof = true
	}
	return n, err
}
