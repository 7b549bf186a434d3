package pack

import (
	"context"
	"strings"

	"leadboard/data"
)

// The settings the title page reads: the department's name and the author, kept
// in the database so that the window and `leadboard report` print the same.
const (
	SettingDepartment = "pack.department"
	SettingAuthor     = "pack.author"
)

// Title reads the saved department and author; a department never saved (or
// saved blank) is the language's "Отдел аккаунтинга".
func Title(ctx context.Context, st *data.Store, lang string) (department, author string, err error) {
	department, _, err = st.Setting(ctx, SettingDepartment)
	if err != nil {
		return "", "", err
	}
	if department = strings.TrimSpace(department); department == "" {
		department = (&builder{lang: lang}).T("pack.default_department", nil)
	}
	author, _, err = st.Setting(ctx, SettingAuthor)
	return department, strings.TrimSpace(author), err
}
