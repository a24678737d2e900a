package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/htmlcheck"
)

// The bad-input fixtures live in testdata/badinput/NAME/. Each holds the
// files that differ from the valid tree in testdata/base (same paths, so
// each case is a complete content tree with one defect once laid over
// the base) and want.txt:
//
//	# comments
//	exit 1
//	content/persons/stalin.md:1:1: error: file is empty
//	1 error, 0 warnings; nothing was written
//
// The first line that is not a comment gives the exit code; the lines
// after it are the exact expected standard error, with the temporary
// folder removed from paths. Defects that cannot live in git (a 20 MB
// file, symbolic links) are made by the functions in generate.

// generate makes the defects of cases whose folder holds only want.txt.
// root is a temporary folder holding content/; outside is a folder that
// is not in the content tree.
var generate = map[string]func(t *testing.T, root, outside string){
	"too-large": func(t *testing.T, root, _ string) {
		// 20 MB of valid front matter and text, so that only the size is wrong.
		var b bytes.Buffer
		b.WriteString("---\nname: Joseph Stalin\nsort_name: Stalin, Joseph\nrole: Soviet leader\n---\n")
		line := strings.Repeat("A paragraph of a stray dump. ", 3) + "\n\n"
		for b.Len() < 20<<20 {
			b.WriteString(line)
		}
		b.Truncate(20 << 20)
		write(t, filepath.Join(root, "content/persons/stalin.md"), b.Bytes())
	},
	"symlink-file": func(t *testing.T, root, outside string) {
		secret := filepath.Join(outside, "secret.md")
		write(t, secret, []byte("---\nname: Outsider\nsort_name: Outsider\nrole: Not part of the edition\n---\nSecret.\n"))
		symlink(t, secret, filepath.Join(root, "content/persons/outsider.md"))
	},
	"symlink-folder": func(t *testing.T, root, outside string) {
		dir := filepath.Join(outside, "conflicts")
		write(t, filepath.Join(dir, "secret.md"), []byte("---\ntitle: Outside\n---\nSecret.\n"))
		symlink(t, dir, filepath.Join(root, "content/conflicts"))
	},
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatalf("cannot create a symbolic link on this system: %v", err)
	}
}

// copyDir copies the regular files below src into dst, keeping paths.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel == "want.txt" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		write(t, filepath.Join(dst, rel), b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// snapshot reads every file below dir, by slash-separated relative path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// parseWant reads want.txt: the exit code and the expected stderr lines.
func parseWant(t *testing.T, path string) (code int, lines []string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rest []string
	for _, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if !strings.HasPrefix(l, "#") {
			rest = append(rest, l)
		}
	}
	if len(rest) == 0 || !strings.HasPrefix(rest[0], "exit ") {
		t.Fatalf("%s: first line must be \"exit N\"", path)
	}
	code, err = strconv.Atoi(strings.TrimPrefix(rest[0], "exit "))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return code, rest[1:]
}

func lines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// setup lays the base tree and the case's files into a temporary folder
// and returns it; content/ is the content, out/ an earlier build.
func setup(t *testing.T, name string) (root string) {
	t.Helper()
	root = t.TempDir()
	copyDir(t, filepath.Join("testdata", "base"), filepath.Join(root, "content"))
	copyDir(t, filepath.Join("testdata", "badinput", name), filepath.Join(root, "content"))
	if gen := generate[name]; gen != nil {
		gen(t, root, t.TempDir())
	}
	write(t, filepath.Join(root, "out", "marker.txt"), []byte("an earlier build\n"))
	write(t, filepath.Join(root, "out", "index.html"), []byte("<!DOCTYPE html><title>earlier</title>\n"))
	return root
}

// runBuild runs the command in-process and returns its exit code and
// output, with the temporary folder taken out of paths.
func runBuild(t *testing.T, root string, extra ...string) (code int, stdout, stderr string) {
	t.Helper()
	args := append([]string{
		"-content", filepath.Join(root, "content"),
		"-templates", filepath.Join("..", "..", "templates"),
		"-static", filepath.Join("..", "..", "static"),
		"-out", filepath.Join(root, "out"),
	}, extra...)
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	clean := func(s string) string { return strings.ReplaceAll(s, root+string(filepath.Separator), "") }
	return code, clean(out.String()), clean(errOut.String())
}

