package main

import (
	"bytes"
	"strings"
	"testing"
)

// The preview's flags are checked before anything is built or served.
func TestServeFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-serve", "-check"}, "cannot be used together"},
		{[]string{"-serve", "-port", "-1"}, "listening on 127.0.0.1:-1"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("build %v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr.String(), tt.want)
		}
	}
}
