// Package figure draws the edition's figures as SVG at build time: the
// correspondence network and the timeline overview. Layouts are computed
// from sorted data only, so the same content always gives the same bytes.
package figure

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/korean-war-sources/edition/internal/site"
)

// NetworkSVG draws n with nodes on a circle in alphabetical order of
// their ids and edges as lines whose width grows with the number of
// documents. Every node links to its person page through url, which turns
// a site path into the URL to write. The figure is described by a title
// and description; the page also gives the same edges as a table.
func NetworkSVG(s *site.Site, n site.Network, url func(string) string) string {
	const size, margin = 640.0, 120.0
	r := size/2 - margin
	c := size / 2
	pos := make(map[string][2]float64, len(n.Nodes))
	for i, id := range n.Nodes {
		a := 2*math.Pi*float64(i)/float64(max(len(n.Nodes), 1)) - math.Pi/2
		pos[id] = [2]float64{c + r*math.Cos(a), c + r*math.Sin(a)}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="group" aria-labelledby="net-title" aria-describedby="net-desc" class="figure-network">`, size, size)
	fmt.Fprintf(&b, `<title id="net-title">Correspondence network</title><desc id="net-desc">%d persons and %d sender–recipient pairs; the table after the figure lists every pair.</desc>`, len(n.Nodes), len(n.Edges))
	b.WriteString(`<g class="edges">`)
	for _, e := range n.Edges {
		p, q := pos[e.From], pos[e.To]
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke-width="%.1f"><title>%s → %s: %d</title></line>`,
			p[0], p[1], q[0], q[1], 1+1.5*math.Log2(float64(e.Count)+1), esc(s.Persons[e.From].Name), esc(s.Persons[e.To].Name), e.Count)
	}
	b.WriteString(`</g><g class="nodes">`)
	for _, id := range n.Nodes {
		p := pos[id]
		anchor := "start"
		dx := 8.0
		if p[0] < c-1 {
			anchor, dx = "end", -8
		}
		fmt.Fprintf(&b, `<a href="%s"><circle cx="%.1f" cy="%.1f" r="6"/><text x="%.1f" y="%.1f" text-anchor="%s">%s</text></a>`,
			esc(url(site.PersonPath(id))), p[0], p[1], p[0]+dx, p[1]+4, anchor, esc(s.Persons[id].Name))
	}
	b.WriteString(`</g></svg>`)
	return b.String()
}

func esc(s string) string { return html.EscapeString(s) }
