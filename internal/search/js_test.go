package search

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/textfold"
)

// jsHarness runs static/assets/search.js under Node with a minimal
// document whose script elements run the index files from disk, then
// prints, for each input line, the terms, the parsed query and the hits.
const jsHarness = `
const fs = require("fs"), path = require("path"), vm = require("vm");
const dir = process.argv[2];
globalThis.window = globalThis;
globalThis.document = {
  head: { appendChild(el) {
    try { vm.runInThisContext(fs.readFileSync(path.join(dir, el.src.replace(/\?v=[0-9a-f]+$/, "")), "utf8")); } catch (e) { el.onerror(e); return; }
    el.onload();
  } },
  createElement() { return {}; },
  getElementById() { return null; },
  querySelector() { return null; },
};
vm.runInThisContext(fs.readFileSync(path.join(dir, "search/manifest.js"), "utf8"));
vm.runInThisContext(fs.readFileSync(process.argv[3], "utf8"));
const inputs = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  const out = [];
  for (const q of inputs) {
    const res = await window.EditionSearch.search(q);
    const rows = await window.EditionSearch.items(res.hits.slice(0, 3));
    const fix = await window.EditionSearch.suggest(q);
    out.push({ fold: window.EditionSearch.fold(q), terms: window.EditionSearch.tokenize(q),
      words: res.query.words, prefix: res.query.prefix,
      hits: res.hits.map(h => [h.item, h.titleWords, h.score, h.freq]), urls: rows.map(r => r.url),
      suggest: fix && fix.words, suggestText: fix && fix.text });
  }
  process.stdout.write(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

type jsResult struct {
	Fold        string
	Terms       []string
	Words       []string
	Prefix      bool
	Hits        [][4]int
	URLs        []string
	Suggest     []string
	SuggestText string
}

// TestJavaScriptAgrees checks that search.js folds, tokenises, parses
// (dates included), ranks and corrects misspelt words exactly as the Go
// side does, on the real edition.
func TestJavaScriptAgrees(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if testing.Short() {
			t.Skip("-short: node is not installed")
		}
		t.Fatal("node is not installed; run bash scripts/test, which needs npm and node")
	}
	items := mustRealItems(t)
	b, err := Build(items, DefaultLayout())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := output.Write(dir, b.Files, ""); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs("../../static/assets/search.js")
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{
		"stalin", "Stalin ", "FILIPPOV", "filip", "Vyšinskii", "Kim Il Sung", "kim il", "Stalin's reply",
		"Ch'oe Yong-gŏn", "Ch’oe", "note 76", "SD00278", "the of", "", "   ", "s", "zz", "Straße İstanbul",
		"e\u0301migre", "毛泽东 Mao", "boyat'sya", "uncertain partn", "mao zedong moscow", "1950", "telegram to",
		"abcdefghijklmnopqrstuvwxyzabcdefghijklmnop", "'s", "a's'b", "ẞ ΣΑΣ ı Ǆ K ﬁ", "x\u0483y 1²³ ٣",
	}
	inputs = append(inputs, dateQueries...)
	inputs = append(inputs, "Fillipov", "fillipov", "FILLIPOV", "Stalin Fillipov", "Shtikov", "Vyshinsky telegram",
		"Molotof", "Roschin", "Zhou Enlia", "Filippov Fillipov", "Fillip", "Kim Il Sunng", "zzzzzzzz", "Ztalin")
	inputs = append(inputs, randomStrings(300)...)
	inputs = append(inputs, misspellings(b.Index.Terms, 200)...)
	for i, term := range b.Index.Terms {
		if i%11 == 0 {
			inputs = append(inputs, term, term[:len(term)/2+1])
		}
	}
	in, err := json.Marshal(inputs)
	if err != nil {
		t.Fatal(err)
	}
	harness := filepath.Join(t.TempDir(), "harness.js")
	if err := os.WriteFile(harness, []byte(jsHarness), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, harness, dir, script)
	cmd.Stdin = bytesReader(in)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var results []jsResult
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("node output: %v", err)
	}
	for i, q := range inputs {
		js := results[i]
		query := ParseQuery(q)
		if js.Fold != textfold.String(q) || !slices.Equal(js.Terms, Tokenize(q)) {
			t.Errorf("%q: JavaScript folds %q, terms %q; Go folds %q, terms %q", q, js.Fold, js.Terms, textfold.String(q), Tokenize(q))
		}
		if !slices.Equal(js.Words, query.Words) || js.Prefix != query.Prefix {
			t.Errorf("%q: JavaScript parses %q prefix %v; Go %q prefix %v", q, js.Words, js.Prefix, query.Words, query.Prefix)
		}
		var want [][4]int
		for _, h := range b.Index.Search(q) {
			want = append(want, [4]int{h.Item, h.TitleWords, h.Score, h.Freq})
		}
		if !slices.Equal(js.Hits, want) {
			t.Errorf("%q: JavaScript finds %d hits, Go %d (first %v, %v)", q, len(js.Hits), len(want), first(js.Hits), first(want))
		}
		if fix := b.Suggest(q); !slices.Equal(js.Suggest, fix) {
			t.Errorf("%q: JavaScript suggests %q, Go %q", q, js.Suggest, fix)
		}
		if js.Suggest != nil && !slices.Equal(ParseQuery(js.SuggestText).Words, js.Suggest) {
			t.Errorf("%q: JavaScript offers %q, which parses as %q, not %q", q, js.SuggestText, ParseQuery(js.SuggestText).Words, js.Suggest)
		}
		for j, u := range js.URLs {
			if u != items[want[j][0]].URL {
				t.Errorf("%q: result %d links to %s, want %s", q, j, u, items[want[j][0]].URL)
			}
		}
	}
}

// randomStrings makes n strings of letters, marks, digits, punctuation
// and Chinese characters from the ranges the folding treats specially,
// always the same ones.
func randomStrings(n int) []string {
	r := rand.New(rand.NewPCG(6, 25))
	ranges := [][2]rune{{0x20, 0x7e}, {0xa0, 0x24f}, {0x300, 0x36f}, {0x370, 0x52f}, {0x1e00, 0x1eff},
		{0x2000, 0x206f}, {0x4e00, 0x4e80}, {0xac00, 0xac40}, {0xfb00, 0xfb06}}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			rg := ranges[r.IntN(len(ranges))]
			b.WriteRune(rg[0] + r.Int32N(rg[1]-rg[0]+1))
		}
		out[i] = b.String()
	}
	return out
}

func first(hits [][4]int) [][4]int { return hits[:min(3, len(hits))] }

// dateQueries are dates in the forms readers type, well and badly formed.
var dateQueries = []string{
	"14 May 1950", "May 14, 1950", "1950-05-14", "May 1950", "1950-05", "14th May 1950", "Sept. 1949",
	"12–13 September 1949", "September 12-13, 1949", "12 - 13 Sept 1949", "31 February 1950", "1950-02-30",
	"1950-13", "1950-5-14", "May 32, 1950", "14 May, 1950", "May, 1950", "stalin 14 may 1950 mao",
	"14 May 1950 14 May 1950", "1949-50", "0999-01", "14 may", "may 1950-05-14 june 1949", "Ll. 13–14",
	"29 February 1948", "29 February 1949", "1 jan 1950", "dec 31 1949", "14\u00a0May\u00a01950",
	"13 – 14 May 1950", "14–13 May 1950", "May 14—15, 1950", "1950-05-14-15", "195005",
}

// misspellings makes n misspelt forms of every k-th long term: a rune
// left out, doubled, changed or swapped with the next, always the same.
func misspellings(terms []string, n int) []string {
	r := rand.New(rand.NewPCG(14, 5))
	var out []string
	for i := 0; len(out) < n && i < 50*n; i++ {
		w := []rune(terms[r.IntN(len(terms))])
		if len(w) < oneEdit {
			continue
		}
		k := 1 + r.IntN(len(w)-1)
		switch r.IntN(4) {
		case 0:
			w = slices.Delete(w, k, k+1)
		case 1:
			w = slices.Insert(w, k, w[k])
		case 2:
			w[k] = 'a' + r.Int32N(26)
		default:
			if k+1 < len(w) {
				w[k], w[k+1] = w[k+1], w[k]
			}
		}
		out = append(out, string(w))
	}
	return out
}
