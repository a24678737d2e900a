package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
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

// TestFilesInBlocks checks that tables written a block of rows at a
// time, on every core, are the files written in one piece, whatever the
// number of rows, and that a bad row is reported by its number.
func TestFilesInBlocks(t *testing.T) {
	cols := []Column{{"id", ""}, {"text", ""}}
	for _, n := range []int{0, 1, blockRows - 1, blockRows, blockRows + 1, 2*blockRows + 5} {
		table := Table{Name: "t", Columns: cols}
		for i := range n {
			table.Rows = append(table.Rows, []string{strconv.Itoa(i), strings.Repeat("x,\"", i%4)})
		}
		files, err := Files([]Table{table, {Name: "small", Columns: cols, Rows: [][]string{{"a", "b"}}}})
		if err != nil {
			t.Fatal(err)
		}
		wantJSON, _ := jsonRows(table, 0, n)
		wantCSV, _ := csvRows(table, 0, n)
		if len(files) != 4 || !bytes.Equal(files[0].Data, wantJSON) || !bytes.Equal(files[1].Data, wantCSV) {
			t.Fatalf("%d rows: the files differ from the table written in one piece", n)
		}
		var objects []map[string]string
		if err := json.Unmarshal(files[0].Data, &objects); err != nil || len(objects) != n {
			t.Errorf("%d rows: JSON holds %d objects (%v)", n, len(objects), err)
		}
		records, err := csv.NewReader(bytes.NewReader(files[1].Data)).ReadAll()
		if err != nil || len(records) != n+1 {
			t.Errorf("%d rows: CSV holds %d records (%v)", n, len(records), err)
		}
		if files[2].Path != "data/small.json" || files[3].Path != "data/small.csv" {
			t.Errorf("%d rows: the second table's files are %s and %s", n, files[2].Path, files[3].Path)
		}
	}
	bad := Table{Name: "bad", Columns: cols}
	for i := range blockRows + 10 {
		bad.Rows = append(bad.Rows, []string{strconv.Itoa(i), ""})
	}
	bad.Rows[blockRows+3] = []string{"short"}
	_, err := Files([]Table{bad})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("row %d ", blockRows+4)) {
		t.Errorf("a short row in the second block: %v, want its number, %d", err, blockRows+4)
	}
}

// BenchmarkFiles writes a table the size of the documents table of a
// generated edition of 10,000 documents: 10,000 rows of 16 columns.
func BenchmarkFiles(b *testing.B) {
	table := Table{Name: "t"}
	for j := range 16 {
		table.Columns = append(table.Columns, Column{Name: "column_" + strconv.Itoa(j)})
	}
	for i := range 10000 {
		row := make([]string, len(table.Columns))
		for j := range row {
			row[j] = strings.Repeat("word ", (i*7+j*13)%12) + strconv.Itoa(i)
		}
		table.Rows = append(table.Rows, row)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Files([]Table{table}); err != nil {
			b.Fatal(err)
		}
	}
}
