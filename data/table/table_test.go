package table

import "testing"

func TestCollect(t *testing.T) {
	cols := []Column{{Key: "a", Kind: Text}, {Key: "b", Kind: Integer}}
	buf := []any{"x", int64(1)}
	reused := Table{Name: "t", Columns: cols, Rows: func(yield func([]any) error) error {
		for i := range 2 {
			buf[1] = int64(i)
			if err := yield(buf); err != nil {
				return err
			}
		}
		return nil
	}}
	rows, err := reused.Collect()
	if err != nil || len(rows) != 2 || rows[0][1] != int64(0) || rows[1][1] != int64(1) {
		t.Fatalf("rows %v, %v: a row yielded from a reused buffer must be copied", rows, err)
	}
	if _, err := FromRows("t", cols, [][]any{{"x"}}).Collect(); err == nil {
		t.Error("a row narrower than the columns was taken")
	}
	if rows, err := (Table{Columns: cols}).Collect(); rows != nil || err != nil {
		t.Errorf("a table without rows: %v, %v", rows, err)
	}
}
