package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/sitetest"
	"github.com/korean-war-sources/edition/internal/subject"
)

const filippovTelegram = "1950-05-13-roshchin-to-stalin"

// find returns the rank of the item kind:id among hits, or -1.
func find(items []Item, hits []Hit, kind subject.Kind, id string) int {
	return slices.IndexFunc(hits, func(h Hit) bool { return items[h.Item].Kind == kind && items[h.Item].ID == id })
}

func TestAliasesFindDocument(t *testing.T) {
	items := mustRealItems(t)
	ix := NewIndex(items)
	for _, q := range []string{"stalin", "Stalin", "STALIN ", "Filippov", "filip", "Iosif Stalin", "I.V. Stalin", "Stalin Roshchin Zhou"} {
		if find(items, ix.Search(q), subject.Document, filippovTelegram) < 0 {
			t.Errorf("Search(%q) misses %s", q, filippovTelegram)
		}
	}
	// The telegram itself signs "Filippov"; the edition's title names
	// Stalin. A document only "to Filippov" must come up for "Stalin".
	it := items[slices.IndexFunc(items, func(it Item) bool { return it.ID == filippovTelegram })]
	if !slices.Contains(it.Names, "Filippov") || !slices.Contains(it.Names, "Joseph Stalin") {
		t.Errorf("names of %s = %q, want Filippov and Joseph Stalin", filippovTelegram, it.Names)
	}
}

func TestSearchRealEdition(t *testing.T) {
	items := mustRealItems(t)
	ix := NewIndex(items)
	tests := []struct {
		q       string
		kind    subject.Kind
		id      string
		maxRank int
	}{
		{"stalin", subject.Person, "stalin", 0},                          // the title match of a person page comes first
		{"Filippov", subject.Person, "stalin", 0},                        // a cover name ranks as the name
		{"stalin", subject.Document, filippovTelegram, resultsShown - 1}, // on the first page of results
		{"Filippov", subject.Document, filippovTelegram, resultsShown - 1},
		{"shtykov", subject.Person, "shtykov", 0},
		{"Shtykov", subject.Person, "shtykov", 0},
		{"Vyšinskii", subject.Person, "vyshinskii", 0},
		{"Vyshinsky", subject.Person, "vyshinskii", 0},    // a spelling the sources never print still finds him
		{"Mao Tse-tung", subject.Person, "mao-zedong", 0}, // likewise an older romanisation
		{"SD00278", subject.Document, filippovTelegram, 5},
		{"note 76", subject.Note, "76", 0},
		{"Zhou Enlai midnight", subject.Document, filippovTelegram, 3},
		{"yalta", subject.Event, "1945-yalta-conference", 3},
		{"uncertain partners", subject.Work, "goncharov-1993-uncertain-partners", 0},
		{"Uncertain Partn", subject.Work, "goncharov-1993-uncertain-partners", 0},
		{"8600", subject.Document, "1950-05-14-stalin-to-mao", 0}, // the number its public record gives
	}
	for _, tt := range tests {
		hits := ix.Search(tt.q)
		if r := find(items, hits, tt.kind, tt.id); r < 0 || r > tt.maxRank {
			t.Errorf("Search(%q): %s %s at rank %d of %d, want at most %d", tt.q, tt.kind, tt.id, r, len(hits), tt.maxRank)
		}
	}
	if hits := ix.Search("stalin zzzzqx"); len(hits) != 0 {
		t.Errorf("Search of an unknown word found %d items, want none (AND)", len(hits))
	}
}

func TestItemsRealEdition(t *testing.T) {
	items := mustRealItems(t)
	count := map[subject.Kind]int{}
	seen := map[subject.Subject]bool{}
	for _, it := range items {
		count[it.Kind]++
		key := it.Subject()
		if seen[key] {
			t.Errorf("item %s listed twice", key)
		}
		seen[key] = true
		if it.Title == "" || it.URL == "" || it.Label == "" || it.Text == "" {
			t.Errorf("item %s lacks a title, URL, label or text: %+v", key, it)
		}
		if strings.ContainsAny(it.Text, "<>¶↩") || strings.Contains(it.Text, "@@root@@") {
			t.Errorf("item %s has markup left in its text: %.200q", key, it.Text)
		}
	}
	if count[subject.Note] != 81 {
		t.Errorf("%d notes indexed, want 81", count[subject.Note])
	}
	for _, k := range []subject.Kind{subject.Document, subject.Person, subject.Work, subject.Event} {
		if count[k] == 0 {
			t.Errorf("no %s indexed", k)
		}
	}
}

