"""The Jupyter kernel (python/alpcast_kernel.py) through jupyter_client, as a
frontend drives it: results, streams, errors, completion, inline SVG, and an
interrupt that stops a long Lua or C computation within 1 s and keeps the
session's variables."""
import time
import unittest

import jupyter_client

KM = KC = None


def setUpModule():
    global KM, KC
    KM = jupyter_client.KernelManager(kernel_name="alpcast")
    KM.start_kernel()
    KC = KM.client()
    KC.start_channels()
    KC.wait_for_ready(timeout=60)


def tearDownModule():
    KC.stop_channels()
    KM.shutdown_kernel(now=True)


def run(code, timeout=120):
    msgs = []
    # stop_on_error=False: an error reply must not abort the next cell
    # (ipykernel aborts requests queued behind an error otherwise)
    reply = KC.execute_interactive(code, timeout=timeout, stop_on_error=False,
                                   output_hook=lambda m: msgs.append((m["msg_type"], m["content"])))
    return reply["content"], msgs


def of_type(msgs, kind):
    return [c for t, c in msgs if t == kind]


class TestKernel(unittest.TestCase):
    def test_kernelspec_is_listed(self):
        specs = jupyter_client.kernelspec.KernelSpecManager().find_kernel_specs()
        self.assertIn("alpcast", specs)

    def test_value_echo_and_stream(self):
        reply, msgs = run("m = alp.model.benchmark('cff', 1)\nprint('hello')\nm:ctau(0.3)")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual("".join(c["text"] for c in of_type(msgs, "stream")), "hello\n")
        value = float(of_type(msgs, "execute_result")[0]["data"]["text/plain"])
        # REFERENCE.md sec. 4.6: c tau(0.3 GeV) = 1.700e-6 m for c_ff = 1 (2 %)
        self.assertAlmostEqual(value / 1.700e-6, 1, delta=0.02)

    def test_userdata_prints_as_in_the_repl(self):
        _, msgs = run("alp.model.benchmark('cWW', 2)")
        self.assertTrue(of_type(msgs, "execute_result")[0]["data"]["text/plain"]
                        .startswith("alp.model{cff=0, cww=2"))

    def test_error_is_a_jupyter_error_and_the_session_goes_on(self):
        run("kept = 41")
        reply, msgs = run("alp.model.benchmark('cff', 1):ctau(-1)")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "LuaError")
        self.assertIn("alp.model:ctau: ma must be a finite number in [1e-06, 91.1876] GeV, got -1",
                      reply["evalue"])
        self.assertIn("stack traceback:", reply["traceback"])
        self.assertEqual(of_type(msgs, "error")[0]["evalue"], reply["evalue"])
        _, msgs = run("kept + 1")
        self.assertEqual(of_type(msgs, "execute_result")[0]["data"]["text/plain"], "42")

    def test_help_prints(self):
        _, msgs = run("help(alp.model.benchmark)")
        self.assertIn("alp.model.benchmark", "".join(c["text"] for c in of_type(msgs, "stream")))

    def test_completion_uses_the_repls_completer(self):
        run("mm = alp.model.benchmark('cff', 1)")
        code = "x = mm:br_b"
        KC.complete(code, len(code))
        c = KC.get_shell_msg(timeout=30)["content"]
        self.assertIn("mm:br_b_to_ka", c["matches"])
        self.assertEqual(c["cursor_start"], len("x = "))
        self.assertTrue(all(m.startswith("mm:br_b") for m in c["matches"]))

    def test_inspect_shows_help(self):
        code = "x = alp.model.benchmark(\"cff\", 1)"
        KC.inspect(code, len("x = alp.model.bench"))
        c = KC.get_shell_msg(timeout=30)["content"]
        self.assertTrue(c["found"])
        self.assertIn("alp.model.benchmark", c["data"]["text/plain"])
        KC.inspect("nosuch.thing", 5)
        self.assertFalse(KC.get_shell_msg(timeout=30)["content"]["found"])

    def test_figure_displays_inline_as_svg(self):
        code = ("d = os.tmpname(); os.remove(d); alp.fs.mkdir(d)\n"
                "alp.output.csv(d .. '/sq.csv', { columns = { 'x', 'y' }, rows = { { 1, 1 }, { 2, 4 } } })\n"
                "alp.plot.figure { output = d .. '/sq', formats = { 'svg' }, series = { { file = d .. '/sq.csv' } } }\n"
                "print('done')")
        reply, msgs = run(code)
        self.assertEqual(reply["status"], "ok", reply)
        shown = of_type(msgs, "display_data")
        self.assertEqual(len(shown), 1)
        self.assertIn("<svg", shown[0]["data"]["image/svg+xml"])
        run("os.execute(\"rm -rf '\" .. d .. \"'\")")

    def interrupt_after(self, code, wait):
        KC.execute(code, stop_on_error=False)
        time.sleep(wait)
        t0 = time.time()
        KM.interrupt_kernel()
        while True:
            msg = KC.get_shell_msg(timeout=60)
            if msg["msg_type"] == "execute_reply":
                break
        dt = time.time() - t0
        print("(stopped %.3f s after the interrupt) " % dt, end="", flush=True)
        return msg["content"], dt

    def test_interrupt_stops_a_lua_loop_within_a_second(self):
        run("before = 'kept'")
        reply, dt = self.interrupt_after("n = 0\nwhile true do n = n + 1 end", 1.0)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "Interrupted")
        self.assertLess(dt, 1.0)
        reply, msgs = run("before, n > 0")
        self.assertEqual(reply["status"], "ok", (reply, msgs))
        self.assertEqual(of_type(msgs, "execute_result")[0]["data"]["text/plain"], '"kept"\ttrue')

    def test_interrupt_reaches_a_program_the_cell_runs(self):
        reply, dt = self.interrupt_after("ok, how, sig = os.execute('sleep 30')", 1.0)
        self.assertLess(dt, 1.0)
        _, msgs = run("how, sig")
        self.assertEqual(of_type(msgs, "execute_result")[0]["data"]["text/plain"], '"signal"\t2')

    def test_interrupt_stops_a_c_loop_within_a_second(self):
        # 1e6 events x 20000 lifetimes = 2e10 decay probabilities: C code, ~20 s
        code = ("s = alp.sample.b_to_ka{ma = 0.3, n = 1e6, seed = 1}\n"
                "ct = {}; for i = 1, 20000 do ct[i] = 10^(-3 + 6 * i / 20000) end\n"
                "p = alp.detector.belle2():volume('veto'):decay_prob(s, ct, 'outside')")
        run("p, marker = nil, 7")
        reply, dt = self.interrupt_after(code, 2.0)
        self.assertEqual(reply["ename"], "Interrupted")
        self.assertLess(dt, 1.0)
        reply, msgs = run("marker * 6, p")
        self.assertEqual(reply["status"], "ok", (reply, msgs))
        self.assertEqual(of_type(msgs, "execute_result")[0]["data"]["text/plain"], "42\tnil")


if __name__ == "__main__":
    unittest.main()
