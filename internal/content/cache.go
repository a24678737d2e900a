package content

import (
	"sync"

	"github.com/korean-war-sources/edition/internal/diag"
)

// Cache keeps the files of a load decoded (pages, packets and registries
// such as events.yaml; site.yaml is read on every load), so that loading
// again after an edit decodes only the files the edit touched. The
// preview keeps one for its session and tells it, through Forget, which
// files changed; the cache does not look at the files itself, because
// checking ten thousand of them costs more than a rebuild may take.
//
// What LoadCached returns shares the decoded values with earlier loads:
// a page unchanged since the last load is the same *Document (or *Person
// …) as then, and a changed one is a new value. Callers may so tell what
// an edit touched by comparing pointers.
//
// A Cache is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	files map[string]decodedFile // by path in the content folder
}

// decodedFile is what decoding one file gave: its result for the loader
// of its kind and the problems found.
type decodedFile struct {
	result any
	diags  diag.List
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]decodedFile{}} }

// Forget drops the files at the paths (slash-separated, relative to the
// content folder): the next load reads them again.
func (c *Cache) Forget(paths ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		delete(c.files, p)
	}
}

// Clear drops every file.
func (c *Cache) Clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.files)
}

func (c *Cache) get(p string) (decodedFile, bool) {
	if c == nil {
		return decodedFile{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.files[p]
	return f, ok
}

func (c *Cache) put(p string, f decodedFile) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[p] = f
}
