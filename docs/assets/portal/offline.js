/* Portal PMI offline reading (issue 22): lists the pages kept on this phone on the offline page,
   and runs "save for offline reading" on the home page (overrides/main.html registers sw.js). Nothing is loaded from another host, nothing but this site's pages is stored. */
(function () {
  "use strict";
  var script = document.querySelector("script[src$='portal/offline.js']");
  if (!script || !("serviceWorker" in navigator) || !window.caches) return;
  var site = new URL("../../", script.src).href;  /* assets/portal/offline.js -> the site root */

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function currentCache() {
    return caches.keys().then(function (names) {
      return names.filter(function (n) { return n.indexOf("pmi-") === 0; }).pop();
    });
  }

  /* The offline page: every page of this language kept in the cache, by title. */
  function listKept(box) {
    var root = new URL(box.getAttribute("data-root"), location.href).href;
    var others = (box.getAttribute("data-others") || "").split(" ").filter(Boolean).map(function (r) { return site + r; });
    currentCache().then(function (name) { return name ? caches.open(name) : null; }).then(function (cache) {
      if (!cache) return [];
      return cache.keys().then(function (requests) {
        var pages = requests.map(function (r) { return r.url; }).filter(function (url) {
          return url.indexOf(root) === 0 && /\/$/.test(url) && url !== location.href.split(/[?#]/)[0] &&
            !others.some(function (o) { return url.indexOf(o) === 0; });
        });
        return Promise.all(pages.map(function (url) {
          return cache.match(url).then(function (r) { return r.text(); }).then(function (text) {
            var m = /<title[^>]*>([^<]*)<\/title>/.exec(text), t = document.createElement("textarea");
            t.innerHTML = m ? m[1] : url;
            return { url: url, title: t.value.replace(/ - [^-]*$/, "") };
          });
        }));
      });
    }).then(function (pages) {
      var list = box.querySelector("ul");
      pages.sort(function (a, b) { return a.title.localeCompare(b.title); }).forEach(function (p) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = p.url;
        a.textContent = p.title;
        li.appendChild(a);
        list.appendChild(li);
      });
      box.querySelector(".pmi-kept-none").hidden = pages.length > 0;
      box.setAttribute("data-ready", "true");
    });
  }

  /* "Save for offline reading": a first tap asks what it will cost (the list is fetched only
     then), the second keeps every file of the list in the worker's cache, and says when done. */
  function saver(box) {
    var ask = box.querySelector(".pmi-save-ask"), confirm = box.querySelector(".pmi-save-confirm"),
      go = box.querySelector(".pmi-save-go"), status = box.querySelector(".pmi-save-status"), list = null;
    box.hidden = false;
    ask.addEventListener("click", function () {
      fetch(new URL(box.getAttribute("data-list"), location.href).href).then(function (r) { return r.json(); }).then(function (data) {
        var kb = Math.ceil(data.bytes / 1024);
        list = data;
        box.querySelector(".pmi-save-cost").textContent = fill(box.getAttribute("data-confirm"), { kb: kb });
        go.textContent = fill(box.getAttribute("data-confirm-button"), { kb: kb });
        confirm.hidden = false;
        go.focus();
      })["catch"](function () { status.textContent = fill(box.getAttribute("data-failed"), { failed: "?" }); });
    });
    go.addEventListener("click", function () {
      var done = 0, failed = 0, files = list.files.slice(), total = files.length;
      go.disabled = true;
      navigator.serviceWorker.ready.then(function () { return caches.open("pmi-" + list.version); }).then(function (cache) {
        function next() {
          var file = files.shift();
          if (file === undefined) return null;
          return cache.add(new URL(file, site).href).then(function () { done++; }, function () { failed++; }).then(function () {
            status.textContent = fill(box.getAttribute("data-saving"), { done: done + failed, total: total });
            return next();
          });
        }
        return Promise.all([next(), next(), next()]);  /* three at a time */
      }).then(function () {
        status.textContent = fill(box.getAttribute(failed ? "data-failed" : "data-saved"), { total: done, failed: failed });
        go.disabled = false;
        box.setAttribute("data-done", failed ? "partly" : "true");
      });
    });
  }

  function start() {
    var kept = document.querySelector("[data-pmi-kept]"), save = document.querySelector("[data-pmi-save]");
    if (kept) listKept(kept);
    if (save) saver(save);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
