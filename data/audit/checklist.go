package audit

import (
	"slices"
	"strconv"
	"sync"
)

// The checklist of the department audit: the source guide's ten sections, each of
// its bullets reworded as a statement of what is in place, so that an auditor rates
// how far it holds. The texts are content, not interface words: they live here, in
// both languages, rather than in the translation files.

// Item is one statement of the checklist.
type Item struct {
	Code    string // stable across versions of the app: "1.2" is section 1, item 2
	Section int
	RU, EN  string
	// Evidence lists the codes of the figures from the data that inform the item.
	Evidence []string
}

// Text is the item's statement in a language ("ru", anything else English).
func (i Item) Text(lang string) string { return pick(lang, i.RU, i.EN) }

// Section is one of the guide's ten sections with its items.
type Section struct {
	Number int
	RU, EN string
	Items  []Item
}

// Title is the section's short title in a language.
func (s Section) Title(lang string) string { return pick(lang, s.RU, s.EN) }

func pick(lang, ru, en string) string {
	if lang == "ru" {
		return ru
	}
	return en
}

// Checklist is every section in the guide's order. The result is the caller's own
// copy.
func Checklist() []Section {
	out := slices.Clone(sections)
	for i := range out {
		out[i].Items = slices.Clone(out[i].Items)
		for j := range out[i].Items {
			out[i].Items[j].Evidence = slices.Clone(out[i].Items[j].Evidence)
		}
	}
	return out
}

// Items is every item of the checklist, section by section.
func Items() []Item {
	var out []Item
	for _, s := range Checklist() {
		out = append(out, s.Items...)
	}
	return out
}

// Lookup finds an item by its code.
func Lookup(code string) (Item, bool) {
	it, ok := itemsByCode()[code]
	return it, ok
}

var itemsByCode = sync.OnceValue(func() map[string]Item {
	out := map[string]Item{}
	for _, it := range Items() {
		out[it.Code] = it
	}
	return out
})

// section builds a section, numbering its items "<section>.<n>" in order.
func section(number int, ru, en string, items ...Item) Section {
	for i := range items {
		items[i].Section = number
		items[i].Code = strconv.Itoa(number) + "." + strconv.Itoa(i+1)
	}
	return Section{Number: number, RU: ru, EN: en, Items: items}
}

func item(ru, en string, evidence ...string) Item { return Item{RU: ru, EN: en, Evidence: evidence} }

