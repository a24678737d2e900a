package site

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/markdown/xref"
	"github.com/korean-war-sources/edition/internal/subject"

	"github.com/korean-war-sources/edition/internal/parallel"
)

// A fragment is one piece of Markdown: a body, a note's text, an
// editorial note. Its key names it in Site.HTML: "doc/ID", "note/10",
// "note-comment/10", "doc-ed/ID/2" and so on.
type fragment struct {
	key   string
	src   string
	opts  markdown.Options
	owner subject.Subject // what the page the fragment belongs to is about
	note  int             // the note whose text it is, 0 for other fragments
	// at is where src is in its file: the text itself, or for a body
	// (body set), its file and first line. Kept as data rather than a
	// closure so that making the fragments of a build allocates less.
	at   content.Text
	body bool
	// text is the body src was cut from, for a body: the file text
	// BuildOnce drops once the body is rendered.
	text *content.Body
}

// result is what rendering one fragment produced. Problems keep their
// byte offsets in the source, not file positions: a cached result is
// reported at the positions of the fragment's current place in its file.
type result struct {
	html     template.HTML
	refs     []Ref
	problems []problem
}

// problem is an error found in a fragment, at a byte offset of its source.
type problem struct {
	offset int
	msg    string
}

func bodyFragment(key string, owner subject.Subject, b *content.Body, permalinks bool) fragment {
	return fragment{key: key, owner: owner, src: b.Src, opts: markdown.Options{Permalinks: permalinks},
		at: content.Text{Pos: diag.Position{File: b.File, Line: b.Line}}, body: true, text: b}
}

func textFragment(key string, owner subject.Subject, t content.Text, prefix string, verbatim bool) fragment {
	return fragment{key: key, owner: owner, src: t.Src, at: t,
		opts: markdown.Options{IDPrefix: prefix, Verbatim: verbatim}}
}

// positions returns the file position of byte offsets of the fragment,
// given in increasing order, which it
// finds scanning the source once: a fragment may report thousands of
// problems on one long line, and finding each from the start of the
// source would take time quadratic in its length.
func (f *fragment) positions() func(off int) diag.Position {
	if !f.body {
		return f.at.PosAt
	}
	c := lineCounter{src: f.src, line: 1, col: 1}
	return func(off int) diag.Position {
		line, col := c.at(off)
		return diag.Position{File: f.at.Pos.File, Line: line + f.at.Pos.Line - 1, Col: col}
	}
}

// lineCounter turns byte offsets of src into lines and rune columns,
// counting on from the previous offset when offsets increase.
type lineCounter struct {
	src            string
	off, line, col int
}

func (c *lineCounter) at(off int) (line, col int) {
	off = min(max(off, 0), len(c.src))
	if off < c.off {
		c.off, c.line, c.col = 0, 1, 1
	}
	// The count moves on to the start of the rune holding off, so that
	// it never stands inside a rune; the bytes of a rune cut at off count
	// one each, as []rune counts them.
	start := off
	for start > c.off && start < len(c.src) && !utf8.RuneStart(c.src[start]) {
		start--
	}
	seg := c.src[c.off:start]
	if nl := strings.LastIndexByte(seg, '\n'); nl >= 0 {
		c.line += strings.Count(seg, "\n")
		c.col = 1 + utf8.RuneCountInString(seg[nl+1:])
	} else {
		c.col += utf8.RuneCountInString(seg)
	}
	c.off = start
	return c.line, c.col + utf8.RuneCountInString(c.src[start:off])
}

// fragmentCount is how many fragments the edition has at most, to size
// the list. It counts the notes of the sections as written, before
// index drops repeated numbers, so that it can be called before index.
func (s *Site) fragmentCount() int {
	n := len(s.Ed.Documents) + len(s.Ed.Persons) + len(s.Ed.Sections) +
		len(s.Ed.Conflicts) + len(s.Ed.Pages) + len(s.Ed.Packets)
	for _, sec := range s.Ed.Sections {
		n += 2 * len(sec.Notes)
	}
	for _, d := range s.Ed.Documents {
		n += len(d.EditorialNotes) + len(d.PublicTexts) + 3*len(d.Disagreements) + 3
	}
	for _, w := range s.Ed.Works {
		n += len(w.EditorialNotes)
	}
	for _, e := range s.Ed.Events {
		n += len(e.EditorialNotes)
	}
	return n
}

