package transfer_test

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/transfer"
)

// The import of a long log, against the floor of SQLite's own CSV import of the
// same file into a bare table, on the same machine in the same run:
//
//	go test -tags migrated_fynedo -run '^$' -bench ImportInteractions1M -benchtime 1x ./data/transfer/
//
// The million-row file is written once into os.TempDir() and reused.

const benchRows = 1_000_000

// benchFile writes (or finds) the million-row interactions CSV: rows as a CRM export
// of the demo department's log would have them, referring to the demo's clients and
// managers.
func benchFile(b *testing.B) string {
	b.Helper()
	// Named after the schema too: the file names the demo's people and clients, and
	// the demo changes with the schema.
	path := filepath.Join(os.TempDir(), fmt.Sprintf("leadboard-bench-interactions-%d-seed7-%s-v%d.csv",
		benchRows, demoAsOf.Format("20060102"), data.LatestSchema()))
	if info, err := os.Stat(path); err == nil && info.Size() > 0 {
		return path
	}
	st, _ := demoStore(b)
	ctx := context.Background()
	clients, err := st.ListClients(ctx, data.ClientFilter{WithArchived: true})
	if err != nil {
		b.Fatal(err)
	}
	staff, err := st.ListStaff(ctx, data.StaffFilter{Statuses: data.StaffStatuses})
	if err != nil {
		b.Fatal(err)
	}
	// Managers as offices write them: the full name, or "Фамилия И.О." when that
	// names one person.
	short := func(full string) string {
		w := strings.Fields(full)
		if len(w) < 3 {
			return full
		}
		return w[0] + " " + string([]rune(w[1])[:1]) + "." + string([]rune(w[2])[:1]) + "."
	}
	shortCount := map[string]int{}
	for _, p := range staff {
		shortCount[short(p.FullName)]++
	}
	type ref struct{ full, short string }
	var people []ref
	for _, p := range staff {
		r := ref{full: p.FullName, short: p.FullName}
		if shortCount[short(p.FullName)] == 1 {
			r.short = short(p.FullName)
		}
		people = append(people, r)
	}
	channels := []string{"Звонок", "почта", "Встреча", "Telegram", "e-mail", "звонок"}
	kinds := []string{"Запрос", "запрос", "Жалоба", "Встреча", "Отзыв", "Допродажа", "Продление", "Отчёт", "Эскалация",
		"Кросс-продажа"}
	notes := []string{"", "", "Уточнить медиаплан", "Просят перенести созвон; подтвердить дату",
		"Задержка отчёта по кампании", "Согласовали бюджет на \"весну\"", "Перезвонить после 15:00",
		"Нужен доступ к кабинету, отправили запрос"}

	tmp, err := os.CreateTemp(os.TempDir(), ".leadboard-bench-*")
	if err != nil {
		b.Fatal(err)
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 1<<20)
	bw.WriteString("\uFEFF")
	w := csv.NewWriter(bw) // ',' so that sqlite3 --csv reads the same file
	w.UseCRLF = true
	w.Write([]string{"Дата", "Клиент", "Менеджер", "Канал", "Тип", "Время ответа, ч", "Решено", "Оценка", "Сумма",
		"Срок отчёта", "Комментарий"})
	rng := rand.New(rand.NewPCG(1, 2))
	start := data.Day(2022, 1, 3)
	per := make([]int, len(clients)) // entries so far per client: keeps (client, time) unique
	for i := range benchRows {
		c := i % len(clients)
		k := per[c]
		per[c]++
		// Twenty slots of 30 minutes per working day, shifted per client.
		day := start.AddDate(0, 0, k/20)
		at := day.Add(time.Duration(9*60+(k%20)*30+c%30) * time.Minute)
		p := people[rng.IntN(len(people))]
		who := p.full
		if rng.IntN(2) == 0 {
			who = p.short
		}
		kind := kinds[rng.IntN(len(kinds))]
		row := []string{at.Format("02.01.2006 15:04"), clients[c].Name, who, channels[rng.IntN(len(channels))], kind,
			"", "", "", "", "", notes[rng.IntN(len(notes))]}
		if rng.IntN(3) > 0 {
			row[5] = strconv.FormatFloat(float64(rng.IntN(96))/4, 'f', -1, 64)
			row[5] = strings.Replace(row[5], ".", ",", 1)
		}
		if kind == "Жалоба" || kind == "Эскалация" || kind == "Запрос" {
			row[6] = at.Add(time.Duration(30+rng.IntN(3000)) * time.Minute).Format("02.01.2006 15:04")
		}
		switch kind {
		case "Отзыв":
			row[7] = strconv.Itoa(1 + rng.IntN(5))
		case "Допродажа", "Продление", "Кросс-продажа":
			row[8] = fmt.Sprintf("%d %03d ₽", 50+rng.IntN(900), rng.IntN(1000))
		case "Отчёт":
			row[9] = day.AddDate(0, 0, 3).Format("02.01.2006")
		}
		if err := w.Write(row); err != nil {
			b.Fatal(err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		b.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := tmp.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		b.Fatal(err)
	}
	return path
}

// sqliteFloor imports the file with the sqlite3 shell into a bare table of the same
// columns and returns the time it took.
func sqliteFloor(b *testing.B, file string) time.Duration {
	b.Helper()
	const shell = "/usr/bin/sqlite3"
	if _, err := os.Stat(shell); err != nil {
		b.Skip("no sqlite3 shell:", err)
	}
	db := filepath.Join(b.TempDir(), "bare.db")
	create := `CREATE TABLE bare_table (datetime TEXT, client TEXT, manager TEXT, channel TEXT, kind TEXT,
		response_hours TEXT, resolved_at TEXT, satisfaction TEXT, amount TEXT, report_due TEXT, notes TEXT);`
	if out, err := exec.Command(shell, db, create).CombinedOutput(); err != nil {
		b.Fatalf("sqlite3: %v\n%s", err, out)
	}
	began := time.Now()
	out, err := exec.Command(shell, db, ".import --csv --skip 1 "+file+" bare_table").CombinedOutput()
	took := time.Since(began)
	if err != nil {
		b.Fatalf("sqlite3 .import: %v\n%s", err, out)
	}
	n, err := exec.Command(shell, db, "SELECT count(*) FROM bare_table").Output()
	if err != nil || strings.TrimSpace(string(n)) != strconv.Itoa(benchRows) {
		b.Fatalf("sqlite3 imported %q rows: %v", n, err)
	}
	return took
}

func BenchmarkImportInteractions1M(b *testing.B) {
	file := benchFile(b)
	info, err := os.Stat(file)
	if err != nil {
		b.Fatal(err)
	}
	var total time.Duration
	var peakHeap, peakSys atomic.Uint64
	var after runtime.MemStats
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		st, _ := demoStore(b)
		runtime.GC()
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { // sample the heap while the import runs
			defer wg.Done()
			var m runtime.MemStats
			for {
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peakHeap.Load() {
					peakHeap.Store(m.HeapInuse)
				}
				if m.Sys > peakSys.Load() {
					peakSys.Store(m.Sys)
				}
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Millisecond):
				}
			}
		}()
		b.StartTimer()
		began := time.Now()
		rep, err := transfer.Import(context.Background(), st, file, transfer.Options{Kind: transfer.Interactions})
		took := time.Since(began)
		b.StopTimer()
		close(stop)
		wg.Wait()
		runtime.ReadMemStats(&after)
		if err != nil || rep.Failed() || rep.Rows != benchRows || rep.Added+rep.Unchanged != benchRows {
			b.Fatalf("import: %v %s", err, describe(rep))
		}
		total += took
		st.Close()
		b.StartTimer()
	}
	b.StopTimer()
	floor := sqliteFloor(b, file)
	per := total.Seconds() / float64(b.N)
	importRate := float64(benchRows) / per
	floorRate := float64(benchRows) / floor.Seconds()
	b.ReportMetric(importRate, "rows/s")
	b.ReportMetric(floorRate, "sqlite3-rows/s")
	b.ReportMetric(importRate/floorRate, "ratio")
	b.ReportMetric(float64(peakHeap.Load())/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(info.Size())/(1<<20), "file-MB")
	b.Logf("file %s: %d rows, %.1f MB", file, benchRows, float64(info.Size())/(1<<20))
	b.Logf("transfer.Import: %.2f s, %.0f rows/s", per, importRate)
	b.Logf("sqlite3 .import --csv: %.2f s, %.0f rows/s; import/floor = %.2f", floor.Seconds(), floorRate, importRate/floorRate)
	b.Logf("memory: peak HeapInuse %.1f MB, peak Sys %.1f MB; after the import HeapInuse %.1f MB, Sys %.1f MB",
		float64(peakHeap.Load())/(1<<20), float64(peakSys.Load())/(1<<20),
		float64(after.HeapInuse)/(1<<20), float64(after.Sys)/(1<<20))
}
