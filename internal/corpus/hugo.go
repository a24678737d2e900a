package corpus

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"testing/fstest"

	"go.yaml.in/yaml/v3"
)

// HugoFS returns the generated edition of n documents as a Hugo site, for
// measuring the edition's build against Hugo's on the same material: the
// same documents with the same bodies and footnotes, each a page with its
// title, date and persons; a timeline listing every document by date; and
// a taxonomy page per person. Cross-references become plain links or
// text, since Hugo has no [[kind:id]] syntax. Paths are relative to the
// site's root folder.
func HugoFS(n int) (fstest.MapFS, error) {
	src := FS(n)
	site := fstest.MapFS{}
	for p, f := range src {
		if path.Dir(p) != "documents" || path.Ext(p) != ".md" {
			continue
		}
		page, err := hugoPage(string(f.Data))
		if err != nil {
			return nil, fmt.Errorf("corpus: %s: %w", p, err)
		}
		site["content/documents/"+path.Base(p)] = &fstest.MapFile{Data: []byte(page)}
	}
	for name, text := range hugoSkeleton {
		site[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return site, nil
}

// documentFront is the part of a generated document's front matter that
// the Hugo page shows.
type documentFront struct {
	Title    string                    `yaml:"title"`
	Date     string                    `yaml:"date"`
	From     []struct{ Person string } `yaml:"from"`
	To       []struct{ Person string } `yaml:"to"`
	Mentions []string                  `yaml:"mentions"`
}

func hugoPage(text string) (string, error) {
	rest, ok := strings.CutPrefix(text, "---\n")
	front, body, found := strings.Cut(rest, "\n---\n")
	if !ok || !found {
		return "", fmt.Errorf("no front matter")
	}
	var d documentFront
	if err := yaml.Unmarshal([]byte(front), &d); err != nil {
		return "", err
	}
	var persons []string
	for _, p := range append(d.From, d.To...) {
		persons = append(persons, p.Person)
	}
	persons = append(persons, d.Mentions...)
	out, err := yaml.Marshal(map[string]any{"title": d.Title, "date": fullDate(d.Date), "persons": persons})
	if err != nil {
		return "", err
	}
	return "---\n" + string(out) + "---\n" + plainReferences(body), nil
}

// fullDate turns a partial date (1949, 1949-05) or a range
// (1949-05-01/1949-05-03, 1949-05/1949-07) into a day Hugo can sort: the
// first day it can mean.
func fullDate(d string) string {
	d, _, _ = strings.Cut(d, "/")
	switch len(d) {
	case 4:
		return d + "-01-01"
	case 7:
		return d + "-01"
	}
	return d
}

var reference = regexp.MustCompile(`\[\[(doc|person|note|work|event|section|conflict|term|packet):([a-z0-9-]+)(?:\|([^\]]*))?\]\]`)

// plainReferences replaces [[doc:ID|label]] by a Markdown link to the
// document and other references by their label or id.
func plainReferences(body string) string {
	return reference.ReplaceAllStringFunc(body, func(m string) string {
		parts := reference.FindStringSubmatch(m)
		kind, id, label := parts[1], parts[2], parts[3]
		if label == "" {
			label = id
		}
		if kind == "doc" {
			return "[" + label + "](/documents/" + id + "/)"
		}
		return label
	})
}

// hugoSkeleton is the configuration and the minimal templates: a base
// layout, a document page, the timeline (the documents section's list)
// and the person taxonomy pages.
var hugoSkeleton = map[string]string{
	"hugo.toml": `baseURL = "https://example.org/"
title = "Generated edition"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
[taxonomies]
  person = "persons"
[markup.goldmark.extensions]
  footnote = true
  typographer = true
`,
	"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}} · {{site.Title}}</title></head>
<body><header><a href="/">{{site.Title}}</a> <a href="/documents/">Timeline</a> <a href="/persons/">People</a></header>
<main>{{block "main" .}}{{end}}</main></body></html>
`,
	"layouts/_default/single.html": `{{define "main"}}<article><h1>{{.Title}}</h1>
<p><time datetime="{{.Date.Format "2006-01-02"}}">{{.Date.Format "2 January 2006"}}</time></p>
{{with .GetTerms "persons"}}<p>People: {{range $i, $p := .}}{{if $i}}, {{end}}<a href="{{$p.RelPermalink}}">{{$p.LinkTitle}}</a>{{end}}</p>{{end}}
{{.Content}}</article>{{end}}
`,
	"layouts/_default/list.html": `{{define "main"}}<h1>{{.Title}}</h1>
<ol>{{range .Pages.ByDate}}<li><time>{{.Date.Format "2006-01-02"}}</time> <a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}</ol>{{end}}
`,
	"layouts/_default/terms.html": `{{define "main"}}<h1>{{.Title}}</h1>
<ul>{{range .Data.Terms.Alphabetical}}<li><a href="{{.Page.RelPermalink}}">{{.Page.Title}}</a> ({{.Count}})</li>{{end}}</ul>{{end}}
`,
	"layouts/_default/term.html": `{{define "main"}}<h1>{{.Title}}</h1>
<ol>{{range .Pages.ByDate}}<li><time>{{.Date.Format "2006-01-02"}}</time> <a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}</ol>{{end}}
`,
	"layouts/index.html": `{{define "main"}}<h1>{{site.Title}}</h1><p>{{len (where site.RegularPages "Section" "documents")}} documents.</p>{{end}}
`,
}