// docFragments lists the fragments of the documents, the first and most
// of the list fragments makes, in a slice with room for the rest. It
// reads only the edition, not the indexes, so that BuildCached makes it
// while it indexes.
func (s *Site) docFragments() []fragment {
	fs := make([]fragment, 0, s.fragmentCount())
	for _, d := range s.Ed.Documents {
		owner := subject.Of(subject.Document, d.ID)
		fs = append(fs, bodyFragment("doc/"+d.ID, owner, &d.Body, true))
		for i, t := range d.EditorialNotes {
			fs = append(fs, textFragment("doc-ed/"+d.ID+"/"+strconv.Itoa(i), owner, t, "ed"+strconv.Itoa(i)+"-", false))
		}
		fs = outsideFragments(fs, d, owner)
	}
	return fs
}

// fragments appends to the documents' fragments (docFragments) those of
// everything else.
func (s *Site) fragments(fs []fragment) []fragment {
	for _, p := range s.Ed.Persons {
		fs = append(fs, bodyFragment("person/"+p.ID, subject.Of(subject.Person, p.ID), &p.Body, true))
	}
	for _, sec := range s.Ed.Sections {
		fs = append(fs, bodyFragment("section/"+sec.ID, subject.Of(subject.Section, sec.ID), &sec.Body, true))
	}
	for _, n := range s.NoteList {
		num := strconv.Itoa(n.Number)
		owner := subject.NoteOf(n.Number)
		text := textFragment("note/"+num, owner, n.Text, "n"+num+"-", true)
		text.note = n.Number
		fs = append(fs, text)
		if n.Comment.Src != "" {
			fs = append(fs, textFragment("note-comment/"+num, owner, n.Comment, "n"+num+"c-", false))
		}
	}
	for _, c := range s.Ed.Conflicts {
		fs = append(fs, bodyFragment("conflict/"+c.ID, subject.Of(subject.Conflict, c.ID), &c.Body, true))
	}
	for _, w := range s.Ed.Works {
		for i, t := range w.EditorialNotes {
			fs = append(fs, textFragment("work-ed/"+w.ID+"/"+strconv.Itoa(i), subject.Of(subject.Work, w.ID), t, "w-"+w.ID+strconv.Itoa(i)+"-", false))
		}
	}
	for _, e := range s.Ed.Events {
		for i, t := range e.EditorialNotes {
			fs = append(fs, textFragment("event-ed/"+e.ID+"/"+strconv.Itoa(i), subject.Of(subject.Event, e.ID), t, "e-"+e.ID+strconv.Itoa(i)+"-", false))
		}
	}
	for _, pg := range s.Ed.Pages {
		fs = append(fs, bodyFragment("page/"+pg.ID, subject.Of(subject.Page, pg.ID), &pg.Body, true))
	}
	for _, pk := range s.Ed.Packets {
		if pk.Introduction.Src != "" {
			fs = append(fs, textFragment("packet/"+pk.ID, subject.Of(subject.Packet, pk.ID), pk.Introduction, "", false))
		}
	}
	return fs
}

// outsideFragments adds the Markdown of the blocks from outside the
// article: remarks on public texts ("doc-pt/ID/i"), the transmission
// remark ("doc-tr/ID"), the summary ("doc-sum/ID"), disagreement
// comments ("doc-dis/ID/i") and why no text is public ("doc-why/ID").
func outsideFragments(fs []fragment, d *content.Document, owner subject.Subject) []fragment {
	add := func(key string, t content.Text, prefix string) {
		if strings.TrimSpace(t.Src) != "" {
			fs = append(fs, textFragment(key, owner, t, prefix, false))
		}
	}
	for i, t := range d.PublicTexts {
		add("doc-pt/"+d.ID+"/"+strconv.Itoa(i), t.Remark, "pt"+strconv.Itoa(i)+"-")
	}
	for i, x := range d.Disagreements {
		n := strconv.Itoa(i)
		add("doc-dis-a/"+d.ID+"/"+n, x.Article, "disa"+n+"-")
		add("doc-dis-r/"+d.ID+"/"+n, x.Record, "disr"+n+"-")
		add("doc-dis/"+d.ID+"/"+n, x.Comment, "dis"+n+"-")
	}
	add("doc-tr/"+d.ID, d.Transmission.Remark, "tr-")
	add("doc-sum/"+d.ID, d.Summary.Text, "sum-")
	add("doc-why/"+d.ID, d.FullTextSearch.Why, "why-")
	return fs
}

