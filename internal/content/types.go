package content

import (
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/histdate"
)

// Body is the Markdown after a file's front matter. Src keeps the front
// matter's lines as blank lines so that every offset in it is the offset
// of the same character in the file, and positions need no adjusting.
type Body struct {
	Src  string // the Markdown after the front matter
	Line int    // the line of the file where Src starts, from 1
	File string
	Raw  string // the whole file as written, for the source view
}

// Document is one primary source: content/documents/ID.md.
type Document struct {
	ID     string                   `yaml:"-"`
	File   string                   `yaml:"-"`
	Pos    diag.Position            `yaml:"-"`
	KeyPos map[string]diag.Position `yaml:"-"`

	Title          string        `yaml:"title" required:"true" doc:"Editorial title: what the document is, sender and recipient." example:"Ciphered telegram from Shtykov to Vyshinskii on Kim Il Sung's plans"`
	Kind           string        `yaml:"kind" required:"true" doc:"Form of the source; one of the document kinds listed above." example:"ciphered-telegram"`
	Date           histdate.Date `yaml:"date" doc:"The document's own date, as precise as the source gives it: YYYY-MM-DD, YYYY-MM, YYYY or a range A/B. Leave out only when no date is known." example:"1949-09-03"`
	DateBasis      string        `yaml:"date_basis" doc:"Required when the article does not print the date: the editors' reasoning from what the article does say. The page shows the date as the editors' inference with this basis." example:"The article says only that Mao cabled Liu Shaoqi after the talks of 16 December 1949."`
	Describes      histdate.Date `yaml:"describes" doc:"When the events it reports happened, if that differs from date (memoirs, interviews, later reports)." example:"1950-04"`
	Nature         string        `yaml:"nature" required:"true" doc:"What kind of witness the source is; one of the natures listed above." example:"contemporary"`
	From           []Party       `yaml:"from" doc:"Senders or authors."`
	To             []Party       `yaml:"to" doc:"Recipients."`
	Mentions       []Ref         `yaml:"mentions" doc:"Ids of persons named in the source." example:"[kim-il-sung, mun-il]"`
	Archive        []ArchiveRef  `yaml:"archive" doc:"Archival citations, each as one note of the article prints it."`
	Collection     string        `yaml:"collection" doc:"The article author's collection number, as printed." example:"SD00245"`
	Translations   []WorkPages   `yaml:"translations" doc:"Published English translations the article names."`
	KnownThrough   []WorkPages   `yaml:"known_through" doc:"For sources known only at second hand: the works that report them."`
	PublishedIn    []WorkPages   `yaml:"published_in" doc:"Where the text itself is printed (memoirs, interviews, published statements)."`
	Related        []Ref         `yaml:"related" doc:"Ids of related documents."`
	Quotations     []Quotation   `yaml:"quotations" doc:"Every passage the article quotes from the source, verbatim."`
	EditorialNotes []Text        `yaml:"editorial_notes" doc:"Editorial remarks on misprints, ambiguities and outside knowledge (Markdown)."`

	// From outside the article: public records of the document.
	PublicTexts    []PublicText   `yaml:"public_texts" doc:"From outside the article: where the whole text (or a longer one) can be read."`
	ArchivalCopies []ArchivalCopy `yaml:"archival_copies" doc:"From outside the article: further archival copies a public record names."`
	Transmission   Transmission   `yaml:"transmission" doc:"From outside the article: number, times and distribution list, only as a public record prints them."`
	Summary        Summary        `yaml:"summary" doc:"The editors' summary of the whole document, in their own words, labelled with the text it summarises."`
	Disagreements  []Disagreement `yaml:"disagreements" doc:"Where a public record and the article differ, both sourced."`
	FullTextSearch FullTextSearch `yaml:"full_text_search" doc:"The editors' search for a public full text: when, whether found, and if not why."`

	Body Body `yaml:"-"`
}

// Party is a sender or recipient: a person of the edition, or a body
// named only by its name.
type Party struct {
	Pos       diag.Position
	Person    Ref    `yaml:"person" doc:"Person id." example:"stalin"`
	Name      string `yaml:"name" doc:"A body or unnamed party with no person page, such as Soviet Foreign Ministry." example:"Soviet Foreign Ministry"`
	AsWritten string `yaml:"as_written" doc:"The name as the source or citation writes it, when it differs from the person's name." example:"Filippov"`
	Lang      string `yaml:"lang" doc:"Language of as_written when it is not the person's own, e.g. ru for a Chinese name in Russian transliteration." example:"ru"`
}

