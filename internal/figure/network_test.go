package figure

import (
	"encoding/xml"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/sitetest"
)

// smallNetwork is a network shaped like the edition's: a hub, pairs that
// wrote both ways, a long name, and a node whose only edge is incoming.
func smallNetwork() (*site.Site, site.Network) {
	names := map[string]string{
		"gromyko": "Andrei Gromyko", "kovalev": "Ivan Kovalev", "liu": "Liu Shaoqi", "mao": "Mao Zedong",
		"roshchin": "Nikolai Roshchin", "shtemenko": "Sergei Shtemenko", "shtykov": "Terentii Shtykov",
		"stalin": "Joseph Stalin", "tunkin": "Grigorii Tunkin", "vasilevskii": "Aleksandr Vasilevskii",
		"vyshinskii": "Andrei Vyshinskii",
	}
	s := &site.Site{Persons: map[string]*content.Person{}}
	var n site.Network
	for id, name := range names {
		s.Persons[id] = &content.Person{ID: id, Name: name}
	}
	for _, e := range [][3]string{
		{"gromyko", "shtykov", "3"}, {"gromyko", "tunkin", "1"}, {"kovalev", "stalin", "2"}, {"mao", "liu", "1"},
		{"mao", "stalin", "2"}, {"roshchin", "stalin", "1"}, {"shtemenko", "shtykov", "1"}, {"shtemenko", "stalin", "1"},
		{"shtykov", "stalin", "4"}, {"shtykov", "vasilevskii", "1"}, {"shtykov", "vyshinskii", "9"}, {"stalin", "mao", "3"},
		{"stalin", "shtykov", "3"}, {"tunkin", "gromyko", "1"}, {"tunkin", "vyshinskii", "1"}, {"vasilevskii", "stalin", "1"},
		{"vyshinskii", "mao", "1"}, {"vyshinskii", "shtykov", "1"}, {"vyshinskii", "tunkin", "1"},
	} {
		c, _ := strconv.Atoi(e[2])
		n.Edges = append(n.Edges, site.Edge{From: e[0], To: e[1], Count: c})
	}
	for _, id := range []string{"gromyko", "kovalev", "liu", "mao", "roshchin", "shtemenko", "shtykov", "stalin", "tunkin", "vasilevskii", "vyshinskii"} {
		n.Nodes = append(n.Nodes, id)
	}
	return s, n
}

// generatedNetwork is the correspondence of a generated edition.
func generatedNetwork(t *testing.T) (*site.Site, site.Network) {
	t.Helper()
	s := sitetest.Build(t, corpus.FS(120))
	return s, site.Correspondence(s)
}

// drawn is what a test reads back from the SVG of the network.
type drawn struct {
	W, H    float64
	Circles map[string]point // by the person path the node links to
	R       float64
	Labels  []box
	Arrows  []drawnArrow
}

type drawnArrow struct {
	From, To   string
	Start, End point
	Marker     string
}

// readNetwork parses the SVG, as a browser would see it.
func readNetwork(t *testing.T, svg string) drawn {
	t.Helper()
	type text struct {
		X      float64 `xml:"x,attr"`
		Y      float64 `xml:"y,attr"`
		Anchor string  `xml:"text-anchor,attr"`
		Body   string  `xml:",chardata"`
	}
	type circle struct {
		CX float64 `xml:"cx,attr"`
		CY float64 `xml:"cy,attr"`
		R  float64 `xml:"r,attr"`
	}
	type link struct {
		Href   string `xml:"href,attr"`
		Circle circle `xml:"circle"`
		Text   text   `xml:"text"`
	}
	type path struct {
		From   string `xml:"data-from,attr"`
		To     string `xml:"data-to,attr"`
		D      string `xml:"d,attr"`
		Marker string `xml:"marker-end,attr"`
	}
	var doc struct {
		ViewBox string `xml:"viewBox,attr"`
		Edges   []path `xml:"g>path"`
		Nodes   []link `xml:"g>a"`
	}
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		t.Fatalf("network figure is not well-formed: %v", err)
	}
	var d drawn
	vb := strings.Fields(doc.ViewBox)
	if len(vb) != 4 || vb[0] != "0" || vb[1] != "0" {
		t.Fatalf("viewBox %q", doc.ViewBox)
	}
	d.W, _ = strconv.ParseFloat(vb[2], 64)
	d.H, _ = strconv.ParseFloat(vb[3], 64)
	d.Circles = map[string]point{}
	for _, a := range doc.Nodes {
		d.Circles[a.Href] = point{a.Circle.CX, a.Circle.CY}
		d.R = a.Circle.R
		w := labelWidth(a.Text.Body)
		x0 := a.Text.X
		switch a.Text.Anchor {
		case "middle":
			x0 -= w / 2
		case "end":
			x0 -= w
		}
		d.Labels = append(d.Labels, box{x0, a.Text.Y - labelAscent, x0 + w, a.Text.Y + labelDrop})
	}
	for _, p := range doc.Edges {
		var nums []float64
		for _, f := range strings.FieldsFunc(p.D, func(r rune) bool { return r == ' ' || r == ',' || r == 'M' || r == 'Q' }) {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatalf("path %q: %v", p.D, err)
			}
			nums = append(nums, v)
		}
		if len(nums) != 6 {
			t.Fatalf("path %q is not one quadratic curve", p.D)
		}
		d.Arrows = append(d.Arrows, drawnArrow{From: p.From, To: p.To, Start: point{nums[0], nums[1]}, End: point{nums[4], nums[5]}, Marker: p.Marker})
	}
	return d
}

