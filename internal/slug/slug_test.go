package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bad id", "bad-id"},
		{"Joseph Stalin", "joseph-stalin"},
		{"Kim Il Sung", "kim-il-sung"},
		{"  --Kim  Il--Sung--  ", "kim-il-sung"},
		{"  The 38th Parallel!  ", "the-38th-parallel"},
		{"1949_09_24", "1949-09-24"},
		{"a--b", "a-b"},
		{"..", ""},
		{"", ""},
		{"注", ""},
		{"Pyŏngyang", "py-ngyang"},
		{"Ŏngjin", "ngjin"},
		{"\u212Aim", "kim"}, // the Kelvin sign lowercases to an ASCII k
		{"already-valid", "already-valid"},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzMake checks that every slug is made of lowercase ASCII letters and
// digits joined by single hyphens, and that a slug is its own slug.
func FuzzMake(f *testing.F) {
	for _, s := range []string{"Kim Il Sung", "--a--b--", "Pyŏngyang", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Make(s)
		for i, r := range got {
			ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' ||
				r == '-' && i > 0 && i < len(got)-1 && got[i-1] != '-'
			if !ok {
				t.Fatalf("Make(%q) = %q: %q at %d", s, got, r, i)
			}
		}
		if again := Make(got); again != got {
			t.Fatalf("Make(%q) = %q, but Make(%q) = %q", s, got, got, again)
		}
	})
}
