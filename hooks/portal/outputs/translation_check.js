// What the web editor's translation sign-off computes in the browser, exactly as
// portal/content/translations.py does on the build: the fingerprint of a text and the text fields
// of an entry, named by their field paths (`title`, `now[2]`, `steps[3].title`). No DOM here, so
// tests run it in Node (tests/test_translation_check.py).

/** Python's `\s` (str.isspace): JavaScript's own also holds U+FEFF and lacks U+001C-U+001F, U+0085. */
const SPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;

/** The first 10 hex digits of the SHA-256 of `text`, NFC-normalized, its spacing collapsed. */
export async function fingerprint(text) {
  const normal = text.normalize('NFC').replace(SPACE, ' ').replace(/^ | $/g, '');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normal));
  return Array.from(new Uint8Array(digest).slice(0, 5), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Field path -> every text field (a mapping of configured languages holding the default
 * language's string, as written) in `data`; `languages` start with the default one. */
export function textFields(data, languages, path = '') {
  const out = {};
  if (Array.isArray(data)) {
    data.forEach((value, i) => Object.assign(out, textFields(value, languages, `${path}[${i}]`)));
  } else if (data !== null && typeof data === 'object') {
    const keys = Object.keys(data);
    if (keys.length > 0 && keys.every((k) => languages.includes(k)) && typeof data[languages[0]] === 'string') {
      out[path] = data;
    } else {
      for (const key of keys) Object.assign(out, textFields(data[key], languages, path ? `${path}.${key}` : key));
    }
  }
  return out;
}

/** Field path -> fingerprint of every text field of `data`. */
export async function fingerprints(data, languages) {
  const fields = Object.entries(textFields(data, languages));
  const hashes = await Promise.all(fields.map(([, text]) => fingerprint(text[languages[0]])));
  return Object.fromEntries(fields.map(([field], i) => [field, hashes[i]]));
}
