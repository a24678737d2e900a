package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/site"
)

// The views of what a document page shows from outside the article:
// where the whole text can be read, further archival copies, how the
// telegram travelled, the editors' summary and the disagreements
// between a public record and the article.

// FullTextView is the "Read the whole text" block.
type FullTextView struct {
	Texts   []PublicTextView
	Why     template.HTML // why no text is public, when none is
	Checked string        // when the editors searched
}

// PublicTextView is one public text.
type PublicTextView struct {
	Title, URL string
	What       string // "Whole text · English · translation"
	Where      Link   // the work or database, on the bibliography page
	Details    string // the record's date, pages, when checked
	Remark     template.HTML
	Source     string // "From the Wilson Center Digital Archive record, not from the article"
}

// ArchivalCopyView is a further archival copy in the provenance panel.
type ArchivalCopyView struct {
	AsRecorded, Repository, RepositoryName string
	RecordedBy                             ExternalLink
}

// ExternalLink is a link that leaves the edition.
type ExternalLink struct {
	URL, Text string
}

// TransmissionView is the transmission line.
type TransmissionView struct {
	Number                     string
	Sent, Received, Deciphered string // "14 May 1950, 05:30"
	SentISO, ReceivedISO       string
	DecipheredISO              string
	Clock                      string
	Transit                    string // "3 hours 40 minutes", when it can be told
	Copies                     []CopyView
	Remark                     template.HTML
	RecordedBy                 ExternalLink
}

// CopyView is one entry of the distribution list.
type CopyView struct {
	Name, URL, AsWritten string
}

// SummaryView is the editors' summary of the whole text.
type SummaryView struct {
	Of   ExternalLink // the text summarised, titled as its record gives it
	Text template.HTML
}

// DisagreementView is one disagreement between a record and the article.
type DisagreementView struct {
	About           string
	Article, Record template.HTML
	Notes           []NoteLink
	RecordedBy      ExternalLink
	Conflict        Link
	Comment         template.HTML
}

// disagreementLabels name the subjects of disagreements for readers.
var disagreementLabels = map[string]string{
	"sender": "Sender", "recipient": "Recipient", "date": "Date", "archive": "Archive",
	"leaf": "Leaf (list) number", "title": "Title", "other": "Other point",
}

// languageNames name the languages texts are offered in; other tags are
// shown as written.
var languageNames = map[string]string{
	"en": "English", "ru": "Russian", "zh": "Chinese", "ko": "Korean", "ja": "Japanese",
	"de": "German", "fr": "French",
}

// formLabels describe each form of a public text.
var formLabels = map[string]string{
	"translation": "translation", "original": "original-language text", "scan": "scan of the document", "transcript": "transcript",
}

func (b *builder) outside(v *DocView, d *content.Document) {
	s := b.s
	v.FullText = fullTextView(s, d)
	for _, c := range d.ArchivalCopies {
		cv := ArchivalCopyView{AsRecorded: c.AsRecorded, Repository: c.Repository.ID, RecordedBy: external(s, c.RecordedBy)}
		if a := s.Archives[c.Repository.ID]; a != nil {
			cv.RepositoryName = a.English
		}
		v.ArchivalCopies = append(v.ArchivalCopies, cv)
	}
	v.Transmission = transmissionView(s, d)
	if d.Summary.Given() {
		v.Summary = &SummaryView{Of: external(s, d.Summary.Of), Text: s.HTML["doc-sum/"+d.ID]}
		for _, t := range d.PublicTexts {
			if t.URL == d.Summary.Of && t.Title != "" {
				v.Summary.Of.Text = t.Title
			}
		}
	}
	for i, x := range d.Disagreements {
		dv := DisagreementView{
			About:   disagreementLabels[x.About],
			Article: s.HTML["doc-dis-a/"+d.ID+"/"+strconv.Itoa(i)], Record: s.HTML["doc-dis-r/"+d.ID+"/"+strconv.Itoa(i)],
			RecordedBy: external(s, x.RecordedBy),
			Comment:    s.HTML["doc-dis/"+d.ID+"/"+strconv.Itoa(i)],
		}
		for _, n := range x.Notes {
			dv.Notes = append(dv.Notes, noteLink(s, n.N))
		}
		if c := s.Conflicts[x.Conflict.ID]; c != nil {
			dv.Conflict = Link{URL: URL(site.ConflictPath(c.ID)), Text: c.Title}
		}
		v.Disagreements = append(v.Disagreements, dv)
	}
}

