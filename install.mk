# install.mk -- `make install` / `make uninstall` (included by the Makefile).
# Installs under $(DESTDIR)$(PREFIX): the alpcast binary, its Lua library
# bundled recasts and models (share/alpcast), libalpcast.a with the headers of
# physics/ (include/alpcast) and a pkg-config file (lib/pkgconfig/alpcast.pc:
# `pkg-config --cflags --libs alpcast`), the man page, bash and zsh
# completions, LICENSE and CITATION.cff.
LIBDIR     ?= $(PREFIX)/lib
INCDIR     ?= $(PREFIX)/include/alpcast
MANDIR     ?= $(PREFIX)/share/man/man1
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
DOCDIR     ?= $(PREFIX)/share/doc/alpcast
PHYS_HDR    = $(sort $(wildcard physics/*.h))
VERSION     = $(shell sed -n 's/^\#define ALPCAST_VERSION "\(.*\)"/\1/p' host/version.h)

# libalpcast.a is a static library: its users link GSL (Requires: gsl), OpenMP
# (-fopenmp, the Monte Carlo threads) and libm themselves.  Written at install
# time, so it always holds this PREFIX.
PC_LINES = 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCDIR)' '' \
  'Name: alpcast' 'Description: ALP phenomenology from meson decays (physics library of alpcast)' \
  'Version: $(VERSION)' 'Requires: gsl' 'Cflags: -I$${includedir}' \
  'Libs: -L$${libdir} -lalpcast -fopenmp -lm'

install: $(EXE) $(LIB)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/alpcast $(DESTDIR)$(LIBDIR)/pkgconfig \
	  $(DESTDIR)$(INCDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(DOCDIR)
	install -m 755 $(EXE) $(DESTDIR)$(PREFIX)/bin/alpcast
	cp -R scripts recasts models $(DESTDIR)$(PREFIX)/share/alpcast/
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libalpcast.a
	install -m 644 $(PHYS_HDR) $(DESTDIR)$(INCDIR)/
	printf '%s\n' $(PC_LINES) > $(DESTDIR)$(LIBDIR)/pkgconfig/alpcast.pc
	install -m 644 docs/alpcast.1 $(DESTDIR)$(MANDIR)/alpcast.1
	install -m 644 completions/alpcast.bash $(DESTDIR)$(BASHCOMPDIR)/alpcast
	install -m 644 completions/_alpcast $(DESTDIR)$(ZSHCOMPDIR)/_alpcast
	install -m 644 LICENSE CITATION.cff $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/alpcast $(DESTDIR)$(LIBDIR)/libalpcast.a \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/alpcast.pc $(DESTDIR)$(MANDIR)/alpcast.1 \
	  $(DESTDIR)$(BASHCOMPDIR)/alpcast $(DESTDIR)$(ZSHCOMPDIR)/_alpcast
	rm -rf $(DESTDIR)$(PREFIX)/share/alpcast $(DESTDIR)$(INCDIR) $(DESTDIR)$(DOCDIR)
