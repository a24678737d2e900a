package corpus

import (
	"fmt"
	"strconv"
	"strings"
)

// note is a planned note of the article: note k cites document k-1, and
// sometimes another document and a secondary work too.
type note struct {
	number int
	text   string
	known  []string // documents known only through the works it cites
}

// planNotes writes the text of every note. A work is cited in full the
// first time and in short form after, as an article does.
func (g *gen) planNotes() {
	cited := map[*work]bool{}
	cite := func(w *work, pages string) string {
		label := w.short()
		if !cited[w] {
			label, cited[w] = w.asPrinted, true
		}
		return "[[work:" + w.id + "|" + label + "]], " + pages
	}
	for _, d := range g.docs {
		nt := note{number: d.note}
		var parts []string
		switch {
		case len(d.knownThrough) > 0:
			kt := d.knownThrough[0]
			parts = append(parts, cite(kt.work, "p. "+kt.pages))
			nt.known = append(nt.known, d.id)
		default:
			parts = append(parts, "[[doc:"+d.id+"|"+d.printed()+"]]")
			for _, t := range d.translations {
				parts = append(parts, "translated in "+cite(t.work, "p. "+t.pages))
			}
			for _, p := range d.publishedIn {
				parts = append(parts, "printed in "+cite(p.work, "pp. "+p.pages))
			}
		}
		if g.chance(0.25) {
			if other := g.otherDoc(d); other != "" {
				parts = append(parts, "see also [["+"doc:"+other+"|"+g.byID[other].printed()+"]]")
			}
		}
		if g.chance(0.3) {
			parts = append(parts, "and "+cite(pick(g, g.works), "p. "+strconv.Itoa(g.intn(1, 300))))
		}
		nt.text = strings.Join(parts, "; ") + "."
		g.notes = append(g.notes, nt)
	}
}

// sectionCount gives long editions more sections, about 250 notes each,
// and never fewer than the article's six.
func (g *gen) sectionCount() int { return max(6, (g.n+249)/250) }

func (g *gen) writeSections() {
	count := g.sectionCount()
	for s := range count {
		lo, hi := s*len(g.notes)/count, (s+1)*len(g.notes)/count
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\norder: %d\n", q(fmt.Sprintf("Part %d: %s", s+1, capital(pick(g, topics)))), s+1)
		if hi > lo {
			b.WriteString("notes:\n")
		}
		for _, nt := range g.notes[lo:hi] {
			fmt.Fprintf(&b, "  - number: %d\n    text: %s\n    context: %s\n", nt.number, block("      ", nt.text), q(g.sentence(g.intn(10, 25))))
			if len(nt.known) > 0 {
				fmt.Fprintf(&b, "    documents: [%s]\n", strings.Join(nt.known, ", "))
			}
			if g.chance(0.15) {
				fmt.Fprintf(&b, "    comment: %s\n", q(g.sentence(g.intn(15, 40))))
			}
		}
		b.WriteString("---\n")
		var inserts []string
		for range g.intn(3, 8) {
			if hi > lo {
				inserts = append(inserts, "[[note:"+strconv.Itoa(g.notes[g.intn(lo, hi-1)].number)+"]]")
			}
		}
		for range g.intn(2, 4) {
			inserts = append(inserts, "[[doc:"+pick(g, g.docs).id+"]]")
		}
		b.WriteString(strings.Join(g.paragraphs(g.intn(250, 500), g.intn(3, 5), inserts), "\n\n") + "\n")
		g.put(fmt.Sprintf("essay/part-%02d.md", s+1), b.String())
	}
}

func (g *gen) writeEvents() {
	count := max(4, g.n/10)
	var b strings.Builder
	for i := range count {
		dt := g.someDate()
		id := dt.prefix + "-event-" + strconv.Itoa(i+1)
		g.events = append(g.events, id)
		fmt.Fprintf(&b, "%s:\n  title: %s\n  date: %s\n  summary: %s\n", id, q(capital(pick(g, topics))+" discussed"), q(dt.value), q(g.sentence(g.intn(10, 20))))
		var notes, docs, persons []string
		for range g.intn(1, 2) {
			notes = append(notes, strconv.Itoa(g.intn(1, len(g.notes))))
		}
		for range g.intn(1, 3) {
			docs = append(docs, pick(g, g.docs).id)
		}
		for range g.intn(1, 3) {
			persons = append(persons, g.somePerson().id)
		}
		fmt.Fprintf(&b, "  notes: [%s]\n  documents: [%s]\n  persons: [%s]\n", strings.Join(notes, ", "), strings.Join(docs, ", "), strings.Join(persons, ", "))
		if g.chance(0.1) {
			fmt.Fprintf(&b, "  editorial_notes:\n    - %s\n", q(g.sentence(g.intn(12, 25))))
		} else {
			b.WriteString("  editorial_notes: []\n")
		}
	}
	g.put("events.yaml", b.String())
}

