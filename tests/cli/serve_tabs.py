"""Eight tabs of the desk in headless Chromium (tests/cli/lib/chromium.py).
Used by serve_tabs.sh.

usage: serve_tabs.py BROWSER URL ROOT SCREENSHOT PROFILE_DIR PORT RESTART
Opens the index and the seven dossiers client-1..7 below ROOT in eight tabs,
waits until every tab is live, edits client-7's manifest and client-1's,
deletes client-6, and checks that each tab (and the index) shows it without a
reload; counts the browser's connections to the port; then asks the shell to
stop the server (RESTART.request; RESTART.stopped) and start another on the
same port (RESTART.again; RESTART.done), and checks that the banner says
'lost', then 'refused' with the server's reason.
"""
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from chromium import Chromium, break_enterprise_number  # noqa: E402

browser, url, root, shot, profile, port, restart = sys.argv[1:8]
base = url.split("/?")[0]
c = Chromium(browser, profile, "serve_tabs", width=1400, height=1000)


def established():
    """The browser's TCP connections to the server's port (from /proc)."""
    n = 0
    want = f"{int(port):04X}"
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    cols = line.split()
                    # remote address is the server's port, state 01 established
                    if cols[2].endswith(":" + want) and cols[3] == "01":
                        n += 1
        except OSError:
            pass
    return n


def wait_file(path, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if os.path.exists(path):
            return
        time.sleep(0.1)
    c.fail(f"timed out waiting for {os.path.basename(path)}")


def edit(manifest):
    if not break_enterprise_number(manifest):
        c.fail("the manifest has no enterprise number to change")


LIVE = "document.body.getAttribute('data-live') === 'current' && document.body.getAttribute('data-version') !== null"
try:
    # The first tab carries the token; the cookie it sets serves the others.
    tabs = {}
    _, tabs["index"] = c.open_tab(url)
    c.wait_for(tabs["index"], LIVE, 20, "the index to be live")
    for n in range(1, 8):
        _, tabs[n] = c.open_tab(f"{base}/d/client-{n}")
    for name, s in tabs.items():
        c.wait_for(s, "!!document.querySelector('main')", 20, f"tab {name} to load")
        c.wait_for(s, LIVE, 20, f"tab {name} to be live")
        c.evaluate(s, "window.__same_page = 1")
    for n in range(1, 8):
        if "PASS" not in c.evaluate(tabs[n], "document.getElementById('verdict').textContent"):
            c.fail(f"tab client-{n} does not show its passing verdict")
    # One stream for all: no tab opened /events itself; one shared worker did.
    for name, s in tabs.items():
        if c.evaluate(s, "performance.getEntriesByType('resource').some(e => e.name.includes('/events'))"):
            c.fail(f"tab {name} opened its own event stream")
    workers = [t for t in c.send("Target.getTargets")["targetInfos"] if t["type"] == "shared_worker"]
    if len(workers) != 1:
        c.fail(f"{len(workers)} shared workers, not one")
    connections = established()
    print(f"8 tabs live on one shared stream; {connections} connections from the browser to the desk")
    if connections > 6:
        c.fail(f"{connections} connections: more than Chromium's 6 per host")

    # The last tab opened and the first dossier: each sees its own change.
    t0 = time.time()
    edit(os.path.join(root, "client-7", "dossier.yaml"))
    c.wait_for(tabs[7], "document.getElementById('verdict').textContent.includes('FAIL')", 30,
               "client-7's tab to show the failing verdict")
    c.wait_for(tabs["index"], "document.querySelector('tr[data-name=\"client-7\"]').dataset.verdict === 'fail'", 20,
               "the index to show client-7 failing")
    print(f"client-7's edit seen in its tab {time.time() - t0:.1f} s later")
    edit(os.path.join(root, "client-1", "dossier.yaml"))
    c.wait_for(tabs[1], "document.getElementById('verdict').textContent.includes('FAIL')", 30,
               "client-1's tab to show the failing verdict")
    for n in (2, 3, 4, 5):
        if "PASS" not in c.evaluate(tabs[n], "document.getElementById('verdict').textContent"):
            c.fail(f"tab client-{n} changed although its dossier did not")
    # The index: the count per verdict and the search.
    c.wait_for(tabs["index"], "document.querySelector('nav.counts a.fail span').textContent === '2'", 20,
               "the index to count two failing dossiers")
    c.evaluate(tabs["index"], "var i = document.querySelector('#filter input[name=q]'); i.value = 'client-7';"
               "i.dispatchEvent(new Event('input', {bubbles: true}))")
    c.wait_for(tabs["index"], "document.querySelectorAll('tbody tr').length === 1", 10, "the search to keep one row")
    if "q=client-7" not in c.evaluate(tabs["index"], "location.search"):
        c.fail("the search is not kept in the address")
    c.evaluate(tabs["index"], "var i = document.querySelector('#filter input[name=q]'); i.value = '';"
               "i.dispatchEvent(new Event('input', {bubbles: true}))")
    c.wait_for(tabs["index"], "document.querySelectorAll('tbody tr').length === 7", 10, "every row back")

    # A deleted dossier: its tab says so.
    shutil.rmtree(os.path.join(root, "client-6"))
    c.wait_for(tabs[6], "document.body.getAttribute('data-live') === 'gone'", 20, "client-6's tab to say it is gone")
    c.wait_for(tabs["index"], "document.querySelectorAll('tbody tr').length === 6", 20, "the index without client-6")
    for name, s in tabs.items():
        if c.evaluate(s, "window.__same_page") != 1:
            c.fail(f"tab {name} was reloaded")
    c.evaluate(tabs["index"], "window.scrollTo(0, 0)")
    c.screenshot(tabs["index"], shot, width=1400, height=1000, scale=1)

    # The server stops: the banner says the connection is lost; another server
    # on the same port (another token) refuses the stream: the banner says so,
    # with its reason.
    open(restart + ".request", "w").close()
    wait_file(restart + ".stopped", 30)
    for name, s in tabs.items():
        if name == 6:
            continue
        c.wait_for(s, "document.body.getAttribute('data-live') === 'lost'", 20, f"tab {name} to say the connection is lost")
    open(restart + ".again", "w").close()
    wait_file(restart + ".done", 30)
    c.wait_for(tabs[1], "document.body.getAttribute('data-live') === 'refused'", 30, "the banner to say 'refused'")
    said = c.evaluate(tabs[1], "document.getElementById('live').textContent")
    if "secret token" not in said:
        c.fail(f"the refused banner does not say why: {said}")
    print(f"after a restart with another token: “{said}”")
finally:
    c.close()
