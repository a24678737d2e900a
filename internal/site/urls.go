package site

import (
	"strconv"
	"strings"
)

// Page paths are relative to the site root, and every link is written
// relative to the page that holds it, so the same output works under any
// sub-path of a host and opened straight from disk. Pages are files
// ending in .html (not folders with index.html), because a browser
// reading from disk does not open index.html for a folder.

func DocumentPath(id string) string { return "documents/" + id + ".html" }
func PersonPath(id string) string   { return "persons/" + id + ".html" }
func SectionPath(id string) string  { return "essay/" + id + ".html" }
func NotePath(n int) string         { return "notes/" + strconv.Itoa(n) + ".html" }
func ConflictPath(id string) string { return "conflicts/" + id + ".html" }
func PacketPath(id string) string   { return "packets/" + id + ".html" }
func PacketPrintPath(id string) string {
	return "packets/" + id + "-print.html"
}
func WorkURL(id string) string { return "bibliography.html#work-" + id }
func TermURL(id string) string { return "glossary.html#term-" + id }

// NoteAnchor is the id of a note in its section page.
func NoteAnchor(n int) string { return "note-" + strconv.Itoa(n) }

// Root returns the relative path from the page at from to the site root,
// "" or "../" or "../../".
func Root(from string) string {
	return strings.Repeat("../", strings.Count(from, "/"))
}
