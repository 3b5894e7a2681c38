// Package serve previews a site: it renders it in memory (build.Preview),
// serves it over HTTP (loopback by default), re-renders what a saved file
// affects and tells open pages to reload. Nothing is written to disk.
package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"sobre/build"
	"sobre/build/diag"
)

// Options of the preview server.
type Options struct {
	Src, Addr string
	Defaults  fs.FS
	// Report tells the outcome of each build or update.
	Report func(Event)
	Log    io.Writer
	// Ready, if set, receives the address once the server listens (tests).
	Ready func(addr string)
}

// Event is the outcome of a build or an update of the preview.
type Event struct {
	Full     bool // the whole site was loaded again
	Pages    int  // pages rendered
	Langs    []build.LangStats
	Duration time.Duration
	Problems diag.List
	Err      error // the error a full build would give; the last good site stays on show
}

// ReloadPath is the preview's script, added to every page it serves.
const ReloadPath = "/__sobre/reload.js"

const eventsPath = "/__sobre/events"

// reloadJS reloads the page when the site changed and shows, in a small
// live region, that a build runs, how long it took or that it failed.
const reloadJS = `(function(){
var box=document.createElement("div");
box.setAttribute("role","status");
box.className="sobre-preview-status";
var s=box.style;
s.position="fixed";s.right="1em";s.bottom="1em";s.zIndex="2147483647";s.margin="0";
s.padding=".4em .8em";s.background="#1b1b1b";s.color="#fff";s.borderRadius=".3em";
s.font="14px/1.4 system-ui,sans-serif";s.display="none";
document.body.appendChild(box);
var timer;
function show(text,ms){clearTimeout(timer);box.textContent=text;s.display="block";if(ms){timer=setTimeout(function(){s.display="none";box.textContent=""},ms)}}
try{var done=sessionStorage.getItem("sobre-built");if(done){sessionStorage.removeItem("sobre-built");setTimeout(function(){show(done,3000)},50)}}catch(e){}
var es=new EventSource("/__sobre/events");
es.onmessage=function(e){var m;try{m=JSON.parse(e.data)}catch(x){return}
if(m.state==="building"){show(m.text)}
else if(m.state==="done"){try{sessionStorage.setItem("sobre-built",m.text)}catch(x){}location.reload()}
else{show(m.text)}};
})();
`

// message is what the events endpoint sends to open pages.
type message struct {
	State string `json:"state"` // building, done, failed
	Text  string `json:"text"`
}

// server holds the preview and what is served: a snapshot of its files,
// replaced whole after each update, so requests never wait for a build.
type server struct {
	ctx     context.Context
	mu      sync.Mutex // guards p
	p       *build.Preview
	files   atomic.Pointer[map[string][]byte]
	hub     *hub
	allowed func(host string) bool
	log     io.Writer // what the terminal shows besides the events
	src     string    // the site folder, which the side-by-side view reads
	// stopDownloads cancels the background build of the downloads, so
	// that an edit never waits for it.
	dlMu          sync.Mutex
	stopDownloads context.CancelFunc
}

// Run serves until ctx is done.
func Run(ctx context.Context, opts Options) error {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	report := func(e Event) {
		if opts.Report != nil {
			opts.Report(e)
		}
	}
	start := time.Now()
	p, err := build.NewPreview(ctx, build.Options{Src: opts.Src, Defaults: opts.Defaults, LiveReload: ReloadPath})
	if err != nil {
		return err
	}
	s := &server{ctx: ctx, p: p, hub: &hub{clients: map[chan message]bool{}}, log: opts.Log, src: opts.Src}
	s.publish()
	report(Event{Full: true, Langs: p.Langs(), Duration: time.Since(start), Problems: p.Problems(), Err: p.Err()})

	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	watchTree(w, opts.Src, []string{"content", "i18n", "themes"}, opts.Log)

	ln, err := s.listen(opts)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintln(opts.Log, "serve:", err)
		}
	}()
	defer srv.Close()
	if opts.Ready != nil {
		opts.Ready(ln.Addr().String())
	}
	// The booklets and bundles, once the pages are on show.
	go s.downloads()
	return s.watch(ctx, w, opts.Src, report)
}

// listen opens the server's address and lets in the requests named for
// it (see AllowedHosts), warning when other machines can reach it.
func (s *server) listen(opts Options) (net.Listener, error) {
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, err
	}
	host, _, err := net.SplitHostPort(opts.Addr)
	if err != nil { // Listen took the address, so this is not expected
		ln.Close()
		return nil, err
	}
	s.allowed = AllowedHosts(host)
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		if host != "localhost" {
			fmt.Fprintf(opts.Log, "warning: listening on %s, reachable from other machines\n", opts.Addr)
		}
	}
	fmt.Fprintf(opts.Log, "serving %s at http://%s/ (Ctrl+C to stop)\n", opts.Src, ln.Addr())
	fmt.Fprintf(opts.Log, "translations beside their source: http://%s%s (this computer only)\n", ln.Addr(), StatusPath)
	return ln, nil
}

