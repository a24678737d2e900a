// Package scaffold writes new content files with every field of the
// schema present and explained, so a contributor fills in blanks instead
// of guessing keys. Fields come from the same struct tags that drive
// decoding and the schema reference.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/schemadoc"
	"github.com/korean-war-sources/edition/internal/slug"
	"github.com/korean-war-sources/edition/internal/yamlx"
)

// kinds maps what -new accepts to the folder, extension and type.
var kinds = map[string]struct {
	dir, ext string
	typ      reflect.Type
	body     string
}{
	"document": {"documents", ".md", reflect.TypeFor[content.Document](), "Headnote in your own words: what the document is, who wrote it to whom and why, and what the article uses it to show.\n"},
	"person":   {"persons", ".md", reflect.TypeFor[content.Person](), "Biography in your own words, limited to what the edition needs.\n"},
	"packet":   {"packets", ".yaml", reflect.TypeFor[content.Packet](), ""},
}

// Kinds lists the kinds New accepts.
func Kinds() []string { return []string{"document", "packet", "person"} }

// New writes contentDir/<folder>/<id><ext> for kind and returns its path.
// It never overwrites an existing file.
func New(contentDir, kind, id string) (string, error) {
	k, ok := kinds[kind]
	if !ok {
		return "", fmt.Errorf("unknown kind %q: use one of %s", kind, strings.Join(Kinds(), ", "))
	}
	if !content.ValidID(id) {
		return "", fmt.Errorf("id %q is not URL-safe: use lowercase letters, digits and single hyphens (e.g. %q)", id, slug.Make(id))
	}
	p := filepath.Join(contentDir, k.dir, id+k.ext)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists; not overwriting it", p)
	}
	if err != nil {
		return "", err
	}
	text := Template(k.typ, k.ext == ".md", k.body)
	if _, err := f.Write(text); err != nil {
		f.Close()
		return "", err
	}
	return p, f.Close()
}

// Template renders the skeleton of a file of type t: required keys empty,
// optional keys commented out with an example, each explained.
func Template(t reflect.Type, frontMatter bool, body string) []byte {
	var b bytes.Buffer
	if frontMatter {
		b.WriteString("---\n")
	}
	b.WriteString("# Fill in the values; lines starting with # are optional and can be removed.\n")
	b.WriteString("# Run `go run ./cmd/build -check` to validate. Field reference: CONTRIBUTING.md.\n")
	fields(&b, t, "", "")
	if frontMatter {
		b.WriteString("---\n")
		b.WriteString(body)
	}
	return b.Bytes()
}

// fields writes the keys of t at the top level: each preceded by its
// explanation, optional ones commented out.
func fields(b *bytes.Buffer, t reflect.Type, _, _ string) {
	for _, f := range yamlx.Fields(t) {
		c := ""
		if !f.Required {
			c = "# "
		}
		fmt.Fprintf(b, "# %s (%s%s)\n", help(f), schemadoc.TypeName(f.Type), requiredNote(f))
		elem := schemadoc.Nested(f.Type)
		if elem == nil {
			fmt.Fprintf(b, "%s%s: %s\n", c, f.Name, value(f))
			continue
		}
		fmt.Fprintf(b, "%s%s:\n", c, f.Name)
		list := f.Type.Kind() == reflect.Slice
		for i, sub := range yamlx.Fields(elem) {
			lead := "  "
			if list {
				lead = "    "
				if i == 0 {
					lead = "  - "
				}
			}
			sc := c
			if !sub.Required && i > 0 {
				sc = "# "
			}
			fmt.Fprintf(b, "%s%s%s: %s  # %s%s\n", sc, lead, sub.Name, value(sub), help(sub), requiredNote(sub))
		}
	}
}

func help(f yamlx.Field) string {
	if f.Doc != "" {
		return strings.TrimSuffix(f.Doc, ".")
	}
	return schemadoc.TypeName(f.Type)
}

func requiredNote(f yamlx.Field) string {
	if f.Required {
		return ", required"
	}
	return ""
}

func value(f yamlx.Field) string {
	if f.Required {
		if f.Type.Kind() == reflect.Int {
			return "0"
		}
		return "''"
	}
	if f.Example != "" {
		if strings.HasPrefix(f.Example, "[") || strings.Trim(f.Example, "0123456789") == "" {
			return f.Example
		}
		return "'" + strings.ReplaceAll(f.Example, "'", "''") + "'"
	}
	switch f.Type.Kind() {
	case reflect.Slice:
		return "[]"
	case reflect.Bool:
		return "false"
	case reflect.Int:
		return "0"
	}
	return "''"
}