func TestClientMatchesIndex(t *testing.T) {
	items := mustRealItems(t)
	b, err := Build(items, DefaultLayout())
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"stalin", "filip", "kim il", "Kim Il Sung", "mao zedong", "telegram 1950", "sd", "s", "note 7", "zz", "vyš", "Chŏng"}
	for i, term := range b.Index.Terms {
		if i%7 == 0 {
			queries = append(queries, term, term+" ", term[:len(term)/2+1])
		}
	}
	for _, q := range queries {
		want := b.Index.Search(q)
		got := newClient(t, b.Files).search(t, q)
		if !slices.Equal(got, want) {
			t.Errorf("query %q: the shards give %d hits, the index %d", q, len(got), len(want))
		}
	}
}

func TestFilesDeterministic(t *testing.T) {
	a, err := realItems()
	if err != nil {
		t.Fatal(err)
	}
	s, err := buildReal()
	if err != nil {
		t.Fatal(err)
	}
	b := Items(s)
	fa, err := Files(a)
	if err != nil {
		t.Fatal(err)
	}
	fb, err := Files(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(fa) != len(fb) {
		t.Fatalf("two builds write %d and %d files", len(fa), len(fb))
	}
	for i := range fa {
		if fa[i].Path != fb[i].Path || !bytes.Equal(fa[i].Data, fb[i].Data) {
			t.Fatalf("two builds differ at %s / %s", fa[i].Path, fb[i].Path)
		}
	}
}

// checkLayout checks shard sizes and that every term is in the shard a
// reader's lookup goes to.
func checkLayout(t *testing.T, b *Built, l Layout) {
	t.Helper()
	c := newClient(t, b.Files)
	for _, f := range b.Files {
		if !strings.HasPrefix(f.Path, Dir+"/") || !output.Inside(f.Path) {
			t.Errorf("file %s outside %s/", f.Path, Dir)
		}
	}
	for _, ts := range b.Manifest.Terms {
		var shard struct{ Terms [][2]string }
		c.load(t, Dir+"/"+ts.File, &shard)
		if ts.Bytes > l.TermShardBytes && len(shard.Terms) > 1 {
			t.Errorf("term shard %s has %d bytes and %d terms, limit %d", ts.File, ts.Bytes, len(shard.Terms), l.TermShardBytes)
		}
		for _, e := range shard.Terms {
			if got := c.shardsFor(e[0], false); len(got) != 1 || got[0] != ts.File {
				t.Errorf("term %q is in %s but a lookup goes to %v", e[0], ts.File, got)
			}
		}
	}
	for i := 0; i*l.DocShardItems < b.Manifest.Items; i++ {
		var shard struct{ Items [][]any }
		c.load(t, fmt.Sprintf("%s/d-%d.js", Dir, i), &shard)
		if want := min(l.DocShardItems, b.Manifest.Items-i*l.DocShardItems); len(shard.Items) != want {
			t.Errorf("document shard %d has %d items, want %d", i, len(shard.Items), want)
		}
		for _, row := range shard.Items {
			if n := utf8.RuneCountInString(row[4].(string)); n > l.SnippetRunes+1 {
				t.Errorf("snippet of %d runes in shard %d", n, i)
			}
		}
	}
}

func TestShardSizesRealEdition(t *testing.T) {
	l := DefaultLayout()
	b, err := Build(mustRealItems(t), l)
	if err != nil {
		t.Fatal(err)
	}
	checkLayout(t, b, l)
	total := 0
	for _, f := range b.Files {
		total += len(f.Data)
	}
	t.Logf("real edition: %d items, %d terms, %d files, %d bytes in all, %d term shards",
		len(b.Index.Items), len(b.Index.Terms), len(b.Files), total, len(b.Manifest.Terms))
	for _, q := range []string{"stalin", "Filippov", "telegram", "kim il sung", "treaty", "14 May 1950", "Fillipov"} {
		c := newClient(t, b.Files)
		hits := c.search(t, q)
		t.Logf("first query %-12q %3d hits, %6d bytes in %d files", q, len(hits), c.bytes, len(c.loaded))
	}
}

// typicalQueries are the words a first query at scale is measured with.
var typicalQueries = []string{"stalin", "telegram", "kim", "moscow", "korea", "mao", "shtykov", "soviet", "filippov", "war", "1950",
	"treaty", "14 May 1950", "May 14, 1950", "1950-05-14", "May 1950", "Fillipov"}

// maxFirstQuery is the most a first query may load at 10,000 items.
const maxFirstQuery = 150 << 10

func TestShardSizesAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index of 10,000 items")
	}
	l := DefaultLayout()
	b, err := Build(syntheticItems(t, 10000), l)
	if err != nil {
		t.Fatal(err)
	}
	checkLayout(t, b, l)
	total := 0
	for _, f := range b.Files {
		total += len(f.Data)
	}
	t.Logf("10,000 items: %d terms, %d files, %d bytes in all, manifest %d bytes, %d term shards",
		len(b.Index.Terms), len(b.Files), total, len(b.Files[0].Data), len(b.Manifest.Terms))
	for _, q := range typicalQueries {
		c := newClient(t, b.Files)
		hits := c.search(t, q)
		t.Logf("first query %-10q %5d hits, %6d bytes in %2d files", q, len(hits), c.bytes, len(c.loaded))
		if c.bytes > maxFirstQuery {
			t.Errorf("first query %q loads %d bytes, want at most %d", q, c.bytes, maxFirstQuery)
		}
	}
}

