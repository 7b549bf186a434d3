package sheet

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"leadboard/data/table"
)

// CSVOptions tune WriteCSV.
type CSVOptions struct {
	Delimiter rune // default ';', what Russian Excel expects
	NoBOM     bool // default: write a UTF-8 BOM so that Excel detects UTF-8
}

// WriteCSV writes a table as delimited text: a header row with the column
// titles in lang ("ru" or "en"), then the rows. By default it is UTF-8 with a
// BOM and ';', which Russian Excel opens by double-click.
//
// Values by kind: Integer and Money as plain digits; Number and Percent with
// a decimal comma for "ru" unless the delimiter is ',' (Percent as a
// percentage: 0.25 is "25%"); Date "02.01.2006" for "ru", "2006-01-02"
// otherwise, DateTime with " 15:04"; Bool да/нет or yes/no; nil empty. Text
// starting with = + - @ tab or CR is prefixed with ' so that a spreadsheet
// does not run it as a formula; typed numbers are not touched.
func WriteCSV(w io.Writer, t table.Table, lang string, opt CSVOptions) error {
	delim := opt.Delimiter
	if delim == 0 {
		delim = ';'
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if !opt.NoBOM {
		if _, err := bw.WriteString("\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(bw)
	cw.Comma = delim
	cw.UseCRLF = true
	f := formatter{lang: lang, decimalComma: lang == "ru" && delim != ','}
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = guardFormula(c.Title(lang))
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	if t.Rows != nil {
		err := t.Rows(func(row []any) error {
			for i, c := range t.Columns {
				rec[i] = ""
				if i < len(row) {
					rec[i] = f.text(row[i], c.Kind, true)
				}
			}
			return cw.Write(rec)
		})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// guardFormula neutralises text that a spreadsheet would take for a formula.
func guardFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// formatter writes cell values as text in a language.
type formatter struct {
	lang         string
	decimalComma bool
}

func (f formatter) ru() bool { return f.lang == "ru" }

// text formats a value of a column of kind k. guard neutralises formulas in
// text values.
func (f formatter) text(v any, k table.Kind, guard bool) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		if guard {
			return guardFormula(v)
		}
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case int:
		return strconv.Itoa(v)
	case int32:
		return strconv.FormatInt(int64(v), 10)
	case float64:
		return f.float(v, k)
	case float32:
		return f.float(float64(v), k)
	case bool:
		switch {
		case v && f.ru():
			return "да"
		case f.ru():
			return "нет"
		case v:
			return "yes"
		}
		return "no"
	case time.Time:
		if v.IsZero() {
			return ""
		}
		layout := "2006-01-02"
		if f.ru() {
			layout = "02.01.2006"
		}
		if k == table.DateTime || (k != table.Date && (v.Hour() != 0 || v.Minute() != 0)) {
			layout += " 15:04"
		}
		return v.Format(layout)
	case fmt.Stringer:
		if guard {
			return guardFormula(v.String())
		}
		return v.String()
	}
	s := fmt.Sprint(v)
	if guard {
		return guardFormula(s)
	}
	return s
}

func (f formatter) float(v float64, k table.Kind) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if k == table.Percent {
		s = shiftDecimal(s, 2) + "%"
	}
	if f.decimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// shiftDecimal multiplies a decimal number written in digits by 10^n by
// moving its point, exactly: shiftDecimal("0.07", 2) is "7" where
// 0.07*100 is 7.000000000000001.
func shiftDecimal(s string, n int) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	ip, fp, _ := strings.Cut(s, ".")
	for len(fp) < n {
		fp += "0"
	}
	ip, fp = ip+fp[:n], fp[n:]
	ip = strings.TrimLeft(ip, "0")
	if ip == "" {
		ip = "0"
	}
	fp = strings.TrimRight(fp, "0")
	if ip == "0" && fp == "" {
		sign = ""
	}
	if fp == "" {
		return sign + ip
	}
	return sign + ip + "." + fp
}
