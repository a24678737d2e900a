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
