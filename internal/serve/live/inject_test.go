package live

import (
	"strings"
	"testing"
)

func TestInject(t *testing.T) {
	tag := ScriptTag
	tests := []struct{ name, in, want string }{
		{"body", "<html><body><p>x</p></body></html>", "<html><body><p>x</p>" + tag + "\n</body></html>"},
		{"upper case", "<HTML><BODY>x</BODY></HTML>", "<HTML><BODY>x" + tag + "\n</BODY></HTML>"},
		{"last body wins", "<body><!-- </body> -->x</body>", "<body><!-- </body> -->x" + tag + "\n</body>"},
		{"no body", "<html><p>x</p></html>", "<html><p>x</p>" + tag + "\n</html>"},
		{"fragment", "<p>x</p>", "<p>x</p>" + tag},
		{"empty", "", tag},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			if got := string(Inject(in)); got != tt.want {
				t.Errorf("Inject(%q) =\n%s\nwant\n%s", tt.in, got, tt.want)
			}
			if string(in) != tt.in {
				t.Errorf("Inject modified its argument: %q", in)
			}
		})
	}
}

func TestScriptIsExternalAndSameOrigin(t *testing.T) {
	// The pages' CSP allows script-src 'self' only: an inline script
	// would be blocked, and a script elsewhere would be too.
	if !strings.HasPrefix(ScriptTag, `<script src="/`) || strings.Contains(ScriptTag, "//") || !strings.HasSuffix(ScriptTag, "></script>") {
		t.Errorf("ScriptTag %s is not an external same-origin script", ScriptTag)
	}
	for _, want := range []string{"EventSource('/__live/events')", "'/__live/status'", "textContent"} {
		if !strings.Contains(string(script), want) {
			t.Errorf("reload.js does not contain %s", want)
		}
	}
	if strings.Contains(string(script), "innerHTML") {
		t.Error("reload.js uses innerHTML; problems must be shown as text")
	}
}
