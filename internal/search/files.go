package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/korean-war-sources/edition/internal/jsonstr"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/parallel"
	"github.com/korean-war-sources/edition/internal/textfold"
)

// The index is written below Dir as JavaScript, not JSON, because a page
// opened from disk may not fetch files but may load scripts. Every file
// hands its data to the global queue window.EditionSearch, which
// search.js replaces with an object whose push method takes the data, so
// the order in which scripts arrive does not matter:
//
//	search/manifest.js  what the other files are, the folding table
//	search/t-KEY.js     the terms beginning with KEY and their postings
//	search/d-N.js       titles, links and snippets of items N*k to N*k+k-1
//	search/s-KEY.js     the terms beginning with KEY that a misspelt word
//	                    may be corrected to (see suggest.go)
//
// Term shards are cut by prefix so that each stays under a size, and
// document shards hold a fixed number of items, so a first query loads
// the manifest, one term shard per word (and, for the word being typed,
// the shards of longer prefixes within a budget) and one document shard
// per result shown, whatever the size of the edition. The manifest's
// hash of all the shards goes into their URLs, so a browser never mixes
// shards of two builds.
const (
	Dir          = "search"
	ManifestPath = Dir + "/manifest.js"
)

// Layout sets the sizes of the shards.
type Layout struct {
	TermShardBytes int // a term shard is split by prefix above this size
	DocShardItems  int // items per document shard
	SnippetRunes   int // text kept per item for the snippet
	PrefixBudget   int // bytes of extra shards a prefix search may load
	LexiconBytes   int // a lexicon file keeps its commonest terms up to this size
}

// DefaultLayout keeps a first query at 10,000 items under 150 KB.
func DefaultLayout() Layout {
	return Layout{TermShardBytes: 24 << 10, DocShardItems: 10, SnippetRunes: 220, PrefixBudget: 64 << 10, LexiconBytes: 16 << 10}
}

// Files writes the index of items as the files of the search with the
// default layout.
func Files(items []Item) ([]output.File, error) {
	b, err := Build(items, DefaultLayout())
	if err != nil {
		return nil, err
	}
	return b.Files, nil
}

// check reports a layout that cannot be written.
func (l Layout) check() error {
	if l.TermShardBytes <= 0 || l.DocShardItems <= 0 || l.SnippetRunes <= 0 || l.LexiconBytes <= 0 {
		return fmt.Errorf("search: invalid layout %+v", l)
	}
	return nil
}

// Built is a written index with what is needed to tell which files a
// query loads.
type Built struct {
	Index    *Index
	Manifest Manifest
	Files    []output.File // manifest first, then term shards, lexicon files and document shards

	state *layoutState // for Update
}

// Manifest is the first file search.js loads.
type Manifest struct {
	Type         string          `json:"type"` // "manifest"
	Version      int             `json:"version"`
	Hash         string          `json:"hash"` // of every shard, for their URLs
	Items        int             `json:"items"`
	DocShard     int             `json:"docShard"`     // items per d-N.js
	Labels       []string        `json:"labels"`       // kind labels, by index
	Terms        []TermShard     `json:"terms"`        // sorted by key
	PrefixBudget int             `json:"prefixBudget"` // see Layout
	MinPrefix    int             `json:"minPrefix"`    // MinPrefixRunes
	MaxTerm      int             `json:"maxTerm"`      // MaxTermRunes
	Fold         string          `json:"fold"`         // textfold.Table
	Apostrophes  string          `json:"apostrophes"`
	Stop         []string        `json:"stop"`
	Weights      ManifestRank    `json:"weights"`
	Dates        DateManifest    `json:"dates"`
	Lexicon      []TermShard     `json:"lexicon"` // s-KEY.js, sorted by key
	Suggest      SuggestManifest `json:"suggest"`
}

// ManifestRank tells search.js how postings encode weights.
type ManifestRank struct {
	Levels int `json:"levels"` // weightLevels
	Freq   int `json:"freq"`   // freqLevels
	Title  int `json:"title"`  // fieldTitle
}

// TermShard names one t-KEY.js: it holds every term whose longest
// prefix among the keys is Key.
type TermShard struct {
	Key   string
	File  string // below Dir
	Bytes int
}

// MarshalJSON writes a shard as [key, file, bytes] to keep the manifest small.
func (t TermShard) MarshalJSON() ([]byte, error) {
	return json.Marshal([]any{t.Key, t.File, t.Bytes})
}

// Build indexes items and lays the index out in files.
func Build(items []Item, l Layout) (*Built, error) {
	if err := l.check(); err != nil {
		return nil, err
	}
	return build(NewIndex(slices.Clone(items)), l) // the index is updated in place by Update
}

