// Package render lays out the edition's pages with html/template. Every
// value a template shows is prepared in Go (the view models of the
// views_*.go files): templates hold markup only, and run with
// missingkey=error, so a misspelt field fails the build.
//
// # The template contract
//
// The templates folder holds base.html (the layout), partials.html
// (markup shared by several page types) and one file per page type named
// in PageTypes, each defining the block "main". A page type's file is
// parsed together with base.html and partials.html into its own set.
//
// Every page executes base.html with a *Page: Title, Description, Nav
// (the current entry of the main navigation), Site, Meta, JSONLD, Cite,
// Scripts and the page type's own view in Data. Execute sets HeadTitle
// (the <title>) and SiteHeader (what the site header shows).
//
// URLs inside the site are written with the root marker (URL, and
// "@@root@@/" in templates): Execute replaces it by the page's relative
// path to the site root, so that the site works from any folder and from
// file://. A page with Root set (the 404 page) uses that instead.
//
// Two template functions share markup between pages:
//
//	{{partialCached "name" DATA}}      the partial executed once per distinct DATA
//	{{partialList "name" LIST [SEP]}}  the same for each element of a slice, joined by SEP
//
// The cache key is derived from DATA, every field and everything it
// points to (datakey.go), never written by hand; a partial must be given
// exactly what it shows. LoadUncached executes every partial afresh: the
// tests hold the cached pages to its bytes.
//
// A partial pays for its cache on every call (deriving and hashing the
// key) and, when it misses, for storing its markup too: markup that
// appears on one page only (a section's notes, a note's body, how the
// notes print a document) is executed in place with {{template}}
// instead, which costs less than a miss. Markup that pages far apart
// show (a document's link line, a note's number) is kept for the whole
// of a build's pages (see buildPartial).
package render

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"html/template"
	"io/fs"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/site"
)

// Templates holds one parsed template set per page type, each the base
// layout with that type's "main" block.
type Templates struct {
	sets map[string]*template.Template
	// base is the layout and partials alone: what partialCached executes.
	base *template.Template
	// partials holds the output of partialCached and partialList by
	// partialKey. The preview keeps one Templates across builds while the
	// template files are unchanged, so a key must name its data
	// completely.
	partials partialStore
	// buildPartials holds the output of the partials buildPartial
	// names, which ForgetPagePartials keeps: the markup of an entity that
	// pages far apart in a build show (a document's link line on the
	// pages of the documents that refer to it).
	buildPartials partialStore
	seeds         [2]maphash.Seed // of partialKey
	keys          dataKeys
	// keyBuffers hold keys being derived, which are hashed and dropped.
	keyBuffers sync.Pool
	// partialBuffers hold partials being executed, whose markup is then
	// copied out at its size.
	partialBuffers sync.Pool
	// uncached makes partialCached and partialList execute their partial
	// every time: the plain path that tests hold the cache to.
	uncached bool
	// sizes holds, by page type, the size of the last page executed: a
	// page's buffer starts at about that size (see sizeHint).
	sizes map[string]*atomic.Int64
	// buffers, if set, lends the buffers pages are executed in (see
	// UseBuffers).
	buffers *output.Buffers
}

// UseBuffers makes the pages executed from now on go into buffers lent
// by b rather than new ones, for a build whose sink gives them back once
// written (output.Recycling). A buffer a page outgrows is given back at
// once. Not to be called while pages are executed.
func (t *Templates) UseBuffers(b *output.Buffers) { t.buffers = b }

// PageTypes are the template files besides base.html, by page type.
var PageTypes = []string{
	"home", "document", "documents", "documents-parts", "person", "person-year", "person-notes", "persons", "section", "note", "notes",
	"timeline", "timeline-years", "bibliography", "work", "about", "notfound", "conflict", "conflicts", "glossary",
	"network", "network-pairs", "search", "packet", "packet-print", "redirect", "source", "data", "more",
}

// Load parses base.html and every page type's file from fsys.
func Load(fsys fs.FS) (*Templates, error) { return load(fsys, false) }

