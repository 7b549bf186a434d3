package demo

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strconv"

	"leadboard/data"
	"leadboard/data/audit"
)

// The department audits (issue 8): three audits a quarter apart, the last one in the
// month before AsOf, every item of the checklist rated. Reporting and the client
// database go from not in place to in place, procedures, grades, communication and
// risk work improve a step, contracts, coordination and the other departments stay
// where they were, and client management slips a step as clients leave. Items short
// of in place get a comment and an owner, and the gaps become action items: those of
// the first audit are done (one cancelled), those of the second mostly done with one
// open past its due date, those of the last one open.

// writeAuditAndPipeline writes issue 8's records after everything else: the audits
// and their actions, the register of procedures, the lead's health overrides and the
// opportunity pipeline.
func (g *gen) writeAuditAndPipeline(ctx context.Context, tx *sql.Tx, sum *Summary) error {
	w := &writer{ctx: ctx, tx: tx}
	g.writeAudits(w, sum)
	g.writeProcedures(w, sum)
	g.writeOverrides(w)
	g.writeOpportunities(w, sum)
	sum.Sliding = clientIDs(g.sliding)
	return w.err
}

const (
	notInPlace = iota
	partly
	inPlace
)

// sectionCourse is where a typical item of each section (1-10) stands at the three
// audits.
var sectionCourse = [10][3]int{
	{inPlace, inPlace, inPlace},   // contracts and obligations
	{partly, inPlace, inPlace},    // client communication
	{partly, partly, partly},      // internal coordination
	{notInPlace, partly, inPlace}, // reporting quality
	{inPlace, inPlace, partly},    // client management
	{notInPlace, partly, inPlace}, // client database and documents
	{notInPlace, partly, partly},  // procedures
	{partly, partly, inPlace},     // grades and development
	{partly, partly, partly},      // work with other departments
	{notInPlace, partly, partly},  // quality control and risks
}

// cleanSections tell their story item by item, without an item of their own that
// runs ahead or behind.
var cleanSections = []int{4, 6}

// auditItem is an item's rating in one audit.
type auditItem struct {
	code    string
	section int
	level   int
	owner   *person // nil when in place
}

func (g *gen) writeAudits(w *writer, sum *Summary) {
	last := g.cal.shiftWorking(g.asOf-day(g.aud.between(10, 25)), 0)
	held := [3]day{g.cal.shiftWorking(last.addMonths(-6), 0), g.cal.shiftWorking(last.addMonths(-3), 0), last}
	owners := g.owners(held[0])
	if len(owners) == 0 {
		return
	}
	g.aud.rng.Shuffle(len(owners), func(i, j int) { owners[i], owners[j] = owners[j], owners[i] })
	items := audit.Items()
	quirk := make([]int, len(items)) // an item a step ahead of or behind its section, the same at every audit
	for i, it := range items {
		if slices.Contains(cleanSections, it.Section) {
			continue
		}
		switch x := g.aud.rng.Float64(); {
		case x < 0.22:
			quirk[i] = -1
		case x < 0.36:
			quirk[i] = 1
		}
	}
	var next int64
	if w.err = w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) FROM audits`).Scan(&next); w.err != nil {
		return
	}
	audits := w.prep(`INSERT INTO audits (id, held_on, title) VALUES (?, ?, ?)`)
	rate := w.prep(`INSERT INTO audit_items (audit_id, item_code, rating, comment, evidence, owner_id) VALUES (?, ?, ?, ?, ?, ?)`)
	acts := &actionWriter{g: g, w: w, byItem: map[string]int{}, st: w.prep(`INSERT INTO actions (audit_id, item_code, what, owner_id, due_on, status, done_on)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)}
	for a, on := range held {
		next++
		w.exec(audits, next, on.String(), auditTitle(on))
		sum.Audits++
		var gaps []auditItem
		for i, it := range items {
			ai := auditItem{code: it.Code, section: it.Section,
				level: min(inPlace, max(notInPlace, sectionCourse[(it.Section-1)%10][a]+quirk[i]))}
			comment, evidence := g.comment(it.Code, ai.level), ""
			var owner any
			if ai.level < inPlace {
				ai.owner = owners[(it.Section-1)%len(owners)]
				owner = ai.owner.id
				gaps = append(gaps, ai)
			}
			if g.aud.chance(0.45) {
				evidence = g.auditEvidence(it, on)
			}
			w.exec(rate, next, it.Code, data.AuditRatings[ai.level], comment, evidence, owner)
			sum.AuditItems++
		}
		acts.fromAudit(next, a, on, gaps)
	}
	sum.Actions += acts.n
}

