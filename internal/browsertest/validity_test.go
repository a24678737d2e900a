package browsertest

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/linkcheck"
)

// TestHTMLValid runs the Nu Html Checker over every page of the build.
func TestHTMLValid(t *testing.T) {
	vnu := tool(t, "EDITION_VNU")
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatalf("no java on PATH for %s; run `bash scripts/test`, which installs a Java runtime", vnu)
	}
	t.Parallel()
	dir := buildSite(t).dir
	out, err := exec.Command(java, "-jar", vnu, "--errors-only", "--skip-non-html", dir).CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running the Nu Html Checker: %v\n%s", err, out)
	}
	report := strings.TrimSpace(strings.ReplaceAll(string(out), `"file:`+dir+`/`, `"`))
	if err != nil || report != "" {
		t.Errorf("the Nu Html Checker found errors (%d lines):\n%s", strings.Count(report, "\n")+1, report)
	}
}

// TestLinks checks every internal link of the build: the file exists and
// the #fragment names an element of it. Only the 404 page, which a server
// shows at any address, may link from the root of the site's base path.
func TestLinks(t *testing.T) {
	t.Parallel()
	s := buildSite(t)
	problems, err := linkcheck.Check(os.DirFS(s.dir), linkcheck.Options{BasePath: s.basePath, ServerOnly: []string{"404.html"}})
	if err != nil {
		t.Fatalf("checking links: %v", err)
	}
	for _, p := range problems {
		t.Errorf("broken link: %s", p)
	}
}
