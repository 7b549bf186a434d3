package assets

import _ "embed" // the fonts below are embedded

// Noto Sans covers Latin and Cyrillic: the meeting pack's PDF embeds it so that
// Russian text prints the same on every machine. Licence: fonts/LICENSE.txt (SIL OFL).
var (
	//go:embed fonts/NotoSans-Regular.ttf
	FontRegular []byte

	//go:embed fonts/NotoSans-Bold.ttf
	FontBold []byte
)
