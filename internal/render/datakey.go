package render

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"sync"
)

// A partial's cache key is derived from the data it is given, never
// written by hand: every field of the value, exported or not, and
// everything it points to goes into the key, so two values that could
// render differently never share a key. A partial sees only its data (and
// constants), so the key names everything it can show. Keys hand-written
// per type drifted from what the partials showed; a derived key cannot.
//
// The encoding is unambiguous: strings are length-prefixed, slices and
// maps carry their length, nil is told from empty, and the key begins
// with the value's type.
//
// Each type's encoder is compiled once from its reflect.Type, a function
// per field and element type, so that deriving a key walks the value
// without asking reflect about its type again: every page derives keys
// for its header, footer and list items.

// maxKeyDepth bounds how deep a key follows pointers and nesting; data of
// partials is a few levels deep, and a cycle is an error, not a hang.
const maxKeyDepth = 24

// dataKeys derives keys, keeping the compiled encoder of each type.
type dataKeys struct {
	encoders sync.Map // reflect.Type -> *typeEncoder
}

// encodeFunc appends the encoding of v, found depth levels deep.
type encodeFunc func(b []byte, v reflect.Value, depth int) ([]byte, error)

// typeEncoder is the compiled encoder of a type, and the type's name,
// with which a key begins.
type typeEncoder struct {
	name   string
	encode encodeFunc
}

// appendValueKey appends the key of the value v holds to b.
func (k *dataKeys) appendValueKey(b []byte, v reflect.Value) ([]byte, error) {
	if !v.IsValid() {
		return append(b, "nil"...), nil
	}
	e := k.encoder(v.Type())
	b = append(append(b, e.name...), 0)
	b, err := e.encode(b, v, 0)
	if err != nil {
		return b, fmt.Errorf("deriving the cache key of %s: %w", e.name, err)
	}
	return b, nil
}

// encoder returns the compiled encoder of t.
func (k *dataKeys) encoder(t reflect.Type) *typeEncoder {
	if e, ok := k.encoders.Load(t); ok {
		return e.(*typeEncoder)
	}
	e := &typeEncoder{name: t.String(), encode: k.compile(t, map[reflect.Type]*encodeFunc{})}
	actual, _ := k.encoders.LoadOrStore(t, e)
	return actual.(*typeEncoder)
}

// compile returns the encoder of t. building holds the encoders of the
// types being compiled, which a recursive type refers to.
func (k *dataKeys) compile(t reflect.Type, building map[reflect.Type]*encodeFunc) encodeFunc {
	if slot, ok := building[t]; ok {
		return func(b []byte, v reflect.Value, depth int) ([]byte, error) { return (*slot)(b, v, depth) }
	}
	slot := new(encodeFunc)
	building[t] = slot
	*slot = guardDepth(k.compileKind(t, building))
	return *slot
}

// guardDepth makes enc fail on values nested too deep.
func guardDepth(enc encodeFunc) encodeFunc {
	return func(b []byte, v reflect.Value, depth int) ([]byte, error) {
		if depth > maxKeyDepth {
			return b, fmt.Errorf("nested more than %d levels deep (a cycle?)", maxKeyDepth)
		}
		return enc(b, v, depth)
	}
}