func TestBadInput(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "badinput"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	for name := range generate {
		if !slices.Contains(names, name) {
			t.Errorf("generated case %s has no folder testdata/badinput/%s with want.txt", name, name)
		}
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			wantCode, wantLines := parseWant(t, filepath.Join("testdata", "badinput", name, "want.txt"))
			root := setup(t, name)
			before := snapshot(t, filepath.Join(root, "out"))

			// -check reports the same problems and writes nothing.
			code, _, stderr := runBuild(t, root, "-check")
			if code != wantCode {
				t.Errorf("build -check: exit %d, want %d; stderr:\n%s", code, wantCode, stderr)
			}
			if got := lines(stderr); !slices.Equal(got, wantLines) {
				t.Errorf("build -check: stderr\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
			}

			code, stdout, stderr := runBuild(t, root)
			if code != wantCode {
				t.Errorf("build: exit %d, want %d; stderr:\n%s", code, wantCode, stderr)
			}
			if got := lines(stderr); !slices.Equal(got, wantLines) {
				t.Errorf("build: stderr\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
			}
			after := snapshot(t, filepath.Join(root, "out"))
			if wantCode != 0 {
				if stdout != "" {
					t.Errorf("failing build printed %q on stdout", stdout)
				}
				if !mapsEqual(before, after) {
					t.Errorf("failing build changed the earlier output: had %v, now %v", keys(before), keys(after))
				}
			} else {
				if !strings.HasPrefix(stdout, "built ") {
					t.Errorf("stdout = %q, want the build summary", stdout)
				}
				if after["marker.txt"] != "" {
					t.Errorf("successful build kept marker.txt of the earlier output")
				}
				if check := successChecks[name]; check != nil {
					check(t, root, after)
				}
			}
			leftovers, _ := filepath.Glob(filepath.Join(root, ".out*"))
			if len(leftovers) > 0 {
				t.Errorf("build left temporary folders behind: %v", leftovers)
			}
		})
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// successChecks look at the output of the cases that must build.
var successChecks = map[string]func(t *testing.T, root string, out map[string]string){
	"bom-crlf": func(t *testing.T, root string, out map[string]string) {
		// Guard against an editor or git normalising the fixture.
		for _, p := range []string{"persons/shtykov.md", "documents/1949-09-24-resolution.md"} {
			b, err := os.ReadFile(filepath.Join("testdata", "badinput", "bom-crlf", p))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte("\uFEFF")) || !bytes.Contains(b, []byte("\r\n")) {
				t.Fatalf("fixture %s lost its byte order mark or CRLF line endings", p)
			}
		}
		page := out["documents/1949-09-24-resolution.html"]
		for _, want := range []string{`id="fn-crlf"`, `href="#fnref-crlf"`, "Saved with Windows line endings."} {
			if !strings.Contains(page, want) {
				t.Errorf("document page lacks %s", want)
			}
		}
		if strings.Contains(page, "\r") || strings.Contains(page, "\uFEFF") {
			t.Errorf("document page contains a carriage return or byte order mark")
		}
		if !strings.Contains(out["persons/shtykov.html"], "Terentii Shtykov") {
			t.Errorf("person page lacks the name decoded from the CRLF front matter")
		}
	},
	"script-escaped": func(t *testing.T, root string, out map[string]string) {
		for p, data := range out {
			if strings.HasSuffix(p, ".html") {
				for _, f := range htmlcheck.LiveScripts([]byte(data), false) {
					t.Errorf("%s: %s", p, f)
				}
			}
		}
		escaped := func(p, alert string) {
			t.Helper()
			if want := "&lt;script&gt;" + alert; !strings.Contains(out[p], want) {
				t.Errorf("%s does not show %s as text", p, want)
			}
		}
		escaped("documents/1949-09-24-resolution.html", "alert(1)")        // title
		escaped("persons/index.html", "alert(2)")                          // YAML field (role)
		escaped("documents/1949-09-24-resolution.source.html", "alert(3)") // Markdown body, in the source view
		escaped("documents/1949-09-24-resolution.source.html", "alert(4)")
		if !strings.Contains(out["documents/1949-09-24-resolution.html"], "<!-- raw HTML omitted -->") {
			t.Errorf("the document's rendered body does not omit its raw HTML")
		}
	},
}