// ArchiveRef is one archival citation, in parts and as printed.
type ArchiveRef struct {
	Pos        diag.Position
	Repository Ref     `yaml:"repository" required:"true" doc:"Repository id from archives.yaml." example:"APRF"`
	Fond       string  `yaml:"fond" doc:"Fond (F.), as printed." example:"45"`
	Opis       string  `yaml:"opis" doc:"Opis' (Op.), as printed." example:"1"`
	Delo       string  `yaml:"delo" doc:"Delo (D.), as printed." example:"331"`
	Papka      string  `yaml:"papka" doc:"Papka (Pap.), when printed." example:"11"`
	Listy      string  `yaml:"listy" doc:"List or listy (L., Ll.): a leaf or a range, as printed." example:"59–61"`
	AsPrinted  string  `yaml:"as_printed" required:"true" doc:"The archival part of the note exactly as printed." example:"APRF, F. 45, Op. 1, D. 331, Ll. 59–61"`
	Note       NoteRef `yaml:"note" doc:"The article note that prints this citation." example:"70"`
}

// WorkPages points into a work of the bibliography.
type WorkPages struct {
	Pos      diag.Position
	Work     Ref    `yaml:"work" required:"true" doc:"Bibliography id." example:"cwihp-bulletin-5"`
	Pages    string `yaml:"pages" doc:"Pages, as printed." example:"7–8"`
	Modified bool   `yaml:"modified" doc:"True where the article says it modified this translation."`
}

// Quotation is a passage of the source quoted in the article.
type Quotation struct {
	Pos         diag.Position
	Text        string  `yaml:"text" required:"true" doc:"The passage exactly as the article quotes it, ellipses and brackets kept."`
	Note        NoteRef `yaml:"note" doc:"The note that cites the source of this quotation." example:"18"`
	Translation string  `yaml:"translation" required:"true" doc:"Whose translation it is, as the article says." example:"CWIHP Bulletin No. 5, pp. 7–8, as modified by the author"`
}

// Person is a historical actor: content/persons/ID.md.
type Person struct {
	ID     string                   `yaml:"-"`
	File   string                   `yaml:"-"`
	Pos    diag.Position            `yaml:"-"`
	KeyPos map[string]diag.Position `yaml:"-"`

	Name           string   `yaml:"name" required:"true" doc:"Display name." example:"Terentii Shtykov"`
	SortName       string   `yaml:"sort_name" required:"true" doc:"Name for alphabetical order: Surname, Given; East Asian names as written." example:"Shtykov, Terentii"`
	Aliases        []string `yaml:"aliases" doc:"Pseudonyms and cover names used in the sources; unique across persons." example:"[Filippov]"`
	Spellings      []string `yaml:"spellings" doc:"Other spellings printed in the article or its sources; unique across persons." example:"[Vasilievskii]"`
	OtherSpellings []string `yaml:"other_spellings" doc:"Spellings readers may type that the article and its sources never print (older romanisations, English forms); for search only, shown labelled as not printed; unique across persons." example:"[Vyshinsky]"`
	Role           string   `yaml:"role" required:"true" doc:"Role in 1945–50, one line, only as the article states it." example:"Soviet ambassador in Pyongyang"`
	OutsideRole    string   `yaml:"outside_role" doc:"Editors' addition from outside the article: an office or rank the article does not state. Shown labelled as not from the article." example:"Senior political officer of the Korean People's Army"`
	Country        string   `yaml:"country" doc:"soviet, chinese, korean, american or other." example:"soviet"`
	Lang           string   `yaml:"lang" doc:"Language of the name's transliteration (BCP 47: ru, zh, ko, en)." example:"ru"`
	Body           Body     `yaml:"-"`
}

// Section is one section of the article with its notes:
// content/essay/ID.md.
type Section struct {
	ID     string                   `yaml:"-"`
	File   string                   `yaml:"-"`
	Pos    diag.Position            `yaml:"-"`
	KeyPos map[string]diag.Position `yaml:"-"`

	Title string `yaml:"title" required:"true" doc:"The article's heading, exactly." example:"The Political Context in 1950"`
	Order int    `yaml:"order" required:"true" doc:"Position of the section in the article, from 1." example:"2"`
	Notes []Note `yaml:"notes" doc:"The article's notes whose marks fall in this section, in order."`
	Body  Body   `yaml:"-"`
}