// renderAll renders every fragment on all cores, reusing what cache (if
// not nil) holds from earlier builds. Results are gathered by index, so
// the outcome does not depend on scheduling.
//
// docs holds the documents' fragments (see docFragments). The results
// are returned for collectHTML and collectRefs.
func (s *Site) renderAll(conv *markdown.Converter, cache *FragmentCache, docs []fragment) ([]fragment, []result) {
	frags := s.fragments(docs)
	links := s.glossaryLinks()
	glossary := markdown.NewGlossary(links)
	for i := range frags {
		if !frags[i].opts.Verbatim {
			frags[i].opts.Glossary = glossary
		}
	}
	results := make([]result, len(frags))
	ids := s.refIDs()
	var env *renderEnv
	if cache != nil {
		env = newRenderEnv(links, ids)
	}
	s.render = renderState{conv: conv, cache: cache, env: env, ids: ids, glossary: glossary}
	if !s.once {
		s.render.refs = make(map[string][]Ref, len(frags))
		s.render.owners = make(map[string]subject.Subject, len(frags))
	}
	forChunks(len(frags), func(i int) {
		if cache == nil {
			results[i], _ = s.renderOne(conv, frags[i], ids, nil)
			if s.once {
				dropText(&frags[i], &results[i])
			}
			return
		}
		r, ok := cache.lookup(s, env, frags[i])
		if !ok {
			var deps []dep
			r, deps = s.renderOne(conv, frags[i], ids, env)
			cache.store(env, frags[i], deps, r)
		}
		results[i] = r
	})
	return frags, results
}

// dropText drops the file text of the body f, which r is the rendering
// of, unless r has problems: reporting them reads the text (see
// fragment.positions). Nothing else in the graph, nor any page, reads
// it but a document's source page (see BuildOnce).
func dropText(f *fragment, r *result) {
	if f.text == nil || len(r.problems) > 0 {
		return
	}
	f.src, f.text.Src, f.text.Raw = "", "", ""
}

// collectHTML records the HTML of frags and reports their problems, in
// order. It writes only Site.HTML, so that it can run with collectRefs.
func (s *Site) collectHTML(frags []fragment, results []result, diags *diag.List) {
	s.HTML = make(map[string]template.HTML, len(frags))
	for i := range frags {
		f, r := &frags[i], &results[i]
		s.HTML[f.key] = r.html
		if len(r.problems) > 0 {
			at := f.positions()
			for _, p := range r.problems {
				diags.Errorf(at(p.offset), "%s", p.msg)
			}
		}
	}
}

// collectRefs records the references found in frags, in order.
func (s *Site) collectRefs(frags []fragment, results []result) {
	s.NoteRefs = make(map[int][]Ref, len(s.NoteList))
	s.fragRefs = make(map[subject.Subject][]Ref, len(frags))
	for i := range frags {
		f, r := &frags[i], &results[i]
		s.fragRefs[f.owner] = append(s.fragRefs[f.owner], r.refs...)
		if !s.once {
			s.render.refs[f.key] = r.refs
			s.render.owners[f.key] = f.owner
		}
		if f.note != 0 {
			s.NoteRefs[f.note] = slices.Clip(r.refs) // shared with the cache: appends must copy
		}
	}
}

// chunk is how many fragments a worker takes at a time: a cache hit costs
// about as much as handing a worker one index, so one at a time would
// spend as long distributing the work as doing it.
const chunk = 32

// forChunks calls fn(i) for every i in [0, n) on all cores.
func forChunks(n int, fn func(i int)) {
	parallel.For((n+chunk-1)/chunk, func(_, c int) {
		for i := c * chunk; i < min(n, (c+1)*chunk); i++ {
			fn(i)
		}
	})
}

// renderState is what renderAll used, kept for ReplaceBody.
type renderState struct {
	conv     *markdown.Converter
	cache    *FragmentCache
	env      *renderEnv
	ids      map[subject.Kind][]string
	glossary *markdown.Glossary
	refs     map[string][]Ref           // by fragment key
	owners   map[string]subject.Subject // by fragment key
}

