package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/slug"
	"github.com/korean-war-sources/edition/internal/subject"
	"github.com/korean-war-sources/edition/internal/yamlx"
	"go.yaml.in/yaml/v3"
)

// MaxFileSize bounds a content file. The largest real file is a few
// kilobytes; the limit exists so that a stray dump fails fast and clearly
// instead of stalling the build.
const MaxFileSize = 4 << 20

// Edition is everything under content/, decoded and checked file by file.
// References between files are checked later, by package site.
type Edition struct {
	Site      Site
	Documents []*Document
	Persons   []*Person
	Sections  []*Section
	Works     []*Work
	Events    []*Event
	Conflicts []*Conflict
	Archives  []*Archive
	Terms     []*Term
	Packets   []*Packet
	Pages     []*Page
	Redirects []Redirect

	// Root is the content folder as the build was given it, the prefix
	// of every File.
	Root string

	// Failed holds the subject (doc:ID, person:ID, section:ID, work:ID …)
	// of every file or entry that exists but could not be decoded, and
	// one of id AllOfKind when a whole file of entries could not be. Such
	// entries are left out of the Edition and their errors reported;
	// references to them are not reported again as unknown.
	Failed map[subject.Subject]bool
}

// LoadCached reads the content tree in fsys. Problems in the content are
// added to diags; the returned error is for failures of the file system
// itself. Files that fail to decode are left out of the Edition.
//
// It reuses, from cache, the files decoded by an earlier load that have
// not changed since (see Cache); a nil cache reads every file. The
// edition is the same either way.
func LoadCached(fsys fs.FS, root string, cache *Cache, diags *diag.List) (*Edition, error) {
	ed := &Edition{Root: root, Failed: map[subject.Subject]bool{}}
	steps := []func(*loader, *Edition) error{
		(*loader).site, (*loader).documents, (*loader).persons, (*loader).sections,
		(*loader).conflicts, (*loader).packets, (*loader).works, (*loader).events,
		(*loader).archives, (*loader).terms, (*loader).redirects, (*loader).pages,
	}
	// The steps fill distinct fields of ed and run at once: a registry
	// read on one goroutine (events.yaml is large) keeps a core busy
	// while the pages' workers wait for their last files. Each reports
	// into a list and a failure set of its own, added in the order of the
	// steps, so the outcome is that of running them one after another.
	type outcome struct {
		diags  diag.List
		failed map[subject.Subject]bool
		err    error
	}
	out := make([]outcome, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		o := &out[i]
		o.failed = map[subject.Subject]bool{}
		l := &loader{fsys: fsys, root: root, diags: &o.diags, cache: cache, failed: o.failed}
		wg.Go(func() { o.err = step(l, ed) })
	}
	wg.Wait()
	for i := range out {
		if out[i].err != nil {
			return nil, out[i].err
		}
		diags.Append(&out[i].diags)
		maps.Copy(ed.Failed, out[i].failed)
	}
	validate(ed, diags)
	return ed, nil
}

type loader struct {
	cache  *Cache // nil: read everything
	fsys   fs.FS
	root   string // shown in positions, e.g. "content"
	diags  *diag.List
	failed map[subject.Subject]bool // Edition.Failed
}

