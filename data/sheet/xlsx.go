package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"

	"strings"
	"sync/atomic"
	"time"

	"github.com/xuri/excelize/v2"
)

type xlsxSource struct {
	all      []string // every sheet of the workbook
	f        *excelize.File
	rows     *excelize.Rows
	sheet    string
	date1904 bool
	row      atomic.Int64 // rows passed, for Progress
	lastRow  int          // from the sheet's dimension; 0 if unknown
	done     atomic.Bool
	closed   bool
}

func openXLSX(path string, opt Options) (_ Reader, err error) {
	// A crafted or broken workbook must not bring the app down.
	var f *excelize.File
	defer func() {
		if p := recover(); p != nil {
			if f != nil {
				f.Close()
			}
			err = formatErr(ProblemBadXLSX, "the workbook could not be parsed (%v)", p)
		}
	}()
	f, err = excelize.OpenFile(path)
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, badXLSX(err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, &FormatError{Problem: ProblemBadXLSX, Detail: "the workbook has no sheets"}
	}
	sheet := ""
	if opt.Sheet == "" {
		sheet = sheets[0]
		for _, s := range sheets {
			if visible, err := f.GetSheetVisible(s); err == nil && visible {
				sheet = s
				break
			}
		}
	} else {
		for _, s := range sheets {
			if s == opt.Sheet {
				sheet = s
				break
			}
			if sheet == "" && strings.EqualFold(s, opt.Sheet) {
				sheet = s
			}
		}
		if sheet == "" {
			f.Close()
			return nil, &FormatError{Problem: ProblemNoSheet, Detail: strings.Join(quoteAll(sheets), ", ")}
		}
	}
	src := &xlsxSource{f: f, sheet: sheet, all: sheets}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		src.date1904 = *props.Date1904
	}
	if err := prepareStyles(f); err != nil {
		f.Close()
		return nil, badXLSX(err)
	}
	if dim, err := f.GetSheetDimension(sheet); err == nil && dim != "" {
		_, last, _ := strings.Cut(dim, ":")
		if last == "" {
			last = dim
		}
		if _, row, err := excelize.CellNameToCoordinates(last); err == nil {
			src.lastRow = row
		}
	}
	if src.lastRow <= 1 {
		// Excelize and some other writers leave the dimension at "A1".
		src.lastRow = countRows(path, f, sheet)
	}
	if src.rows, err = f.Rows(sheet); err != nil {
		f.Close()
		return nil, badXLSX(err)
	}
	return newReader(src, opt)
}

func badXLSX(err error) error {
	detail := err.Error()
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword):
		detail = "an encrypted workbook or not a workbook: " + detail
	}
	return &FormatError{Problem: ProblemBadXLSX, Detail: detail}
}

func quoteAll(ss []string) []string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "«" + s + "»"
	}
	return q
}

func (s *xlsxSource) next() (num int, cells []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			num, cells, err = 0, nil, formatErr(ProblemBadXLSX, "row %d could not be parsed (%v)", s.row.Load(), p)
		}
	}()
	if !s.rows.Next() {
		s.done.Store(true)
		if err := s.rows.Error(); err != nil {
			return 0, nil, &FormatError{Problem: ProblemBadXLSX, Detail: err.Error()}
		}
		return 0, nil, io.EOF
	}
	num = int(s.row.Add(1))
	cells, err = s.rows.Columns()
	if err != nil {
		return 0, nil, formatErr(ProblemBadXLSX, "row %d: %v", num, err)
	}
	for i, c := range cells {
		if strings.IndexByte(c, markerByte) >= 0 {
			cells[i] = s.dateCell(c)
		}
	}
	return num, cells, nil
}

func (s *xlsxSource) progress() float64 {
	if s.done.Load() {
		return 1
	}
	if s.lastRow <= 1 {
		return 0
	}
	return min(float64(s.row.Load())/float64(s.lastRow), 0.99)
}

func (s *xlsxSource) source() Source { return Source{Format: FormatXLSX, Sheet: s.sheet} }

func (s *xlsxSource) sheets() []string {
	out := []string{s.sheet}
	for _, name := range s.all {
		if name != s.sheet {
			out = append(out, name)
		}
	}
	return out
}

