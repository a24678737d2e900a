package render

import (
	"os"
	"reflect"
	"testing"
)

// TestForgetPagePartials checks that the periodic clearing of a build
// drops the markup of most partials (a metadata tag) and keeps that of
// the entities pages far apart show (a document's link line), and that
// ForgetPartials drops both.
func TestForgetPagePartials(t *testing.T) {
	tpl, err := Load(os.DirFS("../../templates"))
	if err != nil {
		t.Fatal(err)
	}
	meta := Meta{Name: "citation_title", Content: "A telegram"}
	link := Link{URL: URL("documents/1950-01-30-stalin-to-shtykov.html"), Text: "Telegram from Stalin to Shtykov", Note: "30 January 1950"}
	if _, err := tpl.partialList("meta", []Meta{meta}); err != nil {
		t.Fatal(err)
	}
	if _, err := tpl.partialList("link-paren-item", []Link{link}); err != nil {
		t.Fatal(err)
	}
	kept := func(name string, data any) bool {
		k, err := tpl.cacheKey(name, reflect.ValueOf(data))
		if err != nil {
			t.Fatal(err)
		}
		_, inPages := tpl.partials.load(k)
		_, inBuild := tpl.buildPartials.load(k)
		if inPages && inBuild {
			t.Fatalf("partial %q is stored twice", name)
		}
		return inPages || inBuild
	}
	if !kept("meta", meta) || !kept("link-paren-item", link) {
		t.Fatal("a partial executed is not kept")
	}
	tpl.ForgetPagePartials()
	if kept("meta", meta) {
		t.Error("ForgetPagePartials kept a page's metadata tag")
	}
	if !kept("link-paren-item", link) {
		t.Error("ForgetPagePartials dropped a document's link line, which later pages show again")
	}
	tpl.ForgetPartials()
	if kept("link-paren-item", link) {
		t.Error("ForgetPartials kept a document's link line")
	}
}
