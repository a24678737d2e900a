package site_test

import (
	"slices"
	"testing"

	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/subject"
)

// names returns the text forms of subjects.
func names(subjects []subject.Subject) []string {
	var out []string
	for _, s := range subjects {
		out = append(out, s.String())
	}
	return out
}

func TestNeighbours(t *testing.T) {
	s, problems := build(t, nil)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	tests := []struct {
		of   subject.Subject
		want []string
	}{
		// Its parties, the note citing it with its section, and what its
		// body refers to.
		{subject.Of(subject.Document, "a"), []string{"person:stalin", "person:shtykov", "note:1", "section:one", "person:stalin"}},
		// Its section, the note after it, the parties of the document it
		// cites, whose pages list it, and what its text cites.
		{subject.NoteOf(1), []string{"section:one", "note:2", "person:stalin", "person:shtykov", "doc:a", "work:w"}},
		{subject.Of(subject.Person, "shtykov"), []string{"doc:a", "person:stalin", "person:shtykov"}},
		{subject.Of(subject.Document, "zz"), nil},
		{subject.NoteOf(99), nil},
		{subject.Of(subject.Note, "x"), nil},
		{subject.Of(subject.Packet, "p"), nil},
		{subject.Subject{}, nil},
	}
	for _, tt := range tests {
		if got := names(s.Neighbours(tt.of)); !slices.Equal(got, tt.want) {
			t.Errorf("Neighbours(%v) = %q, want %q", tt.of, got, tt.want)
		}
	}
	// A section's pages show its notes, so their neighbours are its own.
	sec := names(s.Neighbours(subject.Of(subject.Section, "one")))
	for _, want := range []string{"note:1", "note:2", "doc:a", "work:w"} {
		if !slices.Contains(sec, want) {
			t.Errorf("Neighbours(section:one) = %q, lacks %s", sec, want)
		}
	}
}

func TestFragmentSubjects(t *testing.T) {
	s, problems := build(t, map[string]string{
		"bibliography.yaml": "w:\n  type: book\n  sort: Author\n  title: W\n  as_printed: '*W*'\n  editorial_notes: ['Said of [[person:stalin]].']\n",
	})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	tests := []struct {
		key  string
		want []string
	}{
		{"doc/a", []string{"doc:a"}},
		{"person/stalin", []string{"person:stalin"}},
		{"section/one", []string{"section:one"}},
		{"note/1", []string{"note:1", "section:one"}},
		{"note/2", []string{"note:2", "section:one"}},
		// Shown only on pages about the whole edition (the bibliography).
		{"work-ed/w/0", nil},
		{"doc/zz", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := names(site.FragmentSubjects(s, tt.key)); !slices.Equal(got, tt.want) {
			t.Errorf("FragmentSubjects(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
	if _, ok := s.HTML["work-ed/w/0"]; !ok {
		t.Error("the work's editorial note was not rendered: the test does not test what it says")
	}
}
