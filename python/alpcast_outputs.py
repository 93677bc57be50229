"""alpcast_outputs: load alpcast's output files into pandas DataFrames.

Standard library + pandas only.  The files are the ones `alpcast suite`
writes (DESIGN.md "Outputs"; scripts/alpcast/output.lua writes them):

* CSV with a commented header: "# key: value" lines (a multi-line value goes
  on as "#   line"), then the column row, then rows; numbers as %.8g with
  inf / -inf / nan spelled out.  `load_csv(path)` returns a DataFrame whose
  ``attrs`` hold the header: ``attrs["header"]`` (every key, in file order),
  ``attrs["units"]`` ({column: unit} from the "# units:" line),
  ``attrs["cl"]`` (a float, or None), ``attrs["citation"]`` (reference /
  source), ``attrs["path"]``.
* interval files DIR/<recast>/<benchmark>[_<variant>].csv, columns
  ma_GeV, c_low, c_high (c_high = inf: open upwards): `load_intervals`.
* polygon files (DIR/<recast>/extra/*_polygons.csv and any other file of
  blank-line separated blocks -- gnuplot's data sets, which pandas alone
  would merge into one table): `load_blocks` returns one DataFrame per block.
* DIR/summary.json: JSON has no infinity, so alp.output.json writes inf,
  -inf and nan as null; `load_summary` restores math.inf in the fields that
  are upper coupling bounds (COUPLING_BOUND_KEYS), other nulls stay None.
* `load_suite(DIR)` loads every CSV and the summary of a suite run.

`write_csv(frame_or_blocks, path)` writes a frame (or a list of block
frames) back in the same format, through a temporary file and a rename; for
a file alpcast wrote, ``write_csv(load_csv(p), q)`` gives the same bytes.
"""
import io
import json
import math
import os
import re

import pandas as pd

__all__ = ["read_header", "parse_units", "load_csv", "load_blocks", "load_intervals",
           "load_summary", "load_suite", "write_csv", "COUPLING_BOUND_KEYS"]

# summary.json fields that hold an upper coupling bound: null there is inf
# (the EFT validity bound c_max of REFERENCE D16(b); interval edges c_high)
COUPLING_BOUND_KEYS = frozenset({"c_max", "c_high"})

INTERVAL_COLUMNS = ["ma_GeV", "c_low", "c_high"]

_HEADER = re.compile(r"^# ([\w-]+): ?(.*)$")


def _split_text(text):
    """(header dict, column line, [block texts]) of a whole CSV text."""
    header, last, lines = {}, None, text.split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        m = _HEADER.match(lines[i])
        if m:
            last = m.group(1)
            header[last] = m.group(2)
        elif lines[i].startswith("#   ") and last is not None:
            header[last] += "\n" + lines[i][4:]
        i += 1
    if i >= len(lines) or not lines[i].strip():
        raise ValueError("no column row after the header")
    columns, body = lines[i], lines[i + 1:]
    blocks, cur = [], []
    for line in body:
        if line.strip():
            cur.append(line)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return header, columns, ["\n".join(b) for b in blocks]


def read_header(path):
    """The "# key: value" header of an alpcast CSV as a dict (file order)."""
    with open(path, encoding="utf-8") as f:
        return _split_text(f.read())[0]


def parse_units(text, columns=()):
    """{column: unit} from a "# units:" line.  Two forms are written:
    "name[, name]: description [unit]; ..." (data files, as alp.data reads
    them: the unit is the last [...]) and "name[, name] in UNIT; ..." or
    "name = description in UNIT" (suite outputs).  Entries split at ';'
    outside parentheses; a name must be one of `columns` when given."""
    out = {}
    if not text:
        return out
    pieces, depth, cur = [], 0, []
    for ch in text.replace("\n", " "):
        depth += (ch == "(") - (ch == ")")
        if ch == ";" and depth <= 0:
            pieces.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    pieces.append("".join(cur))
    for piece in pieces:
        m = re.match(r"^\s*([\w ,]+?)\s*(:|=| in )\s*(.*)$", piece)
        if not m:
            continue
        names, sep, desc = m.groups()
        brackets = re.findall(r"\[([^\]]+)\]", desc)
        if brackets:
            unit = brackets[-1].strip()
        elif sep == " in ":
            unit = desc.split(" (")[0].strip()
        else:
            inn = re.search(r" in (\S+)", " " + desc)
            unit = inn.group(1) if inn else (desc.strip() or None)
        if not unit:
            continue
        for name in names.split(","):
            name = name.strip()
            if name and (not columns or name in columns):
                out[name] = unit
    return out


