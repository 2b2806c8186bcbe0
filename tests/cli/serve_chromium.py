"""Drives headless Chromium through the DevTools protocol over a pipe
(--remote-debugging-pipe: JSON messages ending in NUL on fds 3 and 4), with
the standard library only. Used by serve_chromium.sh.

usage: serve_chromium.py BROWSER URL MANIFEST SCREENSHOT PROFILE_DIR
Opens URL, waits for the passing verdict, scrolls down, marks the window,
breaks MANIFEST (a wrong enterprise number), waits for the failing verdict,
then checks that the window was not reloaded and kept its scroll position,
and saves a screenshot. Every wait has a deadline.
"""
import base64
import json
import os
import signal
import subprocess
import sys
import time

browser, url, manifest, shot, profile = sys.argv[1:6]

to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()


def child_fds():
    os.dup2(to_chrome_r, 3)
    os.dup2(from_chrome_w, 4)


proc = subprocess.Popen(
    [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
     "--disable-background-networking", "--disable-component-update", "--disable-sync",
     "--remote-debugging-pipe", "--user-data-dir=" + profile, "--window-size=1200,1400",
     "--hide-scrollbars", "about:blank"],
    pass_fds=(3, 4), preexec_fn=child_fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
# `timeout` in the shell sends SIGTERM: leave through the finally below, which
# closes the browser, rather than leave it running.
signal.signal(signal.SIGTERM, lambda *_: sys.exit("serve_chromium: stopped (SIGTERM)"))
os.close(to_chrome_r)
os.close(from_chrome_w)
out = os.fdopen(to_chrome_w, "wb", buffering=0)
inp = os.fdopen(from_chrome_r, "rb", buffering=0)
buffer = b""
next_id = 0


def fail(why):
    print("serve_chromium: " + why)
    proc.kill()
    sys.exit(1)


def send(method, params=None, session=None, deadline=30, allow_error=False):
    global next_id, buffer
    next_id += 1
    msg = {"id": next_id, "method": method, "params": params or {}}
    if session:
        msg["sessionId"] = session
    out.write(json.dumps(msg).encode() + b"\0")
    end = time.time() + deadline
    import select
    while time.time() < end:
        while b"\0" in buffer:
            raw, buffer = buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == next_id:
                if "error" in reply:
                    if allow_error:
                        return None
                    fail(f"{method}: {reply['error']}")
                return reply.get("result", {})
        ready, _, _ = select.select([inp], [], [], max(0.0, end - time.time()))
        if ready:
            chunk = inp.read(1 << 16)
            if not chunk:
                fail("chromium closed the pipe")
            buffer += chunk
    fail(f"{method}: no answer in {deadline} s")


def evaluate(session, expression):
    r = send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
    return r.get("result", {}).get("value")


def wait_for(session, expression, seconds, what):
    end = time.time() + seconds
    while time.time() < end:
        if evaluate(session, expression):
            return
        time.sleep(0.1)
    fail(f"timed out waiting for {what}")


try:
    # Without JavaScript: a tab with scripts disabled still shows the report
    # (its DOM is read through the protocol, not by a script).
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    nojs = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Page.enable", {}, nojs)
    send("Emulation.setScriptExecutionDisabled", {"value": True}, nojs)
    send("Page.navigate", {"url": url}, nojs)
    end = time.time() + 20
    html = ""
    while time.time() < end and 'id="verdict"' not in html:
        time.sleep(0.2)
        # The document may be replaced while it loads: a stale node id is retried.
        doc = send("DOM.getDocument", {"depth": 1}, nojs, allow_error=True)
        got = doc and send("DOM.getOuterHTML", {"nodeId": doc["root"]["nodeId"]}, nojs, allow_error=True)
        html = got["outerHTML"] if got else ""
    if 'id="verdict"' not in html or 'class="checklist"' not in html:
        fail("without JavaScript the page shows no report")
    send("Target.closeTarget", {"targetId": target})

    target = send("Target.createTarget", {"url": url})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Runtime.enable", {}, session)
    wait_for(session, "!!document.getElementById('verdict') && "
             "document.getElementById('verdict').textContent.includes('PASS')", 30, "the passing verdict")
    # The live stream is open once the first event has been applied.
    wait_for(session, "document.body.getAttribute('data-version') !== null", 15, "the first live event")
    evaluate(session, "window.scrollTo(0, 600); window.__same_page = 42; window.scrollY")
    y_before = evaluate(session, "window.scrollY")
    if not y_before:
        fail("the page could not be scrolled")
    t0 = time.time()
    with open(manifest, encoding="utf-8") as f:
        text = f.read()
    broken = text.replace('"0403.199.702"', '"0403.199.703"')
    if broken == text:
        fail("the manifest has no enterprise number to change")
    with open(manifest + ".new", "w", encoding="utf-8") as f:
        f.write(broken)
    os.replace(manifest + ".new", manifest)
    wait_for(session, "document.getElementById('verdict').textContent.includes('FAIL')", 20, "the failing verdict")
    seconds = time.time() - t0
    if evaluate(session, "window.__same_page") != 42:
        fail("the page was reloaded")
    y_after = evaluate(session, "window.scrollY")
    if abs(y_after - y_before) > 2:
        fail(f"the scroll position moved from {y_before} to {y_after}")
    if not evaluate(session, "document.querySelector('img.preview') !== null"):
        fail("no preview image in the page")
    # The screenshot from the top, where the verdict is.
    evaluate(session, "window.scrollTo(0, 0)")
    time.sleep(0.3)
    # The whole page (the documents with their previews are at the bottom), scaled down.
    height = min(6000, evaluate(session, "document.documentElement.scrollHeight") or 1400)
    png = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                          "clip": {"x": 0, "y": 0, "width": 1200, "height": height, "scale": 0.6}},
               session)["data"]
    with open(shot, "wb") as f:
        f.write(base64.b64decode(png))
    print(f"live update seen {seconds:.1f} s after the edit; scroll kept at {y_after}")
finally:
    try:
        send("Browser.close", deadline=5)
    except (SystemExit, OSError, ValueError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
