package citation

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// bibTypes are the BibTeX entry types of the CSL types, as BibTeX and
// biblatex (periodical) name them.
var bibTypes = map[string]string{
	"article-journal":  "article",
	"book":             "book",
	"chapter":          "incollection",
	"report":           "techreport",
	"manuscript":       "unpublished",
	"paper-conference": "unpublished",
	"periodical":       "periodical",
	"webpage":          "misc",
}

// risTypes are the RIS reference types of the CSL types.
var risTypes = map[string]string{
	"article-journal":  "JOUR",
	"book":             "BOOK",
	"chapter":          "CHAP",
	"report":           "RPRT",
	"manuscript":       "UNPB",
	"paper-conference": "CPAPER",
	"periodical":       "JFULL",
	"webpage":          "ELEC",
}

// BibTeX writes the record as one BibTeX entry. Corporate names are in
// double braces, so BibTeX takes them whole; titles keep their proper
// nouns' capitals in braces (BibTitle, from ProtectTitle).
func (r *Record) BibTeX() string {
	typ := bibTypes[r.Type]
	if typ == "" {
		typ = "misc"
	}
	var b strings.Builder
	b.WriteString("@" + typ + "{" + r.ID)
	field := func(name, value string) {
		if value != "" {
			b.WriteString(",\n  " + name + " = {" + value + "}")
		}
	}
	title := r.BibTitle
	if title == "" {
		title = BibEscape(r.Title)
	}
	if r.TitleAsIs {
		title = "{" + BibEscape(r.Title) + "}"
	}
	field("title", title)
	field("author", bibNames(r.Authors))
	field("editor", bibNames(r.Editors))
	switch typ {
	case "article":
		field("journal", BibEscape(r.Container))
	case "incollection":
		field("booktitle", BibEscape(r.Container))
	case "misc":
		field("howpublished", BibEscape(r.Container))
	case "unpublished":
		field("eventtitle", BibEscape(r.Event))
	}
	field("series", BibEscape(r.Collection))
	field("volume", BibEscape(r.Volume))
	field("number", BibEscape(r.Issue))
	field("pages", BibEscape(strings.ReplaceAll(r.Pages, "–", "--")))
	if typ == "techreport" {
		field("institution", bibCorporate(r.Publisher))
		field("type", BibEscape(r.Genre))
	} else {
		field("publisher", bibCorporate(r.Publisher))
	}
	field("address", BibEscape(r.Place))
	field("year", BibEscape(r.yearOrUndated()))
	switch {
	case r.Date != "":
		field("date", r.Date)
	case len(r.years()) > 1:
		field("date", r.Year) // a range, as biblatex writes it
	}
	if r.Year == "" && r.Undated == "forthcoming" {
		field("pubstate", "forthcoming")
	}
	if typ == "book" {
		field("edition", BibEscape(r.Version)) // see CSL
	} else {
		field("version", BibEscape(r.Version))
	}
	field("origdate", r.OriginalDate)
	field("url", r.URL)
	field("note", BibEscape(r.noteWithArchive()))
	field("langid", r.Language)
	b.WriteString("\n}\n")
	return b.String()
}

// noteWithArchive is the note, followed by the archival reference for
// formats that have no field for it.
func (r *Record) noteWithArchive() string {
	if r.ArchiveLocation == "" {
		return r.Note
	}
	arch := "Original: " + r.ArchiveLocation
	if r.Note == "" {
		return arch
	}
	return r.Note + ". " + arch
}

func bibNames(names []Name) string {
	parts := make([]string, len(names))
	for i, n := range names {
		switch {
		case n.Literal != "":
			parts[i] = "{" + BibEscape(n.Literal) + "}"
		case n.Given == "":
			parts[i] = "{" + BibEscape(n.Family) + "}"
		default:
			parts[i] = BibEscape(n.Family) + ", " + BibEscape(n.Given)
		}
	}
	return strings.Join(parts, " and ")
}

// bibCorporate writes a body's name so that nothing in it is parsed or
// recased: publisher names such as "Korean War Sources Edition".
func bibCorporate(s string) string {
	if s == "" {
		return ""
	}
	return "{" + BibEscape(s) + "}"
}

