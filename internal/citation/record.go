// Package citation writes bibliographic records in the three formats
// reference managers read: BibTeX, RIS and CSL-JSON. A Record is filled
// once, from an edition page, the article or a work of the bibliography,
// and each format is written from it, so the three always agree.
package citation

import "strings"

// Name is a person's name split into family and given names, or a
// corporate name (or a personal name that cannot be split) kept whole
// in Literal, which every format writes so that it is never parsed as
// a person's "Given Family".
type Name struct {
	Family, Given, Literal string
}

// Corporate is the name of a body, kept whole.
func Corporate(name string) Name { return Name{Literal: name} }

// String is the name as it would be printed, given name first unless
// the family name comes first in the name's own usage (Literal).
func (n Name) String() string {
	if n.Literal != "" {
		return n.Literal
	}
	return strings.TrimSpace(n.Given + " " + n.Family)
}

// Record is one bibliographic item. Type is a CSL item type: webpage,
// article-journal, book, chapter, report, manuscript, paper-conference,
// periodical. Empty fields are left out of every format.
type Record struct {
	ID    string
	Type  string
	Title string
	// BibTitle is Title for BibTeX, escaped, its proper nouns in braces
	// so that styles that change a title's case keep theirs
	// (ProtectTitle); empty means Title escaped.
	BibTitle string
	// TitleAsIs keeps the title's capitals exactly as printed (titles in
	// other languages): BibTeX protects the whole title.
	TitleAsIs bool
	Authors   []Name
	Editors   []Name
	// Container is the journal, book, website or edition the item is in.
	Container string
	// Collection is the series (a working-paper series).
	Collection    string
	Volume, Issue string
	Pages         string
	Publisher     string
	Place         string
	// Year is the year of publication, or two years "1995/1996" for an
	// issue dated across them; empty when the source gives none, and then
	// Undated says what to write instead ("n.d.", "forthcoming").
	Year    string
	Undated string
	// Date is the full date of publication, YYYY-MM-DD, when known.
	Date string
	// OriginalDate is the date of the document an edition page presents.
	OriginalDate    string
	Version         string
	Genre           string // kind of report, thesis or manuscript
	Event           string // conference at which a paper was given
	Archive         string // repository of an archival original
	ArchiveLocation string // the archival reference as printed
	URL             string
	Note            string
	Language        string
}

// yearOrUndated is the year every format writes: the year, or what
// stands for it when the source gives none.
func (r *Record) yearOrUndated() string {
	if r.Year != "" {
		return r.Year
	}
	if r.Undated != "" {
		return r.Undated
	}
	return "n.d."
}

// years splits Year into its first and last year ("1995/1996").
func (r *Record) years() []string {
	if r.Year == "" {
		return nil
	}
	return strings.Split(r.Year, "/")
}