// ReplaceBody puts body in place as the new body of the document id, if
// the edit changes nothing but the document's own rendering: the new body
// renders without problems, refers to exactly what the old one referred
// to, and is empty exactly when the old one was. Then every index, check
// and reverse link of the site still holds, and only pages showing the
// body itself (the document's page, its source, the search index) need to
// be made again. Otherwise ReplaceBody changes nothing and reports false:
// the edit needs a full build, which also reports any problem.
//
// The preview calls it for the common edit of a document's prose, to
// rebuild in milliseconds instead of building the whole site.
func (s *Site) ReplaceBody(id string, body content.Body) bool {
	d := s.Docs[id]
	if d == nil || s.render.refs == nil ||
		(strings.TrimSpace(body.Src) == "") != (strings.TrimSpace(d.Body.Src) == "") {
		return false
	}
	f := bodyFragment("doc/"+id, subject.Of(subject.Document, id), &body, true)
	f.opts.Glossary = s.render.glossary
	r, deps := s.renderOne(s.render.conv, f, s.render.ids, s.render.env)
	if len(r.problems) > 0 || !slices.Equal(r.refs, s.render.refs[f.key]) {
		return false
	}
	if s.render.cache != nil {
		s.render.cache.store(s.render.env, f, deps, r)
	}
	d.Body = body
	s.HTML[f.key] = r.html
	return true
}

// glossaryLinks maps every term and variant of the glossary to its entry.
func (s *Site) glossaryLinks() map[string]string {
	links := map[string]string{}
	for _, t := range s.Ed.Terms {
		for _, v := range append([]string{t.Term}, t.Variants...) {
			links[v] = RootMarker + TermURL(t.ID)
		}
	}
	return links
}

// sortedIDs returns the ids of every kind of the edition, sorted, and
// the note numbers in order, for suggestions and the cache's signatures.
// It is computed once per build: sorting ten thousand ids is not free.
func (s *Site) sortedIDs() map[subject.Kind][]string {
	notes := make([]string, 0, len(s.NoteList))
	for _, n := range s.NoteList {
		notes = append(notes, strconv.Itoa(n.Number))
	}
	ed := s.Ed
	return map[subject.Kind][]string{
		subject.Document: sortedIDs(ed.Documents, func(d *content.Document) string { return d.ID }),
		subject.Person:   sortedIDs(ed.Persons, func(p *content.Person) string { return p.ID }),
		subject.Work:     sortedIDs(ed.Works, func(w *content.Work) string { return w.ID }),
		subject.Event:    sortedIDs(ed.Events, func(e *content.Event) string { return e.ID }),
		subject.Section:  sortedIDs(ed.Sections, func(x *content.Section) string { return x.ID }),
		subject.Conflict: sortedIDs(ed.Conflicts, func(c *content.Conflict) string { return c.ID }),
		subject.Term:     sortedIDs(ed.Terms, func(t *content.Term) string { return t.ID }),
		subject.Archive:  sortedIDs(ed.Archives, func(a *content.Archive) string { return a.ID }),
		subject.Packet:   sortedIDs(ed.Packets, func(p *content.Packet) string { return p.ID }),
		subject.Note:     notes,
	}
}

