// make fmt: rewrite the files the web editor saves (one folder per kind of data/) in the form the
// editor writes them: Decap CMS's YAML formatter, i.e. the npm `yaml` package it uses (the same
// copy in node_modules, tests/test_fmt.py holds them equal), top-level keys in the order of the
// schema's fields, comments dropped. Then a save through the editor changes only the lines it edits.
//   node scripts/fmt.mjs [data-dir]           rewrite the files not in that form
//   node scripts/fmt.mjs --check [data-dir]   name them as GitHub warning annotations; never fails
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const YAML = require('yaml');

// portal.content.validator.COLLECTIONS: folder of data/ -> its kind in the schema (a test holds them equal)
export const FOLDERS = {
  programs: 'program', procedures: 'procedure', countries: 'country', situations: 'situation',
  organizations: 'organization', proposals: 'proposal',
  sources: 'source', glossary: 'glossary_term', cases: 'case',
};

const root = new URL('..', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(root, 'schema', 'portal.schema.json'), 'utf8'));

/** The text Decap CMS writes for the data of `text` (decap-cms-core's formats/yaml.js, fromFile then toFile). */
export function canonical(text, kind) {
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  const order = Object.keys(schema.$defs[kind].properties);
  const contents = YAML.createNode(doc.toJSON());
  contents.items.sort((a, b) => {
    const i = order.indexOf(a.key?.toString());
    const j = order.indexOf(b.key?.toString());
    return i === -1 || j === -1 ? 0 : i - j;
  });
  const out = new YAML.Document();
  out.contents = contents;
  return out.toString();
}

function main(args) {
  const check = args.includes('--check');
  const dataDir = args.find((a) => a !== '--check') || join(root, 'data');
  let changed = 0;
  for (const [folder, kind] of Object.entries(FOLDERS)) {
    let names;
    try {
      names = readdirSync(join(dataDir, folder)).filter((n) => n.endsWith('.yaml')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dataDir, folder, name);
      const text = readFileSync(path, 'utf8');
      let wanted;
      try {
        wanted = canonical(text, kind);
      } catch {
        continue; // unreadable YAML: the validator reports it, with its line
      }
      if (wanted === text) continue;
      changed += 1;
      const file = relative(process.cwd(), path);
      if (check) {
        console.log(`::warning file=${file},line=1,title=make fmt::Berkas ini belum dalam bentuk yang ditulis ` +
          `penyunting web; jalankan make fmt (bukan kesalahan)%0AThis file is not in the form the web editor ` +
          `writes; run make fmt (not an error)`);
      } else {
        writeFileSync(path, wanted);
      }
    }
  }
  console.error(`${changed} ${check ? 'berkas belum rapi / files not in canonical form' : 'berkas ditulis ulang / files rewritten'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
