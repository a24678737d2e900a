package pipeline

import (
	"fmt"
	"hash/maphash"
	"io/fs"
	"strconv"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/parallel"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/search"
	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/subject"
)

// pages makes the pages of views, in order, and returns their citations.
// If index is set (a build that makes every page once), each document's
// search item is made with its pages and added to index, and the
// documents' rendered Markdown, which no later page reads, is dropped as
// their pages are made, a batch at a time (see releaseDocuments): at
// 10,000 documents it is the largest part of what a build holds.
func (e *emitter) pages(views []render.View, tpl *render.Templates, index *search.Indexer) (*render.Citations, error) {
	st := e.res.Site
	keys := viewKeys(views)
	e.forget, e.tpl = tpl.ForgetPagePartials, tpl
	built := make([][]*render.Page, len(views)) // views made, until done
	items := make([]*search.Item, len(views))   // documents' items, until added
	cites := &render.Citations{}
	group := func(i int) ([]output.File, []*render.Page, error) {
		built[i] = views[i].Make()
		if subj := views[i].Subject; subj.Kind == subject.Document && index != nil {
			it := search.ItemOfDocument(st, st.Docs[subj.ID])
			items[i] = &it
		}
		if len(built[i]) >= manyPages {
			return nil, built[i], nil // rendered as emitted (see emit)
		}
		files, err := renderPages(tpl, built[i])
		return files, nil, err
	}
	done := func(i int) {
		for _, p := range built[i] {
			cites.Add(p)
		}
		if e.views != nil {
			e.views[keys[i]] = pagePaths(built[i], e.cites)
		}
		if items[i] != nil {
			index.Add(*items[i])
		}
		built[i], items[i] = nil, nil
	}
	if index == nil {
		return cites, e.emit(len(views), group, done)
	}
	// The documents' views are made a batch at a time; between batches,
	// with no page being made, the rendered Markdown of the batch's
	// documents is dropped. Then the other views are made.
	end := len(views)
	for end > 0 && views[end-1].Subject.Kind != subject.Document {
		end--
	}
	for start := 0; start < end; start += releaseEvery {
		size := min(releaseEvery, end-start)
		err := e.emit(size, func(i int) ([]output.File, []*render.Page, error) { return group(start + i) }, func(i int) { done(start + i) })
		if err != nil {
			return nil, err
		}
		releaseDocuments(st, views[start:start+size])
	}
	return cites, e.emit(len(views)-end, func(i int) ([]output.File, []*render.Page, error) { return group(end + i) }, func(i int) { done(end + i) })
}

// renderPages executes pages of one view, in order. Many pages (of the
// documents' indexes, the timelines, a person's years) are executed on
// every core: made in one piece, they would hold one core while the
// views after them, made ahead up to the limit, wait for them.
func renderPages(tpl *render.Templates, pages []*render.Page) ([]output.File, error) {
	files := make([]output.File, len(pages))
	errs := make([]error, len(pages))
	one := func(_, j int) { files[j], errs[j] = render.RenderPage(tpl, pages[j]) }
	if len(pages) < manyPages {
		for j := range pages {
			one(0, j)
		}
	} else {
		parallel.For(len(pages), one)
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// manyPages is how many pages a view must have to be executed on every
// core: a document's two pages are not worth the hand-over.
const manyPages = 8

// releaseEvery is how many views are made between two releases of the
// documents' rendered Markdown: each release waits for the pages being
// made, so a batch is large enough for that wait to cost nothing. Tests
// make it small.
var releaseEvery = 1024

// releaseDocuments drops from st the rendered Markdown of the headnotes
// and editorial notes of the documents of views, which only their own
// pages and their search items show, except for documents a packet
// prints. No page may be being made.
func releaseDocuments(st *site.Site, views []render.View) {
	for _, v := range views {
		d := st.Docs[v.Subject.ID]
		if v.Subject.Kind != subject.Document || d == nil || inPacket(st, d.ID) {
			continue
		}
		delete(st.HTML, "doc/"+d.ID)
		for i := range d.EditorialNotes {
			delete(st.HTML, "doc-ed/"+d.ID+"/"+strconv.Itoa(i))
		}
	}
}

// finishIndex returns the maker of the search index of st whose
// documents' items were added to x: it adds the items of the other
// subjects and lays the index out.
func finishIndex(st *site.Site, x *search.Indexer) func() ([]output.File, error) {
	return func() ([]output.File, error) {
		if x.Len() != len(st.DocsByDate) {
			return nil, fmt.Errorf("search index: %d documents indexed of %d", x.Len(), len(st.DocsByDate))
		}
		order, items := search.ItemsOf(st, func(subj subject.Subject) bool { return subj.Kind != subject.Document })
		rest := make([]search.Item, 0, max(len(order)-x.Len(), 0))
		for i := x.Len(); i < len(order); i++ {
			it, ok := items[i]
			if !ok {
				return nil, fmt.Errorf("search index: no item for %s", order[i])
			}
			rest = append(rest, it)
		}
		x.AddAll(rest)
		built, err := x.Build()
		if err != nil {
			return nil, fmt.Errorf("search index: %w", err)
		}
		return built.Files, nil
	}
}

// loadedTexts tells whether a document's text read again is the one
// the site was built from: site.BuildOnce drops the texts (about 50 MB
// at 10,000 documents, a fourth of the largest live heap), and each
// source page reads its file again.
type loadedTexts struct {
	seed maphash.Seed
	sums map[*content.Document]textSum
}

// sumTexts records the texts of the documents of ed, before the site
// graph drops them.
func sumTexts(ed *content.Edition) *loadedTexts {
	t := &loadedTexts{seed: maphash.MakeSeed(), sums: make(map[*content.Document]textSum, len(ed.Documents))}
	for _, d := range ed.Documents {
		t.sums[d] = sumOf(t.seed, d.Body.Raw)
	}
	return t
}

// reader returns the reader of render.Options.ReadSource for a site
// whose texts were dropped: it reads each text again from fsys, the
// content folder, when its source page is made, and refuses a text that
// is not the one loaded.
func (t *loadedTexts) reader(fsys fs.FS) func(d *content.Document) (string, error) {
	return func(d *content.Document) (string, error) {
		want, ok := t.sums[d]
		if !ok {
			return "", fmt.Errorf("%s: no text was loaded for its source page", d.File)
		}
		text, err := content.ReadText(fsys, "documents/"+d.ID+".md")
		if err != nil {
			return "", fmt.Errorf("reading the source of %s again: %w", d.File, err)
		}
		if sumOf(t.seed, text) != want {
			return "", fmt.Errorf("%s changed while the site was being built; build again", d.File)
		}
		return text, nil
	}
}

// textSum tells whether a text read again is the one loaded.
type textSum struct {
	size int
	hash uint64
}

func sumOf(seed maphash.Seed, text string) textSum {
	return textSum{size: len(text), hash: maphash.String(seed, text)}
}
