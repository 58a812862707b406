/* Portal PMI search dialog, loaded by portal.js on the reader's first search (not in any
 * page's first view). Our own small interface on Pagefind's API; Pagefind's script, WebAssembly
 * and index are fetched on first use too, and Pagefind picks the index of <html lang>:
 * - every word but stop words (STOP), each also alone: pages with all the words first unless a
 *   page is much more about most of them (find); with fewer than FEW pages with every word, saying
 *   "showing pages with some of your words";
 * - ended programmes (the Status filter) rank lower and are marked ended;
 * - a result opens at the section that matched (Pagefind's sub-results and their anchors), a
 *   content section rather than "what our sources do not say" (ASIDE);
 * - excerpts never show the hidden readers' words (the page's "hidden_words" metadata: how many
 *   words at the end of its indexed text are ours, search.py);
 * - with few or no results, the help page, the checker and the A-Z index are offered.
 * Defines window.PMI_searchOpen, which opens the dialog and readies the search. */
(function () {
  "use strict";
  var opener = document.getElementById("pmi-search-open");
  var dialog = document.getElementById("pmi-search");
  var FEW = 3, PAGE = 5, EXCERPT = 24, ENDED_FACTOR = 0.3, MISSING = 0.5;
  var ASIDE = /#(unknown|sources)$/, ASIDE_FACTOR = 0.2;  // "what our sources do not say": a last resort
  var STOP = ("saya aku kami kita anda dia ia mereka di ke dari yang dan atau tidak ada apa apakah " +
    "bagaimana gimana kenapa mengapa kapan mana siapa ini itu juga sudah belum akan bisa harus " +
    "mau ingin untuk dengan pada dalam oleh karena kalau jika tapi tetapi lagi masih sangat " +
    "sekali saja pak bu mas mbak tolong mohon gak nggak tak udah kok sih ya dong jadi sama buat berapa cara " +
    "i my me we our you your he she it they the a an of to in on at for from and or not no is are " +
    "was be do does did can how what why when where who please with").split(" ");
  var bundle = new URL(opener.getAttribute("data-pmi-search"), document.baseURI).pathname;
  var styles = opener.getAttribute("data-pmi-style");
  var ui = dialog.querySelector(".pmi-search__ui");
  var field = ui.querySelector(".pmi-search__input");
  var message = ui.querySelector(".pmi-search__message");
  var list = ui.querySelector(".pmi-search__results");
  var more = ui.querySelector(".pmi-search__more");
  var help = dialog.querySelector(".pmi-search__help");
  var status = dialog.querySelector(".pmi-search__status");
  var ready = null, pagefind = null, ended = {}, shown = [], asked = 0, timer = null, queries = {};

  function stylesheet(href) {
    return new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "stylesheet"; link.href = href; link.onload = resolve;
      link.onerror = function () { reject(new Error("cannot load " + href)); };
      document.head.appendChild(link);
    });
  }

  function endedPages() {  // ids of ended programmes: the Status filter's "ended" value
    var label = list.getAttribute("data-ended");
    return pagefind.filters().then(function (filters) {
      var name = Object.keys(filters).filter(function (n) { return label in filters[n]; })[0];
      if (!name) { return; }
      var only = {}; only[name] = label;
      return pagefind.search(null, { filters: only }).then(function (found) {
        found.results.forEach(function (r) { ended[r.id] = true; });
      });
    });
  }

  function load() {
    if (!ready) {
      ready = Promise.all([stylesheet(styles), import(bundle + "pagefind.js")]).then(function (loaded) {
        pagefind = loaded[1];
        return pagefind.options({ basePath: bundle, excerptLength: EXCERPT,
          metaCacheTag: "__PORTAL_BUILD__" });  /* the build's version (offline.py): a kept index stays usable offline */
      }).then(function () { return pagefind.init(); }).then(endedPages);
      ready.catch(function () { ready = null; });  // offline: try again next time
    }
    return ready;
  }

  function words(query) {
    return query.toLowerCase().split(/[\s,.?!;:"()]+/).filter(Boolean);
  }

  /* Candidates {result, have: words matched, score}, best first. Stop words are left out ("gaji
   * tidak dibayar": gaji dibayar): they neither block a page nor rank one that repeats them. With two
   * words or more, each word is also looked up alone: a page's score is the sum of its words' scores,
   * halved for each word it lacks (MISSING), so that the page a word is about ("transfer uang dari
   * hongkong": sending money) can come before pages that only mention every word. */
  function find(query) {
    var all = words(query);
    var kept = all.filter(function (w) { return STOP.indexOf(w) < 0; });
    var whole = kept.length ? kept : all;
    var byId = {};
    function add(results, have) {
      results.forEach(function (r) {
        var c = byId[r.id] || (byId[r.id] = { result: r, have: 0, score: 0 });
        c.have += have;
        c.score += r.score * (ended[r.id] ? ENDED_FACTOR : 1);
      });
    }
    function rank(full) {
      var list = Object.keys(byId).map(function (id) { return byId[id]; });
      function key(c) { return c.score * Math.pow(MISSING, Math.max(0, whole.length - c.have)); }
      list.sort(function (a, b) { return key(b) - key(a); });
      return { candidates: list, partial: full < FEW && list.length > full };
    }
    return pagefind.search(whole.join(" ")).then(function (full) {
      if (whole.length < 2) { add(full.results, 1); return rank(full.results.length); }
      return Promise.all(whole.map(function (w) { return pagefind.search(w); })).then(function (each) {
        full.results.forEach(function (r) { byId[r.id] = { result: r, have: 0, score: 0 }; });  // its sections
        each.forEach(function (one) { add(one.results, 1); });
        return rank(full.results.length);
      });
    });
  }

  /* The section that matched best (a visible word), its link and excerpt. */
  function best(data) {
    var hidden = parseInt((data.meta || {}).hidden_words, 10) || 0;
    var text = data.content.split(/[\r\n\s]+/g);
    var visible = text.length - hidden;
    var top = null, topScore = 0;
    (data.sub_results || []).forEach(function (sub) {
      var score = (sub.weighted_locations || []).reduce(function (sum, l) {
        return sum + (l.location < visible ? l.balanced_score : 0);
      }, 0) * (ASIDE.test(sub.url) ? ASIDE_FACTOR : 1);
      if (score > topScore) { top = sub; topScore = score; }
    });
    var marks = top ? top.locations.filter(function (l) { return l < visible; }) : [];
    var start = marks.length ? Math.max(0, marks[0] - 8) : 0;
    var end = Math.min(visible, start + EXCERPT);
    return { url: top ? top.url : data.url, section: top && top.url !== data.url ? top.title : "",
             words: text.slice(start, end), marks: marks.map(function (l) { return l - start; }) };
  }

  function excerpt(found) {
    var p = document.createElement("p");
    p.className = "pmi-search__excerpt";
    found.words.forEach(function (word, i) {
      if (i) { p.appendChild(document.createTextNode(" ")); }
      if (found.marks.indexOf(i) >= 0) {
        var mark = document.createElement("mark"); mark.textContent = word; p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(word));
      }
    });
    return p;
  }

  function item(candidate, data) {
    var found = best(data);
    var li = document.createElement("li");
    li.className = "pmi-search__result";
    var a = document.createElement("a");
    a.className = "pmi-search__link";
    a.href = found.url;
    a.textContent = data.meta.title + (found.section ? " › " + found.section : "");
    li.appendChild(a);
    if (ended[candidate.result.id]) {
      var mark = document.createElement("span");
      mark.className = "pmi-search__ended";
      mark.textContent = list.getAttribute("data-ended");
      li.appendChild(document.createTextNode(" "));
      li.appendChild(mark);
    }
    li.appendChild(excerpt(found));
    return li;
  }

  function say(key, query, n) {
    message.textContent = message.getAttribute("data-" + key).replace("{n}", n).replace("{q}", query);
  }

  function showMore(me) {
    var next = shown.slice(list.children.length, list.children.length + PAGE);
    return Promise.all(next.map(function (c) { return c.result.data(); })).then(function (all) {
      if (me !== asked) { return; }
      all.forEach(function (data, i) { list.appendChild(item(next[i], data)); });
      more.hidden = list.children.length >= shown.length;
      ui.setAttribute("data-done", queries[me]);  // for tests: every result of this query is shown
    });
  }

  function run() {
    var q = field.value.trim();
    var me = ++asked;
    queries[me] = q;
    if (!q) {
      list.textContent = ""; message.textContent = ""; more.hidden = true; help.hidden = true;
      return Promise.resolve();
    }
    ui.removeAttribute("data-done");
    return find(q).then(function (found) {
      if (me !== asked) { return; }
      shown = found.candidates;
      list.textContent = "";
      if (!shown.length) { say("none", q, 0); } else if (found.partial) { say("partial", q, shown.length); } else {
        say("found", q, shown.length);
      }
      help.hidden = shown.length >= FEW && !found.partial;
      return showMore(me);
    });
  }

  field.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  field.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { clearTimeout(timer); run(); }
    if (event.key === "Escape") { dialog.close(); }  // a search box would only clear itself
  });
  more.addEventListener("click", function () { showMore(asked); });

  window.PMI_searchOpen = function () {
    if (!dialog.open) { dialog.showModal(); opener.setAttribute("aria-expanded", "true"); }
    status.textContent = pagefind ? "" : status.getAttribute("data-loading");
    load().then(function () {
      status.textContent = "";
      ui.hidden = false;
      field.focus(); field.select();
    }, function () {
      status.textContent = status.getAttribute("data-unavailable");
      help.hidden = false;
      dialog.querySelector(".pmi-search__az a").focus();
    });
  };
})();
