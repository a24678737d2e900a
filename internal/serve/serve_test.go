package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/pipeline"
	"github.com/korean-war-sources/edition/internal/serve/live"
)

// patience bounds every wait of the end-to-end test. It is generous: a
// rebuild of the real edition takes about a second, several under -race.
const patience = 30 * time.Second

// TestLivePreview runs the preview on a small generated edition, with a
// copy of the real templates and static files: an edit
// shows up in the served page and reloads it; a broken edit (content or
// template) keeps the last good page and reports the problem with its
// position; fixing it reloads again; and stopping returns.
func TestLivePreview(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"templates", "static"} {
		copyTree(t, filepath.Join("..", "..", dir), filepath.Join(root, dir))
	}
	if err := corpus.Write(filepath.Join(root, "content"), 3); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root) // positions then read content/..., as in a real session
	docID, title, date := pickDocument(t)

	ln, err := Listen(0)
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	var out lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, ln, Options{
			Config: pipeline.Config{Content: "content", Templates: "templates", Static: "static", Out: "public"},
			Stdout: &out, Stderr: &out,
		})
	}()
	client := &http.Client{Transport: &http.Transport{}, Timeout: patience}
	defer func() {
		if t.Failed() {
			t.Logf("preview output:\n%s", out.String())
		}
	}()

	if st := status(t, client, base); !st.OK {
		t.Fatalf("the edition does not build, so nothing can be previewed: %+v", st.Problems)
	}
	page := "/documents/" + docID + ".html"
	doc := filepath.Join("content", "documents", docID+".md")
	if body := get(t, client, base+page); !strings.Contains(body, live.ScriptTag) {
		t.Fatalf("first GET %s: no reload script:\n%s", page, body)
	}
	if b, err := os.ReadFile(filepath.Join("public", "documents", docID+".html")); err != nil || bytes.Contains(b, []byte("__live")) {
		t.Fatalf("the written page must exist without the reload script (err %v)", err)
	}
	events := stream(t, client, base)
	events.waitFor(t, ": live preview")

	// A good edit.
	edit(t, doc, title, "title: Live preview retitled report")
	eventually(t, "the new title is served", func() bool {
		return strings.Contains(get(t, client, base+page), "Live preview retitled report")
	})
	events.waitFor(t, "event: reload")

	// A rename: the pages naming the person are made when asked for,
	// then written in the background.
	persons, err := filepath.Glob(filepath.Join("content", "persons", "*.md"))
	if err != nil || len(persons) == 0 {
		t.Fatal("no persons", err)
	}
	person := "/persons/" + strings.TrimSuffix(filepath.Base(persons[0]), ".md") + ".html"
	edit(t, persons[0], "\nname: '", "\nname: 'Renamed ")
	events.waitFor(t, "event: reload")
	if body := get(t, client, base+person); !strings.Contains(body, "Renamed ") {
		t.Errorf("after the reload, %s does not show the new name:\n%s", person, body)
	}
	eventually(t, "the renamed person's page is written", func() bool {
		b, err := os.ReadFile(filepath.Join("public", filepath.FromSlash(person)))
		return err == nil && bytes.Contains(b, []byte("Renamed "))
	})

	// A broken edit: the last good page stays, the status has the error.
	line := lineOf(t, doc, date)
	edit(t, doc, date, "date: 1950-02-30")
	events.waitFor(t, "event: status")
	st := status(t, client, base)
	wantPos := fmt.Sprintf("content/documents/%s.md:%d:7", docID, line)
	if st.OK || !hasProblem(st, wantPos, "not a real day") {
		t.Errorf("status after a broken edit = %+v; want an error at %s", st, wantPos)
	}
	if body := get(t, client, base+page); !strings.Contains(body, "Live preview retitled report") {
		t.Errorf("the last good page is no longer served:\n%s", body)
	}
	if !strings.Contains(out.String(), wantPos) {
		t.Errorf("the terminal does not show %s", wantPos)
	}

	// The fix.
	edit(t, doc, "date: 1950-02-30", date)
	events.waitFor(t, "event: reload")
	if st := status(t, client, base); !st.OK || len(st.Problems) != 0 {
		t.Errorf("status after the fix = %+v", st)
	}
	// A broken template: reported at its position, fixed the same way.
	tpl := filepath.Join("templates", "document.html")
	good, err := os.ReadFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tpl, append(slices.Clone(good), "{{if}}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	events.waitFor(t, "event: status")
	if st := status(t, client, base); st.OK || len(st.Problems) != 1 || !strings.HasPrefix(st.Problems[0].Pos, "templates/document.html:") {
		t.Errorf("status after a template error = %+v; want one problem in templates/document.html", st)
	}
	if err := os.WriteFile(tpl, good, 0o644); err != nil {
		t.Fatal(err)
	}
	events.waitFor(t, "event: reload")
	if st := status(t, client, base); !st.OK {
		t.Errorf("status after the template fix = %+v", st)
	}

	if !strings.Contains(out.String(), "rebuilt in ") {
		t.Errorf("no rebuild time printed:\n%s", out.String())
	}
	t.Logf("preview output:\n%s", out.String())

	stopped := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
		t.Logf("Run returned %s after its context was canceled", time.Since(stopped).Round(time.Millisecond))
	case <-time.After(patience):
		t.Fatal("Run did not return after its context was canceled")
	}
	// Run's own goroutines are joined by its WaitGroup before it returns;
	// counting the process's goroutines here would measure the test's
	// HTTP client and the runtime too, and fail on a slow machine.
	events.close()
	client.CloseIdleConnections()
}

