/* Portal PMI eligibility checker ("Cek program untuk saya"). No dependencies, no storage,
   no requests but the site's own eligibility.json. The engine mirrors
   hooks/portal/content/evaluator.py; tests run the same YAML cases through both. */
(function () {
  "use strict";

  function has(o, k) { return o != null && Object.prototype.hasOwnProperty.call(o, k); }

  /* --- Engine: the same rules, answers and results as eligibility.py --- */

  function evaluate(rule, answers, na) {
    var list = rule.all || rule.any, i, r, unknown = false;
    if (list) {
      for (i = 0; i < list.length; i++) {
        r = evaluate(list[i], answers, na);
        if (r === !rule.all) return r;
        if (r === null) unknown = true;
      }
      return unknown ? null : !!rule.all;
    }
    if (rule.not) {
      r = evaluate(rule.not, answers, na);
      return r === null ? null : !r;
    }
    if (na[rule.question]) return false;
    var a = has(answers, rule.question) ? answers[rule.question] : null;
    if (a === null) return null;
    if (has(rule, "equals")) return a === rule.equals;
    if (has(rule, "in")) return rule["in"].indexOf(a) >= 0;
    if (has(rule, "at_least")) return a >= rule.at_least;
    return a <= rule.at_most;
  }

  function effective(data, answers) {
    var counted = {}, na = {};
    data.questions.forEach(function (q) {
      var gate = q.ask_if ? evaluate(q.ask_if, counted, na) : true;
      if (gate === false) na[q.id] = true;
      else if (gate && has(answers, q.id)) counted[q.id] = answers[q.id];
    });
    return { counted: counted, na: na };
  }

  function children(node) { return node.all || node.any || [node.not]; }

  function explain(node, eff, lang) {
    var value = evaluate(node, eff.counted, eff.na), out = [];
    if (node.reason) return [[node.reason[lang], value]];
    if (node.not) return explain(node.not, eff, lang);
    if (node.question) return [];
    var every = value === !!node.all;
    children(node).forEach(function (c) {
      if (every || evaluate(c, eff.counted, eff.na) === value) out = out.concat(explain(c, eff, lang));
    });
    return out;
  }

  function verdict(data, p, answers, lang) {
    var ui = data.ui[lang], unpublished = [ui.unpublished, null];
    if (!p.offered) return { verdict: "not", reasons: [[ui.ended, false]] };
    if (!p.rule) return { verdict: "maybe", reasons: [unpublished] };
    var eff = effective(data, answers), v = evaluate(p.rule, eff.counted, eff.na), reasons = explain(p.rule, eff, lang);
    var unchecked = p.unchecked.map(function (t) { return t[lang]; });
    if (p.published && !unchecked.length) return { verdict: v === true ? "likely" : v === false ? "not" : "maybe", reasons: reasons };
    if (v === false) return { verdict: "not", reasons: reasons };
    /* published criteria the rule does not ask: at most "maybe", and they are named */
    return p.published ? { verdict: "maybe", reasons: reasons, unchecked: unchecked } : { verdict: "maybe", reasons: reasons.concat([unpublished]) };
  }

  function verdicts(data, answers, lang) {
    var out = {};
    data.programs.forEach(function (p) { out[p.slug] = verdict(data, p, answers, lang); });
    return out;
  }

  function pending(node, eff, into) {
    if (evaluate(node, eff.counted, eff.na) !== null) return into;
    if (node.question) into[node.question] = true;
    else children(node).forEach(function (c) { pending(c, eff, into); });
    return into;
  }

  function nextQuestion(data, answers) {
    var eff = effective(data, answers), needed = {}, qs = data.questions, i, q;
    qs.forEach(function (x) { if (x.for_help) needed[x.id] = true; });  /* where the reader is, for the help lines */
    data.programs.forEach(function (p) { if (p.offered && p.rule) pending(p.rule, eff, needed); });
    for (i = qs.length - 1; i >= 0; i--) if (needed[qs[i].id] && qs[i].ask_if) pending(qs[i].ask_if, eff, needed);
    for (i = 0; i < qs.length; i++) {
      q = qs[i];
      if (needed[q.id] && !has(answers, q.id) && !eff.na[q.id] &&
          (!q.ask_if || evaluate(q.ask_if, eff.counted, eff.na))) return q.id;
    }
    return null;
  }

  function interview(data, answers) {
    var given = {}, asked = [], id;
    while ((id = nextQuestion(data, given)) !== null) {
      asked.push(id);
      given[id] = has(answers, id) ? answers[id] : null;
    }
    return { asked: asked, given: given };
  }

  /* An answer from text (URL fragment, form); undefined when it is not a valid answer. */
  function parseAnswer(q, text) {
    if (text === "?") return null;
    if (q.type === "number") {
      var n = text.trim() === "" ? NaN : Number(text);
      return isFinite(n) && (q.min == null || n >= q.min) && (q.max == null || n <= q.max) ? n : undefined;
    }
    if (q.type === "yes_no") return { ya: true, yes: true, "true": true, tidak: false, no: false, "false": false }[text];
    return q.options.some(function (o) { return o.value === text; }) ? text : undefined;
  }

  function fromFragment(data, hash) {
    var answers = {}, byId = {};
    data.questions.forEach(function (q) { byId[q.id] = q; });
    hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var kv = pair.split("="), q, v;
      try {
        q = byId[decodeURIComponent(kv[0])];
        v = q && kv.length === 2 ? parseAnswer(q, decodeURIComponent(kv[1].replace(/\+/g, " "))) : undefined;
      } catch (e) { /* a malformed pair is ignored */ }
      if (v !== undefined) answers[q.id] = v;
    });
    return answers;
  }

  var engine = { evaluate: evaluate, effective: effective, verdict: verdict, verdicts: verdicts,
    nextQuestion: nextQuestion, interview: interview, parseAnswer: parseAnswer, fromFragment: fromFragment };
  if (typeof module === "object" && module.exports) module.exports = engine;
  if (typeof document === "undefined") return;

  /* --- Page: one question at a time, then the results --- */

  function el(tag, attrs, kids) {
    var e = document.createElement(tag), k;
    for (k in attrs || {}) {
      if (k === "html") e.innerHTML = attrs[k];
      else if (k === "text") e.textContent = attrs[k];
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== false && attrs[k] != null) e.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }

  function Checker(root, data, lang) {
    var ui = data.ui[lang], answers, history, moved = false, byId = {};
    data.questions.forEach(function (q) { byId[q.id] = q; });

    function button(text, onclick, cls) {
      return el("button", { type: "button", "class": cls || "md-button", onclick: onclick, text: text });
    }

    function backButton() {
      return history.length ? button("\u2039 " + ui.back, back, "pmi-back") : null;
    }

    function mount(nodes) {
      root.innerHTML = "";
      nodes.forEach(function (n) { if (n) root.appendChild(n); });
      var h = root.querySelector("h2");
      h.setAttribute("tabindex", "-1");
      if (moved) h.focus();  /* not on arrival: the reader first sees the introduction */
      moved = true;
    }

    function label(q, value) {
      if (value === null) return ui.dont_know;
      if (q.type === "yes_no") return value ? ui.yes : ui.no;
      if (q.type === "number") return value + (q.unit ? " " + q.unit[lang] : "");
      return q.options.filter(function (o) { return o.value === value; })[0].label[lang];
    }

    function ask(id, previous) {
      var q = byId[id], error = el("p", { "class": "pmi-error", role: "alert", hidden: "" }), input, choices;
      if (q.type === "number") {
        input = el("input", { type: "number", inputmode: "numeric", name: "a", "aria-labelledby": "pmi-q", min: q.min, max: q.max,
          value: typeof previous === "number" ? previous : null });
        choices = el("p", {}, [input, q.unit ? " " + q.unit[lang] : ""]);
      } else {
        var opts = q.type === "yes_no" ? [{ value: "true", label: ui.yes, v: true }, { value: "false", label: ui.no, v: false }]
          : q.options.map(function (o) { return { value: o.value, label: o.label[lang], v: o.value }; });
        choices = el("div", { "class": "pmi-options" }, opts.map(function (o) {
          return el("label", { "class": "pmi-option" }, [
            el("input", { type: "radio", name: "a", value: o.value, checked: o.v === previous ? "" : false }), " " + o.label]);
        }));
      }
      function submit(ev) {
        ev.preventDefault();
        var v, picked = form.querySelector("input[name=a]:checked");
        if (q.type === "number") v = parseAnswer(q, input.value);
        else v = picked ? parseAnswer(q, picked.value) : undefined;
        if (v === undefined || v === null) {
          error.textContent = q.type === "number" ? ui.number_error.replace("{min}", q.min).replace("{max}", q.max) : ui.choose_error;
          error.hidden = false;
          return;
        }
        answer(id, v);
      }
      var form = el("form", { "class": "pmi-question", novalidate: "", onsubmit: submit }, [
        el("fieldset", {}, [
          el("legend", {}, [el("span", { "class": "pmi-question-n", text: ui.question_n.replace("{n}", history.length + 1) }),
            el("h2", { id: "pmi-q", text: q.text[lang] })]),
          q.help ? el("p", { "class": "pmi-hint", html: q.help[lang] }) : null,
          q.villages.length ? el("details", { "class": "pmi-villages" }, [
            el("summary", { text: ui.villages.replace("{n}", q.villages.length) }),
            el("p", { text: q.villages.join(", ") })]) : null,
          error, choices]),
        el("p", { "class": "pmi-actions" }, [
          el("button", { type: "submit", "class": "md-button md-button--primary", text: ui.next }), " ",
          button(ui.dont_know, function () { answer(id, null); }, "md-button pmi-dont-know")])]);
      mount([backButton(), form]);
    }

    function answer(id, value) {
      answers[id] = value;
      history.push(id);
      show();
    }

    function back() {
      var id = history.pop(), previous = answers[id];
      delete answers[id];
      ask(id, previous);
    }

    function change(id) {
      var previous = answers[id];
      history = history.filter(function (h) { return h !== id; });
      delete answers[id];
      ask(id, previous);
    }

    function restart() {
      answers = {};
      history = [];
      /* answers the address holds (a language switch, a link) are forgotten there too */
      if (location.hash.indexOf("=") > 0) window.history.replaceState(window.history.state, "", location.pathname + location.search);
      show();
    }

    /* Shown on paper only: the day printed (the reader's clock) and that the result is an estimate. */
    function printHead() {
      var day = new Date().toLocaleDateString(lang === "id" ? "id-ID" : "en-GB", { day: "numeric", month: "long", year: "numeric" });
      return el("div", { "class": "pmi-print-head" }, [el("p", { text: ui.print_date.replace("{date}", day) }),
        el("p", { "class": "pmi-print-estimate", text: ui.print_estimate })]);
    }

    function results() {
      var all = verdicts(data, answers, lang), groups = { likely: [], maybe: [], not: [] }, nodes = [backButton(),
        el("h2", { text: ui.results }), printHead()], docs = [], eff = effective(data, answers);
      function met(p) { return all[p.slug].reasons.filter(function (r) { return r[1] === true; }).length; }
      data.programs.forEach(function (p) { groups[all[p.slug].verdict].push(p); });
      groups.maybe.sort(function (a, b) { return met(b) - met(a); });  /* most criteria met first */
      ["likely", "maybe", "not"].forEach(function (key) {
        if (!groups[key].length) return;
        var heading = el("h3", { text: ui[key] + " (" + groups[key].length + ")" });
        /* "Not eligible" is folded away: on a phone the programmes that may fit come first. */
        nodes.push(el(key === "not" ? "details" : "section", { "class": "pmi-results pmi-results--" + key, "data-verdict": key }, [
          key === "not" ? el("summary", {}, [heading]) : heading,
          el("ul", { "class": "pmi-result-list" }, groups[key].map(function (p) {
            var v = all[p.slug];
            return el("li", { "class": "pmi-result", "data-slug": p.slug }, [
              el("a", { href: "../" + p.path, text: p.title[lang] }),
              v.unchecked ? el("div", { "class": "pmi-unchecked" }, [el("p", { text: ui.unchecked }),
                el("ul", {}, v.unchecked.map(function (t) { return el("li", { html: t }); }))]) : null,
              p.registration && key !== "not" ? el("p", { "class": "pmi-registration" }, [el("strong", { text: ui.registration }), " ",
                el("span", { html: p.registration[lang] })]) : null,
              el("p", { "class": "pmi-status pmi-status--" + p.status, text: p.status_text[lang] }),
              p.where[lang].length ? el("p", { "class": "pmi-where", text: ui.where + " " + p.where[lang].join(", ") }) : null,
              el("ul", { "class": "pmi-reasons" }, v.reasons.map(function (r) {
                var mark = r[1] === true ? "\u2713" : r[1] === false ? "\u2717" : "?";
                return el("li", { "class": "pmi-reason pmi-reason--" + String(r[1]) }, [
                  el("span", { "class": "pmi-mark", "aria-hidden": "true", text: mark }), " ",
                  el("span", r[0] === ui.unpublished || r[0] === ui.ended ? { text: r[0] } : { html: r[0] }), r[1] === null && r[0] !== ui.unpublished ? " (" + ui.unknown + ")" : ""]);
              })),
              p.decided_by && v.verdict === "maybe" ? el("p", { "class": "pmi-decided-by", html: p.decided_by[lang] }) : null]);
          }))]));
        if (key !== "not") groups[key].forEach(function (p) { if (p.documents.length) docs.push(p); });
      });
      if (docs.length) {
        nodes.push(el("section", { "class": "pmi-my-documents" }, [el("h3", { text: ui.documents }),
          el("p", { text: ui.documents_intro })].concat(docs.map(function (p) {
          return el("div", {}, [el("h4", { text: p.title[lang] }), el("ul", { "class": "pmi-checklist" }, p.documents.map(function (d) {
            return el("li", {}, [el("span", { "class": "pmi-box", "aria-hidden": "true" }), " ", el("span", { html: d[lang] })]);
          }))]);
        })).concat([button(ui.print, function () { window.print(); }, "md-button pmi-print")])));
      }
      /* Where to get help: the lines of the country the reader named first, then the contacts of each
         procedure for this reader (any, if the reader did not say who they are). */
      var who = answers[data.help_question], help = data.help.filter(function (h) { return !h.answers || who == null || h.answers.indexOf(who) >= 0; });
      var where = data.questions.filter(function (q) { return q.for_help && !eff.na[q.id] && answers[q.id] != null; });
      help = data.countries.filter(function (c) { return where.some(function (q) { return answers[q.id] === c.slug; }); }).concat(help);
      if (help.length) nodes.push(el("section", { "class": "pmi-help" }, [el("h3", { text: ui.help }), el("p", { text: ui.help_intro })].concat(help.map(function (h) {
        return el("div", { "class": h.slug ? "pmi-help-country" : null }, [el("h4", {}, [el("a", { href: "../" + h.path, text: h.title[lang] })]), el("div", { html: h.contacts[lang] })]);
      }))));
      /* Guides for the reader's situation, as the content's situations name them (none if unknown). */
      var guides = [];
      (data.guides || []).forEach(function (g) {
        if (who != null && g.answers && g.answers.indexOf(who) >= 0) guides = guides.concat(g.procedures);
      });
      guides = guides.filter(function (g, i) { return guides.map(function (x) { return x.path; }).indexOf(g.path) === i; });
      if (guides.length) nodes.push(el("section", { "class": "pmi-guides" }, [el("h3", { text: ui.guides }),
        el("ul", {}, guides.map(function (g) { return el("li", {}, [el("a", { href: "../" + g.path, text: g.title[lang] })]); }))]));
      var rows = data.questions.filter(function (q) { return has(answers, q.id) && !eff.na[q.id]; });
      nodes.push(shareSection(groups.likely.concat(groups.maybe), rows));
      if (rows.length) {
        /* answers are printed only when the reader ticks this box */
        var include = el("input", { type: "checkbox", "class": "pmi-print-answers" });
        include.addEventListener("change", function () { section.classList.toggle("pmi-answers--print", include.checked); });
        var section = el("section", { "class": "pmi-answers" }, [el("h3", { text: ui.answers }),
          el("p", { "class": "pmi-print-choice" }, [el("label", {}, [include, " " + ui.print_answers])]), el("dl", {}, [].concat.apply([], rows.map(function (q) {
          return [el("dt", { text: q.text[lang] }), el("dd", {}, [label(q, answers[q.id]) + " ",
            button(ui.change, function () { change(q.id); }, "pmi-change")])];
        })))]);
        nodes.push(section);
      }
      nodes.push(el("p", {}, [button(ui.restart, restart, "md-button pmi-restart")]));
      mount(nodes);
    }

    /* Sharing a result (issue 22): by default a link to the programmes that fit, no answers; the
       answers go into the link only by a second choice that lists what will be sent. The share
       block is a copy of the page's own (share.html), so its WhatsApp link comes from the template. */
    function shareBox(template, text, url) {
      var box = template.cloneNode(true);
      box.removeAttribute("data-ready");
      box.setAttribute("data-text", text);
      box.setAttribute("data-url", url);
      box.querySelector(".pmi-share-label").hidden = true;
      box.querySelector(".pmi-share-native").hidden = true;
      box.querySelector(".pmi-share-copy").hidden = true;
      box.querySelector(".pmi-share-whatsapp").hidden = false;
      box.querySelector(".pmi-share-status").textContent = "";
      window.PMIShare.enhance(box);
      return box;
    }

    function fragment(rows) {
      return rows.map(function (q) {
        var v = answers[q.id];
        return encodeURIComponent(q.id) + "=" + (v === null ? "?" : encodeURIComponent(String(v)));
      }).join("&");
    }

    /* Shown once share.js has loaded (withShare); a reader scrolled past it keeps their place. */
    function shareSection(fit, rows) {
      var template = document.querySelector("[data-pmi-share]");
      if (!template || !fit.length) return null;
      var page = template.getAttribute("data-url") || location.href.split("#")[0];
      var text = [ui.share_results].concat(fit.map(function (p) {
        return "- " + p.title[lang] + ": " + new URL("../" + p.path, page).href;
      })).join("\n");
      var section = el("section", { "class": "pmi-share-result", hidden: "" });
      withShare(function () {
        var next = section.nextElementSibling, top = next && next.getBoundingClientRect().top;
        section.appendChild(el("h3", { text: ui.share_heading }));
        section.appendChild(shareBox(template, text, page));
        if (rows.length) {
          section.appendChild(el("details", { "class": "pmi-share-answers" }, [
            el("summary", { text: ui.share_answers }),
            el("p", { text: ui.share_answers_note }),
            el("ul", {}, rows.map(function (q) { return el("li", { text: q.text[lang] + ": " + label(q, answers[q.id]) }); })),
            shareBox(template, text, page + "#" + fragment(rows))]));
        }
        section.hidden = false;
        if (next && top < 0) window.scrollBy(0, next.getBoundingClientRect().top - top);
      });
      return section;
    }

    function show() {
      var id = nextQuestion(data, answers);
      if (id === null) results(); else ask(id);
    }

    /* Answers from an address: the questions they answer count as asked, so the reader (after a
       language switch, say) is at the same question, its number the same, Back going through them. */
    this.load = function (hash) {
      answers = fromFragment(data, hash);
      history = interview(data, answers).asked.filter(function (id) { return has(answers, id); });
      show();
    };

    this.fragment = function () { return fragment(data.questions.filter(function (q) { return has(answers, q.id); })); };
  }

  /* The other language's link carries the answers, set as it is clicked; this page's own address
     gets them too (replaced, no new history entry, no hashchange), so Back returns to them. */
  function carryAnswers(checker, lang) {
    [].forEach.call(document.querySelectorAll("a[hreflang]"), function (a) {
      if (a.hreflang === lang) return;
      a.addEventListener("click", function () {
        var f = checker.fragment(), base = a.getAttribute("href").split("#")[0];
        a.setAttribute("href", f ? base + "#" + f : base);
        if (f) window.history.replaceState(window.history.state, "", "#" + f);
      });
    });
  }

  /* share.js, not in the page's first view: loaded with the first results. Of the calls made before it
     is there, only the latest (the results shown) runs. */
  var shareWaiting;
  function withShare(done) {
    if (window.PMIShare) return done();
    if (!shareWaiting) {
      var src = document.querySelector("script[src$='portal/checker.js']").src;
      document.head.appendChild(el("script", { src: new URL("share.js", src).href, onload: function () { shareWaiting(); } }));
    }
    shareWaiting = done;
  }

  /* The static list, hidden before paint by the page's own script, is shown again if the checker cannot run. */
  function fallback() { document.documentElement.classList.remove("pmi-checker-js"); }

  function start() {
    var root = document.getElementById("pmi-checker"), script = document.querySelector("script[src$='portal/checker.js']");
    if (!root || !script || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "loading");
    var xhr = new XMLHttpRequest();
    xhr.open("GET", new URL("eligibility.json", script.src).href);
    xhr.onerror = fallback;
    xhr.onload = function () {
      if (xhr.status !== 200) return fallback();
      var data, lang = document.documentElement.lang, checker;
      try {
        data = JSON.parse(xhr.responseText);
        checker = new Checker(root, data, data.ui[lang] ? lang : data.languages[0]);
        checker.load(location.hash);
      } catch (e) {
        root.innerHTML = "";
        fallback();
        throw e;
      }
      /* The date of the rules: a copy kept for offline use says how old it is. */
      if (data.ui[lang] && data.ui[lang].rules_date) root.parentNode.insertBefore(el("p", { "class": "pmi-rules-date", text: data.ui[lang].rules_date }), root);
      carryAnswers(checker, lang);
      root.setAttribute("data-ready", "true");
      window.addEventListener("hashchange", function () {  /* a new link with answers, not an anchor */
        if (location.hash.indexOf("=") > 0) checker.load(location.hash);
      });
    };
    xhr.send();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
