-- tests/lua/test_issue12_small.lua: items of the "smaller" list of issue #12
-- in the stats, contour and output bindings: bad values are errors naming
-- the argument, and JSON output is valid UTF-8 whatever the bytes given.
local lu = require "luaunit"

TestIssue12Small = {}

local function err(f, ...)
  local ok, e = pcall(f, ...)
  lu.assertFalse(ok, "no error")
  return tostring(e)
end

function TestIssue12Small:test_gaussian_upper_rejects_a_negative_background()
  lu.assertStrContains(err(alp.stats.gaussian_upper, { observed = 3, sigma = 1, background = -1 }),
                       "alp.stats.gaussian_upper: background must be a finite number in [0, inf], got -1")
  -- background 0 is still allowed and is the default: the same limit
  lu.assertEquals(alp.stats.gaussian_upper { observed = 3, sigma = 1, background = 0 },
                  alp.stats.gaussian_upper { observed = 3, sigma = 1 })
end

function TestIssue12Small:test_contour_rejects_negative_and_infinite_values()
  local P, E = alp.contour.polygons, alp.contour.envelope
  lu.assertStrContains(err(P, { { ma = -1, lo = 1, hi = 2 } }),
                       "alp.contour.polygons: intervals[1].ma must be a finite number > 0, got -1")
  lu.assertStrContains(err(P, { { ma = 1, lo = 1, hi = 2 }, { ma = 1 / 0, lo = 1, hi = 2 } }),
                       "intervals[2].ma must be a finite number > 0, got inf")
  lu.assertStrContains(err(P, { { ma = 1, lo = 1 / 0, hi = 1 / 0 } }),
                       "intervals[1].lo must be a finite number > 0, got inf")
  lu.assertStrContains(err(E, { { ma = 1, lo = -1e-3, hi = 2 } }),
                       "alp.contour.envelope: intervals[1].lo must be a finite number > 0, got -0.001")
  lu.assertStrContains(err(E, { { 1, 1e-3, -2 } }), "intervals[1].hi must be a number > 0, got -2")
  lu.assertStrContains(err(P, { { ma = 1, lo = 3, hi = 2 } }), "intervals[1] has lo = 3 > hi = 2")
  lu.assertStrContains(err(alp.contour.write, "/tmp/never-written.csv", { { { 1, 2 }, { 1, -1 / 0 } } }),
                       "alp.contour.write: polygons[1][2][2] (c) must be a finite number")
  lu.assertStrContains(err(alp.contour.write, "/tmp/never-written.csv", { { { -1, 2 } } }),
                       "polygons[1][1][1] (ma) must be a finite number")
  -- hi = inf (open upwards) stays allowed: clipped at clip_high
  local polys = P({ { ma = 1, lo = 1e-3, hi = 1 / 0 }, { ma = 2, lo = 1e-3, hi = 1 / 0 } }, { clip_high = 5 })
  local top = 0
  for _, pt in ipairs(polys[1]) do top = math.max(top, pt[2]) end
  lu.assertEquals(top, 5)
end

function TestIssue12Small:test_json_encode_writes_valid_utf8()
  local enc = alp.output.json_encode
  -- each invalid byte becomes the character of its Latin-1 reading
  lu.assertEquals(enc("a\xff\xc3(b\xe9"), '"a\xc3\xbf\xc3\x83(b\xc3\xa9"')
  -- a surrogate (ED A0 80) and a lone continuation byte, in a key and a value
  local s = enc({ ["k\x80"] = "\xed\xa0\x80" })
  lu.assertNotNil(utf8.len(s), "invalid UTF-8 in " .. s)
  lu.assertStrContains(s, '"k\xc2\x80": "\xc3\xad\xc2\xa0\xc2\x80"')
  -- valid UTF-8 passes unchanged
  lu.assertEquals(enc("\xc3\xa9 \xe2\x82\xac"), '"\xc3\xa9 \xe2\x82\xac"')
end

function TestIssue12Small:test_wrong_self_of_a_model_method_says_what_it_got()
  local m = alp.model.benchmark("cff", 1)
  local ok, e = pcall(function() return m.ctau(nil, 0.3) end)
  lu.assertFalse(ok)
  lu.assertStrContains(e, "alp.model: ctau: self must be an alp.model, got nil (call it as obj:ctau(...))")
  ok, e = pcall(function() return m.ctau(5, 0.3) end)
  lu.assertStrContains(e, "alp.model: ctau: self must be an alp.model, got number")
  ok, e = pcall(m.ctau, {})
  lu.assertStrContains(e, "alp.model: argument 1 must be an alp.model, got table")
  -- the right self still works: c*tau of the cff benchmark is positive and finite
  local ct = m:ctau(0.3)
  lu.assertTrue(ct > 0 and ct < math.huge)
end