// Note is one of the article's numbered notes.
type Note struct {
	Pos       diag.Position
	Number    int       `yaml:"number" required:"true" doc:"The article's note number." example:"17"`
	Text      Text      `yaml:"text" doc:"The reference exactly as printed, each cited source wrapped in [[doc:ID|…]] or [[work:ID|…]]."`
	Context   string    `yaml:"context" required:"true" doc:"Editorial: which statement of the article the note supports."`
	Documents []Ref     `yaml:"documents" doc:"Documents the note attests that are known only through the works it cites."`
	Page      int       `yaml:"page" doc:"Page of the printed journal on which the note begins." example:"57"`
	Readings  []Reading `yaml:"readings" doc:"Where the printed journal and the scanned transcription of the article differ: the text above follows the print."`
	Comment   Text      `yaml:"comment" doc:"Editorial comment: misprints, ambiguities, the note's own remarks in summary (Markdown)."`
	Uncited   string    `yaml:"uncited" doc:"Only for a note that cites nothing: why."`
}

// Reading records one place where the printed article and the scanned
// transcription of it read differently. The note's text follows Printed.
type Reading struct {
	Pos           diag.Position
	Printed       string `yaml:"printed" required:"true" doc:"The reading of the printed journal, which the note's text follows." example:"nianhou"`
	Transcription string `yaml:"transcription" required:"true" doc:"The transcription's differing reading, kept as a variant." example:"nianbou"`
}

// Work is a secondary work or published collection in bibliography.yaml.
type Work struct {
	ID     string `yaml:"-"`
	Pos    diag.Position
	KeyPos map[string]diag.Position

	Type             string   `yaml:"type" required:"true" doc:"book, article, chapter, paper, report, manuscript, collection, periodical or database." example:"book"`
	Authors          []string `yaml:"authors" doc:"Authors as printed." example:"[Sergei Goncharov, John Lewis, Xue Litai]"`
	Editors          []string `yaml:"editors" doc:"Editors as printed."`
	Sort             string   `yaml:"sort" required:"true" doc:"Sort key, usually the first author's surname." example:"Goncharov"`
	Title            string   `yaml:"title" required:"true" doc:"Title in the language printed." example:"Uncertain Partners: Stalin, Mao and the Korean War"`
	TitleTranslation string   `yaml:"title_translation" doc:"English title where the article gives one."`
	Container        string   `yaml:"container" doc:"Journal, bulletin or book containing the work."`
	Volume           string   `yaml:"volume"`
	Issue            string   `yaml:"issue"`
	Season           string   `yaml:"season" doc:"Season or month of the issue, as printed."`
	Year             string   `yaml:"year" example:"1993"`
	Publisher        string   `yaml:"publisher"`
	Place            string   `yaml:"place"`
	Pages            string   `yaml:"pages" doc:"Page range of the work itself."`
	AsPrinted        string   `yaml:"as_printed" doc:"Required except for a work added by the editors: the full reference as first printed in the article; italics as *…*."`
	URL              string   `yaml:"url" doc:"https address, for a database or online publication." example:"https://digitalarchive.wilsoncenter.org/"`
	AddedByEditors   bool     `yaml:"added_by_editors" doc:"True for a work the article does not cite, added by the editors (e.g. a database of full texts)."`
	EditorialNotes   []Text   `yaml:"editorial_notes" doc:"Editorial remarks (Markdown)."`
}

// Event is a dated event for the timeline, in events.yaml.
type Event struct {
	ID     string `yaml:"-"`
	Pos    diag.Position
	KeyPos map[string]diag.Position

	Title          string        `yaml:"title" required:"true" doc:"What happened." example:"Kim Il Sung's secret visit to Moscow"`
	Date           histdate.Date `yaml:"date" required:"true" doc:"When, as precise as the article supports." example:"1950-04-08/1950-04-25"`
	DateBasis      string        `yaml:"date_basis" doc:"Required when the article does not print the date: the editors' reasoning, shown with the date as the editors' inference or addition."`
	Summary        string        `yaml:"summary" required:"true" doc:"One editorial line."`
	Notes          []NoteRef     `yaml:"notes" doc:"Article notes that attest it." example:"[28, 29]"`
	Documents      []Ref         `yaml:"documents" doc:"Documents that attest it."`
	Persons        []Ref         `yaml:"persons" doc:"Persons involved."`
	EditorialNotes []Text        `yaml:"editorial_notes" doc:"Editorial remarks (Markdown)."`
}

