"""Headless Chromium driven through the DevTools protocol over a pipe
(--remote-debugging-pipe: JSON messages ending in NUL on fds 3 and 4), with
the standard library only. Shared by the serve tests (serve_chromium.py,
serve_tabs.py). Every wait has a deadline; a failure kills the browser and
exits 1 with the reason.
"""
import json
import os
import select
import signal
import subprocess
import sys
import time


class Chromium:
    def __init__(self, browser, profile, name, width=1200, height=1400):
        self.name = name
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()

        def child_fds():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.proc = subprocess.Popen(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-extensions", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--remote-debugging-pipe", "--user-data-dir=" + profile,
             f"--window-size={width},{height}", "--hide-scrollbars", "about:blank"],
            pass_fds=(3, 4), preexec_fn=child_fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # `timeout` in the shell sends SIGTERM: leave through close(), which
        # closes the browser, rather than leave it running.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(f"{name}: stopped (SIGTERM)"))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.out = os.fdopen(to_chrome_w, "wb", buffering=0)
        self.inp = os.fdopen(from_chrome_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0

    def fail(self, why):
        print(f"{self.name}: {why}")
        self.proc.kill()
        sys.exit(1)

    def send(self, method, params=None, session=None, deadline=30, allow_error=False):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.out.write(json.dumps(msg).encode() + b"\0")
        end = time.time() + deadline
        while time.time() < end:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self.next_id:
                    if "error" in reply:
                        if allow_error:
                            return None
                        self.fail(f"{method}: {reply['error']}")
                    return reply.get("result", {})
            ready, _, _ = select.select([self.inp], [], [], max(0.0, end - time.time()))
            if ready:
                chunk = self.inp.read(1 << 16)
                if not chunk:
                    self.fail("chromium closed the pipe")
                self.buffer += chunk
        self.fail(f"{method}: no answer in {deadline} s")

    def open_tab(self, url):
        """A new tab on `url`; returns (target id, session id)."""
        target = self.send("Target.createTarget", {"url": url})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Runtime.enable", {}, session)
        return target, session

    def evaluate(self, session, expression):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
        return r.get("result", {}).get("value")

    def wait_for(self, session, expression, seconds, what):
        end = time.time() + seconds
        while time.time() < end:
            if self.evaluate(session, expression):
                return
            time.sleep(0.1)
        self.fail(f"timed out waiting for {what}")

    def screenshot(self, session, path, width=1200, height=1400, scale=0.6):
        import base64
        self.send("Page.bringToFront", {}, session)  # a background tab is not painted
        png = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                   "clip": {"x": 0, "y": 0, "width": width, "height": height,
                                                            "scale": scale}}, session)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(png))

    def close(self):
        try:
            self.send("Browser.close", deadline=5)
        except (SystemExit, OSError, ValueError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def break_enterprise_number(manifest):
    """Makes a copy of the Brussels sample fail: its employer's enterprise
    number with a wrong check digit, written atomically (as an editor saves).
    False when the manifest has no such number."""
    with open(manifest, encoding="utf-8") as f:
        text = f.read()
    broken = text.replace('"0403.199.702"', '"0403.199.703"')
    if broken == text:
        return False
    with open(manifest + ".new", "w", encoding="utf-8") as f:
        f.write(broken)
    os.replace(manifest + ".new", manifest)
    return True
