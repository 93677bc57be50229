-- tests/lua/test_help.lua: every public function under `alp` (and every
-- method of an alp.* userdata type) has a help entry; help() finds entries
-- by value, by name and by object.
local lu = require "luaunit"
local help = require "alpcast.help"

TestHelp = {}

function TestHelp:test_every_public_function_has_help()
  local missing = {}
  for name in pairs(help.public_functions()) do
    if not help.entry(name) then missing[#missing + 1] = name end
  end
  table.sort(missing)
  lu.assertEquals(missing, {}, "public functions without help entries")
end

function TestHelp:test_public_function_list_is_not_empty()
  local n = 0
  for _ in pairs(help.public_functions()) do n = n + 1 end
  lu.assertTrue(n >= 4, "found only " .. n .. " public functions")
  lu.assertNotNil(help.public_functions()["alp.fs.listdir"])
end

-- Capture what help() prints.
local function printed(x)
  local out, old = {}, _G.print
  _G.print = function(...) out[#out + 1] = table.concat({ ... }, "\t") end
  local ok, err = pcall(help.help, x)
  _G.print = old
  assert(ok, err)
  return table.concat(out, "\n")
end

function TestHelp:test_lookup_by_value_and_name()
  lu.assertStrContains(printed(alp.fs.listdir), "alp.fs.listdir(path)")
  lu.assertStrContains(printed("fs.listdir"), "alp.fs.listdir(path)")
  lu.assertStrContains(printed("alp.fs.listdir"), "alp.fs.listdir(path)")
end

function TestHelp:test_overview_lists_topics()
  local text = printed(nil)
  for _, topic in ipairs { "alp.model", "alp.sample", "alp.detector", "alp.stats",
                           "alp.scan", "alp.recast" } do
    lu.assertStrContains(text, topic)
  end
end

function TestHelp:test_unknown_topic_says_so()
  lu.assertStrContains(printed("no_such_thing"), "no help for")
end

function TestHelp:test_help_is_global_in_scripts()
  lu.assertIs(_G.help, alp.help)
end

function TestHelp:test_method_found_with_a_dot()
  -- "alp.model.width" finds the method entry "alp.model:width"
  lu.assertEquals(help.entry("alp.model.width"), help.entry("alp.model:width"))
  lu.assertNotNil(help.entry("alp.model:width"))
end
