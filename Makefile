# sobre: `make` builds the site into public/, `make test` runs every test.
# Everything else is fetched by the Go toolchain (modules) or by npm for the
# browser tests (pinned in test/browser/package-lock.json).

GO      ?= go
BIN     := bin/sobre
CHROMIUM ?= /usr/bin/chromium
EPUBCHECK ?= /usr/share/java/epubcheck.jar

# Builds are reproducible: the only date they show is the last commit's.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
export SOURCE_DATE_EPOCH

.PHONY: all site test test-go test-browser test-epub check-content lint serve bench clean

all: site

$(BIN): FORCE
	$(GO) build -o $(BIN) ./cmd/sobre

FORCE:

site: $(BIN)
	$(BIN) build

serve: $(BIN)
	$(BIN) serve

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

test-go:
	$(GO) test -count=1 ./...

# The repository's own content passes every quality rule, warnings included,
# and its translation status is printed for the log.
check-content: $(BIN)
	$(BIN) check -strict
	$(BIN) status

# The browser tests need Debian's chromium; .ci/run installs it. Without it,
# make test says so and runs the rest.
test-browser: site
	@if [ -x "$(CHROMIUM)" ] && command -v npm >/dev/null; then \
		cd test/browser && npm ci --no-audit --no-fund --loglevel=error && CHROMIUM=$(CHROMIUM) SITE_DIR=$(CURDIR)/public node --test; \
	else \
		echo "skipping browser tests: $(CHROMIUM) not found (apt-get install chromium)"; \
	fi

# The e-books must pass epubcheck (Debian's package; .ci/run installs it).
test-epub: site
	@if [ -f "$(EPUBCHECK)" ] && command -v java >/dev/null; then \
		for f in public/downloads/*.epub; do java -jar $(EPUBCHECK) -q "$$f" || exit 1; echo "epubcheck: $$f: no errors"; done; \
	else \
		echo "skipping epubcheck: $(EPUBCHECK) not found (apt-get install epubcheck)"; \
	fi

test: lint test-go check-content test-epub test-browser

# Times full builds of a synthetic corpus (3×100 and 3×1000 pages), to disk
# (BenchmarkBuild) and in memory (BenchmarkRender), and the preview's
# rebuild after one page edit (BenchmarkServeEdit, what sobre serve does
# between a save and the reload).
bench: $(BIN)
	$(GO) test -run '^$$' -bench 'BenchmarkServeEdit' -benchtime 20x ./build/
	$(GO) test -run '^$$' -bench 'BenchmarkBuild|BenchmarkRender|BenchmarkBooklets' -benchtime 3x -benchmem ./build/
	rm -rf .bench && $(GO) run ./build/corpus/gen -pages 1000 -out .bench/corpus
	$(BIN) build -src .bench/corpus -out .bench/public | tail -n 3
	@ls -l .bench/public/downloads | awk 'NR>1 {printf "bundle %s: %.1f KB\n", $$9, $$5/1024}'
	@if [ -x "$(CHROMIUM)" ] && [ -f test/browser/bench-search.mjs ]; then \
		cd test/browser && npm ci --no-audit --no-fund --loglevel=error && CHROMIUM=$(CHROMIUM) SITE_DIR=$(CURDIR)/.bench/public node bench-search.mjs; \
	fi
	@for l in fr nl en; do f=$$(ls public/assets/search-$$l.*.js 2>/dev/null); [ -n "$$f" ] && printf "search index %s (real content): %s bytes gzip\n" $$l $$(gzip -c $$f | wc -c); done; true

clean:
	rm -rf public bin