// Conflict records where sources disagree: content/conflicts/ID.md.
type Conflict struct {
	ID     string                   `yaml:"-"`
	File   string                   `yaml:"-"`
	Pos    diag.Position            `yaml:"-"`
	KeyPos map[string]diag.Position `yaml:"-"`

	Title      string    `yaml:"title" required:"true" doc:"The disagreement in a few words."`
	Point      string    `yaml:"point" required:"true" doc:"The question on which the sources differ."`
	Accounts   []Account `yaml:"accounts" required:"true" doc:"Each source's account."`
	Conclusion string    `yaml:"conclusion" required:"true" doc:"What the article concludes (editorial summary)."`
	Notes      []NoteRef `yaml:"notes" doc:"Article notes where the disagreement appears."`
	Body       Body      `yaml:"-"`
}

// Account is what one source says on the disputed point.
type Account struct {
	Pos    diag.Position
	Source Target `yaml:"source" required:"true" doc:"doc:ID or work:ID." example:"doc:1949-05-18-kovalev-to-stalin"`
	Says   string `yaml:"says" required:"true" doc:"Editorial summary of the account."`
}

// Archive is a repository in archives.yaml.
type Archive struct {
	ID     string `yaml:"-"`
	Pos    diag.Position
	KeyPos map[string]diag.Position

	Name           string `yaml:"name" required:"true" doc:"Name as the article prints it." example:"Arkhiv Prezidenta Rossiiskoi Federatsii"`
	English        string `yaml:"english" required:"true" doc:"English name." example:"Archive of the President of the Russian Federation"`
	Abbreviation   string `yaml:"abbreviation" doc:"Abbreviation." example:"APRF"`
	Description    string `yaml:"description" doc:"Editorial description."`
	URL            string `yaml:"url" doc:"https address of the repository's site."`
	AddedByEditors bool   `yaml:"added_by_editors" doc:"True for a repository the article does not cite, named by a public record the editors used."`
}

// Term is a glossary entry in glossary.yaml.
type Term struct {
	ID     string `yaml:"-"`
	Pos    diag.Position
	KeyPos map[string]diag.Position

	Term       string   `yaml:"term" required:"true" example:"Shifrtelgramma"`
	Expansion  string   `yaml:"expansion" doc:"What an abbreviation stands for."`
	Definition string   `yaml:"definition" required:"true" doc:"Editorial definition."`
	Variants   []string `yaml:"variants" doc:"Other forms that refer to the term."`
}

// Packet is an instructor's reading packet: content/packets/ID.yaml.
type Packet struct {
	ID     string                   `yaml:"-"`
	File   string                   `yaml:"-"`
	Pos    diag.Position            `yaml:"-"`
	KeyPos map[string]diag.Position `yaml:"-"`

	Title        string       `yaml:"title" required:"true" doc:"The packet's question or title."`
	Course       string       `yaml:"course" doc:"Course it is written for."`
	Introduction Text         `yaml:"introduction" doc:"Instructor's introduction (Markdown)."`
	Items        []PacketItem `yaml:"items" required:"true" doc:"Readings in order; each names exactly one of doc, note, section."`
	Questions    []string     `yaml:"questions" doc:"Discussion questions."`
}

// PacketItem is one reading of a packet.
type PacketItem struct {
	Pos       diag.Position
	Doc       Ref     `yaml:"doc" doc:"A document id."`
	Note      NoteRef `yaml:"note" doc:"A note number."`
	Section   Ref     `yaml:"section" doc:"An essay section id."`
	Paragraph string  `yaml:"paragraph" doc:"With section or doc: a paragraph anchor (p-…) to start from."`
	Comment   string  `yaml:"comment" doc:"Why to read it."`
}

