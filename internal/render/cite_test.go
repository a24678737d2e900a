package render

import (
	"encoding/json"
	"testing"
)

var jsonAwkward = []string{"", "plain", `"quoted" \ back`, "<b>&amp;</b>", "tab\tnew\nline", "\u2028", "\xff", "Vyšinskii 毛泽东"}

// TestCSLWebpage holds the hand-written CSL item to what encoding/json
// writes for the same map, indented as inside an array.
func TestCSLWebpage(t *testing.T) {
	for _, s := range jsonAwkward {
		item := map[string]any{"id": "k" + s, "type": "webpage", "title": "t" + s, "container-title": "c" + s,
			"editor": []map[string]string{{"literal": "e" + s}}, "URL": "u" + s}
		want, err := json.MarshalIndent(item, "  ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := cslWebpage("k"+s, "t"+s, "c"+s, "e"+s, "u"+s); got != string(want) {
			t.Errorf("cslWebpage with %q:\n%s\nwant\n%s", s, got, want)
		}
		array, err := json.MarshalIndent([]any{item, item}, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := joinCSL([]string{string(want), string(want)}); got != string(array) {
			t.Errorf("joinCSL with %q:\n%s\nwant\n%s", s, got, array)
		}
	}
}

// TestArchiveComponentLD holds the hand-written JSON-LD to encoding/json.
func TestArchiveComponentLD(t *testing.T) {
	for _, s := range jsonAwkward {
		want, err := json.Marshal(map[string]any{
			"@context": "https://schema.org", "@type": "ArchiveComponent", "name": "n" + s,
			"dateCreated": "d" + s, "isPartOf": map[string]string{"@type": "Collection", "name": "c" + s},
			"url": "u" + s,
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := archiveComponentLD("n"+s, "d"+s, "c"+s, "u"+s); string(got) != string(want) {
			t.Errorf("archiveComponentLD with %q:\n%s\nwant\n%s", s, got, want)
		}
	}
}
