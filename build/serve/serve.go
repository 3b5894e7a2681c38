// Package serve previews a site: it builds into a temporary folder, serves
// it over HTTP (loopback by default), rebuilds when a source changes and
// tells open pages to reload.
package serve

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"sobre/build"
)

// Options of the preview server.
type Options struct {
	Src, Addr string
	Defaults  fs.FS
	// Report prints the outcome of each build.
	Report func(res *build.Result, err error, out string)
	Log    io.Writer
	// Ready, if set, receives the address once the server listens (tests).
	Ready func(addr string)
}

const reloadJS = `(function(){var es=new EventSource("/__sobre/events");es.onmessage=function(){location.reload()};})();`

// Run serves until ctx is done.
func Run(ctx context.Context, opts Options) error {
	tmp, err := os.MkdirTemp("", "sobre-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "public")

	hub := &hub{clients: map[chan struct{}]bool{}}
	rebuild := func() {
		res, err := build.Build(ctx, build.Options{Src: opts.Src, Out: out, Defaults: opts.Defaults, LiveReload: "/__sobre/reload.js"})
		if opts.Report != nil {
			opts.Report(res, err, out)
		}
		if err == nil {
			hub.broadcast()
		}
	}
	rebuild()

	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	watchTree(w, opts.Src, []string{"content", "i18n", "themes"})

	mux := http.NewServeMux()
	mux.HandleFunc("/__sobre/reload.js", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(rw, reloadJS)
	})
	mux.HandleFunc("/__sobre/events", hub.serve)
	files := http.FileServer(http.Dir(out))
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Cache-Control", "no-store")
		files.ServeHTTP(rw, r)
	})

	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	if host, _, _ := net.SplitHostPort(opts.Addr); host != "127.0.0.1" && host != "localhost" && host != "::1" {
		fmt.Fprintf(opts.Log, "warning: listening on %s, reachable from other machines\n", opts.Addr)
	}
	fmt.Fprintf(opts.Log, "serving %s at http://%s/ (Ctrl+C to stop)\n", opts.Src, ln.Addr())
	if opts.Ready != nil {
		opts.Ready(ln.Addr().String())
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()

	// Editors write a file in several steps; wait for a quiet moment.
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					watchDir(w, ev.Name)
				}
			}
			if strings.HasPrefix(filepath.Base(ev.Name), ".") {
				continue
			}
			if timer != nil {
				timer.Stop()
			}
			timer = time.AfterFunc(150*time.Millisecond, func() {
				select {
				case fire <- struct{}{}:
				default:
				}
			})
		case <-fire:
			rebuild()
		case err := <-w.Errors:
			fmt.Fprintln(opts.Log, "watch:", err)
		}
	}
}

func watchTree(w *fsnotify.Watcher, src string, dirs []string) {
	w.Add(src) // site.toml, and folders created later
	for _, d := range dirs {
		watchDir(w, filepath.Join(src, d))
	}
}

func watchDir(w *fsnotify.Watcher, root string) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			w.Add(p)
		}
		return nil
	})
}

// hub fans out reload signals to open pages (server-sent events).
type hub struct {
	mu      sync.Mutex
	clients map[chan struct{}]bool
}

func (h *hub) serve(rw http.ResponseWriter, r *http.Request) {
	fl, ok := rw.(http.Flusher)
	if !ok {
		http.Error(rw, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	rw.Header().Set("Content-Type", "text/event-stream")
	rw.Header().Set("Cache-Control", "no-store")
	ch := make(chan struct{}, 1)
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
		case <-ch:
			io.WriteString(rw, "data: reload\n\n")
			fl.Flush()
		}
	}
}

func (h *hub) broadcast() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}
