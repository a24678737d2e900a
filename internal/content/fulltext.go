package content

import (
	"fmt"
	"time"

	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/histdate"
	"go.yaml.in/yaml/v3"
)

// The blocks of a document's front matter taken from outside the article:
// public full texts, further archival copies, transmission facts, the
// editors' summary of the whole text and the disagreements between a
// public record and the article. Everything in them is, by definition,
// not the article's; pages label it so.

// PublicText is a place where the whole text, or a longer text than the
// article quotes, can be read.
type PublicText struct {
	Pos    diag.Position
	KeyPos map[string]diag.Position

	Where    Ref           `yaml:"where" required:"true" doc:"Bibliography id of the work or database that publishes the text (e.g. wcda, a work of type database)." example:"wcda"`
	URL      string        `yaml:"url" doc:"Address of the text, https only; for the Wilson Center Digital Archive always on digitalarchive.wilsoncenter.org, never a mirror." example:"https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-8600-vyshinsky-mao-zedong"`
	Title    string        `yaml:"title" doc:"The title exactly as the record gives it." example:"Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong"`
	Date     histdate.Date `yaml:"date" doc:"The date the record gives the document." example:"1950-05-14"`
	Language string        `yaml:"language" doc:"Language of the text offered (BCP 47)." example:"en"`
	Forms    []string      `yaml:"forms" doc:"What is offered; any of the text forms listed above." example:"[translation]"`
	Extent   string        `yaml:"extent" doc:"whole or excerpt." example:"whole"`
	Pages    string        `yaml:"pages" doc:"Pages, for a printed work." example:"61"`
	Checked  histdate.Date `yaml:"checked" doc:"When an editor verified the record." example:"2026-12-06"`
	Remark   Text          `yaml:"remark" doc:"Editorial remark, e.g. what the record's source line says (Markdown)."`
}

// ArchivalCopy is a further archival copy of the document that a public
// record names, in parts and as the record writes it.
type ArchivalCopy struct {
	Pos    diag.Position
	KeyPos map[string]diag.Position

	Repository Ref    `yaml:"repository" required:"true" doc:"Repository id from archives.yaml." example:"RGASPI"`
	Fond       string `yaml:"fond" doc:"Fond, as recorded." example:"558"`
	Opis       string `yaml:"opis" doc:"Opis', as recorded." example:"11"`
	Delo       string `yaml:"delo" doc:"Delo, as recorded." example:"334"`
	Papka      string `yaml:"papka" doc:"Papka, when recorded."`
	Listy      string `yaml:"listy" doc:"List or listy, as recorded." example:"0055"`
	AsRecorded string `yaml:"as_recorded" required:"true" doc:"The reference exactly as the record writes it." example:"RGASPI, f. 558, op. 11, d. 334, ll.0055"`
	RecordedBy string `yaml:"recorded_by" required:"true" doc:"https address of the record that names the copy." example:"https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-8600-vyshinsky-mao-zedong"`
}

// Transmission is what a public record prints of how a telegram
// travelled: its number, times and distribution list.
type Transmission struct {
	Pos    diag.Position
	KeyPos map[string]diag.Position

	Number     string   `yaml:"number" doc:"Telegram number as printed." example:"8600"`
	Sent       DateTime `yaml:"sent" doc:"When it was sent, YYYY-MM-DDTHH:MM as the record gives it." example:"1950-05-14T05:30"`
	Received   DateTime `yaml:"received" doc:"When it was received, YYYY-MM-DDTHH:MM." example:"1950-05-14T04:10"`
	Deciphered DateTime `yaml:"deciphered" doc:"When it was deciphered, YYYY-MM-DDTHH:MM."`
	Clock      string   `yaml:"clock" doc:"Required when a time is given: which clock the times use, or 'not stated in the record'." example:"not stated in the record"`
	Copies     []CopyTo `yaml:"copies" doc:"The distribution list, in the record's order."`
	RecordedBy string   `yaml:"recorded_by" required:"true" doc:"https address of the record these facts come from."`
	Remark     Text     `yaml:"remark" doc:"Editorial remark, e.g. what received means here (Markdown)."`
}

