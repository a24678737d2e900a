package citation

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestPersonName(t *testing.T) {
	tests := []struct {
		name, sort string
		want       Name
	}{
		{"Sergei Goncharov", "Goncharov", Name{Family: "Goncharov", Given: "Sergei"}},
		{"Odd Arne Westad", "Westad", Name{Family: "Westad", Given: "Odd Arne"}},
		{"Chen Jian", "Chen Jian", Name{Family: "Chen", Given: "Jian"}},
		{"Park Mun Su", "Park Mun Su", Name{Family: "Park", Given: "Mun Su"}},
		{"Shu Guang Zhang", "Zhang", Name{Family: "Zhang", Given: "Shu Guang"}},
		{"Joseph Stalin", "Stalin, Joseph", Name{Family: "Stalin", Given: "Joseph"}},
		{"Department of State", "Department of State Bulletin", Name{Literal: "Department of State"}},
		{"Zhongong Zhongyang Bianyiju", "Zhonggong Zhongyang Bianyiju", Name{Literal: "Zhongong Zhongyang Bianyiju"}},
		{"Zabrodin", "Zabrodin", Name{Literal: "Zabrodin"}},
		// No sort key: co-authors.
		{"Xue Litai", "", Name{Family: "Xue", Given: "Litai"}},
		{"Zhang Shengfa", "", Name{Family: "Zhang", Given: "Shengfa"}},
		{"John Lewis", "", Name{Family: "Lewis", Given: "John"}},
		{"E.P. Ufimtsev", "", Name{Family: "Ufimtsev", Given: "E.P."}},
		{"Soviet Foreign Ministry (Far East)", "", Name{Literal: "Soviet Foreign Ministry (Far East)"}},
	}
	for _, tt := range tests {
		if got := PersonName(tt.name, tt.sort); got != tt.want {
			t.Errorf("PersonName(%q, %q) = %+v, want %+v", tt.name, tt.sort, got, tt.want)
		}
	}
}

func TestProtectTitle(t *testing.T) {
	lex := NewLexicon("Stalin", "Mao", "Korean War", "Cold War")
	tests := []struct {
		title    string
		sentence bool
		want     string
	}{
		{"Uncertain Partners: Stalin, Mao and the Korean War", false, "Uncertain Partners: {Stalin}, {Mao} and the {Korean} {War}"},
		{"Stalin's Last War", false, "{Stalin's} Last War"},
		{"Polemics and the U.S.-PRC Confrontation", false, "Polemics and the {U.S.-PRC} Confrontation"},
		{"Telegram from Stalin (as Filippov) to Mao, 14 May 1950", true, "Telegram from {Stalin} (as {Filippov}) to {Mao}, 14 {May} 1950"},
		{"50% & #1 {x}", false, `50\% \& \#1 \{x\}`},
	}
	for _, tt := range tests {
		if got := ProtectTitle(tt.title, lex, tt.sentence); got != tt.want {
			t.Errorf("ProtectTitle(%q, %v) = %q, want %q", tt.title, tt.sentence, got, tt.want)
		}
	}
}

func TestFormats(t *testing.T) {
	r := Record{ID: "k", Type: "chapter", Title: "T", Authors: []Name{{Family: "Mao", Given: "Zedong"}, Corporate("Soviet Foreign Ministry")},
		Editors: []Name{Corporate("Korean War Sources Edition")}, Container: "The Edition", Publisher: "Korean War Sources Edition",
		Year: "2026", Date: "2026-12-06", Version: "1.1", OriginalDate: "1950-05-14", ArchiveLocation: "APRF, F. 45 (note 1)", URL: "https://h/x.html"}
	bib := r.BibTeX()
	for _, want := range []string{"@incollection{k,", "author = {Mao, Zedong and {Soviet Foreign Ministry}}", "editor = {{Korean War Sources Edition}}",
		"booktitle = {The Edition}", "year = {2026}", "version = {1.1}", "note = {Original: APRF, F. 45 (note 1)}"} {
		if !strings.Contains(bib, want) {
			t.Errorf("BibTeX lacks %q:\n%s", want, bib)
		}
	}
	ris := r.RIS()
	for _, want := range []string{"TY  - CHAP\n", "AU  - Mao, Zedong\n", "AU  - Soviet Foreign Ministry\n", "A2  - Korean War Sources Edition\n",
		"T2  - The Edition\n", "PY  - 2026\n", "DA  - 2026/12/06\n", "AV  - APRF, F. 45 (note 1)\n", "ER  - \n"} {
		if !strings.Contains(ris, want) {
			t.Errorf("RIS lacks %q:\n%s", want, ris)
		}
	}
	var item map[string]any
	if err := json.Unmarshal([]byte(r.CSL()), &item); err != nil {
		t.Fatal(err)
	}
	if item["type"] != "chapter" || item["version"] != "1.1" || item["container-title"] != "The Edition" {
		t.Errorf("CSL item %v", item)
	}
	undated := Record{ID: "u", Type: "manuscript", Title: "M", Undated: "n.d."}
	if !strings.Contains(undated.BibTeX(), "year = {n.d.}") || !strings.Contains(undated.RIS(), "PY  - n.d.\n") || !strings.Contains(undated.CSL(), `"literal": "n.d."`) {
		t.Errorf("an undated record does not say n.d.:\n%s%s%s", undated.BibTeX(), undated.RIS(), undated.CSL())
	}
	book := Record{ID: "b", Type: "book", Title: "B", Editors: []Name{Corporate("E")}, Version: "1.1", Year: "1995/1996"}
	if b := book.BibTeX(); !strings.Contains(b, "edition = {1.1}") || !strings.Contains(b, "date = {1995/1996}") {
		t.Errorf("book BibTeX:\n%s", b)
	}
	if ris := book.RIS(); !strings.Contains(ris, "A3  - E\n") || !strings.Contains(ris, "PY  - 1995\n") {
		t.Errorf("book RIS:\n%s", ris)
	}
	if csl := book.CSL(); !strings.Contains(csl, `"edition": "1.1"`) || strings.Contains(csl, `"version"`) {
		t.Errorf("book CSL:\n%s", csl)
	}
}

