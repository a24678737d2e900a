// Package htmlcheck finds what in a built page could run as script: the
// tests that feed the build hostile or random content use it to prove
// that none of it reaches a reader's browser as code.
package htmlcheck

import (
	"bytes"
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// LiveScripts lists the script elements of page other than the site's
// own (a src inside the site, or JSON-LD that is valid JSON with every
// "<" escaped), every event-handler attribute and every javascript: link.
// rootPaths allows a src from the site's root ("/assets/site.js"), as the
// 404 page, served at any depth, has.
func LiveScripts(page []byte, rootPaths bool) []string {
	var found []string
	z := html.NewTokenizer(bytes.NewReader(page))
	script := "" // the kind of the script element the tokenizer is in
	for {
		switch z.Next() {
		case html.ErrorToken:
			return found
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			src, typ := "", ""
			for _, a := range tok.Attr {
				switch {
				case strings.HasPrefix(strings.ToLower(a.Key), "on"):
					found = append(found, "event handler on <"+tok.Data+">: "+a.Key)
				case a.Key == "src":
					src = a.Val
				case a.Key == "type":
					typ = a.Val
				case a.Key == "href" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:"):
					found = append(found, "javascript: link "+a.Val)
				}
			}
			if tok.Data != "script" {
				continue
			}
			switch {
			case src != "":
				script = "src"
				if !insideSite(src, rootPaths) {
					found = append(found, "script from outside the site: "+src)
				}
			case typ == "application/ld+json":
				script = "json"
			default:
				script = "inline"
				found = append(found, "inline "+tok.String())
			}
		case html.TextToken:
			text := z.Text()
			switch {
			case script == "json" && (!json.Valid(text) || bytes.Contains(text, []byte("<"))):
				found = append(found, "JSON-LD that is not valid JSON: "+string(text))
			case script == "src" && len(bytes.TrimSpace(text)) > 0:
				found = append(found, "script with both src and text: "+string(text))
			}
		case html.EndTagToken:
			script = ""
		}
	}
}

// insideSite reports whether a script's src is a path of the site.
func insideSite(src string, rootPaths bool) bool {
	if strings.Contains(src, ":") || strings.HasPrefix(src, "//") {
		return false
	}
	return rootPaths || !strings.HasPrefix(src, "/")
}
