// Package content reads the edition's source folder, content/, into typed
// records and checks them. Its Go types are the schema: the struct tags
// name each key (yaml), say what it holds (doc) and give an example, and
// package schemadoc turns them into the reference in CONTRIBUTING.md.
//
// The folder holds:
//
//	site.yaml                  the edition's configuration (Site)
//	documents/ID.md            one primary source each (Document)
//	persons/ID.md              one person each (Person)
//	essay/ID.md                the article's sections and their notes (Section, Note)
//	conflicts/ID.md            where sources disagree (Conflict)
//	pages/ID.md                free pages such as the editorial method
//	packets/ID.yaml            reading packets for teaching (Packet)
//	bibliography.yaml          the works the notes cite, by id (Work)
//	events.yaml, archives.yaml, glossary.yaml, redirects.yaml
//
// A Markdown file starts with front matter between two "---" lines
// (SplitFrontMatter); the body keeps the front matter's lines as blank
// lines, so that every offset in it is a position in the file. Ids are
// file names or map keys. LoadCached decodes everything strictly
// (unknown keys, wrong types and missing required keys are errors),
// resolves references between records and reports every problem as a
// positioned diagnostic in a diag.List rather than stopping at the
// first: a build or a -check prints them all, sorted, as path:line:col.
// LoadCached returns an error only when the folder itself cannot be
// read.
//
// Facts of the article live in the keys that say so (archive, quotations,
// translations, as_printed); editorial text is marked as such, and facts
// from outside the article carry their source (public_texts,
// archival_copies, transmission, summary, disagreements).
package content