// pickDocument finds a document of the edition with a one-line
// title and an exact date, so the test does not depend on which documents
// the edition holds. It returns the id and the two front-matter lines.
func pickDocument(t *testing.T) (id, title, date string) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("content", "documents", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	exactDate := regexp.MustCompile(`^date: '?\d{4}-\d{2}-\d{2}'?$`)
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		title, date = "", ""
		for l := range strings.Lines(string(b)) {
			l = strings.TrimSuffix(l, "\n")
			switch {
			case title == "" && strings.HasPrefix(l, "title: ") && len(l) > len("title: "):
				title = l
			case date == "" && exactDate.MatchString(l):
				date = l
			}
		}
		if title != "" && date != "" && bytes.Count(b, []byte(title)) == 1 && bytes.Count(b, []byte(date)) == 1 {
			return strings.TrimSuffix(filepath.Base(name), ".md"), title, date
		}
	}
	t.Fatal("no document with a one-line title and an exact date")
	return "", "", ""
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

// edit replaces old by new in file, which must contain old once.
func edit(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte(old)); n != 1 {
		t.Fatalf("%s contains %q %d times, want once", file, old, n)
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func lineOf(t *testing.T, file, text string) int {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if l == text {
			return i + 1
		}
	}
	t.Fatalf("%s has no line %q", file, text)
	return 0
}

func get(t *testing.T, c *http.Client, url string) string {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return string(b)
}

func status(t *testing.T, c *http.Client, base string) live.Status {
	t.Helper()
	var st live.Status
	if err := json.Unmarshal([]byte(get(t, c, base+live.Prefix+"status")), &st); err != nil {
		t.Fatal(err)
	}
	return st
}

func hasProblem(st live.Status, pos, text string) bool {
	for _, p := range st.Problems {
		if p.Pos == pos && p.Severity == "error" && strings.Contains(p.Message, text) {
			return true
		}
	}
	return false
}

// eventually polls cond until it holds, failing after patience.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// eventStream is an open /__live/events response read line by line.
type eventStream struct {
	lines chan string
	body  io.Closer
	wg    sync.WaitGroup
}

func stream(t *testing.T, c *http.Client, base string) *eventStream {
	t.Helper()
	// No client timeout: the stream stays open for the whole test.
	resp, err := (&http.Client{Transport: c.Transport}).Get(base + live.Prefix + "events")
	if err != nil {
		t.Fatal(err)
	}
	s := &eventStream{lines: make(chan string, 1000), body: resp.Body}
	t.Cleanup(s.close)
	s.wg.Go(func() {
		defer close(s.lines)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
	})
	return s
}

// waitFor reads lines until want.
func (s *eventStream) waitFor(t *testing.T, want string) {
	t.Helper()
	timeout := time.After(patience)
	for {
		select {
		case l, ok := <-s.lines:
			if !ok {
				t.Fatalf("event stream ended before %q", want)
			}
			if l == want {
				return
			}
		case <-timeout:
			t.Fatalf("no %q on the event stream", want)
		}
	}
}

func (s *eventStream) close() {
	s.body.Close()
	s.wg.Wait()
}

// lockedBuffer collects the preview's output from several goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
