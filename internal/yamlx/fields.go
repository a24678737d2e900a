package yamlx

import (
	"reflect"
	"strings"
)

// Field describes one key of a struct as the schema exposes it. The same
// description drives decoding and the generated schema reference, so the
// two cannot disagree.
type Field struct {
	Name     string       // the YAML key
	Index    []int        // for reflect.Value.FieldByIndex
	Type     reflect.Type // the Go type
	Required bool         // tag required:"true"
	Doc      string       // tag doc:"…": what the field means
	Example  string       // tag example:"…"
}

// Fields lists the YAML keys of struct type t in declaration order. Fields
// tagged yaml:"-" and unexported fields are left out.
func Fields(t reflect.Type) []Field {
	var out []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "-" || (name == "" && (sf.Type == posType || sf.Type == keyPosType)) {
			continue
		}
		if name == "" {
			name = strings.ToLower(sf.Name)
		}
		out = append(out, Field{
			Name:     name,
			Index:    sf.Index,
			Type:     sf.Type,
			Required: sf.Tag.Get("required") == "true",
			Doc:      sf.Tag.Get("doc"),
			Example:  sf.Tag.Get("example"),
		})
	}
	return out
}
