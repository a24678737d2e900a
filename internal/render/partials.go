package render

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"html/template"
	"reflect"
	"strings"
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
	return t.cached(name, reflect.ValueOf(data))
}

// cached is partialCached of the value v holds.
func (t *Templates) cached(name string, v reflect.Value) (template.HTML, error) {
	if t.uncached {
		return t.executePartial(name, v)
	}
	k, err := t.cacheKey(name, v)
	if err != nil {
		return "", fmt.Errorf("partialCached %q: %w", name, err)
	}
	store := &t.partials
	if buildPartial(name) {
		store = &t.buildPartials
	}
	if html, ok := store.load(k); ok {
		return html, nil
	}
	html, err := t.executePartial(name, v)
	if err == nil {
		store.store(k, html)
	}
	return html, err
}

// buildPartial reports whether a build keeps the markup of the partial
// name until its pages are done, when it drops that of the others every
// few hundred views (ForgetPagePartials): the partials of entities that
// pages far apart in the build's order show, whose markup is small and
// bounded by the number of documents and notes. A document's link line
// is listed on the pages of the documents that refer to it, which are
// anywhere in date order, and a note's number on the pages of the
// documents it cites; a source is listed on the pages of the notes that
// cite it; a timeline entry on its people's pages and on the timeline's,
// which come after every note's. Dropped with the others, their markup
// was executed again for nearly every page that lists it (at 10,000
// documents, 37,000 times for 10,000 link lines). The other partials
// are reused within a few hundred views, or are a page's own (its
// metadata tags), and kept for the whole build they would only hold
// memory.
func buildPartial(name string) bool {
	switch name {
	case "link-paren-item", "note-number", "source-item", "entry":
		return true
	}
	return false
}

// cacheKey derives the key of partial name with the value v holds and
// hashes it. The key is encoded into a pooled buffer: it is only hashed,
// never kept.
func (t *Templates) cacheKey(name string, v reflect.Value) (partialKey, error) {
	buf, _ := t.keyBuffers.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	defer t.keyBuffers.Put(buf)
	b := append(appendString((*buf)[:0], name), 0)
	b, err := t.keys.appendValueKey(b, v)
	*buf = b
	if err != nil {
		return partialKey{}, err
	}
	return partialKey{maphash.Bytes(t.seeds[0], b), maphash.Bytes(t.seeds[1], b)}, nil
}

// partialList is the template function {{partialList NAME LIST [SEP]}}:
// the partial NAME executed for each element of the slice LIST, in order,
// as partialCached would with the element, and joined, with the text SEP
// (escaped) between elements if it is given. A timeline or a documents
// list of ten thousand entries so costs one template call and ten
// thousand map lookups, not tens of thousands of template calls.
func (t *Templates) partialList(name string, list any, sep ...string) (template.HTML, error) {
	items := reflect.ValueOf(list)
	if items.Kind() != reflect.Slice && items.Kind() != reflect.Array {
		return "", fmt.Errorf("partialList %q: cannot list %T", name, list)
	}
	n := items.Len()
	if n == 0 {
		return "", nil
	}
	if n == 1 {
		// Nothing to join: the markup as the cache holds it, not a copy.
		return t.cached(name, items.Index(0))
	}
	between := template.HTMLEscapeString(strings.Join(sep, ""))
	var small [16]template.HTML
	parts := small[:0]
	size := (n - 1) * len(between)
	for i := range n {
		html, err := t.cached(name, items.Index(i))
		if err != nil {
			return "", err
		}
		parts = append(parts, html)
		size += len(html)
	}
	var b strings.Builder
	b.Grow(size)
	for i, html := range parts {
		if i > 0 {
			b.WriteString(between)
		}
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

// ForgetPartials drops the markup partialCached and partialList keep. A
// build that makes every page once calls it when the pages are done, so
// the memory goes to what comes next (the search index).
func (t *Templates) ForgetPartials() {
	t.partials.clear()
	t.buildPartials.clear()
}

// ForgetPagePartials drops the markup of every partial but those a build
// keeps until its pages are done (buildPartial). A build that makes
// every page once calls it every few hundred views, so that what the
// cache holds does not grow with the edition.
func (t *Templates) ForgetPagePartials() { t.partials.clear() }

// executePartial executes the partial name with the value v holds.
func (t *Templates) executePartial(name string, v reflect.Value) (template.HTML, error) {
	var data any
	if v.IsValid() {
		data = v.Interface()
	}
	buf, _ := t.partialBuffers.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		buf.Reset()
		t.partialBuffers.Put(buf)
	}()
	if err := t.base.ExecuteTemplate(buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}
