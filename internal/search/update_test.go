package search

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/subject"
)

// TestUpdateMatchesBuild replaces items of the real edition's index the
// ways an edit changes them and checks that the index, written in full,
// is byte for byte what Build writes for the new items, and that Update
// returned every file that changed and no other.
func TestUpdateMatchesBuild(t *testing.T) {
	edits := []struct {
		name string
		edit func(Item) Item
	}{
		{"same", func(it Item) Item { return it }},
		{"words added", func(it Item) Item { it.Text += " zanzibarish quokka revision"; return it }},
		{"words removed", func(it Item) Item { it.Text = it.Text[:len(it.Text)/3]; return it }},
		{"title", func(it Item) Item { it.Title = "Ongjin " + it.Title; return it }},
		{"many new words", func(it Item) Item {
			it.Text += strings.Repeat(" aardvarkian ", 3) + strings.Repeat("qx ", 50) + "zzyzx zzyzy zzyzz"
			return it
		}},
	}
	layouts := map[string]Layout{"default": DefaultLayout(), "small shards": {TermShardBytes: 2 << 10, DocShardItems: 3, SnippetRunes: 80, PrefixBudget: 1 << 10, LexiconBytes: 1 << 10}}
	for lname, l := range layouts {
		for _, e := range edits {
			t.Run(lname+"/"+e.name, func(t *testing.T) {
				items := mustRealItems(t)
				b, err := Build(items, l)
				if err != nil {
					t.Fatal(err)
				}
				before := filesByPath(b.Files)
				for _, i := range []int{0, 7, 33} {
					items[i] = e.edit(items[i])
					changed, ok, err := b.Update(i, items[i])
					if err != nil || !ok {
						t.Fatalf("Update(%d): ok %v, err %v", i, ok, err)
					}
					want, err := Build(items, l)
					if err != nil {
						t.Fatal(err)
					}
					got := filesByPath(b.Files)
					if len(got) != len(want.Files) {
						t.Errorf("after Update(%d): %d files, Build writes %d", i, len(got), len(want.Files))
					}
					returned := filesByPath(changed)
					for _, f := range want.Files {
						if !bytes.Equal(got[f.Path], f.Data) {
							t.Errorf("after Update(%d): %s differs from Build's", i, f.Path)
						}
						if !bytes.Equal(before[f.Path], f.Data) && !bytes.Equal(returned[f.Path], f.Data) {
							t.Errorf("after Update(%d): %s changed but was not returned", i, f.Path)
						}
					}
					before = got
				}
			})
		}
	}
}

func filesByPath(files []output.File) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}

// TestUpdateItemsMatchesBuild replaces several items at once, some of them
// unchanged, and checks the index against Build; a list in another order
// is refused.
func TestUpdateItemsMatchesBuild(t *testing.T) {
	items := mustRealItems(t)
	b, err := Build(items, DefaultLayout())
	if err != nil {
		t.Fatal(err)
	}
	before := filesByPath(b.Files)
	order := make([]subject.Subject, len(items))
	for i, it := range items {
		order[i] = it.Subject()
	}
	changes := map[int]Item{}
	for _, i := range []int{1, 2, 40, len(items) - 1} {
		it := items[i]
		it.Title += " revised"
		it.Names = append(slices.Clone(it.Names), "Ongjin")
		items[i], changes[i] = it, it
	}
	changes[5] = items[5] // unchanged
	changed, ok, err := b.UpdateItems(order, changes)
	if err != nil || !ok {
		t.Fatalf("UpdateItems: ok %v, err %v", ok, err)
	}
	want, err := Build(items, DefaultLayout())
	if err != nil {
		t.Fatal(err)
	}
	got, returned := filesByPath(b.Files), filesByPath(changed)
	for _, f := range want.Files {
		if !bytes.Equal(got[f.Path], f.Data) {
			t.Errorf("%s differs from Build's", f.Path)
		}
		if !bytes.Equal(before[f.Path], f.Data) && !bytes.Equal(returned[f.Path], f.Data) {
			t.Errorf("%s changed but was not returned", f.Path)
		}
	}
	order[0], order[1] = order[1], order[0]
	if _, ok, _ := b.UpdateItems(order, map[int]Item{0: items[0]}); ok {
		t.Error("UpdateItems accepted items in another order")
	}
}
