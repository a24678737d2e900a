package render

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"html/template"
	"reflect"
	"strings"
	"sync"
)

// partialCached is the template function {{partialCached NAME DATA}}: it
// executes the partial NAME (of base.html or partials.html) with DATA the
// first time it meets NAME and that DATA, and returns that markup every
// later time. Markup shared by thousands of pages (the site header, a
// note shown on its own page and in its section) is so executed once
// instead of once per page. The cache key is derived from DATA itself
// (see datakey.go), so DATA must be what the partial shows and no more:
// a partial given the whole page would be cached per page.
func (t *Templates) partialCached(name string, data any) (template.HTML, error) {
	if t.uncached {
		return t.executePartial(nil, name, data, partialKey{})
	}
	key, err := t.keys.key(data)
	if err != nil {
		return "", fmt.Errorf("partialCached %q: %w", name, err)
	}
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
// the partial NAME executed for each element of the slice LIST, in order,
// as partialCached would with the element, and joined, with the text SEP
// (escaped) between elements if it is given. A timeline or a documents
// list of ten thousand entries so costs one template call and ten
// thousand map lookups, not tens of thousands of template calls.
func (t *Templates) partialList(name string, list any, sep ...string) (template.HTML, error) {
	between := template.HTMLEscapeString(strings.Join(sep, ""))
	items := reflect.ValueOf(list)
	if items.Kind() != reflect.Slice && items.Kind() != reflect.Array {
		return "", fmt.Errorf("partialList %q: cannot list %T", name, list)
	}
	var b strings.Builder
	for i := range items.Len() {
		if i > 0 {
			b.WriteString(between)
		}
		html, err := t.partialCached(name, items.Index(i).Interface())
		if err != nil {
			return "", err
		}
		b.WriteString(string(html))
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
// markup in cache under key, unless cache is nil.
func (t *Templates) executePartial(cache *sync.Map, name string, data any, key partialKey) (template.HTML, error) {
	var buf bytes.Buffer
	if err := t.base.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	if cache != nil {
		cache.Store(key, html)
	}
	return html, nil
}
