package export

import (
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/sitetest"
)

// TestSizesFitFiles checks that the buffers toJSON and toCSV start with
// hold their files (no growing) without being much larger.
func TestSizesFitFiles(t *testing.T) {
	s := sitetest.Build(t, corpus.FS(60))
	for _, tb := range Tables(s) {
		keys := jsonKeys(tb)
		j, err := toJSON(tb)
		if err != nil {
			t.Fatal(err)
		}
		c, err := toCSV(tb)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []struct {
			name       string
			size, made int
		}{{tb.JSONPath(), jsonSize(tb, keys), len(j)}, {tb.CSVPath(), csvSize(tb), len(c)}} {
			if f.size < f.made || f.size > f.made+f.made/8+64 {
				t.Errorf("%s: %d bytes made in a buffer of %d", f.name, f.made, f.size)
			}
		}
	}
}