func (s *xlsxSource) close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	s.done.Store(true)
	var err error
	if s.rows != nil {
		err = s.rows.Close()
	}
	return errors.Join(err, s.f.Close())
}

// Dates. Excelize's streaming rows give each cell's text after its number
// format, but not the format itself. To get both the raw value and whether it
// is a date, prepareStyles rewrites the workbook's cell formats in memory
// (the file is never saved): formats that show numbers as they are get none
// (raw values, no grouping), and date and time formats get one that writes a
// marker, a kind letter and the raw serial number, which dateCell turns into
// ISO text. The marker starts with a control character that XML text cannot
// hold, so a text cell cannot fake it.
const (
	markerByte = 0x1F
	marker     = "\x1F\uE000"
	kindDate   = 'D' // a date, or a date and time
	kindTime   = 'T' // a time of day
	kindSpan   = 'S' // elapsed time ([h]:mm)
)

func prepareStyles(f *excelize.File) error {
	if f.Styles == nil || f.Styles.CellXfs == nil {
		return nil
	}
	custom := map[int]string{}
	if f.Styles.NumFmts != nil {
		for _, nf := range f.Styles.NumFmts.NumFmt {
			code := nf.FormatCode
			if nf.FormatCode16 != "" {
				code = nf.FormatCode16
			}
			custom[nf.NumFmtID] = code
		}
	}
	n := len(f.Styles.CellXfs.Xf) // the styles added below are left alone
	ids := map[byte]*int{}
	for _, kind := range []byte{kindDate, kindTime, kindSpan} {
		code := `"` + marker + string(kind) + `"0.0##########`
		if _, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code}); err != nil {
			return err
		}
		for _, nf := range f.Styles.NumFmts.NumFmt {
			if nf.FormatCode == code {
				id := nf.NumFmtID
				ids[kind] = &id
			}
		}
		if ids[kind] == nil {
			return errors.New("cannot add a number format")
		}
	}
	raw := -1 // no such format: the value comes back as it is
	for i := range n {
		xf := &f.Styles.CellXfs.Xf[i]
		id := 0
		if xf.NumFmtID != nil {
			id = *xf.NumFmtID
		}
		var kind byte
		if code, ok := custom[id]; ok {
			kind = classifyFormat(code)
		} else {
			kind = builtinKind(id)
		}
		if kind == 0 {
			xf.NumFmtID = &raw
		} else {
			xf.NumFmtID = ids[kind]
		}
	}
	return nil
}

// builtinKind classifies Excel's built-in number formats.
func builtinKind(id int) byte {
	switch {
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 31, id == 36, id >= 50 && id <= 58:
		return kindDate
	case id >= 18 && id <= 21, id == 45, id == 47, id >= 32 && id <= 35:
		return kindTime
	case id == 46:
		return kindSpan
	}
	return 0
}

// classifyFormat tells whether a custom number format shows a date, a time,
// or elapsed time, from its tokens outside quoted text, escapes and
// brackets ([Red], [$-419]; [h], [mm], [ss] mean elapsed time).
func classifyFormat(code string) byte {
	var date, clock, month, span bool
	lower := strings.ToLower(code)
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		switch c {
		case '"':
			j := strings.IndexByte(lower[i+1:], '"')
			if j < 0 {
				return 0
			}
			i += j + 1
		case '\\', '_', '*':
			i++ // the next character is literal (or padding)
		case '[':
			j := strings.IndexByte(lower[i+1:], ']')
			if j < 0 {
				return 0
			}
			inner := lower[i+1 : i+1+j]
			if strings.Trim(inner, "hms") == "" && inner != "" {
				span = true
			}
			i += j + 1
		case 'a':
			if strings.HasPrefix(lower[i:], "am/pm") {
				i += len("am/pm") - 1
				clock = true
			} else if strings.HasPrefix(lower[i:], "a/p") {
				i += len("a/p") - 1
				clock = true
			}
		case 'y', 'd':
			date = true
		case 'h', 's':
			clock = true
		case 'm':
			month = true
		}
	}
	switch {
	case span:
		return kindSpan
	case date:
		return kindDate
	case clock:
		return kindTime
	case month:
		return kindDate
	}
	return 0
}

