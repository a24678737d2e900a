package main

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestRunUsageAndProgramErrors(t *testing.T) {
	tests := []struct {
		name      string
		args      func(root string) []string
		wantCode  int
		wantFirst string // first line of stderr
	}{
		{"unknown flag", func(string) []string { return []string{"-nope"} }, 2,
			"flag provided but not defined: -nope"},
		{"extra argument", func(root string) []string { return []string{"-content", root, "extra"} }, 2,
			`build: unexpected argument "extra"`},
		{"missing templates", func(root string) []string {
			return []string{"-content", filepath.Join(root, "content"), "-templates", filepath.Join(root, "none"),
				"-static", filepath.Join(root, "none"), "-out", filepath.Join(root, "out")}
		}, 2, "build: templates: template: pattern matches no files: `base.html`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := setup(t, "bom-crlf") // any valid tree
			before := snapshot(t, filepath.Join(root, "out"))
			var stdout, stderr bytes.Buffer
			code := run(tt.args(root), &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("run(%q) = %d, want %d; stderr:\n%s", tt.args(root), code, tt.wantCode, stderr.String())
			}
			first, _, _ := strings.Cut(strings.ReplaceAll(stderr.String(), root+string(filepath.Separator), ""), "\n")
			if first != tt.wantFirst {
				t.Errorf("run(%q): stderr starts %q, want %q", tt.args(root), first, tt.wantFirst)
			}
			if after := snapshot(t, filepath.Join(root, "out")); !mapsEqual(before, after) {
				t.Errorf("run(%q) changed the earlier output", tt.args(root))
			}
		})
	}
}

// TestStrict checks that a warning passes a normal build and fails a
// strict one.
func TestStrict(t *testing.T) {
	const warning = "content/documents/1950-01-01-uncited.md:1:1: warning: document is not cited by any note"
	tests := []struct {
		args     []string
		wantCode int
		want     []string
	}{
		{nil, 0, []string{warning}},
		{[]string{"-check"}, 0, []string{warning}},
		{[]string{"-strict"}, 1, []string{warning, "0 errors, 1 warning; nothing was written"}},
		{[]string{"-strict", "-check"}, 1, []string{warning, "0 errors, 1 warning; nothing was written"}},
	}
	for _, tt := range tests {
		root := setup(t, "bom-crlf")
		write(t, filepath.Join(root, "content/documents/1950-01-01-uncited.md"), []byte(
			"---\ntitle: An uncited letter\nkind: letter\ndate: 1950-01-01\nnature: contemporary\n---\nA headnote.\n"))
		code, _, stderr := runBuild(t, root, tt.args...)
		if code != tt.wantCode || !slices.Equal(lines(stderr), tt.want) {
			t.Errorf("build %q = exit %d, stderr\n%s\nwant exit %d, stderr\n%s", tt.args, code, stderr, tt.wantCode, strings.Join(tt.want, "\n"))
		}
	}
}
