package render

import (
	"strings"

	"github.com/korean-war-sources/edition/internal/export"
)

// DataView is the open-data page.
type DataView struct {
	Tables  []TableView
	Archive string
}

// TableView describes one downloadable table.
type TableView struct {
	Name, JSON, CSV, Columns string
	Rows                     int
}

func (b *builder) data() *Page {
	v := &DataView{}
	if b.opts.Archive {
		v.Archive = URL(ArchivePath)
	}
	for _, t := range export.Tables(b.s) {
		var cols []string
		for _, c := range t.Columns {
			cols = append(cols, c.Name+" ("+c.Meaning+")")
		}
		v.Tables = append(v.Tables, TableView{Name: t.Name, Rows: len(t.Rows),
			JSON: URL("data/" + t.Name + ".json"), CSV: URL("data/" + t.Name + ".csv"), Columns: strings.Join(cols, "; ")})
	}
	p := b.page("data", "data/index.html", "Open data", "more")
	p.Description = "The edition's metadata as JSON and CSV, and the whole site as one archive."
	p.Crumbs = []Link{{URL: URL(MorePath), Text: "All sections"}}
	p.Data = v
	return p
}

// ArchivePath is where the offline archive of the whole site is written.
const ArchivePath = "edition.zip"
