// Package cli is Leadboard's command line: the window when run without a
// subcommand, and headless subcommands (demo, check, version) that use the same
// store. It does not import Fyne, so scripts stay light; main passes in the
// function that opens the window.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"leadboard/assets/locale"
	"leadboard/data"
	"leadboard/data/demo"
)

// Version is the program's version, set at build time with
// -ldflags "-X leadboard/ui/cli.Version=...".
var Version = "0.1.0"

// Exit codes.
const (
	ExitOK        = 0
	ExitUnhealthy = 1 // check found problems in the database
	ExitUsage     = 2 // bad command line
	ExitNoDB      = 3 // the database cannot be opened
	ExitFailed    = 4 // anything else went wrong
)

// WindowOptions is what the window needs from the command line.
type WindowOptions struct {
	DBPath string
	Lang   string
}

// env is one run of the command line.
type env struct {
	stdout, stderr io.Writer
	msg            locale.Catalog
	lang           string
}

// Run executes the command line and returns the exit code. openWindow starts the
// desktop window (nil in tests of the headless commands).
func Run(args []string, stdout, stderr io.Writer, openWindow func(WindowOptions) error) int {
	e := &env{stdout: stdout, stderr: stderr}
	e.setLanguage(langFromArgs(args))
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		args = []string{"help"}
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return e.window(args, openWindow)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "demo":
		return e.demo(rest)
	case "check":
		return e.check(rest)
	case "import":
		return e.importFile(rest)
	case "export":
		return e.exportFile(rest)
	case "report":
		return e.report(rest)
	case "version":
		fmt.Fprintf(stdout, "leadboard %s (%s)\n", Version, e.t("cli.schema", map[string]any{"Version": data.LatestSchema()}))
		return ExitOK
	case "help":
		e.usage(stdout)
		return ExitOK
	}
	fmt.Fprintln(stderr, e.t("cli.unknown_command", map[string]any{"Command": cmd}))
	e.usage(stderr)
	return ExitUsage
}

// langFromArgs finds --lang before flags are parsed, so that flag errors are
// already in the chosen language.
func langFromArgs(args []string) string { return flagValue(args, "lang") }

// flagValue finds a flag's value before the flags are parsed ("" when absent).
func flagValue(args []string, name string) string {
	for i, a := range args {
		switch {
		case (a == "--"+name || a == "-"+name) && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(a, "--"+name+"="), strings.HasPrefix(a, "-"+name+"="):
			return a[strings.Index(a, "=")+1:]
		}
	}
	return ""
}

func (e *env) setLanguage(choice string) {
	e.lang = locale.FromEnv()
	if l, ok := locale.Normalize(choice); ok {
		e.lang = l
	}
	msg, err := locale.Load(e.lang)
	if err != nil {
		msg = locale.Catalog{}
	}
	e.msg = msg
}

func (e *env) t(key string, data map[string]any) string {
	return e.msg.T(key, locale.FormatParams(e.lang, data))
}

func (e *env) usage(w io.Writer) {
	fmt.Fprintln(w, e.t("cli.usage", nil))
}

// flags makes a flag set whose errors and help go to stderr in the user's language.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { e.usage(e.stderr) }
	return fs
}

// parse reads flags; it accepts no positional arguments.
func (e *env) parse(fs *flag.FlagSet, args []string) bool {
	if err := fs.Parse(args); err != nil {
		return false
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(e.stderr, e.t("cli.unexpected_args", map[string]any{"Args": strings.Join(fs.Args(), " ")}))
		return false
	}
	return true
}

func (e *env) window(args []string, openWindow func(WindowOptions) error) int {
	fs := e.flags("leadboard")
	db := fs.String("db", "", "")
	lang := fs.String("lang", "", "")
	if !e.parse(fs, args) || !e.validLang(*lang) {
		return ExitUsage
	}
	if openWindow == nil {
		fmt.Fprintln(e.stderr, e.t("cli.no_window", nil))
		return ExitFailed
	}
	if err := openWindow(WindowOptions{DBPath: *db, Lang: *lang}); err != nil {
		return e.fail(err)
	}
	return ExitOK
}

func (e *env) validLang(l string) bool {
	if l == "" || l == locale.Russian || l == locale.English {
		return true
	}
	fmt.Fprintln(e.stderr, e.t("cli.bad_lang", map[string]any{"Lang": l}))
	return false
}

// fail prints an error in the user's language and picks the exit code.
func (e *env) fail(err error) int {
	if dbErr, ok := data.AsDBError(err); ok {
		fmt.Fprintln(e.stderr, e.describeDBError(dbErr))
		return ExitNoDB
	}
	if errors.Is(err, demo.ErrNotEmpty) {
		fmt.Fprintln(e.stderr, e.t("cli.demo.not_empty", nil))
		return ExitFailed
	}
	fmt.Fprintln(e.stderr, e.t("cli.error", map[string]any{"Error": err.Error()}))
	return ExitFailed
}

func (e *env) describeDBError(err *data.DBError) string {
	detail := ""
	if err.Err != nil && !errors.Is(err.Err, data.ErrNotFound) {
		detail = err.Err.Error()
	}
	return e.t("dberr."+string(err.Problem), map[string]any{
		"Path": err.Path, "Version": err.Version, "Known": err.Known, "Error": detail})
}
