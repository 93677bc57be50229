#!/usr/bin/python3
"""alpcast_kernel: a Jupyter kernel for alpcast (Lua 5.4 + the `alp` module).

A wrapper kernel (ipykernel's Kernel) around one persistent
`alpcast --kernel` process, whose framed protocol is described in
host/kernel.c.  A cell runs in that session as a REPL line does: its output
streams as it is printed, echoed values become the cell's result, a Lua
error becomes a Jupyter error (message and traceback), SVG figures written
by alp.plot.figure (or returned as paths) display inline, and Tab completes
dotted names with the REPL's completer.  Interrupt (the frontend's stop
button, SIGINT to this process) is forwarded to the session, which stops
the running Lua or C computation and keeps its variables.

The alpcast executable is $ALPCAST_EXE (the kernelspec that `make install`
writes sets it), else `alpcast` on PATH.
"""
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import codecs

from ipykernel.kernelbase import Kernel

__version__ = "0.1.0"

RS = b"\x1e"
REPLY_HEAD = b"ALPCAST-REPLY\n"
# readline's word-break characters of the REPL (host/repl.c): the text to
# complete is what follows the last of them
COMPLETE_TOKEN = re.compile(r"[^ \t\n\"\\'`@$><=;|&{(,+\-*/%^~#\[\]]*$")


# the dotted name around the cursor, for help() (identifiers only: the name is
# evaluated in the session)
INSPECT_NAME = re.compile(r"[A-Za-z_][\w]*(?:[.:][A-Za-z_]\w*)*[.:]?\w*$")
INSPECT_TAIL = re.compile(r"\w*")


class SessionEnded(Exception):
    """The alpcast process exited or its protocol broke."""


def parse_reply(buf):
    """A reply frame at the start of buf (after the 0x1E byte): returns
    (fields, rest) where fields maps a key to the list of its values, or
    (None, buf) while the frame is incomplete."""
    if len(buf) < len(REPLY_HEAD):
        return None, buf
    if not buf.startswith(REPLY_HEAD):
        raise SessionEnded("alpcast --kernel: bad reply %r" % buf[:40])
    pos, fields = len(REPLY_HEAD), {}
    while True:
        nl = buf.find(b"\n", pos)
        if nl < 0:
            return None, buf
        key, _, size = buf[pos:nl].decode("ascii", "replace").partition(" ")
        if not size.isdigit():
            raise SessionEnded("alpcast --kernel: bad reply field %r" % buf[pos:nl])
        n = int(size)
        end = nl + 1 + n + 1
        if len(buf) < end:
            return None, buf
        if key == "end":
            return fields, buf[end:]
        fields.setdefault(key, []).append(buf[nl + 1:nl + 1 + n].decode("utf-8", "replace"))
        pos = end