// watch updates the preview after each burst of edits under src until ctx
// is done. Editors write a file in a few steps within milliseconds: it
// waits for a short quiet moment, then updates with every file touched.
func (s *server) watch(ctx context.Context, w *fsnotify.Watcher, src string, report func(Event)) error {
	const quiet = 30 * time.Millisecond
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	changed := map[string]bool{}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					watchDir(w, ev.Name, s.log)
				}
			}
			rel, err := filepath.Rel(src, ev.Name)
			if err != nil || !watched(filepath.ToSlash(rel)) {
				continue // not a source of the site
			}
			changed[filepath.ToSlash(rel)] = true
			s.cancelDownloads()
			if timer != nil {
				timer.Stop()
			}
			timer = time.AfterFunc(quiet, func() {
				select {
				case fire <- struct{}{}:
				default:
				}
			})
		case <-fire:
			names := make([]string, 0, len(changed))
			for n := range changed {
				names = append(names, n)
			}
			sort.Strings(names)
			clear(changed)
			report(s.update(names))
		case err := <-w.Errors:
			fmt.Fprintln(s.log, "watch:", err)
		}
	}
}

// watched tells whether a path of the site folder is a source: site.toml
// or a file under content/, i18n/ or themes/, hidden files aside.
func watched(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") {
			return false
		}
	}
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "site.toml", "content", "i18n", "themes":
		return true
	}
	return false
}

// update re-renders what changed and tells the pages; the search index
// follows once they have reloaded.
func (s *server) update(names []string) Event {
	s.hub.broadcast(message{State: "building", Text: "Building…"})
	s.mu.Lock()
	ch, err := s.p.Update(s.ctx, names)
	e := Event{Full: ch.Full, Pages: ch.Pages, Duration: ch.Duration, Problems: s.p.Problems(), Err: s.p.Err()}
	if err != nil {
		e.Err = err
	}
	if ch.Full {
		e.Langs = s.p.Langs()
	}
	if e.Err == nil {
		s.publish()
	}
	s.mu.Unlock()
	switch {
	case e.Err != nil:
		n := 0
		for _, p := range e.Problems {
			if p.Severity == diag.Error {
				n++
			}
		}
		s.hub.broadcast(message{State: "failed", Text: fmt.Sprintf("Build failed (%d errors): see the terminal. This is the last good version.", n)})
	case ch.Full || len(ch.Changed) > 0:
		s.hub.broadcast(message{State: "done", Text: fmt.Sprintf("Rebuilt in %d ms", ch.Duration.Milliseconds())})
	default:
		s.hub.broadcast(message{State: "done", Text: "Nothing changed"})
	}
	if e.Err == nil {
		s.mu.Lock()
		if len(s.p.Settle(s.ctx)) > 0 {
			s.publish()
		}
		s.mu.Unlock()
	}
	return e
}

// downloads builds the booklets and bundles in the background, until an
// edit comes: they are built again when one is asked for.
func (s *server) downloads() {
	ctx, cancel := context.WithCancel(s.ctx)
	s.dlMu.Lock()
	s.stopDownloads = cancel
	s.dlMu.Unlock()
	defer s.cancelDownloads()
	s.mu.Lock()
	defer s.mu.Unlock()
	if ctx.Err() == nil && s.p.DownloadsStale() && s.p.Err() == nil {
		err := s.p.BuildDownloads(ctx)
		switch {
		case err == nil:
			s.publish()
		case ctx.Err() == nil: // else stopped by an edit: built again when asked
			fmt.Fprintln(s.log, "downloads:", err)
		}
	}
}

func (s *server) cancelDownloads() {
	s.dlMu.Lock()
	defer s.dlMu.Unlock()
	if s.stopDownloads != nil {
		s.stopDownloads()
		s.stopDownloads = nil
	}
}

// publish makes the preview's files the ones served. Called with mu held.
func (s *server) publish() {
	files := s.p.Files()
	s.files.Store(&files)
}

// AllowedHosts returns the check of a request's Host header against the
// address the server listens on, which defeats DNS rebinding: a page of
// another site, whose name an attacker points at 127.0.0.1, sends its own
// name as Host. Allowed are localhost, the host given to -addr, and
// loopback addresses; a server listening on every interface (or on one of
// the machine's addresses) also answers to any IP address, which no
// rebinding can forge.
func AllowedHosts(bound string) func(host string) bool {
	bound = strings.ToLower(strings.Trim(bound, "[]"))
	ip := net.ParseIP(bound)
	anyIP := bound == "" || (ip != nil && !ip.IsLoopback())
	return func(host string) bool {
		h := host
		if hh, _, err := net.SplitHostPort(host); err == nil {
			h = hh
		}
		h = strings.ToLower(strings.Trim(h, "[]"))
		if h == "" {
			return false
		}
		if h == "localhost" || h == bound {
			return true
		}
		if hip := net.ParseIP(h); hip != nil {
			return hip.IsLoopback() || anyIP
		}
		return false
	}
}