// BibEscape escapes the characters that BibTeX and LaTeX treat as
// markup in a field's text.
func BibEscape(s string) string { return bibEscaper.Replace(s) }

var bibEscaper = strings.NewReplacer("\\", `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "#", `\#`, "$", `\$`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\^{}`)

// RIS writes the record as one RIS reference, ending with "ER  - ".
// Corporate names are written without a comma, which RIS readers take
// as a single-field (institutional) name.
func (r *Record) RIS() string {
	typ := risTypes[r.Type]
	if typ == "" {
		typ = "GEN"
	}
	var b strings.Builder
	tag := func(t, v string) {
		v = strings.Join(strings.Fields(v), " ") // one line
		if v != "" {
			b.WriteString(t + "  - " + v + "\n")
		}
	}
	tag("TY", typ)
	tag("ID", r.ID)
	tag("TI", r.Title)
	for _, n := range r.Authors {
		tag("AU", risName(n))
	}
	editorTag := "A2" // the editor of a chapter's book (RIS 2011)
	if typ == "BOOK" {
		editorTag = "A3" // A2 of a book is its series editor
	}
	for _, n := range r.Editors {
		tag(editorTag, risName(n))
	}
	switch typ {
	case "RPRT", "BOOK":
		tag("T3", r.Collection)
		tag("T2", r.Container)
	case "CPAPER":
		tag("T2", r.Event)
	default:
		tag("T2", r.Container)
		tag("T3", r.Collection)
	}
	tag("VL", r.Volume)
	tag("IS", r.Issue)
	if first, last, ok := strings.Cut(r.Pages, "–"); ok {
		tag("SP", first)
		tag("EP", last)
	} else {
		tag("SP", r.Pages)
	}
	tag("PB", r.Publisher)
	tag("CY", r.Place)
	if ys := r.years(); len(ys) > 0 {
		tag("PY", ys[0])
	} else {
		tag("PY", r.yearOrUndated())
	}
	if r.Date != "" {
		tag("DA", strings.ReplaceAll(r.Date, "-", "/"))
	}
	tag("ET", r.Version)
	tag("M3", r.Genre)
	tag("AV", r.ArchiveLocation)
	tag("UR", r.URL)
	tag("N1", r.Note)
	tag("LA", r.Language)
	b.WriteString("ER  - \n")
	return b.String()
}

func risName(n Name) string {
	switch {
	case n.Literal != "":
		return n.Literal
	case n.Given == "":
		return n.Family
	}
	return n.Family + ", " + n.Given
}

// cslName is a name of CSL-JSON.
type cslName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// cslDate is a date of CSL-JSON: date parts, or a literal ("n.d.").
type cslDate struct {
	DateParts [][]int `json:"date-parts,omitempty"`
	Literal   string  `json:"literal,omitempty"`
}

// cslItem is a CSL-JSON item. Its fields are in the byte order of their
// keys, so that it marshals as a map of them would, keys sorted, without
// the map's sorting and boxing; every key but id, type and issued is left
// out when empty.
type cslItem struct {
	URL             string    `json:"URL,omitempty"`
	Archive         string    `json:"archive,omitempty"`
	ArchiveLocation string    `json:"archive_location,omitempty"`
	Author          []cslName `json:"author,omitempty"`
	CollectionTitle string    `json:"collection-title,omitempty"`
	ContainerTitle  string    `json:"container-title,omitempty"`
	Edition         string    `json:"edition,omitempty"`
	Editor          []cslName `json:"editor,omitempty"`
	EventTitle      string    `json:"event-title,omitempty"`
	Genre           string    `json:"genre,omitempty"`
	ID              string    `json:"id"`
	Issue           string    `json:"issue,omitempty"`
	Issued          cslDate   `json:"issued"`
	Language        string    `json:"language,omitempty"`
	Note            string    `json:"note,omitempty"`
	OriginalDate    *cslDate  `json:"original-date,omitempty"`
	Page            string    `json:"page,omitempty"`
	Publisher       string    `json:"publisher,omitempty"`
	PublisherPlace  string    `json:"publisher-place,omitempty"`
	Status          string    `json:"status,omitempty"`
	Title           string    `json:"title,omitempty"`
	Type            string    `json:"type"`
	Version         string    `json:"version,omitempty"`
	Volume          string    `json:"volume,omitempty"`
}

// CSL writes the record as a CSL-JSON item, indented as an element of
// an array (json.MarshalIndent with prefix and indent "  "), keys sorted.
func (r *Record) CSL() string {
	item := cslItem{
		ID: r.ID, Type: r.Type, Title: r.Title,
		Author: cslNames(r.Authors), Editor: cslNames(r.Editors),
		ContainerTitle: r.Container, CollectionTitle: r.Collection, EventTitle: r.Event,
		Volume: r.Volume, Issue: r.Issue, Page: r.Pages,
		Publisher: r.Publisher, PublisherPlace: r.Place, Issued: r.issued(),
		Genre: r.Genre, Archive: r.Archive, ArchiveLocation: r.ArchiveLocation,
		URL: r.URL, Note: r.Note, Language: r.Language,
	}
	if r.Year == "" && r.Undated == "forthcoming" {
		item.Status = "forthcoming"
	}
	if r.OriginalDate != "" {
		d := isoDate(r.OriginalDate)
		item.OriginalDate = &d
	}
	if r.Type == "book" {
		// A CSL 1.0.1 book with a version is software (CSL 1.0.2 readers
		// upgrade it so): a book's version is its edition.
		item.Edition = r.Version
	} else {
		item.Version = r.Version
	}
	b, err := json.MarshalIndent(item, "  ", "  ")
	if err != nil { // strings, ints and the types above always marshal
		panic("citation: " + err.Error())
	}
	return string(b)
}

// cslNames are names as CSL-JSON writes them; nil for none.
func cslNames(ns []Name) []cslName {
	if len(ns) == 0 {
		return nil
	}
	out := make([]cslName, len(ns))
	for i, n := range ns {
		out[i] = cslName{n.Family, n.Given, n.Literal}
	}
	return out
}

// issued is the date of publication of CSL-JSON: the full date, the
// year or years, or what stands for a missing date as a literal.
func (r *Record) issued() cslDate {
	if r.Date != "" {
		return isoDate(r.Date)
	}
	var d cslDate
	for _, y := range r.years() {
		n, err := strconv.Atoi(y)
		if err != nil {
			return cslDate{Literal: r.Year}
		}
		d.DateParts = append(d.DateParts, []int{n})
	}
	if d.DateParts == nil {
		d.Literal = r.yearOrUndated()
	}
	return d
}

// isoDate turns YYYY, YYYY-MM or YYYY-MM-DD, or a range of them A/B, into
// CSL date parts; anything else is kept as a literal.
func isoDate(s string) cslDate {
	var d cslDate
	for _, point := range strings.Split(s, "/") {
		var parts []int
		for _, p := range strings.Split(point, "-") {
			n, err := strconv.Atoi(p)
			if err != nil {
				return cslDate{Literal: s}
			}
			parts = append(parts, n)
		}
		d.DateParts = append(d.DateParts, parts)
	}
	return d
}

// JoinCSL writes items, each as CSL writes it, as one JSON array.
func JoinCSL(items []string) string {
	return string(AppendCSL(nil, items))
}

// AppendCSL appends JoinCSL(items) to b, growing b once, with room for
// one byte more: a newline ending a file.
func AppendCSL(b []byte, items []string) []byte {
	if len(items) == 0 {
		return append(b, "[]"...)
	}
	const first, between, last = "[\n  ", ",\n  ", "\n]"
	n := len(first) + len(last) + (len(items)-1)*len(between)
	for _, item := range items {
		n += len(item)
	}
	b = slices.Grow(b, n+1)
	b = append(b, first...)
	for i, item := range items {
		if i > 0 {
			b = append(b, between...)
		}
		b = append(b, item...)
	}
	return append(b, last...)
}
