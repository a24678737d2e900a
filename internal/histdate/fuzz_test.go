package histdate

import "testing"

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"1950", "1950-05", "1950-05-14", "1948-02-29", "1950-02-29",
		"1948-06/1949-05", "1950-05/1950-04", "14 May 1950", "", "/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			if !d.IsZero() {
				t.Errorf("Parse(%q) = %v with error %v, want zero Date", s, d, err)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("Parse(%q) = zero Date without error", s)
		}
		d2, err := Parse(d.String())
		if err != nil {
			t.Fatalf("Parse(%q) error: %v (String of Parse(%q))", d.String(), err, s)
		}
		if d2 != d {
			t.Errorf("Parse(%q) = %v, want %v", d.String(), d2, d)
		}
		if c := Compare(d, d); c != 0 {
			t.Errorf("Compare(%v, %v) = %d, want 0", d, d, c)
		}
		if d.End().Before(d.Start()) {
			t.Errorf("Parse(%q): End %v before Start %v", s, d.End(), d.Start())
		}
		if d.Display() == "" || d.PrecisionNote() == "" || d.ISOAttr() == "" {
			t.Errorf("Parse(%q): empty Display %q, PrecisionNote %q or ISOAttr %q",
				s, d.Display(), d.PrecisionNote(), d.ISOAttr())
		}
		if got := Between(d, d); !d.IsRange() && got == "" {
			t.Errorf("Between(%v, %v) = %q, want a phrase", d, d, got)
		}
	})
}
