# 200 idle and 50 slow local sockets without the token do not lock the
# lawyer's browser out: each waits in the lobby without a thread, so a real
# request still answers at once (within 2 s, measured 5 times while the slow
# ones trickle bytes); a head with too many fields gets 431; a POST gets 405
# with Allow. The server is always stopped.
set -euo pipefail
dossier=$1 src=$2
. "$src/tests/cli/serve_common.bash"
d=$tmp/brussels
cp -r "$src/samples/brussels-highly-qualified" "$d"
serve_start "$d" --lang en
timeout -k 10 120 python3 - "$port" "$token" <<'PY'
import socket
import sys
import time

port, token = int(sys.argv[1]), sys.argv[2]
host = f"127.0.0.1:{port}".encode()


def connect():
    return socket.create_connection(("127.0.0.1", port), timeout=10)


def ask(head):
    """One request on a fresh connection: (status line, seconds)."""
    t0 = time.time()
    s = connect()
    s.sendall(head)
    data = b""
    while b"\r\n" not in data:
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    s.close()
    return data.split(b"\r\n", 1)[0].decode(), time.time() - t0


page = b"GET /app.js HTTP/1.1\r\nHost: " + host + b"\r\nCookie: dossier_token_%d=%s\r\nConnection: close\r\n\r\n" % (
    port, token.encode())
idle = [connect() for _ in range(200)]
slow = []
for _ in range(50):
    s = connect()
    s.sendall(b"GET / HTTP/1.1\r\n")
    slow.append(s)
time.sleep(0.5)
worst = 0.0
for i in range(5):
    for s in slow:  # a header field every round, never the end of the head
        try:
            s.sendall(b"X-Slow-%d: 1\r\n" % i)
        except OSError:
            pass
    status, seconds = ask(page)
    worst = max(worst, seconds)
    if status != "HTTP/1.1 200 OK":
        sys.exit(f"with 250 sockets held, a real request got: {status!r}")
    time.sleep(0.3)
if worst > 2.0:
    sys.exit(f"with 250 sockets held, a real request took {worst:.1f} s")
print(f"250 sockets held (200 idle, 50 slow): a real request answered in at most {worst * 1000:.0f} ms")

fields = b"".join(b"X-F%d: 1\r\n" % i for i in range(150))
status, _ = ask(b"GET / HTTP/1.1\r\nHost: " + host + b"\r\n" + fields + b"\r\n")
if not status.startswith("HTTP/1.1 431"):
    sys.exit(f"150 header fields: {status!r}")
for s in idle + slow:
    s.close()
PY
# 405 says which methods there are.
curl -s --max-time 10 -D "$tmp/h" -o /dev/null -X POST --data 'x=1' "$base/?token=$token"
grep -q '^HTTP/1.1 405' "$tmp/h" && grep -qi '^allow: GET, HEAD' "$tmp/h" || { cat "$tmp/h"; echo "405 without Allow"; exit 1; }
expect 200 "$base/?token=$token"
serve_stop
echo "serve sockets: idle and slow sockets do not lock the browser out; 431; 405 with Allow"
