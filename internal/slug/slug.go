// Package slug holds the one rule that turns free text into an id or an
// id fragment: ASCII letters (lowercased) and digits, every run of other
// characters made a single hyphen, none at either end. Content ids,
// their suggestions and the anchors of rendered Markdown all follow it.
package slug

import "strings"

// Make returns the slug of s; it is empty when s has no ASCII letter or
// digit.
func Make(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		} else {
			hyphen = true
		}
	}
	return b.String()
}
