# python/jupyter.mk -- the Jupyter kernel, the example notebook and the
# output loader (python/), included by the Makefile.  None of it is needed by
# `make` or `make test`; it runs with Debian's /usr/bin/python3 and the
# packages below (`make deps-jupyter`).
JUPYTER_PKGS = python3-ipykernel python3-jupyter-client jupyter-client \
               python3-nbclient python3-nbformat python3-pandas
KERNELS_DIR  = $(DESTDIR)$(PREFIX)/share/jupyter/kernels/alpcast

.PHONY: deps-jupyter jupyter-test install-kernel uninstall-kernel

deps-jupyter:
	@$(MAKE) --no-print-directory deps DEB_PKGS='$(JUPYTER_PKGS)'

# The loader's round trip, the kernel through jupyter_client (interrupts
# within 1 s), and examples/alpcast.ipynb executed headless; ends
# "tests: N passed, N failed".
jupyter-test: $(EXE)
	PYTHONDONTWRITEBYTECODE=1 ALPCAST_EXE=$(abspath $(EXE)) /usr/bin/python3 python/run_tests.py

# `make install` also installs the kernelspec: `jupyter kernelspec list`
# shows alpcast (PREFIX/share/jupyter/kernels is on Jupyter's path for
# PREFIX = /usr/local or /usr).
install: install-kernel
install-kernel:
	install -d $(DESTDIR)$(PREFIX)/share/alpcast/python
	install -m 644 python/alpcast_kernel.py python/alpcast_outputs.py \
	  $(DESTDIR)$(PREFIX)/share/alpcast/python/
	python/kernelspec.sh $(KERNELS_DIR) $(PREFIX)/share/alpcast/python/alpcast_kernel.py \
	  $(PREFIX)/bin/alpcast

uninstall: uninstall-kernel
uninstall-kernel:
	rm -rf $(KERNELS_DIR)