// CopyTo is one entry of a distribution list.
type CopyTo struct {
	Pos       diag.Position
	Person    Ref    `yaml:"person" doc:"Person id." example:"molotov"`
	Name      string `yaml:"name" doc:"A body or entry with no person page." example:"10th department"`
	AsWritten string `yaml:"as_written" required:"true" doc:"The entry exactly as the record writes it." example:"Comr. Molotov"`
}

// Summary is the editors' summary of a whole document, in their own words.
type Summary struct {
	Pos    diag.Position
	KeyPos map[string]diag.Position

	Of   string `yaml:"of" required:"true" doc:"The url of the public_texts entry summarised."`
	Text Text   `yaml:"text" required:"true" doc:"Three to eight sentences of the editors' own, what the document says in order; never a paraphrase of the translation (Markdown)."`
}

// Disagreement is a point on which a public record and the article differ.
type Disagreement struct {
	Pos    diag.Position
	KeyPos map[string]diag.Position

	About      string    `yaml:"about" required:"true" doc:"One of the disagreement subjects listed above." example:"sender"`
	Article    Text      `yaml:"article" required:"true" doc:"What the article says, in the editors' words (Markdown)."`
	Record     Text      `yaml:"record" required:"true" doc:"What the public record says, in the editors' words (Markdown)."`
	Notes      []NoteRef `yaml:"notes" doc:"Article notes concerned." example:"[1, 77]"`
	RecordedBy string    `yaml:"recorded_by" required:"true" doc:"https address of the record."`
	Conflict   Ref       `yaml:"conflict" doc:"A conflict page id, where the disagreement matters to the argument." example:"may-1950-telegram-sender"`
	Comment    Text      `yaml:"comment" doc:"What follows from it (Markdown)."`
}

// FullTextSearch records that editors looked for a public full text, and
// why there is none when none was found.
type FullTextSearch struct {
	Pos    diag.Position
	KeyPos map[string]diag.Position

	Checked histdate.Date `yaml:"checked" required:"true" doc:"When the search was made." example:"2026-12-06"`
	Found   *bool         `yaml:"found" required:"true" doc:"true when public_texts lists at least one text." example:"true"`
	Why     Text          `yaml:"why" doc:"Required when found is false: why no text is public, in one or two sentences (Markdown)."`
}

// Given reports whether the block was written in the front matter.
func (t Transmission) Given() bool { return t.Pos.File != "" }

// Given reports whether the block was written in the front matter.
func (s Summary) Given() bool { return s.Pos.File != "" }

// Given reports whether the block was written in the front matter.
func (f FullTextSearch) Given() bool { return f.Pos.File != "" }

// The closed vocabularies of the new blocks.
var (
	TextForms         = []string{"translation", "original", "scan", "transcript"}
	Extents           = []string{"whole", "excerpt"}
	DisagreementKinds = []string{"sender", "recipient", "date", "archive", "leaf", "title", "other"}
)

// DateTime is a date and time to the minute, YYYY-MM-DDTHH:MM, as a
// record prints it, in a clock the record may or may not name.
type DateTime struct {
	T   time.Time
	Pos diag.Position
}

// dateTimeLayout is the only accepted form.
const dateTimeLayout = "2006-01-02T15:04"

// DecodeNode implements yamlx.NodeDecoder. An empty value is no time.
func (t *DateTime) DecodeNode(n *yaml.Node, at diag.Position) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("want a time such as 1950-05-14T05:30, found a %s", nodeKind(n))
	}
	if n.Value == "" {
		return nil
	}
	v, err := time.Parse(dateTimeLayout, n.Value)
	if err != nil || v.Format(dateTimeLayout) != n.Value {
		return fmt.Errorf("want a time YYYY-MM-DDTHH:MM such as 1950-05-14T05:30, found %q", n.Value)
	}
	t.T, t.Pos = v, at
	return nil
}

// IsZero reports whether no time was given.
func (t DateTime) IsZero() bool { return t.T.IsZero() }

// String is the time as written, or "".
func (t DateTime) String() string {
	if t.IsZero() {
		return ""
	}
	return t.T.Format(dateTimeLayout)
}
