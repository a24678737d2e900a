package render

import (
	"html/template"
	"sync"
)

// partialKey is a key of partialCached: the partial's name and the key of
// its data (datakey.go), hashed. Keys hold all the text of what they
// name, and ten thousand of them would double the memory of a build. 128
// bits of hash make a collision in a build of a million partials less
// likely than one in 10^25.
type partialKey [2]uint64

// storeShards is how many independently locked maps a partialStore
// spreads its entries over, so that workers rarely wait for each other.
const storeShards = 32

// partialStore holds the markup of executed partials by key. Its maps
// are typed: a key is stored inline, not boxed as a sync.Map boxes it,
// so a lookup allocates nothing and the collector has fewer objects to
// mark in a store of hundreds of thousands of partials.
type partialStore struct {
	shards [storeShards]storeShard
}

type storeShard struct {
	mu sync.RWMutex
	m  map[partialKey]template.HTML
}

func (s *partialStore) shard(k partialKey) *storeShard { return &s.shards[k[0]%storeShards] }

// load returns the markup stored under k.
func (s *partialStore) load(k partialKey) (template.HTML, bool) {
	sh := s.shard(k)
	sh.mu.RLock()
	html, ok := sh.m[k]
	sh.mu.RUnlock()
	return html, ok
}

// store stores html under k.
func (s *partialStore) store(k partialKey, html template.HTML) {
	sh := s.shard(k)
	sh.mu.Lock()
	if sh.m == nil {
		sh.m = map[partialKey]template.HTML{}
	}
	sh.m[k] = html
	sh.mu.Unlock()
}

// clear drops every entry.
func (s *partialStore) clear() {
	for i := range s.shards {
		sh := &s.shards[i]
		sh.mu.Lock()
		sh.m = nil
		sh.mu.Unlock()
	}
}