// Site is the edition's configuration, content/site.yaml.
type Site struct {
	Pos    diag.Position
	KeyPos map[string]diag.Position

	Title       string        `yaml:"title" required:"true" doc:"Title of the edition."`
	Subtitle    string        `yaml:"subtitle"`
	Description string        `yaml:"description" doc:"One paragraph for the home page and metadata."`
	Language    string        `yaml:"language" doc:"BCP 47 language of the edition." example:"en"`
	BaseURL     string        `yaml:"base_url" doc:"Absolute URL where the edition is published, ending in /; used in citations, feeds and sitemaps only. The -base-url flag of the build replaces it (the deploy workflow passes the real address); a placeholder host such as example.org warns." example:"https://example.org/korean-war-sources/"`
	Repository  string        `yaml:"repository" doc:"URL of the source repository."`
	EditURL     string        `yaml:"edit_url" doc:"Template of an 'Edit this page' link; {path} becomes the file's path in the repository, content/…, wherever the build reads the content folder from." example:"https://github.com/example/edition/edit/main/{path}"`
	Article     Article       `yaml:"article" doc:"The article the edition annotates."`
	Editors     string        `yaml:"editors" doc:"The corporate name under which the edition is edited and published, as a catalogue would record it; citations write it as one corporate name, never as a person's." example:"Korean War Sources Edition"`
	Version     string        `yaml:"version" doc:"Version of this release of the edition, given in every citation; it must be the version of the first entry of releases." example:"1.1"`
	Released    histdate.Date `yaml:"released" doc:"Date of this release, YYYY-MM-DD; it must be the date of the first entry of releases. Citations give its year." example:"2026-12-06"`
	Releases    []Release     `yaml:"releases" doc:"The changelog: every release, newest first, shown on the About page."`
	License     string        `yaml:"license" doc:"Licence of the editorial text."`
	SplitOver   int           `yaml:"split_lists_over" doc:"Longest list a page holds before it is split (default 200): a timeline view with more entries gets one page per year under an index of the years (a year with more, one page per month), a person with more documents and timeline entries gets one page per year of them (by month in turn), and a correspondence network with more documents shows its most connected people with the full table of pairs on a page of its own; each view of the documents with more becomes an index of its groups (years, kinds, senders, archives) with a page per group, split again by year, month, fond, inventory or file when too long; a bibliography cited more often in all gives each work a page of its citing notes and sources; the essay's index lists the sections without their notes; a person's notes and the table of pairs with more are split by section of the article and by sender. Smaller lists stay on one page as they are." example:"200"`
}

// DefaultSplitOver is the default of split_lists_over: above the longest
// list of the edition of the article's sources, below the lists of an
// edition of a thousand documents.
const DefaultSplitOver = 200

// SplitLimit is the longest list a page holds before it is split by
// year: split_lists_over, or DefaultSplitOver when it is not given.
func (s Site) SplitLimit() int {
	if s.SplitOver > 0 {
		return s.SplitOver
	}
	return DefaultSplitOver
}

// Release is one entry of the edition's changelog.
type Release struct {
	Pos     diag.Position
	Version string        `yaml:"version" required:"true" example:"1.0"`
	Date    histdate.Date `yaml:"date" required:"true" doc:"Day of the release, YYYY-MM-DD." example:"2026-11-26"`
	Changes []string      `yaml:"changes" required:"true" doc:"What changed, one short factual line each."`
}

// Article names the annotated article and where it was printed.
type Article struct {
	Author  string `yaml:"author" required:"true"`
	Title   string `yaml:"title" required:"true"`
	Journal string `yaml:"journal" doc:"The journal that printed the article." example:"Journal of Cold War Studies"`
	Volume  string `yaml:"volume" example:"2"`
	Issue   string `yaml:"issue" example:"2"`
	Season  string `yaml:"season" doc:"Season or month of the issue, as printed." example:"Spring"`
	Year    string `yaml:"year" example:"2000"`
	Pages   string `yaml:"pages" doc:"Page range of the article." example:"44–68"`
}

// Redirect keeps an old URL working after a rename: redirects.yaml maps an
// old page path to a target such as doc:NEW-ID.
type Redirect struct {
	From string
	To   Target
}

// People lists the ids of every person a document involves: senders,
// recipients and persons mentioned, in that order, without repeats.
func (d *Document) People() []string {
	var ids []string
	seen := map[string]bool{}
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, p := range d.From {
		add(p.Person.ID)
	}
	for _, p := range d.To {
		add(p.Person.ID)
	}
	for _, m := range d.Mentions {
		add(m.ID)
	}
	return ids
}

// Page is a free-standing page such as the editorial method:
// content/pages/ID.md, published as ID.html.
type Page struct {
	ID     string                   `yaml:"-"`
	File   string                   `yaml:"-"`
	Pos    diag.Position            `yaml:"-"`
	KeyPos map[string]diag.Position `yaml:"-"`

	Title       string `yaml:"title" required:"true" doc:"Page title."`
	Description string `yaml:"description" doc:"One sentence for search engines and link previews."`
	Body        Body   `yaml:"-"`
}
