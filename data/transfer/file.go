package transfer

import (
	"os"
	"path/filepath"

	"leadboard/data/sheet"
	"leadboard/data/table"
)

// Format is a file format lists export to.
type Format string

const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
)

// Export writes a table to path. The file is written beside it under a temporary
// name and renamed into place when complete, so a failed or cancelled export leaves
// no partial file. delimiter applies to CSV (0: ';').
func Export(path string, t table.Table, format Format, lang string, delimiter rune) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing left to remove
	if format == XLSX {
		err = sheet.WriteXLSX(tmp, t, lang)
	} else {
		err = sheet.WriteCSV(tmp, t, lang, sheet.CSVOptions{Delimiter: delimiter})
	}
	if err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil { // temporary files are private; exports are not
		return err
	}
	return os.Rename(tmp.Name(), path)
}
