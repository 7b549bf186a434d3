// Leadboard is a desktop app for the team lead of an account-management department:
// staff, clients, workload, KPI, reviews and grades in one local database.
package main

import (
	"os"

	"fyne.io/fyne/v2/app"

	"leadboard/ui"
	"leadboard/ui/cli"
)

const appID = "ru.leadboard.app"

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr, openWindow))
}

func openWindow(opts cli.WindowOptions) error {
	ui.Run(app.NewWithID(appID), ui.Options{DBPath: opts.DBPath, Lang: opts.Lang})
	return nil
}
