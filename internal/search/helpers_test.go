package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/site"
)

// buildReal builds the edition in ../../content as pipeline.Run does.
func buildReal() (*site.Site, error) {
	var diags diag.List
	ed, err := content.Load(os.DirFS("../../content"), "content", &diags)
	if err != nil {
		return nil, err
	}
	s := site.Build(ed, markdown.New(), &diags)
	if diags.HasErrors(false) {
		return nil, fmt.Errorf("the edition does not build:\n%s", diags.String())
	}
	return s, nil
}

// realItems is the items of the real edition, built once for all tests.
var realItems = sync.OnceValues(func() ([]Item, error) {
	s, err := buildReal()
	if err != nil {
		return nil, err
	}
	return Items(s), nil
})

func mustRealItems(t testing.TB) []Item {
	t.Helper()
	items, err := realItems()
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// resultsShown is how many results search.js shows before "Show more".
const resultsShown = 10

// client does in Go what static/assets/search.js does in the browser with
// the written files: load the manifest, the term shards a query needs and
// the document shards of the results shown, counting the bytes.
type client struct {
	files    map[string][]byte
	manifest clientManifest
	loaded   map[string]bool
	terms    map[string]string // term → encoded postings, from loaded shards
	bytes    int
}

type clientManifest struct {
	Items        int
	DocShard     int
	Labels       []string
	Terms        [][3]any
	Lexicon      [][3]any
	PrefixBudget int
}

func newClient(t testing.TB, files []output.File) *client {
	t.Helper()
	c := &client{files: map[string][]byte{}, loaded: map[string]bool{}, terms: map[string]string{}}
	for _, f := range files {
		c.files[f.Path] = f.Data
	}
	c.load(t, ManifestPath, &c.manifest)
	return c
}

// payload returns the JSON inside a file's push(…) statement.
func payload(data []byte) ([]byte, error) {
	const head, tail = "(window.EditionSearch=window.EditionSearch||[]).push(", ");\n"
	if !bytes.HasPrefix(data, []byte(head)) || !bytes.HasSuffix(data, []byte(tail)) {
		return nil, fmt.Errorf("not a search script: %.80q", data)
	}
	return data[len(head) : len(data)-len(tail)], nil
}

// load reads a file once, decoding its payload into v.
func (c *client) load(t testing.TB, path string, v any) {
	t.Helper()
	if c.loaded[path] {
		return
	}
	data, ok := c.files[path]
	if !ok {
		t.Fatalf("missing file %s", path)
	}
	p, err := payload(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := json.Unmarshal(p, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c.loaded[path] = true
	c.bytes += len(data)
}

// shardsFor lists the term shards a word needs: the one whose key is the
// longest prefix of the word, and for a prefix search the shards whose
// keys begin with the word, as long as they fit the budget.
func (c *client) shardsFor(word string, prefix bool) []string {
	best, bestLen := "", -1
	var longer []string
	budget := c.manifest.PrefixBudget
	for _, ts := range c.manifest.Terms {
		key, file, size := ts[0].(string), ts[1].(string), int(ts[2].(float64))
		switch {
		case strings.HasPrefix(word, key) && len(key) > bestLen:
			best, bestLen = file, len(key)
		case prefix && len(key) > len(word) && strings.HasPrefix(key, word) && size <= budget:
			longer = append(longer, file)
			budget -= size
		}
	}
	if bestLen < 0 {
		return longer
	}
	return append([]string{best}, longer...)
}

func (c *client) loadTerms(t testing.TB, file string) {
	var shard struct{ Terms [][2]string }
	c.load(t, Dir+"/"+file, &shard)
	for _, e := range shard.Terms {
		c.terms[e[0]] = e[1]
	}
}

// search runs a query as search.js does and loads the document shards of
// the first results.
func (c *client) search(t testing.TB, q string) []Hit {
	t.Helper()
	query := ParseQuery(q)
	var hits map[int]*Hit
	for i, w := range query.Words {
		prefix := query.Prefix && i == len(query.Words)-1
		for _, f := range c.shardsFor(w, prefix) {
			c.loadTerms(t, f)
		}
		hits = intersect(hits, c.match(t, w, prefix), i == 0)
	}
	var out []Hit
	for _, h := range hits {
		out = append(out, *h)
	}
	slices.SortFunc(out, compareHits)
	for _, h := range out[:min(len(out), resultsShown)] {
		var shard struct{ Items [][]any }
		c.load(t, Dir+"/d-"+strconv.Itoa(h.Item/c.manifest.DocShard)+".js", &shard)
	}
	if len(out) == 0 {
		c.suggest(t, query)
	}
	return out
}

// suggest loads what search.js loads to correct a query that found
// nothing: the lexicon files of the words that match nothing, and the
// term shards of their corrections.
func (c *client) suggest(t testing.TB, query Query) {
	lex := map[string][]string{}
	for i, w := range query.Words {
		if len(c.match(t, w, query.Prefix && i == len(query.Words)-1)) > 0 || maxEdits(utf8.RuneCountInString(w)) == 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		for _, ls := range c.manifest.Lexicon {
			if ls[0].(string) == string(r) {
				var shard struct{ Key, Terms string }
				c.load(t, Dir+"/"+ls[1].(string), &shard)
				lex[shard.Key] = strings.Split(shard.Terms, ",")
			}
		}
		if fix, ok := correct(w, lex); ok {
			for _, f := range c.shardsFor(fix, false) {
				c.loadTerms(t, f)
			}
		}
	}
}

func (c *client) match(t testing.TB, word string, prefix bool) map[int]int {
	best := map[int]int{}
	for term, enc := range c.terms {
		if term != word && (!prefix || !strings.HasPrefix(term, word)) {
			continue
		}
		for _, p := range decodePostings(t, enc) {
			if w, ok := best[int(p.Item)]; !ok || int(p.Weight) > w {
				best[int(p.Item)] = int(p.Weight)
			}
		}
	}
	return best
}

func decodePostings(t testing.TB, enc string) []Posting {
	var ps []Posting
	item := 0
	for v := range strings.SplitSeq(enc, ",") {
		n, err := strconv.ParseInt(v, 36, 64)
		if err != nil {
			t.Fatalf("postings %q: %v", enc, err)
		}
		item += int(n) / weightLevels
		ps = append(ps, Posting{Item: int32(item), Weight: int32(int(n) % weightLevels)})
	}
	return ps
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
