package textfold

import (
	"iter"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Shtykov", "shtykov"},
		{"SHTYKOV", "shtykov"},
		{"Vyšinskii", "vyshinskii"},
		{"Vyšinskij", "vyshinskij"},
		{"Žukov, Čuikov", "zhukov, chuikov"},
		{"Chŏng", "chong"},
		{"Ch'oe", "ch'oe"},
		{"Ch’oe", "ch'oe"},
		{"Chʼoe", "ch'oe"},
		{"Straße", "strasse"},
		{"Œuvre", "oeuvre"},
		{"Łódź", "lodz"},
		{"Zhou Enlai — Zhōu Ēnlái", "zhou enlai — zhou enlai"},
		{"Mao Zédōng", "mao zedong"},
		{"e\u0301", "e"}, // decomposed é
		{"İstanbul", "istanbul"},
		{"毛泽东", "毛泽东"},
		{"SD00278", "sd00278"},
		{"", ""},
		{"\xff", "\uFFFD"},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTableIsFolded(t *testing.T) {
	// Every letter of the table must already be lowercase, and its base
	// plain ASCII, or Go and JavaScript could disagree.
	for group := range splitGroups() {
		for _, r := range group.letters {
			if got := String(string(r)); got != group.base {
				t.Errorf("String(%q) = %q, want %q", r, got, group.base)
			}
		}
		for _, r := range group.base {
			if r < 'a' || r > 'z' {
				t.Errorf("base %q is not lowercase ASCII", group.base)
			}
		}
	}
}

// refBase scans Table for r, as Base once did; Base uses a map built
// from the table for speed.
func refBase(r rune) (string, bool) {
	i := strings.IndexRune(Table, r)
	if i < 0 || r < utf8.RuneSelf {
		return "", false
	}
	group := Table[strings.LastIndexByte(Table[:i], '|')+1 : i]
	base, _, _ := strings.Cut(group, ":")
	return base, true
}

func TestBasesMatchTable(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		a, aok := refBase(r)
		b, bok := Base(r)
		if a != b || aok != bok {
			t.Fatalf("Base(%q) = %q, %v; want %q, %v", r, b, bok, a, aok)
		}
	}
}

// TestAppendRuneAgrees checks that AppendString, which reads the ASCII
// table itself, folds every rune as AppendRune does.
func TestAppendRuneAgrees(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		if utf8.ValidRune(r) {
			if got, want := string(AppendString(nil, string(r))), string(AppendRune(nil, r)); got != want {
				t.Fatalf("AppendString(%q) = %q, AppendRune = %q", r, got, want)
			}
		}
	}
}

// group is one entry of Table.
type group struct{ base, letters string }

// splitGroups yields the entries of Table.
func splitGroups() iter.Seq[group] {
	return func(yield func(group) bool) {
		for g := range strings.SplitSeq(Table, "|") {
			base, letters, _ := strings.Cut(g, ":")
			if !yield(group{base, letters}) {
				return
			}
		}
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{
		"Shtykov", "Vyšinskii", "Stalin's", "Ch'oe Yong-gŏn", "毛泽东", "İ", "Straße",
		"e\u0301", "'s", "a's'b", "\xff\xfe", "APRF, F. 45, Op. 1, D. 331, Ll. 59–61",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := String(s)
		if twice := String(once); twice != once {
			t.Errorf("String not idempotent: String(%q) = %q, String of that = %q", s, once, twice)
		}
		if !utf8.ValidString(once) {
			t.Errorf("String(%q) = %q is not valid UTF-8", s, once)
		}
	})
}