// build lays the index ix out in files.
func build(ix *Index, l Layout) (*Built, error) {
	items := ix.Items
	labels := itemLabels(items)
	entries, termFiles, shards, terms := termShards(ix, l.TermShardBytes)
	lexFiles, lexShards, lex := lexiconFiles(lexicon(ix), l.LexiconBytes)
	docFiles := docShards(items, labels, l)
	st := &layoutState{layout: l, labels: labels, entries: entries, shards: terms, lexicon: lex,
		files: map[string]output.File{}, digests: map[string][sha256.Size]byte{}}
	all := slices.Concat(termFiles, lexFiles, docFiles)
	for _, f := range all {
		st.files[f.Path] = f
		st.order = append(st.order, f.Path)
	}
	st.digest(all)
	b := &Built{Index: ix, state: st}
	b.Manifest = Manifest{
		Type: "manifest", Version: 1, Items: len(items), DocShard: l.DocShardItems, Labels: labels,
		Terms: shards, PrefixBudget: l.PrefixBudget, MinPrefix: MinPrefixRunes, MaxTerm: MaxTermRunes,
		Fold: textfold.Table, Apostrophes: textfold.Apostrophes, Stop: strings.Fields(stopWords),
		Weights: ManifestRank{Levels: weightLevels, Freq: freqLevels, Title: fieldTitle},
		Dates:   dateManifest(), Lexicon: lexShards, Suggest: SuggestManifest{One: oneEdit, Two: twoEdits},
	}
	if _, err := b.writeManifest(); err != nil {
		return nil, err
	}
	return b, nil
}

// digest records the digest of every file, on every core.
func (st *layoutState) digest(files []output.File) {
	sums := make([][sha256.Size]byte, len(files))
	parallel.For(len(files), func(_, i int) { sums[i] = sha256.Sum256(files[i].Data) })
	for i, f := range files {
		st.digests[f.Path] = sums[i]
	}
}

// digestOf returns a short hash of the paths of files and of the digests
// of their bytes, in order: any change to a file changes it, and an
// update hashes only the files it wrote.
func digestOf(paths []string, digests map[string][sha256.Size]byte) string {
	h := sha256.New()
	for _, p := range paths {
		d := digests[p]
		h.Write([]byte(p))
		h.Write([]byte{0})
		h.Write(d[:])
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// Every file is a statement handing its data to the queue.
const (
	scriptStart = "(window.EditionSearch=window.EditionSearch||[]).push("
	scriptEnd   = ");\n"
)

// script wraps data as a statement handing it to the queue.
func script(data any) ([]byte, error) {
	j, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(scriptStart)
	b.Write(j)
	b.WriteString(scriptEnd)
	return b.Bytes(), nil
}

// itemLabels lists the distinct labels of items, sorted.
func itemLabels(items []Item) []string {
	var labels []string
	for _, it := range items {
		labels = append(labels, it.Label)
	}
	slices.Sort(labels)
	return slices.Compact(labels)
}

// termEntry is one term with its encoded postings.
type termEntry struct {
	term, postings string
	size           int // bytes it adds to a shard
}

// newTermEntry encodes the postings of a term and measures the entry.
func newTermEntry(term string, ps []Posting) termEntry {
	var buf [64]byte
	p := encodePostings(ps)
	quoted := len(jsonstr.Append(buf[:0], term))
	return termEntry{term: term, postings: p, size: len(`[`) + quoted + len(`,"`) + len(p) + len(`"],`)}
}

// encodePostings writes postings as comma-separated base-36 numbers,
// each (item − previous item) × weightLevels + weight.
func encodePostings(ps []Posting) string {
	b := make([]byte, 0, 4*len(ps))
	prev := 0
	for i, p := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64((int(p.Item)-prev)*weightLevels+int(p.Weight)), 36)
		prev = int(p.Item)
	}
	return string(b)
}

// termShards splits the terms into shards and writes them; it also
// returns the entry of every term and the terms of every shard, by key,
// for Update. Entries and shards are made on every core, each into its
// place.
func termShards(ix *Index, limit int) ([]termEntry, []output.File, []TermShard, map[string][]string) {
	entries := make([]termEntry, len(ix.Terms))
	parallel.For(len(entries), func(_, i int) { entries[i] = newTermEntry(ix.Terms[i], ix.Postings[i]) })
	groups := split("", slices.Clone(entries), limit)
	slices.SortFunc(groups, func(a, b shardGroup) int { return cmp.Compare(a.key, b.key) })
	files := make([]output.File, len(groups))
	shards := make([]TermShard, len(groups))
	parallel.For(len(groups), func(_, i int) {
		g := groups[i]
		slices.SortFunc(g.entries, func(a, b termEntry) int { return cmp.Compare(a.term, b.term) })
		data := termScript(g)
		name := "t-" + fileKey(g.key) + ".js"
		files[i] = output.File{Path: Dir + "/" + name, Data: data}
		shards[i] = TermShard{Key: g.key, File: name, Bytes: len(data)}
	})
	terms := make(map[string][]string, len(groups))
	for _, g := range groups {
		ts := make([]string, len(g.entries))
		for j, e := range g.entries {
			ts[j] = e.term
		}
		terms[g.key] = ts
	}
	return entries, files, shards, terms
}

