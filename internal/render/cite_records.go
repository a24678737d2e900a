package render

import (
	"strings"

	"github.com/korean-war-sources/edition/internal/citation"
	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/site"
)

// properNouns are names that occur in the titles of the bibliography
// besides the persons of the edition: places, peoples, bodies, periods.
var properNouns = []string{
	"Korea", "Korean", "Koreans", "Soviet", "Soviets", "China", "Chinese", "Russia", "Russian", "Russians",
	"America", "American", "Americans", "Asia", "Asian", "Moscow", "Beijing", "Xinjiang", "Taiwan", "Manchuria",
	"Kremlin", "Khrushchev", "Lenin", "Stalin", "Mao", "Kovalev", "Berlin", "Northeast", "Postwar",
	"Cold War", "Korean War", "Chinese Civil War", "Far East", "East Asian", "Northeast Asian", "United States",
	"People's Republic of China", "Department of State", "Cold War International History Project",
}

// newLexicon is the lexicon of proper nouns for BibTeX titles: the fixed
// names and every name, sort name, alias and spelling of the persons.
func newLexicon(s *site.Site) *citation.Lexicon {
	lex := citation.NewLexicon(properNouns...)
	lex.Add(strings.Fields(s.Ed.Site.Article.Author)...)
	for _, p := range s.Ed.Persons {
		for _, n := range append([]string{p.Name, strings.ReplaceAll(p.SortName, ",", "")}, append(p.Aliases, p.Spellings...)...) {
			lex.Add(strings.Fields(n)...)
		}
	}
	return lex
}

func (b *builder) lexicon() *citation.Lexicon { return b.lex }

// fixedRecords are the records of the citation files that are not pages:
// the edition as a whole, the printed article, and every work of the
// bibliography.
func fixedRecords(s *site.Site) []citation.Record {
	lex := newLexicon(s)
	recs := []citation.Record{editionRecord(s.Ed.Site, lex), articleRecord(s.Ed.Site.Article, lex)}
	for _, w := range s.Ed.Works {
		recs = append(recs, workRecord(w, lex))
	}
	return recs
}

// editionRecord is the edition itself, as a book published online.
func editionRecord(st content.Site, lex *citation.Lexicon) citation.Record {
	f := facts(st)
	r := f.record("edition", st.Title, f.url)
	r.Type = "book"
	r.Container = ""
	r.BibTitle = citation.ProtectTitle(r.Title, lex, false)
	return r
}

// articleRecord is the article the edition annotates, as printed.
func articleRecord(a content.Article, lex *citation.Lexicon) citation.Record {
	r := citation.Record{ID: articleKey(a), Type: "article-journal", Title: a.Title,
		Authors:   []citation.Name{citation.PersonName(a.Author, a.Author)},
		Container: a.Journal, Volume: a.Volume, Issue: a.Issue, Pages: a.Pages, Year: a.Year, Language: "en"}
	r.BibTitle = citation.ProtectTitle(r.Title, lex, false)
	return r
}

// articleKey is the citation key of the article: author and year.
func articleKey(a content.Article) string {
	key := strings.ToLower(strings.Join(strings.Fields(a.Author), "-"))
	if a.Year != "" {
		key += "-" + a.Year
	}
	return key
}

// workRecord is a work of the bibliography with its real type: an
// edited collection is a book with editors, a paper with a publisher a
// working paper (a report in a series), one without a conference paper.
func workRecord(w *content.Work, lex *citation.Lexicon) citation.Record {
	r := citation.Record{ID: w.ID, Title: w.Title, Container: w.Container, Volume: w.Volume, Issue: w.Issue,
		Pages: w.Pages, Publisher: w.Publisher, Place: w.Place, Year: w.Year}
	for i, a := range w.Authors {
		r.Authors = append(r.Authors, workName(a, w.Sort, i == 0))
	}
	for i, e := range w.Editors {
		r.Editors = append(r.Editors, workName(e, w.Sort, i == 0 && len(w.Authors) == 0))
	}
	switch w.Type {
	case "article":
		r.Type = "article-journal"
	case "chapter", "report", "manuscript", "periodical", "book":
		r.Type = w.Type
	case "collection":
		r.Type = "book"
	case "paper":
		if w.Publisher != "" {
			r.Type, r.Genre, r.Collection, r.Container = "report", "Working paper", w.Container, ""
		} else {
			r.Type, r.Genre, r.Event, r.Container = "paper-conference", "Conference paper", w.Container, ""
		}
	default:
		r.Type = "book"
	}
	if w.Type == "manuscript" {
		r.Genre = "Unpublished manuscript"
	}
	if r.Year == "" {
		r.Undated = "n.d."
		if strings.Contains(w.AsPrinted, "forthcoming") {
			r.Undated = "forthcoming"
		}
	}
	var notes []string
	if w.TitleTranslation != "" {
		notes = append(notes, "English title: "+w.TitleTranslation)
	}
	if w.Season != "" {
		notes = append(notes, "Issue dated "+w.Season+" "+w.Year)
	}
	notes = append(notes, "As cited in the article: "+strings.ReplaceAll(w.AsPrinted, "*", ""))
	r.Note = strings.Join(notes, ". ")
	// A periodical's title is a name; other languages keep their capitals.
	r.TitleAsIs = w.Type == "periodical" || w.TitleTranslation != "" || !english(w.Title)
	r.BibTitle = citation.ProtectTitle(r.Title, lex, false)
	return r
}

// workName splits the name of an author or editor of a work; the first
// one's surname is the work's sort key.
func workName(name, sortKey string, first bool) citation.Name {
	if !first {
		sortKey = ""
	}
	return citation.PersonName(name, sortKey)
}

// englishWords are words common in English titles and absent from the
// transliterated Russian and Chinese ones.
var englishWords = map[string]bool{"the": true, "of": true, "and": true, "a": true, "an": true, "in": true, "on": true,
	"to": true, "from": true, "with": true, "about": true, "for": true, "by": true, "war": true, "last": true, "new": true,
	"role": true, "history": true, "policy": true, "selected": true, "works": true}

// english reports whether a title reads as English rather than as a
// transliteration, which keeps its capitals as printed.
func english(title string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !('a' <= r && r <= 'z') }) {
		if englishWords[w] {
			return true
		}
	}
	return false
}
