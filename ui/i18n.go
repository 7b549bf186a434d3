package ui

import (
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2/lang"

	"leadboard/assets"
	"leadboard/assets/locale"
)

// uiLang is the language the window speaks ("ru" or "en"). It changes only when
// the user picks another language; background goroutines read it to format text.
var uiLang atomic.Value

func init() { uiLang.Store(locale.English) }

// currentLang is the UI language.
func currentLang() string { return uiLang.Load().(string) }

// resolveLanguage picks the language: the explicit choice, else the system
// locale when it is Russian or English, else English.
func resolveLanguage(choice string) string {
	if l, ok := locale.Normalize(choice); ok {
		return l
	}
	l, _ := locale.Normalize(lang.SystemLocale().String())
	return l
}

// setLanguage makes Fyne speak the chosen language whatever the system locale:
// Fyne always uses the translation closest to the system locale, so the chosen file
// is registered under the system locale's name as well. Widgets built afterwards
// use it; the window rebuilds its content to apply it at once.
func setLanguage(choice string) error {
	chosen := resolveLanguage(choice)
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		return err
	}
	content, err := assets.Translations.ReadFile("translations/" + chosen + ".json")
	if err != nil {
		return err
	}
	if err := lang.AddTranslationsForLocale(content, lang.SystemLocale()); err != nil {
		return err
	}
	uiLang.Store(chosen)
	return nil
}

// T translates a key.
func T(key string) string { return lang.X(key, key) }

// Tf translates a key and fills its {{.Name}} placeholders.
func Tf(key string, data map[string]any) string { return lang.X(key, key, data) }

// Tn translates a counted phrase: key.one / key.few / key.many with {{.Count}}.
func Tn(key string, n int) string {
	form := locale.PluralForm(currentLang(), n)
	return lang.X(key+"."+form, key, map[string]any{"Count": locale.Int(currentLang(), int64(n))})
}

func money(v int64) string { return locale.Money(currentLang(), v) }

func number(v float64, decimals int) string { return locale.Number(currentLang(), v, decimals) }

func integer(v int) string { return locale.Int(currentLang(), int64(v)) }

func date(t time.Time) string { return locale.Date(currentLang(), t) }

func dateTime(t time.Time) string { return locale.DateTime(currentLang(), t) }

func dateLayout() string { return locale.DateLayout(currentLang()) }

// parseNumber reads a number typed with either decimal mark and optional spaces
// between digit groups ("1 250 000", "0,5").
func parseNumber(s string) (float64, bool) {
	clean := make([]rune, 0, len(s))
	for _, r := range s {
		switch r {
		case ' ', '\u00a0', '\u202f', '_':
		case ',':
			clean = append(clean, '.')
		default:
			clean = append(clean, r)
		}
	}
	v, err := strconv.ParseFloat(string(clean), 64)
	return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) && !strings.ContainsAny(string(clean), "xXpP")
}

// parseInteger reads a whole number typed with optional spaces between digit groups.
func parseInteger(s string) (int64, bool) {
	v, ok := parseNumber(s)
	if !ok || v != math.Trunc(v) || math.Abs(v) > 1e15 {
		return 0, false
	}
	return int64(v), true
}
