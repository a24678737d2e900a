// Package export writes the edition's metadata as open data: one JSON and
// one CSV file per table (documents, persons, notes, works, events), so
// others can reuse the edition without scraping it. The columns are
// documented on the site's data page, from the same Table definitions.
package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/jsonstr"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/parallel"
	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/subject"
)

// Table is one downloadable table.
type Table struct {
	Name    string   // file stem: documents, persons …
	Columns []Column // in order
	Rows    [][]string
	// N is how many rows the table has: len(Rows), or for a table of
	// Shapes, which has no rows, how many Tables makes.
	N int
}

// Column is a documented column.
type Column struct {
	Name, Meaning string
}

// JSONPath is the path of the table as JSON.
func (t Table) JSONPath() string { return "data/" + t.Name + ".json" }

// CSVPath is the path of the table as CSV.
func (t Table) CSVPath() string { return "data/" + t.Name + ".csv" }

// makers make the tables, in order; with rows false, a table without
// rows but with their number (see Shapes).
var makers = []func(s *site.Site, rows bool) Table{documents, persons, notes, works, events, publicTexts, disagreements}

// Tables builds every table from the site, each on a core of its own.
func Tables(s *site.Site) []Table {
	tables := make([]Table, len(makers))
	parallel.For(len(makers), func(_, i int) { tables[i] = makers[i](s, true) })
	return tables
}

// Shapes returns the tables of s as Tables does, but without their
// rows, which it counts (Table.N) without making them: what the data
// page says of the tables, for a build that makes the tables after the
// pages, so as not to hold their rows while the pages are made.
func Shapes(s *site.Site) []Table {
	tables := make([]Table, len(makers))
	for i, mk := range makers {
		tables[i] = mk(s, false)
	}
	return tables
}

// Files writes each table as data/NAME.json (an array of objects) and
// data/NAME.csv (header row, UTF-8). The tables are written on every
// core, a block of rows at a time.
func Files(tables []Table) ([]output.File, error) {
	var blocks []block
	for ti, t := range tables {
		for _, csv := range []bool{false, true} {
			for from := 0; from == 0 || from < len(t.Rows); from += blockRows {
				blocks = append(blocks, block{table: ti, csv: csv, from: from, to: min(from+blockRows, len(t.Rows))})
			}
		}
	}
	data := make([][]byte, len(blocks))
	errs := make([]error, len(blocks))
	parallel.For(len(blocks), func(_, i int) {
		b := blocks[i]
		if b.csv {
			data[i], errs[i] = csvRows(tables[b.table], b.from, b.to)
		} else {
			data[i], errs[i] = jsonRows(tables[b.table], b.from, b.to)
		}
	})
	var files []output.File
	for i := 0; i < len(blocks); {
		b, j := blocks[i], i
		for ; j < len(blocks) && blocks[j].table == b.table && blocks[j].csv == b.csv; j++ {
			if errs[j] != nil {
				return nil, errs[j]
			}
		}
		path := tables[b.table].JSONPath()
		if b.csv {
			path = tables[b.table].CSVPath()
		}
		files = append(files, output.File{Path: path, Data: slices.Concat(data[i:j]...)})
		clear(data[i:j]) // the blocks of every table are as large as the files
		i = j
	}
	return files, nil
}

// block is rows from up to to of a table, as JSON or as CSV.
type block struct {
	table    int
	csv      bool
	from, to int
}

// blockRows is how many rows of a table one block writes.
const blockRows = 1024

// jsonRows writes the rows from up to to of the table as JSON, the
// whole of which is an array of objects, one row to a line, each string
// as encoding/json writes it: the array's opening if from is 0, its end
// if to is the last row.
func jsonRows(t Table, from, to int) ([]byte, error) {
	keys := make([][]byte, len(t.Columns))
	for j, col := range t.Columns {
		keys[j] = append(jsonstr.Append(nil, col.Name), ": "...)
	}
	// Sized once: grown by appending, the buffer of a block of a large
	// table is remade a dozen times, each time as fresh memory.
	b := make([]byte, 0, jsonSize(t, keys, from, to))
	if from == 0 {
		b = append(b, "[\n"...)
	}
	for i := from; i < to; i++ {
		row := t.Rows[i]
		if len(row) != len(t.Columns) {
			return nil, fmt.Errorf("data/%s.json: row %d has %d values for %d columns", t.Name, i+1, len(row), len(t.Columns))
		}
		b = append(b, "  {"...)
		for j, v := range row {
			if j > 0 {
				b = append(b, ", "...)
			}
			b = jsonstr.Append(append(b, keys[j]...), v)
		}
		b = append(b, '}')
		if i < len(t.Rows)-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
	}
	if to == len(t.Rows) {
		b = append(b, "]\n"...)
	}
	return b, nil
}

