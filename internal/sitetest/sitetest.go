// Package sitetest builds the site graph of an edition held in any file
// system, for the tests of the packages that work on that graph (render,
// search, export, figure), as net/http/httptest serves handlers' tests.
package sitetest

import (
	"io/fs"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/site"
)

// Build loads fsys as a content folder and builds its site graph as a
// build does. A folder that cannot be read or content with errors stops
// the test, with every diagnostic.
func Build(t testing.TB, fsys fs.FS) *site.Site {
	t.Helper()
	return build(t, fsys, false)
}

// BuildStrict is Build for editions that must also have no warnings, as
// a -strict build requires.
func BuildStrict(t testing.TB, fsys fs.FS) *site.Site {
	t.Helper()
	return build(t, fsys, true)
}

func build(t testing.TB, fsys fs.FS, strict bool) *site.Site {
	t.Helper()
	var diags diag.List
	ed, err := content.LoadCached(fsys, "content", nil, &diags)
	if err != nil {
		t.Fatal(err)
	}
	s := site.BuildCached(ed, markdown.New(), nil, &diags)
	if diags.HasErrors(strict) {
		t.Fatalf("the edition has problems:\n%s", diags.String())
	}
	return s
}
