package live

import "bytes"

// Inject returns page with ScriptTag added before its closing </body> tag
// (or </html>, or at the end when it has neither). The last closing tag
// is used: an earlier "</body>" can only be inside a comment or script,
// since in text it would be escaped. page is not modified.
func Inject(page []byte) []byte {
	at := lastIndexFold(page, []byte("</body"))
	if at < 0 {
		at = lastIndexFold(page, []byte("</html"))
	}
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(ScriptTag)+1)
	out = append(out, page[:at]...)
	out = append(out, ScriptTag...)
	if at < len(page) {
		out = append(out, '\n')
	}
	return append(out, page[at:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case, as HTML tag names
// are case-insensitive. sep must be lower case.
func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}
