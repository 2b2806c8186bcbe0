// The desk's one script (served as /app.js; the pages' policy allows no
// inline script), in two roles:
//
// - In a page: shows whether the page is live (the banner #live), and when
//   the desk says that what the page shows has changed, fetches the new
//   <main> (/part) and swaps it in without a reload, at the same scroll
//   position. On the index it also runs the search as the lawyer types.
// - As a SharedWorker: holds the desk's only EventSource (/events) for every
//   tab of this browser, and passes each event on to them. Chromium opens at
//   most 6 connections per host: a stream per tab would leave the seventh
//   tab waiting forever. Where SharedWorker is missing, a page opens its own.
//
// The texts shown are the page's own (data-* attributes of #live, in the
// page's language); this file holds no sentence.
'use strict';

// The stream of the desk's events, with an honest account of its state:
// 'connecting', 'lost' (the connection failed: the browser retries), or
// 'refused' (the server answered, but not with a stream: its reason is
// fetched and shown). emit({status, reason}) or emit({desk}).
function deskStream(url, emit) {
    var source = null;
    var timer = null;
    function later(ms) {
        clearTimeout(timer);
        timer = setTimeout(start, ms);
    }
    function probe() {
        // EventSource does not say why it was refused: ask once with fetch.
        var abort = typeof AbortController === 'function' ? new AbortController() : null;
        fetch(url, {cache: 'no-store', credentials: 'same-origin', signal: abort ? abort.signal : undefined})
            .then(
                function(r) {
                    if (r.ok) {
                        if (abort) abort.abort();
                        later(1000);
                        return null;
                    }
                    return r.text().then(function(text) {
                        emit({status: 'refused', reason: text.trim()});
                        if (r.status === 429 || r.status === 503) later(10000);
                    });
                },
                function() {
                    emit({status: 'lost'});
                    later(3000);
                });
    }
    function start() {
        if (source && source.readyState !== 2) return;  // open, or reconnecting by itself
        emit({status: 'connecting'});
        source = new EventSource(url);
        source.addEventListener('desk', function(e) {
            emit({desk: JSON.parse(e.data)});
        });
        source.onerror = function() {
            if (source.readyState === 2) {
                probe();
            } else {
                emit({status: 'lost'});
            }
        };
    }
    start();
    return {start: start};
}

