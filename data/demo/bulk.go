package demo

// Bulk loading. Log entries go in client by client, and within a client in time
// order, so an index that starts with the client grows at its end, cheaply; an index
// keyed by time, staff or kind instead takes random inserts all over a B-tree much
// larger than the page cache, which at two million rows costs more than the rows
// themselves (the covering indexes of the derived KPIs made the large demo half as
// slow again). Those indexes are dropped before the load and built again after it,
// one sort each. It all happens inside the generating transaction, so a failed or
// cancelled run leaves the schema as it was.

// deferIndexes drops the table's indexes that do not start with client_id (the
// primary key and UNIQUE constraints stay) and returns the statements that build
// them again.
func (w *writer) deferIndexes(table string) []string {
	if w.err != nil {
		return nil
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT m.name, m.sql FROM sqlite_master m
		WHERE m.type = 'index' AND m.tbl_name = ? AND m.sql IS NOT NULL
			AND (SELECT i.name FROM pragma_index_info(m.name) i WHERE i.seqno = 0) IS NOT 'client_id'
		ORDER BY m.name`, table)
	if err != nil {
		w.err = err
		return nil
	}
	var names, rebuild []string
	for rows.Next() {
		var name, sql string
		if w.err = rows.Scan(&name, &sql); w.err != nil {
			rows.Close()
			return nil
		}
		names, rebuild = append(names, name), append(rebuild, sql)
	}
	rows.Close()
	if w.err = rows.Err(); w.err != nil {
		return nil
	}
	for _, name := range names {
		if _, w.err = w.tx.ExecContext(w.ctx, `DROP INDEX "`+name+`"`); w.err != nil {
			return nil
		}
	}
	return rebuild
}

// buildIndex runs one of the statements deferIndexes returned.
func (w *writer) buildIndex(q string) {
	if w.err == nil {
		_, w.err = w.tx.ExecContext(w.ctx, q)
	}
}
