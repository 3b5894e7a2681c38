package build

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
)

// serviceWorker writes sw.js at the site's root with the files to keep
// for each language, and a cache name that changes with any file.
func (pr *Project) serviceWorker(out map[string][]byte) error {
	names := make([]string, 0, len(out))
	for n := range out {
		if !strings.HasPrefix(n, "downloads/") && n != "sw.js" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	h := sha256.New()
	files := map[string][]string{}
	for _, n := range names {
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write(out[n])
		lang, _, nested := strings.Cut(n, "/")
		switch {
		case n == "robots.txt" || n == "sitemap.xml" || n == "404.html":
		case nested && pr.Config.Language(lang) != nil:
			files[lang] = append(files[lang], n)
		case strings.HasPrefix(n, "assets/search-"):
			// search-<lang>.<hash>.js belongs to its language
			l := strings.TrimPrefix(n, "assets/search-")
			l, _, _ = strings.Cut(l, ".")
			files[l] = append(files[l], n)
		default:
			files[""] = append(files[""], n)
		}
	}
	sw, err := pr.Theme.ServiceWorker("sobre-"+hex.EncodeToString(h.Sum(nil))[:16], files)
	if err != nil || sw == nil {
		return err
	}
	out["sw.js"] = sw
	return nil
}
