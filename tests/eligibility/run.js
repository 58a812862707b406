// Runs eligibility cases through the browser's evaluator (docs/assets/portal/checker.js) in Node.
// stdin: {"data": <eligibility.json>, "cases": [{"answers": {...}}], "fragments": ["#umur=17", ...]}
// stdout: {"cases": [{"verdicts": {lang: {slug: result}}, "asked": [...], "interview": {slug: verdict}}],
//          "fragments": [answers, ...]}
"use strict";
const engine = require(process.argv[2]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const data = input.data;
const cases = (input.cases || []).map((c) => {
  const verdicts = {};
  for (const lang of data.languages) verdicts[lang] = engine.verdicts(data, c.answers, lang);
  const iv = engine.interview(data, c.answers);
  const interview = {};
  for (const [slug, v] of Object.entries(engine.verdicts(data, iv.given, data.languages[0]))) interview[slug] = v.verdict;
  return { verdicts, asked: iv.asked, interview };
});
const fragments = (input.fragments || []).map((f) => engine.fromFragment(data, f));
process.stdout.write(JSON.stringify({ cases, fragments }));