func (g *gen) writeConflicts() {
	for i := range 2 + g.n/1000 {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\npoint: %s\naccounts:\n", q("Accounts of "+pick(g, topics)), q(strings.TrimSuffix(g.sentence(g.intn(8, 14)), ".")+"?"))
		var notes []string
		for range g.intn(2, 3) {
			d := pick(g, g.docs)
			fmt.Fprintf(&b, "  - source: %s\n    says: %s\n", q("doc:"+d.id), q(g.sentence(g.intn(12, 30))))
			notes = append(notes, strconv.Itoa(d.note))
		}
		fmt.Fprintf(&b, "conclusion: %s\nnotes: [%s]\n---\n", q(g.sentence(g.intn(15, 30))), strings.Join(notes, ", "))
		b.WriteString(g.paragraph(g.intn(60, 120), nil) + "\n")
		g.put(fmt.Sprintf("conflicts/conflict-%d.md", i+1), b.String())
	}
}

func (g *gen) writePacket() {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\ncourse: %s\nintroduction: %s\nitems:\n", q("Reading the sources"), q("HIST 300: Sources at scale"),
		block("  ", g.paragraph(g.intn(60, 120), nil)))
	fmt.Fprintf(&b, "  - section: part-01\n    comment: %s\n", q(g.sentence(10)))
	for range 3 {
		fmt.Fprintf(&b, "  - doc: %s\n    comment: %s\n", pick(g, g.docs).id, q(g.sentence(10)))
	}
	fmt.Fprintf(&b, "  - note: 1\n    comment: %s\nquestions:\n  - %s\n", q(g.sentence(10)), q(strings.TrimSuffix(g.sentence(12), ".")+"?"))
	g.put("packets/reading-the-sources.yaml", b.String())
}

// writeConfig writes site.yaml, archives.yaml, glossary.yaml and the
// about page.
func (g *gen) writeConfig() {
	g.put("site.yaml", `title: 'A Synthetic Edition of `+strconv.Itoa(g.n)+` Documents'
subtitle: Generated for benchmarks and scale tests
description: 'A generated edition in the schema of the Korean War sources, used to measure and test the build at scale.'
language: en
base_url: 'https://example.org/synthetic/'
repository: 'https://github.com/example/synthetic'
edit_url: 'https://github.com/example/synthetic/edit/main/{path}'
article:
  author: A. N. Author
  title: 'A Generated Article'
editors: The generator
license: CC BY 4.0
`)
	g.put("archives.yaml", `APRF:
  name: Arkhiv Prezidenta Rossiiskoi Federatsii
  english: Archive of the President of the Russian Federation
  abbreviation: APRF
  description: 'The Russian Presidential Archive in Moscow.'
AVPRF:
  name: Arkhiv Vneshnei Politiki Rossiiskoi Federatsii
  english: Archive of Foreign Policy of the Russian Federation
  abbreviation: AVPRF
  description: 'The archive of the Russian (formerly Soviet) Foreign Ministry.'
`)
	g.put("glossary.yaml", `aprf:
  term: APRF
  expansion: Arkhiv Prezidenta Rossiiskoi Federatsii
  definition: 'The Archive of the President of the Russian Federation.'
  variants: [APRF, Presidential Archive]
avprf:
  term: AVPRF
  expansion: Arkhiv Vneshnei Politiki Rossiiskoi Federatsii
  definition: 'The Archive of Foreign Policy of the Russian Federation.'
  variants: [AVPRF]
fond:
  term: F.
  expansion: Fond
  definition: 'The largest unit of a Russian archive.'
  variants: [F., Fond]
list:
  term: L., Ll.
  expansion: List, Listy (leaf, leaves)
  definition: 'A leaf of a file; "Ll." marks several.'
  variants: [L., Ll.]
sd-numbers:
  term: SD
  expansion: the author's collection number
  definition: 'A document known by its place in the author''s collection rather than by an archival reference.'
  variants: [SD]
shifrtelgramma:
  term: Shifrtelgramma
  expansion: ciphered telegram
  definition: 'A telegram sent in cipher.'
  variants: [Shifrtelgramma, ciphered telegram]
`)
	g.put("pages/about.md", "---\ntitle: About this edition\ndescription: 'How the synthetic edition is made.'\n---\n"+
		g.paragraph(150, nil)+"\n\n## Method\n\n"+g.paragraph(120, nil)+"\n")
}
