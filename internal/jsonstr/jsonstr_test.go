package jsonstr

import (
	"encoding/json"
	"testing"
)

var jsonSeeds = []string{
	"", "plain", `"quoted" \ back`, "<a href='x'>&amp;</a>", "tab\tnew\nline\r\b\f\x00\x1f\x7f",
	"\u2028\u2029", "\xff\xfe", "Vyšinskii 毛泽东 …", "\xe2\x80", "\ufffd", "ok\xc3",
}

// TestAppend checks the encoder against encoding/json.
func TestAppend(t *testing.T) {
	for _, s := range jsonSeeds {
		checkJSONString(t, s)
	}
	for c := range 256 {
		checkJSONString(t, "a"+string(rune(c))+string([]byte{byte(c)})+"b")
	}
}

func FuzzAppend(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add(s)
	}
	f.Fuzz(checkJSONString)
}

func checkJSONString(t *testing.T, s string) {
	want, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := Append(nil, s); string(got) != string(want) {
		t.Errorf("Append(%q) = %s, want %s", s, got, want)
	}
}