func (k *dataKeys) compileKind(t reflect.Type, building map[reflect.Type]*encodeFunc) encodeFunc {
	switch t.Kind() {
	case reflect.String:
		return func(b []byte, v reflect.Value, _ int) ([]byte, error) { return appendString(b, v.String()), nil }
	case reflect.Bool:
		return func(b []byte, v reflect.Value, _ int) ([]byte, error) { return strconv.AppendBool(b, v.Bool()), nil }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(b []byte, v reflect.Value, _ int) ([]byte, error) {
			return append(strconv.AppendInt(b, v.Int(), 10), ';'), nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(b []byte, v reflect.Value, _ int) ([]byte, error) {
			return append(strconv.AppendUint(b, v.Uint(), 10), ';'), nil
		}
	case reflect.Float32, reflect.Float64:
		return func(b []byte, v reflect.Value, _ int) ([]byte, error) {
			return append(strconv.AppendUint(b, math.Float64bits(v.Float()), 16), ';'), nil
		}
	case reflect.Struct:
		return k.compileStruct(t, building)
	case reflect.Slice, reflect.Array:
		return compileElems(t.Kind() == reflect.Slice, k.compile(t.Elem(), building))
	case reflect.Pointer:
		return compilePointer(k.compile(t.Elem(), building))
	case reflect.Interface:
		return k.encodeInterface
	case reflect.Map:
		return compileMap(k.compile(t.Key(), building), k.compile(t.Elem(), building))
	}
	return func(b []byte, v reflect.Value, _ int) ([]byte, error) {
		return b, fmt.Errorf("cannot derive a key from a %s", v.Type())
	}
}

func appendString(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	return append(b, s...)
}

// compileStruct encodes every field of t but blank ones, which hold no
// data.
func (k *dataKeys) compileStruct(t reflect.Type, building map[reflect.Type]*encodeFunc) encodeFunc {
	type field struct {
		index  int
		name   string
		encode encodeFunc
	}
	var fields []field
	for i := range t.NumField() {
		if f := t.Field(i); f.Name != "_" {
			fields = append(fields, field{i, f.Name, k.compile(f.Type, building)})
		}
	}
	return func(b []byte, v reflect.Value, depth int) ([]byte, error) {
		var err error
		b = append(b, '{')
		for _, f := range fields {
			if b, err = f.encode(b, v.Field(f.index), depth+1); err != nil {
				return b, fmt.Errorf("%s: %w", f.name, err)
			}
		}
		return append(b, '}'), nil
	}
}

// compileElems encodes a slice (nil told from empty) or an array.
func compileElems(isSlice bool, elem encodeFunc) encodeFunc {
	return func(b []byte, v reflect.Value, depth int) ([]byte, error) {
		if isSlice && v.IsNil() {
			return append(b, 'N'), nil
		}
		var err error
		n := v.Len()
		b = append(strconv.AppendInt(append(b, '['), int64(n), 10), ':')
		for i := range n {
			if b, err = elem(b, v.Index(i), depth+1); err != nil {
				return b, err
			}
		}
		return append(b, ']'), nil
	}
}

func compilePointer(elem encodeFunc) encodeFunc {
	return func(b []byte, v reflect.Value, depth int) ([]byte, error) {
		if v.IsNil() {
			return append(b, 'N'), nil
		}
		return elem(append(b, '*'), v.Elem(), depth+1)
	}
}

// encodeInterface encodes the dynamic type of v and its value.
func (k *dataKeys) encodeInterface(b []byte, v reflect.Value, depth int) ([]byte, error) {
	if v.IsNil() {
		return append(b, 'N'), nil
	}
	e := k.encoder(v.Elem().Type())
	return e.encode(append(appendString(b, e.name), '*'), v.Elem(), depth+1)
}

// compileMap encodes a map's entries in the order of their encoded keys,
// so the key does not depend on map iteration order.
func compileMap(key, elem encodeFunc) encodeFunc {
	return func(b []byte, v reflect.Value, depth int) ([]byte, error) {
		if v.IsNil() {
			return append(b, 'N'), nil
		}
		entries := make([]string, 0, v.Len())
		iter := v.MapRange()
		for iter.Next() {
			e, err := key(nil, iter.Key(), depth+1)
			if err != nil {
				return b, err
			}
			if e, err = elem(e, iter.Value(), depth+1); err != nil {
				return b, err
			}
			entries = append(entries, string(e))
		}
		slices.Sort(entries)
		b = append(strconv.AppendInt(append(b, '<'), int64(len(entries)), 10), ':')
		for _, e := range entries {
			b = appendString(b, e)
		}
		return append(b, '>'), nil
	}
}
