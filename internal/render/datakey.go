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

// maxKeyDepth bounds how deep a key follows pointers and nesting; data of
// partials is a few levels deep, and a cycle is an error, not a hang.
const maxKeyDepth = 24

// dataKeys derives keys, keeping for each type the plan of its fields.
type dataKeys struct {
	plans sync.Map // reflect.Type -> *keyPlan
}

// keyPlan lists the fields of a struct type in the order they are encoded.
type keyPlan struct {
	fields []int
}

// key returns the key of v.
func (k *dataKeys) key(v any) (string, error) {
	b := make([]byte, 0, 128)
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return "nil", nil
	}
	b = append(b, rv.Type().String()...)
	b = append(b, 0)
	b, err := k.append(b, rv, 0)
	if err != nil {
		return "", fmt.Errorf("deriving the cache key of %T: %w", v, err)
	}
	return string(b), nil
}

func (k *dataKeys) append(b []byte, v reflect.Value, depth int) ([]byte, error) {
	if depth > maxKeyDepth {
		return b, fmt.Errorf("nested more than %d levels deep (a cycle?)", maxKeyDepth)
	}
	switch v.Kind() {
	case reflect.String:
		return appendString(b, v.String()), nil
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return append(strconv.AppendInt(b, v.Int(), 10), ';'), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return append(strconv.AppendUint(b, v.Uint(), 10), ';'), nil
	case reflect.Float32, reflect.Float64:
		return append(strconv.AppendUint(b, math.Float64bits(v.Float()), 16), ';'), nil
	case reflect.Struct:
		return k.appendStruct(b, v, depth)
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 'N'), nil
		}
		return k.appendElems(b, v, depth)
	case reflect.Array:
		return k.appendElems(b, v, depth)
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return append(b, 'N'), nil
		}
		if v.Kind() == reflect.Interface {
			b = appendString(b, v.Elem().Type().String())
		}
		return k.append(append(b, '*'), v.Elem(), depth+1)
	case reflect.Map:
		return k.appendMap(b, v, depth)
	}
	return b, fmt.Errorf("cannot derive a key from a %s", v.Type())
}

func appendString(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	return append(b, s...)
}

func (k *dataKeys) appendStruct(b []byte, v reflect.Value, depth int) ([]byte, error) {
	var err error
	b = append(b, '{')
	for _, i := range k.plan(v.Type()).fields {
		if b, err = k.append(b, v.Field(i), depth+1); err != nil {
			return b, fmt.Errorf("%s: %w", v.Type().Field(i).Name, err)
		}
	}
	return append(b, '}'), nil
}

func (k *dataKeys) appendElems(b []byte, v reflect.Value, depth int) ([]byte, error) {
	var err error
	b = append(strconv.AppendInt(append(b, '['), int64(v.Len()), 10), ':')
	for i := range v.Len() {
		if b, err = k.append(b, v.Index(i), depth+1); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// appendMap encodes a map's entries in the order of their encoded keys,
// so the key does not depend on map iteration order.
func (k *dataKeys) appendMap(b []byte, v reflect.Value, depth int) ([]byte, error) {
	if v.IsNil() {
		return append(b, 'N'), nil
	}
	entries := make([]string, 0, v.Len())
	iter := v.MapRange()
	for iter.Next() {
		e, err := k.append(nil, iter.Key(), depth+1)
		if err != nil {
			return b, err
		}
		if e, err = k.append(e, iter.Value(), depth+1); err != nil {
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

// plan returns the fields of struct type t to encode: all of them, but
// for blank fields, which hold no data.
func (k *dataKeys) plan(t reflect.Type) *keyPlan {
	if p, ok := k.plans.Load(t); ok {
		return p.(*keyPlan)
	}
	p := &keyPlan{}
	for i := range t.NumField() {
		if t.Field(i).Name != "_" {
			p.fields = append(p.fields, i)
		}
	}
	actual, _ := k.plans.LoadOrStore(t, p)
	return actual.(*keyPlan)
}