// LoadUncached is Load with partialCached and partialList executing their
// partial on every call. Its pages must be byte-identical to Load's; it
// exists so that tests can prove it.
func LoadUncached(fsys fs.FS) (*Templates, error) { return load(fsys, true) }

func load(fsys fs.FS, uncached bool) (*Templates, error) {
	t := &Templates{
		sets:     map[string]*template.Template{},
		sizes:    map[string]*atomic.Int64{},
		seeds:    [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()},
		uncached: uncached,
	}
	base, err := template.New("base.html").Option("missingkey=error").
		Funcs(template.FuncMap{"partialCached": t.partialCached, "partialList": t.partialList}).
		ParseFS(fsys, "base.html", "partials.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	for _, name := range PageTypes {
		set, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		if _, err := set.ParseFS(fsys, name+".html"); err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		t.sets[name] = set
		t.sizes[name] = new(atomic.Int64)
	}
	// Cloned last: a template set cannot be cloned once executed.
	if t.base, err = base.Clone(); err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	return t, nil
}

// Execute renders page p with the template set of its type, and replaces
// the root marker by the page's path to the site root.
func (t *Templates) Execute(p *Page) ([]byte, error) {
	set, ok := t.sets[p.Type]
	if !ok {
		return nil, fmt.Errorf("no template for page type %q", p.Type)
	}
	p.HeadTitle = p.Title
	if p.Type != "home" {
		p.HeadTitle += " · " + p.Site.Title
	}
	p.SiteHeader = p.Site.header(p.Nav, p.Path)
	size := t.sizes[p.Type]
	var lent []byte
	if t.buffers != nil {
		lent = t.buffers.Get(sizeHint(size.Load()))
	} else {
		lent = make([]byte, 0, sizeHint(size.Load()))
	}
	buf := bytes.NewBuffer(lent)
	if err := set.ExecuteTemplate(buf, "base.html", p); err != nil {
		t.giveBack(lent, nil)
		return nil, fmt.Errorf("rendering %s: %w", p.Path, err)
	}
	size.Store(nextSize(size.Load(), int64(buf.Len())))
	root := p.Root
	if root == "" {
		root = site.Root(p.Path)
	}
	page := relocate(buf.Bytes(), root)
	t.giveBack(lent, page)
	return page, nil
}

// giveBack gives the buffer lent for a page back to t.buffers if the
// page was not made in it after all (it outgrew it, or failed).
func (t *Templates) giveBack(lent, page []byte) {
	if t.buffers != nil && (cap(page) == 0 || unsafe.SliceData(page) != unsafe.SliceData(lent)) {
		t.buffers.Recycle(lent)
	}
}

// sizeHint is the capacity to give the buffer of a page when the pages
// of its type last had about last bytes (see nextSize): pages of a type
// are alike, and a buffer grown by doubling from nothing copies and
// allocates the page about twice over.
func sizeHint(last int64) int {
	return int(last + last/8 + 512)
}

// nextSize is what a page type's size becomes after a page of n bytes
// when it was last: the largest of the recent pages, an eighth of it
// forgotten with each page. A page a little larger than the one before
// it (document pages range over about a factor of two) then rarely
// outgrows its buffer, which would copy it into one twice its size,
// while one large index page does not oversize the buffers of the many
// small ones after it for long.
func nextSize(last, n int64) int64 {
	return max(n, last-last/8)
}

// relocate replaces every root marker in b by root. A root no longer than
// the marker (a page up to three folders deep) is written over b itself,
// which it returns shortened, instead of into a copy of the page.
func relocate(b []byte, root string) []byte {
	marker := []byte(site.RootMarker)
	if len(root) > len(marker) {
		return bytes.ReplaceAll(b, marker, []byte(root))
	}
	w, r := 0, 0
	for {
		i := bytes.Index(b[r:], marker)
		if i < 0 {
			break
		}
		w += copy(b[w:], b[r:r+i])
		w += copy(b[w:], root)
		r += i + len(marker)
	}
	w += copy(b[w:], b[r:])
	return b[:w]
}

// URL marks a site path as root-relative, to be relocated per page.
func URL(sitePath string) string { return site.RootMarker + sitePath }
