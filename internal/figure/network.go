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

// NetworkSVG draws n: persons as nodes placed by layoutNetwork, each
// sender–recipient pair as an arrow from sender to recipient whose width
// grows with the number of documents. A pair that wrote both ways gets
// two arrows curving apart. Every node links to its person page through
// url, which turns a site path into the URL to write. The figure is
// described by a title and description; the page also gives the same
// edges as a table.
func NetworkSVG(s *site.Site, n site.Network, url func(string) string) string {
	return networkSVG(s, n, url, fmt.Sprintf("%d persons and %d sender–recipient pairs; each arrow points from the sender to the recipient. The table after the figure lists every pair.", len(n.Nodes), len(n.Edges)))
}

// TopNetworkSVG draws top, the strongest pairs among the most connected
// persons of a network of all persons and pairs (site.Network.Top), as
// NetworkSVG draws a whole one; its description says what was left out
// and that the page links to the table of every pair.
func TopNetworkSVG(s *site.Site, top site.Network, all site.Network, url func(string) string) string {
	return networkSVG(s, top, url, fmt.Sprintf("The %d sender–recipient pairs with the most documents among the most connected people: %d of %d persons and %d of %d pairs; each arrow points from the sender to the recipient. The page links to the table of every pair.", len(top.Edges), len(top.Nodes), len(all.Nodes), len(top.Edges), len(all.Edges)))
}

func networkSVG(s *site.Site, n site.Network, url func(string) string, desc string) string {
	names := make([]string, len(n.Nodes))
	for i, id := range n.Nodes {
		names[i] = s.Persons[id].Name
	}
	lay, arrows := networkGeometry(n, names)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="group" aria-labelledby="net-title" aria-describedby="net-desc" class="figure-network">`,
		lay.W, lay.H, lay.W, lay.H)
	fmt.Fprintf(&b, `<title id="net-title">Correspondence network</title><desc id="net-desc">%s</desc>`, esc(desc))
	// The arrowhead, in units of the line's width, so that it grows with
	// the line; refX 0 puts its base at the end of the path.
	b.WriteString(`<defs><marker id="net-arrow" viewBox="0 0 10 10" refX="0" refY="5" markerWidth="` + ftoa(arrowLen) + `" markerHeight="` + ftoa(arrowLen) + `" markerUnits="strokeWidth" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>`)
	b.WriteString(`<g class="edges">`)
	for i, e := range n.Edges {
		a := arrows[i]
		fmt.Fprintf(&b, `<path class="edge" data-from="%s" data-to="%s" d="M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f" stroke-width="%.1f" marker-end="url(#net-arrow)"><title>%s → %s: %d</title></path>`,
			esc(e.From), esc(e.To), a.From.X, a.From.Y, a.Ctrl.X, a.Ctrl.Y, a.To.X, a.To.Y, a.Width,
			esc(s.Persons[e.From].Name), esc(s.Persons[e.To].Name), e.Count)
	}
	b.WriteString(`</g><g class="nodes">`)
	for i, id := range n.Nodes {
		p, l := lay.Pos[i], lay.Labels[i]
		fmt.Fprintf(&b, `<a href="%s"><circle cx="%.1f" cy="%.1f" r="%.0f"/><text x="%.1f" y="%.1f" text-anchor="%s">%s</text></a>`,
			esc(url(site.PersonPath(id))), p.X, p.Y, nodeRadius, l.X, l.Y, l.Anchor, esc(names[i]))
	}
	b.WriteString(`</g></svg>`)
	return b.String()
}

// arrowLen is the arrowhead's length in line widths.
const arrowLen = 4.0

// arrow is an edge drawn as a quadratic curve from the rim of the
// sender's circle to the base of the arrowhead, whose tip touches the
// recipient's circle.
type arrow struct {
	From, Ctrl, To point
	Width          float64
}

// networkGeometry lays out n and computes its arrows, in the order of
// n.Edges.
func networkGeometry(n site.Network, names []string) (netLayout, []arrow) {
	index := make(map[string]int, len(n.Nodes))
	for i, id := range n.Nodes {
		index[id] = i
	}
	var links [][2]int
	pairs := map[[2]int]bool{}
	for _, e := range n.Edges {
		l := [2]int{index[e.From], index[e.To]}
		pairs[l] = true
		if !pairs[[2]int{l[1], l[0]}] {
			links = append(links, l)
		}
	}
	lay := layoutNetwork(names, links)
	arrows := make([]arrow, len(n.Edges))
	for i, e := range n.Edges {
		f, t := index[e.From], index[e.To]
		w := 1 + 1.5*math.Log2(float64(e.Count)+1)
		bend := 0.0
		if pairs[[2]int{t, f}] {
			bend = 18 // both ways: each arrow bends to its own side
		}
		arrows[i] = arrowBetween(lay.Pos[f], lay.Pos[t], bend, w)
	}
	return lay, arrows
}

// arrowBetween is the arrow from p to q, bent by bend units to the left
// of its direction, for a line of width w.
func arrowBetween(p, q point, bend, w float64) arrow {
	dx, dy := q.X-p.X, q.Y-p.Y
	d := math.Max(math.Hypot(dx, dy), 0.01)
	mid := point{(p.X+q.X)/2 + dy/d*bend, (p.Y+q.Y)/2 - dx/d*bend}
	// Start on the sender's rim, towards the control point; end where
	// the arrowhead, pointing along the curve's last tangent, touches the
	// recipient's rim.
	start := towards(p, mid, nodeRadius+1)
	tip := towards(q, mid, nodeRadius+1)
	end := towards(tip, mid, arrowLen*w)
	return arrow{From: start, Ctrl: mid, To: end, Width: w}
}

// towards is the point dist from p in the direction of q.
func towards(p, q point, dist float64) point {
	dx, dy := q.X-p.X, q.Y-p.Y
	d := math.Max(math.Hypot(dx, dy), 0.01)
	return point{p.X + dx/d*dist, p.Y + dy/d*dist}
}

func ftoa(f float64) string { return fmt.Sprintf("%g", f) }

func esc(s string) string { return html.EscapeString(s) }
