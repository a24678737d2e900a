package render

import (
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/citation"
	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/histdate"
)

func TestArticleCitation(t *testing.T) {
	tests := []struct {
		a    content.Article
		want string
	}{
		{content.Article{Author: "Shen Zhihua", Title: "Sino-Soviet Relations", Journal: "Journal of Cold War Studies",
			Volume: "2", Issue: "2", Season: "Spring", Year: "2000", Pages: "44–68"},
			"Shen Zhihua, “Sino-Soviet Relations,” Journal of Cold War Studies 2, no. 2 (Spring 2000): 44–68."},
		{content.Article{Author: "A", Title: "B", Journal: "J", Year: "1999"}, "A, “B,” J (1999)."},
		{content.Article{Author: "A", Title: "B"}, "A, “B.”"},
	}
	for _, tt := range tests {
		if got := articleCitation(tt.a); got != tt.want {
			t.Errorf("articleCitation(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}

func TestPublished(t *testing.T) {
	st := content.Site{Title: "E", Editors: "Korean War Sources Edition", Version: "1.1", Released: histdate.MustParse("2026-12-06")}
	if got, want := facts(st).published(), ", edited by Korean War Sources Edition, version 1.1, 2026"; got != want {
		t.Errorf("published() = %q, want %q", got, want)
	}
	if got := facts(content.Site{Title: "E"}).published(); got != "" {
		t.Errorf("published() of a bare site = %q, want nothing", got)
	}
}

func TestEnglishTitles(t *testing.T) {
	for title, want := range map[string]bool{
		"Stalin's Last War": true,
		"Uncertain Partners: Stalin, Mao and the Korean War":       true,
		"Istoriya i sovremennost': Dialog Stalina s Mao Tszedunom": false,
		"Koreiskaya problema: Novyi vzglyad":                       false,
		"Sleduet li etogo boyat'sya?":                              false,
		"Sekretnaya missiya Mikoyana v Kitai (Part I)":             false,
	} {
		if got := english(title); got != want {
			t.Errorf("english(%q) = %v, want %v", title, got, want)
		}
	}
}

func TestWorkRecordTypes(t *testing.T) {
	tests := []struct {
		w        content.Work
		typ      string
		undated  string
		asIs     bool
		authors0 string
	}{
		{content.Work{ID: "a", Type: "book", Authors: []string{"Sergei Goncharov", "John Lewis", "Xue Litai"}, Sort: "Goncharov", Title: "Uncertain Partners: Stalin, Mao and the Korean War", Year: "1993"}, "book", "", false, "Goncharov, Sergei"},
		{content.Work{ID: "b", Type: "collection", Editors: []string{"Kim Chullbaum"}, Sort: "Kim Chullbaum", Title: "The Truth about the Korean War", Year: "1991"}, "book", "", false, ""},
		{content.Work{ID: "c", Type: "paper", Authors: []string{"Kathryn Weathersby"}, Sort: "Weathersby", Title: "Soviet Aims in Korea", Container: "Working Paper", Publisher: "CWIHP", Year: "1993"}, "report", "", false, "Weathersby, Kathryn"},
		{content.Work{ID: "d", Type: "paper", Authors: []string{"Odd Arne Westad"}, Sort: "Westad", Title: "The Alliance", Container: "a conference", Year: "1996"}, "paper-conference", "", false, "Westad, Odd Arne"},
		{content.Work{ID: "e", Type: "manuscript", Authors: []string{"Kathryn Weathersby"}, Sort: "Weathersby", Title: "Stalin's Last War", AsPrinted: "manuscript"}, "manuscript", "n.d.", false, "Weathersby, Kathryn"},
		{content.Work{ID: "f", Type: "collection", Editors: []string{"Shen Zhihua"}, Sort: "Shen Zhihua", Title: "50 nianhou", TitleTranslation: "Testimony", AsPrinted: "(Hong Kong, forthcoming)"}, "book", "forthcoming", true, ""},
		{content.Work{ID: "g", Type: "periodical", Authors: []string{"Department of State"}, Sort: "Department of State Bulletin", Title: "Department of State Bulletin", Year: "1950"}, "periodical", "", true, "{Department of State}"},
		{content.Work{ID: "h", Type: "article", Authors: []string{"Ivan V. Kovalev"}, Sort: "Kovalev", Title: "Istoriya i sovremennost'", Year: "1992"}, "article-journal", "", true, "Kovalev, Ivan V."},
	}
	lex := citation.NewLexicon("Korean War")
	for _, tt := range tests {
		r := workRecord(&tt.w, lex)
		if r.Type != tt.typ || r.Undated != tt.undated || r.TitleAsIs != tt.asIs {
			t.Errorf("workRecord(%s) = type %q, undated %q, as is %v; want %q, %q, %v", tt.w.ID, r.Type, r.Undated, r.TitleAsIs, tt.typ, tt.undated, tt.asIs)
		}
		bib := r.BibTeX()
		if tt.authors0 != "" && !strings.Contains(bib, "author = {"+tt.authors0) {
			t.Errorf("workRecord(%s).BibTeX() has not author %q first:\n%s", tt.w.ID, tt.authors0, bib)
		}
		if !strings.Contains(bib, "year = {") {
			t.Errorf("workRecord(%s).BibTeX() has no year:\n%s", tt.w.ID, bib)
		}
	}
}
