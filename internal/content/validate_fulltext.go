package content

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/korean-war-sources/edition/internal/diag"
)

// WCDAHost is the canonical host of the Wilson Center Digital Archive,
// the only one whose addresses the edition cites.
const WCDAHost = "digitalarchive.wilsoncenter.org"

// mirrorDomains are hosts known to serve copies of the Wilson Center
// Digital Archive (staging or agency sites); their addresses are not
// citable.
var mirrorDomains = []string{"dvincitest.com", "drivingcreative.com"}

// Summary length, in sentences.
const (
	MinSummarySentences = 3
	MaxSummarySentences = 8
)

// validateFullText checks the blocks from outside the article of one
// document: addresses, vocabularies, times, duplicates and agreement
// between the blocks. Ids they name are checked by package site.
func validateFullText(d *Document, diags *diag.List) {
	urls := map[string]int{}
	for _, t := range d.PublicTexts {
		pos := at(t.KeyPos, "url", t.Pos)
		checkURL(diags, pos, "url", t.URL)
		if t.Where.ID == "wcda" && t.URL != "" && hostOf(t.URL) != WCDAHost && !isMirror(t.URL) {
			diags.Errorf(pos, "a Wilson Center Digital Archive text must be cited on %s, not %s", WCDAHost, hostOf(t.URL))
		}
		if line, dup := urls[t.URL]; dup && t.URL != "" {
			diags.Errorf(pos, "duplicate public text %s (first listed on line %d)", t.URL, line)
		} else {
			urls[t.URL] = pos.Line
		}
		for _, f := range t.Forms {
			oneOf(diags, at(t.KeyPos, "forms", t.Pos), "form", f, TextForms)
		}
		oneOf(diags, at(t.KeyPos, "extent", t.Pos), "extent", t.Extent, Extents)
		if t.Language != "" && !validLanguage(t.Language) {
			diags.Errorf(at(t.KeyPos, "language", t.Pos), "language %q is not a BCP 47 tag such as en, ru or zh-Hans", t.Language)
		}
	}
	copies := map[string]int{}
	for _, c := range d.ArchivalCopies {
		checkURL(diags, at(c.KeyPos, "recorded_by", c.Pos), "recorded_by", c.RecordedBy)
		key := c.Repository.ID + "|" + c.AsRecorded
		if line, dup := copies[key]; dup {
			diags.Errorf(c.Pos, "duplicate archival copy %q (first listed on line %d)", c.AsRecorded, line)
		} else {
			copies[key] = c.Pos.Line
		}
	}
	validateTransmission(d.Transmission, diags)
	if s := d.Summary; s.Given() {
		if _, ok := urls[s.Of]; !ok && s.Of != "" {
			diags.Errorf(at(s.KeyPos, "of", s.Pos), "summary.of %q names no url of public_texts; give the address of the text summarised", s.Of)
		}
		if n := Sentences(s.Text.Src); n < MinSummarySentences || n > MaxSummarySentences {
			diags.Warnf(at(s.KeyPos, "text", s.Pos), "summary has %s; write %d to %d sentences of the editors' own", plural(n, "sentence"), MinSummarySentences, MaxSummarySentences)
		}
	}
	for _, x := range d.Disagreements {
		oneOf(diags, at(x.KeyPos, "about", x.Pos), "about", x.About, DisagreementKinds)
		checkURL(diags, at(x.KeyPos, "recorded_by", x.Pos), "recorded_by", x.RecordedBy)
	}
	validateSearch(d, diags)
}

func validateTransmission(t Transmission, diags *diag.List) {
	if !t.Given() {
		return
	}
	checkURL(diags, at(t.KeyPos, "recorded_by", t.Pos), "recorded_by", t.RecordedBy)
	timed := !t.Sent.IsZero() || !t.Received.IsZero() || !t.Deciphered.IsZero()
	if timed && strings.TrimSpace(t.Clock) == "" {
		diags.Errorf(t.Pos, "transmission gives a time but no clock; say which (e.g. Moscow time) or write clock: 'not stated in the record'")
	}
	for _, c := range t.Copies {
		if (c.Person.ID == "") == (c.Name == "") {
			diags.Errorf(c.Pos, "a copy goes to exactly one of person (an id) or name (a body or entry without a page)")
		}
	}
}

