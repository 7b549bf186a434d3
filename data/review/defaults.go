package review

// Default review templates: one per grade, built on the areas of the department guide
// (client communication, contract obligations, reporting, coordination with other
// departments, client development, the client database, procedures, and for senior and
// lead grades mentoring and process improvement). The criteria and their anchors are the
// same for every grade; the weights differ.

// Criterion is one criterion of a default template.
type Criterion struct {
	Code      string // stable, lower-case latin
	NameRU    string
	NameEN    string
	Weight    int       // per cent; a template's weights sum to 100
	AnchorsRU [5]string // what a rating of 1..5 looks like: observable behaviour
	AnchorsEN [5]string
	Evidence  []string // evidence figure codes this criterion is informed by, from EvidenceCodes
}

// EvidenceCodes are the figures the review screen shows beside criteria.
var EvidenceCodes = []string{"kpi_attainment", "response_median", "response_sla", "complaints", "reports_on_time", "reports_missing", "retention", "renewals_rub", "upsell_rub", "cross_sell_rub", "satisfaction", "feedback"}

// DefaultCriteria is the default template of a grade (nil for an unknown grade).
// Every call returns a fresh slice: callers may edit it freely.
func DefaultCriteria(grade string) []Criterion {
	weights, ok := defaultWeights[grade]
	if !ok {
		return nil
	}
	out := make([]Criterion, 0, len(weights))
	for _, w := range weights {
		c := criterionByCode(w.code)
		c.Weight = w.weight
		c.Evidence = append([]string(nil), c.Evidence...)
		out = append(out, c)
	}
	return out
}

type codeWeight struct {
	code   string
	weight int
}

// defaultWeights lists each grade's criteria in display order with their weights.
// Juniors are judged mostly on the basics (communication, obligations, reporting);
// middles carry more client development and coordination; seniors add mentoring and
// improvement; leads weigh client development and improvement most.
var defaultWeights = map[string][]codeWeight{
	"junior": {
		{"communication", 20}, {"obligations", 20}, {"reporting", 20},
		{"coordination", 10}, {"development", 10}, {"documentation", 10}, {"procedures", 10},
	},
	"middle": {
		{"communication", 15}, {"obligations", 15}, {"reporting", 15},
		{"coordination", 15}, {"development", 20}, {"documentation", 10}, {"procedures", 10},
	},
	"senior": {
		{"communication", 15}, {"obligations", 15}, {"reporting", 10},
		{"coordination", 10}, {"development", 15}, {"documentation", 5}, {"procedures", 5},
		{"mentoring", 15}, {"improvement", 10},
	},
	"lead": {
		{"communication", 10}, {"obligations", 10}, {"reporting", 5},
		{"coordination", 10}, {"development", 20}, {"documentation", 5}, {"procedures", 5},
		{"mentoring", 15}, {"improvement", 20},
	},
}

func criterionByCode(code string) Criterion {
	for _, c := range defaultCatalogue {
		if c.Code == code {
			return c
		}
	}
	panic("review: no default criterion " + code)
}

