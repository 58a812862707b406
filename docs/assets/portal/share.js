/* Portal PMI share controls (overrides/partials/portal/share.html). The Web Share API where the
   browser has it; else the plain WhatsApp link (wa.me, built by the template) and "copy link".
   Nothing is loaded from another host and nothing is stored. window.PMIShare.enhance(box) is
   used by checker.js for a result's share block. */
(function () {
  "use strict";

  function copyText(text, done) {
    function fallback() {
      var t = document.createElement("textarea");
      t.value = text;
      t.setAttribute("readonly", "");
      t.style.position = "fixed";
      t.style.opacity = "0";
      document.body.appendChild(t);
      t.select();
      try { if (document.execCommand("copy")) done(); } catch (e) { /* nothing to copy with */ }
      document.body.removeChild(t);
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }

  function enhance(box) {
    if (box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "true");
    var url = box.getAttribute("data-url") || location.href.split("#")[0],
      title = box.getAttribute("data-title") || document.title,
      text = box.getAttribute("data-text") || title,
      wa = box.querySelector(".pmi-share-whatsapp"), copy = box.querySelector(".pmi-share-copy"),
      native = box.querySelector(".pmi-share-native"), status = box.querySelector(".pmi-share-status");
    wa.href = wa.href.split("?")[0] + "?text=" + encodeURIComponent(text + "\n" + url);
    if (navigator.share) {
      native.hidden = false;
      wa.hidden = true;
      native.addEventListener("click", function () {
        navigator.share({ title: title, text: text, url: url })["catch"](function () { /* cancelled */ });
      });
      return;
    }
    copy.hidden = false;
    copy.addEventListener("click", function () {
      copyText(url, function () { status.textContent = box.getAttribute("data-copied"); });
    });
  }

  window.PMIShare = { enhance: enhance };
  function start() { Array.prototype.forEach.call(document.querySelectorAll("[data-pmi-share]"), enhance); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
