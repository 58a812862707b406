/* Portal PMI service worker (issue 22). The build (hooks/portal/outputs/offline.py) puts
   self.PMI_BUILD above this text: the build's version, its shell (CSS, JS, icon and the offline
   page of each language, computed from the built output), the offline page and the "(needs
   internet)" note per language root, the staff editor's folder and the network timeout for pages.

   - Install: the shell only, into a cache named after the build; old caches go on activation
     (the pages a reader kept are carried over first, so an update never empties the phone).
   - Pages (HTML): network first; after the timeout (patchy signal) the kept copy, its links to
     downloads (PDFs, never kept) followed by the note; offline and never opened: the offline page
     of the page's language.
   - Everything else of this site: cache first (the cache is this build's, so never stale).
   - Never: the staff editor (/admin/), other hosts, PDFs, anything but GET. Checker answers
     live in the URL fragment: pages are kept under their URL without query or fragment, so
     answers are never stored. */
"use strict";

var BUILD = self.PMI_BUILD, CACHE = "pmi-" + BUILD.version, SCOPE = self.registration.scope;
var HASHED = /[.-][0-9a-f]{8,}[.]/;  /* a file named by its content: still right for old pages */

function here(path) { return new URL(path, SCOPE).href; }

function isPage(url) { return /\/$/.test(url.pathname) || /\.html$/.test(url.pathname); }

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(BUILD.shell.map(here));
  }).then(function () { return self.skipWaiting(); }));
});

function carryOver(name, into) {
  return caches.open(name).then(function (old) {
    return old.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        var url = new URL(request.url);
        if (!isPage(url) && !HASHED.test(url.pathname)) return null;
        return into.match(request).then(function (have) {
          return have ? null : old.match(request).then(function (response) { return into.put(request, response); });
        });
      }));
    });
  });
}

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("pmi-") === 0 && n !== CACHE; }).map(function (n) {
        return carryOver(n, cache).then(function () { return caches.delete(n); });
      }));
    });
  }).then(function () { return self.clients.claim(); }));
});

function rootOf(url) {  /* the language root ('' or 'en/') a URL of this site is under */
  var path = url.href.slice(SCOPE.length), best = "";
  Object.keys(BUILD.offline).forEach(function (root) {
    if (path.indexOf(root) === 0 && root.length >= best.length) best = root;
  });
  return best;
}

function offlinePage(url) {
  var target = here(BUILD.offline[rootOf(url)]);
  if (url.href === target) return Response.error();
  return Response.redirect(target, 302);  /* its own URL, so that its relative links work */
}

/* A kept copy, shown for want of network: a link to a download (our download links, PDFs) gets the
   language's "(needs internet)" note, as HTML, inside it. The page online is left as it is. */
function marked(copy, url) {
  var note = '<small class="pmi-needs-internet"> ' + BUILD.notes[rootOf(url)] + "</small></a>";
  return copy.text().then(function (text) {
    return new Response(text.replace(/(<a\s[^>]*\sdownload=[^>]*>[\s\S]*?)<\/a>/g, function (all, link) { return link + note; }),
      { headers: { "Content-Type": copy.headers.get("Content-Type") || "text/html" } });
  });
}

function page(request, url) {
  return caches.open(CACHE).then(function (cache) {
    var kept = cache.match(request, { ignoreSearch: true }).then(function (copy) { return copy && marked(copy, url); });
    var network = fetch(request).then(function (response) {
      if (response.ok && response.type === "basic" && !response.redirected) cache.put(url.origin + url.pathname, response.clone());  /* no query, no fragment (checker answers) */
      return response;
    });
    var late = new Promise(function (resolve) { setTimeout(resolve, BUILD.timeout); }).then(function () {
      return kept.then(function (copy) { return copy || network; });
    });
    return Promise.race([network, late])["catch"](function () {
      return kept.then(function (copy) { return copy || offlinePage(url); });
    });
  });
}

function asset(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (copy) {
      return copy || fetch(request).then(function (response) {
        if (response.ok && response.type === "basic") cache.put(request, response.clone());
        return response;
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || url.href.indexOf(SCOPE) !== 0) return;
  if (url.href.slice(SCOPE.length).indexOf(BUILD.admin) === 0) return;  /* the staff editor: never */
  if (/\.pdf$/i.test(url.pathname)) return;
  event.respondWith(request.mode === "navigate" ? page(request, url) : asset(request));
});
