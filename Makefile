# Leadboard: `make run` opens the app on demo data, `make test` runs every check.
# Both install what is missing: Debian/Ubuntu packages through apt-get, Go modules.

GO       ?= go
TAGS     := migrated_fynedo
BIN      := build/leadboard
DEMO_DB  := build/demo.db
PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev poppler-utils
SUDO     := $(if $(filter 0,$(shell id -u)),,sudo)

# Fyne reads the language from the locale: a C or POSIX locale makes it log parse
# errors, so give it a real one when the environment has none.
ifeq ($(strip $(filter-out C C.% POSIX,$(LANG))),)
export LANG := en_US.UTF-8
endif
ifneq ($(filter C C.% POSIX,$(LC_ALL)),)
unexport LC_ALL
endif

.PHONY: all run test build deps bench screenshots clean-demo

all: build

## deps: install missing system packages and download Go modules
deps:
	@command -v $(GO) >/dev/null || { echo "Go 1.26 or newer is needed: https://go.dev/dl/"; exit 1; }
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@$(GO) mod download

## build: compile the app into build/leadboard (the first build compiles GLFW and SQLite: 5-8 minutes)
build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) .

## run: open the app on a demo database made on first use (your own database is not touched)
run: build
	@[ -f $(DEMO_DB) ] || $(BIN) demo --db $(DEMO_DB)
	$(BIN) --db $(DEMO_DB)

## test: vet and every test with the race detector
test: deps
	$(GO) vet -tags $(TAGS) ./...
	$(GO) test -race -timeout 30m -tags $(TAGS) ./...

## bench: benchmarks on the large demo database (generated once into the temp folder)
bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

## screenshots: render the main screens from demo data into build/screenshots (no display needed)
screenshots: deps
	mkdir -p build/screenshots
	LEADBOARD_SCREENSHOTS=$(CURDIR)/build/screenshots $(GO) test -tags $(TAGS) -count=1 -run Screenshots ./ui/

## clean-demo: delete the demo database so that `make run` makes a fresh one
clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
