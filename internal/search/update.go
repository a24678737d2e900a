package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/output"
)

// layoutState is what Build keeps of the layout it wrote, so that Update
// can write again only the files one changed item touches.
type layoutState struct {
	layout  Layout
	labels  []string
	entries []termEntry            // parallel to Index.Terms
	shards  map[string][]string    // shard key → its terms, sorted
	lexicon map[string][]string    // lexicon key → its terms, in order
	files   map[string]output.File // every shard by path
	digests map[string][sha256.Size]byte
	order   []string // shard paths in the order of Files, manifest left out
}

// termWeights returns the terms of an item with their weights, as NewIndex
// counts them.
func termWeights(it Item) map[string]int {
	var c termCounter
	out := map[string]int{}
	for _, t := range c.itemTerms(it, nil) {
		out[c.terms[t.id]] = int(t.weight)
	}
	return out
}

// Update replaces item i of the index by it and returns the files that
// changed, the manifest first, each as Build would write it for the new
// list of items. It is how the preview updates the search after an edit
// of one document's prose: it counts the terms of the old and the new
// item, changes the postings of the terms that differ, lays the shards
// out again and writes only the shards whose terms changed, and the
// document shard holding the item.
//
// ok is false, and nothing is changed, when the item cannot be replaced
// in place (its kind label is new to the index, or i is out of range);
// the caller then builds the index anew.
func (b *Built) Update(i int, it Item) (files []output.File, ok bool, err error) {
	return b.UpdateItems(nil, map[int]Item{i: it})
}

// UpdateItems is Update for several items at once: items holds new items
// by their place. order, if not nil, lists the kind and id of every item
// of the new list (see ItemsOf); ok is false when it is not the list of
// the index, which must then be built anew. Items equal to the ones they
// replace change nothing.
func (b *Built) UpdateItems(order []string, items map[int]Item) (files []output.File, ok bool, err error) {
	ix, st := b.Index, b.state
	if st == nil || !b.sameOrder(order) {
		return nil, false, nil
	}
	for i, it := range items {
		if i < 0 || i >= len(ix.Items) {
			return nil, false, nil
		}
		if _, found := slices.BinarySearch(st.labels, it.Label); !found {
			return nil, false, nil
		}
	}
	changed := map[string]bool{}
	docs := map[int]bool{}
	for _, i := range slices.Sorted(maps.Keys(items)) {
		if sameItem(ix.Items[i], items[i]) {
			continue
		}
		b.replacePostings(i, items[i], changed)
		ix.Items[i] = items[i]
		docs[i/st.layout.DocShardItems] = true
	}
	if len(docs) == 0 {
		return nil, true, nil
	}
	files = b.relayout(changed)
	files = append(files, b.relexicon()...)
	for _, n := range slices.Sorted(maps.Keys(docs)) {
		files = append(files, b.docShard(n))
	}
	for _, f := range files {
		st.files[f.Path] = f
		st.digests[f.Path] = sha256.Sum256(f.Data)
	}
	manifest, err := b.writeManifest()
	if err != nil {
		return nil, false, err
	}
	return append([]output.File{manifest}, files...), true, nil
}

// sameOrder reports whether order (nil: not known) lists the items of
// the index.
func (b *Built) sameOrder(order []string) bool {
	if order == nil {
		return true
	}
	if len(order) != len(b.Index.Items) {
		return false
	}
	for i, it := range b.Index.Items {
		if order[i] != it.Kind+":"+it.ID {
			return false
		}
	}
	return true
}

// docShard writes document shard n.
func (b *Built) docShard(n int) output.File {
	st, items := b.state, b.Index.Items
	start := n * st.layout.DocShardItems
	chunk := items[start:min(start+st.layout.DocShardItems, len(items))]
	return output.File{Path: Dir + "/d-" + strconv.Itoa(n) + ".js", Data: docScript(n, chunk, st.labels, st.layout.SnippetRunes)}
}

func sameItem(a, b Item) bool {
	return a.Kind == b.Kind && a.ID == b.ID && a.Label == b.Label && a.Title == b.Title && a.URL == b.URL &&
		a.Date == b.Date && a.When == b.When && a.Text == b.Text && slices.Equal(a.Aliases, b.Aliases) && slices.Equal(a.Names, b.Names)
}

