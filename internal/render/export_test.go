package render

import (
	"slices"

	"github.com/korean-war-sources/edition/internal/parallel"
	"github.com/korean-war-sources/edition/internal/site"
)

// Pages makes every page of Views(s, opts) on all cores, in its order,
// for the tests of this package. A build makes a window of views at a
// time instead; the pipeline's tests compare the two.
func Pages(s *site.Site, opts Options) []*Page {
	views := Views(s, opts)
	out := make([][]*Page, len(views))
	parallel.For(len(views), func(_, i int) { out[i] = views[i].Make() })
	return slices.Concat(out...)
}
