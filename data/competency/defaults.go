// Package competency holds the grade competency matrix: what each grade requires, and
// what an assessment of a person adds up to.
package competency

import "maps"

// The default matrix is built on the areas of the department guide: client
// communication, contract obligations and KPI, reporting, coordination with buying,
// creative and analytics, client development, the client database and documents, the
// department's procedures, and for the upper grades mentoring and leadership. Every
// competency names, for every grade, the level it requires and the behaviour a lead can
// observe in the work at that grade.

// Area is a group of competencies, after the guide's areas.
type Area struct{ Code, NameRU, NameEN string }

// Areas in display order.
var Areas = []Area{
	{"communication", "Общение с клиентом", "Client communication"},
	{"contracts", "Договор и KPI", "Contracts and KPI"},
	{"reporting", "Отчётность", "Reporting"},
	{"coordination", "Работа с другими отделами", "Internal coordination"},
	{"development", "Развитие клиентов", "Client development"},
	{"documentation", "Документы и клиентская база", "Documentation and client database"},
	{"procedures", "Регламенты", "Procedures"},
	{"leadership", "Наставничество и руководство", "Mentoring and leadership"},
}

// Grades are the grade codes of the ladder, lowest first.
var Grades = []string{"junior", "middle", "senior", "lead"}

// Level is what a grade requires of a competency: a proficiency on the 1-4 scale and
// the observable behaviour expected at that grade.
type Level struct {
	Required                     int // 1-4
	ExpectationRU, ExpectationEN string
}

// Competency is one competency of the default matrix with its level for every grade.
type Competency struct {
	Code, Area, NameRU, NameEN string
	Levels                     map[string]Level // by grade code, every grade present
}

// ScaleRU / ScaleEN name the proficiency levels 1-4 (index 0 is level 1).
var (
	ScaleRU = [4]string{
		"1 — осваивает: делает с помощью и по подсказке",
		"2 — самостоятельно: делает сам, в типовых ситуациях",
		"3 — уверенно: справляется и в нестандартных, помогает другим",
		"4 — эталон: задаёт стандарт, меняет подход в отделе",
	}
	ScaleEN = [4]string{
		"1 — learning: does it with help and prompting",
		"2 — independent: does it alone in typical situations",
		"3 — confident: handles unusual situations too, helps others",
		"4 — role model: sets the standard, changes how the department works",
	}
)

// DefaultMatrix returns a fresh copy of the default matrix (callers may edit it).
// Competencies come grouped by area in the order of Areas.
func DefaultMatrix() []Competency {
	out := make([]Competency, len(defaultMatrix))
	for i, c := range defaultMatrix {
		c.Levels = maps.Clone(c.Levels)
		out[i] = c
	}
	return out
}