// ValidID reports whether id can name a page: lowercase ASCII letters and
// digits in words joined by single hyphens, so it is safe in any URL and
// file system. It matches ^[a-z0-9]+(?:-[a-z0-9]+)*$, checked by hand
// because every file name is checked.
func ValidID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := range len(id) {
		switch c := id[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// files lists dir/*.md (or another extension), sorted, refusing symbolic
// links and anything that is not a regular file. kind is the reference
// kind of the files, for Edition.Failed.
func (l *loader) files(dir, ext string, kind subject.Kind) ([]string, error) {
	if info, err := fs.Lstat(l.fsys, dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		l.diags.Errorf(l.filePos(dir), "symbolic links are not allowed in content; copy the folder into %s instead", l.show("."))
		l.fail(kind, AllOfKind)
		return nil, nil
	}
	entries, err := fs.ReadDir(l.fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", l.show(dir), err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
			continue
		}
		p := path.Join(dir, name)
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			l.diags.Errorf(l.filePos(p), "symbolic links are not allowed in content; copy the file into %s instead", l.show(dir))
		case e.IsDir():
			l.diags.Errorf(l.filePos(p), "unexpected folder; %s holds only %s files", l.show(dir), ext)
		case path.Ext(name) != ext:
			l.diags.Errorf(l.filePos(p), "unexpected file; %s holds only %s files", l.show(dir), ext)
		default:
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out, nil
}

func (l *loader) show(p string) string { return path.Join(l.root, p) }

// filePos is the position of a problem with a whole file: its first line,
// so that every message reads path:line:col and editors can jump to it.
func (l *loader) filePos(p string) diag.Position {
	return diag.Position{File: l.show(p), Line: 1, Col: 1}
}

// AllOfKind is the id in Edition.Failed of every entry of a kind, when
// their whole file could not be decoded.
const AllOfKind = "*"

// fail records that kind:id exists but could not be used.
func (l *loader) fail(kind subject.Kind, id string) {
	if kind != subject.None {
		l.failed[subject.Of(kind, id)] = true
	}
}

// read returns a file's text with a byte order mark removed and CRLF (or
// CR) line endings made LF, or ok=false after reporting why it cannot be
// used. The text is returned as bytes, which the YAML parser reads, so
// that only Markdown files are copied into a string.
func (l *loader) read(p string) (text []byte, ok bool, err error) {
	info, err := fs.Lstat(l.fsys, p)
	if err != nil {
		return nil, false, fmt.Errorf("reading %s: %w", l.show(p), err)
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		l.diags.Errorf(l.filePos(p), "symbolic links are not allowed in content; copy the file into %s instead", l.show(path.Dir(p)))
		return nil, false, nil
	}
	return l.readListed(p)
}

// readListed is read for a file that a listing of its folder (files)
// showed to be a regular file, not a symbolic link: it opens the file
// once, takes its size from the open file and reads it into a buffer of
// that size, instead of looking the path up three times (lstat, open,
// stat) and reading until a second read finds the end, as read would.
func (l *loader) readListed(p string) (text []byte, ok bool, err error) {
	b, size, err := readSized(l.fsys, p)
	if err != nil {
		return nil, false, fmt.Errorf("reading %s: %w", l.show(p), err)
	}
	file := l.filePos(p)
	if size > MaxFileSize {
		l.diags.Errorf(file, "file is too large (%.1f MB; content files may be at most %d MB)", float64(size)/(1<<20), MaxFileSize>>20)
		return nil, false, nil
	}
	b = normalizeNewlines(bytes.TrimPrefix(b, []byte("\uFEFF")))
	if i := invalidUTF8(b); i >= 0 {
		line := bytes.Count(b[:i], []byte("\n")) + 1
		col := utf8.RuneCount(b[bytes.LastIndexByte(b[:i], '\n')+1:i]) + 1
		l.diags.Errorf(diag.Position{File: file.File, Line: line, Col: col}, "file is not valid UTF-8 (byte 0x%02x); save it as UTF-8", b[i])
		return nil, false, nil
	}
	if len(bytes.TrimSpace(b)) == 0 {
		l.diags.Errorf(file, "file is empty")
		return nil, false, nil
	}
	return b, true, nil
}

// readSized reads the file p of fsys, unless it is larger than
// MaxFileSize; size is the size the open file reports. It reads that
// many bytes and does not read on to find the end, which a file of that
// size has; a file reporting no size (as some file systems do) is read
// to its end.
func readSized(fsys fs.FS, p string) (b []byte, size int64, err error) {
	if r, ok := fsys.(sizedReader); ok {
		return r.readSized(p)
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	switch size = info.Size(); {
	case size > MaxFileSize:
		return nil, size, nil
	case size == 0:
		b, err = io.ReadAll(io.LimitReader(f, MaxFileSize+1))
		return b, int64(len(b)), err
	}
	b = make([]byte, size)
	n, err := io.ReadFull(f, b)
	if err == io.ErrUnexpectedEOF {
		err = nil // shorter than its size said: changed while read
	}
	return b[:n], size, err
}

// normalizeNewlines makes CRLF and lone CR line endings LF, as
// replacing every CRLF and then every CR would, but in place (b is the
// caller's own copy of the file) and without a pass when there is no CR.
// A lone CR ends a line for YAML and Markdown too.
func normalizeNewlines(b []byte) []byte {
	i := bytes.IndexByte(b, '\r')
	if i < 0 {
		return b
	}
	out := b[:i]
	for ; i < len(b); i++ {
		c := b[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		}
		out = append(out, c)
	}
	return out
}

// invalidUTF8 returns the offset of the first byte of b that is not
// valid UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1 // the usual case, checked much faster
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// SplitFrontMatter separates "---\nYAML\n---\nBody"; the YAML may be
// empty. line is the line of the file where the body starts. Both parts
// share text's memory. It is the one rule for where front matter ends:
// the loader and the source view both use it.
func SplitFrontMatter(text string) (front, body string, line int, ok bool) {
	if !strings.HasPrefix(text, "---\n") {
		return "", "", 0, false
	}
	for off := len("---\n"); ; {
		line, next := text[off:], len(text)
		if nl := strings.IndexByte(line, '\n'); nl >= 0 {
			line, next = line[:nl], off+nl+1
		}
		if line == "---" {
			return text[len("---\n"):off], text[next:], strings.Count(text[:next], "\n") + 1, true
		}
		if next == len(text) {
			return "", "", 0, false
		}
		off = next
	}
}

// page decodes one Markdown file with front matter into v, whose type must
// be a pointer to a struct; it returns the body and whether it succeeded.
func (l *loader) page(p string, v any) (Body, bool, error) {
	b, ok, err := l.readListed(p)
	if err != nil || !ok {
		return Body{}, false, err
	}
	// b is this call's own buffer and nothing writes to it from here on,
	// so the text can share its memory rather than copy the file.
	text := unsafe.String(unsafe.SliceData(b), len(b))
	file := l.show(p)
	front, body, line, ok := SplitFrontMatter(text)
	if !ok {
		l.diags.Errorf(diag.Position{File: file, Line: 1, Col: 1}, "missing front matter: the file must start with a line \"---\", then YAML, then a closing \"---\" line")
		return Body{}, false, nil
	}
	src := yamlx.Source{File: file, Line: 2}
	// front is text[len("---\n"):][:len(front)], and b holds the same
	// bytes: the parser reads them there rather than from a new copy.
	node := yamlx.Parse(b[len("---\n"):len("---\n")+len(front)], src, l.diags)
	if node == nil {
		return Body{}, false, nil
	}
	ok = l.decode(node, v, src)
	return Body{Src: body, Line: line, File: file, Raw: text}, ok, nil
}

// decode decodes node into v, whose type must be a pointer, and reports
// whether that added no error to l.diags. Errors are counted as
// diag.List counts them, so an exact repeat of an error reported before
// adds none. Counting sorts the whole list, so it is done only when
// decoding found a problem.
func (l *loader) decode(node *yaml.Node, v any, src yamlx.Source) bool {
	var own diag.List
	yamlx.Decode(node, v, src, &own)
	if !own.HasErrors(false) {
		l.diags.Append(&own)
		return true
	}
	before := l.diagsCount()
	l.diags.Append(&own)
	return l.diagsCount() == before
}

func (l *loader) diagsCount() int { e, _ := l.diags.Count(); return e }

// checkID reports an id that cannot name a page.
func (l *loader) checkID(id string, pos diag.Position) bool {
	if ValidID(id) {
		return true
	}
	example := ""
	if s := slug.Make(id); s != "" {
		example = fmt.Sprintf(" (e.g. %q)", s)
	}
	l.diags.Errorf(pos, "id %q is not URL-safe: use lowercase letters, digits and single hyphens%s", id, example)
	return false
}

// yamlMap decodes a file holding a mapping of key to entry; each key is
// checked by validKey and each entry decoded into a new T and passed to
// add. kind is the reference kind of the entries, for Edition.Failed.
//
// With a Cache, a file the cache holds is not read again: its entries,
// failures and diagnostics are those of the load that decoded it.
func yamlMap[T any](l *loader, p string, kind subject.Kind, validKey func(string, diag.Position) bool, add func(id string, v *T)) error {
	c, ok := l.cache.get(p)
	if !ok {
		r := &registry[T]{}
		own := *l
		own.diags, own.failed = &r.diags, map[subject.Subject]bool{}
		err := decodeMap(&own, p, kind, validKey, func(id string, v *T) {
			r.ids, r.entries = append(r.ids, id), append(r.entries, v)
		})
		if err != nil {
			return err
		}
		for f := range own.failed {
			r.failed = append(r.failed, f)
		}
		c = decodedFile{result: r, diags: r.diags}
		l.cache.put(p, c)
	}
	r := c.result.(*registry[T])
	l.diags.Append(&c.diags)
	for _, f := range r.failed {
		l.failed[f] = true
	}
	for i, id := range r.ids {
		add(id, r.entries[i])
	}
	return nil
}

// registry is what decoding a registry file gave.
type registry[T any] struct {
	ids     []string
	entries []*T
	failed  []subject.Subject // Edition.Failed marks
	diags   diag.List
}

// decodeMap decodes the registry file p for yamlMap.
func decodeMap[T any](l *loader, p string, kind subject.Kind, validKey func(string, diag.Position) bool, add func(id string, v *T)) error {
	text, ok, err := l.read(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil || !ok {
		l.fail(kind, AllOfKind)
		return err
	}
	src := yamlx.Source{File: l.show(p), Line: 1}
	node := yamlx.Parse(text, src, l.diags)
	if node == nil {
		l.fail(kind, AllOfKind)
		return nil
	}
	if node.Kind == yaml.ScalarNode && node.Tag == "!!null" {
		return nil // only comments or "---": no entries
	}
	if node.Kind != yaml.MappingNode {
		l.diags.Errorf(src.Pos(node), "want a mapping of id: entry")
		l.fail(kind, AllOfKind)
		return nil
	}
	seen := make(map[string]int, len(node.Content)/2)
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, val := node.Content[i], node.Content[i+1]
		pos := src.Pos(k)
		if line, dup := seen[k.Value]; dup {
			l.diags.Errorf(pos, "duplicate id %q (first defined on line %d)", k.Value, line)
			continue
		}
		seen[k.Value] = pos.Line
		if !validKey(k.Value, pos) {
			continue
		}
		v := new(T)
		entry := src
		entry.Top = "entry " + strconv.Quote(k.Value) // as %q would
		if !l.decode(val, v, entry) {
			l.fail(kind, k.Value)
			continue
		}
		add(k.Value, v)
	}
	return nil
}

// ReloadBody reads the document file p of fsys again, for a rebuild after
// an edit. If its front matter is byte for byte the one old was read with,
// it returns the new body, as LoadCached would have read it; ok is false when
// the front matter changed or the file cannot be used as it is, and the
// edition must be loaded anew (which also reports why).
func ReloadBody(fsys fs.FS, root, p string, old Body) (body Body, ok bool) {
	var diags diag.List
	l := loader{fsys: fsys, root: root, diags: &diags}
	b, ok, err := l.read(p)
	if err != nil || !ok || l.show(p) != old.File {
		return Body{}, false
	}
	text := string(b)
	front, src, line, ok := SplitFrontMatter(text)
	oldFront, _, _, oldOK := SplitFrontMatter(old.Raw)
	if !ok || !oldOK || front != oldFront {
		return Body{}, false
	}
	return Body{Src: src, Line: line, File: old.File, Raw: text}, true
}
