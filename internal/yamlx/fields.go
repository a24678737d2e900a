package yamlx

import (
	"reflect"
	"strings"
	"sync"
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

// structInfo is what decoding needs to know of a struct type. Reading
// tags and looking fields up by name cost more than decoding a value, so
// it is worked out once per type (see infoFor) rather than per value.
type structInfo struct {
	fields []Field
	// byName maps a key to its field in fields; when two fields share a
	// key, the last one wins.
	byName map[string]int
	names  []string // the keys, for suggesting one in place of a typo
	pos    []int    // the index of the field receiving the position, or nil
	keyPos []int    // the index of the field receiving the keys' positions, or nil
}

// structInfos caches structInfo by reflect.Type. Types are few and never
// change, so the cache only grows to the number of struct types decoded.
var structInfos sync.Map

// infoFor returns the structInfo of struct type t.
func infoFor(t reflect.Type) *structInfo {
	if info, ok := structInfos.Load(t); ok {
		return info.(*structInfo)
	}
	info := newStructInfo(t)
	actual, _ := structInfos.LoadOrStore(t, info)
	return actual.(*structInfo)
}

func newStructInfo(t reflect.Type) *structInfo {
	fields := Fields(t)
	info := &structInfo{
		fields: fields,
		byName: make(map[string]int, len(fields)),
		names:  make([]string, 0, len(fields)),
	}
	for i, f := range fields {
		info.byName[f.Name] = i
		info.names = append(info.names, f.Name)
	}
	if f, ok := t.FieldByName("Pos"); ok && f.Type == posType {
		info.pos = f.Index
	}
	if f, ok := t.FieldByName("KeyPos"); ok && f.Type == keyPosType {
		info.keyPos = f.Index
	}
	return info
}