// sameOrigin tells whether a request's Origin, when it has one, is the
// page the server serves: another site may not listen to the events.
func sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Scheme == "http" && u.Host == r.Host && u.Path == ""
}

func (s *server) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	if s.allowed == nil || !s.allowed(r.Host) {
		http.Error(rw, "forbidden host: open the preview at http://localhost or the address sobre serve printed", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		rw.Header().Set("Allow", "GET, HEAD")
		http.Error(rw, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rw.Header().Set("Cache-Control", "no-store")
	rw.Header().Set("X-Content-Type-Options", "nosniff")
	switch r.URL.Path {
	case ReloadPath:
		rw.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(rw, reloadJS)
		return
	case eventsPath:
		if !sameOrigin(r) {
			http.Error(rw, "forbidden origin", http.StatusForbidden)
			return
		}
		s.hub.serve(rw, r)
		return
	}
	if strings.HasPrefix(r.URL.Path, StatusPath) {
		s.sideBySide(rw, r)
		return
	}
	name, dir := fileName(r.URL.Path)
	b, ok := s.file(name)
	if !ok && !dir {
		if _, isDir := s.file(name + "/index.html"); isDir {
			http.Redirect(rw, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
	}
	if !ok {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.WriteHeader(http.StatusNotFound)
		if nf, ok := s.file("404.html"); ok {
			rw.Write(nf)
		}
		return
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		rw.Header().Set("Content-Type", ct)
	}
	http.ServeContent(rw, r, path.Base(name), time.Time{}, bytes.NewReader(b))
}

// fileName maps a URL path to a name of the site's files: cleaned, so
// that no ".." climbs out, with index.html for a folder. The files are in
// memory: nothing outside the rendered site can be named.
func fileName(p string) (name string, dir bool) {
	dir = strings.HasSuffix(p, "/")
	name = strings.TrimPrefix(path.Clean("/"+p), "/")
	if dir || name == "" {
		name = path.Join(name, "index.html")
		dir = true
	}
	return name, dir
}

// file returns a file of the site: from the snapshot, or from the preview
// for the service worker and the downloads, built when asked.
func (s *server) file(name string) ([]byte, bool) {
	files := *s.files.Load()
	if b, ok := files[name]; ok {
		return b, true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if name == "sw.js" {
		return s.p.File(name)
	}
	if !s.p.IsDownload(name) {
		return nil, false
	}
	b, ok, err := s.p.Download(s.ctx, name)
	if err != nil {
		fmt.Fprintf(s.log, "%s: %v\n", name, err)
		return nil, false
	}
	s.publish() // the pages now show the downloads' sizes
	return b, ok
}

// watchTree watches src (for site.toml and folders created later) and
// every folder of dirs below it. A folder that cannot be watched is said
// in the log: edits there would go unseen.
func watchTree(w *fsnotify.Watcher, src string, dirs []string, log io.Writer) {
	if err := w.Add(src); err != nil {
		fmt.Fprintf(log, "watch: %s: %v: edits of site.toml and new folders are not seen\n", src, err)
	}
	for _, d := range dirs {
		watchDir(w, filepath.Join(src, d), log)
	}
}

// watchDir watches root and the folders below it; a missing root (the
// site has no i18n/ or themes/ of its own) is not a problem.
func watchDir(w *fsnotify.Watcher, root string, log io.Writer) {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == root {
			return nil
		}
		if err != nil {
			fmt.Fprintf(log, "watch: %v: edits there are not seen\n", err)
			return nil
		}
		if d.IsDir() {
			if err := w.Add(p); err != nil {
				fmt.Fprintf(log, "watch: %s: %v: edits there are not seen\n", p, err)
			}
		}
		return nil
	})
	if err != nil { // the walk function returns nil: not expected
		fmt.Fprintf(log, "watch: %s: %v\n", root, err)
	}
}

// hub fans out messages to open pages (server-sent events).
type hub struct {
	mu      sync.Mutex
	clients map[chan message]bool
}

func (h *hub) serve(rw http.ResponseWriter, r *http.Request) {
	fl, ok := rw.(http.Flusher)
	if !ok {
		http.Error(rw, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	rw.Header().Set("Content-Type", "text/event-stream")
	ch := make(chan message, 4)
	h.mu.Lock()
	h.clients[ch] = true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, ch)
		h.mu.Unlock()
	}()
	io.WriteString(rw, ": connected\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case m := <-ch:
			b, err := json.Marshal(m)
			if err != nil { // two strings always encode
				panic(err)
			}
			fmt.Fprintf(rw, "data: %s\n\n", b)
			fl.Flush()
		}
	}
}

func (h *hub) broadcast(m message) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- m:
		default:
		}
	}
}
