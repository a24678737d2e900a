package render

import (
	"strings"

	"github.com/korean-war-sources/edition/internal/site"
)

// The table of every pair of a large network, network/pairs.html, lists
// the senders instead when its pairs are more than the split limit, each
// sender's pairs on a page of their own named after the sender
// (network/pairs/ID.html), the pages chained in the senders' order. A
// sender is a stable address: new pairs lengthen the sender's page but
// never move a pair to another page.

// NetworkSender is a sender on the table of senders of a split network:
// the page of their pairs, and how many pairs and documents it lists.
type NetworkSender struct {
	Link
	Pairs, Documents int
}

// pairsPart is the pairs of one sender.
type pairsPart struct {
	id    string
	edges []EdgeView
}

// pairsBySender splits the page of every pair pp by sender when its pairs
// are more than the limit, and returns the pages of the senders.
func (b *builder) pairsBySender(pp *Page) []*Page {
	v := pp.Data.(*NetworkPairsView)
	if len(v.Edges) <= b.s.SplitLimit() {
		return nil
	}
	var parts []pairsPart
	at := map[string]int{}
	for i, e := range b.correspondence().Edges {
		j, ok := at[e.From]
		if !ok {
			j = len(parts)
			at[e.From] = j
			parts = append(parts, pairsPart{id: e.From})
		}
		parts[j].edges = append(parts[j].edges, v.Edges[i])
	}
	folder := strings.TrimSuffix(pp.Path, ".html") + "/"
	crumbs := append(pp.Crumbs[:len(pp.Crumbs):len(pp.Crumbs)], Link{URL: URL(pp.Path), Text: pp.Title})
	var pages []*Page
	for i, part := range parts {
		name := b.s.Persons[part.id].Name
		path := folder + part.id + ".html"
		docs := 0
		for _, e := range part.edges {
			docs += e.Count
		}
		sender := Link{URL: URL(site.PersonPath(part.id)), Text: name}
		v.Senders = append(v.Senders, NetworkSender{Link: Link{URL: URL(path), Text: name}, Pairs: len(part.edges), Documents: docs})
		sp := b.page("network-pairs", path, "Senders and recipients: "+name, "network")
		sp.Description = "The recipients of the documents " + name + " sent, with the number of documents."
		sp.Crumbs = crumbs
		sp.Series = pairsSeries(b, folder, parts, i)
		sp.Data = &NetworkPairsView{Edges: part.edges, Documents: docs, Network: v.Network, Sender: &sender}
		pages = append(pages, sp)
	}
	v.Edges = nil
	return pages
}

// pairsSeries links the i-th sender's page to the pages before and after
// it.
func pairsSeries(b *builder, folder string, parts []pairsPart, i int) *Series {
	link := func(j int, rel string) *PageLink {
		if j < 0 || j >= len(parts) {
			return nil
		}
		return &PageLink{URL: URL(folder + parts[j].id + ".html"), Rel: rel, Text: b.s.Persons[parts[j].id].Name}
	}
	return &Series{Label: "Senders", Prev: link(i-1, "Previous page"), Next: link(i+1, "Next page")}
}
