package qr

// Reed–Solomon over GF(256) as QR Code uses it: the field built on the
// polynomial x⁸+x⁴+x³+x²+1 (0x11D), α = 2, and the generator of degree n
// the product of (x − αⁱ) for i from 0 to n−1.

// exp and log are α's powers and their inverse in GF(256).
var exp, log = func() (e [256]byte, l [256]byte) {
	x := 1
	for i := 0; i < 255; i++ {
		e[i], l[x] = byte(x), byte(i)
		x <<= 1
		if x&0x100 != 0 {
			x ^= 0x11D
		}
	}
	e[255] = e[0]
	return e, l
}()

// mul multiplies in GF(256).
func mul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return exp[(int(log[a])+int(log[b]))%255]
}

// generator is the generator polynomial of degree n, its coefficients
// from xⁿ⁻¹ down to x⁰ (the leading 1 left out).
func generator(n int) []byte {
	g := make([]byte, n)
	g[n-1] = 1 // the polynomial 1, read as x⁰
	root := byte(1)
	for i := 0; i < n; i++ {
		// Multiply by (x − root): shift up one degree, add root × g.
		for j := 0; j < n; j++ {
			g[j] = mul(g[j], root)
			if j+1 < n {
				g[j] ^= g[j+1]
			}
		}
		root = mul(root, 2)
	}
	return g
}

// remainder is the remainder of data × xⁿ divided by gen (degree n): the
// block's error correction codewords.
func remainder(data, gen []byte) []byte {
	r := make([]byte, len(gen))
	for _, b := range data {
		factor := b ^ r[0]
		copy(r, r[1:])
		r[len(r)-1] = 0
		for i, c := range gen {
			r[i] ^= mul(c, factor)
		}
	}
	return r
}
