package corpus

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/slug"
)

// work is a generated entry of the bibliography.
type work struct {
	id, typ, sort, title, year, asPrinted string
	authors                               []string
	container, volume, issue, season      string
	publisher, place                      string
}

var (
	scholarGiven   = []string{"Anna", "Boris", "Catherine", "David", "Elena", "Frank", "Hua", "Jin", "Karl", "Laura", "Min", "Oleg"}
	scholarSurname = []string{"Abrams", "Bergmann", "Castillo", "Dobrynin", "Eklund", "Fairbank", "Gorski", "Halloran",
		"Ishikawa", "Jansen", "Kaminski", "Lindqvist", "Moreau", "Nakamura", "Olesen", "Petrenko", "Quarles", "Rosen"}
	titleHeads = []string{"Allies and Rivals", "The Road to War", "Uncertain Frontiers", "Between Moscow and Beijing",
		"The Cold War in Asia", "Diplomacy of Revolution", "Archives and Memory", "The Divided Peninsula", "Comrades in Arms"}
	titleTails = []string{"Soviet Policy in Korea", "China and the Korean Question", "Stalin's Far Eastern Strategy",
		"The Origins of the Korean Conflict", "Sino-Soviet Relations", "The Politics of Alliance", "New Evidence from the Archives"}
	journals  = []string{"Journal of Cold War Studies", "Diplomatic History", "Far Eastern Affairs", "Cold War History", "Modern Asian Studies"}
	seasons   = []string{"Spring", "Summer", "Fall", "Winter"}
	presses   = []string{"Stanford University Press", "Columbia University Press", "Harvard University Press", "Oxford University Press", "Nauka", "Renmin chubanshe"}
	places    = []string{"Stanford, CA", "New York", "Cambridge, MA", "Oxford", "Moscow", "Beijing"}
	workTypes = []string{"book", "book", "article", "article", "chapter", "collection", "periodical", "paper"}
)

func (g *gen) makeWorks() {
	count := 20 + g.n/100
	seen := map[string]bool{}
	for i := range count {
		w := &work{typ: pick(g, workTypes), year: strconv.Itoa(g.intn(1960, 2020))}
		sur := pick(g, scholarSurname)
		w.authors = []string{pick(g, scholarGiven) + " " + sur}
		if g.chance(0.3) {
			w.authors = append(w.authors, pick(g, scholarGiven)+" "+pick(g, scholarSurname))
		}
		w.sort = sur
		w.title = pick(g, titleHeads) + ": " + pick(g, titleTails)
		authors := strings.Join(w.authors, " and ")
		switch w.typ {
		case "article", "chapter":
			w.container = pick(g, journals)
			w.volume, w.issue, w.season = strconv.Itoa(g.intn(1, 30)), strconv.Itoa(g.intn(1, 4)), pick(g, seasons)
			w.asPrinted = fmt.Sprintf("%s, \"%s,\" *%s*, Vol. %s, No. %s (%s %s)", authors, w.title, w.container, w.volume, w.issue, w.season, w.year)
		case "periodical":
			w.authors = nil
			w.sort = "Bulletin " + strconv.Itoa(i)
			w.issue = strconv.Itoa(g.intn(1, 16))
			w.title = "Cold War Documents Bulletin, No. " + w.issue
			w.container = "Cold War Documents Bulletin"
			w.asPrinted = fmt.Sprintf("*Cold War Documents Bulletin*, No. %s (%s %s)", w.issue, pick(g, seasons), w.year)
		default:
			w.publisher, w.place = pick(g, presses), pick(g, places)
			w.asPrinted = fmt.Sprintf("%s, *%s* (%s: %s, %s)", authors, w.title, w.place, w.publisher, w.year)
		}
		base := slug.Make(w.sort + " " + w.year + " " + strings.Fields(w.title)[len(strings.Fields(w.title))-1])
		w.id = base
		for k := 2; seen[w.id]; k++ {
			w.id = base + "-" + strconv.Itoa(k)
		}
		seen[w.id] = true
		g.works = append(g.works, w)
		g.workIDs[w.id] = w
	}
}

// short is how a note cites a work after its first full citation.
func (w *work) short() string {
	title, _, _ := strings.Cut(w.title, ":")
	if len(w.authors) == 0 {
		return "*" + w.title + "*"
	}
	return w.sort + ", *" + title + "*"
}

func (g *gen) writeBibliography() {
	works := slices.Clone(g.works)
	slices.SortFunc(works, func(a, b *work) int { return strings.Compare(a.id, b.id) })
	var b strings.Builder
	for _, w := range works {
		fmt.Fprintf(&b, "%s:\n  type: %s\n", w.id, w.typ)
		if len(w.authors) > 0 {
			fmt.Fprintf(&b, "  authors: [%s]\n", quoteAll(w.authors))
		}
		fmt.Fprintf(&b, "  sort: %s\n  title: %s\n", q(w.sort), q(w.title))
		for _, kv := range [][2]string{{"container", w.container}, {"volume", w.volume}, {"issue", w.issue},
			{"season", w.season}, {"year", w.year}, {"publisher", w.publisher}, {"place", w.place}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, "  %s: %s\n", kv[0], q(kv[1]))
			}
		}
		fmt.Fprintf(&b, "  as_printed: %s\n", q(w.asPrinted))
		if g.chance(0.1) {
			fmt.Fprintf(&b, "  editorial_notes:\n    - %s\n", q(g.sentence(g.intn(12, 30))))
		} else {
			b.WriteString("  editorial_notes: []\n")
		}
	}
	g.put("bibliography.yaml", b.String())
}
