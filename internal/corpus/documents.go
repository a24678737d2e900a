package corpus

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/slug"
)

// doc is a planned document.
type doc struct {
	id, title, kind, nature string
	date                    date
	describes               string
	from, to                []party
	mentions                []*person
	archive                 []archiveRef
	collection              string
	translations            []workPages
	knownThrough            []workPages
	publishedIn             []workPages
	related                 []string
	note                    int // the note that cites it
}

// party is a sender or recipient: a person, or a body by name.
type party struct {
	person    *person
	name      string
	asWritten string
}

type archiveRef struct {
	repo, fond, opis, delo, papka, listy, asPrinted string
}

type workPages struct {
	work     *work
	pages    string
	modified bool
}

var (
	contemporaryKinds = []string{"telegram", "ciphered-telegram", "ciphered-telegram", "ciphered-telegram", "report",
		"resolution", "instruction", "conversation-record", "letter", "memorandum", "agreement"}
	bodies = []string{"Soviet Foreign Ministry", "Politburo of the CCP Central Committee", "Korean Workers' Party Central Committee",
		"Soviet General Staff", "U.S. Department of State"}
	topics = []string{"the situation on the 38th parallel", "Soviet credits to Pyongyang", "the Ongjin operation",
		"the new Sino-Soviet treaty", "railway rights in Manchuria", "military supplies for the Korean People's Army",
		"the return of Korean divisions from China", "the withdrawal of American troops", "Lushun and Dalian",
		"the planned offensive", "a visit to Moscow", "the attitude of the United States", "the talks with Mao Zedong"}
	kindPrinted = map[string]string{
		"telegram": "Telegram", "ciphered-telegram": "\"Shifrtelgramma,\"", "report": "Report", "resolution": "Resolution",
		"instruction": "Instruction", "conversation-record": "Record of conversation", "letter": "Letter",
		"memorandum": "Memorandum", "agreement": "Agreement", "memoir": "Memoir", "interview": "Interview",
		"recollection": "Recollection", "publication": "Statement", "speech": "Speech",
	}
)