// replacePostings changes the postings of item i to those of it, and
// adds the terms whose postings changed to changed.
func (b *Built) replacePostings(i int, it Item, changed map[string]bool) {
	ix, st := b.Index, b.state
	old, now := termWeights(ix.Items[i]), termWeights(it)
	var terms []string
	for term, w := range old {
		if nw, ok := now[term]; !ok || nw != w {
			terms = append(terms, term)
		}
	}
	for term := range now {
		if _, ok := old[term]; !ok {
			terms = append(terms, term)
		}
	}
	slices.Sort(terms)
	for _, term := range terms {
		changed[term] = true
		n, found := slices.BinarySearch(ix.Terms, term)
		if !found {
			ix.Terms = slices.Insert(ix.Terms, n, term)
			ix.Postings = slices.Insert(ix.Postings, n, nil)
			st.entries = slices.Insert(st.entries, n, termEntry{})
		}
		ps := ix.Postings[n]
		at, has := slices.BinarySearchFunc(ps, i, func(p Posting, item int) int { return cmp.Compare(int(p.Item), item) })
		if has {
			ps = slices.Delete(slices.Clone(ps), at, at+1)
		}
		if w, ok := now[term]; ok {
			ps = slices.Insert(slices.Clone(ps), at, Posting{Item: int32(i), Weight: int32(w)})
		}
		if len(ps) == 0 {
			ix.Terms = slices.Delete(ix.Terms, n, n+1)
			ix.Postings = slices.Delete(ix.Postings, n, n+1)
			st.entries = slices.Delete(st.entries, n, n+1)
			continue
		}
		ix.Postings[n] = ps
		st.entries[n] = newTermEntry(term, ps)
	}
}

// relayout splits the terms into shards again, as Build does, and writes
// the shards that are new or hold a changed term; shards that are gone
// are dropped. It returns the files written.
func (b *Built) relayout(changed map[string]bool) []output.File {
	st := b.state
	groups := split("", slices.Clone(st.entries), st.layout.TermShardBytes)
	slices.SortFunc(groups, func(a, b shardGroup) int { return cmp.Compare(a.key, b.key) })
	var files []output.File
	shards := make(map[string][]string, len(groups))
	b.Manifest.Terms = b.Manifest.Terms[:0]
	order := st.order[:0:0]
	for _, g := range groups {
		slices.SortFunc(g.entries, func(a, b termEntry) int { return cmp.Compare(a.term, b.term) })
		terms := make([]string, len(g.entries))
		dirty := false
		for j, e := range g.entries {
			terms[j] = e.term
			dirty = dirty || changed[e.term]
		}
		shards[g.key] = terms
		name := "t-" + fileKey(g.key) + ".js"
		path := Dir + "/" + name
		if dirty || !slices.Equal(terms, st.shards[g.key]) {
			files = append(files, output.File{Path: path, Data: termScript(g)})
			st.files[path] = files[len(files)-1]
		}
		b.Manifest.Terms = append(b.Manifest.Terms, TermShard{Key: g.key, File: name, Bytes: len(st.files[path].Data)})
		order = append(order, path)
	}
	for key := range st.shards {
		if _, ok := shards[key]; !ok {
			path := Dir + "/t-" + fileKey(key) + ".js"
			delete(st.files, path)
			delete(st.digests, path)
		}
	}
	for _, p := range st.order {
		if !isTermShard(p) {
			order = append(order, p)
		}
	}
	st.shards, st.order = shards, order
	return files
}

func isTermShard(p string) bool { return strings.HasPrefix(p, Dir+"/t-") }

func isLexicon(p string) bool { return strings.HasPrefix(p, Dir+"/s-") }

// relexicon makes the lexicon again and returns the files that differ;
// files of keys that are gone are dropped. Lexicon files stay after the
// term shards and before the document shards in the order of files.
func (b *Built) relexicon() []output.File {
	st := b.state
	files, shards, lex := lexiconFiles(lexicon(b.Index), st.layout.LexiconBytes)
	var changed []output.File
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
		if old, ok := st.files[f.Path]; !ok || !bytes.Equal(old.Data, f.Data) {
			changed = append(changed, f)
		}
	}
	var order []string
	for _, p := range st.order {
		switch {
		case isTermShard(p):
			order = append(order, p)
		case isLexicon(p) && !slices.Contains(paths, p):
			delete(st.files, p)
			delete(st.digests, p)
		}
	}
	order = append(order, paths...)
	for _, p := range st.order {
		if !isTermShard(p) && !isLexicon(p) {
			order = append(order, p)
		}
	}
	st.order, st.lexicon, b.Manifest.Lexicon = order, lex, shards
	return changed
}

// writeManifest writes the manifest of the shards as they are now.
func (b *Built) writeManifest() (output.File, error) {
	st := b.state
	b.Manifest.Hash = st.hash()
	b.Manifest.Items = len(b.Index.Items)
	data, err := script(b.Manifest)
	if err != nil {
		return output.File{}, fmt.Errorf("search manifest: %w", err)
	}
	b.Files = b.Files[:0]
	b.Files = append(b.Files, output.File{Path: ManifestPath, Data: data})
	for _, p := range st.order {
		b.Files = append(b.Files, st.files[p])
	}
	return b.Files[0], nil
}

// hash is the hash of every shard, path and bytes, in order.
func (st *layoutState) hash() string {
	return digestOf(st.order, st.digests)
}
