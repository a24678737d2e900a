package render

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/parallel"
	"github.com/korean-war-sources/edition/internal/site"
)

// DocsView is a documents index.
type DocsView struct {
	Views   []Link
	Current string
	Groups  []DocGroup
	Count   int
	// Of is set on a page of a view split into parts: the number of
	// documents of the whole edition.
	Of int
}

// DocGroup is a titled list of documents.
type DocGroup struct {
	Title, Anchor string
	Subgroups     []DocSubgroup
	Rows          []DocRow
}

// DocSubgroup is a second level (fond/opis/delo in the archive index).
type DocSubgroup struct {
	Title string
	Rows  []DocRow
	// fond, opis, delo and papka group the files when the view is split
	// into pages.
	fond, opis, delo, papka string
}

// DocRow is a document in an index.
type DocRow struct {
	Link
	Date, DateISO, Kind, Nature, Parties, Sender, Listy, Collection, Persons string
}

func (b *builder) docRow(d *content.Document) DocRow {
	dv := dateView(d.Date)
	sender := ""
	if len(d.From) > 0 {
		pv := partyViews(b.s, d.From[:1])[0]
		sender = pv.Name
	}
	return DocRow{
		Link: Link{URL: URL(site.DocumentPath(d.ID)), Text: d.Title},
		Date: dv.Display, DateISO: dv.ISO, Kind: KindLabel(d.Kind), Nature: NatureNote(d),
		Parties: parties(b.s, d), Sender: sender, Collection: d.Collection,
		Persons: strings.Join(d.People(), " "),
	}
}

var docViews = []struct{ Path, Label string }{
	{"documents/index.html", "By date"},
	{"documents/by-kind.html", "By kind"},
	{"documents/by-sender.html", "By sender"},
	{"documents/by-archive.html", "By archive"},
}

func (b *builder) documentIndexes() []*Page {
	var views []Link
	for _, v := range docViews {
		views = append(views, Link{URL: URL(v.Path), Text: v.Label})
	}
	mk := func(i int, groups []DocGroup) *Page {
		v := &DocsView{Views: views, Current: docViews[i].Label, Groups: groups, Count: len(b.s.Ed.Documents)}
		p := b.page("documents", docViews[i].Path, "Documents: "+strings.ToLower(docViews[i].Label), "documents")
		if i == 0 {
			p.Title = "Documents"
		}
		p.Description = "Every primary source cited in the article's notes."
		p.Data = v
		p.Scripts = []string{URL("assets/filter.js")}
		return p
	}
	rows := b.docRows()
	groups := [][]DocGroup{b.byDate(rows), b.byKey(rows, func(r DocRow) string { return r.Kind }),
		b.byKey(rows, func(r DocRow) string { return r.Sender }), b.byArchive(rows)}
	if len(b.s.Ed.Documents) > b.s.SplitLimit() {
		return b.splitDocViews(views, groups)
	}
	pages := make([]*Page, len(groups))
	for i, g := range groups {
		pages[i] = mk(i, g)
	}
	return pages
}

// docRows makes the row of every document once, on every core, for the
// four views that list them all.
func (b *builder) docRows() map[*content.Document]DocRow {
	docs := b.s.DocsByDate
	made := make([]DocRow, len(docs))
	parallel.For(len(docs), func(_, i int) { made[i] = b.docRow(docs[i]) })
	rows := make(map[*content.Document]DocRow, len(docs))
	for i, d := range docs {
		rows[d] = made[i]
	}
	return rows
}

func (b *builder) byDate(rows map[*content.Document]DocRow) []DocGroup {
	var groups []DocGroup
	for _, d := range b.s.DocsByDate {
		year := "Undated"
		if !d.Date.IsZero() {
			year = strconv.Itoa(d.Date.Year())
		}
		if n := len(groups); n == 0 || groups[n-1].Title != year {
			groups = append(groups, DocGroup{Title: year, Anchor: "y-" + strings.ToLower(year)})
		}
		groups[len(groups)-1].Rows = append(groups[len(groups)-1].Rows, rows[d])
	}
	return groups
}

func (b *builder) byKey(rows map[*content.Document]DocRow, key func(DocRow) string) []DocGroup {
	m := map[string][]DocRow{}
	for _, d := range b.s.DocsByDate {
		r := rows[d]
		k := key(r)
		if k == "" {
			k = "Not known"
		}
		m[k] = append(m[k], r)
	}
	var groups []DocGroup
	for k, rows := range m {
		groups = append(groups, DocGroup{Title: k, Anchor: "g-" + content.Slug(k), Rows: rows})
	}
	slices.SortFunc(groups, func(a, b DocGroup) int { return cmp.Compare(site.Fold(a.Title), site.Fold(b.Title)) })
	return groups
}

