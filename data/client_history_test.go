package data

import (
	"slices"
	"testing"
	"time"
)

// The client history the derived KPIs read (migration 0004): client_periods, the
// spells during which a client was served, and client_budgets, its budget from a day
// on. Every way of saving a client must keep both in step with the clients table.

// spellsOf lists a client's served spells as "start..end" ("start.." while open).
func spellsOf(t *testing.T, s *Store, clientID int64) []string {
	t.Helper()
	rows, err := s.read.Query(`SELECT start_date, coalesce(end_date, '') FROM client_periods
		WHERE client_id = ? ORDER BY start_date`, clientID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var start, end string
		if err := rows.Scan(&start, &end); err != nil {
			t.Fatal(err)
		}
		out = append(out, start+".."+end)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// budgetsOf lists a client's budget history as "valid_from=amount".
func budgetsOf(t *testing.T, s *Store, clientID int64) []string {
	t.Helper()
	rows, err := s.read.Query(`SELECT valid_from || '=' || monthly_budget FROM client_budgets
		WHERE client_id = ? ORDER BY valid_from`, clientID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// budgetOn is the budget in force on a day by the history (-1 before its first row).
func budgetOn(t *testing.T, s *Store, clientID int64, d time.Time) int64 {
	t.Helper()
	var v int64 = -1
	err := s.read.QueryRow(`SELECT coalesce((SELECT monthly_budget FROM client_budgets WHERE client_id = ?
		AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1), -1)`, clientID, d.Format(DateLayout)).Scan(&v)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func wantHistory(t *testing.T, s *Store, clientID int64, spells, budgets []string) {
	t.Helper()
	if got := spellsOf(t, s, clientID); !slices.Equal(got, spells) {
		t.Errorf("spells %q, want %q", got, spells)
	}
	if got := budgetsOf(t, s, clientID); !slices.Equal(got, budgets) {
		t.Errorf("budgets %q, want %q", got, budgets)
	}
}

// editClient loads a client, changes it and saves it with the team.
func editClient(t *testing.T, s *Store, id int64, team ClientTeam, edit func(c *Client)) error {
	t.Helper()
	c, err := s.GetClient(tctx, id)
	if err != nil {
		t.Fatal(err)
	}
	edit(&c)
	_, err = s.SaveClient(tctx, c, team)
	return err
}

func mustEditClient(t *testing.T, s *Store, id int64, team ClientTeam, edit func(c *Client)) {
	t.Helper()
	if err := editClient(t, s, id, team, edit); err != nil {
		t.Fatal(err)
	}
}

func churn(on time.Time) func(c *Client) {
	return func(c *Client) {
		c.Status, c.ChurnDate, c.ChurnReason = ClientChurned, on, "сменили агентство"
	}
}

// sampleClient starts on 2023-01-10 with 500 000 a month.
const sampleStart, sampleBudget = "2023-01-10", "=500000"

func TestHistoryOfANewClient(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")

	active := seedClient(t, s, "Активный", lead)
	wantHistory(t, s, active, []string{sampleStart + ".."}, []string{sampleStart + sampleBudget})

	c := sampleClient("Бывший")
	c.Status, c.ChurnDate, c.ChurnReason = ClientChurned, Day(2024, 6, 30), "сменили агентство"
	churned := mustSaveClient(t, s, c, ClientTeam{})
	wantHistory(t, s, churned, []string{sampleStart + "..2024-06-30"}, []string{sampleStart + sampleBudget})

	c = sampleClient("Перспективный")
	c.Status = ClientProspect
	prospect := mustSaveClient(t, s, c, ClientTeam{})
	wantHistory(t, s, prospect, []string{}, []string{sampleStart + sampleBudget}) // never served

	c = sampleClient("На паузе")
	c.Status = ClientPaused
	paused := mustSaveClient(t, s, c, ClientTeam{LeadID: lead})
	wantHistory(t, s, paused, []string{sampleStart + ".."}, []string{sampleStart + sampleBudget}) // paused is served
}

func TestHistoryOfAChurn(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")

	// Through SaveClient.
	a := seedClient(t, s, "Альфа", lead)
	mustEditClient(t, s, a, ClientTeam{}, churn(Day(2025, 5, 20)))
	wantHistory(t, s, a, []string{sampleStart + "..2025-05-20"}, []string{sampleStart + sampleBudget})
	// A corrected churn date moves the spell's end.
	mustEditClient(t, s, a, ClientTeam{}, func(c *Client) { c.ChurnDate = Day(2025, 5, 25) })
	wantHistory(t, s, a, []string{sampleStart + "..2025-05-25"}, []string{sampleStart + sampleBudget})

	// Through ArchiveClient.
	b := seedClient(t, s, "Бета", lead)
	if err := s.ArchiveClient(tctx, b, Day(2025, 7, 1), "закрылись"); err != nil {
		t.Fatal(err)
	}
	wantHistory(t, s, b, []string{sampleStart + "..2025-07-01"}, []string{sampleStart + sampleBudget})

	// A paused client that is archived is lost too.
	c := sampleClient("Гамма")
	c.Status = ClientPaused
	g := mustSaveClient(t, s, c, ClientTeam{LeadID: lead})
	if err := s.ArchiveClient(tctx, g, Day(2025, 8, 1), "закрылись"); err != nil {
		t.Fatal(err)
	}
	wantHistory(t, s, g, []string{sampleStart + "..2025-08-01"}, []string{sampleStart + sampleBudget})

	// Archiving a client already lost leaves its history alone.
	if err := s.ArchiveClient(tctx, a, Day(2026, 1, 1), "ещё раз"); err != nil {
		t.Fatal(err)
	}
	wantHistory(t, s, a, []string{sampleStart + "..2025-05-25"}, []string{sampleStart + sampleBudget})
}

func TestHistoryOfAReturn(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	other := seedPerson(t, s, "Петров Пётр")
	id := seedClient(t, s, "Альфа", lead)
	mustEditClient(t, s, id, ClientTeam{}, churn(Day(2025, 5, 20)))

	// Coming back before it left is refused on "from", and writes nothing.
	expectInvalid(t, s, "from", "before_date", func() error {
		return editClient(t, s, id, ClientTeam{LeadID: other, From: Day(2025, 5, 19)}, func(c *Client) {
			c.Status = ClientActive
		})
	})
	// Back from 1 September with another lead and a new budget: a second spell, the
	// budget from the return.
	mustEditClient(t, s, id, ClientTeam{LeadID: other, From: Day(2025, 9, 1)}, func(c *Client) {
		c.Status, c.MonthlyBudget = ClientActive, 300_000
	})
	wantHistory(t, s, id, []string{sampleStart + "..2025-05-20", "2025-09-01.."},
		[]string{sampleStart + sampleBudget, "2025-09-01=300000"})
	if a := openRole(t, s, id, RoleLead); a.StaffID != other || !a.Start.Equal(Day(2025, 9, 1)) {
		t.Errorf("lead after the return: %+v", a)
	}

	// Lost again: the second spell ends; the first is untouched.
	mustEditClient(t, s, id, ClientTeam{}, churn(Day(2025, 12, 31)))
	wantHistory(t, s, id, []string{sampleStart + "..2025-05-20", "2025-09-01..2025-12-31"},
		[]string{sampleStart + sampleBudget, "2025-09-01=300000"})

	// Back (paused counts as served) on the very day it left: allowed, spells touch.
	mustEditClient(t, s, id, ClientTeam{LeadID: lead, From: Day(2025, 12, 31)}, func(c *Client) {
		c.Status = ClientPaused
	})
	wantHistory(t, s, id, []string{sampleStart + "..2025-05-20", "2025-09-01..2025-12-31", "2025-12-31.."},
		[]string{sampleStart + sampleBudget, "2025-09-01=300000"})

	// Moving the start earlier moves the first spell's start and the first budget's.
	mustEditClient(t, s, id, ClientTeam{LeadID: lead}, func(c *Client) { c.StartDate = Day(2022, 11, 1) })
	wantHistory(t, s, id, []string{"2022-11-01..2025-05-20", "2025-09-01..2025-12-31", "2025-12-31.."},
		[]string{"2022-11-01" + sampleBudget, "2025-09-01=300000"})
}

func TestHistoryBackToProspect(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	id := seedClient(t, s, "Альфа", lead)
	mustEditClient(t, s, id, ClientTeam{}, churn(Day(2025, 5, 20)))
	mustEditClient(t, s, id, ClientTeam{LeadID: lead, From: Day(2025, 9, 1)}, func(c *Client) { c.Status = ClientActive })

	// "It was never served": both spells go; the budget history stays (harmless: the
	// KPIs only read budgets of served days).
	mustEditClient(t, s, id, ClientTeam{LeadID: lead}, func(c *Client) { c.Status = ClientProspect })
	wantHistory(t, s, id, []string{}, []string{sampleStart + sampleBudget})

	// Served again: one spell from the client's start.
	mustEditClient(t, s, id, ClientTeam{LeadID: lead}, func(c *Client) { c.Status = ClientActive })
	wantHistory(t, s, id, []string{sampleStart + ".."}, []string{sampleStart + sampleBudget})
}

func TestHistoryOfBudgetChanges(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	id := seedClient(t, s, "Альфа", lead)

	// A change from a date.
	mustEditClient(t, s, id, ClientTeam{LeadID: lead, From: Day(2025, 3, 1)}, func(c *Client) { c.MonthlyBudget = 600_000 })
	wantHistory(t, s, id, []string{sampleStart + ".."}, []string{sampleStart + sampleBudget, "2025-03-01=600000"})
	// Saving with the same budget adds nothing, whatever the date.
	mustEditClient(t, s, id, ClientTeam{LeadID: lead, From: Day(2025, 6, 1)}, func(c *Client) { c.Notes = "звонок" })
	wantHistory(t, s, id, []string{sampleStart + ".."}, []string{sampleStart + sampleBudget, "2025-03-01=600000"})
	// A correction on the same day replaces that day's amount.
	mustEditClient(t, s, id, ClientTeam{LeadID: lead, From: Day(2025, 3, 1)}, func(c *Client) { c.MonthlyBudget = 650_000 })
	wantHistory(t, s, id, []string{sampleStart + ".."}, []string{sampleStart + sampleBudget, "2025-03-01=650000"})
	// No date: from today (the clock's 2026-03-16).
	mustEditClient(t, s, id, ClientTeam{LeadID: lead}, func(c *Client) { c.MonthlyBudget = 0 })
	wantHistory(t, s, id, []string{sampleStart + ".."},
		[]string{sampleStart + sampleBudget, "2025-03-01=650000", "2026-03-16=0"})
	// A date in the future is refused.
	expectInvalid(t, s, "from", "in_future", func() error {
		return editClient(t, s, id, ClientTeam{LeadID: lead, From: clockToday.AddDate(0, 0, 1)}, func(c *Client) {
			c.MonthlyBudget = 1
		})
	})

	// Moving the start earlier takes the first budget with it; a later one stays.
	mustEditClient(t, s, id, ClientTeam{LeadID: lead}, func(c *Client) { c.StartDate = Day(2022, 12, 1) })
	wantHistory(t, s, id, []string{"2022-12-01.."},
		[]string{"2022-12-01" + sampleBudget, "2025-03-01=650000", "2026-03-16=0"})
}

// A budget change dated before the client's start (a client signed to start next
// month whose budget is corrected today, or a change back-dated too far) must be the
// budget from the start on. recordBudget writes it under the earlier date and leaves
// the first row, dated the start, in place: the old amount wins from the start on.
func TestBudgetChangeDatedBeforeTheStart(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")

	// Back-dated before the start.
	id := seedClient(t, s, "Альфа", lead) // starts 2023-01-10
	mustEditClient(t, s, id, ClientTeam{LeadID: lead, From: Day(2023, 1, 1)}, func(c *Client) { c.MonthlyBudget = 700_000 })
	if got := budgetOn(t, s, id, Day(2023, 2, 1)); got != 700_000 {
		t.Errorf("back-dated change: budget on 2023-02-01 is %d, want 700000 (history %q)", got, budgetsOf(t, s, id))
	}

	// A client who starts next month, corrected today.
	c := sampleClient("Бета")
	c.StartDate = Day(2026, 4, 1)
	id = mustSaveClient(t, s, c, ClientTeam{LeadID: lead})
	mustEditClient(t, s, id, ClientTeam{LeadID: lead}, func(c *Client) { c.MonthlyBudget = 800_000 })
	if got := budgetOn(t, s, id, Day(2026, 4, 30)); got != 800_000 {
		t.Errorf("future client: budget on 2026-04-30 is %d, want 800000 (history %q)", got, budgetsOf(t, s, id))
	}
}