// defaultMatrix is the default matrix; DefaultMatrix hands out copies of it.
// Required levels rise with the grade. Juniors are expected to do the basics with
// help, middles to work on their own, seniors to handle the hard cases and help
// others, and leads to set the standard for their team. Mentoring and leadership are
// asked of juniors and middles only at the first level.
var defaultMatrix = []Competency{
	// Client communication.
	{
		Code: "response", Area: "communication",
		NameRU: "Первый ответ и тон общения",
		NameEN: "First response and tone",
		Levels: map[string]Level{
			"junior": {
				Required:      2,
				ExpectationRU: "Отвечает клиенту в срок по SLA, вежливо и по существу; если ответа пока нет, сообщает, когда он будет.",
				ExpectationEN: "Replies to the client within the SLA, politely and to the point; if there is no answer yet, says when there will be.",
			},
			"middle": {
				Required:      3,
				ExpectationRU: "Отвечает полно с первого раза, в том числе на неудобные вопросы; подбирает тон под собеседника — от маркетолога до финансового директора.",
				ExpectationEN: "Gives a full answer the first time, awkward questions included; adjusts the tone to the reader, from marketing manager to finance director.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Сообщает клиенту о задержках и рисках раньше, чем тот спросит; ведёт переписку с руководством клиента и готовит коллег к трудным разговорам.",
				ExpectationEN: "Tells the client about delays and risks before being asked; handles correspondence with the client's management and prepares colleagues for difficult conversations.",
			},
			"lead": {
				Required:      4,
				ExpectationRU: "Задаёт в отделе сроки ответа и образцы писем; по переписке группы замечает, где тон или скорость ответа подводят, и разбирает это с сотрудником.",
				ExpectationEN: "Sets the department's response times and model emails; spots in the team's correspondence where tone or speed falls short and goes through it with the person.",
			},
		},
	},
	{
		Code: "complaints", Area: "communication",
		NameRU: "Работа с жалобами и конфликтами",
		NameEN: "Handling complaints and conflicts",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Спокойно принимает жалобу, записывает суть в CRM и в тот же день передаёт её старшему коллеге; до его решения ничего клиенту не обещает.",
				ExpectationEN: "Takes a complaint calmly, records it in CRM and passes it to a senior colleague the same day; makes no promises to the client on their own.",
			},
			"middle": {
				Required:      2,
				ExpectationRU: "Самостоятельно разбирает типовые жалобы: выясняет причину с отделами, сообщает клиенту итог и срок исправления, закрывает жалобу в CRM.",
				ExpectationEN: "Handles typical complaints alone: finds the cause with the departments involved, tells the client the outcome and the fix date, closes the complaint in CRM.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Улаживает острые конфликты, не доводя до эскалации; после разбора добивается, чтобы причина жалобы не повторилась.",
				ExpectationEN: "Settles serious conflicts before they need escalating; after the review makes sure the cause of the complaint does not recur.",
			},
			"lead": {
				Required:      4,
				ExpectationRU: "Берёт на себя эскалации от руководства клиента и разговоры о претензиях и штрафах; по итогам жалоб меняет регламенты отдела.",
				ExpectationEN: "Takes on escalations from the client's management and talks about claims and penalties; changes the department's procedures in the light of complaints.",
			},
		},
	},

	// Contracts and KPI.
	{
		Code: "obligations", Area: "contracts",
		NameRU: "Знание и выполнение обязательств по договору",
		NameEN: "Knowing and delivering contract obligations",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Знает по договорам своих клиентов состав услуг, сроки и форму отчётности; в спорных случаях сверяется с договором или спрашивает старшего коллегу.",
				ExpectationEN: "Knows from their clients' contracts the services, deadlines and reporting format owed; in doubtful cases checks the contract or asks a senior colleague.",
			},
			"middle": {
				Required:      2,
				ExpectationRU: "Выполняет обязательства по договору и SLA без напоминаний; замечает, когда клиент просит работу сверх договора, и согласует её оплату до начала.",
				ExpectationEN: "Delivers contract and SLA obligations without reminders; notices when the client asks for work beyond the contract and agrees payment for it before starting.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Заранее видит риск нарушить договор и договаривается с клиентом о переносе или замене; участвует в подготовке дополнительных соглашений.",
				ExpectationEN: "Spots the risk of breaching the contract early and agrees a postponement or substitute with the client; takes part in drafting contract amendments.",
			},
			"lead": {
				Required:      4,
				ExpectationRU: "Согласует условия новых договоров и продлений — объём работ, SLA, KPI, штрафы — так, чтобы отдел мог их выполнить; следит за обязательствами по всем клиентам группы.",
				ExpectationEN: "Negotiates the terms of new contracts and renewals — scope, SLA, KPI, penalties — so the department can deliver them; tracks obligations for all the team's clients.",
			},
		},
	},
	{
		Code: "kpi_budget", Area: "contracts",
		NameRU: "Контроль KPI и бюджета",
		NameEN: "KPI and budget control",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Раз в неделю под присмотром старшего сверяет расход бюджета и KPI своих кампаний с медиапланом; о расхождениях сообщает сразу.",
				ExpectationEN: "Checks budget spend and KPIs for their campaigns against the media plan every week, under a senior's supervision; reports discrepancies at once.",
			},
			"middle": {
				Required:      2,
				ExpectationRU: "Самостоятельно следит за KPI и расходом бюджета по всем своим клиентам; при отставании согласует с закупкой план исправления до конца месяца.",
				ExpectationEN: "Tracks KPIs and spend for all their clients on their own; when behind, agrees a recovery plan with buying before the month ends.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Заранее видит риск недобора KPI или перерасхода и по согласованию с клиентом перераспределяет бюджет; удерживает в бюджете и сложные кампании в нескольких каналах.",
				ExpectationEN: "Sees the risk of missing KPIs or overspending early and reallocates budget with the client's agreement; keeps complex multichannel campaigns within budget.",
			},
			"lead": {
				Required:      4,
				ExpectationRU: "Ведёт единую сводку KPI и бюджетов по всем клиентам группы и вмешивается до конца периода; при планировании года предлагает клиентам выполнимые KPI.",
				ExpectationEN: "Keeps one summary of KPIs and budgets for all the team's clients and steps in before the period ends; proposes achievable KPIs when clients plan the year.",
			},
		},
	},

	// Reporting.
	{
		Code: "report_quality", Area: "reporting",
		NameRU: "Качество и сроки ежемесячного отчёта",
		NameEN: "Monthly report quality and timeliness",
		Levels: map[string]Level{
			"junior": {
				Required:      2,
				ExpectationRU: "Готовит ежемесячный отчёт по шаблону к сроку; сверяет цифры бюджета и KPI с источниками и отдаёт отчёт на проверку старшему.",
				ExpectationEN: "Prepares the monthly report from the template on time; checks budget and KPI figures against their sources and has a senior review it.",
			},
			"middle": {
				Required:      3,
				ExpectationRU: "Готовит ежемесячный отчёт без напоминаний и без проверки старшего; ошибок в цифрах нет, а форма подстроена под то, что важно клиенту.",
				ExpectationEN: "Prepares the monthly report without reminders or a senior's review; the figures are free of errors and the layout fits what matters to the client.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Готовит отчёты по сложным клиентам с несколькими каналами и подрядчиками; проверяет отчёты младших коллег перед отправкой.",
				ExpectationEN: "Prepares reports for complex clients with several channels and contractors; reviews junior colleagues' reports before they go out.",
			},
			"lead": {
				Required:      3,
				ExpectationRU: "Следит, чтобы все отчёты группы уходили в срок; обновляет шаблоны отчётов, когда меняются запросы клиентов.",
				ExpectationEN: "Makes sure all the team's reports go out on time; updates the report templates when clients' needs change.",
			},
		},
	},
	{
		Code: "results_story", Area: "reporting",
		NameRU: "Объяснение результатов и отклонений",
		NameEN: "Explaining results and deviations",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Может рассказать клиенту, что показывает каждая цифра отчёта; объяснение отклонений готовит вместе со старшим коллегой.",
				ExpectationEN: "Can tell the client what each figure in the report shows; prepares the explanation of deviations together with a senior colleague.",
			},
			"middle": {
				Required:      2,
				ExpectationRU: "Объясняет отклонения от KPI и предлагает, что поправить в следующем месяце; выводы пишет коротко и языком клиента.",
				ExpectationEN: "Explains deviations from KPIs and proposes what to adjust next month; writes conclusions briefly and in the client's terms.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Проводит встречи с клиентом по итогам квартала: связывает результаты с целями бизнеса клиента и спокойно, без оправданий объясняет неудачи.",
				ExpectationEN: "Runs quarterly results meetings with the client: ties results to the client's business goals and explains setbacks calmly, without excuses.",
			},
			"lead": {
				Required:      4,
				ExpectationRU: "Представляет итоги года руководству клиента и на их основе предлагает план на следующий год; учит группу объяснять результаты.",
				ExpectationEN: "Presents the year's results to the client's management and proposes next year's plan from them; teaches the team to explain results.",
			},
		},
	},

	// Internal coordination.
	{
		Code: "briefs", Area: "coordination",
		NameRU: "Брифы для креатива и закупки",
		NameEN: "Briefs to creative and buying",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Заполняет бриф для креатива или закупки по шаблону и отдаёт его на проверку старшему; следит за сроком выполнения.",
				ExpectationEN: "Fills in a brief for creative or buying from the template and has a senior check it; keeps track of the due date.",
			},
			"middle": {
				Required:      2,
				ExpectationRU: "Пишет полный бриф с целями, сроками, бюджетом и ограничениями; отделы работают по нему без уточнений и не возвращают работу на переделку.",
				ExpectationEN: "Writes a complete brief with goals, deadlines, budget and constraints; departments work from it without follow-up questions and without rework.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Ведёт срочные и сложные задачи, в которых участвуют несколько отделов; заранее согласует сроки и улаживает разногласия между отделами и клиентом.",
				ExpectationEN: "Runs urgent and complex jobs involving several departments; agrees timelines in advance and settles disagreements between the departments and the client.",
			},
			"lead": {
				Required:      3,
				ExpectationRU: "Договаривается с руководителями креатива и закупки о порядке работы и загрузке; проводит с ними регулярные встречи и разбирает сорванные задачи.",
				ExpectationEN: "Agrees ways of working and workload with the heads of creative and buying; holds regular meetings with them and reviews jobs that went wrong.",
			},
		},
	},
	{
		Code: "analytics", Area: "coordination",
		NameRU: "Работа с аналитикой",
		NameEN: "Working with analytics",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Отправляет аналитикам запрос на данные с нужным периодом и сроком; понимает основные показатели медиаплана и отчёта.",
				ExpectationEN: "Sends analytics a data request with the period and due date; understands the main metrics of the media plan and the report.",
			},
			"middle": {
				Required:      2,
				ExpectationRU: "Ставит аналитикам задачу с вопросом — что нужно понять и зачем; проверяет их выгрузки и находит ошибки до того, как данные попадут к клиенту.",
				ExpectationEN: "Briefs analytics with a question — what to find out and why; reads their data exports on their own and catches errors before the data reaches the client.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Вместе с аналитиками настраивает учёт KPI для новых клиентов и проверяет, что цифры агентства сходятся с данными клиента.",
				ExpectationEN: "Sets up KPI tracking for new clients together with analytics and checks that the agency's figures match the client's own data.",
			},
			"lead": {
				Required:      3,
				ExpectationRU: "Договаривается с аналитикой о единых правилах расчёта KPI и сводных отчётах по отделу; по их данным находит клиентов в зоне риска.",
				ExpectationEN: "Agrees with analytics on common rules for calculating KPIs and on department summary reports; uses their data to spot clients at risk.",
			},
		},
	},

	// Client development.
	{
		Code: "retention", Area: "development",
		NameRU: "Удержание клиентов и продление договоров",
		NameEN: "Retention and renewals",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Знает сроки окончания договоров своих клиентов и за два месяца напоминает о них старшему; передаёт ему признаки недовольства клиента.",
				ExpectationEN: "Knows when their clients' contracts end and reminds a senior two months ahead; passes on any signs of client dissatisfaction.",
			},
			"middle": {
				Required:      2,
				ExpectationRU: "Начинает продление заранее, по графику отдела; собирает отзыв клиента о работе и снимает мелкие поводы для недовольства до разговора о продлении.",
				ExpectationEN: "Starts renewals early, on the department's schedule; collects the client's view of the work and clears up minor grievances before the renewal talk.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Рано замечает риск ухода клиента — падение бюджета, смену контактного лица, затянутые ответы — и вместе с руководителем готовит план удержания.",
				ExpectationEN: "Spots churn risk early — a falling budget, a new contact person, slow replies — and prepares a retention plan with the lead.",
			},
			"lead": {
				Required:      4,
				ExpectationRU: "Ведёт продления и переговоры об условиях с ключевыми клиентами; по каждому ушедшему клиенту разбирает причины с группой и меняет работу отдела.",
				ExpectationEN: "Leads renewals and term negotiations with key clients; goes through why each lost client left with the team and changes how the department works.",
			},
		},
	},
	{
		Code: "upsell", Area: "development",
		NameRU: "Допродажа и кросс-продажа",
		NameEN: "Upsell and cross-sell",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Замечает в разговорах с клиентом новые задачи и планы и записывает их в CRM для старшего коллеги.",
				ExpectationEN: "Notices new needs and plans in conversations with the client and records them in CRM for a senior colleague.",
			},
			"middle": {
				Required:      2,
				ExpectationRU: "Предлагает клиенту расширить работу, когда видит явный повод — новый канал, сезон, запуск продукта; готовит предложение с расчётом.",
				ExpectationEN: "Suggests expanding the work when there is a clear occasion — a new channel, a season, a product launch; prepares a costed proposal.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Знает планы и бюджеты своих клиентов и регулярно предлагает допродажи и услуги других отделов с понятной клиенту выгодой.",
				ExpectationEN: "Knows their clients' plans and budgets and regularly offers upsells and other departments' services with a clear benefit to the client.",
			},
			"lead": {
				Required:      4,
				ExpectationRU: "Составляет на год план роста бюджетов по клиентам группы и отвечает за допродажи и кросс-продажи; помогает сотрудникам готовить предложения.",
				ExpectationEN: "Draws up the yearly budget growth plan for the team's clients and owns upsell and cross-sell; helps people prepare their proposals.",
			},
		},
	},

	// Documentation and client database.
	{
		Code: "client_card", Area: "documentation",
		NameRU: "Актуальная карточка клиента и контакты",
		NameEN: "Client card and contacts kept current",
		Levels: map[string]Level{
			"junior": {
				Required:      2,
				ExpectationRU: "В тот же день вносит в карточку клиента в CRM контакты, договоры и итоги встреч; проверяет, что телефоны и почта актуальны.",
				ExpectationEN: "Records contacts, contracts and meeting notes in the client card in CRM the same day; checks that phone numbers and emails are current.",
			},
			"middle": {
				Required:      3,
				ExpectationRU: "Ведёт карточку так, что коллега может подхватить клиента без расспросов: роли контактов, договорённости, история жалоб, планы клиента.",
				ExpectationEN: "Keeps the card so that a colleague can take over the client without asking around: contacts' roles, agreements, complaint history, the client's plans.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Знает, кто у клиента принимает решения, отражает это в карточке и обновляет при смене людей; проверяет карточки младших коллег.",
				ExpectationEN: "Knows who makes the decisions at the client, records it in the card and updates it when people change; checks junior colleagues' cards.",
			},
			"lead": {
				Required:      3,
				ExpectationRU: "Раз в квартал проверяет полноту карточек клиентов группы; добивается, чтобы при уходе или отпуске сотрудника клиенты передавались без потерь.",
				ExpectationEN: "Checks the team's client cards for completeness every quarter; makes sure clients are handed over without loss when someone leaves or goes on holiday.",
			},
		},
	},
	{
		Code: "archive", Area: "documentation",
		NameRU: "Архив документов и согласований",
		NameEN: "Documents and approvals archive",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Кладёт договоры, акты и письма с согласованиями в общее хранилище по принятой структуре папок; если не знает, куда что относится, уточняет у старших.",
				ExpectationEN: "Files contracts, acts and approval emails in the shared storage using the agreed folder structure; asks seniors when unsure where something belongs.",
			},
			"middle": {
				Required:      2,
				ExpectationRU: "Хранит все документы по своим клиентам в общем хранилище, а не у себя; нужный акт, медиаплан или письмо с согласованием находит за минуты.",
				ExpectationEN: "Keeps all documents for their clients in the shared storage rather than on their own computer; finds any act, media plan or approval email in minutes.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Следит, чтобы акты и закрывающие документы подписывались вовремя; при споре с клиентом быстро поднимает историю согласований.",
				ExpectationEN: "Makes sure acts and closing documents are signed on time; in a dispute with the client quickly pulls up the history of approvals.",
			},
			"lead": {
				Required:      3,
				ExpectationRU: "Проверяет порядок в архиве группы перед сверками с клиентами и проверками; поддерживает структуру хранилища и шаблоны документов в актуальном виде.",
				ExpectationEN: "Checks the team's archive before reconciliations with clients and audits; keeps the storage structure and document templates up to date.",
			},
		},
	},

	// Procedures.
	{
		Code: "procedures", Area: "procedures",
		NameRU: "Соблюдение регламентов отдела",
		NameEN: "Following the department's procedures",
		Levels: map[string]Level{
			"junior": {
				Required:      2,
				ExpectationRU: "Знает регламенты отдела и работает по ним: сроки ответа, статусы задач в CRM, порядок подготовки отчёта; если правило непонятно, спрашивает.",
				ExpectationEN: "Knows the department's procedures and works by them: response times, task statuses in CRM, how reports are prepared; asks when a rule is unclear.",
			},
			"middle": {
				Required:      3,
				ExpectationRU: "Соблюдает регламенты без контроля, в том числе в нестандартных случаях; исключения заранее обсуждает с руководителем и сообщает, где правило устарело.",
				ExpectationEN: "Follows procedures without supervision, unusual cases included; agrees exceptions with the lead in advance and reports where a rule is out of date.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Помогает коллегам соблюдать регламенты и объясняет, зачем нужно каждое правило; предлагает конкретные правки в регламенты.",
				ExpectationEN: "Helps colleagues follow the procedures and explains what each rule is for; proposes specific changes to the procedures.",
			},
			"lead": {
				Required:      4,
				ExpectationRU: "Пишет и обновляет регламенты отдела, в том числе по работе с другими отделами; проверяет, как их соблюдают, и убирает правила, которые мешают работе.",
				ExpectationEN: "Writes and updates the department's procedures, including those for working with other departments; checks how they are followed and drops rules that get in the way.",
			},
		},
	},
	{
		Code: "approvals", Area: "procedures",
		NameRU: "Порядок согласований",
		NameEN: "Approval workflow",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Не запускает работу без письменного согласования клиента; по регламенту отдаёт документы на проверку старшему, прежде чем отправить их клиенту.",
				ExpectationEN: "Starts no work without the client's written approval; has a senior check documents before sending them to the client, as the procedure requires.",
			},
			"middle": {
				Required:      2,
				ExpectationRU: "Самостоятельно получает письменное согласование медиапланов, макетов и изменений бюджета до запуска; знает, что и у кого нужно согласовать внутри агентства.",
				ExpectationEN: "Obtains written approval of media plans, creative and budget changes before launch on their own; knows what needs sign-off inside the agency and from whom.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Проводит через согласование срочные и нестандартные изменения, не нарушая порядка; договаривается с клиентом о понятных сроках согласования.",
				ExpectationEN: "Gets urgent and unusual changes approved without breaking the workflow; agrees clear approval times with the client.",
			},
			"lead": {
				Required:      3,
				ExpectationRU: "Разрешает исключения из порядка согласований и отвечает за них; разбирает каждый случай, когда работа ушла клиенту без согласования.",
				ExpectationEN: "Authorises exceptions to the approval workflow and answers for them; reviews every case of work going to the client unapproved.",
			},
		},
	},

	// Mentoring and leadership.
	{
		Code: "mentoring", Area: "leadership",
		NameRU: "Наставничество",
		NameEN: "Mentoring",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Рано просит помощи у старших коллег, не дожидаясь, пока проблема дойдёт до клиента; делится с коллегами находками и уроками из своей работы.",
				ExpectationEN: "Asks seniors for help early, before a problem reaches the client; shares findings and lessons from their own work with peers.",
			},
			"middle": {
				Required:      1,
				ExpectationRU: "Помогает новичкам освоиться: показывает, где лежат шаблоны, регламенты и карточки клиентов, отвечает на вопросы по типовым задачам.",
				ExpectationEN: "Helps newcomers settle in: shows where the templates, procedures and client cards are, and answers questions about routine tasks.",
			},
			"senior": {
				Required:      3,
				ExpectationRU: "Вводит новичка в работу по плану: проверяет его первые письма, брифы и отчёты, разбирает с ним ошибки и даёт понятную обратную связь.",
				ExpectationEN: "Onboards a newcomer to a plan: checks their first emails, briefs and reports, goes through mistakes with them and gives clear feedback.",
			},
			"lead": {
				Required:      4,
				ExpectationRU: "Выстраивает наставничество в группе: закрепляет наставников, задаёт план ввода новичков и добивается, чтобы подопечные переходили на следующий грейд.",
				ExpectationEN: "Builds mentoring in the team: assigns mentors, sets the onboarding plan for newcomers and sees to it that mentees move up a grade.",
			},
		},
	},
	{
		Code: "improvement", Area: "leadership",
		NameRU: "Улучшение процессов",
		NameEN: "Process improvement",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Замечает повторяющиеся ошибки и неудобства в своей работе и сообщает о них руководителю с конкретным примером.",
				ExpectationEN: "Notices recurring mistakes and snags in their own work and reports them to the lead with a specific example.",
			},
			"middle": {
				Required:      1,
				ExpectationRU: "Предлагает улучшения в работе со своими клиентами — шаблон письма, памятку для проверки отчёта — и пробует их после согласования.",
				ExpectationEN: "Suggests improvements to work with their own clients — an email template, a report checklist — and tries them once agreed.",
			},
			"senior": {
				Required:      2,
				ExpectationRU: "Находит узкие места в работе с клиентами или отделами, предлагает решение с оценкой пользы и доводит его до внедрения в своей группе.",
				ExpectationEN: "Finds bottlenecks in work with clients or other departments, proposes a fix with its expected benefit and sees it through in their team.",
			},
			"lead": {
				Required:      4,
				ExpectationRU: "Меняет процессы отдела так, что результат виден в цифрах: меньше жалоб, опозданий с отчётами и ручной работы; закрепляет изменения в регламентах.",
				ExpectationEN: "Changes the department's processes with results visible in the figures: fewer complaints, late reports and manual work; writes the changes into the procedures.",
			},
		},
	},
	{
		Code: "people", Area: "leadership",
		NameRU: "Руководство людьми",
		NameEN: "People leadership",
		Levels: map[string]Level{
			"junior": {
				Required:      1,
				ExpectationRU: "Не дожидаясь вопроса, сообщает руководителю о перегрузке или риске сорвать срок; перед отпуском передаёт дела коллеге с запиской по каждому клиенту.",
				ExpectationEN: "Tells the lead about overload or a risk of missing a deadline unprompted; before a holiday hands over to a colleague with a note on each client.",
			},
			"middle": {
				Required:      1,
				ExpectationRU: "Без потерь ведёт клиентов отсутствующего коллеги; на общем проекте помогает младшему коллеге распределить задачи и сроки.",
				ExpectationEN: "Covers an absent colleague's clients without loss; on a shared project helps a junior colleague plan tasks and deadlines.",
			},
			"senior": {
				Required:      2,
				ExpectationRU: "Распределяет задачи в небольшой группе по клиенту и следит за загрузкой каждого; участвует в оценке младших коллег и пишет по ним отзыв.",
				ExpectationEN: "Shares out tasks in a small client team and watches each person's workload; takes part in assessing junior colleagues and writes feedback on them.",
			},
			"lead": {
				Required:      3,
				ExpectationRU: "Распределяет клиентов и нагрузку в группе, проводит регулярные встречи один на один и оценку по грейдам; слабые результаты разбирает сразу, с планом и сроком.",
				ExpectationEN: "Allocates clients and workload in the team, holds regular one-to-ones and grade assessments; deals with weak results at once, with a plan and a deadline.",
			},
		},
	},
}
