package figure

import (
	"math"
)

// The network's layout is computed at build time from sorted data only:
// a force-directed layout (Fruchterman–Reingold) from a fixed start and a
// fixed number of steps, then a pass that pushes apart nodes closer than
// minGap, then a greedy placement of each label where it overlaps least.
// The viewBox is the bounding box of what is drawn, so nothing is clipped
// and no band is left empty.
const (
	nodeRadius = 7.0
	labelFont  = 15.0 // px; the stylesheet sets the same size
	// glyphWidth is an estimate of the mean advance of a glyph of the
	// sans-serif labels, as a fraction of the font size, on the wide
	// side so that a label's box holds its text.
	glyphWidth  = 0.62
	labelAscent = 0.8 * labelFont
	labelDrop   = 0.25 * labelFont
	labelGap    = 5.0 // between a node and its label
	minGap      = 90.0
	figPad      = 8.0
	fieldW      = 720.0 // the frame of the force layout
	fieldH      = 440.0
	iterations  = 300
)

type point struct{ X, Y float64 }

// box is an axis-aligned rectangle.
type box struct{ X0, Y0, X1, Y1 float64 }

func (a box) overlap(b box) float64 {
	w := math.Min(a.X1, b.X1) - math.Max(a.X0, b.X0)
	h := math.Min(a.Y1, b.Y1) - math.Max(a.Y0, b.Y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

func (a box) contains(p point) bool { return p.X >= a.X0 && p.X <= a.X1 && p.Y >= a.Y0 && p.Y <= a.Y1 }

func (a box) union(b box) box {
	return box{math.Min(a.X0, b.X0), math.Min(a.Y0, b.Y0), math.Max(a.X1, b.X1), math.Max(a.Y1, b.Y1)}
}

func (a box) shift(dx, dy float64) box { return box{a.X0 + dx, a.Y0 + dy, a.X1 + dx, a.Y1 + dy} }

// placedLabel is a node's label: where its text starts, how it is
// anchored and the box its text is estimated to fill.
type placedLabel struct {
	X, Y   float64
	Anchor string // start, middle or end
	Box    box
}

// netLayout is the network drawn: node centres, labels and the size of
// the figure, all in the viewBox's units, with the origin at its corner.
type netLayout struct {
	W, H   float64
	Pos    []point
	Labels []placedLabel
}

// labelWidth estimates the width of a label's text.
func labelWidth(s string) float64 {
	n := 0
	for range s {
		n++
	}
	return float64(n) * glyphWidth * labelFont
}

// layoutNetwork places n nodes named names, joined by links (pairs of
// node indexes; direction does not matter to the layout).
func layoutNetwork(names []string, links [][2]int) netLayout {
	pos := forceLayout(len(names), links)
	separate(pos)
	labels := placeLabels(pos, names, links)
	// The figure is the bounding box of nodes and labels, padded.
	var bb box
	for i, p := range pos {
		b := box{p.X - nodeRadius, p.Y - nodeRadius, p.X + nodeRadius, p.Y + nodeRadius}.union(labels[i].Box)
		if i == 0 {
			bb = b
		} else {
			bb = bb.union(b)
		}
	}
	dx, dy := figPad-bb.X0, figPad-bb.Y0
	for i := range pos {
		pos[i].X += dx
		pos[i].Y += dy
		labels[i].X += dx
		labels[i].Y += dy
		labels[i].Box = labels[i].Box.shift(dx, dy)
	}
	return netLayout{W: bb.X1 - bb.X0 + 2*figPad, H: bb.Y1 - bb.Y0 + 2*figPad, Pos: pos, Labels: labels}
}

// forceLayout runs Fruchterman–Reingold from nodes evenly spaced on an
// ellipse, in index order, for a fixed number of steps with a linearly
// falling temperature: the same input always gives the same layout.
func forceLayout(n int, links [][2]int) []point {
	pos := make([]point, n)
	for i := range pos {
		a := 2*math.Pi*float64(i)/float64(max(n, 1)) - math.Pi/2
		pos[i] = point{fieldW / 3 * math.Cos(a), fieldH / 3 * math.Sin(a)}
	}
	if n < 2 {
		return pos
	}
	k := math.Sqrt(fieldW * fieldH / float64(n))
	kk := k * k
	disp := make([]point, n)
	for it := 0; it < iterations; it++ {
		clear(disp)
		for i := 0; i < n; i++ {
			// Node i's push is summed in registers, in the same order.
			pi, di := pos[i], disp[i]
			for j := i + 1; j < n; j++ {
				dx, dy := pi.X-pos[j].X, pi.Y-pos[j].Y
				d := max(hypot(dx, dy), 0.01)
				f := kk / d
				fx, fy := dx/d*f, dy/d*f
				di.X += fx
				di.Y += fy
				disp[j].X -= fx
				disp[j].Y -= fy
			}
			disp[i] = di
		}
		for _, l := range links {
			i, j := l[0], l[1]
			dx, dy := pos[i].X-pos[j].X, pos[i].Y-pos[j].Y
			d := math.Max(math.Hypot(dx, dy), 0.01)
			f := d * d / k
			disp[i].X -= dx / d * f
			disp[i].Y -= dy / d * f
			disp[j].X += dx / d * f
			disp[j].Y += dy / d * f
		}
		temp := fieldW / 10 * (1 - float64(it)/iterations)
		for i := range pos {
			d := math.Max(math.Hypot(disp[i].X, disp[i].Y), 0.01)
			step := math.Min(d, temp)
			pos[i].X = clamp(pos[i].X+disp[i].X/d*step, -fieldW/2, fieldW/2)
			pos[i].Y = clamp(pos[i].Y+disp[i].Y/d*step, -fieldH/2, fieldH/2)
		}
	}
	return pos
}

// hypot is math.Hypot(p, q) for finite p and q, computed as math.Hypot
// computes it, bit for bit, but in a function the compiler inlines: the
// layout calls it 300 times for every pair of nodes.
func hypot(p, q float64) float64 {
	p, q = math.Abs(p), math.Abs(q)
	if p < q {
		p, q = q, p
	}
	if p == 0 {
		return 0
	}
	q = q / p
	return p * math.Sqrt(float64(1+float64(q*q)))
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// separate pushes apart, pair by pair, nodes closer than minGap, for a
// bounded number of rounds.
func separate(pos []point) {
	for round := 0; round < 100; round++ {
		moved := false
		for i := range pos {
			for j := i + 1; j < len(pos); j++ {
				dx, dy := pos[j].X-pos[i].X, pos[j].Y-pos[i].Y
				d := math.Hypot(dx, dy)
				if d >= minGap {
					continue
				}
				if d < 0.01 { // coincident: part them along x
					dx, dy, d = 1, 0, 1
				}
				push := (minGap - d) / 2
				pos[i].X -= dx / d * push
				pos[i].Y -= dy / d * push
				pos[j].X += dx / d * push
				pos[j].Y += dy / d * push
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// placeLabels puts each label, widest first, at the candidate place
// around its node that overlaps least with the labels already placed,
// the nodes and the links.
func placeLabels(pos []point, names []string, links [][2]int) []placedLabel {
	labels := make([]placedLabel, len(pos))
	order := make([]int, len(pos))
	for i := range order {
		order[i] = i
	}
	// Widest first, then by index: long names get the first choice.
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && labelWidth(names[order[j]]) > labelWidth(names[order[j-1]]); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	var placed []box
	for _, i := range order {
		best, bestScore := placedLabel{}, math.Inf(1)
		for _, c := range candidates(pos[i], labelWidth(names[i])) {
			score := 0.0
			for _, b := range placed {
				score += 4 * c.Box.overlap(b)
			}
			for _, p := range pos {
				score += 4 * c.Box.overlap(box{p.X - nodeRadius - 2, p.Y - nodeRadius - 2, p.X + nodeRadius + 2, p.Y + nodeRadius + 2})
			}
			for _, l := range links {
				score += 20 * crossings(c.Box, pos[l[0]], pos[l[1]])
			}
			if score < bestScore {
				best, bestScore = c, score
			}
		}
		labels[i] = best
		placed = append(placed, best.Box)
	}
	return labels
}

// candidates are the places a label of width w may take around p, in
// order of preference: right, left, above, below and the diagonals.
func candidates(p point, w float64) []placedLabel {
	r := nodeRadius + labelGap
	at := func(x, y float64, anchor string) placedLabel {
		x0 := x
		switch anchor {
		case "end":
			x0 = x - w
		case "middle":
			x0 = x - w/2
		}
		return placedLabel{X: x, Y: y, Anchor: anchor, Box: box{x0, y - labelAscent, x0 + w, y + labelDrop}}
	}
	mid := p.Y + labelAscent/2 - labelDrop/2 // text centred on the node
	return []placedLabel{
		at(p.X+r, mid, "start"),
		at(p.X-r, mid, "end"),
		at(p.X, p.Y-r-labelDrop, "middle"),
		at(p.X, p.Y+r+labelAscent, "middle"),
		at(p.X+r*0.7, p.Y-r*0.7-labelDrop, "start"),
		at(p.X-r*0.7, p.Y-r*0.7-labelDrop, "end"),
		at(p.X+r*0.7, p.Y+r*0.7+labelAscent, "start"),
		at(p.X-r*0.7, p.Y+r*0.7+labelAscent, "end"),
	}
}

// crossings is how many of the points sampled every 3 units along the
// segment from p to q fall inside b.
func crossings(b box, p, q point) float64 {
	if b.overlap(box{math.Min(p.X, q.X) - 1, math.Min(p.Y, q.Y) - 1, math.Max(p.X, q.X) + 1, math.Max(p.Y, q.Y) + 1}) == 0 {
		return 0 // the segment's box misses b: no point can fall inside
	}
	d := math.Hypot(q.X-p.X, q.Y-p.Y)
	steps := int(d/3) + 1
	n := 0.0
	for s := 0; s <= steps; s++ {
		t := float64(s) / float64(steps)
		if b.contains(point{p.X + (q.X-p.X)*t, p.Y + (q.Y-p.Y)*t}) {
			n++
		}
	}
	return n
}
