// Package diag records problems found in content files with their
// positions, in the manner of go/scanner.ErrorList: many problems are
// collected in one run, sorted by position and printed one per line as
// path:line:col: severity: message.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Position is a place in a content file. Line and Col count from 1;
// a zero Line means the whole file and a zero Col the whole line.
type Position struct {
	File string
	Line int
	Col  int
}

// String formats the position as path:line:col, leaving out unknown parts.
func (p Position) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity separates problems that fail a build from advice.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// A Diagnostic is one problem at one position.
type Diagnostic struct {
	Pos      Position
	Severity Severity
	Message  string
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Message)
}

// List collects diagnostics. The zero value is ready to use; it is not
// safe for concurrent use, so parallel workers keep their own lists and
// merge them with Append.
type List struct {
	items []Diagnostic
}

// Errorf records an error at pos.
func (l *List) Errorf(pos Position, format string, args ...any) {
	l.items = append(l.items, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos Position, format string, args ...any) {
	l.items = append(l.items, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Append adds every diagnostic of other.
func (l *List) Append(other *List) {
	if other != nil {
		l.items = append(l.items, other.items...)
	}
}

// Items returns the diagnostics sorted by file, line, column and message,
// with exact duplicates removed.
func (l *List) Items() []Diagnostic {
	items := slices.Clone(l.items)
	slices.SortFunc(items, compare)
	return slices.CompactFunc(items, func(a, b Diagnostic) bool { return compare(a, b) == 0 })
}

func compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Col, b.Pos.Col),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Message, b.Message),
	)
}

// Count reports how many errors and warnings the list holds.
func (l *List) Count() (errors, warnings int) {
	for _, d := range l.Items() {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any diagnostic is an error, or, when strict
// is set, whether there is any diagnostic at all.
func (l *List) HasErrors(strict bool) bool {
	for _, d := range l.items {
		if d.Severity == Error || strict {
			return true
		}
	}
	return false
}

// String prints every diagnostic on its own line, sorted.
func (l *List) String() string {
	var b strings.Builder
	for _, d := range l.Items() {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Summary is the closing line of a report: "2 errors, 1 warning".
func (l *List) Summary() string {
	e, w := l.Count()
	return fmt.Sprintf("%s, %s", plural(e, "error"), plural(w, "warning"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Closest returns the candidate nearest to name by edit distance, or ""
// when none is close enough to be a plausible typo.
func Closest(name string, candidates []string) string {
	best, bestDist := "", len(name)/2+2
	for _, c := range candidates {
		if d := distance(name, c); d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// Suggest formats Closest as a hint for a message, or "" when there is none.
func Suggest(name string, candidates []string) string {
	if c := Closest(name, candidates); c != "" {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}

// distance is the Levenshtein distance between a and b in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
