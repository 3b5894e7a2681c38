package serve

import (
	"html/template"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"

	"sobre/build"
	"sobre/build/content"
	"sobre/build/status"
	"sobre/build/xliff"
)

// StatusPath is the side-by-side view of the translations: the list of
// pages per language, then /_sobre/status/<lang>/<page>.md, each unit of
// the source beside the translation's, changed ones marked with their
// word diff. Only the machine itself may open it, whatever the address
// the server listens on: it reads the site folder as it is on disk.
const StatusPath = "/_sobre/status/"

const statusCSS = StatusPath + "status.css"

// sideBySide answers the view's requests.
func (s *server) sideBySide(rw http.ResponseWriter, r *http.Request) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		http.Error(rw, "the translation status is shown on this computer only", http.StatusForbidden)
		return
	}
	if r.URL.Path == statusCSS {
		rw.Header().Set("Content-Type", "text/css; charset=utf-8")
		io.WriteString(rw, sideCSS)
		return
	}
	site, fsys, err := build.LoadSite(s.src)
	if err != nil {
		http.Error(rw, "the site does not load: "+err.Error(), http.StatusInternalServerError)
		return
	}
	rest := strings.TrimPrefix(r.URL.Path, StatusPath)
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'self'")
	if rest == "" {
		sideTemplates.ExecuteTemplate(rw, "index", indexOf(site))
		return
	}
	lang, key, _ := strings.Cut(rest, "/")
	v, err := xliff.ViewOf(site, fsys, lang, key)
	if err != nil || lang == site.Config.DefaultLanguage {
		http.NotFound(rw, r)
		return
	}
	sideTemplates.ExecuteTemplate(rw, "page", pageView{Lang: lang, Key: key, Def: site.Config.DefaultLanguage, View: v})
}

type indexLang struct {
	Lang  string
	Pages []indexPage
}

type indexPage struct{ Key, State string }

func indexOf(site *content.Site) []indexLang {
	var out []indexLang
	for _, code := range site.Config.Codes() {
		if code == site.Config.DefaultLanguage {
			continue
		}
		l := indexLang{Lang: code}
		for _, p := range site.Pages[code] {
			if site.ByKey[site.Config.DefaultLanguage][p.Key] != nil {
				l.Pages = append(l.Pages, indexPage{p.Key, string(site.StateOf(p))})
			}
		}
		out = append(out, l)
	}
	return out
}

type pageView struct {
	Lang, Key, Def string
	View           *xliff.View
}

var diffRe = regexp.MustCompile(`\[-(.*?)-\]|\{\+(.*?)\+\}`)

// wordDiff shows status.WordDiff's marks as <del> and <ins>.
func wordDiff(old, now string) template.HTML {
	d := status.WordDiff(old, now)
	var b strings.Builder
	last := 0
	for _, m := range diffRe.FindAllStringSubmatchIndex(d, -1) {
		b.WriteString(template.HTMLEscapeString(d[last:m[0]]))
		if m[2] >= 0 {
			b.WriteString("<del>" + template.HTMLEscapeString(d[m[2]:m[3]]) + "</del>")
		} else {
			b.WriteString("<ins>" + template.HTMLEscapeString(d[m[4]:m[5]]) + "</ins>")
		}
		last = m[1]
	}
	b.WriteString(template.HTMLEscapeString(d[last:]))
	return template.HTML(b.String())
}

var sideTemplates = template.Must(template.New("").Funcs(template.FuncMap{"diff": wordDiff}).Parse(`
{{define "head"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.}} – translation status (sobre serve)</title><link rel="stylesheet" href="/_sobre/status/status.css"></head><body><main>{{end}}
{{define "index"}}{{template "head" "Pages"}}
<h1>Translation status</h1>
<p>Each page beside its source, paragraph by paragraph. This view is shown on this computer only; it reads the files as they are now.</p>
{{range .}}<h2>{{.Lang}}</h2><ul>{{$l := .Lang}}{{range .Pages}}
<li><a href="/_sobre/status/{{$l}}/{{.Key}}">{{.Key}}</a> <span class="state {{.State}}">{{.State}}</span></li>{{end}}</ul>
{{end}}</main></body></html>{{end}}
{{define "page"}}{{template "head" .Key}}{{$v := .View}}
<p><a href="/_sobre/status/">All pages</a></p>
<h1>{{.Key}} <span class="state {{$v.State}}">{{$v.State}}</span></h1>
{{if not $v.Translation}}<p>Not translated yet: start it with <code>sobre new -lang {{.Lang}} {{$v.Source}}</code>, or export the language with <code>sobre xliff export -lang {{.Lang}}</code>.</p>
{{else if not $v.Shape}}<p>{{$v.Translation}} does not have the source's paragraphs, items and rows: they cannot be lined up.</p>{{end}}
{{if $v.Removed}}<h2>Removed from the source</h2><ul>{{range $v.Removed}}<li>{{$v.Translation}}:{{.OwnLine}}: {{.Own}}</li>{{end}}</ul>{{end}}
<table><thead><tr><th scope="col">{{$v.Source}} ({{.Def}})</th><th scope="col">{{or $v.Translation "–"}} ({{.Lang}})</th></tr></thead><tbody>
{{range $v.Pairs}}<tr{{if .Changed}} class="changed"{{end}}>
<td lang="{{$.Def}}"><span class="line">{{$v.Source}}:{{.SrcLine}}{{if .Changed}}{{if .OwnLine}} · changed{{else}} · new{{end}}{{end}}</span>{{if and .Changed .Old}}<span class="diff">{{diff .Old .Src}}</span>{{else}}{{.Src}}{{end}}</td>
<td lang="{{$.Lang}}">{{if .OwnLine}}<span class="line">{{$v.Translation}}:{{.OwnLine}}</span>{{.Own}}{{else if $v.Translation}}<em>no translation yet</em>{{end}}</td></tr>
{{end}}</tbody></table></main></body></html>{{end}}`))

const sideCSS = `:root{color-scheme:light dark;font:16px/1.5 system-ui,sans-serif}
body{margin:0;padding:1rem}main{max-width:90rem;margin:auto}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #8888;padding:.5rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
.line{display:block;font-size:.8rem;opacity:.75}
tr.changed td{background:#fff4c2}tr.changed td:first-child{border-left:.3rem solid #b35c00}
del{background:#ffd4d4;color:#6e0000}ins{background:#cdf5d2;color:#00440c;text-decoration:underline}
.state{font-size:.8rem;padding:0 .4rem;border:1px solid;border-radius:.3rem}
@media (prefers-color-scheme:dark){tr.changed td{background:#3d3200}del{background:#5c1a1a;color:#ffd4d4}ins{background:#1a4d22;color:#d4ffdc}}
@media (max-width:40rem){table,thead,tbody,tr,th,td{display:block}thead{display:none}td{border-top:0}tr{margin-bottom:.8rem;border-top:1px solid #8888}}
`
