package data

import (
	"testing"
	"time"
)

func TestSaveContractValidation(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	client := seedClient(t, s, "Ромашка", lead)
	other := seedClient(t, s, "Лютик", lead)
	existing := mustSaveContract(t, s, sampleContract(client, "Д-1"))
	mustSaveContract(t, s, sampleContract(client, "Д-2"))
	cases := []struct {
		name        string
		edit        func(k *Contract)
		field, code string
	}{
		{"no client", func(k *Contract) { k.ClientID = 0 }, "client", "required"},
		{"no number", func(k *Contract) { k.Number = " " }, "number", "required"},
		{"no start", func(k *Contract) { k.Start = time.Time{} }, "start", "required"},
		{"end before start", func(k *Contract) { k.End = Day(2024, 12, 31) }, "end", "before_date"},
		{"negative fee", func(k *Contract) { k.MonthlyFee = -100 }, "monthly_fee", "negative"},
		{"unknown status", func(k *Contract) { k.Status = "signed" }, "status", "invalid_choice"},
		{"notice -1", func(k *Contract) { k.RenewalNoticeDays = -1 }, "renewal_notice_days", "range"},
		{"SLA 0", func(k *Contract) { k.SLAHours = 0 }, "sla_hours", "range"},
		{"SLA negative", func(k *Contract) { k.SLAHours = -4 }, "sla_hours", "range"},
		{"SLA over a month", func(k *Contract) { k.SLAHours = 721 }, "sla_hours", "range"},
		{"report frequency daily", func(k *Contract) { k.ReportFrequency = "daily" }, "report_frequency", "invalid_choice"},
		{"report frequency empty", func(k *Contract) { k.ReportFrequency = "" }, "report_frequency", "invalid_choice"},
		{"workday 0", func(k *Contract) { k.ReportWorkday = 0 }, "report_workday", "range"},
		{"workday 21", func(k *Contract) { k.ReportWorkday = 21 }, "report_workday", "range"},
		{"duplicate number", func(k *Contract) { k.Number = " Д-2 " }, "number", "duplicate"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			k := sampleContract(client, "Д-3")
			tc.edit(&k)
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.SaveContract(tctx, k)
				return err
			})
			k.ID = existing
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.SaveContract(tctx, k)
				return err
			})
		})
	}
	// The same number at another client, an open end and a re-save of itself are fine.
	k := sampleContract(other, "Д-1")
	k.End = time.Time{}
	mustSaveContract(t, s, k)
	k = sampleContract(client, "Д-1")
	k.ID, k.MonthlyFee, k.SLAHours = existing, 0, 0.5
	mustSaveContract(t, s, k)
	list, err := s.Contracts(tctx, client)
	if err != nil || len(list) != 2 {
		t.Fatalf("contracts %+v, %v", list, err)
	}
	var got Contract
	for _, c := range list {
		if c.ID == existing {
			got = c
		}
	}
	if got.MonthlyFee != 0 || got.SLAHours != 0.5 || got.Number != "Д-1" || !got.End.Equal(Day(2026, 12, 31)) ||
		got.ReportFrequency != "monthly" || got.ReportWorkday != 5 || got.Status != ContractActive {
		t.Fatalf("updated %+v", got)
	}
	// A contract id of another client is not updated through this one.
	k.ClientID = other
	k.Number = "Д-9"
	if _, err := s.SaveContract(tctx, k); !isErr(err, ErrNotFound) {
		t.Fatalf("cross-client update: %v", err)
	}
}

func TestContractsNewestFirst(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	client := seedClient(t, s, "Ромашка", lead)
	old := sampleContract(client, "2023/1")
	old.Start, old.End, old.Status = Day(2023, 1, 1), Day(2023, 12, 31), ContractEnded
	mustSaveContract(t, s, old)
	mustSaveContract(t, s, sampleContract(client, "2025/1"))
	list, err := s.Contracts(tctx, client)
	if err != nil || len(list) != 2 || list[0].Number != "2025/1" || list[1].Number != "2023/1" ||
		list[1].Status != ContractEnded {
		t.Fatalf("contracts %+v, %v", list, err)
	}
}

func TestSaveContactValidation(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	client := seedClient(t, s, "Ромашка", lead)
	existing, err := s.SaveContact(tctx, Contact{ClientID: client, Name: "Анна Маркетолог"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name        string
		c           Contact
		field, code string
	}{
		{"no client", Contact{Name: "Анна"}, "client", "required"},
		{"empty name", Contact{ClientID: client, Name: "   "}, "name", "required"},
		{"bad e-mail", Contact{ClientID: client, Name: "Анна", Email: "anna@"}, "email", "invalid_email"},
		{"bad e-mail, no dot", Contact{ClientID: client, Name: "Анна", Email: "anna@romashka"}, "email", "invalid_email"},
		{"bad phone", Contact{ClientID: client, Name: "Анна", Phone: "звонить секретарю"}, "phone", "invalid_phone"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.SaveContact(tctx, tc.c)
				return err
			})
			c := tc.c
			c.ID = existing
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.SaveContact(tctx, c)
				return err
			})
		})
	}
}

func TestContactsSaveListDelete(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	client := seedClient(t, s, "Ромашка", lead)
	other := seedClient(t, s, "Лютик", lead)
	a, err := s.SaveContact(tctx, Contact{ClientID: client, Name: " Борис  Бухгалтер ", Role: " финансы ",
		Email: "boris@romashka.ru", Phone: "8 800 555-35-35"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.SaveContact(tctx, Contact{ClientID: client, Name: "Яна Директор", DecisionMaker: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveContact(tctx, Contact{ClientID: other, Name: "Чужой"}); err != nil {
		t.Fatal(err)
	}
	list, err := s.Contacts(tctx, client)
	if err != nil || len(list) != 2 {
		t.Fatalf("contacts %+v, %v", list, err)
	}
	// Decision makers first.
	if list[0].ID != b || !list[0].DecisionMaker || list[1].ID != a || list[1].Name != "Борис Бухгалтер" ||
		list[1].Role != "финансы" || list[1].Phone != "8 800 555-35-35" {
		t.Fatalf("contacts %+v", list)
	}
	// Updating through the wrong client finds nothing.
	if _, err := s.SaveContact(tctx, Contact{ID: a, ClientID: other, Name: "Борис"}); !isErr(err, ErrNotFound) {
		t.Fatalf("cross-client update: %v", err)
	}
	if err := s.DeleteContact(tctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteContact(tctx, a); !isErr(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	list, _ = s.Contacts(tctx, client)
	if len(list) != 1 || list[0].ID != b {
		t.Fatalf("after delete %+v", list)
	}
}

// Records of a client that does not exist are refused with a field error, not a
// foreign-key failure.
func TestRecordsOfAnUnknownClientAreRefused(t *testing.T) {
	s := openScratchStore(t)
	const ghost = 9999
	expectInvalid(t, s, "client", "invalid_choice", func() error {
		_, err := s.SaveContact(tctx, Contact{ClientID: ghost, Name: "Орлова Вера"})
		return err
	})
	expectInvalid(t, s, "client", "invalid_choice", func() error {
		_, err := s.SaveContract(tctx, sampleContract(ghost, "АМ-1"))
		return err
	})
	expectInvalid(t, s, "client", "invalid_choice", func() error {
		_, err := s.SaveInteraction(tctx, sampleComplaint(ghost, atTime("2026-03-10 10:00")))
		return err
	})
}