// jsonSize is a little more than the size of the rows from up to to as
// JSON when few characters need escaping.
func jsonSize(t Table, keys [][]byte, from, to int) int {
	perRow := len("  {},\n")
	for _, k := range keys {
		perRow += len(k) + len(`"", `)
	}
	n := len("[\n]\n") + (to-from)*perRow + valueBytes(t.Rows[from:to])
	return n + n/32
}

// valueBytes is the length of all the values of rows.
func valueBytes(rows [][]string) int {
	n := 0
	for _, row := range rows {
		for _, v := range row {
			n += len(v)
		}
	}
	return n
}

// csvRows writes the rows from up to to of the table as CSV, with the
// header row if from is 0.
func csvRows(t Table, from, to int) ([]byte, error) {
	var b bytes.Buffer
	// A comma or line end after each value, and room for some quoting.
	n := valueBytes(t.Rows[from:to]) + (to-from+1)*len(t.Columns)
	b.Grow(n + n/16)
	w := csv.NewWriter(&b)
	if from == 0 {
		head := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			head[i] = c.Name
		}
		if err := w.Write(head); err != nil {
			return nil, err
		}
	}
	if err := w.WriteAll(t.Rows[from:to]); err != nil {
		return nil, fmt.Errorf("data/%s.csv: %w", t.Name, err)
	}
	return b.Bytes(), nil
}

func join(xs []string) string { return strings.Join(xs, "; ") }

func ints(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, "; ")
}

func documents(s *site.Site, rows bool) Table {
	t := Table{Name: "documents", Columns: []Column{
		{"id", "Stable id; the page is documents/ID.html"}, {"title", "Editorial title"},
		{"kind", "Form of the source"}, {"nature", "Kind of witness: contemporary, later-report, memoir, interview, recollection, published"},
		{"date", "Date as YYYY-MM-DD, YYYY-MM, YYYY or a range A/B"}, {"date_display", "Date for readers"},
		{"date_basis", "Editors' inference: why the date is given when the article does not print it (empty when it does)"},
		{"from", "Sender person ids (or names of bodies)"}, {"from_as_written", "Senders as the source names them"},
		{"to", "Recipient person ids (or names of bodies)"}, {"to_as_written", "Recipients as the source names them"},
		{"mentions", "Person ids named"}, {"archive", "Archival citations as printed"},
		{"collection", "The author's collection number (SD…)"}, {"translations", "Bibliography ids of published translations, with pages"},
		{"known_through", "For second-hand sources: bibliography ids that report them"},
		{"cited_in_notes", "Article notes citing the document"}, {"url", "Page path"},
		{"full_text_urls", outside + "https addresses where the whole text (or a longer one) can be read; see public_texts"},
		{"full_text_found", "Whether the editors' search found a public text: true, false, or empty when not yet searched"},
		{"full_text_checked", "When the editors searched for a public text"},
		{"full_text_why", "When none was found, why (editorial Markdown)"},
		{"archival_copies", outside + "further archival copies, as the public record writes them"},
		{"telegram_number", outside + "the telegram's number as printed"},
		{"sent", outside + "when it was sent, YYYY-MM-DDTHH:MM as the record gives it"},
		{"received", outside + "when it was received, YYYY-MM-DDTHH:MM"},
		{"deciphered", outside + "when it was deciphered, YYYY-MM-DDTHH:MM"},
		{"clock", outside + "which clock the times use, or that the record does not say"},
		{"copies_to", outside + "the distribution list: person ids (or names), in the record's order"},
		{"transmission_recorded_by", "https address of the record giving number, times and copies"},
		{"summary", "The editors' summary of the whole text in their own words (Markdown)"},
		{"summary_of", "https address of the text the summary summarises"},
	}}
	if t.N = len(s.DocsByDate); !rows {
		return t
	}
	t.Rows = make([][]string, len(s.DocsByDate))
	parallel.For(len(t.Rows), func(_, i int) { t.Rows[i] = documentRow(s, s.DocsByDate[i]) })
	return t
}