// byArchive groups documents by repository, then fond/opis/delo, sorted
// as numbers ("059a" after "45"), with documents known only by the
// author's collection number or by a publication in groups of their own.
func (b *builder) byArchive(docRows map[*content.Document]DocRow) []DocGroup {
	type key struct{ repo, fond, opis, delo, papka string }
	rows := map[key][]DocRow{}
	var bySD, byPub []DocRow
	for _, d := range b.s.DocsByDate {
		if len(d.Archive) == 0 {
			r := docRows[d]
			if d.Collection != "" {
				bySD = append(bySD, r)
			} else {
				byPub = append(byPub, r)
			}
			continue
		}
		for _, a := range d.Archive {
			k := key{a.Repository.ID, a.Fond, a.Opis, a.Delo, a.Papka}
			rows[k] = addListy(rows[k], docRows[d], a.Listy)
		}
	}
	keys := make([]key, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.repo, b.repo), NaturalCompare(a.fond, b.fond), NaturalCompare(a.opis, b.opis),
			NaturalCompare(a.delo, b.delo), NaturalCompare(a.papka, b.papka))
	})
	var groups []DocGroup
	for _, k := range keys {
		if n := len(groups); n == 0 || groups[n-1].Anchor != "a-"+strings.ToLower(k.repo) {
			title := k.repo
			if a := b.s.Archives[k.repo]; a != nil {
				title += " — " + a.Name + " (" + a.English + ")"
			}
			groups = append(groups, DocGroup{Title: title, Anchor: "a-" + strings.ToLower(k.repo)})
		}
		rs := rows[k]
		slices.SortStableFunc(rs, func(a, b DocRow) int { return NaturalCompare(a.Listy, b.Listy) })
		for i := range rs {
			rs[i].Listy = leafReadings(rs[i].Listy)
		}
		title := "F. " + k.fond + ", Op. " + k.opis + ", D. " + k.delo
		if k.papka != "" {
			title += ", Pap. " + k.papka
		}
		g := &groups[len(groups)-1]
		g.Subgroups = append(g.Subgroups, DocSubgroup{Title: title, Rows: rs, fond: k.fond, opis: k.opis, delo: k.delo, papka: k.papka})
	}
	if len(bySD) > 0 {
		slices.SortStableFunc(bySD, func(a, b DocRow) int { return NaturalCompare(a.Collection, b.Collection) })
		groups = append(groups, DocGroup{Title: "Known only by the author's collection number (SD)", Anchor: "sd", Rows: bySD})
	}
	if len(byPub) > 0 {
		groups = append(groups, DocGroup{Title: "Known through publications, memoirs and later works", Anchor: "published", Rows: byPub})
	}
	return groups
}

// addListy adds a document's row to the rows of one archive file. A
// document the notes cite twice from the same file (at leaves 554 and
// 55, say) is one row with both leaves, not two rows.
func addListy(rows []DocRow, r DocRow, listy string) []DocRow {
	for i := range rows {
		if rows[i].URL != r.URL {
			continue
		}
		if listy != "" && !slices.Contains(strings.Split(rows[i].Listy, "; "), listy) {
			ls := append(strings.Split(rows[i].Listy, "; "), listy)
			slices.SortFunc(ls, NaturalCompare)
			rows[i].Listy = strings.Join(slices.DeleteFunc(ls, func(s string) bool { return s == "" }), "; ")
		}
		return rows
	}
	r.Listy = listy
	return append(rows, r)
}

// leafReadings turns the leaves at which the notes cite one document in
// one file into what a reader sees: two leaves there mean that the notes
// disagree (554 or 55 for the telegram of 14 May 1950), not that the
// document fills both, so "55; 554" reads "55 or 554 (the notes differ)".
func leafReadings(listy string) string {
	leaves := strings.Split(listy, "; ")
	if len(leaves) < 2 {
		return listy
	}
	return strings.Join(leaves, " or ") + " (the notes differ)"
}

// NaturalCompare orders archive numbers as numbers: "9" < "45" < "059a" <
// "331", and "13–14" by its first leaf. A numeric prefix compares by value,
// then the rest as text.
func NaturalCompare(a, b string) int {
	na, ra := leadingNumber(a)
	nb, rb := leadingNumber(b)
	if na >= 0 && nb >= 0 && na != nb {
		return cmp.Compare(na, nb)
	}
	if (na >= 0) != (nb >= 0) {
		return cmp.Compare(nb, na) // numbers first
	}
	return cmp.Compare(ra, rb)
}

func leadingNumber(s string) (int, string) {
	i := 0
	for i < len(s) && unicode.IsDigit(rune(s[i])) {
		i++
	}
	if i == 0 {
		return -1, s
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil {
		return -1, s
	}
	return n, s[i:]
}
