package site

// Internals for the external tests, which cannot import package site's
// internals directly (they import internal/corpus, which imports site).

// FragRefs returns the references of every fragment's owner.
func FragRefs(s *Site) map[string][]Ref { return s.fragRefs }

// RenderRefs returns the references of every fragment, by key.
func RenderRefs(s *Site) map[string][]Ref { return s.render.refs }
