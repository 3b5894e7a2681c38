package web

import "testing"

func TestRebase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<a href="index.html">`, `<a href="/asbl/charte/fr/index.html">`},
		{`<link rel="stylesheet" href="../assets/style.1.css">`, `<link rel="stylesheet" href="/asbl/charte/assets/style.1.css">`},
		{`<script src="../assets/search.2.js"></script>`, `<script src="/asbl/charte/assets/search.2.js"></script>`},
		{`<form data-index="../assets/search-fr.3.js">`, `<form data-index="/asbl/charte/assets/search-fr.3.js">`},
		{`<a href="transparence.html#signaler">`, `<a href="/asbl/charte/fr/transparence.html#signaler">`},
		{`<a href="modules/x.html?a=1&amp;b=2">`, `<a href="/asbl/charte/fr/modules/x.html?a=1&amp;b=2">`},
		// Left as they are: in-page, root-relative, other sites, mail.
		{`<a class="skip" href="#main">`, `<a class="skip" href="#main">`},
		{`<a href="/elsewhere/">`, `<a href="/elsewhere/">`},
		{`<a href="https://creativecommons.org/licenses/by/4.0/deed.fr">`, `<a href="https://creativecommons.org/licenses/by/4.0/deed.fr">`},
		{`<a href="mailto:a@example.org?subject=Page%20introuvable">`, `<a href="mailto:a@example.org?subject=Page%20introuvable">`},
		{`<a href="//cdn.example/x.js">`, `<a href="//cdn.example/x.js">`},
		{`<p title="href=&quot;x&quot;">`, `<p title="href=&quot;x&quot;">`},
	} {
		if got := string(Rebase([]byte(tc.in), "/asbl/charte/fr/")); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}