// termScript writes a term shard as script would write
// {"type":"terms","key":KEY,"terms":[[TERM,POSTINGS],…]}, without
// reflection.
func termScript(g shardGroup) []byte {
	b := make([]byte, 0, total(g.key, g.entries))
	b = append(b, scriptStart+`{"type":"terms","key":`...)
	b = jsonstr.Append(b, g.key)
	b = append(b, `,"terms":[`...)
	for i, e := range g.entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonstr.Append(append(b, '['), e.term)
		b = jsonstr.Append(append(b, ','), e.postings)
		b = append(b, ']')
	}
	return append(b, "]}"+scriptEnd...)
}

// shardGroup is the terms of one shard.
type shardGroup struct {
	key     string
	entries []termEntry
}

// split cuts the entries, which all begin with prefix, into shards of at
// most limit bytes where it can. Terms are grouped by their next rune;
// the smallest groups stay with the prefix's own shard while it has room,
// and the others are split in turn. A term is in the shard of the longest
// key it begins with; a single term larger than limit gets a shard of its
// own.
func split(prefix string, entries []termEntry, limit int) []shardGroup {
	if total(prefix, entries) <= limit {
		return []shardGroup{{prefix, entries}}
	}
	own := shardGroup{key: prefix}
	children := map[string][]termEntry{}
	for _, e := range entries {
		if e.term == prefix {
			own.entries = append(own.entries, e)
			continue
		}
		_, size := utf8.DecodeRuneInString(e.term[len(prefix):])
		key := e.term[:len(prefix)+size]
		children[key] = append(children[key], e)
	}
	keys := make([]string, 0, len(children))
	for k := range children {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(total(a, children[a]), total(b, children[b])), cmp.Compare(a, b))
	})
	var out []shardGroup
	for _, k := range keys {
		if total(prefix, slices.Concat(own.entries, children[k])) <= limit {
			own.entries = append(own.entries, children[k]...)
			continue
		}
		out = append(out, split(k, children[k], limit)...)
	}
	if len(own.entries) > 0 {
		out = append(out, own)
	}
	return out
}

// total is the size of the shard for key holding entries: the statement
// around them, at most 6 bytes for each byte of the key as JSON, and the
// entries with the commas between them.
func total(key string, entries []termEntry) int {
	n := len(`(window.EditionSearch=window.EditionSearch||[]).push({"type":"terms","key":"","terms":[]});`+"\n") + 6*len(key)
	for _, e := range entries {
		n += e.size
	}
	return n
}

// fileKey makes a shard key safe in a file name: ASCII letters and digits
// stay, any other rune becomes _HEX_, and the empty key is "_".
func fileKey(key string) string {
	if key == "" {
		return "_"
	}
	var b strings.Builder
	for _, r := range key {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "_%x_", r)
	}
	return b.String()
}

// docShards writes the titles, links, dates and snippets of the items,
// DocShardItems to a file: d-N.js holds items from N×DocShardItems. The
// shards are written on every core, each into its place.
func docShards(items []Item, labels []string, l Layout) []output.File {
	files := make([]output.File, (len(items)+l.DocShardItems-1)/l.DocShardItems)
	parallel.For(len(files), func(_, n int) {
		start := n * l.DocShardItems
		chunk := items[start:min(start+l.DocShardItems, len(items))]
		files[n] = output.File{Path: Dir + "/d-" + strconv.Itoa(n) + ".js", Data: docScript(n, chunk, labels, l.SnippetRunes)}
	})
	return files
}

// docScript writes document shard n as script would write
// {"type":"docs","shard":N,"items":[[LABEL,TITLE,URL,DATE,SNIPPET],…]},
// without reflection.
func docScript(n int, chunk []Item, labels []string, snippetRunes int) []byte {
	var b []byte
	b = append(b, scriptStart+`{"type":"docs","shard":`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `,"items":[`...)
	for i, it := range chunk {
		if i > 0 {
			b = append(b, ',')
		}
		label, _ := slices.BinarySearch(labels, it.Label)
		b = strconv.AppendInt(append(b, '['), int64(label), 10)
		for _, s := range [...]string{it.Title, it.URL, it.Date, Snippet(it.Text, snippetRunes)} {
			b = jsonstr.Append(append(b, ','), s)
		}
		b = append(b, ']')
	}
	return append(b, "]}"+scriptEnd...)
}

// Snippet returns the beginning of text, at most n runes, cut after a
// whole word and marked with "…" when shortened.
func Snippet(text string, n int) string {
	// Find where rune n begins, if there is one, without counting the
	// runes of a long text to its end.
	count := 0
	for i := range text {
		if count == n {
			return shorten(text[:i])
		}
		count++
	}
	return text
}

// shorten ends text, cut at a snippet's length, after its last whole word.
func shorten(text string) string {
	if sp := strings.LastIndexByte(text, ' '); sp > len(text)/2 {
		text = text[:sp]
	}
	return strings.TrimRight(text, " ,;:") + "…"
}
