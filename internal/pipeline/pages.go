package pipeline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/search"
	"github.com/korean-war-sources/edition/internal/site"
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
	e.forget = tpl.ForgetPartials
	built := make([][]*render.Page, len(views)) // views made, until done
	items := make([]*search.Item, len(views))   // documents' items, until added
	cites := &render.Citations{}
	group := func(i int) ([]output.File, error) {
		built[i] = views[i].Make()
		files := make([]output.File, len(built[i]))
		for j, p := range built[i] {
			f, err := render.RenderPage(tpl, p)
			if err != nil {
				return nil, err
			}
			files[j] = f
		}
		if id, ok := strings.CutPrefix(views[i].Subject, "doc:"); ok && index != nil {
			it := search.ItemOfDocument(st, st.Docs[id])
			items[i] = &it
		}
		return files, nil
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
	for end > 0 && !strings.HasPrefix(views[end-1].Subject, "doc:") {
		end--
	}
	for start := 0; start < end; start += releaseEvery {
		size := min(releaseEvery, end-start)
		err := e.emit(size, func(i int) ([]output.File, error) { return group(start + i) }, func(i int) { done(start + i) })
		if err != nil {
			return nil, err
		}
		releaseDocuments(st, views[start:start+size])
	}
	return cites, e.emit(len(views)-end, func(i int) ([]output.File, error) { return group(end + i) }, func(i int) { done(end + i) })
}

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
		id, ok := strings.CutPrefix(v.Subject, "doc:")
		d := st.Docs[id]
		if !ok || d == nil || inPacket(st, d.ID) {
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
		order, items := search.ItemsOf(st, func(kind, _ string) bool { return kind != search.KindDocument })
		for i := x.Len(); i < len(order); i++ {
			it, ok := items[i]
			if !ok {
				return nil, fmt.Errorf("search index: no item for %s", order[i])
			}
			x.Add(it)
		}
		built, err := x.Build()
		if err != nil {
			return nil, fmt.Errorf("search index: %w", err)
		}
		return built.Files, nil
	}
}

// releaseSources returns the reader of render.Options.ReadSource for a
// build that makes every page once: it hands each document's file text
// to its source page and drops it from the site, which holds it for no
// other page (about 50 MB at 10,000 documents).
func releaseSources() func(d *content.Document) (string, error) {
	return func(d *content.Document) (string, error) {
		raw := d.Body.Raw
		d.Body.Raw, d.Body.Src = "", ""
		return raw, nil
	}
}
