package transfer

import (
	"io"
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

// Export writes a table to path, atomically (see WriteFile). delimiter applies to
// CSV (0: ';').
func Export(path string, t table.Table, format Format, lang string, delimiter rune) error {
	return WriteFile(path, func(w io.Writer) error {
		if format == XLSX {
			return sheet.WriteXLSX(w, t, lang)
		}
		return sheet.WriteCSV(w, t, lang, sheet.CSVOptions{Delimiter: delimiter})
	})
}

// WriteFile writes path through write. The file is written beside it under a
// temporary name and renamed into place when complete, so a failed or cancelled
// export leaves no partial file.
func WriteFile(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing left to remove
	if err := write(tmp); err != nil {
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
