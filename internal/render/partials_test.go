package render

import (
	"os"
	"reflect"
	"testing"
)

// TestForgetPagePartials checks that the periodic clearing of a build
// drops the markup of the pages' own partials (their metadata tags) and
// keeps the entities' (a link), and that ForgetPartials drops both.
func TestForgetPagePartials(t *testing.T) {
	tpl, err := Load(os.DirFS("../../templates"))
	if err != nil {
		t.Fatal(err)
	}
	meta := Meta{Name: "citation_title", Content: "A telegram"}
	link := Link{URL: URL("persons/kim-il-sung.html"), Text: "Kim Il-sung"}
	if _, err := tpl.partialList("meta", []Meta{meta}); err != nil {
		t.Fatal(err)
	}
	if _, err := tpl.partialList("link", []Link{link}); err != nil {
		t.Fatal(err)
	}
	kept := func(name string, data any) bool {
		k, err := tpl.cacheKey(name, reflect.ValueOf(data))
		if err != nil {
			t.Fatal(err)
		}
		_, inPages := tpl.pagePartials.load(k)
		_, inBuild := tpl.partials.load(k)
		if inPages && inBuild {
			t.Fatalf("partial %q is stored twice", name)
		}
		return inPages || inBuild
	}
	if !kept("meta", meta) || !kept("link", link) {
		t.Fatal("a partial executed is not kept")
	}
	tpl.ForgetPagePartials()
	if kept("meta", meta) {
		t.Error("ForgetPagePartials kept a page's metadata tag")
	}
	if !kept("link", link) {
		t.Error("ForgetPagePartials dropped a person's link, which later pages show again")
	}
	tpl.ForgetPartials()
	if kept("link", link) {
		t.Error("ForgetPartials kept a link")
	}
}