// sortedIDs returns the distinct ids of items, sorted: the keys of the
// index byID makes. The items come in file order, which is mostly id
// order, so the sort has little to do.
func sortedIDs[T any](items []*T, id func(*T) string) []string {
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = id(it)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// refIDs returns the ids of the kinds Markdown may refer to, which are
// all but archives.
func (s *Site) refIDs() map[subject.Kind][]string {
	ids := maps.Clone(s.ids)
	delete(ids, subject.Archive)
	return ids
}

// renderOne renders f. With env set it also returns every reference
// lookup the rendering made, for the cache to check later.
func (s *Site) renderOne(conv *markdown.Converter, f fragment, ids map[subject.Kind][]string, env *renderEnv) (result, []dep) {
	var r result
	res := &resolver{s: s, f: f, r: &r, ids: ids, env: env}
	opts := f.opts
	opts.Resolver = res
	opts.Problem = func(off int, msg string) { r.problems = append(r.problems, problem{off, msg}) }
	// goldmark only reads its source, so it reads the fragment's string
	// in place instead of a copy of it.
	html, err := conv.ConvertString(unsafe.Slice(unsafe.StringData(f.src), len(f.src)), opts)
	if err != nil {
		r.problems = append(r.problems, problem{0, err.Error()})
	}
	r.html = template.HTML(html) // #nosec: goldmark output with raw HTML disabled
	r.refs = res.refs
	return r, res.deps
}

// resolver resolves the references of one fragment.
type resolver struct {
	s    *Site
	f    fragment
	r    *result
	ids  map[subject.Kind][]string
	refs []Ref
	env  *renderEnv // set when lookups are recorded for the cache
	deps []dep
}

func (r *resolver) errorf(offset int, format string, args ...any) {
	r.r.problems = append(r.r.problems, problem{offset, fmt.Sprintf(format, args...)})
}

func (r *resolver) Resolve(ref xref.Reference) (xref.Target, bool) {
	written, id, offset := ref.Kind, ref.ID, ref.Offset
	base, frag, _ := strings.Cut(id, "#")
	if written == xref.LangKind {
		r.errorf(offset, "unknown language %q in [[lang:%s|…]]; use a code such as ru, zh or ko", id, id)
		return xref.Target{}, false
	}
	kind, known := subject.ParseKind(written)
	if _, referable := r.ids[kind]; !known || !referable {
		r.errorf(offset, "unknown reference kind %q in [[%s:%s]]; use one of %v%s", written, written, id, refKinds, diag.Suggest(written, refKinds))
		return xref.Target{}, false
	}
	subj := subject.Of(kind, base)
	if r.env != nil {
		r.deps = append(r.deps, r.s.lookupDep(r.env, subj))
	}
	if !r.s.Exists(subj) {
		if !r.s.failed(subj) {
			hint := ""
			if kind != subject.Note { // a note number that is close to another is no likelier a typo
				hint = diag.Suggest(base, r.ids[kind])
			}
			r.errorf(offset, "unknown %s %q in [[%s:%s]]%s", kind.Noun(), base, written, id, hint)
		}
		return xref.Target{}, false
	}
	r.refs = append(r.refs, Ref{Subject: subj, Label: ref.Label})
	href, title := r.s.Locate(subj)
	if frag != "" {
		href, _, _ = strings.Cut(href, "#")
		href += "#" + frag
	}
	return xref.Target{Href: RootMarker + href, Title: title}, true
}

func (r *resolver) Unclosed(offset int) {
	r.errorf(offset, "cross-reference is not closed: end it with \"]]\" in the same paragraph")
}

func (r *resolver) Malformed(offset int, text string) {
	r.errorf(offset, "malformed cross-reference %s: write [[kind:id]] or [[kind:id|label]], the id in lowercase letters, digits and hyphens", text)
}

// Locate returns the site path and the default title of subj, which
// must exist (see Exists).
func (s *Site) Locate(subj subject.Subject) (path, title string) {
	id := subj.ID
	switch subj.Kind {
	case subject.Document:
		return DocumentPath(id), s.Docs[id].Title
	case subject.Person:
		return PersonPath(id), s.Persons[id].Name
	case subject.Work:
		return WorkURL(id), WorkShort(s.Works[id])
	case subject.Event:
		return s.EventURL(id), s.Events[id].Title
	case subject.Section:
		return SectionPath(id), s.Sections[id].Title
	case subject.Conflict:
		return ConflictPath(id), s.Conflicts[id].Title
	case subject.Term:
		return TermURL(id), s.Terms[id].Term
	case subject.Packet:
		return PacketPath(id), s.Packets[id].Title
	case subject.Note:
		n, _ := subj.Number()
		return NotePath(n), NoteLabel(n)
	}
	return "", ""
}

// WorkShort is a work's short citation: "Goncharov, Uncertain Partners";
// a work without authors or editors (a bulletin issue) is named by its
// title alone.
func WorkShort(w *content.Work) string {
	if len(w.Authors) == 0 && len(w.Editors) == 0 {
		return w.Title
	}
	title, _, _ := strings.Cut(w.Title, ":")
	return w.Sort + ", " + strings.TrimSpace(title)
}

// ForgetEdits drops what only a rebuild after an edit reads (the
// references and owner of every fragment, for ReplaceBody and
// FragmentSubjects, and the inputs of the parts Rebuild may reuse), for
// a build that makes every page once: at 10,000 documents it is about
// 8 MB. ReplaceBody then reports false.
func (s *Site) ForgetEdits() {
	s.render.refs, s.render.owners = nil, nil
	s.parts = parts{}
}
