package render

import (
	"html/template"
	"reflect"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
)

type keyProbe struct {
	Text    string
	HTML    template.HTML
	N       int
	On      bool
	Links   []Link
	ByName  map[string]int
	Ptr     *Link
	private string
}

func TestDataKeyTellsValuesApart(t *testing.T) {
	base := func() keyProbe {
		return keyProbe{Text: "a", HTML: "<b>", N: 1, Links: []Link{{URL: "u", Text: "t"}},
			ByName: map[string]int{"x": 1, "y": 2}, Ptr: &Link{URL: "p"}, private: "s"}
	}
	variants := map[string]func(*keyProbe){
		"text":          func(p *keyProbe) { p.Text = "b" },
		"html":          func(p *keyProbe) { p.HTML = "<i>" },
		"int":           func(p *keyProbe) { p.N = 2 },
		"bool":          func(p *keyProbe) { p.On = true },
		"slice element": func(p *keyProbe) { p.Links[0].Note = "n" },
		"slice length":  func(p *keyProbe) { p.Links = append(p.Links, Link{}) },
		"nil slice":     func(p *keyProbe) { p.Links = nil },
		"empty slice":   func(p *keyProbe) { p.Links = []Link{} },
		"map value":     func(p *keyProbe) { p.ByName["x"] = 3 },
		"pointer":       func(p *keyProbe) { p.Ptr.URL = "q" },
		"nil pointer":   func(p *keyProbe) { p.Ptr = nil },
		"unexported":    func(p *keyProbe) { p.private = "t" },
		"string split":  func(p *keyProbe) { p.Text, p.HTML = "a<b>", "" },
	}
	var k dataKeys
	want, err := k.key(base())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{want: "base"}
	for name, change := range variants {
		v := base()
		change(&v)
		got, err := k.key(v)
		if err != nil {
			t.Fatalf("key(%s): %v", name, err)
		}
		if other, dup := seen[got]; dup {
			t.Errorf("key(%s) = key(%s): the change is not in the key", name, other)
		}
		seen[got] = name
	}
}

func TestDataKeySameForEqualValues(t *testing.T) {
	var k dataKeys
	a := map[string]int{}
	b := map[string]int{}
	for i, s := range []string{"q", "w", "e", "r", "t", "y"} {
		a[s] = i
	}
	for i, s := range []string{"y", "t", "r", "e", "w", "q"} {
		b[s] = 5 - i
	}
	ka, errA := k.key(keyProbe{ByName: a, Links: []Link{{URL: "u"}}})
	kb, errB := k.key(keyProbe{ByName: b, Links: []Link{{URL: "u"}}})
	if errA != nil || errB != nil || ka != kb {
		t.Errorf("equal values have keys %q and %q (errors %v, %v)", ka, kb, errA, errB)
	}
	// Values of two types that encode alike must still differ.
	kl, _ := k.key(Link{URL: "u"})
	km, _ := k.key(Meta{Name: "u"})
	if kl == km {
		t.Errorf("a Link and a Meta share the key %q", kl)
	}
}

type cyclic struct{ Next *cyclic }

func TestDataKeyRefusesWhatItCannotName(t *testing.T) {
	loop := &cyclic{}
	loop.Next = loop
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"func", struct{ F func() }{func() {}}, "cannot derive a key"},
		{"cycle", loop, "nested more than"},
	}
	var k dataKeys
	for _, tt := range tests {
		if _, err := k.key(tt.v); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("key(%s) error = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func BenchmarkDataKey(b *testing.B) {
	site := siteView(content.Site{Title: "An edition"})
	header := site.header("documents", "documents/x.html")
	meta := Meta{Name: "citation_title", Content: "A telegram from one man to another on a matter of state"}
	for _, tt := range []struct {
		name string
		v    any
	}{{"header", header}, {"credits", site.Credits}, {"meta", meta}} {
		b.Run(tt.name, func(b *testing.B) {
			var k dataKeys
			var buf []byte
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if buf, err = k.appendKey(buf[:0], tt.v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDataKeyRecursiveType: a type that refers to itself compiles to an
// encoder that follows its values as deep as they go.
func TestDataKeyRecursiveType(t *testing.T) {
	var k dataKeys
	keys := map[string]int{}
	for depth := range 4 {
		var v *cyclic
		for range depth {
			v = &cyclic{Next: v}
		}
		key, err := k.key(v)
		if err != nil {
			t.Fatalf("depth %d: %v", depth, err)
		}
		if other, dup := keys[key]; dup {
			t.Errorf("chains of %d and %d share the key %q", other, depth, key)
		}
		keys[key] = depth
	}
}

// key returns the key of v, as a partial's lookup derives it.
func (k *dataKeys) key(v any) (string, error) {
	b, err := k.appendKey(make([]byte, 0, 128), v)
	return string(b), err
}

// appendKey appends the key of v to b.
func (k *dataKeys) appendKey(b []byte, v any) ([]byte, error) {
	return k.appendValueKey(b, reflect.ValueOf(v))
}
