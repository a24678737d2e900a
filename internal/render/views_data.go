package render

import "strings"

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

// Table is what the data page says of one open-data table: its name,
// the paths of its files, its columns and how many rows it has.
type Table struct {
	Name      string
	JSON, CSV string   // paths of the table's files
	Columns   []Column // in the order of the files
	Rows      int
}

// Column is a column of a Table and what it holds.
type Column struct {
	Name, Meaning string
}

func (b *builder) data() *Page {
	v := &DataView{}
	if b.opts.Archive {
		v.Archive = URL(ArchivePath)
	}
	var tables []Table
	if b.opts.Tables != nil {
		tables = b.opts.Tables()
	}
	for _, t := range tables {
		var cols []string
		for _, c := range t.Columns {
			cols = append(cols, c.Name+" ("+c.Meaning+")")
		}
		v.Tables = append(v.Tables, TableView{Name: t.Name, Rows: t.Rows,
			JSON: URL(t.JSON), CSV: URL(t.CSV), Columns: strings.Join(cols, "; ")})
	}
	p := b.page("data", "data/index.html", "Open data", "more")
	p.Description = "The edition's metadata as JSON and CSV, and the whole site as one archive."
	p.Crumbs = []Link{{URL: URL(MorePath), Text: "All sections"}}
	p.Data = v
	return p
}

// ArchivePath is where the offline archive of the whole site is written.
const ArchivePath = "edition.zip"
