/* Portal PMI: a glossary term's meaning in place (issue 35), loaded by the first tap on a term
   (a.pmi-term, linked by the renderer; overrides/assets/javascripts/portal.js calls
   window.PMI_term with each tapped link). A line opens under the term: its expansion (the link's
   title), the first paragraph of its glossary entry and a link to the entry; a second tap, or
   "close", folds it. No page change. The entry's text comes from the glossary page, fetched once
   (the page a saved site keeps); without it, the expansion and the link still show. */
(function () {
  "use strict";
  var UI = "__PORTAL_UI__";  /* every language's `term` strings, written in by the build (outputs/script_strings.py) */
  var doc = document, ui = UI[doc.documentElement.lang.slice(0, 2)] || UI[Object.keys(UI)[0]];
  var CSS = ".pmi-term-tip{display:block;margin:.3em 0 .5em;padding:.4em .6em;background:#eef1fb;border-left:4px solid #4051b5;"
    + "color:#000;font-style:normal;font-weight:400}.pmi-term-tip .pmi-term-close{float:right;min-width:44px;min-height:44px;margin:-.4em -.6em 0 .4em;"
    + "border:0;background:none;font-size:1.3em;cursor:pointer}.pmi-term-def{display:block;margin:.2em 0}";
  var glossary = {};  /* glossary page URL -> its parsed document, or the callbacks waiting for it */

  function entry(href, done) {
    var page = href.split("#")[0], got = glossary[page], xhr;
    if (got && got.nodeType) return done(got);
    if (got) return got.push(done);
    glossary[page] = [done];
    xhr = new XMLHttpRequest();
    xhr.open("GET", page);
    xhr.onload = function () {
      var waiting = glossary[page];
      if (xhr.status !== 200) { delete glossary[page]; return; }
      glossary[page] = new DOMParser().parseFromString(xhr.responseText, "text/html");
      waiting.forEach(function (f) { f(glossary[page]); });
    };
    xhr.onerror = function () { delete glossary[page]; };  /* offline: the expansion and the link stay */
    xhr.send();
  }

  function definition(page, anchor) {
    var node = page.getElementById(anchor), text;
    for (node = node && node.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
      text = node.classList.contains("pmi-text") && node.querySelector("p");
      if (text) return text.textContent;
    }
    return "";
  }

  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function close(link, tip) {
    tip.parentNode.removeChild(tip);
    link.setAttribute("aria-expanded", "false");
  }

  function open(link) {
    var abbr = link.querySelector("abbr[title]"), tip = el("span", "pmi-term-tip"), more = el("a", null, ui.more),
      shut = el("button", "pmi-term-close", "\u00d7"), def = el("span", "pmi-term-def");
    tip.setAttribute("role", "note");
    shut.type = "button";
    shut.setAttribute("aria-label", ui.close);
    shut.onclick = function () { close(link, tip); link.focus(); };
    more.href = link.href;
    tip.appendChild(shut);
    tip.appendChild(el("strong", null, link.textContent));
    if (abbr) tip.appendChild(doc.createTextNode(": " + abbr.getAttribute("title")));
    tip.appendChild(def);
    tip.appendChild(more);
    link.parentNode.insertBefore(tip, link.nextSibling);
    link.setAttribute("aria-expanded", "true");
    entry(link.href, function (page) { def.textContent = definition(page, link.hash.slice(1)); });
  }

  window.PMI_term = function (link) {
    var next = link.nextSibling;
    if (!doc.getElementById("pmi-term-style")) {
      var style = el("style", null, CSS);
      style.id = "pmi-term-style";
      doc.head.appendChild(style);
    }
    if (next && next.className === "pmi-term-tip") close(link, next);
    else open(link);
  };
})();