// owners are who can own an audit item, an action or a procedure: seniors and team
// leads at work now (not on leave, not leaving) who were hired by the day given;
// middles when there are too few of them.
func (g *gen) owners(by day) []*person {
	var out []*person
	for minGrade := senior; minGrade >= middle && len(out) < 3; minGrade-- {
		out = out[:0]
		for _, p := range g.persons {
			if p.left == 0 && p.leaveFrom == 0 && p.resigned == 0 && p.hire <= by && p.grade >= minGrade {
				out = append(out, p)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *person) int { return cmp.Compare(b.grade, a.grade) })
	return out[:min(len(out), 8)]
}

var romanQuarters = [4]string{"I", "II", "III", "IV"}

func auditTitle(on day) string {
	y, m, _ := on.civil()
	return "Аудит отдела, " + romanQuarters[(m-1)/3] + " квартал " + strconv.Itoa(y) + " года"
}

// auditEvidence is a note on what the auditor looked at, or a link to the audit's
// notes.
func (g *gen) auditEvidence(it audit.Item, on day) string {
	if n, ok := itemNotes[it.Code]; ok && g.aud.chance(0.6) {
		return n.evidence
	}
	return "https://wiki.example.ru/otdel/audit/" + on.String() + "#punkt-" + it.Code
}

// actionWriter turns an audit's gaps into action items.
type actionWriter struct {
	g      *gen
	w      *writer
	st     *sql.Stmt
	n      int
	byItem map[string]int // actions written per item so far
}

// actionsPerAudit is how many gaps of each audit become actions.
var actionsPerAudit = [3]int{7, 5, 4}

// fromAudit writes the actions of the a-th audit (0 the oldest), held on on: the
// worst gaps first, one per item.
func (aw *actionWriter) fromAudit(auditID int64, a int, on day, gaps []auditItem) {
	g := aw.g
	slices.SortStableFunc(gaps, func(x, y auditItem) int { return cmp.Compare(x.level, y.level) })
	gaps = gaps[:min(len(gaps), actionsPerAudit[a])]
	for k, gap := range gaps {
		what := actionText(gap.code, aw.byItem[gap.code])
		aw.byItem[gap.code]++
		due := g.cal.shiftWorking(on+day(g.aud.between(30, 75)), 0)
		status, done := "open", day(0)
		switch {
		case a == 0 && k == len(gaps)-1:
			status = "cancelled"
		case a == 0 || (a == 1 && k < len(gaps)-2):
			status = "done"
			done = g.cal.shiftWorking(on+day(g.aud.between(10, int(due-on)+10)), 0)
			if done >= g.asOf {
				done = g.cal.shiftWorking(g.asOf, -1)
			}
		case a == 1 && k == len(gaps)-2: // the one the Overview shows as overdue
			due = g.cal.shiftWorking(g.asOf-day(g.aud.between(6, 20)), 0)
		default: // open and not yet due
			due = max(due, g.cal.shiftWorking(g.asOf+day(g.aud.between(10, 45)), 0))
		}
		aw.w.exec(aw.st, auditID, gap.code, what, gap.owner.id, due.String(), status, dateOrNull(done))
		aw.n++
	}
}

// itemNotes are the auditor's words on each item of the checklist: why it is not in
// place, why only partly, and what was looked at.
type itemNote struct{ missing, partly, evidence string }

var itemNotes = map[string]itemNote{
	"1.1": {"Условия договоров с работой не сверяются, у части клиентов KPI в договоре не записаны.",
		"KPI записаны не во всех договорах, сверка с условиями идёт вручную.", "Сверка пяти договоров с отчётами за квартал"},
	"1.2": {"Договоры подписываются с опозданием, приложения теряются.",
		"Договоры оформлены, но дополнительные соглашения иногда подписываются позже начала работ.", "Выборка договоров крупных клиентов"},
	"1.3": {"Сроки отчётов по договорам не отслеживаются.",
		"Отчёты в основном уходят в срок, у двух клиентов были задержки.", "Журнал отправки отчётов за квартал"},
	"2.1": {"Ответы на запросы задерживаются, жалобы не записываются.",
		"Отвечают в основном вовремя, но разбор жалоб затягивается.", "Переписка с клиентами за последний месяц, выборочно"},
	"2.2": {"Отзывы клиентов не собираются.",
		"Опрос удовлетворённости проводится не у всех клиентов.", "Результаты опроса удовлетворённости"},
	"2.3": {"Конфликты разбираются от случая к случаю, итог никто не проверяет.",
		"Конфликты разбираются, но не всегда доводятся до конца.", "Разбор трёх последних жалоб"},
	"3.1": {"Задачи в другие отделы передаются устно, сведения теряются.",
		"Задачи передаются через базу, но брифы заполняются не полностью.", "Брифы в закупку и креатив за месяц"},
	"3.2": {"Встречи группы проходят нерегулярно, контроля задач нет.",
		"Еженедельные встречи проходят, но решения не записываются.", "Протоколы еженедельных встреч отдела"},
	"3.3": {"Работа с клиентами в базе почти не отражается.",
		"Статусы задач в базе обновляются не всеми.", "Список задач группы в базе"},
	"4.1": {"Единого шаблона отчёта нет, отчёты часто уходят позже срока.",
		"Шаблон отчёта утверждён, но пользуются им не все.", "Отчёты десяти клиентов за прошлый месяц"},
	"4.2": {"Отчёты сводятся к таблицам цифр без выводов, клиенты просят пояснений.",
		"Выводы и рекомендации есть не во всех отчётах.", "Отзывы клиентов об отчётах"},
	"4.3": {"Цифры в отчётах не сверяются с данными площадок перед отправкой.",
		"Проверка цифр перед отправкой пока выборочная.", "Сверка трёх отчётов с данными площадок"},
	"5.1": {"Нагрузка распределена неравномерно, у двоих клиентов заметно больше нормы.",
		"Нагрузку пересматривают, но у одного менеджера клиентов по-прежнему больше нормы.", "Распределение клиентов по менеджерам"},
	"5.2": {"Допродажи и смежные услуги клиентам не предлагаются.",
		"Предложения по новым услугам делаются редко и не у всех клиентов.", "Список предложений клиентам за полгода"},
	"5.3": {"Ушли два клиента, тревожные признаки заметили слишком поздно.",
		"Продления готовятся, но к части договоров приступают за месяц до конца.", "Список договоров, истекающих в ближайшие три месяца"},
	"6.1": {"Карточки клиентов заполнены частично, контакты и договоры хранятся у менеджеров.",
		"Карточки заполнены примерно наполовину, история взаимодействий ведётся не везде.", "Проверка десяти карточек клиентов в базе"},
	"6.2": {"Порядок работы с клиентами нигде не описан.",
		"Основные процессы описаны, внутренние процедуры пока нет.", "Описания процессов в общей базе знаний"},
	"6.3": {"Документы лежат в личных папках, найти их без менеджера нельзя.",
		"Общая папка заведена, перенос документов идёт.", "Содержимое общей папки с документами"},
	"7.1": {"Письменных правил почти нет, порядок работы передаётся на словах.",
		"Сроки ответа описаны, порядок согласования пока нет.", "Реестр регламентов отдела"},
	"7.2": {"Регламентов работы с другими отделами и подготовки отчётов нет.",
		"Регламент подготовки отчётов есть, работа с другими отделами не описана.", "Реестр регламентов отдела"},
	"7.3": {"С регламентами знакомы не все, как их соблюдают, никто не проверяет.",
		"Не все сотрудники ознакомились с последними версиями регламентов.", "Лист ознакомления с регламентами"},
	"8.1": {"Описаний грейдов нет.",
		"Грейды описаны, но оценку по ним прошли не все сотрудники.", "Описания грейдов и результаты последней оценки"},
	"8.2": {"Оценка работы проводится от случая к случаю, путь роста не описан.",
		"Оценка проходит, но планы развития составлены только у части сотрудников.", "Планы развития сотрудников"},
	"8.3": {"Обучение не планируется.",
		"Курсы есть, но записываются на них в основном сами сотрудники.", "План обучения на полугодие"},
	"9.1": {"Порядок передачи задач в другие отделы не описан.",
		"Порядок описан для закупки рекламы, для креатива и аналитики нет.", "Регламент передачи задач в закупку"},
	"9.2": {"Встреч с другими отделами нет, вопросы решаются в переписке.",
		"Встречи с закупкой и креативом проходят, с аналитикой пока нет.", "Протоколы встреч с закупкой и креативом"},
	"9.3": {"Запросы в другие отделы не отслеживаются, часть теряется.",
		"Запросы отслеживаются вручную, сроки иногда срываются.", "Журнал запросов в другие отделы"},
	"10.1": {"KPI по клиентам не отслеживаются, удержание и рост бюджета никто не считает.",
		"KPI разбираются ежемесячно, удержание клиентов пока не считается.", "Ежемесячный разбор KPI по клиентам"},
	"10.2": {"Отзывы других отделов не собираются.",
		"Отзывы собираются раз в полгода, но не от всех отделов.", "Отзывы других отделов за полугодие"},
	"10.3": {"Риски разбираются только после ухода клиента.",
		"Список клиентов в зоне риска ведётся, но решения доводятся до конца не всегда.", "Список клиентов в зоне риска"},
}

// inPlaceNotes are what the auditor writes now and then on an item in place.
var inPlaceNotes = []string{"Проверено, замечаний нет.", "Выполняется, подтверждено выборочной проверкой.",
	"Работает, стоит сохранить как есть.", "Замечания прошлого аудита устранены."}

// comment is the auditor's comment on an item at a level ("" for most items in place).
func (g *gen) comment(code string, level int) string {
	n, ok := itemNotes[code]
	switch {
	case level == notInPlace && ok:
		return n.missing
	case level == partly && ok:
		return n.partly
	case level < inPlace:
		return "Выполняется не полностью."
	case g.aud.chance(0.3):
		return pick2(&g.aud, inPlaceNotes)
	}
	return ""
}

// itemActions are the follow-ups of each item, the first for its first gap, the
// next for a gap that remains.
var itemActions = map[string][]string{
	"1.1":  {"Дописать KPI в договоры клиентов, где их нет", "Сверять работу с условиями договоров каждый месяц"},
	"1.2":  {"Завести календарь подписания договоров и дополнительных соглашений", "Проверять приложения к договорам при продлении"},
	"1.3":  {"Завести календарь сроков отчётов по договорам", "Разбирать каждую задержку отчёта на встрече группы"},
	"2.1":  {"Ввести срок ответа на запрос клиента и следить за ним", "Записывать каждую жалобу и срок её разбора"},
	"2.2":  {"Проводить опрос удовлетворённости раз в квартал", "Разбирать итоги опроса с каждым менеджером"},
	"2.3":  {"Назначать ответственного за разбор каждого конфликта", "Проверять через месяц, что договорённости с клиентом выполнены"},
	"3.1":  {"Ввести единую форму брифа для других отделов", "Проверять полноту брифов перед передачей"},
	"3.2":  {"Вести протокол еженедельной встречи группы", "Разбирать невыполненные решения в начале встречи"},
	"3.3":  {"Назначить ответственного за статусы задач в базе", "Проверять статусы задач в базе раз в неделю"},
	"4.1":  {"Утвердить единый шаблон ежемесячного отчёта", "Завести журнал отправки отчётов со сроками"},
	"4.2":  {"Добавить в отчёт выводы и рекомендации", "Согласовать с крупными клиентами содержание отчёта"},
	"4.3":  {"Ввести проверку цифр отчёта старшим менеджером перед отправкой", "Добавить в отчёт раздел по расходу бюджета"},
	"5.1":  {"Пересмотреть распределение клиентов по нагрузке", "Проверять нагрузку менеджеров каждый месяц"},
	"5.2":  {"Составить план предложений по новым услугам для крупных клиентов", "Разбирать предложения клиентам на встрече группы"},
	"5.3":  {"Разобрать уход двух клиентов и записать выводы", "Готовить продление договоров за два месяца до окончания"},
	"6.1":  {"Заполнить карточки всех действующих клиентов", "Проверять карточки клиентов раз в квартал"},
	"6.2":  {"Описать порядок работы с клиентом от договора до отчёта", "Описать внутренние процедуры отдела"},
	"6.3":  {"Перенести договоры и брифы в общую папку", "Закрыть личные папки с документами клиентов"},
	"7.1":  {"Собрать регламенты отдела в одном реестре", "Написать порядок согласования макетов"},
	"7.2":  {"Написать регламент работы с другими отделами", "Обновить регламент подготовки отчётов"},
	"7.3":  {"Провести ознакомление сотрудников с регламентами", "Проверять соблюдение регламентов раз в квартал"},
	"8.1":  {"Описать грейды отдела", "Провести оценку всех сотрудников по грейдам"},
	"8.2":  {"Составить планы развития", "Проводить оценку работы раз в полгода"},
	"8.3":  {"Составить план обучения на полугодие", "Выделить бюджет на курсы для младших специалистов"},
	"9.1":  {"Описать порядок передачи задач в закупку рекламы", "Описать порядок передачи задач креативу и аналитике"},
	"9.2":  {"Назначить регулярную встречу с аналитикой", "Разбирать общие задачи с креативом раз в две недели"},
	"9.3":  {"Вести журнал запросов в другие отделы", "Проверять сроки запросов в другие отделы раз в неделю"},
	"10.1": {"Ввести ежемесячный разбор KPI по клиентам", "Считать удержание клиентов и рост бюджета каждый квартал"},
	"10.2": {"Собирать отзывы других отделов раз в полгода", "Разбирать отзывы других отделов с каждым менеджером"},
	"10.3": {"Вести список клиентов в зоне риска с ответственными", "Доводить решения по рискам до конца и проверять итог"},
}

// actionText is the follow-up of an item's n-th gap (0 the first).
func actionText(code string, n int) string {
	if texts := itemActions[code]; len(texts) > 0 {
		return texts[min(n, len(texts)-1)]
	}
	return "Устранить замечание аудита по пункту " + code
}
