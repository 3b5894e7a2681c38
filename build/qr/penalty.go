package qr

// penalty scores the symbol as drawn by the standard's four rules
// (ISO/IEC 18004 7.8.3); the mask with the lowest score is the one a
// reader finds easiest: fewest long runs, 2×2 blocks, false finder
// patterns, and darkness nearest half.
func (g *grid) penalty() int {
	score := 0
	line := make([]bool, g.size)
	for i := 0; i < g.size; i++ {
		for j := 0; j < g.size; j++ {
			line[j] = g.dark[i*g.size+j] // row i
		}
		score += runPenalty(line) + finderPenalty(line)
		for j := 0; j < g.size; j++ {
			line[j] = g.dark[j*g.size+i] // column i
		}
		score += runPenalty(line) + finderPenalty(line)
	}
	dark := 0
	for y := 0; y < g.size; y++ {
		for x := 0; x < g.size; x++ {
			d := g.dark[y*g.size+x]
			if d {
				dark++
			}
			if x+1 < g.size && y+1 < g.size && d == g.dark[y*g.size+x+1] && d == g.dark[(y+1)*g.size+x] && d == g.dark[(y+1)*g.size+x+1] {
				score += 3 // rule 2: a 2×2 block of one colour
			}
		}
	}
	// Rule 4: 10 points for every full 5 % that darkness strays from 50 %.
	total := g.size * g.size
	return score + abs(dark*100-total*50)/total/5*10
}

// runPenalty is rule 1 on a row or column: 3 points for each run of five
// modules of one colour, and 1 more for each module beyond five.
func runPenalty(line []bool) int {
	score, run := 0, 1
	for i := 1; i <= len(line); i++ {
		if i < len(line) && line[i] == line[i-1] {
			run++
			continue
		}
		if run >= 5 {
			score += 3 + run - 5
		}
		run = 1
	}
	return score
}

// finderPenalty is rule 3 on a row or column: 40 points for each
// dark-light-dark-dark-dark-light-dark run (1:1:3:1:1) with four light
// modules before or after it, the quiet zone counting as light, since a
// reader could mistake it for a finder.
func finderPenalty(line []bool) int {
	pattern := [7]bool{true, false, true, true, true, false, true}
	at := func(i int) bool { return i >= 0 && i < len(line) && line[i] }
	light := func(from int) bool {
		for i := from; i < from+4; i++ {
			if at(i) {
				return false
			}
		}
		return true
	}
	score := 0
	for i := 0; i+7 <= len(line); i++ {
		match := true
		for k, p := range pattern {
			if line[i+k] != p {
				match = false
				break
			}
		}
		if match && (light(i-4) || light(i+7)) {
			score += 40
		}
	}
	return score
}
