/* Portal PMI search. The header's search link (partials/search.html) leads to the A-Z index;
 * where the browser has WebAssembly and <dialog>, it becomes a button that opens Pagefind's
 * default UI in a dialog. Pagefind's script, styles, WebAssembly and index are fetched only
 * when the reader first opens search. Pagefind picks the index and its interface strings from
 * <html lang>, so readers get results and labels in the page's language. */
(function () {
  "use strict";
  var opener = document.getElementById("pmi-search-open");
  var dialog = document.getElementById("pmi-search");
  if (!opener || !dialog || typeof WebAssembly !== "object" || typeof dialog.showModal !== "function") {
    return;
  }
  var bundle = new URL(opener.getAttribute("data-pmi-search"), document.baseURI).pathname;
  var styles = opener.getAttribute("data-pmi-style");
  var mount = dialog.querySelector(".pmi-search__ui");
  var status = dialog.querySelector(".pmi-search__status");
  var ready = null;

  document.body.appendChild(dialog);
  opener.setAttribute("role", "button");
  opener.setAttribute("aria-haspopup", "dialog");
  opener.setAttribute("aria-controls", dialog.id);
  opener.setAttribute("aria-expanded", "false");

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
      element.onload = resolve;
      element.onerror = function () { reject(new Error("cannot load " + (attributes.src || attributes.href))); };
      document.head.appendChild(element);
    });
  }

  function loadUI() {
    if (!ready) {
      ready = Promise.all([
        load("link", { rel: "stylesheet", href: styles }),
        load("link", { rel: "stylesheet", href: bundle + "pagefind-ui.css" }),
        load("script", { src: bundle + "pagefind-ui.js" })
      ]).then(function () {
        new window.PagefindUI({
          element: mount, bundlePath: bundle, showImages: false, showSubResults: false,
          excerptLength: 24,
          metaCacheTag: "__PORTAL_BUILD__"  /* the build's version (offline.py): a kept index stays usable offline */
        });
      });
      ready.catch(function () { ready = null; });  // offline: try again next time
    }
    return ready;
  }

  function input() { return mount.querySelector("input"); }

  function open() {
    if (!dialog.open) { dialog.showModal(); opener.setAttribute("aria-expanded", "true"); }
    status.textContent = input() ? "" : status.getAttribute("data-loading");
    loadUI().then(function () {
      status.textContent = "";
      var field = input();
      if (field) {  // the dialog's visible title labels the box (axe: label-title-only)
        field.setAttribute("aria-labelledby", dialog.getAttribute("aria-labelledby"));
        field.focus(); field.select();
      }
    }, function () {
      status.textContent = status.getAttribute("data-unavailable");
      dialog.querySelector(".pmi-search__az a").focus();
    });
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
