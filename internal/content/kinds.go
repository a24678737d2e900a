package content

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/subject"
	"github.com/korean-war-sources/edition/internal/yamlx"

	"github.com/korean-war-sources/edition/internal/parallel"
)

func (l *loader) site(ed *Edition) error {
	const p = "site.yaml"
	text, ok, err := l.read(p)
	if errors.Is(err, fs.ErrNotExist) {
		l.diags.Errorf(l.filePos(p), "missing site configuration")
		return nil
	}
	if err != nil || !ok {
		return err
	}
	src := yamlx.Source{File: l.show(p), Line: 1, Top: p}
	if node := yamlx.Parse(text, src, l.diags); node != nil {
		yamlx.Decode(node, &ed.Site, src, l.diags)
	}
	return nil
}

// pages loads every dir/*.md into a new T and hands it to add; kind is
// the reference kind of its pages, for Edition.Failed. The files are read
// and decoded in parallel; add, Edition.Failed and the diagnostics see
// them in file order, so a build is the same whatever the scheduling.
func pages[T any](l *loader, dir string, kind subject.Kind, add func(id, file string, pos diag.Position, body Body, v *T)) error {
	files, err := l.files(dir, ".md", kind)
	if err != nil {
		return err
	}
	type decoded struct {
		id, file string
		pos      diag.Position
		body     Body
		v        *T
		valid    bool // the id names a page
		ok       bool // the file decoded without errors
	}
	results, err := decodeAll(l, files, func(l *loader, p string) (decoded, error) {
		d := decoded{id: strings.TrimSuffix(path.Base(p), ".md"), file: l.show(p)}
		d.pos = diag.Position{File: d.file, Line: 1, Col: 1}
		if d.valid = l.checkID(d.id, d.pos); !d.valid {
			return d, nil
		}
		d.v = new(T)
		var err error
		d.body, d.ok, err = l.page(p, d.v)
		return d, err
	})
	if err != nil {
		return err
	}
	for _, d := range results {
		switch {
		case !d.valid:
		case !d.ok:
			l.fail(kind, d.id)
		default:
			add(d.id, d.file, d.pos, d.body, d.v)
		}
	}
	return nil
}

// decodeAll runs decode on every file on GOMAXPROCS workers, each with a
// copy of l that reports into a list of its own, and returns the results
// in the order of files with their diagnostics added to l's in that
// order. decode must not touch l.failed. The first error (in file order)
// is returned, as a serial loop would return it.
//
// With a Cache, a file the cache holds is not read again: its result and
// diagnostics are those of the load that decoded it.
func decodeAll[R any](l *loader, files []string, decode func(l *loader, p string) (R, error)) ([]R, error) {
	results := make([]R, len(files))
	errs := make([]error, len(files))
	diags := make([]diag.List, len(files))
	parallel.For(len(files), func(_, i int) {
		if c, ok := l.cache.get(files[i]); ok {
			results[i], diags[i] = c.result.(R), c.diags
			return
		}
		own := *l
		own.diags, own.failed = &diags[i], nil
		results[i], errs[i] = decode(&own, files[i])
		if errs[i] == nil {
			l.cache.put(files[i], decodedFile{results[i], diags[i]})
		}
	})
	for i := range files {
		if errs[i] != nil {
			return nil, errs[i]
		}
		l.diags.Append(&diags[i])
	}
	return results, nil
}

func (l *loader) documents(ed *Edition) error {
	return pages(l, "documents", subject.Document, func(id, file string, pos diag.Position, body Body, d *Document) {
		d.ID, d.File, d.Pos, d.Body = id, file, pos, body
		ed.Documents = append(ed.Documents, d)
	})
}

func (l *loader) persons(ed *Edition) error {
	return pages(l, "persons", subject.Person, func(id, file string, pos diag.Position, body Body, p *Person) {
		p.ID, p.File, p.Pos, p.Body = id, file, pos, body
		ed.Persons = append(ed.Persons, p)
	})
}

func (l *loader) sections(ed *Edition) error {
	return pages(l, "essay", subject.Section, func(id, file string, pos diag.Position, body Body, s *Section) {
		s.ID, s.File, s.Pos, s.Body = id, file, pos, body
		ed.Sections = append(ed.Sections, s)
	})
}