// dateCell turns a marked cell (marker, kind, serial) into ISO text: a date
// "2006-01-02", a date and time "2006-01-02 15:04", a time of day "15:04" or
// elapsed time "36:15". Values that are no valid date come back as numbers.
func (s *xlsxSource) dateCell(c string) string {
	before, after, ok := strings.Cut(c, marker)
	if !ok || after == "" {
		return strings.ReplaceAll(c, "\x1F", "")
	}
	kind, num := after[0], after[1:]
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return c
	}
	if strings.Contains(before, "-") {
		v = -v
	}
	if v < 0 || v == 0 && kind == kindDate || v >= 2958466 { // no date, or after 9999
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	if kind == kindSpan {
		mins := int64(math.Round(v * 24 * 60))
		return fmt.Sprintf("%d:%02d", mins/60, mins%60)
	}
	t, err := excelize.ExcelDateToTime(v, s.date1904)
	if err != nil {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	t = t.Round(time.Second).Truncate(time.Minute)
	if v < 1 && !s.date1904 {
		return t.Format("15:04") // a time of day only
	}
	if kind == kindTime || t.Hour() != 0 || t.Minute() != 0 {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("2006-01-02")
}

// countRows counts the row elements of a sheet's XML, read straight from the
// package, for Progress when the sheet's dimension does not tell its size.
// It returns 0 when it cannot tell. The last-row number is not needed
// exactly: rows are counted as Next passes them and progress stops at 0.99.
func countRows(file string, f *excelize.File, sheet string) int {
	if f.WorkBook == nil || f.WorkBook.Sheets.Sheet == nil {
		return 0
	}
	rid := ""
	for _, s := range f.WorkBook.Sheets.Sheet {
		if s.Name == sheet {
			rid = s.ID
		}
	}
	z, err := zip.OpenReader(file)
	if err != nil {
		return 0
	}
	defer z.Close()
	open := func(name string) io.ReadCloser {
		for _, e := range z.File {
			if strings.EqualFold(strings.ReplaceAll(e.Name, "\\", "/"), name) {
				if rc, err := e.Open(); err == nil {
					return rc
				}
			}
		}
		return nil
	}
	rc := open("xl/_rels/workbook.xml.rels")
	if rc == nil {
		return 0
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	err = xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&rels)
	rc.Close()
	if err != nil {
		return 0
	}
	part := ""
	for _, r := range rels.Rel {
		if r.ID == rid {
			part = r.Target
		}
	}
	if part == "" {
		return 0
	}
	if strings.HasPrefix(part, "/") {
		part = strings.TrimPrefix(part, "/")
	} else {
		part = path.Join("xl", part)
	}
	if rc = open(part); rc == nil {
		return 0
	}
	defer rc.Close()
	return countRowTags(rc)
}

// countRowTags counts "<row " and "<row>" start tags (also with a
// namespace prefix, "<x:row ") in XML.
func countRowTags(r io.Reader) int {
	const keep = 32 // bytes carried over: a tag may be cut by the chunk's end
	n := 0
	buf := make([]byte, keep+64<<10)
	carry := 0
	for {
		k, err := io.ReadFull(r, buf[carry:])
		chunk := buf[:carry+k]
		for i := 0; ; {
			j := bytes.Index(chunk[i:], []byte("row"))
			if j < 0 || i+j+3 >= len(chunk) {
				break
			}
			at := i + j
			i = at + 3
			if at+3 < carry {
				continue // counted with the previous chunk
			}
			if c := chunk[at+3]; c != ' ' && c != '>' && c != '\t' && c != '\n' && c != '\r' {
				continue
			}
			b := at - 1
			if b >= 0 && chunk[b] == ':' { // a prefix: walk back over its name
				b--
				for b >= 0 && isNameByte(chunk[b]) {
					b--
				}
			}
			if b >= 0 && chunk[b] == '<' {
				n++
			}
		}
		if err != nil {
			return n
		}
		carry = min(keep, len(chunk))
		copy(buf, chunk[len(chunk)-carry:])
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}
