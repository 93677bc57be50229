# alpcast -- ALPs from meson decays: displaced or invisible?
# `make help` lists the targets.  Everything is built under $(BUILD)/;
# nothing is written into the source tree.

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CC      ?= cc
# pkg-config name of Lua 5.4 (lua5.4 on Debian/Ubuntu).
LUA_PC  ?= lua5.4
PKGS     = $(LUA_PC) gsl readline libcrypto
OPT     ?= -O2 -g
# `make WERROR=` relaxes -Werror on a newer compiler with new warnings.
WERROR  ?= -Werror
WARN     = -Wall -Wextra -Wshadow -Wwrite-strings -Wstrict-prototypes \
           -Wmissing-prototypes -Wold-style-definition -Wvla -Wpointer-arith \
           $(WERROR)
# Debian packages `make deps` installs (a no-op when all are present).
DEB_PKGS = gcc pkg-config lua5.4 liblua5.4-dev libgsl-dev lua-unit lua-cjson \
           libreadline-dev gnuplot-nox libssl-dev librandom123-dev lua-yaml

# pkg-config flags are expanded lazily (recursive `=`), only when a recipe
# runs, so `make deps test` works on a machine that has no pkg-config yet.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
GSL_CFLAGS = $(shell pkg-config --cflags gsl)
GSL_LIBS   = $(shell pkg-config --libs gsl)

THREADS  = -fopenmp
ALL_CPPFLAGS = -Iphysics -Ihost -D_POSIX_C_SOURCE=200809L \
   -DALPCAST_DATADIR='"$(PREFIX)/share/alpcast"' -MMD -MP $(CPPFLAGS)
ALL_CFLAGS   = -std=c11 $(OPT) $(WARN) $(THREADS) $(CFLAGS)

