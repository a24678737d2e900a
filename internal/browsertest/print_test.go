package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	edsite "github.com/korean-war-sources/edition/internal/site"
)

// A4 in inches, as Page.printToPDF takes it.
const a4Width, a4Height = 8.27, 11.69

// testPrint prints each packet's print view to PDF, as a teacher saving
// it from Chromium would, and reads the PDF's text with pdftotext: every
// document of the packet must print with its date and archival
// references, no screen-only mark (the ↩ of an annotation's back-link,
// the ¶ of a paragraph link) may print, and every page carries its
// number. Each document's own page must print the same way. The PDFs
// are kept beside the screenshots to be looked at.
func (e *edition) testPrint(t *testing.T) {
	pdftotext := tool(t, "EDITION_PDFTOTEXT")
	ed := loadContent(t)
	docs := map[string]*content.Document{}
	for _, d := range ed.Documents {
		docs[d.ID] = d
	}
	p := printer{e: e, tb: newTab(t, e.browser), pdftotext: pdftotext, dir: screenshotDir(t)}
	for _, pk := range ed.Packets {
		path := edsite.PacketPrintPath(pk.ID)
		flat := p.print(t, path, "packet-"+pk.ID+".pdf")
		for _, it := range pk.Items {
			if d := docs[it.Doc.ID]; d != nil {
				expectDocument(t, path, flat, d)
				docPath := edsite.DocumentPath(d.ID)
				expectDocument(t, docPath, p.print(t, docPath, "document-"+d.ID+".pdf"), d)
			}
		}
	}
	p.tb.expectClean(t, "printed pages")
}

// printer prints pages of the edition to PDF and reads them back.
type printer struct {
	e         *edition
	tb        *tab
	pdftotext string
	dir       string // where the PDFs are kept
}

// print prints the page at path and returns its text with runs of white
// space made one space, having checked what every printed page needs:
// page numbers and no screen-only marks.
func (p printer) print(t *testing.T, path, file string) string {
	t.Helper()
	p.tb.do(t, "loading "+path, chromedp.Navigate(p.e.url(path)))
	pdf := run(t, p.tb, "printing "+path, printA4())
	name := filepath.Join(p.dir, file)
	if err := os.WriteFile(name, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, p.pdftotext, name)
	pages := strings.Count(text, "\f")
	t.Logf("%s: %d A4 pages, written to %s", path, pages, name)
	flat := strings.Join(strings.Fields(text), " ")
	for _, mark := range []string{"↩", "¶", "Copy citation", "Note note"} {
		if strings.Contains(text, mark) {
			t.Errorf("%s prints %q", path, mark)
		}
	}
	for n := 1; n <= pages; n++ { // pdftotext may drop the spaces around the slash
		if want := fmt.Sprintf(`(^| )%d ?/ ?%d( |$)`, n, pages); !regexp.MustCompile(want).MatchString(flat) {
			t.Errorf("%s: page %d has no page number \"%d / %d\"", path, n, n, pages)
		}
	}
	return flat
}

// expectDocument checks that printed text holds a document's date and
// archival references.
func expectDocument(t *testing.T, path, flat string, d *content.Document) {
	t.Helper()
	if want := d.Date.Display(); !d.Date.IsZero() && !strings.Contains(flat, want) {
		t.Errorf("%s: document %s prints without its date %q", path, d.ID, want)
	}
	for _, a := range d.Archive {
		if !strings.Contains(flat, a.AsPrinted) {
			t.Errorf("%s: document %s prints without its archival reference %q", path, d.ID, a.AsPrinted)
		}
	}
}

// printA4 prints the tab's page to PDF on A4, with no browser header or
// footer: the page numbers must come from the stylesheet.
func printA4() chromedp.Action[[]byte] {
	return chromedp.Action[[]byte](func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		no := false
		res, err := cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{
			PaperWidth: a4Width, PaperHeight: a4Height, DisplayHeaderFooter: &no,
		})
		if err != nil {
			return nil, err
		}
		return res.Data, nil
	})
}

// pdfText is the text of a PDF, pages separated by form feeds.
func pdfText(t *testing.T, pdftotext, file string) string {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(pdftotext, "-enc", "UTF-8", file, "-")
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", file, err, errb.String())
	}
	return out.String()
}

// loadContent reads the repository's content, for what the pages should
// show.
func loadContent(t *testing.T) *content.Edition {
	t.Helper()
	root := filepath.Join(repoRoot, "content")
	var diags diag.List
	ed, err := content.LoadCached(os.DirFS(root), root, nil, &diags)
	if err != nil {
		t.Fatalf("loading %s: %v", root, err)
	}
	return ed
}