func dist(p, q point) float64 { return math.Hypot(p.X-q.X, p.Y-q.Y) }

func TestNetworkSVG(t *testing.T) {
	small, smallNet := smallNetwork()
	big, bigNet := generatedNetwork(t)
	for _, tt := range []struct {
		name string
		s    *site.Site
		n    site.Network
	}{{"edition-like", small, smallNet}, {"generated", big, bigNet}} {
		t.Run(tt.name, func(t *testing.T) {
			url := func(p string) string { return p }
			svg := NetworkSVG(tt.s, tt.n, url)
			if again := NetworkSVG(tt.s, tt.n, url); again != svg {
				t.Error("NetworkSVG is not deterministic")
			}
			d := readNetwork(t, svg)
			if len(d.Circles) != len(tt.n.Nodes) || len(d.Arrows) != len(tt.n.Edges) {
				t.Fatalf("drew %d nodes and %d arrows, want %d and %d", len(d.Circles), len(d.Arrows), len(tt.n.Nodes), len(tt.n.Edges))
			}
			// Every label lies inside the viewBox.
			for i, l := range d.Labels {
				if l.X0 < 0 || l.Y0 < 0 || l.X1 > d.W || l.Y1 > d.H {
					t.Errorf("label %d (%.0f,%.0f)–(%.0f,%.0f) leaves the viewBox 0 0 %.0f %.0f", i, l.X0, l.Y0, l.X1, l.Y1, d.W, d.H)
				}
			}
			// No two node circles overlap, and no label covers a circle.
			for a, p := range d.Circles {
				for b, q := range d.Circles {
					if a < b && dist(p, q) < 2*d.R {
						t.Errorf("circles of %s and %s overlap", a, b)
					}
				}
			}
			// Every edge has an arrowhead at the recipient's end.
			if !strings.Contains(svg, `<marker id="net-arrow"`) {
				t.Error("no arrowhead marker")
			}
			for i, a := range d.Arrows {
				e := tt.n.Edges[i]
				if a.From != e.From || a.To != e.To || a.Marker != "url(#net-arrow)" {
					t.Errorf("arrow %d is %s→%s with marker %q, want %s→%s with the arrowhead", i, a.From, a.To, a.Marker, e.From, e.To)
					continue
				}
				from, to := d.Circles[site.PersonPath(e.From)], d.Circles[site.PersonPath(e.To)]
				if dist(a.Start, from) >= dist(a.Start, to) || dist(a.End, to) >= dist(a.End, from) {
					t.Errorf("arrow %s→%s runs from %v to %v: not from the sender %v to the recipient %v", e.From, e.To, a.Start, a.End, from, to)
				}
			}
		})
	}
}

// TestNetworkIsCompact checks that the figure has no empty band: every
// side of the viewBox is within the padding of something drawn.
func TestNetworkIsCompact(t *testing.T) {
	s, n := smallNetwork()
	d := readNetwork(t, NetworkSVG(s, n, func(p string) string { return p }))
	bb := d.Labels[0]
	for _, l := range d.Labels {
		bb = bb.union(l)
	}
	for _, c := range d.Circles {
		bb = bb.union(box{c.X - d.R, c.Y - d.R, c.X + d.R, c.Y + d.R})
	}
	for i, a := range d.Labels {
		for _, b := range d.Labels[i+1:] {
			if a.overlap(b) > 0 {
				t.Errorf("labels %v and %v overlap", a, b)
			}
		}
		for _, c := range d.Circles {
			if a.overlap(box{c.X - d.R, c.Y - d.R, c.X + d.R, c.Y + d.R}) > 0 {
				t.Errorf("label %v covers the node at %v", a, c)
			}
		}
	}
	const slack = figPad + 1
	if bb.X0 > slack || bb.Y0 > slack || d.W-bb.X1 > slack || d.H-bb.Y1 > slack {
		t.Errorf("drawn area (%.0f,%.0f)–(%.0f,%.0f) leaves empty margins in 0 0 %.0f %.0f", bb.X0, bb.Y0, bb.X1, bb.Y1, d.W, d.H)
	}
}

// TestHypotIsMathHypot checks the layout's hypot against math.Hypot, bit
// for bit, on the differences of coordinates it meets and on edge cases.
func TestHypotIsMathHypot(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.01, 1e-310, 5e-324, 3, 4, 720, -440, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		vals = append(vals, (r.Float64()-0.5)*2*fieldW, (r.Float64()-0.5)*1e-3, r.NormFloat64()*math.Pow(10, float64(r.IntN(40)-20)))
	}
	for i := 0; i+1 < len(vals); i++ {
		p, q := vals[i], vals[i+1]
		if got, want := hypot(p, q), math.Hypot(p, q); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("hypot(%g, %g) = %v, math.Hypot %v", p, q, got, want)
		}
	}
}

func BenchmarkForceLayout(b *testing.B) {
	var links [][2]int
	for i := range 60 {
		links = append(links, [2]int{i, (i * 7) % 60}, [2]int{i, (i + 1) % 60})
	}
	for b.Loop() {
		forceLayout(60, links)
	}
}
