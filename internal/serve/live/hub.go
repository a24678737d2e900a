package live

import (
	"fmt"
	"net/http"
	"sync"
)

// hub fans events out to the open event streams, one per browser tab.
type hub struct {
	mu     sync.Mutex
	subs   map[chan string]struct{}
	done   chan struct{}
	closed bool
}

func newHub() *hub {
	return &hub{subs: map[chan string]struct{}{}, done: make(chan struct{})}
}

// broadcast sends event to every stream without waiting. Each stream
// buffers one event; a newer event replaces one not yet sent, because
// only the latest state of the build matters to a page.
func (h *hub) broadcast(event string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case <-ch:
		default:
		}
		ch <- event // cannot block: only broadcast sends, under h.mu
	}
}

func (h *hub) subscribe() (chan string, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	ch := make(chan string, 1)
	h.subs[ch] = struct{}{}
	return ch, true
}

func (h *hub) unsubscribe(ch chan string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, ch)
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// serve streams events to one page until the page goes away or the hub
// is closed.
func (h *hub) serve(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	ch, ok := h.subscribe()
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer h.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream")
	// A comment opens the stream at once, so the page (and the test)
	// knows it is subscribed; retry makes a reconnecting page quick.
	fmt.Fprint(w, ": live preview\nretry: 1000\n\n")
	if rc.Flush() != nil {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		case ev := <-ch:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev, ev)
			if rc.Flush() != nil {
				return
			}
		}
	}
}