func (l *loader) conflicts(ed *Edition) error {
	return pages(l, "conflicts", subject.Conflict, func(id, file string, pos diag.Position, body Body, c *Conflict) {
		c.ID, c.File, c.Pos, c.Body = id, file, pos, body
		ed.Conflicts = append(ed.Conflicts, c)
	})
}

func (l *loader) pages(ed *Edition) error {
	return pages(l, "pages", subject.Page, func(id, file string, pos diag.Position, body Body, p *Page) {
		p.ID, p.File, p.Pos, p.Body = id, file, pos, body
		ed.Pages = append(ed.Pages, p)
	})
}

func (l *loader) packets(ed *Edition) error {
	files, err := l.files("packets", ".yaml", subject.Packet)
	if err != nil {
		return err
	}
	type decoded struct {
		id string
		pk *Packet // nil if the id names no page
		ok bool    // the file decoded without errors
	}
	results, err := decodeAll(l, files, func(l *loader, p string) (decoded, error) {
		d := decoded{id: strings.TrimSuffix(path.Base(p), ".yaml")}
		pos := diag.Position{File: l.show(p), Line: 1, Col: 1}
		if !l.checkID(d.id, pos) {
			return d, nil
		}
		d.pk = &Packet{ID: d.id, File: l.show(p), Pos: pos}
		text, ok, err := l.readListed(p)
		if err != nil || !ok {
			return d, err
		}
		src := yamlx.Source{File: l.show(p), Line: 1, Top: "the packet"}
		node := yamlx.Parse(text, src, l.diags)
		if node == nil {
			return d, nil
		}
		d.ok = l.decode(node, d.pk, src)
		return d, nil
	})
	if err != nil {
		return err
	}
	for _, d := range results {
		switch {
		case d.pk == nil:
		case !d.ok:
			l.fail(subject.Packet, d.id)
		default:
			ed.Packets = append(ed.Packets, d.pk)
		}
	}
	return nil
}

func (l *loader) works(ed *Edition) error {
	return yamlMap(l, "bibliography.yaml", subject.Work, l.checkID, func(id string, w *Work) {
		w.ID = id
		ed.Works = append(ed.Works, w)
	})
}

func (l *loader) events(ed *Edition) error {
	return yamlMap(l, "events.yaml", subject.Event, l.checkID, func(id string, e *Event) {
		e.ID = id
		ed.Events = append(ed.Events, e)
	})
}

func (l *loader) archives(ed *Edition) error {
	return yamlMap(l, "archives.yaml", subject.Archive, l.checkAbbreviation, func(id string, a *Archive) {
		a.ID = id
		ed.Archives = append(ed.Archives, a)
	})
}

func (l *loader) terms(ed *Edition) error {
	return yamlMap(l, "glossary.yaml", subject.Term, l.checkID, func(id string, t *Term) {
		t.ID = id
		ed.Terms = append(ed.Terms, t)
	})
}

func (l *loader) redirects(ed *Edition) error {
	type entry struct {
		To Target `yaml:"to" required:"true" doc:"Where the old path now points, e.g. doc:NEW-ID."`
	}
	return yamlMap(l, "redirects.yaml", subject.None, l.checkOldPath, func(from string, e *entry) {
		ed.Redirects = append(ed.Redirects, Redirect{From: from, To: e.To})
	})
}

// checkOldPath accepts a redirect source: a relative page path such as
// documents/old-id.html, never one that climbs out of the site.
func (l *loader) checkOldPath(p string, pos diag.Position) bool {
	if p == "" || path.IsAbs(p) || strings.Contains(p, "..") || path.Clean(p) != p || !strings.HasSuffix(p, ".html") {
		l.diags.Errorf(pos, "redirect source %q must be a page path inside the site such as documents/old-id.html", p)
		return false
	}
	return true
}

var abbreviation = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)

// checkAbbreviation accepts an archive id, which is its abbreviation as
// printed (APRF): it names no page, so capitals are allowed.
func (l *loader) checkAbbreviation(id string, pos diag.Position) bool {
	if abbreviation.MatchString(id) {
		return true
	}
	l.diags.Errorf(pos, "archive id %q must be an abbreviation of letters and digits, such as APRF", id)
	return false
}