func fullTextView(s *site.Site, d *content.Document) *FullTextView {
	f := d.FullTextSearch
	if !f.Given() && len(d.PublicTexts) == 0 {
		return nil
	}
	v := &FullTextView{Checked: displayDate(f.Checked)}
	if len(d.PublicTexts) == 0 {
		v.Why = s.HTML["doc-why/"+d.ID]
	}
	for i, t := range d.PublicTexts {
		pv := PublicTextView{
			Title: t.Title, URL: t.URL, What: publicTextWhat(t),
			Remark: s.HTML["doc-pt/"+d.ID+"/"+strconv.Itoa(i)],
		}
		w := s.Works[t.Where.ID]
		if w != nil {
			pv.Where = Link{URL: URL(site.WorkURL(w.ID)), Text: site.WorkShort(w)}
		}
		switch {
		case t.URL != "":
			pv.Source = "From the " + recordName(s, t.URL, t.Where.ID) + ", not from the article"
		case w != nil:
			pv.Source = "From " + site.WorkShort(w) + ", not from the article"
		default:
			pv.Source = "Not from the article"
		}
		if pv.Title == "" {
			pv.Title = cmpOr(pv.Where.Text, "The text at "+hostOf(t.URL))
		}
		var details []string
		if !t.Date.IsZero() {
			details = append(details, "dated "+t.Date.Display()+" in the record")
		}
		if p := PagesLabel(t.Pages); p != "" {
			details = append(details, p)
		}
		if !t.Checked.IsZero() {
			details = append(details, "checked "+t.Checked.Display())
		}
		pv.Details = strings.Join(details, "; ")
		v.Texts = append(v.Texts, pv)
	}
	return v
}

// publicTextWhat says what a public text is: "Whole text · English ·
// translation".
func publicTextWhat(t content.PublicText) string {
	var parts []string
	switch t.Extent {
	case "whole":
		parts = append(parts, "Whole text")
	case "excerpt":
		parts = append(parts, "Excerpt")
	}
	if t.Language != "" {
		lang, _, _ := strings.Cut(t.Language, "-")
		parts = append(parts, cmpOr(languageNames[lang], t.Language))
	}
	var forms []string
	for _, f := range t.Forms {
		forms = append(forms, cmpOr(formLabels[f], f))
	}
	if len(forms) > 0 {
		parts = append(parts, strings.Join(forms, ", "))
	}
	return strings.Join(parts, " · ")
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// recordName names the record an address belongs to: "Wilson Center
// Digital Archive record" when a work of the bibliography lives on the
// address's host, else the host.
func recordName(s *site.Site, raw, workID string) string {
	if w := s.Works[workID]; w != nil && w.URL != "" && hostOf(w.URL) == hostOf(raw) {
		return site.WorkShort(w) + " record"
	}
	host := hostOf(raw)
	for _, w := range s.Ed.Works {
		if w.URL != "" && hostOf(w.URL) == host {
			return site.WorkShort(w) + " record"
		}
	}
	return "record at " + host
}

// external is a link to a public record, named after it.
func external(s *site.Site, raw string) ExternalLink {
	if raw == "" {
		return ExternalLink{}
	}
	return ExternalLink{URL: raw, Text: recordName(s, raw, "")}
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Hostname()
}

func transmissionView(s *site.Site, d *content.Document) *TransmissionView {
	t := d.Transmission
	if !t.Given() {
		return nil
	}
	v := &TransmissionView{
		Number: t.Number, Clock: t.Clock, Remark: s.HTML["doc-tr/"+d.ID],
		Sent: clockTime(t.Sent), Received: clockTime(t.Received), Deciphered: clockTime(t.Deciphered),
		SentISO: t.Sent.String(), ReceivedISO: t.Received.String(), DecipheredISO: t.Deciphered.String(),
		RecordedBy: external(s, t.RecordedBy),
		Transit:    Transit(t),
	}
	for _, c := range t.Copies {
		cv := CopyView{Name: c.Name, AsWritten: c.AsWritten}
		if p := s.Persons[c.Person.ID]; p != nil {
			cv.Name, cv.URL = p.Name, URL(site.PersonPath(p.ID))
		}
		v.Copies = append(v.Copies, cv)
	}
	return v
}

// clockTime shows a time as "14 May 1950, 05:30".
func clockTime(t content.DateTime) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d, %s", t.T.Day(), t.T.Month(), t.T.Year(), t.T.Format("15:04"))
}

// Transit is how long a telegram took from sent to received, when both
// are given in a clock the record names and received comes after sent;
// otherwise "", since times in unknown clocks (Moscow and Beijing differ
// by five hours) cannot be compared.
func Transit(t content.Transmission) string {
	if t.Sent.IsZero() || t.Received.IsZero() || !ClockStated(t.Clock) {
		return ""
	}
	d := t.Received.T.Sub(t.Sent.T)
	if d <= 0 {
		return ""
	}
	return durationWords(d)
}

// ClockStated reports whether clock names a clock rather than saying the
// record names none.
func ClockStated(clock string) bool {
	c := strings.ToLower(strings.TrimSpace(clock))
	return c != "" && !strings.HasPrefix(c, "not stated") && !strings.HasPrefix(c, "unknown")
}

func durationWords(d time.Duration) string {
	h, m := int(d.Hours()), int(d.Minutes())%60
	var parts []string
	if days := h / 24; days > 0 {
		parts = append(parts, unit(days, "day"))
		h %= 24
	}
	if h > 0 {
		parts = append(parts, unit(h, "hour"))
	}
	if m > 0 {
		parts = append(parts, unit(m, "minute"))
	}
	return strings.Join(parts, " ")
}

func unit(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
