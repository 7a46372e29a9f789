# securebase - see README.md.  Targets: all run check sanitize valgrind static fuzz
# bench install uninstall clean deps.  Respects CC, CFLAGS, CPPFLAGS, LDFLAGS, PREFIX, DESTDIR.

VERSION     = 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/securebase
MANDIR     ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions

CC         ?= cc
CFLAGS     ?= -O2 -g
PKG_CONFIG ?= pkg-config
PKGS        = ncursesw yaml-0.1 jansson
WARN        = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
              -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
B          ?= build

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
# libcsv ships no pkg-config file in Debian 12; it is found by its header.
CSV_LIBS    = -lcsv

ALL_CPPFLAGS = -Iinclude -I$(B) -DSECUREBASE_VERSION='"$(VERSION)"' \
               $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = -std=c11 $(WARN) $(CFLAGS)
LIBS         = $(PKG_LIBS) $(CSV_LIBS) -lm

CORE_SRC  = $(filter-out src/main.c,$(wildcard src/*.c))
TUI_SRC   = $(wildcard src/tui/*.c)
TEST_SRC  = $(wildcard tests/test_*.c)
DATA      = $(shell find data -type f \( -name '*.yaml' -o -name '*.md' \) | LC_ALL=C sort)
CORE_OBJ  = $(CORE_SRC:src/%.c=$(B)/core/%.o) $(B)/core/embedded.o
TUI_OBJ   = $(TUI_SRC:src/tui/%.c=$(B)/tui/%.o)
TESTS     = $(TEST_SRC:tests/%.c=$(B)/tests/%)
BIN       = $(B)/securebase

.PHONY: all run check unit e2e sanitize valgrind fuzz bench install uninstall clean deps lint static

all: $(BIN)

$(BIN): $(B)/core/main.o $(TUI_OBJ) $(B)/libcore.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(B)/core/main.o $(TUI_OBJ) $(B)/libcore.a $(LIBS)

$(B)/libcore.a: $(CORE_OBJ)
	rm -f $@
	$(AR) rcs $@ $(CORE_OBJ)

$(B)/core/%.o: src/%.c | $(B)/core
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tui/%.o: src/tui/%.c | $(B)/tui
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/embed: tools/embed.c | $(B)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

$(B)/embedded.c: $(B)/embed $(DATA) | $(B)
	$(B)/embed $@ data $(DATA)

$(B)/core/embedded.o: $(B)/embedded.c | $(B)/core
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/%.c $(B)/libcore.a | $(B)/tests
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) -DTEST_SRCDIR='"$(CURDIR)"' \
	    $(LDFLAGS) -o $@ $< $(B)/libcore.a $(CMOCKA_LIBS) $(LIBS)

$(B) $(B)/core $(B)/tui $(B)/tests:
	mkdir -p $@

-include $(wildcard $(B)/core/*.d $(B)/tui/*.d)

# Install missing build dependencies (apt-get as root or via sudo), or say how.
deps:
	@tools/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	$(BIN) $(ARGS)

# The whole test suite: unit tests (cmocka) then end-to-end tests of the binary.
check: deps
	@$(MAKE) --no-print-directory unit e2e lint

unit: $(TESTS) $(BIN)
	@tools/run-tests.sh $(TESTS)

e2e: $(BIN)
	@SECUREBASE=$(CURDIR)/$(BIN) tools/run-e2e.sh tests/e2e

lint:
	@tools/lint.sh

# cppcheck and clang-tidy with the checked-in configuration (.clang-tidy, tools/cppcheck.supp).
static: $(B)/embedded.c
	@tools/static.sh

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
sanitize: deps
	@$(MAKE) --no-print-directory B=build-san CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" unit e2e

valgrind: $(TESTS) $(BIN)
	@VALGRIND=1 tools/run-tests.sh $(TESTS)

FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
fuzz:
	@FUZZ_CC=$(FUZZ_CC) FUZZ_SECONDS=$(FUZZ_SECONDS) tools/fuzz.sh

bench: $(BIN)
	@bench/run.sh $(CURDIR)/$(BIN)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(DATADIR) $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/securebase
	install -m 644 man/securebase.1 $(DESTDIR)$(MANDIR)/man1/securebase.1
	install -m 644 man/securebase-bank.5 $(DESTDIR)$(MANDIR)/man5/securebase-bank.5
	for f in $(DATA:data/%=%); do \
	    install -D -m 644 data/$$f $(DESTDIR)$(DATADIR)/$$f || exit 1; done
	if [ -f tools/securebase.bash ]; then install -m 644 tools/securebase.bash \
	    $(DESTDIR)$(BASHCOMPDIR)/securebase; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/securebase $(DESTDIR)$(MANDIR)/man1/securebase.1 \
	    $(DESTDIR)$(MANDIR)/man5/securebase-bank.5 $(DESTDIR)$(BASHCOMPDIR)/securebase
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san build-fuzz
