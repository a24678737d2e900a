// Package corpus generates synthetic content trees in the edition's
// schema, for benchmarks and scale tests: N documents with headnotes,
// footnotes, cross-references, archival citations and quotations, about
// sixty persons with aliases and other spellings, essay sections whose
// notes cite every document, a bibliography, events, conflicts, a reading
// packet and the configuration files.
//
// The output is a pure function of N: one fixed seed drives a PCG
// generator, so two runs write byte-identical trees, and the tree for N
// documents builds without a single diagnostic.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
)

// The seed of every corpus. Changing it changes every generated tree.
const seed1, seed2 = 0x4b6f7265616e5761, 0x7253726365733530

// FS returns the content tree of an edition with n documents, in memory.
// Paths are relative to the content folder ("documents/ID.md"). An n
// below 1 is taken as 1.
func FS(n int) fstest.MapFS {
	g := newGen(n)
	g.generate()
	return g.files
}

// Write writes the content tree of an edition with n documents into dir,
// which must be empty or not exist yet, so that no stale file of a larger
// corpus survives into a smaller one.
func Write(dir string, n int) error { return writeTree(dir, FS(n)) }

// WriteHugo writes HugoFS(n) into dir, which must be empty or new.
func WriteHugo(dir string, n int) error {
	fsys, err := HugoFS(n)
	if err != nil {
		return err
	}
	return writeTree(dir, fsys)
}

func writeTree(dir string, fsys fstest.MapFS) error {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("corpus: %s is not empty", dir)
	case err != nil && !os.IsNotExist(err):
		return fmt.Errorf("corpus: %w", err)
	}
	paths := make([]string, 0, len(fsys))
	for p := range fsys {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		if err := os.WriteFile(target, fsys[p].Data, 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	return nil
}

// gen holds one generation in progress.
type gen struct {
	r       *rand.Rand
	n       int
	files   fstest.MapFS
	persons []*person
	works   []*work
	docs    []*doc
	events  []string          // event ids
	notes   []note            // notes[k-1] is note k
	byID    map[string]*doc   // for labels of cross-references
	workIDs map[string]*work  // for labels of citations
	used    map[string]string // folded name → person id, to keep names unique
}

func newGen(n int) *gen {
	return &gen{
		r:       rand.New(rand.NewPCG(seed1, seed2)),
		n:       max(n, 1),
		files:   fstest.MapFS{},
		byID:    map[string]*doc{},
		workIDs: map[string]*work{},
		used:    map[string]string{},
	}
}

// generate makes every part in an order where each part can refer to the
// ones before it; documents are planned first and written last, because
// their headnotes refer to one another and to the notes citing them.
func (g *gen) generate() {
	g.makePersons()
	g.makeWorks()
	g.planDocuments()
	g.planNotes()
	g.writeConfig()
	g.writePersons()
	g.writeBibliography()
	g.writeDocuments()
	g.writeSections()
	g.writeEvents()
	g.writeConflicts()
	g.writePacket()
}

func (g *gen) put(path, text string) {
	g.files[path] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
}

// Intn, pick and chance keep the generator's calls short.
func (g *gen) intn(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// q quotes s as a single-quoted YAML scalar.
func q(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// block writes s as a YAML literal block scalar indented by indent.
func block(indent, s string) string {
	var b strings.Builder
	b.WriteString("|-\n")
	for line := range strings.SplitSeq(s, "\n") {
		if line == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString(indent + line + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
