package site

import (
	"crypto/sha256"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/korean-war-sources/edition/internal/subject"
)

// FragmentCache remembers rendered Markdown fragments across builds, so
// that a rebuild after an edit renders only the fragments whose source
// changed or whose references now resolve differently. The preview keeps
// one for its whole session; a build without one renders everything.
//
// An entry is reused when the fragment's source, its conversion options
// and the glossary are unchanged, and every reference it resolved still
// resolves the same way: the target still exists (or still does not) with
// the same default title, and for an unknown target, the ids offered as
// suggestions are the same. Editing one document's body therefore
// re-renders only that document's fragments; renaming a person
// re-renders only the fragments that link to that person by default
// title.
//
// The cache assumes every build converts with the same Markdown
// configuration (markdown.New). It is safe for concurrent use. It holds
// one entry per fragment key, so its size is bounded by the number of
// fragments the edition has had.
type FragmentCache struct {
	mu      sync.RWMutex           // builds look up far more often than they store
	entries map[string]*cacheEntry // by fragment key, "doc/ID"
	hits    atomic.Int64
	misses  atomic.Int64
}

// NewFragmentCache returns an empty cache.
func NewFragmentCache() *FragmentCache {
	return &FragmentCache{entries: map[string]*cacheEntry{}}
}

type cacheEntry struct {
	src      string
	prefix   string
	verbatim bool
	perma    bool
	glossary [sha256.Size]byte // zero when the fragment has no glossary
	deps     []dep
	res      result
}

// dep is one reference lookup a fragment made, with what it found.
type dep struct {
	subj   subject.Subject
	exists bool
	title  string            // the default title, when it exists (not for notes)
	failed bool              // when it does not exist
	ids    [sha256.Size]byte // signature of the kind's ids, for the suggestion
}

// renderEnv is what a build computes once for checking entries.
type renderEnv struct {
	glossary [sha256.Size]byte
	// ids is the signature of each kind's ids, computed when first
	// needed: only a reference to something unknown needs it, and hashing
	// ten thousand ids on every build would cost more than all the
	// cache hits.
	ids map[subject.Kind]func() [sha256.Size]byte
}

func newRenderEnv(links map[string]string, ids map[subject.Kind][]string) *renderEnv {
	env := &renderEnv{ids: make(map[subject.Kind]func() [sha256.Size]byte, len(ids))}
	h := sha256.New()
	for _, k := range slices.Sorted(maps.Keys(links)) {
		h.Write([]byte(k + "\x00" + links[k] + "\x00"))
	}
	copy(env.glossary[:], h.Sum(nil))
	for kind, list := range ids {
		env.ids[kind] = sync.OnceValue(func() [sha256.Size]byte {
			return sha256.Sum256([]byte(strings.Join(list, "\x00")))
		})
	}
	return env
}

func (env *renderEnv) glossaryOf(f fragment) [sha256.Size]byte {
	if f.opts.Glossary == nil {
		return [sha256.Size]byte{}
	}
	return env.glossary
}

// lookup returns the cached result of f if it is still valid.
func (c *FragmentCache) lookup(s *Site, env *renderEnv, f fragment) (result, bool) {
	c.mu.RLock()
	e := c.entries[f.key]
	c.mu.RUnlock()
	if e == nil || e.src != f.src || e.prefix != f.opts.IDPrefix || e.verbatim != f.opts.Verbatim ||
		e.perma != f.opts.Permalinks || e.glossary != env.glossaryOf(f) {
		c.misses.Add(1)
		return result{}, false
	}
	for _, d := range e.deps {
		if d != s.lookupDep(env, d.subj) {
			c.misses.Add(1)
			return result{}, false
		}
	}
	c.hits.Add(1)
	return e.res, true
}

func (c *FragmentCache) store(env *renderEnv, f fragment, deps []dep, r result) {
	e := &cacheEntry{src: f.src, prefix: f.opts.IDPrefix, verbatim: f.opts.Verbatim, perma: f.opts.Permalinks,
		glossary: env.glossaryOf(f), deps: deps, res: r}
	c.mu.Lock()
	c.entries[f.key] = e
	c.mu.Unlock()
}

// lookupDep records everything the resolver reads about subj.
func (s *Site) lookupDep(env *renderEnv, subj subject.Subject) dep {
	d := dep{subj: subj}
	if d.title, d.exists = s.target(subj); d.exists {
		return d
	}
	d.failed = s.failed(subj)
	if !d.failed && subj.Kind != subject.Note {
		d.ids = env.ids[subj.Kind]()
	}
	return d
}
