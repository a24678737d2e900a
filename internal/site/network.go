package site

import (
	"cmp"
	"slices"
)

// Network is who wrote to whom: persons as nodes, documents as weighted
// edges. Pseudonyms need no merging here because senders and recipients
// are recorded as person ids, whatever name the source uses.
type Network struct {
	Nodes []string // person ids, sorted
	Edges []Edge   // sorted by sender, then recipient
}

// Edge counts the documents one person sent to another.
type Edge struct {
	From, To string
	Count    int
	Docs     []string
}

// Correspondence builds the network of the documents' senders and
// recipients, in one pass over the documents.
func Correspondence(s *Site) Network {
	type pair struct{ from, to string }
	edges := map[pair]*Edge{}
	nodes := map[string]bool{}
	for _, d := range s.DocsByDate {
		for _, f := range d.From {
			for _, t := range d.To {
				if f.Person.ID == "" || t.Person.ID == "" || f.Person.ID == t.Person.ID {
					continue
				}
				k := pair{f.Person.ID, t.Person.ID}
				e := edges[k]
				if e == nil {
					e = &Edge{From: k.from, To: k.to}
					edges[k] = e
				}
				e.Count++
				e.Docs = append(e.Docs, d.ID)
				nodes[k.from], nodes[k.to] = true, true
			}
		}
	}
	var n Network
	for id := range nodes {
		n.Nodes = append(n.Nodes, id)
	}
	slices.Sort(n.Nodes)
	for _, e := range edges {
		n.Edges = append(n.Edges, *e)
	}
	slices.SortFunc(n.Edges, func(a, b Edge) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	return n
}

// Ego is the part of the network around one person: their edges and
// their correspondents.
func (n Network) Ego(id string) Network {
	var out Network
	nodes := map[string]bool{id: true}
	for _, e := range n.Edges {
		if e.From == id || e.To == id {
			out.Edges = append(out.Edges, e)
			nodes[e.From], nodes[e.To] = true, true
		}
	}
	for _, v := range n.Nodes {
		if nodes[v] {
			out.Nodes = append(out.Nodes, v)
		}
	}
	return out
}

// Degree counts the documents each person of n sent or received.
func (n Network) Degree() map[string]int {
	deg := make(map[string]int, len(n.Nodes))
	for _, e := range n.Edges {
		deg[e.From] += e.Count
		deg[e.To] += e.Count
	}
	return deg
}

// Documents counts the documents of n's pairs: a document from one
// person to two counts twice, as the table of pairs lists it twice.
func (n Network) Documents() int {
	c := 0
	for _, e := range n.Edges {
		c += e.Count
	}
	return c
}

// Top is the part of n among its k most connected persons, those who
// sent and received the most documents (ties by id): of the pairs both
// of whose persons are among them, the m with the most documents (ties
// in n's order), and the persons of those pairs.
func (n Network) Top(k, m int) Network {
	deg := n.Degree()
	ranked := slices.Clone(n.Nodes)
	slices.SortStableFunc(ranked, func(a, b string) int { return cmp.Compare(deg[b], deg[a]) })
	keep := make(map[string]bool, k)
	for _, id := range ranked[:min(k, len(ranked))] {
		keep[id] = true
	}
	var edges []Edge
	for _, e := range n.Edges {
		if keep[e.From] && keep[e.To] {
			edges = append(edges, e)
		}
	}
	strongest := slices.Clone(edges)
	slices.SortStableFunc(strongest, func(a, b Edge) int { return cmp.Compare(b.Count, a.Count) })
	shown := map[[2]string]bool{}
	drawn := map[string]bool{}
	for _, e := range strongest[:min(m, len(strongest))] {
		shown[[2]string{e.From, e.To}] = true
		drawn[e.From], drawn[e.To] = true, true
	}
	var out Network
	for _, id := range n.Nodes {
		if drawn[id] {
			out.Nodes = append(out.Nodes, id)
		}
	}
	for _, e := range edges {
		if shown[[2]string{e.From, e.To}] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}
