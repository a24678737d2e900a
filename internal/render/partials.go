package render

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"html/template"
	"strings"
	"sync"
)

// partialCached is the template function {{partialCached NAME DATA KEY}}:
// it executes the partial NAME (of base.html or partials.html) with DATA
// the first time it meets NAME and KEY, and returns that markup every
// later time. Markup shared by thousands of pages (the site header, a
// note shown on its own page and in its section) is so executed once
// instead of once per page. KEY must tell apart every DATA that renders
// differently, in this build and the next ones of a preview (see the Key
// methods).
func (t *Templates) partialCached(name string, data any, key string) (template.HTML, error) {
	cache, k := t.partialCache(name), t.hashKey(key)
	if html, ok := cache.Load(k); ok {
		return html.(template.HTML), nil
	}
	return t.executePartial(cache, name, data, k)
}

// partialKey is a key of partialCached, hashed: keys hold all the text
// of what they name, and ten thousand of them would double the memory of
// a build. 128 bits of hash make a collision in a build of a million
// partials less likely than one in 10^25.
type partialKey [2]uint64

func (t *Templates) hashKey(key string) partialKey {
	return partialKey{maphash.String(t.seeds[0], key), maphash.String(t.seeds[1], key)}
}

// partialList is the template function {{partialList NAME LIST [SEP]}}:
// the partial NAME executed for each element of LIST, in order, as
// partialCached would with the element's Key, and joined, with the text
// SEP (escaped) between elements if it is given. A timeline or a
// documents list of ten thousand entries so costs one template call and
// ten thousand map lookups, not tens of thousands of template calls. The
// lists it takes are those of the Key methods.
func (t *Templates) partialList(name string, list any, sep ...string) (template.HTML, error) {
	between := template.HTMLEscapeString(strings.Join(sep, ""))
	switch l := list.(type) {
	case []TimelineEntry:
		return eachCached(t, name, l, between)
	case []DocRow:
		return eachCached(t, name, l, between)
	case []Link:
		return eachCached(t, name, l, between)
	case []NoteLink:
		return eachCached(t, name, l, between)
	case []NoteView:
		return eachCached(t, name, l, between)
	case []Meta:
		return eachCached(t, name, l, between)
	case []PartyView:
		return eachCached(t, name, l, between)
	case []CitedAs:
		return eachCached(t, name, l, between)
	}
	return "", fmt.Errorf("partialList %q: cannot list %T", name, list)
}

// keyed is the element of a list for partialList.
type keyed interface{ Key() string }

func eachCached[T keyed](t *Templates, name string, items []T, between string) (template.HTML, error) {
	cache := t.partialCache(name)
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString(between)
		}
		key := t.hashKey(it.Key())
		html, ok := cache.Load(key)
		if !ok {
			var err error
			if html, err = t.executePartial(cache, name, it, key); err != nil {
				return "", err
			}
		}
		b.WriteString(string(html.(template.HTML)))
	}
	return template.HTML(b.String()), nil
}

// ForgetPartials drops the markup partialCached and partialList keep. A
// build that makes every page once calls it when the pages are done, so
// the memory goes to what comes next (the search index).
func (t *Templates) ForgetPartials() { t.partials.Clear() }

// partialCache returns the cache of the partial name.
func (t *Templates) partialCache(name string) *sync.Map {
	if c, ok := t.partials.Load(name); ok {
		return c.(*sync.Map)
	}
	c, _ := t.partials.LoadOrStore(name, new(sync.Map))
	return c.(*sync.Map)
}

// executePartial executes the partial name with data and stores its
// markup in cache under key.
func (t *Templates) executePartial(cache *sync.Map, name string, data any, key partialKey) (template.HTML, error) {
	var buf bytes.Buffer
	if err := t.base.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	cache.Store(key, html)
	return html, nil
}
