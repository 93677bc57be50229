#!/bin/sh
# python/kernelspec.sh DIR KERNEL_PY ALPCAST_EXE: writes DIR/kernel.json, the
# Jupyter kernelspec of the alpcast kernel (python/alpcast_kernel.py run by
# Debian's /usr/bin/python3, which has python3-ipykernel), through a temporary
# file and a rename.  `make install` and `make jupyter-test` call it.
set -eu
[ $# -eq 3 ] || { echo "usage: python/kernelspec.sh DIR KERNEL_PY ALPCAST_EXE" >&2; exit 2; }
dir=$1 py=$2 exe=$3
mkdir -p "$dir"
cat > "$dir/kernel.json.tmp" <<JSON
{
  "argv": ["/usr/bin/python3", "-Xfrozen_modules=off", "$py", "-f", "{connection_file}"],
  "display_name": "alpcast (Lua 5.4)",
  "language": "lua",
  "interrupt_mode": "signal",
  "env": {"ALPCAST_EXE": "$exe"}
}
JSON
mv "$dir/kernel.json.tmp" "$dir/kernel.json"
