package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/subject"
)

// PacketView is a reading packet, on screen or for print.
type PacketView struct {
	Course       string
	Introduction template.HTML
	Items        []PacketItemView
	Questions    []string
	PrintURL     string
	ScreenURL    string
}

// PacketItemView is one reading, with what the print view needs to stand
// alone: the full URL and a citation. Kind is empty for a note, whose
// title already says what it is ("Note 24, in …").
type PacketItemView struct {
	N        int
	Kind     string
	Date     string // a document's date as shown, for the contents
	Link     Link
	FullURL  string
	Comment  string
	Citation string
	Doc      *DocView
	Quotes   []PacketQuote // the document's quotations, credited once per run
	Note     *NoteView
	Section  *SectionView
}

func (b *builder) packetView(pk *content.Packet) *PacketView {
	v := &PacketView{Course: pk.Course, Introduction: b.s.HTML["packet/"+pk.ID], Questions: pk.Questions,
		PrintURL: URL(site.PacketPrintPath(pk.ID)), ScreenURL: URL(site.PacketPath(pk.ID))}
	for i, it := range pk.Items {
		item := PacketItemView{N: i + 1, Comment: it.Comment}
		var path, title string
		switch {
		case it.Doc.ID != "":
			path, title = b.s.Locate(subject.Of(subject.Document, it.Doc.ID))
			item.Kind = "Document"
			p := b.document(b.s.Docs[it.Doc.ID])
			item.Doc = p.Data.(*DocView)
			item.Citation = p.Cite.Page
			item.Date = item.Doc.Date.Display
			item.Quotes = packetQuotes(item.Doc.Quotations)
		case it.Note.N != 0:
			path, _ = b.s.Locate(subject.NoteOf(it.Note.N))
			nv := b.noteView(b.s.Notes[it.Note.N])
			title = noteTitle(nv)
			item.Note = &nv
			item.Citation = b.pageCitation(b.noteRecord(it.Note.N)).Page
		case it.Section.ID != "":
			path, title = b.s.Locate(subject.Of(subject.Section, it.Section.ID))
			item.Kind = "Essay section"
			p := b.section(b.s.Sections[it.Section.ID])
			item.Section = p.Data.(*SectionView)
			item.Citation = p.Cite.Page
		}
		if it.Paragraph != "" {
			path += "#" + it.Paragraph
		}
		item.Link = Link{URL: URL(path), Text: title}
		item.FullURL = b.absURL(path)
		v.Items = append(v.Items, item)
	}
	return v
}

// PacketQuote is a quotation in the printed packet. Consecutive passages
// from the same translation quoted at the same note are credited once,
// after the last of them, instead of under each.
type PacketQuote struct {
	QuoteView
	Credited bool
}

func packetQuotes(qs []QuoteView) []PacketQuote {
	out := make([]PacketQuote, len(qs))
	for i, q := range qs {
		last := i == len(qs)-1 || qs[i+1].Credit != q.Credit || qs[i+1].Note.N != q.Note.N
		out[i] = PacketQuote{QuoteView: q, Credited: last}
	}
	return out
}

// noteTitle names a note in a packet by its number and section:
// "Note 24, in “The Impetus for Shifting Soviet Policy Toward Korea”".
func noteTitle(nv NoteView) string {
	t := "Note " + strconv.Itoa(nv.N)
	if nv.Section.Text != "" {
		t += ", in “" + nv.Section.Text + "”"
	}
	return t
}

func (b *builder) packet(pk *content.Packet) *Page {
	p := b.page("packet", site.PacketPath(pk.ID), pk.Title, "more")
	p.Description = "Reading packet: " + pk.Title
	p.Crumbs = []Link{{URL: URL(MorePath + "#more-packets"), Text: "Reading packets"}}
	p.Data = b.packetView(pk)
	p.EditURL = b.editURL(pk.File)
	return p
}

func (b *builder) packetPrint(pk *content.Packet) *Page {
	p := b.page("packet-print", site.PacketPrintPath(pk.ID), pk.Title, "more")
	p.Description = "Printable reading packet: " + pk.Title
	v := b.packetView(pk)
	for i := range v.Items {
		localFootnotes(&v.Items[i])
	}
	p.Data = v
	return p
}

// localFootnotes prefixes the footnote ids of a reading with its number:
// the print view puts several readings on one page, and two of them may
// well annotate the same term.
func localFootnotes(it *PacketItemView) {
	pre := "r" + strconv.Itoa(it.N) + "-"
	r := strings.NewReplacer(`id="fn-`, `id="fn-`+pre, `href="#fn-`, `href="#fn-`+pre,
		`id="fnref-`, `id="fnref-`+pre, `href="#fnref-`, `href="#fnref-`+pre)
	fix := func(h template.HTML) template.HTML { return template.HTML(r.Replace(string(h))) }
	if it.Doc != nil {
		it.Doc.Headnote = fix(it.Doc.Headnote)
	}
	if it.Note != nil {
		it.Note.Text, it.Note.Comment = fix(it.Note.Text), fix(it.Note.Comment)
	}
	if it.Section != nil {
		it.Section.Guide = fix(it.Section.Guide)
	}
}