// documentRow is the row of the documents table of d.
func documentRow(s *site.Site, d *content.Document) []string {
	ids, written := parties(d.From)
	toIDs, toWritten := parties(d.To)
	var mentions, archive, trans, known []string
	for _, m := range d.Mentions {
		mentions = append(mentions, m.ID)
	}
	for _, a := range d.Archive {
		archive = append(archive, a.AsPrinted)
	}
	for _, w := range d.Translations {
		trans = append(trans, w.Work.ID+" "+w.Pages)
	}
	for _, w := range d.KnownThrough {
		known = append(known, w.Work.ID+" "+w.Pages)
	}
	row := []string{d.ID, d.Title, d.Kind, d.Nature, d.Date.String(), d.Date.Display(), d.DateBasis,
		ids, written, toIDs, toWritten, join(mentions), join(archive), d.Collection, join(trans), join(known),
		ints(s.DocCitedIn[d.ID]), site.DocumentPath(d.ID)}
	return append(row, outsideColumns(d)...)
}

// outside starts the meaning of a column taken from outside the article.
const outside = "From outside the article: "

// outsideColumns are a document's values from outside the article, in
// the order of the documents table's last columns.
func outsideColumns(d *content.Document) []string {
	var urls, copies, to []string
	for _, p := range d.PublicTexts {
		urls = append(urls, p.URL)
	}
	for _, c := range d.ArchivalCopies {
		copies = append(copies, c.AsRecorded)
	}
	tr := d.Transmission
	for _, c := range tr.Copies {
		to = append(to, cmpOr(c.Person.ID, c.Name))
	}
	f := d.FullTextSearch
	found := ""
	if f.Found != nil {
		found = strconv.FormatBool(*f.Found)
	}
	return []string{join(urls), found, f.Checked.String(), f.Why.Src, join(copies),
		tr.Number, tr.Sent.String(), tr.Received.String(), tr.Deciphered.String(), tr.Clock, join(to), tr.RecordedBy,
		strings.TrimSpace(d.Summary.Text.Src), d.Summary.Of}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// publicTexts lists every public text of every document, one a row.
func publicTexts(s *site.Site, rows bool) Table {
	t := Table{Name: "public_texts", Columns: []Column{
		{"document", "Document id"}, {"where", "Bibliography id of the work or database publishing it"},
		{"url", "https address of the text"}, {"title", "Title exactly as the record gives it"},
		{"date", "The record's date of the document"}, {"language", "Language of the text offered (BCP 47)"},
		{"forms", "translation, original, scan, transcript"}, {"extent", "whole or excerpt"},
		{"pages", "Pages, for a printed work"}, {"checked", "When an editor verified the record"},
	}}
	for _, d := range s.DocsByDate {
		if t.N += len(d.PublicTexts); !rows {
			continue
		}
		for _, p := range d.PublicTexts {
			t.Rows = append(t.Rows, []string{d.ID, p.Where.ID, p.URL, p.Title, p.Date.String(), p.Language,
				join(p.Forms), p.Extent, p.Pages, p.Checked.String()})
		}
	}
	return t
}

// disagreements lists where a public record and the article differ.
func disagreements(s *site.Site, rows bool) Table {
	t := Table{Name: "disagreements", Columns: []Column{
		{"document", "Document id"}, {"about", "sender, recipient, date, archive, leaf, title or other"},
		{"article", "What the article says (editorial summary)"}, {"record", "What the public record says (editorial summary)"},
		{"notes", "Article notes concerned"}, {"recorded_by", "https address of the record"},
		{"conflict", "Conflict page id, where it matters to the argument"}, {"comment", "What follows (editorial Markdown)"},
	}}
	for _, d := range s.DocsByDate {
		if t.N += len(d.Disagreements); !rows {
			continue
		}
		for _, x := range d.Disagreements {
			var ns []int
			for _, n := range x.Notes {
				ns = append(ns, n.N)
			}
			t.Rows = append(t.Rows, []string{d.ID, x.About, x.Article.Src, x.Record.Src, ints(ns), x.RecordedBy, x.Conflict.ID, x.Comment.Src})
		}
	}
	return t
}

func parties(ps []content.Party) (ids, written string) {
	var a, b []string
	for _, p := range ps {
		id := p.Person.ID
		if id == "" {
			id = p.Name
		}
		a = append(a, id)
		w := p.AsWritten
		if w == "" {
			w = id
		}
		b = append(b, w)
	}
	return join(a), join(b)
}

func persons(s *site.Site, rows bool) Table {
	t := Table{Name: "persons", Columns: []Column{
		{"id", "Stable id; the page is persons/ID.html"}, {"name", "Display name"}, {"sort_name", "Name for sorting"},
		{"aliases", "Pseudonyms in the sources"}, {"spellings", "Other spellings printed in the sources"},
		{"other_spellings", "Spellings not printed in the sources, for search (editorial)"}, {"role", "Role in 1945–50, as the article states it"},
		{"outside_role", "Editors' addition from outside the article: an office or rank the article does not state"},
		{"country", "soviet, chinese, korean, american or other"}, {"documents_sent", "Ids of documents sent"},
		{"documents_received", "Ids of documents received"}, {"url", "Page path"},
		{"documents_copied", outside + "ids of documents neither sent by nor addressed to them of which a distribution list gives them a copy"},
	}}
	if t.N = len(s.Ed.Persons); !rows {
		return t
	}
	for _, p := range s.Ed.Persons {
		t.Rows = append(t.Rows, []string{p.ID, p.Name, p.SortName, join(p.Aliases), join(p.Spellings), join(p.OtherSpellings), p.Role, p.OutsideRole, p.Country,
			join(s.PersonSent[p.ID]), join(s.PersonReceived[p.ID]), site.PersonPath(p.ID), join(s.PersonCopied[p.ID])})
	}
	return t
}

func notes(s *site.Site, rows bool) Table {
	t := Table{Name: "notes", Columns: []Column{
		{"number", "The article's note number"}, {"section", "Essay section id"},
		{"page", "Page of the printed journal on which the note begins (empty if not established)"},
		{"documents", "Ids of documents the note cites or attests"}, {"works", "Bibliography ids the note cites"},
		{"context", "Editorial: what the note supports"}, {"url", "Page path"},
	}}
	if t.N = len(s.NoteList); !rows {
		return t
	}
	for _, n := range s.NoteList {
		var docs, works []string
		for _, r := range s.NoteRefs[n.Number] {
			switch r.Kind {
			case subject.Document:
				docs = append(docs, r.ID)
			case subject.Work:
				works = append(works, r.ID)
			}
		}
		for _, d := range n.Documents {
			docs = append(docs, d.ID)
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(n.Number), n.Section.ID, pageOf(n.Page), join(unique(docs)), join(unique(works)), n.Context, site.NotePath(n.Number)})
	}
	return t
}

