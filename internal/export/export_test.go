package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"
)

// TestFilesRoundTrip writes a table with awkward values and reads both
// files back with the standard library's decoders.
func TestFilesRoundTrip(t *testing.T) {
	table := Table{Name: "t", Columns: []Column{{"id", ""}, {"text", ""}}, Rows: [][]string{
		{"a", `"quoted", <b>&</b>; new` + "\nline"},
		{"b", "Vyšinskii 毛泽东 \u2028 \xff"},
		{"c", ""},
	}}
	files, err := Files([]Table{table})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Path != "data/t.json" || files[1].Path != "data/t.csv" {
		t.Fatalf("files = %v", files)
	}
	var objects []map[string]string
	if err := json.Unmarshal(files[0].Data, &objects); err != nil {
		t.Fatalf("JSON does not parse: %v\n%s", err, files[0].Data)
	}
	records, err := csv.NewReader(bytes.NewReader(files[1].Data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(objects) != 3 || len(records) != 4 {
		t.Fatalf("%d objects and %d CSV records, want 3 and 4 (with the header)", len(objects), len(records))
	}
	for i, row := range table.Rows {
		want := []byte(row[1])
		want = bytes.ToValidUTF8(want, []byte("\ufffd")) // what JSON can carry
		if objects[i]["id"] != row[0] || objects[i]["text"] != string(want) {
			t.Errorf("JSON row %d = %q, want %q", i, objects[i], row)
		}
		if records[i+1][0] != row[0] || records[i+1][1] != row[1] {
			t.Errorf("CSV row %d = %q, want %q", i, records[i+1], row)
		}
	}
	if _, err := Files([]Table{{Name: "bad", Columns: table.Columns, Rows: [][]string{{"only one"}}}}); err == nil {
		t.Error("a row with too few values was written")
	}
}
