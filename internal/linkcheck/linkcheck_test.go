package linkcheck

import (
	"testing"
	"testing/fstest"
)

func TestCheck(t *testing.T) {
	fsys := fstest.MapFS{
		"index.html": {Data: []byte(`<!DOCTYPE html><title>x</title>
<link rel="stylesheet" href="assets/style.css">
<a href="docs/a.html#p-1">ok</a>
<a href="docs/a.html#missing">bad fragment</a>
<a href="docs/b.html">missing file</a>
<a href="docs/">folder</a>
<a href="/docs/a.html">root-absolute</a>
<a href="https://example.org/x#y">external</a>
<a href="mailto:x@example.org">mail</a>
<a href="#top">self ok</a>
<a href="#nowhere">self bad</a>
<a href="../outside.html">outside</a>
<a href="feed.xml#x">fragment on a non-page</a>
<p id="top"><a name="legacy"></a><a href="#legacy">by name</a></p>
<svg><a xlink:href="docs/a.html#svg-target"><text>mark</text></a><a href="docs/gone.html"><text>svg2</text></a></svg>
<script src="assets/missing.js"></script>
<a href="">empty</a><a href="javascript:alert(1)">script</a>
<noscript><a href="docs/noscript-gone.html">without script</a></noscript>
<form action="docs/no-form.html"></form><video poster="img/no-poster.jpg"></video>
<object data="img/no-object.svg"></object><img srcset="img/x%20y.png 1x, img/no-2x.png 2x" alt="">`)},
		"docs/a.html": {Data: []byte(`<!DOCTYPE html><title>a</title>
<meta http-equiv="refresh" content="0; url=../index.html#top">
<p id="p-1">one</p><g id="svg-target"></g>
<img src="../img/x%20y.png" alt=""><a href="a.html?q=1#p-1">query</a>`)},
		"docs/index.html": {Data: []byte(`<!DOCTYPE html><title>i</title>`)},
		"404.html": {Data: []byte(`<!DOCTYPE html><title>404</title>
<a href="/base/docs/a.html#p-1">ok</a><a href="/base/docs/nope.html">missing</a>
<a href="/other/x.html">outside</a><a href="/base/">folder</a>`)},
		"img/x y.png":      {Data: []byte("png")},
		"assets/style.css": {Data: []byte(`a { background: url("../img/x%20y.png") } b { background: url(missing.png) } i { background: url('../index.html#nope') }`)},
		"feed.xml":         {Data: []byte("<feed/>")},
	}
	probs, err := Check(fsys, Options{BasePath: "/base", ServerOnly: []string{"404.html"}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"index.html \"#nowhere\"":                 true,
		"index.html \"../outside.html\"":          true,
		"index.html \"/docs/a.html\"":             true,
		"index.html \"assets/missing.js\"":        true,
		"index.html \"docs/\"":                    true,
		"index.html \"docs/a.html#missing\"":      true,
		"index.html \"docs/b.html\"":              true,
		"index.html \"docs/gone.html\"":           true,
		"index.html \"feed.xml#x\"":               true,
		"index.html \"\"":                         true,
		"index.html \"javascript:alert(1)\"":      true,
		"index.html \"docs/noscript-gone.html\"":  true,
		"index.html \"docs/no-form.html\"":        true,
		"index.html \"img/no-poster.jpg\"":        true,
		"index.html \"img/no-object.svg\"":        true,
		"index.html \"img/no-2x.png\"":            true,
		"assets/style.css \"missing.png\"":        true,
		"assets/style.css \"../index.html#nope\"": true,
		"404.html \"/base/docs/nope.html\"":       true,
		"404.html \"/other/x.html\"":              true,
		"404.html \"/base/\"":                     true,
	}
	got := map[string]bool{}
	for _, p := range probs {
		key := p.Page + " " + quote(p.Link)
		got[key] = true
		if !want[key] {
			t.Errorf("unexpected problem: %s", p)
		}
	}
	for k := range want {
		if !got[k] {
			t.Errorf("broken link not reported: %s", k)
		}
	}
}

func TestRefreshURL(t *testing.T) {
	for in, want := range map[string]string{
		"0; url=a.html":    "a.html",
		"0;URL='b.html#x'": "b.html#x",
		"5":                "",
		"0; http://x":      "",
		`0; url="c.html" `: "c.html",
	} {
		if got := refreshURL(in); got != want {
			t.Errorf("refreshURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func quote(s string) string { return `"` + s + `"` }
