package render

import (
	"slices"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
)

func TestTermViewAlso(t *testing.T) {
	tests := []struct {
		name string
		term content.Term
		want []string
	}{
		{"headword and expansion left out",
			content.Term{Term: "APRF", Expansion: "Arkhiv Prezidenta Rossiiskoi Federatsii",
				Variants: []string{"APRF", "APRE", "Arkhiv Prezidenta Rossiiskoi Federatsii", "Presidential Archive"}},
			[]string{"APRE", "Presidential Archive"}},
		{"parts of the headword left out",
			content.Term{Term: "Chemul'po (Inchon)", Variants: []string{"Chemul'po", "Dzinsen", "Inchon"}},
			[]string{"Dzinsen"}},
		{"case and diacritics folded, duplicates once",
			content.Term{Term: "Opis'", Variants: []string{"opis", "Op.", "op", "Op."}},
			[]string{"Op."}},
		{"a longer form is kept", content.Term{Term: "Chinese Eastern Railway", Variants: []string{"Chinese Eastern Railroad", "Eastern"}},
			[]string{"Chinese Eastern Railroad"}},
		{"no variants", content.Term{Term: "CCP"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := termView(&tt.term).Also; !slices.Equal(got, tt.want) {
				t.Errorf("Also = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAddListy(t *testing.T) {
	a := DocRow{Link: Link{URL: "a.html"}}
	b := DocRow{Link: Link{URL: "b.html"}}
	tests := []struct {
		name string
		adds []struct {
			row   DocRow
			listy string
		}
		want []string // URL:Listy of each row
	}{
		{"two documents", []struct {
			row   DocRow
			listy string
		}{{a, "1–21"}, {b, "30"}}, []string{"a.html:1–21", "b.html:30"}},
		{"one document cited at two leaves is one row",
			[]struct {
				row   DocRow
				listy string
			}{{a, "554"}, {b, "7"}, {a, "55"}}, []string{"a.html:55; 554", "b.html:7"}},
		{"the same leaf twice", []struct {
			row   DocRow
			listy string
		}{{a, "55"}, {a, "55"}}, []string{"a.html:55"}},
		{"a leaf added to a row without one", []struct {
			row   DocRow
			listy string
		}{{a, ""}, {a, "12"}}, []string{"a.html:12"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rows []DocRow
			for _, add := range tt.adds {
				rows = addListy(rows, add.row, add.listy)
			}
			var got []string
			for _, r := range rows {
				got = append(got, r.URL+":"+r.Listy)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("rows = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWithoutLinks(t *testing.T) {
	l := func(urls ...string) []Link {
		var out []Link
		for _, u := range urls {
			out = append(out, Link{URL: u})
		}
		return out
	}
	tests := []struct {
		name              string
		links, also, want []Link
	}{
		{"all repeated", l("a", "b", "c"), l("c", "b", "a"), nil},
		{"some repeated", l("a", "b", "c"), l("b"), l("a", "c")},
		{"none repeated", l("a"), l("b"), l("a")},
		{"nothing else", l("a"), nil, l("a")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := withoutLinks(tt.links, tt.also); !slices.Equal(got, tt.want) {
				t.Errorf("withoutLinks = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestArchiveGroups(t *testing.T) {
	as := []ArchiveView{
		{AsPrinted: "APRF, F. 45, Op. 1, D. 331, L. 554", Repository: "APRF", RepositoryName: "Presidential"},
		{AsPrinted: "AVPRF, F. 059a", Repository: "AVPRF", RepositoryName: "Foreign Policy"},
		{AsPrinted: "APRF, F. 45, Op. 1, D. 331, Ll. 55", Repository: "APRF", RepositoryName: "Presidential"},
	}
	got := archiveGroups(as)
	if len(got) != 2 || got[0].RepositoryName != "Presidential" || got[1].RepositoryName != "Foreign Policy" {
		t.Fatalf("groups = %+v, want APRF then AVPRF", got)
	}
	if len(got[0].Refs) != 2 || got[0].Refs[1].AsPrinted != as[2].AsPrinted {
		t.Errorf("APRF refs = %+v, want both citations in order", got[0].Refs)
	}
	if archiveGroups(nil) != nil {
		t.Error("no archive citations should give no groups")
	}
}

func TestPacketQuotesCreditOncePerRun(t *testing.T) {
	q := func(credit string, note int) QuoteView { return QuoteView{Credit: credit, Note: NoteLink{N: note}} }
	qs := []QuoteView{q("CWIHP 5", 18), q("CWIHP 5", 18), q("CWIHP 5", 24), q("Goncharov", 24), q("CWIHP 5", 24)}
	want := []bool{false, true, true, true, true}
	got := packetQuotes(qs)
	for i := range want {
		if got[i].Credited != want[i] {
			t.Errorf("quotation %d credited = %v, want %v", i, got[i].Credited, want[i])
		}
	}
}

func TestNoteTitle(t *testing.T) {
	tests := []struct {
		nv   NoteView
		want string
	}{
		{NoteView{N: 24, Section: Link{Text: "The Impetus"}}, "Note 24, in “The Impetus”"},
		{NoteView{N: 3}, "Note 3"},
	}
	for _, tt := range tests {
		if got := noteTitle(tt.nv); got != tt.want {
			t.Errorf("noteTitle(%d) = %q, want %q", tt.nv.N, got, tt.want)
		}
	}
}

func TestLeafReadings(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"59–61", "59–61"},
		{"55; 554", "55 or 554 (the notes differ)"},
	}
	for _, tt := range tests {
		if got := leafReadings(tt.in); got != tt.want {
			t.Errorf("leafReadings(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
