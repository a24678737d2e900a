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

	"github.com/korean-war-sources/edition/internal/output"
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
}

// DefaultLayout keeps a first query at 10,000 items under 150 KB.
func DefaultLayout() Layout {
	return Layout{TermShardBytes: 24 << 10, DocShardItems: 10, SnippetRunes: 220, PrefixBudget: 64 << 10}
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

// Built is a written index with what is needed to tell which files a
// query loads.
type Built struct {
	Index    *Index
	Manifest Manifest
	Files    []output.File // manifest first, then term shards, then document shards
}

// Manifest is the first file search.js loads.
type Manifest struct {
	Type         string       `json:"type"` // "manifest"
	Version      int          `json:"version"`
	Hash         string       `json:"hash"` // of every shard, for their URLs
	Items        int          `json:"items"`
	DocShard     int          `json:"docShard"`     // items per d-N.js
	Labels       []string     `json:"labels"`       // kind labels, by index
	Terms        []TermShard  `json:"terms"`        // sorted by key
	PrefixBudget int          `json:"prefixBudget"` // see Layout
	MinPrefix    int          `json:"minPrefix"`    // MinPrefixRunes
	MaxTerm      int          `json:"maxTerm"`      // MaxTermRunes
	Fold         string       `json:"fold"`         // foldGroups
	Apostrophes  string       `json:"apostrophes"`
	Stop         []string     `json:"stop"`
	Weights      ManifestRank `json:"weights"`
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
	if l.TermShardBytes <= 0 || l.DocShardItems <= 0 || l.SnippetRunes <= 0 {
		return nil, fmt.Errorf("search: invalid layout %+v", l)
	}
	ix := NewIndex(items)
	b := &Built{Index: ix}
	labels := itemLabels(items)
	termFiles, shards, err := termShards(ix, l.TermShardBytes)
	if err != nil {
		return nil, err
	}
	docFiles, err := docShards(items, labels, l)
	if err != nil {
		return nil, err
	}
	b.Manifest = Manifest{
		Type: "manifest", Version: 1, Hash: hashFiles(slices.Concat(termFiles, docFiles)), Items: len(items), DocShard: l.DocShardItems, Labels: labels,
		Terms: shards, PrefixBudget: l.PrefixBudget, MinPrefix: MinPrefixRunes, MaxTerm: MaxTermRunes,
		Fold: foldGroups, Apostrophes: apostrophes, Stop: strings.Fields(stopWords),
		Weights: ManifestRank{Levels: weightLevels, Freq: freqLevels, Title: fieldTitle},
	}
	manifest, err := script(b.Manifest)
	if err != nil {
		return nil, fmt.Errorf("search manifest: %w", err)
	}
	b.Files = append([]output.File{{Path: ManifestPath, Data: manifest}}, termFiles...)
	b.Files = append(b.Files, docFiles...)
	return b, nil
}

// hashFiles returns a short hash of the paths and contents of files.
func hashFiles(files []output.File) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00%d\x00", f.Path, len(f.Data))
		h.Write(f.Data)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// script wraps data as a statement handing it to the queue.
func script(data any) ([]byte, error) {
	j, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("(window.EditionSearch=window.EditionSearch||[]).push(")
	b.Write(j)
	b.WriteString(");\n")
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

// encodePostings writes postings as comma-separated base-36 numbers,
// each (item − previous item) × weightLevels + weight.
func encodePostings(ps []Posting) string {
	var b strings.Builder
	prev := 0
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(int64((p.Item-prev)*weightLevels+p.Weight), 36))
		prev = p.Item
	}
	return b.String()
}

// termShards splits the terms into shards and writes them.
func termShards(ix *Index, limit int) ([]output.File, []TermShard, error) {
	entries := make([]termEntry, len(ix.Terms))
	for i, t := range ix.Terms {
		j, err := json.Marshal(t)
		if err != nil {
			return nil, nil, fmt.Errorf("search term %q: %w", t, err)
		}
		p := encodePostings(ix.Postings[i])
		entries[i] = termEntry{term: t, postings: p, size: len(`[`) + len(j) + len(`,"`) + len(p) + len(`"],`)}
	}
	groups := split("", entries, limit)
	slices.SortFunc(groups, func(a, b shardGroup) int { return cmp.Compare(a.key, b.key) })
	var files []output.File
	var shards []TermShard
	for _, g := range groups {
		slices.SortFunc(g.entries, func(a, b termEntry) int { return cmp.Compare(a.term, b.term) })
		list := make([][2]string, len(g.entries))
		for i, e := range g.entries {
			list[i] = [2]string{e.term, e.postings}
		}
		data, err := script(struct {
			Type  string      `json:"type"`
			Key   string      `json:"key"`
			Terms [][2]string `json:"terms"`
		}{"terms", g.key, list})
		if err != nil {
			return nil, nil, fmt.Errorf("search term shard %q: %w", g.key, err)
		}
		name := "t-" + fileKey(g.key) + ".js"
		files = append(files, output.File{Path: Dir + "/" + name, Data: data})
		shards = append(shards, TermShard{Key: g.key, File: name, Bytes: len(data)})
	}
	return files, shards, nil
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
// DocShardItems to a file: d-N.js holds items from N×DocShardItems.
func docShards(items []Item, labels []string, l Layout) ([]output.File, error) {
	var files []output.File
	for start := 0; start < len(items); start += l.DocShardItems {
		chunk := items[start:min(start+l.DocShardItems, len(items))]
		rows := make([][]any, len(chunk))
		for i, it := range chunk {
			label, _ := slices.BinarySearch(labels, it.Label)
			rows[i] = []any{label, it.Title, it.URL, it.Date, Snippet(it.Text, l.SnippetRunes)}
		}
		n := start / l.DocShardItems
		data, err := script(struct {
			Type  string  `json:"type"`
			Shard int     `json:"shard"`
			Items [][]any `json:"items"`
		}{"docs", n, rows})
		if err != nil {
			return nil, fmt.Errorf("search document shard %d: %w", n, err)
		}
		files = append(files, output.File{Path: Dir + "/d-" + strconv.Itoa(n) + ".js", Data: data})
	}
	return files, nil
}

// Snippet returns the beginning of text, at most n runes, cut after a
// whole word and marked with "…" when shortened.
func Snippet(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	cut := 0
	for i := range text {
		if cut == n {
			text = text[:i]
			break
		}
		cut++
	}
	if sp := strings.LastIndexByte(text, ' '); sp > len(text)/2 {
		text = text[:sp]
	}
	return strings.TrimRight(text, " ,;:") + "…"
}
