// Package assets embeds the files the binary carries: the icon and the
// translations (en.json, ru.json).
package assets

import "embed"

// Translations holds translations/en.json and translations/ru.json.
//
//go:embed translations/*.json
var Translations embed.FS

// Icon is the application icon (PNG, 512x512).
//
//go:embed icon.png
var Icon []byte
