package content

import (
	"testing"

	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/subject"
	"go.yaml.in/yaml/v3"
)

func TestTargetDecodeNode(t *testing.T) {
	at := diag.Position{File: "f", Line: 2, Col: 5}
	tests := []struct {
		node    yaml.Node
		want    subject.Subject
		written string // WrittenKind
		bad     bool
	}{
		{yaml.Node{Kind: yaml.ScalarNode, Value: "doc:1950-05-14-stalin-to-mao"}, subject.Of(subject.Document, "1950-05-14-stalin-to-mao"), "doc", false},
		{yaml.Node{Kind: yaml.ScalarNode, Value: "note:59"}, subject.NoteOf(59), "note", false},
		{yaml.Node{Kind: yaml.ScalarNode, Value: "archive:APRF"}, subject.Of(subject.Archive, "APRF"), "archive", false},
		// An unknown kind decodes; the site's check reports it with a suggestion.
		{yaml.Node{Kind: yaml.ScalarNode, Value: "dok:x"}, subject.Subject{ID: "x"}, "dok", false},
		{yaml.Node{Kind: yaml.ScalarNode, Value: "doc:"}, subject.Subject{}, "", true},
		{yaml.Node{Kind: yaml.ScalarNode, Value: "stalin"}, subject.Subject{}, "", true},
		{yaml.Node{Kind: yaml.SequenceNode}, subject.Subject{}, "", true},
	}
	for _, tt := range tests {
		var got Target
		err := got.DecodeNode(&tt.node, at)
		if (err != nil) != tt.bad {
			t.Errorf("DecodeNode(%q): error %v, want error %v", tt.node.Value, err, tt.bad)
			continue
		}
		if tt.bad {
			continue
		}
		if got.Subject != tt.want || got.WrittenKind() != tt.written || got.String() != tt.node.Value || got.Pos != at {
			t.Errorf("DecodeNode(%q) = %+v (kind written %q), want %#v, %q", tt.node.Value, got, got.WrittenKind(), tt.want, tt.written)
		}
	}
}
