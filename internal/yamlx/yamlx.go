// Package yamlx decodes YAML into Go structs strictly and with positions.
//
// yaml.v3 stops at the first problem and reports lines only; contributors
// need every problem of a file at once, each with line and column, and a
// hint when a key is misspelt. So the YAML is parsed into a node tree by
// yaml.v3 and decoded here by reflection:
//
//   - a mapping key with no matching field is an error, with the closest
//     known key suggested;
//   - a field tagged required:"true" that is missing or empty is an error;
//   - a field of type [diag.Position] named Pos receives the position of
//     the mapping it was decoded from;
//   - a field of type map[string]diag.Position named KeyPos receives the
//     position of each key's value, for checks made after decoding;
//   - a type implementing [NodeDecoder] decodes itself;
//   - a type implementing encoding.TextUnmarshaler decodes from a scalar;
//   - duplicate keys in a mapping are errors.
package yamlx

import (
	"bytes"
	"encoding"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/diag"
	"go.yaml.in/yaml/v3"
)

// NodeDecoder is implemented by types that decode themselves from a node.
// at is the node's position in the file.
type NodeDecoder interface {
	DecodeNode(n *yaml.Node, at diag.Position) error
}

// Source locates a YAML text inside a file: Line is the file line of the
// text's first line, so front matter starting on line 2 has Line 2.
type Source struct {
	File string
	Line int
	// Top names the top-level mapping in messages; "" means "front matter".
	Top string
}

// Pos converts a node's position into a file position.
func (s Source) Pos(n *yaml.Node) diag.Position {
	return diag.Position{File: s.File, Line: s.Line + n.Line - 1, Col: n.Column}
}

var lineInError = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the messages of yaml.v3's parser, as opposed to its
// scanner. yaml.v3 prints the line of a parser error counting from 0 (and
// leaves it out on the first line), that of a scanner error from 1.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// Parse parses src into a document node. A syntax error is reported at
// its line and nil is returned.
func Parse(src []byte, s Source, diags *diag.List) *yaml.Node {
	if n, ok := fastParse(src); ok {
		return n
	}
	return parseSlow(src, s, diags)
}

// parseSlow is Parse through yaml.v3, for any text.
func parseSlow(src []byte, s Source, diags *diag.List) *yaml.Node {
	// Unmarshal reads src in place, where a Decoder would copy it through
	// a reader; like Decoder.Decode, it parses the first document only.
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		pos := diag.Position{File: s.File, Line: s.Line, Col: 1}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := lineInError.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			msg = m[2]
			if parserProblems[msg] {
				n++
			}
			// The end of the text is the line after a final newline at most.
			n = min(n, bytes.Count(src, []byte("\n"))+1)
			pos.Line = s.Line + n - 1
		}
		diags.Errorf(pos, "invalid YAML: %s", msg)
		return nil
	}
	if doc.Kind == 0 {
		// No document at all: empty, or only comments.
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		if n := doc.Content[0]; n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Value == "" {
			// An empty document ("---" alone) is placed after its end.
			return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
		}
		keepInside(doc.Content[0], src)
		return doc.Content[0]
	}
	keepInside(&doc, src)
	return &doc
}

// keepInside moves nodes that yaml.v3 places after the end of src (the
// implicit empty value of "? key" on the last line, with no newline
// after it) to the end of its last line, so that no problem is reported
// on a line the file does not have.
func keepInside(n *yaml.Node, src []byte) {
	last := bytes.Count(src, []byte("\n")) + 1
	end := len(src) - (bytes.LastIndexByte(src, '\n') + 1) + 1
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Line > last {
			n.Line, n.Column = last, end
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
}

// Decode decodes n into the value v points to, reporting every problem.
func Decode(n *yaml.Node, v any, s Source, diags *diag.List) {
	d := decoder{src: s, diags: diags}
	d.value(n, reflect.ValueOf(v).Elem())
}

type decoder struct {
	src    Source
	diags  *diag.List
	errors int // errors reported so far
	// path leads from the top of the document to the value being
	// decoded. Only messages show it, so it is kept as steps and made
	// into text (see where and label) only when there is a problem.
	path []step
}

// step is a mapping key or, when index is not negative, a list item.
type step struct {
	key   string
	index int
}

var (
	posType    = reflect.TypeFor[diag.Position]()
	keyPosType = reflect.TypeFor[map[string]diag.Position]()
)

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errors++
	d.diags.Errorf(d.src.Pos(n), format, args...)
}

// child decodes n into v as the value of key, or of list item index when
// index is not negative.
func (d *decoder) child(n *yaml.Node, v reflect.Value, key string, index int) {
	d.path = append(d.path, step{key, index})
	d.value(n, v)
	d.path = d.path[:len(d.path)-1]
}

func (d *decoder) value(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		// "key:", "key: ~" or "- " leaves the zero value, as if absent; a
		// struct is decoded as an empty mapping, so that it gets its
		// position and its required keys are asked for.
		if v.Kind() != reflect.Struct || selfDecoding(v) {
			return
		}
		n = &yaml.Node{Kind: yaml.MappingNode, Line: n.Line, Column: n.Column}
	}
	if v.CanAddr() {
		p := v.Addr().Interface()
		if nd, ok := p.(NodeDecoder); ok {
			if err := nd.DecodeNode(n, d.src.Pos(n)); err != nil {
				d.errorf(n, "%s%v", d.label(), err)
			}
			return
		}
		if tu, ok := p.(encoding.TextUnmarshaler); ok && v.Kind() != reflect.String {
			if !d.expect(n, yaml.ScalarNode) {
				return
			}
			if err := tu.UnmarshalText([]byte(n.Value)); err != nil {
				d.errorf(n, "%s%v", d.label(), err)
			}
			return
		}
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, v)
	case reflect.Slice:
		d.sequence(n, v)
	case reflect.Map:
		d.mapping(n, v)
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, v.Elem())
	default:
		d.scalar(n, v)
	}
}

