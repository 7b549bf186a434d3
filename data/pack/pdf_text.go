package pack

import (
	"strings"
	"sync"
	"unicode"

	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"

	"leadboard/assets"
)

// notoGlyphs tells which characters the embedded font can draw.
var notoGlyphs = sync.OnceValue(func() *truetype.Font {
	f, err := truetype.Parse(assets.FontRegular)
	if err != nil {
		panic(err) // the font is embedded: a build without it cannot run
	}
	return f
})

// lookalikes stand in for characters Noto Sans lacks but the app writes: the charts'
// true minus, comparison signs and arrows.
var lookalikes = map[rune]string{
	'\u2212': "\u2013", // minus: an en dash is as wide as a digit too
	'≤':      "<=",
	'≥':      ">=",
	'≈':      "~",
	'→':      "->",
	'←':      "<-",
	'∞':      "inf",
}

// printable is s with every character the font can draw: a missing one is replaced by
// a lookalike or the replacement character rather than an empty box. fpdf also cannot
// index characters beyond the Basic Multilingual Plane (emoji) and would panic.
func printable(s string) string {
	font := notoGlyphs()
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == ' ':
			b.WriteRune(r)
		case r == '\t':
			b.WriteRune(' ')
		case unicode.IsControl(r):
		case r <= 0xFFFF && font.Index(r) != 0:
			b.WriteRune(r)
		case lookalikes[r] != "":
			b.WriteString(lookalikes[r])
		default:
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}

// wrapText breaks text into lines no wider than width (mm) in the current font. Lines
// break at plain spaces only: a no-break space keeps "1 234 ₽" together. A word wider
// than a line is cut between letters. Newlines start a new line.
func wrapText(pdf *fpdf.Fpdf, text string, width float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapParagraph(pdf, para, width)...)
	}
	return lines
}

func wrapParagraph(pdf *fpdf.Fpdf, para string, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Split(para, " ") {
		if word == "" {
			continue
		}
		candidate := word
		if line != "" {
			candidate = line + " " + word
		}
		if pdf.GetStringWidth(candidate) <= width {
			line = candidate
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		pieces := cutWord(pdf, word, width)
		lines = append(lines, pieces[:len(pieces)-1]...)
		line = pieces[len(pieces)-1]
	}
	return append(lines, line)
}

// cutWord splits a word into pieces no wider than width, at least one letter each.
func cutWord(pdf *fpdf.Fpdf, word string, width float64) []string {
	var pieces []string
	piece := ""
	for _, r := range word {
		if piece != "" && pdf.GetStringWidth(piece+string(r)) > width {
			pieces = append(pieces, piece)
			piece = ""
		}
		piece += string(r)
	}
	return append(pieces, piece)
}

// fitLine is text shortened with an ellipsis to fit width on one line.
func fitLine(pdf *fpdf.Fpdf, text string, width float64) string {
	if pdf.GetStringWidth(text) <= width {
		return text
	}
	runes := []rune(text)
	for len(runes) > 0 && pdf.GetStringWidth(string(runes)+"…") > width {
		runes = runes[:len(runes)-1]
	}
	return strings.TrimRight(string(runes), " ") + "…"
}
