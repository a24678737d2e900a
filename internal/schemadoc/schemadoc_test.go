package schemadoc

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestContributingUpToDate fails when the schema reference in
// CONTRIBUTING.md no longer matches the Go types.
func TestContributingUpToDate(t *testing.T) {
	doc, err := os.ReadFile("../../CONTRIBUTING.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Splice(doc, Generate())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(doc, want) {
		t.Fatal("CONTRIBUTING.md is out of date with the content types; run: go generate ./internal/schemadoc")
	}
}

func TestGenerateCoversEveryField(t *testing.T) {
	gen := string(Generate())
	for _, want := range []string{"`title`", "`from[].as_written`", "`article.author`", "`archive[].listy`", "`quotations[].translation`", "`known_through[].work`", "`notes[].number`", "`aliases`", "`items[].doc`"} {
		if !strings.Contains(gen, want) {
			t.Errorf("generated reference lacks %s", want)
		}
	}
}

func TestSplice(t *testing.T) {
	tests := []struct {
		doc, gen, want string
		ok             bool
	}{
		{"a\n" + Begin + "\nold\n" + End + "\nz\n", "new\n", "a\n" + Begin + "\n\nnew\n" + End + "\nz\n", true},
		{"no markers", "x", "", false},
		{End + Begin, "x", "", false},
	}
	for _, tt := range tests {
		got, err := Splice([]byte(tt.doc), []byte(tt.gen))
		if (err == nil) != tt.ok || string(got) != tt.want {
			t.Errorf("Splice(%q, %q) = %q, %v; want %q, ok=%v", tt.doc, tt.gen, got, err, tt.want, tt.ok)
		}
	}
}