def _attrs(header, path, columns):
    cl = header.get("cl")
    m = re.match(r"\s*([0-9.]+)", cl or "")
    return {"header": dict(header), "units": parse_units(header.get("units"), columns),
            "cl": float(m.group(1)) if m else None,
            "citation": header.get("reference") or header.get("source"),
            "path": str(path)}


def _frame(columns, block):
    # inf, -inf and nan are pandas' float spellings; strings may be quoted
    return pd.read_csv(io.StringIO(columns + "\n" + block), keep_default_na=False,
                       na_values=["nan", "-nan"])


def load_blocks(path):
    """Every block of an alpcast CSV (blocks are separated by blank lines) as
    a list of DataFrames; each carries the file's header in ``attrs``."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        header, columns, blocks = _split_text(text)
    except ValueError as e:
        raise ValueError("%s: %s" % (path, e)) from None
    names = [c.strip() for c in columns.split(",")]
    frames = []
    for b in blocks or [""]:
        df = _frame(columns, b)
        df.attrs.update(_attrs(header, path, names))
        frames.append(df)
    return frames


def load_csv(path):
    """An alpcast CSV as one DataFrame (a file of several blocks raises: use
    load_blocks, so that polygons are never merged)."""
    frames = load_blocks(path)
    if len(frames) > 1:
        raise ValueError("%s: %d blocks separated by blank lines; load_blocks(path) gives one "
                         "frame per block" % (path, len(frames)))
    return frames[0]


def load_intervals(path):
    """An interval file: columns ma_GeV, c_low, c_high (floats, c_high = inf
    where open upwards), one row per interval per mass."""
    df = load_csv(path)
    want = INTERVAL_COLUMNS
    if list(df.columns) != want:
        raise ValueError("%s: an interval file has the columns %s, got %s"
                         % (path, ",".join(want), ",".join(map(str, df.columns))))
    return df.astype(float)


def _restore(v, key=None):
    if v is None and key in COUPLING_BOUND_KEYS:
        return math.inf
    if isinstance(v, dict):
        return {k: _restore(x, k) for k, x in v.items()}
    if isinstance(v, list):
        return [_restore(x, key) for x in v]
    return v


def load_summary(path):
    """DIR/summary.json as a dict, with math.inf restored where a null
    stands for an infinite upper coupling bound (COUPLING_BOUND_KEYS)."""
    with open(path, encoding="utf-8") as f:
        return _restore(json.load(f))


def load_suite(out_dir):
    """Every output of a suite run: {"summary": dict, "intervals":
    {"recast/label": frame} (the files DIR/<recast>/*.csv with the columns
    ma_GeV, c_low, c_high), "blocks": {"recast/extra/name": [frames]},
    "tables": {"name": frame}} (tables: the figures' CSVs and any other
    one-block CSV).  Keys are paths relative to out_dir without ".csv"."""
    res = {"summary": None, "intervals": {}, "blocks": {}, "tables": {}}
    summary = os.path.join(out_dir, "summary.json")
    if os.path.exists(summary):
        res["summary"] = load_summary(summary)
    for root, dirs, files in os.walk(out_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.endswith(".csv"):
                continue
            path = os.path.join(root, name)
            key = os.path.relpath(path, out_dir)[:-4]
            depth = key.count(os.sep)
            frames = load_blocks(path)
            if depth == 1 and list(frames[0].columns) == INTERVAL_COLUMNS and len(frames) == 1:
                res["intervals"][key] = frames[0].astype(float)
            elif len(frames) > 1 or name.endswith("_polygons.csv"):
                res["blocks"][key] = frames
            else:
                res["tables"][key] = frames[0]
    return res


# ---- writing back ------------------------------------------------------------

def _num(x):
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
        return "%.8g" % x
    s = str(x)
    if any(c in s for c in ',"\r\n'):
        s = '"' + s.replace('"', '""') + '"'
    return s


def write_csv(data, path):
    """Write a DataFrame (or a list of block frames) as alpcast does: the
    header of ``attrs["header"]``, the column row, rows (%.8g numbers),
    blocks separated by two blank lines; to PATH.tmp, then renamed."""
    frames = data if isinstance(data, list) else [data]
    header = frames[0].attrs.get("header", {})
    lines = []
    for k, v in header.items():
        first, *rest = str(v).split("\n")
        lines.append("# %s: %s" % (k, first))
        lines.extend("#   " + r for r in rest)
    lines.append(",".join(map(str, frames[0].columns)))
    for i, df in enumerate(frames):
        if i > 0:
            lines += ["", ""]
        for row in df.itertuples(index=False):
            lines.append(",".join(_num(x.item() if hasattr(x, "item") else x) for x in row))
    tmp = str(path) + ".tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path
