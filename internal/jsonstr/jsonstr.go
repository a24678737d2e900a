// Package jsonstr writes JSON strings as encoding/json writes them,
// without reflection: files of tens of thousands of strings (the search
// shards, the open-data tables) are written by hand around it and still
// match json.Marshal byte for byte.
package jsonstr

import "unicode/utf8"

// Append appends s as a JSON string exactly as encoding/json writes it:
// '<', '>' and '&' escaped, as are U+2028 and U+2029, and invalid UTF-8
// replaced by U+FFFD.
func Append(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0 // of the bytes not yet copied
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && jsonSafe(c) {
			i++
			continue
		}
		size, escaped := 1, ""
		if c < utf8.RuneSelf {
			escaped = jsonEscapes[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				escaped = `\ufffd`
			case r == '\u2028':
				escaped = `\u2028`
			case r == '\u2029':
				escaped = `\u2029`
			}
		}
		if escaped != "" {
			dst = append(append(dst, s[start:i]...), escaped...)
			start = i + size
		}
		i += size
	}
	return append(append(dst, s[start:]...), '"')
}

// jsonSafe reports whether encoding/json writes the ASCII byte c as it is.
func jsonSafe(c byte) bool {
	return c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
}

// jsonEscapes is how encoding/json writes each ASCII byte that is not
// jsonSafe.
var jsonEscapes = func() (t [utf8.RuneSelf]string) {
	const hex = "0123456789abcdef"
	for c := range t {
		if !jsonSafe(byte(c)) {
			t[c] = `\u00` + string(hex[c>>4]) + string(hex[c&0xf])
		}
	}
	t['"'], t['\\'] = `\"`, `\\`
	t['\b'], t['\f'], t['\n'], t['\r'], t['\t'] = `\b`, `\f`, `\n`, `\r`, `\t`
	return t
}()
