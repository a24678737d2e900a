package serve

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/diag"
)

// templatePos finds the position html/template puts in its errors:
// "template: document.html:12:5: ..." (the column is left out by parse
// errors).
var templatePos = regexp.MustCompile(`template: ([^\s:]+\.html):(\d+)(?::(\d+))?: `)

// programError splits an error of pipeline.Run into a position and a
// message. Template errors get the position of the template, so the
// terminal and the overlay show them like content errors.
func programError(err error, templates string) (diag.Position, string) {
	msg := err.Error()
	m := templatePos.FindStringSubmatchIndex(msg)
	if m == nil {
		return diag.Position{}, msg
	}
	pos := diag.Position{File: path.Join(templates, msg[m[2]:m[3]])}
	pos.Line, _ = strconv.Atoi(msg[m[4]:m[5]])
	if m[6] >= 0 {
		pos.Col, _ = strconv.Atoi(msg[m[6]:m[7]])
	}
	return pos, strings.TrimSpace(msg[:m[0]] + msg[m[1]:])
}
