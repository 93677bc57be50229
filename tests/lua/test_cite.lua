-- tests/lua/test_cite.lua: citations (issue 16 item 3).  Every bundled
-- recast declares `cite` keys and every key it or the physics inputs use has
-- an entry in scripts/alpcast/refs.bib; `alpcast cite` and the suite's
-- out/citations.bib give BibTeX for exactly what was used.
local lu = require "luaunit"
local h = require "helpers"
local cite = require "alpcast.cite"

TestCite = {}

local function bundled()
  return require("alpcast.suite").discover({ alp.root .. "/recasts" })
end

function TestCite:test_every_bundled_recast_cites_entries_of_refs_bib()
  local entries = cite.bib()
  local problems = {}
  local found = bundled()
  lu.assertTrue(#found >= 12, "bundled recasts: " .. #found)
  for _, e in ipairs(found) do
    local d = alp.recast.load(e.path)
    if #d.cite == 0 then
      problems[#problems + 1] = e.path .. ": no field 'cite' (give { \"measurement key\", \"data source key\" } of scripts/alpcast/refs.bib)"
    end
    for _, k in ipairs(d.cite) do
      if not entries[k] then
        problems[#problems + 1] = e.path .. ": cite key '" .. k .. "' has no entry in scripts/alpcast/refs.bib"
      end
    end
  end
  for _, p in ipairs(cite.physics) do
    for _, k in ipairs(p.keys) do
      if not entries[k] then problems[#problems + 1] = "physics input '" .. p.what .. "': key '" .. k .. "' missing" end
    end
  end
  lu.assertEquals(problems, {}, "recasts without citations")
end

function TestCite:test_refs_bib_entries_are_complete()
  local entries, order = cite.bib()
  lu.assertTrue(#order >= 20)
  for _, k in ipairs(order) do
    local e = entries[k]
    lu.assertStrContains(e, "title", false, k .. " has no title")
    lu.assertTrue((e:find("eprint%s*=") or e:find("journal%s*=") or k == "alpcast") and true,
                  k .. " has neither eprint nor journal")
    -- a key built from an arXiv number names the entry's own eprint
    local ax = k:match("^arXiv:(.+)$")
    if ax then lu.assertStrContains(e, "eprint        = {" .. ax .. "}", false, k) end
  end
end

function TestCite:test_cite_command_selects_recasts_and_models()
  local out, code = h.run(h.exe() .. " cite --recasts babar_knunu")
  lu.assertEquals(code, 0, out)
  lu.assertStrContains(out, "@article{Lees:2013kla,")
  lu.assertStrContains(out, "@article{arXiv:2012.12272,")       -- running: always
  lu.assertStrContains(out, "@software{alpcast,")
  lu.assertNil(out:find("arXiv:1612.07818", 1, true), "an unselected recast's entry")
  out, code = h.run(h.exe() .. " cite --recasts babar_knuu")
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "did you mean 'babar_knunu'")
  out, code = h.run(h.exe() .. " cite --model cxx")
  lu.assertEquals(code, 2)
  lu.assertStrContains(out, "--model must be cff or cWW")
  out, code = h.run(h.exe() .. " cite --help")
  lu.assertEquals(code, 0)
  lu.assertStrContains(out, "usage: alpcast cite")
end

function TestCite:test_missing_entry_is_reported_by_name()
  local d = { name = "toy", experiment = "X", cite = { "arXiv:0000.00000" } }
  local text, missing = cite.text(cite.collect({ d }))
  lu.assertEquals(missing, { "recast toy (X) cites 'arXiv:0000.00000', which refs.bib lacks" })
  lu.assertStrContains(text, "% MISSING: recast toy (X) cites 'arXiv:0000.00000'")
  local ok, err = pcall(alp.recast, { name = "toy", experiment = "X", process = "p", reference = "r",
    signature = "invisible", cl = 0.9, cite = { "two words" }, ratio = function() return 0 end })
  lu.assertFalse(ok)
  lu.assertStrContains(tostring(err), "field 'cite' must list BibTeX keys")
end

function TestCite:test_suite_writes_citations_bib_for_the_recasts_it_ran()
  local dir = h.tmpdir()
  local out, code = h.run(h.exe() .. " suite --only lhcb_kmumu_displaced --no-figures -j 1 --out " .. h.q(dir))
  lu.assertEquals(code, 0, out)
  local f = assert(io.open(dir .. "/citations.bib"))
  local text = f:read("a")
  f:close()
  h.rmtree(dir)
  lu.assertStrContains(text, "@article{arXiv:1612.07818,")
  lu.assertStrContains(text, "@article{arXiv:2201.06580,")
  lu.assertNil(text:find("Lees:2013kla", 1, true), "a recast that did not run")
end

-- Run from another folder: summary.json names bundled recasts relative to the
-- tree, and citations.bib must still find them (it failed with "cannot open
-- recasts/na62_kpix.lua" when the suite ran outside the tree).
TestCiteElsewhere = {}
function TestCiteElsewhere:test_citations_written_from_another_folder()
  local d, exe = h.tmpdir(), h.exe()
  if exe:sub(1, 1) ~= "/" then exe = (os.getenv("PWD") or ".") .. "/" .. exe end
  local out, code = h.run(string.format("cd %s && %s suite --only na62_kpix --no-figures --quiet --out o",
                                        h.q(d), h.q(exe)))
  lu.assertEquals(code, 0, out)
  lu.assertNotStrContains(out, "citations.bib not written")
  local f = assert(io.open(d .. "/o/citations.bib"))
  local bib = f:read("a")
  f:close()
  lu.assertStrContains(bib, "@article{arXiv:2011.11329")
  h.rmtree(d)
end
