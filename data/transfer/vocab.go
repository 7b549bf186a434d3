package transfer

import (
	"sync"

	"leadboard/assets/locale"
	"leadboard/data"
	"leadboard/data/parse"
)

// vocabulary is an enumeration as files write it: the stored code, its names in both
// languages from the app's translations (so an exported file imports back), and the
// other spellings offices use.
type vocabulary struct {
	prefix string              // translation key prefix, e.g. "client.status."
	codes  []string            // stored codes
	extra  map[string][]string // more synonyms per code
	parser func() parse.Enum   // built once, on first use
}

func newVocabulary(prefix string, codes []string, extra map[string][]string) *vocabulary {
	v := &vocabulary{prefix: prefix, codes: codes, extra: extra}
	v.parser = sync.OnceValue(func() parse.Enum {
		synonyms := map[string][]string{}
		for _, code := range v.codes {
			names := append([]string{code}, v.extra[code]...)
			for _, lang := range []string{locale.Russian, locale.English} {
				names = append(names, v.name(lang, code))
			}
			synonyms[code] = names
		}
		return parse.NewEnum(synonyms)
	})
	return v
}

// enum is the parser of the vocabulary's words.
func (v *vocabulary) enum() parse.Enum { return v.parser() }

// name writes a code in a language, as the app shows it (codes without a prefix,
// such as tiers, are written as they are).
func (v *vocabulary) name(lang, code string) string {
	if code == "" || v.prefix == "" {
		return code
	}
	return catalog(lang).T(v.prefix+code, nil)
}

// names are the vocabulary's words in a language, as the app shows them.
func (v *vocabulary) names(lang string) []string {
	out := make([]string, len(v.codes))
	for i, code := range v.codes {
		out[i] = v.name(lang, code)
	}
	return out
}

// catalogs holds both languages' messages, loaded once.
var catalogs = sync.OnceValue(func() map[string]locale.Catalog {
	out := map[string]locale.Catalog{}
	for _, lang := range []string{locale.Russian, locale.English} {
		c, err := locale.Load(lang)
		if err != nil {
			c = locale.Catalog{} // embedded at build time; an empty catalog writes the codes
		}
		out[lang] = c
	}
	return out
})

func catalog(lang string) locale.Catalog {
	if c, ok := catalogs()[lang]; ok {
		return c
	}
	return catalogs()[locale.English]
}

func strs[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

var (
	staffStatuses = newVocabulary("staff.status.", strs(data.StaffStatuses), map[string][]string{
		"active":   {"работает", "активен", "активна", "в штате", "работающий"},
		"on_leave": {"отпуск", "в декрете", "декрет", "leave", "on leave", "больничный"},
		"left":     {"уволен", "уволена", "уволился", "уволилась", "ушёл", "ушла", "архив", "dismissed", "former"},
	})
	clientStatuses = newVocabulary("client.status.", strs(data.ClientStatuses), map[string][]string{
		"prospect": {"потенциальный", "потенциальный клиент", "лид", "переговоры", "lead", "new"},
		"active":   {"активный", "в работе", "действующий", "current"},
		"paused":   {"пауза", "приостановлен", "на паузе", "on hold"},
		"churned":  {"ушёл", "ушел", "потерян", "закрыт", "отказ", "lost", "closed"},
	})
	tiers = newVocabulary("", data.Tiers, nil)
	roles = newVocabulary("role.", []string{string(data.RoleLead), string(data.RoleBackup)}, map[string][]string{
		"lead":   {"ведущий", "основной", "ответственный", "аккаунт", "main", "primary"},
		"backup": {"замещающий", "заместитель", "резервный", "второй", "secondary", "deputy"},
	})
	channels = newVocabulary("channel.", data.Channels, map[string][]string{
		"call":      {"звонок", "телефон", "phone"},
		"email":     {"почта", "e-mail", "эл. почта", "электронная почта", "письмо", "mail"},
		"meeting":   {"встреча", "созвон", "видеовстреча", "zoom"},
		"messenger": {"мессенджер", "telegram", "телеграм", "whatsapp", "ватсап", "чат", "chat"},
	})
	kinds = newVocabulary("kind.", data.InteractionKinds, map[string][]string{
		"request":     {"запрос", "вопрос", "обращение", "задача"},
		"complaint":   {"жалоба", "претензия", "рекламация"},
		"escalation":  {"эскалация"},
		"report_sent": {"отчёт", "отчет", "отправлен отчёт", "отчёт отправлен", "report"},
		"meeting":     {"встреча", "совещание"},
		"upsell":      {"допродажа", "апсейл", "up-sell"},
		"cross_sell":  {"кросс-продажа", "кросс продажа", "кросселл"},
		"renewal":     {"продление", "пролонгация"},
		"feedback":    {"отзыв", "обратная связь", "оценка"},
	})
	contractStatuses = newVocabulary("contract.status.", strs(data.ContractStatuses), map[string][]string{
		"draft":      {"проект", "черновик"},
		"active":     {"действует", "действующий", "активный"},
		"ended":      {"истёк", "истек", "завершён", "завершен", "закрыт"},
		"terminated": {"расторгнут"},
	})
	reporting = newVocabulary("report.", data.ReportFrequencies, map[string][]string{
		"none":      {"нет", "без отчётов", "—", "-"},
		"weekly":    {"еженедельно", "раз в неделю", "неделя", "week"},
		"biweekly":  {"раз в две недели", "две недели", "каждые две недели", "2 недели", "fortnightly"},
		"monthly":   {"ежемесячно", "раз в месяц", "месяц", "month"},
		"quarterly": {"ежеквартально", "раз в квартал", "квартал", "quarter"},
	})
	services = newVocabulary("service.", data.Services, map[string][]string{
		"media_buying": {"баинг", "закупка", "медиабаинг", "медиа", "buying", "media"},
		"creative":     {"креатив", "дизайн"},
		"analytics":    {"аналитика", "веб-аналитика"},
		"smm":          {"смм", "соцсети", "социальные сети"},
		"seo":          {"сео", "поисковое продвижение"},
		"pr":           {"пиар", "связи с общественностью"},
		"content":      {"контент"},
		"web":          {"сайт", "сайты", "разработка", "website"},
		"events":       {"мероприятия", "ивенты", "event"},
	})
)
