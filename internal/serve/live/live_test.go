package live

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// stream opens the event stream and returns its lines, read in the
// background until the test ends.
func stream(t *testing.T, url string) <-chan string {
	t.Helper()
	resp, err := http.Get(url + Prefix + "events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	lines := make(chan string, 100)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	return lines
}

// waitFor reads lines until want, failing after a generous timeout.
func waitFor(t *testing.T, lines <-chan string, want string) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("stream ended before %q", want)
			}
			if l == want {
				return
			}
		case <-timeout:
			t.Fatalf("no %q on the stream", want)
		}
	}
}

func TestPublish(t *testing.T) {
	s := New()
	srv := httptest.NewServer(s)
	defer srv.Close()
	defer s.Close() // before srv.Close, which waits for open streams

	lines := stream(t, srv.URL)
	waitFor(t, lines, ": live preview")

	s.Publish(Status{Build: 2, Problems: []Problem{{Pos: "content/a.md:4:7", Severity: "error", Message: "bad <date>"}}}, false)
	waitFor(t, lines, "event: status")
	resp, err := http.Get(srv.URL + Prefix + "status")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st Status
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		t.Fatal(err)
	}
	if st.OK || st.Build != 2 || len(st.Problems) != 1 || st.Problems[0].Pos != "content/a.md:4:7" {
		t.Errorf("status = %+v", st)
	}

	s.Publish(Status{OK: true, Build: 3}, true)
	waitFor(t, lines, "event: reload")
	if st := s.Status(); !st.OK || st.Problems == nil {
		t.Errorf("status after a good build = %+v; problems must be an empty list", st)
	}
}

func TestCloseEndsStreams(t *testing.T) {
	s := New()
	srv := httptest.NewServer(s)
	defer srv.Close()
	lines := stream(t, srv.URL)
	waitFor(t, lines, ": live preview")
	s.Close()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case _, ok := <-lines:
			if !ok {
				return
			}
		case <-timeout:
			t.Fatal("stream still open after Close")
		}
	}
}

func TestScriptServed(t *testing.T) {
	rec := httptest.NewRecorder()
	New().ServeHTTP(rec, httptest.NewRequest("GET", Prefix+"reload.js", nil))
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/javascript") || rec.Body.Len() == 0 {
		t.Errorf("reload.js: %d %q, %d bytes", rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
	}
}