PHYS_SRC = $(sort $(wildcard physics/*.c))
HOST_SRC = $(sort $(wildcard host/*.c))
CTEST_SRC = $(sort $(wildcard tests/c/test_*.c))
PHYS_OBJ = $(PHYS_SRC:%.c=$(BUILD)/obj/%.o)
HOST_OBJ = $(HOST_SRC:%.c=$(BUILD)/obj/%.o)
CTEST_BIN = $(CTEST_SRC:tests/c/%.c=$(BUILD)/tests/%)

LIB = $(BUILD)/libalpcast.a
EXE = $(BUILD)/alpcast

# Per-file extra flags (hot loops that must vectorise), set below.
XFLAGS =
# acceptance.c: the (event x ctau) exp() loop is vectorised through
# libmvec; -fno-math-errno lets gcc call the vector exp.
$(BUILD)/obj/physics/acceptance.o: XFLAGS = -O3 -fno-math-errno -fopenmp-simd
# sample.c: the B+ -> K+ a event loop (Philox, sin/cos/log), the same way;
# -fno-builtin-sin keeps gcc from fusing sin+cos into a scalar sincos.
$(BUILD)/obj/physics/sample.o: XFLAGS = -O3 -fno-math-errno -fopenmp-simd -fno-builtin-sin
# detector.c: the candidate crossings of blocks of rays (sqrt, divisions)
# vectorise; -std=c11 keeps FMA contraction off, so the intervals are the
# same doubles as the one-ray code's.
$(BUILD)/obj/physics/detector.o: XFLAGS = -O3 -fno-math-errno -fopenmp-simd

.PHONY: install-test all test check validate sanitize bench suite deps install uninstall \
        clean help memcheck docs fuzz fuzz-ci recast-table batch-test

all: $(EXE)

$(BUILD)/obj/physics/%.o: physics/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(XFLAGS) $(GSL_CFLAGS) -c $< -o $@

$(BUILD)/obj/host/%.o: host/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(PKG_CFLAGS) -c $< -o $@

$(LIB): $(PHYS_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

$(EXE): $(HOST_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(HOST_OBJ) $(LIB) $(PKG_LIBS) -lm

$(BUILD)/tests/%: tests/c/%.c tests/c/check.h $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(GSL_CFLAGS) -Itests/c $(LDFLAGS) \
	  -o $@ $< $(LIB) $(GSL_LIBS) -lm

# The whole test suite: C test programs + LuaUnit files, one closing line.
test check: $(EXE) $(CTEST_BIN)
	ALPCAST_BUILD=$(BUILD) ALPCAST_HISTORY=/dev/null $(EXE) tests/run.lua

# Slower numerical validations (Monte Carlo at high statistics, full scans).
validate: $(EXE) $(CTEST_BIN)
	ALPCAST_BUILD=$(BUILD) $(EXE) tests/run.lua --dir tests/validate

# make install into a temporary prefix, a C program linked through
# pkg-config, make uninstall (a few seconds: kept out of make test)
install-test: $(EXE)
	ALPCAST_BUILD=$(BUILD) $(EXE) tests/run.lua --dir tests/install

SAN = -fsanitize=address,undefined -fno-omit-frame-pointer
sanitize:
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  $(MAKE) --no-print-directory BUILD=build-san OPT='-O1 -g' CFLAGS='$(SAN)' LDFLAGS='$(SAN)' test

memcheck: $(EXE) $(CTEST_BIN)
	ALPCAST_BUILD=$(BUILD) valgrind --error-exitcode=1 --leak-check=full \
	  --errors-for-leak-kinds=definite,indirect \
	  $(EXE) tests/run.lua

bench: $(EXE)
	$(EXE) tests/bench/run.lua

# Mutation fuzzer over every recast's data files and cards (tools/fuzz.lua):
# each mutant must give the identical result or an error naming the file.
# Same FUZZ_SEED, same cases and counts; exit 1 on any silent change.
FUZZ_N    ?= 20000
FUZZ_SEED ?= 1
FUZZ_J    ?= 2
fuzz: $(EXE)
	$(EXE) tools/fuzz.lua -n $(FUZZ_N) --seed $(FUZZ_SEED) -j $(FUZZ_J)

# The short run for CI (about 2,000 cases).
fuzz-ci: $(EXE)
	$(EXE) tools/fuzz.lua -n 2000 --seed $(FUZZ_SEED) -j $(FUZZ_J)

suite: $(EXE)
	$(EXE) suite

# The suite in 4 shards on a local Slurm (started and stopped here) and with
# GNU parallel, each merged and compared byte for byte with one run (root).
batch-test: $(EXE)
	ALPCAST_BUILD=$(BUILD) tests/batch/run.sh

# The pictures the README shows, regenerated from a full suite run.
DOC_FIGS = fig3_cff fig3_cWW fig10_br_vs_ctau fig12_cff fig12_cWW \
           current_bounds_cff current_bounds_cWW future_reach_cff future_reach_cWW
docs: $(EXE)
	$(EXE) suite --out $(BUILD)/docs-out
	mkdir -p docs
	for f in $(DOC_FIGS); do cp $(BUILD)/docs-out/$$f.svg docs/; done

# docs/recasts.md: the table of every bundled recast, from the descriptors
recast-table: $(EXE)
	$(EXE) tools/recast_table.lua docs/recasts.md

deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "deps: all present"; fi

# install, uninstall: binary, Lua library, libalpcast.a + headers + alpcast.pc,
# man page, completions (install.mk)
include install.mk

clean:
	rm -rf build build-san

help:
	@echo "alpcast make targets:"
	@echo "  make            build $(EXE) (and $(LIB))"
	@echo "  make deps       install missing Debian packages: $(DEB_PKGS)"
	@echo "  make test       C tests + LuaUnit tests; ends 'tests: N passed, N failed, N skipped'"
	@echo "  make validate   slower numerical validations"
	@echo "  make install-test  make install into a temporary prefix, link a C program via pkg-config"
	@echo "  make sanitize   the test suite built with ASan+UBSan in build-san/"
	@echo "  make memcheck   the test suite under valgrind"
	@echo "  make bench      performance figures (printed, not asserted)"
	@echo "  make fuzz       mutation fuzzer over data files and recast cards ($(FUZZ_N) cases; FUZZ_N=, FUZZ_SEED=, FUZZ_J=)"
	@echo "  make fuzz-ci    the same, 2000 cases (CI)"
	@echo "  make suite      run every bundled recast: alpcast suite (writes out/)"
	@echo "  make batch-test the suite in 4 shards on a local Slurm and GNU parallel, merged = one run (root)"
	@echo "  make docs       regenerate the README's figures in docs/"
	@echo "  make recast-table  regenerate docs/recasts.md (the README table of every bundled recast)"
	@echo "  make install PREFIX=/usr/local DESTDIR=   |  make uninstall"
	@echo "  make deps-jupyter, make jupyter-test   the Jupyter kernel, notebook and loader (python/)"
	@echo "  make clean"

include python/jupyter.mk

-include $(PHYS_OBJ:.o=.d) $(HOST_OBJ:.o=.d)
