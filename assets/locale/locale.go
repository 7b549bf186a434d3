// Package locale formats numbers, money and dates the way each UI language writes
// them, and translates messages for the parts of the program without Fyne (the
// command line). The UI, the charts and the exports share it so a figure reads the
// same everywhere.
package locale

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"

	"leadboard/assets"
)

// Supported languages.
const (
	Russian = "ru"
	English = "en"
)

// Normalize maps a locale name ("ru_RU.UTF-8", "ru-RU", "EN") to a supported
// language; ok is false for anything else.
func Normalize(name string) (lang string, ok bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	switch {
	case strings.HasPrefix(name, "ru"):
		return Russian, true
	case strings.HasPrefix(name, "en"):
		return English, true
	}
	return English, false
}

// FromEnv picks the language from the POSIX locale variables, falling back to English.
func FromEnv() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if value := os.Getenv(v); value != "" {
			if value == "C" || value == "POSIX" || strings.HasPrefix(value, "C.") {
				return English
			}
			lang, _ := Normalize(value)
			return lang
		}
	}
	return English
}

// Int writes a whole number with the language's digit grouping: 1 234 567 / 1,234,567.
func Int(lang string, v int64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	digits := strconv.FormatInt(v, 10)
	sep := ","
	if lang == Russian {
		sep = "\u00a0" // non-breaking space, as Russian typography groups digits
	}
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Number writes v with at most the given decimals and the language's decimal mark;
// trailing zeros are dropped (0,5 / 0.5; 1).
func Number(lang string, v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	n, _ := strconv.ParseInt(whole, 10, 64)
	out := Int(lang, n)
	if frac != "" {
		mark := "."
		if lang == Russian {
			mark = ","
		}
		out += mark + frac
	}
	if v < 0 && out != "0" {
		out = "-" + out
	}
	return out
}

// Money writes a sum in roubles: 1 234 567 ₽ / 1,234,567 RUB.
func Money(lang string, roubles int64) string {
	if lang == Russian {
		return Int(lang, roubles) + "\u00a0₽"
	}
	return Int(lang, roubles) + " RUB"
}

// DateLayout is how the language writes a date: 31.12.2026 / 2026-12-31.
func DateLayout(lang string) string {
	if lang == Russian {
		return "02.01.2006"
	}
	return "2006-01-02"
}

// Date writes a date, or "" for the zero time.
func Date(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout(lang))
}

// DateTime writes a date with hours and minutes, or "" for the zero time.
func DateTime(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout(lang) + " 15:04")
}

// Catalog is one language's messages, for code that does not use Fyne's lang package.
type Catalog map[string]string

// Load reads a language's messages from the embedded translations.
func Load(lang string) (Catalog, error) {
	raw, err := assets.Translations.ReadFile("translations/" + lang + ".json")
	if err != nil {
		return nil, err
	}
	var entries map[string]any
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, err
	}
	c := Catalog{}
	for k, v := range entries {
		if s, ok := v.(string); ok {
			c[k] = s
		}
	}
	return c, nil
}

// T renders a message with its {{.Name}} placeholders; an unknown key renders as itself.
func (c Catalog) T(key string, data map[string]any) string {
	msg, ok := c[key]
	if !ok {
		return key
	}
	if !strings.Contains(msg, "{{") {
		return msg
	}
	tmpl, err := template.New(key).Option("missingkey=zero").Parse(msg)
	if err != nil {
		return msg
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, data); err != nil {
		return msg
	}
	return b.String()
}

// PluralForm picks the form of a counted noun: "one", "few" or "many". Every counted
// message has all three forms in both languages (English uses "one" and "many").
func PluralForm(lang string, n int) string {
	if n < 0 {
		n = -n
	}
	if lang != Russian {
		if n == 1 {
			return "one"
		}
		return "many"
	}
	switch mod10, mod100 := n%10, n%100; {
	case mod10 == 1 && mod100 != 11:
		return "one"
	case mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14):
		return "few"
	default:
		return "many"
	}
}

// FormatParams writes a message's dates and numbers the language's way, leaving
// other values as they are.
func FormatParams(lang string, params map[string]any) map[string]any {
	out := make(map[string]any, len(params))
	for k, v := range params {
		switch x := v.(type) {
		case time.Time:
			out[k] = Date(lang, x)
		case float64:
			out[k] = Number(lang, x, 2)
		case int:
			out[k] = Int(lang, int64(x))
		case int64:
			out[k] = Int(lang, x)
		default:
			out[k] = v
		}
	}
	return out
}

// messages are the embedded catalogues, loaded once each: charts look their words
// up on every redraw.
var messages = map[string]func() Catalog{
	Russian: sync.OnceValue(func() Catalog { return mustLoad(Russian) }),
	English: sync.OnceValue(func() Catalog { return mustLoad(English) }),
}

func mustLoad(lang string) Catalog {
	c, err := Load(lang)
	if err != nil {
		panic(err) // the translations are embedded: a build without them cannot run
	}
	return c
}

// Messages is a language's catalogue (English for any other language).
func Messages(lang string) Catalog {
	if m, ok := messages[lang]; ok {
		return m()
	}
	return messages[English]()
}