// selfDecoding reports whether v decodes itself from a node or a scalar.
func selfDecoding(v reflect.Value) bool {
	if !v.CanAddr() {
		return false
	}
	switch v.Addr().Interface().(type) {
	case NodeDecoder, encoding.TextUnmarshaler:
		return true
	}
	return false
}

// pathString is the path of the value being decoded as messages show it:
// "from[0].person", or "" at the top.
func (d *decoder) pathString() string {
	path := ""
	for _, s := range d.path {
		if s.index >= 0 {
			path += "[" + strconv.Itoa(s.index) + "]"
		} else {
			path = join(path, s.key)
		}
	}
	return path
}

// label prefixes a message about the value being decoded with its path.
func (d *decoder) label() string {
	if path := d.pathString(); path != "" {
		return path + ": "
	}
	return ""
}

func (d *decoder) expect(n *yaml.Node, kind yaml.Kind) bool {
	if n.Kind == kind {
		return true
	}
	d.errorf(n, "%swant %s, found %s", d.label(), kindName(kind), describe(n))
	return false
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "a mapping (key: value lines)"
	case yaml.SequenceNode:
		return "a list"
	}
	return "a single value"
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%q", n.Value)
}

func (d *decoder) scalar(n *yaml.Node, v reflect.Value) {
	if !d.expect(n, yaml.ScalarNode) {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(n.Value)
	case reflect.Int, reflect.Int64, reflect.Int32:
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil || n.Tag == "!!str" {
			d.errorf(n, "%swant a whole number, found %q", d.label(), n.Value)
			return
		}
		v.SetInt(i)
	case reflect.Bool:
		switch n.Value {
		case "true":
			v.SetBool(true)
		case "false":
			v.SetBool(false)
		default:
			d.errorf(n, "%swant true or false, found %q", d.label(), n.Value)
		}
	default:
		d.errorf(n, "%scannot decode into %s", d.label(), v.Type())
	}
}

func (d *decoder) sequence(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if !d.expect(n, yaml.SequenceNode) {
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.child(item, s.Index(i), "", i)
	}
	v.Set(s)
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if !d.expect(n, yaml.MappingNode) {
		return
	}
	if v.Type().Key().Kind() != reflect.String {
		d.errorf(n, "%scannot decode into %s", d.label(), v.Type())
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if prev, dup := seen[k.Value]; dup {
			d.errorf(k, "duplicate key %q (first defined on line %d)", k.Value, d.src.Pos(prev).Line)
			continue
		}
		seen[k.Value] = k
		elem := reflect.New(v.Type().Elem()).Elem()
		d.child(val, elem, k.Value, -1)
		m.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), elem)
	}
	v.Set(m)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// keyState is what decoding a struct learnt of one of its keys.
type keyState struct {
	seen    *yaml.Node // the key, once found
	invalid bool       // its value had errors, reported already
}

// maxStackKeys bounds the structs whose key states are kept on the stack;
// every struct of the schema has fewer keys.
const maxStackKeys = 32

func (d *decoder) structure(n *yaml.Node, v reflect.Value) {
	if !d.expect(n, yaml.MappingNode) {
		return
	}
	info := infoFor(v.Type())
	if info.pos != nil {
		*v.FieldByIndex(info.pos).Addr().Interface().(*diag.Position) = d.src.Pos(n)
	}
	var keyPos map[string]diag.Position
	if info.keyPos != nil {
		keyPos = make(map[string]diag.Position, len(n.Content)/2)
		v.FieldByIndex(info.keyPos).Set(reflect.ValueOf(keyPos))
	}
	// Indexed like info.fields, through info.byName.
	var stack [maxStackKeys]keyState
	states := stack[:0]
	if len(info.fields) > len(stack) {
		states = make([]keyState, len(info.fields))
	} else {
		states = stack[:len(info.fields)]
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if keyPos != nil {
			keyPos[k.Value] = d.src.Pos(val)
		}
		fi, ok := info.byName[k.Value]
		if !ok {
			d.errorf(k, "unknown key %q in %s%s", k.Value, d.where(), diag.Suggest(k.Value, info.names))
			continue
		}
		st := &states[fi]
		if st.seen != nil {
			d.errorf(k, "duplicate key %q (first defined on line %d)", k.Value, d.src.Pos(st.seen).Line)
			continue
		}
		st.seen = k
		before := d.errors
		d.child(val, v.FieldByIndex(info.fields[fi].Index), k.Value, -1)
		st.invalid = d.errors > before // reported already; not also "missing"
	}
	for _, f := range info.fields {
		st := states[info.byName[f.Name]]
		if f.Required && !st.invalid && (st.seen == nil || v.FieldByIndex(f.Index).IsZero()) {
			d.errorf(n, "missing required key %q in %s", f.Name, d.where())
		}
	}
}

// where names the mapping being decoded in messages.
func (d *decoder) where() string {
	if path := d.pathString(); path != "" {
		return path
	}
	if d.src.Top != "" {
		return d.src.Top
	}
	return "front matter"
}