class Session:
    """One `alpcast --kernel` process; events arrive on self.events as
    ("stdout", text), ("stderr", text), ("stderr-done",), ("reply", fields),
    ("eof", stream)."""

    def __init__(self, exe, cwd=None):
        self.proc = subprocess.Popen([exe, "--kernel"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=cwd, bufsize=0, start_new_session=True)
        self.events = queue.Queue()
        for name, pipe in (("stdout", self.proc.stdout), ("stderr", self.proc.stderr)):
            threading.Thread(target=self._reader, args=(name, pipe), daemon=True).start()

    def _reader(self, name, pipe):
        fd = pipe.fileno()
        dec = codecs.getincrementaldecoder("utf-8")("replace")
        buf, in_reply = b"", False
        try:
            while True:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                buf += chunk
                while buf:
                    if in_reply:
                        fields, buf = parse_reply(buf)
                        if fields is None:
                            break
                        in_reply = False
                        self.events.put(("reply", fields))
                        continue
                    i = buf.find(RS)
                    text, buf = (buf, b"") if i < 0 else (buf[:i], buf[i + 1:])
                    if text:
                        self.events.put((name, dec.decode(text)))
                    if i >= 0:
                        if name == "stdout":
                            in_reply = True
                        else:
                            self.events.put(("stderr-done",))
        except SessionEnded as e:
            self.events.put(("stderr", str(e) + "\n"))
        self.events.put(("eof", name))

    def request(self, verb, text, on_output=None, on_interrupt=None):
        """Send one request; return its reply fields.  on_output(name, text)
        gets the output as it arrives; a KeyboardInterrupt while waiting is
        forwarded to the process as SIGINT (and on_interrupt called)."""
        data = text.encode("utf-8")
        try:
            self.proc.stdin.write(b"%s %d\n" % (verb.encode("ascii"), len(data)) + data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise SessionEnded(self._ended())
        reply, stderr_done = None, False
        while reply is None or not stderr_done:
            try:
                ev = self.events.get(timeout=0.05)
            except queue.Empty:
                continue
            except KeyboardInterrupt:
                self.interrupt()
                if on_interrupt:
                    on_interrupt()
                continue
            if ev[0] in ("stdout", "stderr"):
                if on_output:
                    on_output(ev[0], ev[1])
            elif ev[0] == "stderr-done":
                stderr_done = True
            elif ev[0] == "reply":
                reply = ev[1]
            elif ev[0] == "eof":
                raise SessionEnded(self._ended())
        return reply

    def interrupt(self):
        """SIGINT to the session's process group (it leads its own): the
        session and the programs it runs in the foreground (os.execute,
        gnuplot)."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGINT)
            except OSError:
                os.kill(self.proc.pid, signal.SIGINT)

    def _ended(self):
        try:
            code = self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            code = None
        return "the alpcast session ended (exit code %s); restart the kernel" % code

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=3)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def find_exe():
    exe = os.environ.get("ALPCAST_EXE") or shutil.which("alpcast")
    if not exe:
        raise RuntimeError("alpcast_kernel: no alpcast executable (set ALPCAST_EXE or put "
                           "alpcast on PATH; `make install` writes a kernelspec that sets it)")
    return exe


class AlpcastKernel(Kernel):
    implementation = "alpcast_kernel"
    implementation_version = __version__
    language = "lua"
    language_version = "5.4"
    language_info = {"name": "lua", "version": "5.4", "mimetype": "text/x-lua",
                     "file_extension": ".lua", "codemirror_mode": "lua",
                     "pygments_lexer": "lua"}
    banner = "alpcast: ALPs from meson decays (Lua 5.4 with the alp module); help() for help"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.alp = Session(find_exe())

    def _stream(self, name, text):
        self.send_response(self.iopub_socket, "stream", {"name": name, "text": text})

    def do_execute(self, code, silent, store_history=True, user_expressions=None,
                   allow_stdin=False):
        out = None if silent else self._stream
        try:
            reply = self.alp.request("exec", code, on_output=out)
        except SessionEnded as e:
            return self._error("SessionEnded", str(e), [str(e)])
        status = reply.get("status", ["error"])[0]
        if status != "ok":
            msg = reply.get("error", ["(no message)"])[0]
            ename = "Interrupted" if status == "interrupted" else "LuaError"
            lines = msg.split("\n")
            cut = lines.index("stack traceback:") if "stack traceback:" in lines else len(lines)
            return self._error(ename, "\n".join(lines[:cut]), lines, silent)
        if not silent:
            for path in reply.get("figure", []):
                try:
                    with open(path, encoding="utf-8") as f:
                        svg = f.read()
                except OSError as e:
                    self._stream("stderr", "cannot show %s: %s\n" % (path, e))
                    continue
                self.send_response(self.iopub_socket, "display_data",
                                   {"data": {"image/svg+xml": svg, "text/plain": path},
                                    "metadata": {}})
            if "value" in reply:
                self.send_response(self.iopub_socket, "execute_result",
                                   {"execution_count": self.execution_count,
                                    "data": {"text/plain": reply["value"][0]},
                                    "metadata": {}})
        return {"status": "ok", "execution_count": self.execution_count, "payload": [],
                "user_expressions": {}}

    def _error(self, ename, evalue, traceback, silent=False):
        content = {"ename": ename, "evalue": evalue, "traceback": traceback}
        if not silent:
            self.send_response(self.iopub_socket, "error", content)
        content.update(status="error", execution_count=self.execution_count)
        return content

    def do_complete(self, code, cursor_pos):
        token = COMPLETE_TOKEN.search(code[:cursor_pos]).group(0)
        try:
            reply = self.alp.request("complete", token)
        except SessionEnded:
            reply = {}
        return {"status": "ok", "matches": reply.get("match", []),
                "cursor_start": cursor_pos - len(token), "cursor_end": cursor_pos,
                "metadata": {}}

    def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        """Shift-Tab: help(NAME) for the dotted name at the cursor."""
        m = INSPECT_NAME.search(code[:cursor_pos])
        if not m:
            return {"status": "ok", "found": False, "data": {}, "metadata": {}}
        name = m.group(0) + INSPECT_TAIL.match(code[cursor_pos:]).group(0)
        text = []
        try:
            lua = "local v = %s; if v ~= nil then help(v) end" % name.replace(":", ".")
            reply = self.alp.request("exec", lua,
                                     on_output=lambda _, t: text.append(t))
        except SessionEnded:
            reply = {}
        found = reply.get("status") == ["ok"] and bool(text) and not "".join(text).startswith("no help")
        return {"status": "ok", "found": found, "metadata": {},
                "data": {"text/plain": "".join(text)} if found else {}}

    def do_shutdown(self, restart):
        self.alp.close()
        if restart:
            self.alp = Session(find_exe())
        return {"status": "ok", "restart": restart}


if __name__ == "__main__":
    from ipykernel.kernelapp import IPKernelApp
    IPKernelApp.launch_instance(kernel_class=AlpcastKernel)