func validateSearch(d *Document, diags *diag.List) {
	f := d.FullTextSearch
	if !f.Given() {
		if len(d.PublicTexts) > 0 {
			diags.Warnf(at(d.KeyPos, "public_texts", d.Pos), "public_texts without full_text_search; record when the search was made")
		}
		return
	}
	if f.Found == nil {
		return // reported as missing by the decoder
	}
	pos := at(f.KeyPos, "found", f.Pos)
	switch found := *f.Found; {
	case found && len(d.PublicTexts) == 0:
		diags.Errorf(pos, "full_text_search.found is true but public_texts lists no text")
	case !found && len(d.PublicTexts) > 0:
		diags.Errorf(pos, "full_text_search.found is false but public_texts lists %d text(s)", len(d.PublicTexts))
	case !found && strings.TrimSpace(f.Why.Src) == "":
		diags.Errorf(f.Pos, "full_text_search.found is false: say why no text is public with why:")
	}
}

// checkURL reports an address that is not an absolute https URL, and
// one on a mirror of the Wilson Center Digital Archive, naming the
// canonical address.
func checkURL(diags *diag.List, pos diag.Position, key, raw string) {
	if raw == "" {
		return
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		diags.Errorf(pos, "%s %q must be an absolute https address", key, raw)
		return
	}
	if isMirror(raw) {
		canon := *u
		canon.Host = WCDAHost
		diags.Errorf(pos, "%s %q is a mirror of the Wilson Center Digital Archive, not citable; use the canonical host %s: %s", key, raw, WCDAHost, canon.String())
	}
}

// CheckURL is checkURL for the registries' url fields.
func checkRegistryURL(diags *diag.List, keys map[string]diag.Position, def diag.Position, raw string) {
	checkURL(diags, at(keys, "url", def), "url", raw)
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// isMirror reports whether raw is on a mirror host of the WCDA: a known
// staging domain, or a host other than the canonical one that calls
// itself the digital archive or the Wilson Center with a hyphen (as the
// staging copies do). www.wilsoncenter.org, the Center's own site, is not
// a mirror.
func isMirror(raw string) bool {
	host := hostOf(raw)
	if host != WCDAHost && (strings.Contains(host, "digitalarchive") || strings.Contains(host, "digital-archive") || strings.Contains(host, "wilson-center")) {
		return true
	}
	for _, m := range mirrorDomains {
		if host == m || strings.HasSuffix(host, "."+m) {
			return true
		}
	}
	return false
}

// validLanguage accepts a BCP 47 tag of the simple forms used here:
// a primary subtag of two or three letters, then subtags of letters
// and digits (zh-Hans, ru-Latn, en-US).
func validLanguage(tag string) bool {
	for i, part := range strings.Split(tag, "-") {
		if len(part) < 2 || len(part) > 8 {
			return false
		}
		for _, r := range part {
			if r > unicode.MaxASCII || !(unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
				return false
			}
		}
		if i == 0 && len(part) > 3 {
			return false
		}
	}
	return true
}

// abbreviations end in a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"no": true, "nos": true, "comr": true, "f": true, "op": true, "d": true, "l": true, "ll": true,
	"mr": true, "dr": true, "st": true, "vol": true, "pp": true, "p": true, "e.g": true, "i.e": true, "cf": true,
}

// Sentences counts the sentences of a Markdown paragraph: full stops,
// question and exclamation marks followed by a space or the end, except
// after a known abbreviation or a single initial. It is a heuristic for
// a warning, not a parser.
func Sentences(text string) int {
	n := 0
	words := strings.Fields(text)
	for i, w := range words {
		t := strings.TrimRight(w, `"'”’)*_`)
		if t == "" {
			continue
		}
		last := t[len(t)-1]
		if last != '.' && last != '?' && last != '!' {
			continue
		}
		stem := strings.ToLower(strings.TrimLeft(t[:len(t)-1], `"'“‘(*_`))
		if last == '.' && (abbreviations[stem] || len([]rune(stem)) == 1) && i+1 < len(words) {
			continue
		}
		n++
	}
	if n == 0 && strings.TrimSpace(text) != "" {
		n = 1
	}
	return n
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
