-- alpcast/progress.lua: the suite's progress display on stderr.
--
--   local P = progress.new { stream = io.stderr, tty = true, quiet = false,
--                            clock = alp._proc.clock, every = 10 }
--   P:start(name); P:update(name, done, total); P:finish(name)
--   P:around(function() print(...) end)   -- print with the live block cleared
--
-- On a terminal (tty = true) it keeps one live line per running recast,
--   "  ..    belle2_kinv   120/600 masses  20 %  ETA 31 s"
-- redrawn in place (ANSI: cursor up, erase line) whenever a count changes;
-- stdout lines printed through P:around appear above the block.  Not on a
-- terminal, it prints the same line as plain text at most every `every`
-- seconds per recast (a log keeps a few lines, not one per mass).  quiet =
-- true prints nothing.  The ETA is the elapsed time per mass done times the
-- masses left (each recast's masses cost about the same).
local M = {}

local fmt = string.format

local Progress = {}
Progress.__index = Progress

function M.new(opts)
  opts = opts or {}
  return setmetatable({
    stream = opts.stream or io.stderr, tty = opts.tty and true or false,
    quiet = opts.quiet and true or false, clock = opts.clock or os.clock,
    every = opts.every or 10, order = {}, state = {}, drawn = 0,
  }, Progress)
end

-- "ETA 31 s", "ETA 2 min", or "" before the first mass is done.
local function eta(st, now)
  if st.done <= 0 or st.total <= st.done then return "" end
  local left = (now - st.t0) / st.done * (st.total - st.done)
  if left < 120 then return fmt("  ETA %d s", math.floor(left + 0.5)) end
  return fmt("  ETA %d min", math.floor(left / 60 + 0.5))
end

function Progress:line(name, now)
  local st = self.state[name]
  local pct = st.total > 0 and math.floor(100 * st.done / st.total) or 0
  return fmt("  ..    %-28s %5d/%-5d masses %3d %%%s", name, st.done, st.total, pct, eta(st, now))
end

function Progress:clear()
  if not self.tty or self.drawn == 0 then return end
  local s = self.stream
  for _ = 1, self.drawn do s:write("\27[1A\27[2K") end
  s:write("\r")
  self.drawn = 0
end

function Progress:draw()
  if self.quiet or not self.tty then return end
  self:clear()
  local now, s = self.clock(), self.stream
  for _, name in ipairs(self.order) do
    if self.state[name].total > 0 then
      s:write(self:line(name, now), "\n")
      self.drawn = self.drawn + 1
    end
  end
  s:flush()
end

function Progress:start(name)
  if self.state[name] then return end
  self.order[#self.order + 1] = name
  self.state[name] = { done = 0, total = 0, t0 = self.clock(), said = self.clock() }
end

function Progress:update(name, done, total)
  local st = self.state[name]
  if not st or self.quiet then return end
  st.done, st.total = done, total
  if self.tty then return self:draw() end
  local now = self.clock()
  if now - st.said >= self.every and done < total then
    st.said = now
    self.stream:write(self:line(name, now), "\n")
    self.stream:flush()
  end
end

function Progress:finish(name)
  if not self.state[name] then return end
  self.state[name] = nil
  for i, n in ipairs(self.order) do
    if n == name then table.remove(self.order, i) break end
  end
  self:draw()
end

-- Runs f() (which prints to stdout) with the live block out of the way.
function Progress:around(f)
  self:clear()
  f()
  io.stdout:flush()
  self:draw()
end

return M
