-- alpcast/kernel.lua: how `alpcast --kernel` (host/kernel.c, driven by the
-- Jupyter kernel python/alpcast_kernel.py) runs a notebook cell.
--  * compile(cell): as the REPL, a cell is first tried as an expression (its
--    values echo); else as statements whose last statement, if it is an
--    expression (the last line, or what follows a ';' on it), is echoed, as
--    a notebook echoes its last line; else as plain statements.
--  * begin() / finish(...): the values echoed as the REPL prints them
--    (alp.inspect, tab separated, `_` = the first), and the SVG figures the
--    cell wrote with alp.plot.figure or returned (a path, or an array of
--    paths as alp.plot.figure returns).
local alp = require "alp"
local plot = require "alpcast.plot"

local M = {}

local concat, select = table.concat, select

-- The cell's stdin is not the terminal: it carries the kernel's requests.
io.input("/dev/null")

function M.compile(cell)
  cell = cell:gsub("%s+$", "")
  local f = load("return " .. cell .. ";", "=cell", "t")
  if f then return f end
  -- the last statement as an expression: what follows a ';' on the last
  -- line (the rightmost first), or the last line; the tail must be an
  -- expression by itself (else "...\nend" would compile as "return end")
  local line_start = (cell:match("^.*()\n") or 0) + 1
  local cuts = {}
  for i in cell:sub(line_start):gmatch("();") do table.insert(cuts, 1, line_start + i - 1) end
  cuts[#cuts + 1] = line_start - 1
  for _, i in ipairs(cuts) do
    local tail = cell:sub(i + 1)
    if i > 0 and not tail:match("^%s*%-%-") and load("return " .. tail .. ";", "=cell", "t") then
      f = load(cell:sub(1, i) .. " return " .. tail .. ";", "=cell", "t")
      if f then return f end
    end
  end
  return load(cell, "=cell", "t")
end

local figures, seen

local function add_figure(path)
  if type(path) == "string" and path:match("%.svg$") and not seen[path] then
    local fh = io.open(path, "rb")
    if fh then
      fh:close()
      seen[path] = true
      figures[#figures + 1] = path
    end
  end
end

function M.begin()
  figures, seen = {}, {}
  plot._on_figure = add_figure
end

function M.finish(...)
  plot._on_figure = nil
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do
    local v = select(i, ...)
    parts[i] = alp.inspect(v)
    if type(v) == "string" then add_figure(v)
    elseif type(v) == "table" and getmetatable(v) == nil then
      for _, p in ipairs(v) do add_figure(p) end
    end
  end
  if n > 0 then rawset(_G, "_", (...)) end
  return n > 0 and concat(parts, "\t") or nil, figures
end

return M