// syntheticItems makes n document items whose words follow the real
// edition's: its terms in order of frequency, then made-up words, drawn
// with a Zipf distribution, so that common words are in most items.
func syntheticItems(t testing.TB, n int) []Item {
	real := mustRealItems(t)
	freq := map[string]int{}
	for _, it := range real {
		for _, w := range strings.Fields(it.Title + " " + it.Text) {
			freq[w]++
		}
	}
	vocab := make([]string, 0, len(freq))
	for w := range freq {
		vocab = append(vocab, w)
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if freq[a] != freq[b] {
			return freq[b] - freq[a]
		}
		return strings.Compare(a, b)
	})
	r := rand.New(rand.NewPCG(1950, 625))
	for len(vocab) < 60000 {
		vocab = append(vocab, syntheticWord(r))
	}
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	labels := []string{"Ciphered telegram", "Telegram", "Report", "Record of conversation", "Letter", "Memoir"}
	items := make([]Item, n)
	for i := range items {
		id := fmt.Sprintf("%d-%02d-%02d-synthetic-%05d", 1945+i%6, 1+i%12, 1+i%28, i)
		items[i] = Item{Kind: subject.Document, ID: id, Label: labels[i%len(labels)],
			Title: words(10), URL: "documents/" + id + ".html", Date: fmt.Sprintf("%d May 19%02d", 1+i%28, 45+i%6),
			Names: strings.Fields(words(8)), Text: words(320)}
	}
	return items
}

// syntheticWord makes a pronounceable word of 4–11 letters.
func syntheticWord(r *rand.Rand) string {
	const cons, vows = "bcdfghklmnprstvzj", "aeiou"
	var b strings.Builder
	for range 2 + r.IntN(4) {
		b.WriteByte(cons[r.IntN(len(cons))])
		b.WriteByte(vows[r.IntN(len(vows))])
	}
	if r.IntN(2) == 0 {
		b.WriteByte(cons[r.IntN(len(cons))])
	}
	return b.String()
}

// BenchmarkBuild builds the files of 10,000 synthetic items and reports
// the bytes the typical first queries load, at most and on average.
func BenchmarkBuild(b *testing.B) {
	items := syntheticItems(b, 10000)
	var built *Built
	for b.Loop() {
		var err error
		if built, err = Build(items, DefaultLayout()); err != nil {
			b.Fatal(err)
		}
	}
	most, sum := 0, 0
	for _, q := range typicalQueries {
		c := newClient(b, built.Files)
		c.search(b, q)
		most, sum = max(most, c.bytes), sum+c.bytes
	}
	b.ReportMetric(float64(most), "max-first-query-B")
	b.ReportMetric(float64(sum/len(typicalQueries)), "mean-first-query-B")
}

func BenchmarkTokenize(b *testing.B) {
	text := mustRealItems(b)[0].Text
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokenize(text)
	}
}

// TestFirstQueryGeneratedEdition measures the first queries on an
// edition of 10,000 documents made by internal/corpus (as cmd/gencorpus
// writes it), indexed as the build indexes it.
func TestFirstQueryGeneratedEdition(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an edition of 10,000 documents")
	}
	s := sitetest.Build(t, corpus.FS(10000))
	b, err := Build(Items(s), DefaultLayout())
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, f := range b.Files {
		total += len(f.Data)
	}
	t.Logf("generated edition: %d items, %d terms, %d files, %d bytes in all, manifest %d bytes",
		len(b.Index.Items), len(b.Index.Terms), len(b.Files), total, len(b.Files[0].Data))
	for _, q := range typicalQueries {
		c := newClient(t, b.Files)
		hits := c.search(t, q)
		t.Logf("first query %-14q %5d hits, %6d bytes in %2d files", q, len(hits), c.bytes, len(c.loaded))
		if c.bytes > maxFirstQuery {
			t.Errorf("first query %q loads %d bytes, want at most %d", q, c.bytes, maxFirstQuery)
		}
	}
}
