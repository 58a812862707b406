/* Portal PMI: "Dengarkan" / "Listen" (issue 35), loaded by the first tap on the control
   (overrides/assets/javascripts/portal.js calls window.PMI_listen with each tapped button).
   Reads the page's main text, and in the checker the current question with its options or the
   results, with the browser's own speech (Web Speech API):
   - only voices on the device (localService === true): a network voice would send the text, checker
     results included, to another company. Android names Indonesian "in" / "in-ID".
   - one sentence per utterance, highlighted when it starts; pause cancels and remembers the sentence
     (Android's pause() cancels and fires no boundary events), play starts again from it.
   - skips the sources list, buttons and what is hidden; phone numbers are read digit by digit.
   Nothing is fetched and nothing is stored. */
(function () {
  "use strict";
  var UI = "__PORTAL_UI__";  /* every language's `listen` strings, written in by the build (outputs/script_strings.py) */
  var doc = document, synth = window.speechSynthesis, lang = doc.documentElement.lang.slice(0, 2);
  var ui = UI[lang] || UI[Object.keys(UI)[0]];
  var RATES = { slow: 0.75, normal: 1, fast: 1.3 };
  var BLOCK = /^(P|LI|DT|DD|H[1-6]|SUMMARY|LEGEND|LABEL|TD|TH|CAPTION|FIGCAPTION|DIV|SECTION|ARTICLE|UL|OL|DL|TABLE|TR|FORM|FIELDSET|DETAILS|BLOCKQUOTE)$/;
  var SKIP = "script,style,noscript,button:not(.pmi-dont-know),select,textarea,[hidden],[aria-hidden=true],"
    + ".pmi-listen,.pmi-share,#sources,.pmi-sources,.pmi-reviewed,.pmi-page-links,.pmi-print-only,.pmi-print-head,"
    + ".pmi-term-tip,.headerlink,details:not([open])>:not(summary)";
  var END = /[.!?\u2026]+["'\u201d\u2019)\u00bb]*\s+(?=[A-Z0-9"\u201c\u2018(\u00c0-\u00de])/g;  /* a sentence ends */
  /* ... but not after an abbreviation or an initial ("UU No. 18", "Jl. A. Yani", "e.g. LTSA"): the
     build writes in content/readability.py's ABBREVIATIONS, so both count the same sentences */
  var ABBR = new RegExp("(?:^|[\\s(])(?:" + ui.abbreviations.map(function (a) {
    return a.replace(/\./g, "\\.");
  }).join("|") + "|[a-z])\\.$", "i");
  var PHONE = /(\+|\b0)\d[\d -]{4,}\d/g;  /* a phone number in plain text: +62 …, 0333 … */
  var CSS = ".pmi-said--now{background:#ffe28a;color:#000;box-shadow:0 0 0 2px #ffe28a}"
    + ".pmi-listen{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem .8rem}.pmi-listen .md-button{margin:0}.pmi-listen [hidden]{display:none}"
    + ".pmi-listen select{font:inherit;min-height:2.2em}";
  var box, toggle, stopper, speed, root, list = null, at = 0, playing = false, token = 0, current = null;

  /* A voice of the device for a language ('id', 'en'), or null: never a network voice. */
  function voiceFor(code) {
    var all = synth.getVoices(), i, x;
    for (i = 0; i < all.length; i++) {
      x = all[i].lang.slice(0, 2).toLowerCase();
      if (all[i].localService === true && (x === code || (x === "in" && code === "id"))) return all[i];
    }
    return null;
  }

  /* "+966 56 909" -> "plus 9 6 6, 5 6, 9 0 9" */
  function digits(text) {
    return " " + text.split(/[^\d+]+/).filter(Boolean).map(function (group) {
      return group.replace(/\d/g, " $&").replace("+", ui.plus + " ").replace(/\s+/g, " ").trim();
    }).join(", ") + " ";
  }

  function spoken(node) {
    var text = node.nodeValue;
    return node.parentNode.closest("a[href^='tel:']") ? digits(text) : text.replace(PHONE, digits);
  }

  /* The text nodes to read under ``from``, grouped by the block (paragraph, item, heading …) they are in. */
  function groups(from) {
    var walker = doc.createTreeWalker(from, NodeFilter.SHOW_TEXT, null, false), out = [], cur = null, node, block;
    while ((node = walker.nextNode())) {
      if (node.parentNode.closest(SKIP)) continue;
      block = node.parentNode;
      while (block !== from && !BLOCK.test(block.tagName)) block = block.parentNode;
      if (!cur || cur.block !== block) out.push(cur = { block: block, nodes: [] });
      cur.nodes.push(node);
    }
    return out.filter(function (g) { return g.nodes.some(function (n) { return /\S/.test(n.nodeValue); }); });
  }

  /* Sentences: each a list of spans wrapped around its text on the page, its words to speak and its voice. */
  function sentences(from) {
    var out = [];
    groups(from).forEach(function (g) {
      var text = g.nodes.map(function (n) { return n.nodeValue; }).join(""), cuts = [0], m, k = 1, pos = 0, cur;
      END.lastIndex = 0;
      while ((m = END.exec(text))) if (!ABBR.test(text.slice(0, m.index + 1))) cuts.push(m.index + m[0].length);
      cuts.push(text.length);
      function close() {
        var words = cur && cur.parts.join("").replace(/\s+/g, " ").trim(), where = cur && cur.spans[0].closest("[lang]"),
          voice = where && voiceFor(where.getAttribute("lang").slice(0, 2));
        if (words && /[0-9A-Za-z\u00c0-\u024f]/.test(words)) out.push({ spans: cur.spans, text: words, voice: voice || voiceFor(lang) });
        cur = { spans: [], parts: [] };
      }
      close();
      g.nodes.forEach(function (node) {
        var start = pos, rest, span;
        pos += node.nodeValue.length;
        while (node) {
          while (k < cuts.length - 1 && cuts[k] <= start) { close(); k++; }
          rest = cuts[k] < pos ? node.splitText(cuts[k] - start) : null;
          span = doc.createElement("span");
          span.className = "pmi-said";
          node.parentNode.insertBefore(span, node);
          span.appendChild(node);
          cur.spans.push(span);
          cur.parts.push(spoken(node));
          if (rest) { start = cuts[k]; node = rest; } else node = null;
        }
      });
      close();
    });
    return out;
  }

  function mark(sentence) {
    Array.prototype.forEach.call(doc.querySelectorAll(".pmi-said--now"), function (s) { s.classList.remove("pmi-said--now"); });
    if (!sentence) return;
    sentence.spans.forEach(function (s) { s.classList.add("pmi-said--now"); });
    var top = sentence.spans[0].getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 40) sentence.spans[0].scrollIntoView({ block: "center" });
  }

  function show() {
    toggle.textContent = playing ? ui.pause : at ? ui.resume : ui.label;
    stopper.hidden = !playing && !at;
  }

  function speakFrom(i) {
    var mine = ++token, sentence = list[i], u;
    at = i;
    if (!sentence) { stop(); return; }
    if (!sentence.voice) { speakFrom(i + 1); return; }
    u = new SpeechSynthesisUtterance(sentence.text);
    u.voice = sentence.voice;
    u.lang = sentence.voice.lang;
    u.rate = RATES[speed.value];
    u.onstart = function () { if (mine === token) mark(sentence); };
    u.onend = function () { if (mine === token && playing) speakFrom(i + 1); };
    u.onerror = function () { if (mine === token) pause(); };
    current = u;  /* held, so that the browser does not drop it before it ends */
    mark(sentence);
    synth.speak(u);
  }

  function play() {
    if (!list || !list.length || !root.contains(list[0].spans[0])) { list = sentences(root); at = 0; }
    playing = true;
    show();
    speakFrom(at);
  }

  function pause() {
    token++;
    playing = false;
    synth.cancel();
    show();
  }

  function stop() {
    pause();
    at = 0;
    current = null;
    mark(null);
    show();
  }

  function control(act, text) {
    var b = doc.createElement("button");
    b.type = "button";
    b.className = "md-button";
    b.setAttribute("data-act", act);
    b.textContent = text;
    return b;
  }

  function mount(place) {
    var label = doc.createElement("label"), style = doc.createElement("style");
    style.textContent = CSS;
    doc.head.appendChild(style);
    box = place;
    box.textContent = "";
    toggle = control("toggle", ui.label);
    stopper = control("stop", ui.stop);
    speed = doc.createElement("select");
    ["slow", "normal", "fast"].forEach(function (key) {
      var o = doc.createElement("option");
      o.value = key;
      o.textContent = ui[key];
      speed.appendChild(o);
    });
    speed.value = "normal";
    label.appendChild(doc.createTextNode(ui.speed + " "));
    label.appendChild(speed);
    box.appendChild(toggle);
    box.appendChild(stopper);
    box.appendChild(label);
    root = doc.getElementById("pmi-checker") || doc.querySelector("[data-pagefind-body]") || box.closest("article");
    if (root.id === "pmi-checker" && window.MutationObserver) {  /* a new question or the results: start again */
      new MutationObserver(function () { if (list) { stop(); list = null; } }).observe(root, { childList: true });
    }
    window.addEventListener("pagehide", function () { synth.cancel(); });
  }

  window.PMI_listen = function (button) {
    if (!box) {
      mount(button.parentNode);
      play();
      return;
    }
    if (button.getAttribute("data-act") === "stop") stop();
    else if (playing) pause();
    else play();
  };
})();
