"""dossier serve in headless Chromium (tests/cli/lib/chromium.py). Used by
serve_chromium.sh.

usage: serve_chromium.py BROWSER URL MANIFEST SCREENSHOT PROFILE_DIR
Opens URL, waits for the passing verdict, scrolls down, marks the window,
breaks MANIFEST (a wrong enterprise number), waits for the failing verdict,
then checks that the window was not reloaded and kept its scroll position,
and saves a screenshot. Every wait has a deadline.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from chromium import Chromium, break_enterprise_number  # noqa: E402

browser, url, manifest, shot, profile = sys.argv[1:6]
c = Chromium(browser, profile, "serve_chromium")

try:
    # Without JavaScript: a tab with scripts disabled still shows the report
    # (its DOM is read through the protocol, not by a script), and does not
    # claim to be live.
    target = c.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    nojs = c.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    c.send("Page.enable", {}, nojs)
    c.send("Emulation.setScriptExecutionDisabled", {"value": True}, nojs)
    c.send("Page.navigate", {"url": url}, nojs)
    end = time.time() + 20
    html = ""
    while time.time() < end and 'id="verdict"' not in html:
        time.sleep(0.2)
        # The document may be replaced while it loads: a stale node id is retried.
        doc = c.send("DOM.getDocument", {"depth": 1}, nojs, allow_error=True)
        got = doc and c.send("DOM.getOuterHTML", {"nodeId": doc["root"]["nodeId"]}, nojs, allow_error=True)
        html = got["outerHTML"] if got else ""
    if 'id="verdict"' not in html or 'class="checklist"' not in html:
        c.fail("without JavaScript the page shows no report")
    if 'class="live off' not in html or "does not update by itself" not in html:
        c.fail("without JavaScript the banner claims the page is live")
    c.send("Target.closeTarget", {"targetId": target})

    target, session = c.open_tab(url)
    c.wait_for(session, "!!document.getElementById('verdict') && "
               "document.getElementById('verdict').textContent.includes('PASS')", 30, "the passing verdict")
    # The live stream is open once the first event has been applied.
    c.wait_for(session, "document.body.getAttribute('data-version') !== null", 15, "the first live event")
    c.wait_for(session, "document.body.getAttribute('data-live') === 'current'", 15, "the live banner")
    c.evaluate(session, "window.scrollTo(0, 600); window.__same_page = 42; window.scrollY")
    y_before = c.evaluate(session, "window.scrollY")
    if not y_before:
        c.fail("the page could not be scrolled")
    t0 = time.time()
    if not break_enterprise_number(manifest):
        c.fail("the manifest has no enterprise number to change")
    c.wait_for(session, "document.getElementById('verdict').textContent.includes('FAIL')", 20, "the failing verdict")
    seconds = time.time() - t0
    if c.evaluate(session, "window.__same_page") != 42:
        c.fail("the page was reloaded")
    y_after = c.evaluate(session, "window.scrollY")
    if abs(y_after - y_before) > 2:
        c.fail(f"the scroll position moved from {y_before} to {y_after}")
    if not c.evaluate(session, "document.querySelector('img.preview') !== null"):
        c.fail("no preview image in the page")
    # The passport's preview is masked (no --show-personal-data).
    if not c.evaluate(session, "[...document.querySelectorAll('img.preview')].some(i => i.src.endsWith('.masked.png'))"):
        c.fail("the passport's preview is not the masked picture")
    # Sources are links.
    if not c.evaluate(session, "document.querySelector('p.src a[href^=\"http\"]') !== null"):
        c.fail("no source is a link")
    # The screenshot from the top, where the verdict is: the whole page (the
    # documents with their previews are at the bottom), scaled down.
    c.evaluate(session, "window.scrollTo(0, 0)")
    time.sleep(0.3)
    height = min(6000, c.evaluate(session, "document.documentElement.scrollHeight") or 1400)
    c.screenshot(session, shot, height=height)
    print(f"live update seen {seconds:.1f} s after the edit; scroll kept at {y_after}")
finally:
    c.close()