// defaultCatalogue holds every default criterion without a weight.
var defaultCatalogue = []Criterion{
	{
		Code:   "communication",
		NameRU: "Общение с клиентом, жалобы и конфликты",
		NameEN: "Client communication, complaints and conflicts",
		AnchorsRU: [5]string{
			"Отвечает клиенту с опозданием или не по существу; жалобы остаются без ответа или доходят до эскалации.",
			"Часто не укладывается в срок ответа, часть вопросов теряется; на жалобы реагирует, но причину не устраняет.",
			"Отвечает по существу в срок по регламенту; жалобы разбирает, закрывает и сообщает клиенту итог.",
			"Отвечает быстро и полно, заранее предупреждает клиента о рисках; конфликты улаживает, не доводя до эскалации.",
			"Сообщает клиенту важное раньше, чем тот спросит; находит причину каждой жалобы и добивается, чтобы она не повторилась.",
		},
		AnchorsEN: [5]string{
			"Replies to the client late or off the point; complaints go unanswered or end in escalation.",
			"Often misses the reply time and loses some questions; reacts to complaints but leaves their cause in place.",
			"Replies to the point within the agreed time; looks into complaints, closes them and tells the client the outcome.",
			"Replies quickly and fully and warns the client about risks early; settles conflicts before they need escalating.",
			"Tells the client what matters before being asked; finds the cause of each complaint and makes sure it does not recur.",
		},
		Evidence: []string{"response_median", "response_sla", "complaints", "satisfaction"},
	},
	{
		Code:   "obligations",
		NameRU: "Выполнение обязательств по договору: KPI, сроки, бюджет",
		NameEN: "Contract obligations: KPI, deadlines, budgets",
		AnchorsRU: [5]string{
			"Не следит за KPI и расходом бюджета; срыв сроков или перерасход обнаруживается только по жалобе клиента.",
			"Проверяет KPI и бюджет от случая к случаю; отставание замечает поздно, когда исправить уже трудно.",
			"Регулярно сверяет KPI, сроки и расход бюджета с договором; при отставании согласует с отделами план исправления.",
			"Заранее видит риск невыполнения KPI или перерасхода и исправляет его до конца периода; сроки соблюдает без напоминаний.",
			"Выполняет или перевыполняет KPI всех клиентов в рамках бюджета; при изменении условий предлагает клиенту новый план.",
		},
		AnchorsEN: [5]string{
			"Does not track KPIs or budget spend; missed deadlines or overspend come to light only through a client complaint.",
			"Checks KPIs and budgets now and then; notices a shortfall late, when it is hard to fix.",
			"Regularly checks KPIs, deadlines and spend against the contract; agrees a recovery plan with other departments when behind.",
			"Spots the risk of a missed KPI or overspend early and fixes it within the period; meets deadlines without reminders.",
			"Meets or beats every client's KPIs within budget; when conditions change, proposes a revised plan to the client.",
		},
		Evidence: []string{"kpi_attainment"},
	},
	{
		Code:   "reporting",
		NameRU: "Качество и своевременность отчётности",
		NameEN: "Reporting quality and timeliness",
		AnchorsRU: [5]string{
			"Отчёты опаздывают или приходят с ошибками; отклонения от KPI не объяснены.",
			"Сдаёт отчёты после напоминаний; в цифрах бюджета и KPI встречаются ошибки, которые находит клиент.",
			"Сдаёт отчёты в срок и по согласованной форме; цифры бюджета и KPI сверены и верны.",
			"Сдаёт отчёты в срок без напоминаний; добавляет к цифрам короткие выводы, понятные клиенту.",
			"Сдаёт отчёты раньше срока без напоминаний; объясняет отклонения от KPI и предлагает, что изменить.",
		},
		AnchorsEN: [5]string{
			"Reports are late or contain errors; deviations from KPIs are not explained.",
			"Submits reports only after reminders; budget and KPI figures contain errors that the client finds.",
			"Submits reports on time in the agreed format; budget and KPI figures are checked and correct.",
			"Submits reports on time without reminders; adds short conclusions the client can act on.",
			"Submits reports ahead of time without reminders; explains deviations from KPIs and proposes what to change.",
		},
		Evidence: []string{"reports_on_time", "reports_missing"},
	},
	{
		Code:   "coordination",
		NameRU: "Взаимодействие с отделами: закупка, креатив, аналитика",
		NameEN: "Coordination with buying, creative and analytics",
		AnchorsRU: [5]string{
			"Передаёт задачи отделам устно или неполно, сроки не согласует; работа возвращается на переделку.",
			"Брифы приходится переспрашивать и дополнять; ход работ в других отделах проверяет, только когда спросит клиент.",
			"Ставит задачи письменно, с понятным брифом и сроком; отслеживает выполнение и вовремя передаёт ответы клиента.",
			"Брифы полные с первого раза; заранее предупреждает отделы о новых задачах и улаживает их разногласия с клиентом.",
			"Проводит регулярные встречи с отделами; задачи приходят к ним готовыми к работе, и отделы высоко оценивают совместную работу.",
		},
		AnchorsEN: [5]string{
			"Hands tasks to departments verbally or incompletely and agrees no deadlines; work comes back for rework.",
			"Briefs need follow-up questions and additions; checks progress in other departments only when the client asks.",
			"Sets tasks in writing with a clear brief and deadline; tracks progress and passes on the client's answers in time.",
			"Briefs are complete the first time; warns departments about upcoming work early and settles disagreements with the client.",
			"Holds regular meetings with other departments; tasks reach them ready to start, and they rate the collaboration highly.",
		},
		Evidence: []string{"feedback"},
	},
	{
		Code:   "development",
		NameRU: "Развитие клиентов: удержание, продление, допродажа, кросс-продажа",
		NameEN: "Client development: retention, renewals, upsell, cross-sell",
		AnchorsRU: [5]string{
			"Окончание договора застаёт врасплох; о недовольстве клиента узнаёт последним и новых услуг не предлагает.",
			"Продлением занимается в последний момент; допродажи случаются, только когда клиент просит сам.",
			"Начинает продление заранее и удерживает клиентов; предлагает расширить работу, когда видит явную возможность.",
			"Знает планы и бюджеты клиентов, регулярно предлагает допродажи и услуги других отделов; клиенты продлевают договоры.",
			"Растит бюджеты клиентов допродажами и кросс-продажами с понятной клиенту выгодой; рано видит риск ухода и удерживает клиента.",
		},
		AnchorsEN: [5]string{
			"Is caught off guard by contract end dates; learns of client dissatisfaction last and offers no new services.",
			"Deals with renewals at the last moment; upsells happen only when the client asks.",
			"Starts renewals early and keeps clients; suggests expanding the work when there is a clear opportunity.",
			"Knows clients' plans and budgets and regularly offers upsells and other departments' services; clients renew.",
			"Grows client budgets through upsell and cross-sell with a clear benefit to the client; spots churn risk early and keeps the client.",
		},
		Evidence: []string{"retention", "renewals_rub", "upsell_rub", "cross_sell_rub"},
	},
	{
		Code:   "documentation",
		NameRU: "Ведение базы клиентов и документов",
		NameEN: "Client database and documents",
		AnchorsRU: [5]string{
			"Контакты, договоры и история работы с клиентом не внесены в базу или устарели; документы приходится разыскивать.",
			"Вносит данные в базу с опозданием и не полностью; часть документов хранит у себя, а не в общем хранилище.",
			"Контакты, договоры и итоги встреч внесены в базу и актуальны; документы лежат в общем хранилище.",
			"Обновляет базу в тот же день после встречи или письма; коллега может подхватить клиента без расспросов.",
			"По записям в базе любой коллега сразу понимает положение дел у клиента; замечает и исправляет пробелы в общих шаблонах.",
		},
		AnchorsEN: [5]string{
			"Contacts, contracts and client history are missing from the database or out of date; documents have to be hunted down.",
			"Updates the database late and partly; keeps some documents on their own computer instead of the shared storage.",
			"Contacts, contracts and meeting notes are in the database and up to date; documents are in the shared storage.",
			"Updates the database the same day as a meeting or email; a colleague can take over the client without asking around.",
			"From the records any colleague sees at once where things stand with a client; spots and fixes gaps in shared templates.",
		},
	},
	{
		Code:   "procedures",
		NameRU: "Соблюдение регламентов отдела",
		NameEN: "Following department procedures",
		AnchorsRU: [5]string{
			"Нарушает регламенты: не укладывается в сроки ответа, пропускает согласования, отправляет документы без проверки.",
			"Регламенты знает, но соблюдает выборочно; нарушения приходится замечать и исправлять руководителю.",
			"Соблюдает регламенты по срокам ответа, согласованиям и подготовке отчётов; исключения заранее обсуждает с руководителем.",
			"Соблюдает регламенты без контроля; сообщает, где правило устарело или мешает работе.",
			"Работает строго по регламентам и помогает коллегам их соблюдать; предлагает конкретные правки в регламенты.",
		},
		AnchorsEN: [5]string{
			"Breaks procedures: misses response times, skips approvals, sends documents out unchecked.",
			"Knows the procedures but follows them selectively; the lead has to spot and correct breaches.",
			"Follows procedures for response times, approvals and report preparation; agrees exceptions with the lead in advance.",
			"Follows procedures without supervision; points out where a rule is out of date or gets in the way.",
			"Follows procedures consistently and helps colleagues follow them; proposes specific changes to the procedures.",
		},
		Evidence: []string{"response_sla", "reports_on_time"},
	},
	{
		Code:   "mentoring",
		NameRU: "Наставничество",
		NameEN: "Mentoring",
		AnchorsRU: [5]string{
			"Не помогает младшим коллегам; на вопросы отвечает неохотно, опытом не делится.",
			"Помогает, только когда просят; ошибки коллег с ними не разбирает.",
			"Вводит новичков в работу по плану, отвечает на их вопросы, проверяет их первые отчёты и письма клиентам.",
			"Регулярно разбирает с подопечными их работу и даёт понятный отзыв; подопечные быстрее выходят на полную нагрузку.",
			"Подопечные переходят на следующий грейд; готовит для отдела памятки и обучение по типовым задачам.",
		},
		AnchorsEN: [5]string{
			"Does not help junior colleagues; answers questions reluctantly and does not share experience.",
			"Helps only when asked; does not go through mistakes with colleagues.",
			"Onboards newcomers to a plan, answers their questions and checks their first reports and client emails.",
			"Regularly goes through mentees' work with them and gives clear feedback; mentees reach a full workload sooner.",
			"Mentees move up a grade; prepares guides and training on common tasks for the department.",
		},
	},
	{
		Code:   "improvement",
		NameRU: "Улучшение процессов",
		NameEN: "Improving processes",
		AnchorsRU: [5]string{
			"Не замечает повторяющихся проблем или только жалуется на них, не предлагая решений.",
			"Указывает на проблемы, но предложения расплывчаты и до дела не доходят.",
			"Предлагает конкретные улучшения в работе со своими клиентами и внедряет их после согласования.",
			"Находит узкие места в работе отдела, предлагает решение с оценкой пользы и доводит его до внедрения.",
			"Меняет процессы отдела так, что результат виден в цифрах: меньше жалоб, опозданий с отчётами или ручной работы.",
		},
		AnchorsEN: [5]string{
			"Does not notice recurring problems, or only complains about them without proposing solutions.",
			"Points out problems, but the suggestions are vague and are not followed through.",
			"Proposes specific improvements in work with their own clients and puts them in place once agreed.",
			"Finds bottlenecks in the department's work, proposes a fix with its expected benefit and sees it through.",
			"Changes department processes with results visible in the figures: fewer complaints, late reports or manual work.",
		},
	},
}
