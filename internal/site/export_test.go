package site

import "github.com/korean-war-sources/edition/internal/subject"

// Internals for the external tests, which cannot import package site's
// internals directly (they import internal/corpus, which imports site).

// FragRefs returns the references of every fragment's owner.
func FragRefs(s *Site) map[subject.Subject][]Ref { return s.fragRefs }

// RenderRefs returns the references of every fragment, by key.
func RenderRefs(s *Site) map[string][]Ref { return s.render.refs }

// Stats returns how many fragments were reused and how many rendered
// anew since the cache was made.
func (c *FragmentCache) Stats() (hits, misses int) {
	return int(c.hits.Load()), int(c.misses.Load())
}

// ReusedParts reports which of the parts a rebuild may reuse (see
// reuse.go) s took over from prev: the documents' date order, the
// backlinks of front matter and those of Markdown.
func ReusedParts(prev, s *Site) (order, front, markdown bool) {
	return prev.parts.order == s.parts.order, prev.parts.front == s.parts.front, prev.parts.markdown == s.parts.markdown
}