// planDocuments decides everything about every document but its prose.
func (g *gen) planDocuments() {
	for i := range g.n {
		d := &doc{date: g.someDate(), note: i + 1}
		switch u := g.r.Float64(); {
		case u < 0.70:
			d.kind, d.nature = pick(g, contemporaryKinds), "contemporary"
		case u < 0.80:
			d.kind, d.nature = "report", "later-report"
			d.describes = g.before(d.date)
		case u < 0.86:
			d.kind, d.nature = "memoir", "memoir"
			d.describes = g.before(d.date)
		case u < 0.91:
			d.kind, d.nature = "interview", "interview"
		case u < 0.95:
			d.kind, d.nature = "recollection", "recollection"
		default:
			d.kind, d.nature = pick(g, []string{"publication", "speech"}), "published"
		}
		g.parties(d)
		g.provenance(d, i)
		slugPart := d.kind
		if len(d.from) > 0 && d.from[0].person != nil {
			slugPart = slug.Make(d.from[0].person.surname)
			if len(d.to) > 0 && d.to[0].person != nil {
				slugPart += "-to-" + slug.Make(d.to[0].person.surname)
			}
		}
		d.id = d.date.prefix + "-" + slugPart + "-" + strconv.Itoa(i+1)
		d.title = g.title(d)
		g.docs = append(g.docs, d)
		g.byID[d.id] = d
		if len(d.from) > 0 && d.from[0].person != nil && len(d.from[0].person.docs) < 3 {
			d.from[0].person.docs = append(d.from[0].person.docs, d.id)
		}
	}
	for _, d := range g.docs {
		if g.n > 1 && g.chance(0.25) {
			for range g.intn(1, 2) {
				if other := g.otherDoc(d); other != "" && !contains(d.related, other) {
					d.related = append(d.related, other)
				}
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// otherDoc picks a document other than d, or "" if there is none.
func (g *gen) otherDoc(d *doc) string {
	if g.n < 2 {
		return ""
	}
	for {
		if o := g.docs[g.r.IntN(len(g.docs))]; o != d {
			return o.id
		}
	}
}

// parties chooses senders, recipients and persons mentioned.
func (g *gen) parties(d *doc) {
	involved := map[*person]bool{}
	addPerson := func(list *[]party) {
		p := g.somePerson()
		if involved[p] {
			return
		}
		involved[p] = true
		pt := party{person: p}
		if len(p.aliases) > 0 && g.chance(0.4) {
			pt.asWritten = p.aliases[0]
		}
		*list = append(*list, pt)
	}
	addPerson(&d.from)
	if g.chance(0.1) {
		addPerson(&d.from)
	}
	switch d.nature {
	case "contemporary", "later-report":
		if g.chance(0.15) {
			d.to = append(d.to, party{name: pick(g, bodies)})
		} else {
			addPerson(&d.to)
		}
	}
	for range g.intn(1, 4) {
		p := g.somePerson()
		if !involved[p] {
			involved[p] = true
			d.mentions = append(d.mentions, p)
		}
	}
}

// provenance chooses archival citations, collection numbers and the
// works that translate, print or report the document.
func (g *gen) provenance(d *doc, i int) {
	switch d.nature {
	case "contemporary", "later-report":
		if g.chance(0.65) {
			for range 1 + b2i(g.chance(0.1)) {
				d.archive = append(d.archive, g.archiveRef())
			}
		}
		if len(d.archive) == 0 || g.chance(0.2) {
			d.collection = fmt.Sprintf("SD%05d", 100+i)
		}
		if g.chance(0.2) {
			d.translations = append(d.translations, workPages{work: pick(g, g.works), pages: strconv.Itoa(g.intn(1, 120)), modified: g.chance(0.1)})
		}
	case "memoir", "interview", "published":
		p := g.intn(10, 480)
		d.publishedIn = append(d.publishedIn, workPages{work: pick(g, g.works), pages: fmt.Sprintf("%d–%d", p, p+g.intn(1, 6))})
	case "recollection":
		d.knownThrough = append(d.knownThrough, workPages{work: pick(g, g.works), pages: strconv.Itoa(g.intn(10, 480))})
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (g *gen) archiveRef() archiveRef {
	first := g.intn(1, 150)
	listy, l := strconv.Itoa(first), "L."
	if g.chance(0.6) {
		listy, l = fmt.Sprintf("%d–%d", first, first+g.intn(1, 5)), "Ll."
	}
	if g.chance(0.5) {
		a := archiveRef{repo: "APRF", fond: "45", opis: "1", delo: strconv.Itoa(g.intn(320, 350)), listy: listy}
		a.asPrinted = fmt.Sprintf("APRF, F. %s, Op. %s, D. %s, %s %s", a.fond, a.opis, a.delo, l, a.listy)
		return a
	}
	a := archiveRef{repo: "AVPRF", fond: pick(g, []string{"059a", "0430", "07", "0102"}), opis: pick(g, []string{"5a", "1", "2", "6"}),
		delo: strconv.Itoa(g.intn(1, 40)), papka: strconv.Itoa(g.intn(1, 20)), listy: listy}
	a.asPrinted = fmt.Sprintf("AVPRF, F. %s, Op. %s, D. %s, Pap. %s, %s %s", a.fond, a.opis, a.delo, a.papka, l, a.listy)
	return a
}

func (g *gen) title(d *doc) string {
	label := strings.ReplaceAll(content.KindLabel(d.kind), "-", " ")
	t := capital(label)
	if len(d.from) > 0 {
		t += " " + by(d.kind) + " " + partyName(d.from[0])
	}
	if len(d.to) > 0 {
		t += " to " + partyName(d.to[0])
	}
	return t + " on " + pick(g, topics)
}

func by(kind string) string {
	switch kind {
	case "memoir", "interview", "recollection", "speech", "publication":
		return "by"
	}
	return "from"
}

func partyName(p party) string {
	if p.person != nil {
		return p.person.name
	}
	return p.name
}

// printed is how a note prints its reference to d.
func (d *doc) printed() string {
	var b strings.Builder
	b.WriteString(kindPrinted[d.kind])
	if len(d.from) > 0 {
		p := d.from[0]
		name := p.asWritten
		if name == "" {
			name = partyName(p)
		}
		b.WriteString(" " + by(d.kind) + " " + name)
	}
	if len(d.to) > 0 {
		b.WriteString(" to " + partyName(d.to[0]))
	}
	b.WriteString(", " + d.date.display)
	for _, a := range d.archive {
		b.WriteString(", " + a.asPrinted)
	}
	if d.collection != "" {
		b.WriteString(", " + d.collection)
	}
	return b.String()
}

// writeDocuments writes every document: front matter, then a headnote of
// 300 to 600 words with cross-references and annotations.
func (g *gen) writeDocuments() {
	for _, d := range g.docs {
		var b strings.Builder
		b.WriteString("---\n")
		g.frontMatter(&b, d)
		b.WriteString("---\n")
		b.WriteString(g.headnote(d))
		g.put("documents/"+d.id+".md", b.String())
	}
}

func (g *gen) frontMatter(b *strings.Builder, d *doc) {
	fmt.Fprintf(b, "title: %s\nkind: %s\ndate: %s\n", q(d.title), d.kind, q(d.date.value))
	if d.describes != "" {
		fmt.Fprintf(b, "describes: %s\n", q(d.describes))
	}
	fmt.Fprintf(b, "nature: %s\n", d.nature)
	writeParties(b, "from", d.from)
	writeParties(b, "to", d.to)
	if len(d.mentions) > 0 {
		ids := make([]string, len(d.mentions))
		for i, p := range d.mentions {
			ids[i] = p.id
		}
		fmt.Fprintf(b, "mentions: [%s]\n", strings.Join(ids, ", "))
	}
	if len(d.archive) > 0 {
		b.WriteString("archive:\n")
		for _, a := range d.archive {
			fmt.Fprintf(b, "  - repository: %s\n    fond: %s\n    opis: %s\n    delo: %s\n", a.repo, q(a.fond), q(a.opis), q(a.delo))
			if a.papka != "" {
				fmt.Fprintf(b, "    papka: %s\n", q(a.papka))
			}
			fmt.Fprintf(b, "    listy: %s\n    as_printed: %s\n    note: %d\n", q(a.listy), q(a.asPrinted), d.note)
		}
	}
	if d.collection != "" {
		fmt.Fprintf(b, "collection: %s\n", d.collection)
	}
	writeWorks(b, "translations", d.translations, true)
	writeWorks(b, "known_through", d.knownThrough, false)
	writeWorks(b, "published_in", d.publishedIn, false)
	if len(d.related) > 0 {
		fmt.Fprintf(b, "related: [%s]\n", strings.Join(d.related, ", "))
	}
	if g.chance(0.3) {
		b.WriteString("quotations:\n")
		for range g.intn(1, 2) {
			fmt.Fprintf(b, "  - text: %s\n    note: %d\n    translation: %s\n", block("      ", g.quotation()), d.note,
				q(pick(g, []string{"the article's own translation", "CWIHP Bulletin No. 5, p. 7", "as modified by the author"})))
		}
	}
	if g.chance(0.3) {
		b.WriteString("editorial_notes:\n")
		for range g.intn(1, 2) {
			fmt.Fprintf(b, "  - %s\n", q("Note "+strconv.Itoa(d.note)+" prints the reference as given above. "+g.sentence(g.intn(15, 35))))
		}
	}
}

func writeParties(b *strings.Builder, key string, ps []party) {
	if len(ps) == 0 {
		return
	}
	b.WriteString(key + ":\n")
	for _, p := range ps {
		if p.person == nil {
			fmt.Fprintf(b, "  - name: %s\n", q(p.name))
			continue
		}
		fmt.Fprintf(b, "  - person: %s\n", p.person.id)
		if p.asWritten != "" {
			fmt.Fprintf(b, "    as_written: %s\n", q(p.asWritten))
		}
	}
}

func writeWorks(b *strings.Builder, key string, ws []workPages, modified bool) {
	if len(ws) == 0 {
		return
	}
	b.WriteString(key + ":\n")
	for _, w := range ws {
		fmt.Fprintf(b, "  - work: %s\n    pages: %s\n", w.work.id, q(w.pages))
		if modified {
			fmt.Fprintf(b, "    modified: %t\n", w.modified)
		}
	}
}

// headnote writes the Markdown body of d.
func (g *gen) headnote(d *doc) string {
	words := g.intn(300, 600)
	labels := append([]string(nil), footnoteLabels...)
	g.r.Shuffle(len(labels), func(i, j int) { labels[i], labels[j] = labels[j], labels[i] })
	labels = labels[:g.intn(3, 8)]

	var inserts []string
	for _, p := range d.from {
		if p.person != nil {
			inserts = append(inserts, "[[person:"+p.person.id+"]]")
		}
	}
	for _, p := range d.to {
		if p.person != nil {
			inserts = append(inserts, "[[person:"+p.person.id+"]]")
		}
	}
	for _, p := range d.mentions {
		inserts = append(inserts, "[[person:"+p.id+"]]")
	}
	var xrefs []string
	for range g.intn(2, 4) {
		if other := g.otherDoc(d); other != "" && !contains(xrefs, other) {
			xrefs = append(xrefs, other)
			inserts = append(inserts, "[[doc:"+other+"]]")
		}
	}
	inserts = append(inserts, "([[note:"+strconv.Itoa(d.note)+"]])")
	for _, l := range labels {
		inserts = append(inserts, "[^"+l+"]")
	}
	if g.chance(0.2) {
		inserts = append(inserts, "([finding aid](https://example.org/finding-aids/"+d.id+"))")
	}
	if g.chance(0.1) {
		inserts = append(inserts, "[[term:"+pick(g, []string{"aprf", "avprf", "shifrtelgramma", "sd-numbers"})+"]]")
	}
	g.r.Shuffle(len(inserts), func(i, j int) { inserts[i], inserts[j] = inserts[j], inserts[i] })

	noteWords := 0
	defs := make([]string, len(labels))
	for i, l := range labels {
		k := g.intn(15, 30)
		noteWords += k
		defs[i] = "[^" + l + "]: " + g.paragraph(k, nil)
	}
	paras := g.paragraphs(max(words-noteWords, 60), g.intn(2, 4), inserts)
	if g.chance(0.15) && len(paras) > 1 {
		paras[len(paras)-1] = "## " + pick(g, []string{"Context", "The source", "What the article makes of it"}) + "\n\n" + paras[len(paras)-1]
	}
	return strings.Join(paras, "\n\n") + "\n\n" + strings.Join(defs, "\n\n") + "\n"
}
