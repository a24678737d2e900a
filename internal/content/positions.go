package content

import "reflect"

// ForgetPositions drops from every entry of ed the positions of its keys
// (the KeyPos fields), which only the checks of a load and of the site
// graph read, for a build that has made its graph and reports nothing
// more at a key's position: at 10,000 documents they are about 10 MB.
// Entries' own positions (Pos) are kept.
func ForgetPositions(ed *Edition) {
	forgetKeyPos(reflect.ValueOf(ed).Elem())
}

// forgetKeyPos clears every KeyPos field of v and of the structs it
// holds, through pointers and slices; maps other than KeyPos hold no
// entries of the edition and are left alone.
func forgetKeyPos(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			forgetKeyPos(v.Elem())
		}
	case reflect.Slice:
		if !holdsStructs(v.Type().Elem()) {
			return
		}
		for i := range v.Len() {
			forgetKeyPos(v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			f := t.Field(i)
			switch {
			case !f.IsExported():
			case f.Name == "KeyPos" && f.Type.Kind() == reflect.Map:
				v.Field(i).SetZero()
			case holdsStructs(f.Type):
				forgetKeyPos(v.Field(i))
			}
		}
	}
}

// holdsStructs reports whether a value of t may hold a struct: a struct,
// or a pointer or slice leading to one.
func holdsStructs(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct
}