// FuzzProtectTitle: no title panics, braces stay balanced, and the
// words come back in order once braces and escapes are taken out.
func FuzzProtectTitle(f *testing.F) {
	for _, s := range []string{"Uncertain Partners: Stalin, Mao", "“Sino-Soviet” U.S.-PRC", "{}\\&%", "", "a''b ’s", "..."} {
		f.Add(s, true)
	}
	lex := NewLexicon("Stalin", "Korean War")
	f.Fuzz(func(t *testing.T, title string, sentence bool) {
		got := ProtectTitle(title, lex, sentence)
		depth := 0
		for i := 0; i < len(got); i++ {
			switch got[i] {
			case '\\':
				i++ // an escaped character
			case '{':
				depth++
			case '}':
				depth--
			}
			if depth < 0 {
				t.Fatalf("ProtectTitle(%q) = %q: unbalanced braces", title, got)
			}
		}
		if depth != 0 {
			t.Fatalf("ProtectTitle(%q) = %q: unbalanced braces", title, got)
		}
		PersonName(title, title)
		PersonName(title, "")
	})
}

// TestTitleAsIs: a title kept as printed is braced once, from the plain
// title, whatever BibTitle holds.
func TestTitleAsIs(t *testing.T) {
	r := Record{ID: "p", Type: "periodical", Title: "Cold War Bulletin, No. 4 & 5", BibTitle: "{Cold} {War} Bulletin", TitleAsIs: true}
	if b := r.BibTeX(); !strings.Contains(b, `title = {{Cold War Bulletin, No. 4 \& 5}}`) {
		t.Errorf("BibTeX of a title as is:\n%s", b)
	}
}

// TestCSLKeysInOrder holds cslItem to what CSL promises: keys sorted, as
// json.MarshalIndent writes a map. A field added out of order would
// reorder every citation download.
func TestCSLKeysInOrder(t *testing.T) {
	typ := reflect.TypeFor[cslItem]()
	var keys []string
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		keys = append(keys, name)
	}
	if !slices.IsSorted(keys) {
		t.Errorf("cslItem's keys are not in byte order: %q", keys)
	}
	r := Record{ID: "k", Type: "chapter", Title: "T", URL: "u", Authors: []Name{{Family: "F", Given: "G"}},
		Archive: "a", ArchiveLocation: "l", Publisher: "P", Place: "Pl", OriginalDate: "1950-05-14"}
	got := topKeys(t, r.CSL())
	if !slices.IsSorted(got) || len(got) < 10 {
		t.Errorf("CSL item's keys %q are not sorted:\n%s", got, r.CSL())
	}
}

// topKeys lists the keys of the JSON object item, in order.
func topKeys(t *testing.T, item string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(item))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, key.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestJoinCSL(t *testing.T) {
	tests := []struct {
		items []string
		want  string
	}{
		{nil, "[]"},
		{[]string{"{a}"}, "[\n  {a}\n]"},
		{[]string{"{a}", "{b}"}, "[\n  {a},\n  {b}\n]"},
	}
	for _, tt := range tests {
		if got := JoinCSL(tt.items); got != tt.want {
			t.Errorf("JoinCSL(%q) = %q, want %q", tt.items, got, tt.want)
		}
		if got := string(AppendCSL([]byte("x"), tt.items)); got != "x"+tt.want {
			t.Errorf("AppendCSL(x, %q) = %q, want %q", tt.items, got, "x"+tt.want)
		}
	}
}
