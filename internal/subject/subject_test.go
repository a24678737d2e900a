package subject

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		text   string
		want   Subject
		syntax bool // the error is ErrSyntax
		bad    bool // an error is returned
	}{
		{"doc:1949-09-24-politburo-resolution", Subject{Document, "1949-09-24-politburo-resolution"}, false, false},
		{"person:stalin", Subject{Person, "stalin"}, false, false},
		{"note:59", Subject{Note, "59"}, false, false},
		{"work:goncharov-1993", Subject{Work, "goncharov-1993"}, false, false},
		{"event:e", Subject{Event, "e"}, false, false},
		{"section:impetus#p-3f9a1c", Subject{Section, "impetus#p-3f9a1c"}, false, false},
		{"conflict:c", Subject{Conflict, "c"}, false, false},
		{"term:t", Subject{Term, "t"}, false, false},
		{"packet:p", Subject{Packet, "p"}, false, false},
		{"archive:APRF", Subject{Archive, "APRF"}, false, false},
		{"doc:a:b", Subject{Document, "a:b"}, false, false}, // the id is as written
		{"document:x", Subject{ID: "x"}, false, true},       // the search's word is not a reference kind
		{"page:about", Subject{ID: "about"}, false, true},   // pages are not referred to
		{"Doc:x", Subject{ID: "x"}, false, true},
		{"doc:", Subject{}, true, true},
		{":x", Subject{}, true, true},
		{"doc", Subject{}, true, true},
		{"", Subject{}, true, true},
	}
	for _, tt := range tests {
		got, err := Parse(tt.text)
		if got != tt.want || (err != nil) != tt.bad || errors.Is(err, ErrSyntax) != tt.syntax {
			t.Errorf("Parse(%q) = %#v, %v; want %#v, error %v (syntax %v)", tt.text, got, err, tt.want, tt.bad, tt.syntax)
		}
	}
}

// TestRoundTrip checks that every kind references may name reads back
// from its text form.
func TestRoundTrip(t *testing.T) {
	for _, k := range append(Referable(), Archive) {
		s := Of(k, "x-1")
		got, err := Parse(s.String())
		if err != nil || got != s {
			t.Errorf("Parse(%q) = %#v, %v; want %#v", s.String(), got, err, s)
		}
	}
	if k, ok := ParseKind(Page.String()); ok {
		t.Errorf("ParseKind(%q) = %v, want no kind: pages are not referred to", Page.String(), k)
	}
}

func TestReferable(t *testing.T) {
	got := Names(Referable())
	want := []string{"doc", "person", "note", "work", "event", "section", "conflict", "term", "packet"}
	if len(got) != len(want) {
		t.Fatalf("Referable() = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Referable() = %q, want %q", got, want)
		}
	}
}

func TestKindSpellings(t *testing.T) {
	tests := []struct {
		k          Kind
		text, noun string
	}{
		{None, "", ""},
		{Document, "doc", "document"},
		{Work, "work", "bibliography entry"},
		{Section, "section", "essay section"},
		{Term, "term", "glossary term"},
		{Page, "page", "page"},
		{Kind(200), "kind(200)", "kind(200)"},
	}
	for _, tt := range tests {
		if tt.k.String() != tt.text || tt.k.Noun() != tt.noun {
			t.Errorf("Kind %d: String %q, Noun %q; want %q, %q", tt.k, tt.k.String(), tt.k.Noun(), tt.text, tt.noun)
		}
	}
}

func TestNotes(t *testing.T) {
	tests := []struct {
		s    Subject
		n    int
		ok   bool
		text string
	}{
		{NoteOf(59), 59, true, "note:59"},
		{Of(Note, "x"), 0, false, "note:x"},
		{Of(Document, "59"), 0, false, "doc:59"},
		{Subject{}, 0, false, ""},
	}
	for _, tt := range tests {
		n, ok := tt.s.Number()
		if n != tt.n || ok != tt.ok || tt.s.String() != tt.text {
			t.Errorf("%#v: Number %d, %v; String %q; want %d, %v, %q", tt.s, n, ok, tt.s.String(), tt.n, tt.ok, tt.text)
		}
	}
}

// FuzzParse checks that whatever Parse accepts prints back as written.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"doc:x", "note:59", "person:", ":", "lang:ru", "doc:a:b", "archive:APRF"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, err := Parse(text)
		if err != nil {
			if s.Kind != None {
				t.Errorf("Parse(%q) failed but gave kind %v", text, s.Kind)
			}
			return
		}
		if s.String() != text {
			t.Errorf("Parse(%q).String() = %q", text, s.String())
		}
	})
}