// ---- the shared worker -----------------------------------------------------
if (typeof document === 'undefined') {
    var ports = [];
    var stream = null;
    var last = {status: 'connecting'};  // the last status, or the last desk event
    var send = function(m) {
        last = m;
        ports.forEach(function(p) {
            p.postMessage(m);
        });
    };
    self.onconnect = function(e) {
        var port = e.ports[0];
        ports.push(port);
        port.onmessage = function(m) {
            var d = m.data || {};
            if (d.bye) {
                ports = ports.filter(function(p) {
                    return p !== port;
                });
            } else if (d.hello) {
                if (ports.indexOf(port) < 0) ports.push(port);  // back from the page cache
                port.postMessage(last);
                if (!stream)
                    stream = deskStream(d.hello, send);
                else
                    stream.start();  // again, if it was refused
            }
        };
        port.start();
    };
} else {
    (function() {
        var body = document.body;
        var live = document.getElementById('live');
        var events = body.getAttribute('data-events');
        if (!events || !live) return;
        var part = body.getAttribute('data-part');
        var name = body.getAttribute('data-dossier');  // null on the index
        var shown = live.getAttribute('data-shown');
        var form = document.getElementById('filter');
        var fetching = false;
        var again = false;
        var gone = false;

        function say(state, detail) {
            live.className = 'live ' + state;
            body.setAttribute('data-live', state);
            live.textContent = (live.getAttribute('data-' + state) || '') + (detail ? ' — ' + detail : '');
        }

        function search() {
            if (!form) return '';
            var p = new URLSearchParams();
            var q = form.elements.q.value.trim();
            if (q) p.set('q', q);
            if (form.elements.verdict.value) p.set('verdict', form.elements.verdict.value);
            return p.toString();
        }

        function swap(html) {
            var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
            var old = document.querySelector('main');
            if (!fresh || !old) return;
            var x = window.scrollX, y = window.scrollY;
            if (gone) fresh.classList.add('gone');
            old.replaceWith(document.adoptNode(fresh));
            window.scrollTo(x, y);
        }

        function markGone() {
            gone = true;
            var m = document.querySelector('main');
            if (m) m.classList.add('gone');
            body.setAttribute('data-gone', '1');
            say('gone');
        }

        // Fetches what the page shows now; one request at a time, the last
        // change always fetched.
        function refresh() {
            if (fetching) {
                again = true;
                return;
            }
            fetching = true;
            var url = part;
            var q = name === null ? search() : '';
            if (q) url += (url.indexOf('?') < 0 ? '?' : '&') + q;
            fetch(url, {cache: 'no-store', credentials: 'same-origin'})
                .then(function(r) {
                    if (r.status === 404 && name !== null) {
                        markGone();
                        return null;
                    }
                    if (!r.ok) throw new Error(String(r.status));
                    return r.json();
                })
                .then(
                    function(d) {
                        if (!d) return;
                        swap(d.main);
                        shown = String(d.version);
                        body.setAttribute('data-version', shown);
                        if (d.verdict) body.setAttribute('data-verdict', d.verdict);
                    },
                    function() {
                        say('lost');
                    })
                .then(function() {
                    fetching = false;
                    if (again) {
                        again = false;
                        refresh();
                    }
                });
        }

        function onDesk(desk) {
            var version, checking;
            if (name === null) {
                version = desk.version;
                checking = desk.checking;
            } else {
                var e = desk.dossiers[name];
                if (!e) {
                    markGone();
                    return;
                }
                if (gone) {  // back (restored, or moved back)
                    gone = false;
                    body.removeAttribute('data-gone');
                    var m = document.querySelector('main');
                    if (m) m.classList.remove('gone');
                }
                version = e.version;
                checking = e.checking;
            }
            if (String(version) !== shown)
                refresh();
            else
                body.setAttribute('data-version', shown);
            say(checking ? 'checking' : 'current');
        }

        function handle(m) {
            if (m.desk)
                onDesk(m.desk);
            else if (m.status)
                say(m.status, m.reason);
        }

        say('connecting');
        var worker = null;
        if (typeof SharedWorker === 'function') {
            try {
                worker = new SharedWorker(
                    document.querySelector('script[src$="app.js"]').src, {name: 'dossier-desk'});
            } catch (err) {
                worker = null;
            }
        }
        if (worker) {
            // A worker that cannot start (its script refused): the page's own stream.
            worker.onerror = function() {
                deskStream(events, handle);
            };
            worker.port.onmessage = function(m) {
                handle(m.data);
            };
            worker.port.start();
            worker.port.postMessage({hello: events});
            window.addEventListener('pagehide', function() {
                worker.port.postMessage({bye: true});
            });
            window.addEventListener('pageshow', function(e) {
                if (e.persisted) worker.port.postMessage({hello: events});
            });
        } else {
            deskStream(events, handle);
        }

        // The index's search: as the lawyer types, without a reload; the address
        // keeps it (a reload, a bookmark).
        if (form) {
            form.classList.add('js');
            var timer = null;
            var run = function() {
                clearTimeout(timer);
                timer = setTimeout(function() {
                    var q = search();
                    history.replaceState(null, '', q ? '?' + q : '/');
                    refresh();
                }, 150);
            };
            form.addEventListener('input', run);
            form.addEventListener('change', run);
            form.addEventListener('submit', function(e) {
                e.preventDefault();
                run();
            });
            // The counts per verdict choose the verdict.
            document.addEventListener('click', function(e) {
                var a = e.target.closest ? e.target.closest('a[data-verdict-filter]') : null;
                if (!a) return;
                e.preventDefault();
                form.elements.verdict.value = a.getAttribute('data-verdict-filter');
                run();
            });
        }
    })();
}