func unique(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func works(s *site.Site, rows bool) Table {
	t := Table{Name: "works", Columns: []Column{
		{"id", "Stable id; the entry is bibliography.html#work-ID"}, {"type", "book, article, …"},
		{"authors", "Authors as printed"}, {"editors", "Editors as printed"}, {"title", "Title as printed"},
		{"title_translation", "English title given by the article"}, {"container", "Journal or book"},
		{"volume", "Volume"}, {"issue", "Issue"}, {"year", "Year"}, {"publisher", "Publisher"}, {"place", "Place"},
		{"as_printed", "The full reference as first printed"}, {"cited_in_notes", "Notes citing it"},
		{"url", "https address, for a database or online publication"},
		{"added_by_editors", "true for a work the article does not cite, added by the editors"},
	}}
	if t.N = len(s.Ed.Works); !rows {
		return t
	}
	for _, w := range s.Ed.Works {
		t.Rows = append(t.Rows, []string{w.ID, w.Type, join(w.Authors), join(w.Editors), w.Title, w.TitleTranslation,
			w.Container, w.Volume, w.Issue, w.Year, w.Publisher, w.Place, w.AsPrinted, ints(s.WorkCitedIn[w.ID]),
			w.URL, strconv.FormatBool(w.AddedByEditors)})
	}
	return t
}

func events(s *site.Site, rows bool) Table {
	where := "Stable id; the entry is timeline/index.html#event-ID"
	if s.TimelineSplit() {
		where = "Stable id; the entry is timeline/YEAR.html#event-ID, YEAR the first year of its date or undated"
	}
	t := Table{Name: "events", Columns: []Column{
		{"id", where}, {"title", "What happened"},
		{"date", "Date as YYYY-MM-DD, YYYY-MM, YYYY or a range A/B"},
		{"date_basis", "When the article does not print the date: the editors' reasoning or addition"}, {"summary", "Editorial summary"},
		{"notes", "Article notes attesting it"}, {"documents", "Document ids attesting it"}, {"persons", "Person ids involved"},
	}}
	if t.N = len(s.Ed.Events); !rows {
		return t
	}
	for _, e := range s.Ed.Events {
		var ns []int
		for _, n := range e.Notes {
			ns = append(ns, n.N)
		}
		var docs, ps []string
		for _, d := range e.Documents {
			docs = append(docs, d.ID)
		}
		for _, p := range e.Persons {
			ps = append(ps, p.ID)
		}
		t.Rows = append(t.Rows, []string{e.ID, e.Title, e.Date.String(), e.DateBasis, e.Summary, ints(ns), join(docs), join(ps)})
	}
	return t
}

// pageOf is a journal page for a table cell: empty when not established.
func pageOf(p int) string {
	if p == 0 {
		return ""
	}
	return strconv.Itoa(p)
}