// sections follow the guide bullet by bullet; an item's number is its bullet's place
// in the section, so the codes stay stable as long as the guide does.
var sections = []Section{
	section(1, "Договоры и обязательства", "Contracts and obligations",
		item("Работа идёт по условиям договоров: целевые KPI достигаются, сроки и бюджеты соблюдаются",
			"Work follows the contracts' terms: target KPIs are met, deadlines and budgets are kept",
			ContractsWithTargets, ClientsWithContract),
		item("Договоры и документы по клиентам оформляются точно и вовремя",
			"Contracts and client documents are drawn up accurately and on time",
			ClientsWithContract, ClientsWithDocuments),
		item("Отчёты и другие результаты передаются клиентам в срок, как предусмотрено договором",
			"Reports and other deliverables reach clients on time, as the contract provides",
			ReportsOnTime),
	),
	section(2, "Коммуникация с клиентами", "Client communication",
		item("Менеджеры отвечают на запросы клиентов быстро и по существу, жалобы разбираются",
			"Managers answer client requests promptly and fully, and complaints are dealt with",
			ResponseWithinSLA, ComplaintsWithinSLA, ClientsInTouch),
		item("Отзывы клиентов собираются, их удовлетворённость известна",
			"Client feedback is collected and their satisfaction is known",
			Satisfaction),
		item("Конфликты и трудные ситуации с клиентами разрешаются быстро и доводятся до конца",
			"Conflicts and problem situations with clients are resolved quickly and followed through",
			ComplaintsWithinSLA),
	),
	section(3, "Внутренняя координация", "Internal coordination",
		item("Данные и сведения передаются между аккаунт-менеджерами и другими отделами (закупка рекламы, креатив, аналитика) без потерь",
			"Data and information pass between account managers and other departments (media buying, creative, analytics) without loss",
			DepartmentFeedback),
		item("Встречи, обсуждения и контроль задач в команде налажены",
			"Team meetings, discussions and follow-up of tasks are well organised",
			ActionsOverdue),
		item("Сроки соблюдаются, работа с клиентами отражается в CRM (если она есть)",
			"Deadlines are kept and client work is recorded in the CRM (where there is one)",
			ClientsInTouch, ActionsOverdue),
	),
	section(4, "Качество отчётности", "Reporting quality",
		item("Отчёты клиентам уходят в срок, подробные и по согласованному графику",
			"Client reports go out on time, in detail and on the agreed schedule",
			ReportsOnTime),
		item("Отчёты отвечают ожиданиям клиентов и помогают разбирать кампании",
			"Reports meet clients' expectations and help analyse campaigns",
			Satisfaction),
		item("Отчёты точно показывают бюджет, расход средств и выполнение KPI",
			"Reports show budget, spending and KPI attainment accurately",
			ContractsWithTargets),
	),
	section(5, "Управление клиентами", "Client management",
		item("Задачи и нагрузка распределены между сотрудниками правильно",
			"Tasks and workload are distributed properly among staff",
			WorkloadSpread, Overloaded, ClientsWithLead, ClientsWithBackup),
		item("Отдел развивает клиентов: предлагает допродажи и смежные услуги",
			"The department grows its clients: it offers upsell and cross-sell",
			BudgetGrowth),
		item("Отдел удерживает клиентов и вовремя продлевает договоры",
			"The department retains clients and renews contracts in time",
			Retention),
	),
	section(6, "Клиентская база и документы", "Client database and documents",
		item("База клиентов ведётся и обновляется: контакты, договоры, история взаимодействий",
			"The client database is kept and updated: contacts, contracts, history of interactions",
			ClientsWithContacts, ClientsWithContract, ClientsInTouch),
		item("Работа с клиентами и внутренние процедуры описаны полно и правильно",
			"Client work and internal procedures are documented fully and correctly",
			ClientsWithDocuments, ProceduresReviewed),
		item("Документы хранятся в одном месте и доступны всем сотрудникам через CRM или облачное хранилище",
			"Documents are kept in one place, open to all staff through the CRM or cloud storage",
			ClientsWithDocuments),
	),
	section(7, "Регламенты", "Procedures",
		item("Для работы с клиентами и внутри команды есть чёткие инструкции: от сроков ответа до порядка согласования",
			"Clear instructions exist for client work and within the team: from response times to approvals",
			ProceduresReviewed),
		item("Есть регламенты общения с другими отделами и подготовки отчётов и документов",
			"Procedures exist for communication with other departments and for preparing reports and documents",
			ProceduresReviewed),
		item("Сотрудники следуют регламентам, известно, что в них улучшить",
			"Staff follow the procedures, and what to improve in them is known",
			ProceduresAcknowledged, ResponseWithinSLA),
	),
	section(8, "Грейды и развитие", "Grades and development",
		item("Для каждого уровня (младший, средний, старший специалист) описан грейд, навыки сотрудников ему соответствуют",
			"Each level (junior, middle, senior) has a grade description, and staff's skills match it",
			GradesDescribed, StaffAssessed),
		item("Сотрудникам понятен путь профессионального роста, их работа регулярно оценивается",
			"Staff understand their career path, and their work is reviewed regularly",
			StaffReviewed, StaffAssessed),
		item("Сотрудникам доступны обучение и мероприятия для повышения квалификации",
			"Staff have access to training and events to build their skills"),
	),
	section(9, "Работа с другими отделами", "Work with other departments",
		item("Порядок передачи сведений между отделом и другими отделами описан и соблюдается",
			"How information passes between the department and other departments is written down and followed",
			ProceduresAcknowledged, DepartmentFeedback),
		item("Отделы общаются слаженно и регулярно встречаются, чтобы обсудить задачи",
			"Departments communicate smoothly and meet regularly to discuss tasks",
			DepartmentFeedback),
		item("Запросы клиентов передаются другим отделам точно и вовремя, их выполнение отслеживается",
			"Client requests reach other departments accurately and on time, and their completion is tracked",
			DepartmentFeedback, ResponseWithinSLA),
	),
	section(10, "Контроль качества и риски", "Quality control and risks",
		item("KPI по клиентам отслеживаются, включая удержание клиентов и рост бюджета",
			"Client KPIs are monitored, including client retention and budget growth",
			ContractsWithTargets, Retention, BudgetGrowth),
		item("Другие отделы дают отзывы о работе аккаунт-менеджеров",
			"Other departments give feedback on the account managers' work",
			DepartmentFeedback),
		item("Отдел работает с рисками: разбирает проблемы и быстро их решает",
			"The department manages risks: it analyses problems and solves them quickly",
			ActionsOverdue, ComplaintsWithinSLA, ClientsWithBackup),
	),
}
