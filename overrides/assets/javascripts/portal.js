/* Portal PMI: what every page runs, in its first view (small; the rest loads on first use).
 * 1. Search: the header's search link (partials/search.html) leads to the A-Z index; where the
 *    browser has WebAssembly and <dialog>, it becomes a button that opens the search dialog (the
 *    home page's "Search" button and "/" too). The dialog's code, portal-search-ui.js beside this
 *    file, loads on the first search.
 * 2. Scripts some readers need, loaded on first use (issue 35): a tap on a glossary term
 *    (a.pmi-term) loads assets/portal/term.js, which shows its meaning in place; a tap on
 *    "Dengarkan" loads assets/portal/listen.js. Each defines window.PMI_<name>, called with what
 *    was tapped. The "Dengarkan" control shows only where the device has a voice of its own
 *    (localService: never a network voice) for the page's language; Android names Indonesian
 *    "in". Where the device has voices but none for it, the control's place says so, once.
 * 3. The share box that ends a program, procedure or country page ([data-pmi-share-soon]): its
 *    script, assets/portal/share.js, loads when the box comes near the screen (at once where the
 *    browser has no IntersectionObserver); until then the box is as without JavaScript. */
(function (here) {
(function () {
  "use strict";
  var opener = document.getElementById("pmi-search-open");
  var dialog = document.getElementById("pmi-search");
  if (!opener || !dialog || typeof WebAssembly !== "object" || typeof dialog.showModal !== "function") {
    return;
  }
  var code = here.replace(/portal\.js([?#].*)?$/, "portal-search-ui.js");
  var loading = null;

  document.body.appendChild(dialog);
  opener.setAttribute("role", "button");
  opener.setAttribute("aria-haspopup", "dialog");
  opener.setAttribute("aria-controls", dialog.id);
  opener.setAttribute("aria-expanded", "false");

  function open() {
    if (window.PMI_searchOpen) { window.PMI_searchOpen(); return; }
    var status = dialog.querySelector(".pmi-search__status");
    if (!dialog.open) { dialog.showModal(); opener.setAttribute("aria-expanded", "true"); }
    status.textContent = status.getAttribute("data-loading");
    if (loading) { return; }
    loading = document.createElement("script");
    loading.src = code;
    loading.onload = function () { window.PMI_searchOpen(); };
    loading.onerror = function () {  // offline and not kept: the A-Z index still works
      loading = null;
      status.textContent = status.getAttribute("data-unavailable");
      dialog.querySelector(".pmi-search__help").hidden = false;
      dialog.querySelector(".pmi-search__az a").focus();
    };
    document.head.appendChild(loading);
  }

  opener.addEventListener("click", function (event) { event.preventDefault(); open(); });
  Array.prototype.forEach.call(document.querySelectorAll("[data-pmi-search-also]"), function (also) {
    also.addEventListener("click", function (event) { event.preventDefault(); open(); });  // the home page's "Search"
  });
  opener.addEventListener("keydown", function (event) {  // a button answers to Space too
    if (event.key === " ") { event.preventDefault(); open(); }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (event.key === "/" && !typing && !dialog.open && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
    }
  });
  dialog.querySelector(".pmi-search__close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) {  // a tap on the backdrop closes
    var box = dialog.getBoundingClientRect();
    var inside = event.clientX >= box.left && event.clientX <= box.right &&
      event.clientY >= box.top && event.clientY <= box.bottom;
    if (event.target === dialog && !inside) { dialog.close(); }
  });
  dialog.addEventListener("close", function () {
    opener.setAttribute("aria-expanded", "false");
    opener.focus();
  });
})();

(function (d, w) {
  "use strict";
  var base = here.replace(/javascripts\/portal\.js([?#].*)?$/, "portal/"), waiting = {};
  function run(name, target) {
    var f = w["PMI_" + name];
    if (f) { return f(target); }
    var queued = name in waiting;
    waiting[name] = target;
    if (queued) { return; }
    var s = d.createElement("script");
    s.src = base + name + ".js";
    s.onload = function () { w["PMI_" + name](waiting[name]); };
    s.onerror = function () { delete waiting[name]; };
    d.head.appendChild(s);
  }
  d.addEventListener("click", function (e) {
    var t = e.target.closest && e.target.closest("a.pmi-term,[data-pmi-listen]>button");
    if (!t || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
    e.preventDefault();
    run(t.tagName === "A" ? "term" : "listen", t);
  });
  var share = d.querySelector("[data-pmi-share-soon]"), near;
  function loadShare() { var s = d.createElement("script"); s.src = base + "share.js"; d.head.appendChild(s); }
  if (share && w.IntersectionObserver) {
    near = new IntersectionObserver(function (seen) {
      if (seen[0].isIntersecting) { near.disconnect(); loadShare(); }
    }, { rootMargin: "400px" });
    near.observe(share);
  } else if (share) { loadShare(); }
  var speech = w.speechSynthesis, box = d.querySelector("[data-pmi-listen]");
  if (!speech || !box) { return; }
  function voices() {
    var lang = d.documentElement.lang.slice(0, 2), all = speech.getVoices(), i, x;
    for (i = 0; i < all.length; i++) {
      x = all[i].lang.slice(0, 2).toLowerCase();
      if (all[i].localService && (x === lang || (x === "in" && lang === "id"))) { box.hidden = false; return; }
    }
    if (all.length && box.firstChild.tagName) { box.hidden = false; box.textContent = box.getAttribute("data-none"); }
  }
  voices();
  speech.addEventListener("voiceschanged", voices);
})(document, window);
})(document.currentScript.src);
