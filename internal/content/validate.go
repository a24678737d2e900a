package content

import (
	"slices"
	"strings"

	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/histdate"
)

// The closed vocabularies of the schema. They are listed in the schema
// reference, so a contributor can see every allowed value.
var (
	DocumentKinds = []string{
		"telegram", "ciphered-telegram", "report", "resolution", "instruction",
		"conversation-record", "letter", "memorandum", "memoir", "interview",
		"recollection", "speech", "agreement", "publication",
	}
	Natures   = []string{"contemporary", "later-report", "memoir", "interview", "recollection", "published"}
	WorkTypes = []string{"book", "article", "chapter", "paper", "report", "manuscript", "collection", "periodical", "database"}
	Countries = []string{"soviet", "chinese", "korean", "american", "other"}
)

// NatureLabels name each nature for readers.
var NatureLabels = map[string]string{
	"contemporary": "contemporary record",
	"later-report": "later official report",
	"memoir":       "memoir",
	"interview":    "interview",
	"recollection": "recollection reported by others",
	"published":    "published at the time",
}

// validate applies the checks that need one file only. References between
// files are checked by package site.
func validate(ed *Edition, diags *diag.List) {
	validateReleases(&ed.Site, diags)
	if ed.Site.SplitOver < 0 {
		diags.Errorf(at(ed.Site.KeyPos, "split_lists_over", ed.Site.Pos), "split_lists_over %d must be a positive number of entries (or left out for the default, %d)", ed.Site.SplitOver, DefaultSplitOver)
	}
	for _, d := range ed.Documents {
		oneOf(diags, at(d.KeyPos, "kind", d.Pos), "kind", d.Kind, DocumentKinds)
		oneOf(diags, at(d.KeyPos, "nature", d.Pos), "nature", d.Nature, Natures)
		for _, parties := range [...][]Party{d.From, d.To} {
			for _, p := range parties {
				if (p.Person.ID == "") == (p.Name == "") {
					diags.Errorf(p.Pos, "a sender or recipient needs exactly one of person (an id) or name (a body without a page)")
				}
			}
		}
		if d.Date.IsZero() && strings.TrimSpace(d.DateBasis) != "" {
			diags.Errorf(at(d.KeyPos, "date_basis", d.Pos), "date_basis explains a date, but the document has no date")
		}
		if d.Date.IsZero() && len(d.EditorialNotes) == 0 {
			diags.Warnf(d.Pos, "document has no date and no editorial note explaining why")
		}
		if strings.TrimSpace(d.Body.Src) == "" {
			diags.Warnf(d.Pos, "document has no headnote yet")
		}
		validateFullText(d, diags)
	}
	for _, p := range ed.Persons {
		if p.Country != "" {
			oneOf(diags, at(p.KeyPos, "country", p.Pos), "country", p.Country, Countries)
		}
	}
	for _, w := range ed.Works {
		oneOf(diags, at(w.KeyPos, "type", w.Pos), "type", w.Type, WorkTypes)
		checkRegistryURL(diags, w.KeyPos, w.Pos, w.URL)
		if w.AsPrinted == "" && !w.AddedByEditors {
			diags.Errorf(w.Pos, "missing required key \"as_printed\" in entry %q (only a work added by the editors, added_by_editors: true, may leave it out)", w.ID)
		}
		if w.Type == "database" && w.URL == "" {
			diags.Errorf(at(w.KeyPos, "type", w.Pos), "a work of type database needs its url")
		}
	}
	for _, a := range ed.Archives {
		checkRegistryURL(diags, a.KeyPos, a.Pos, a.URL)
	}
	for _, s := range ed.Sections {
		for _, n := range s.Notes {
			if strings.TrimSpace(n.Text.Src) == "" && n.Uncited == "" {
				diags.Errorf(n.Pos, "note %d has no text; give the reference as printed, or say why it cites nothing with uncited:", n.Number)
			}
		}
	}
	for _, pk := range ed.Packets {
		for _, it := range pk.Items {
			set := 0
			for _, b := range []bool{it.Doc.ID != "", it.Note.N != 0, it.Section.ID != ""} {
				if b {
					set++
				}
			}
			if set != 1 {
				diags.Errorf(it.Pos, "a packet item names exactly one of doc, note or section")
			}
		}
	}
}

// validateReleases holds version and released to the newest release of
// the changelog, so that citations and the About page agree.
func validateReleases(st *Site, diags *diag.List) {
	for _, r := range st.Releases {
		if r.Date.Precision() != histdate.Day || r.Date.IsRange() {
			diags.Errorf(r.Pos, "release %s: date must be one day, YYYY-MM-DD", r.Version)
		}
	}
	if st.Version == "" && st.Released.IsZero() && len(st.Releases) == 0 {
		return
	}
	if len(st.Releases) == 0 {
		diags.Errorf(st.Pos, "version and released need releases: the changelog, newest release first")
		return
	}
	first := st.Releases[0]
	if st.Version != first.Version {
		diags.Errorf(at(st.KeyPos, "version", st.Pos), "version %q is not the version of the newest release, %q (the first entry of releases)", st.Version, first.Version)
	}
	if st.Released != first.Date {
		diags.Errorf(at(st.KeyPos, "released", st.Pos), "released %s is not the date of the newest release, %s (the first entry of releases)", st.Released, first.Date)
	}
}

func oneOf(diags *diag.List, pos diag.Position, key, value string, allowed []string) {
	if value != "" && !slices.Contains(allowed, value) {
		diags.Errorf(pos, "%s %q is not one of: %s%s", key, value, strings.Join(allowed, ", "), diag.Suggest(value, allowed))
	}
}

// at returns the position of key's value, or def when the key is absent.
func at(keys map[string]diag.Position, key string, def diag.Position) diag.Position {
	if p, ok := keys[key]; ok {
		return p
	}
	return def
}

// KindLabel names a document kind for readers: "ciphered telegram".
func KindLabel(kind string) string {
	switch kind {
	case "ciphered-telegram":
		return "ciphered telegram"
	case "conversation-record":
		return "record of conversation"
	}
	return kind
}
