// The web editor's own script at /admin/ (copied there by portal/outputs/admin.py), run before
// Decap CMS (both are deferred, in the page's order), so Decap waits for it (CMS_MANUAL_INIT):
// it registers the `yaml` widget, the site's stylesheet for the preview and the interface language,
// the `translation_check` widget (the translation sign-off), then starts Decap.
//
// The `yaml` widget edits a mapping (an eligibility rule) as YAML text in a textarea and keeps it in
// the entry as the mapping, so the saved file holds it as ordinary nested YAML, written by the same
// `yaml` library (our pinned copy, beside this file) as the rest of the file. A text that does not
// read as a mapping is an error under the field and blocks the save; the value stays the last one
// that did read, so nothing is dropped or half-saved. What the rule means is checked by the PR check.
//
// The `translation_check` widget shows, per translation language, how many texts changed since
// their translation was checked, and a button "Terjemahan <bahasa> sudah saya periksa" that records
// the fingerprint of every text's Indonesian as it is now (translation_check.js, as the build
// computes it) in the entry's `translation_checked`, in the shape of a record file: the editor
// cannot write data/translations/, so the build reads both.
import { YAML } from './yaml/index.js';
import { fingerprints, textFields } from './translation_check.js';

window.CMS_MANUAL_INIT = true;

/** The entry's value (an Immutable map once loaded, a plain object once edited) as YAML text. */
function toText(value) {
  const data = value && typeof value.toJS === 'function' ? value.toJS() : value;
  if (data === undefined || data === null) return '';
  const doc = new YAML.Document();
  doc.contents = YAML.createNode(data);
  return doc.toString();
}

/** `{ value }` for a text that reads as a mapping (none for an empty text), else `{ error }`. */
function fromText(text) {
  if (!text.trim()) return { value: undefined };
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) return { error: doc.errors.map((e) => e.message).join('\n') };
  const value = doc.toJSON();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: 'Harus berupa pemetaan YAML (kunci: nilai). / Must be a YAML mapping (key: value).' };
  }
  return { value };
}

const ERROR_TITLE = 'YAML tidak bisa dibaca; aturan belum diubah / YAML cannot be read; the rule is unchanged';

function yamlControl() {
  return window.createClass({
    getInitialState() {
      return { text: toText(this.props.value), error: null };
    },
    componentDidUpdate(previous) {
      // the value changed from outside (an entry loaded, a draft discarded): show it
      if (previous.value !== this.props.value && this.props.value !== this.sent) {
        this.setState({ text: toText(this.props.value), error: null });
      }
    },
    getValidateValue() {
      // Decap's "required" check: the text typed, so that an empty mapping ({}) written out counts
      return this.state.text.trim();
    },
    isValid() {
      if (!this.state.error) return true;
      return { error: { type: 'CUSTOM', message: `${ERROR_TITLE}: ${this.state.error}` } };
    },
    handleChange(event) {
      const text = event.target.value;
      const read = fromText(text);
      this.setState({ text, error: read.error || null });
      if (!read.error) {
        this.sent = read.value;
        this.props.onChange(read.value);
      }
    },
    render() {
      const h = window.h;
      const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const { text, error } = this.state;
      return h('div', null,
        h('textarea', {
          id: forID,
          className: classNameWrapper,
          value: text,
          onChange: this.handleChange,
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
          spellCheck: false,
          'aria-invalid': error ? 'true' : 'false',
          rows: Math.max(4, text.split('\n').length + 1),
          style: { fontFamily: 'monospace', whiteSpace: 'pre', overflowX: 'auto' },
        }),
        error && h('p', { role: 'alert', style: { color: '#c00', whiteSpace: 'pre-wrap' } },
          `${ERROR_TITLE}:\n${error}`));
    },
  });
}

function yamlPreview() {
  return window.createClass({
    render() {
      return window.h('pre', null, toText(this.props.value));
    },
  });
}

const CHECKED = 'translation_checked';

function plain(value) {
  return value && typeof value.toJS === 'function' ? value.toJS() : value;
}

function translationCheckControl() {
  return window.createClass({
    getInitialState() {
      return { texts: {}, current: {} };
    },
    componentDidMount() {
      this.measure();
    },
    componentWillUnmount() {
      this.gone = true;
    },
    languages() {
      return plain(this.props.field.get('languages'));
    },
    /** The entry's texts now (field path -> texts by language) and their Indonesian's fingerprints. */
    async measure() {
      const data = { ...plain(this.props.getEntry().get('data')) };
      delete data[CHECKED];
      const texts = textFields(data, this.languages());
      const current = await fingerprints(data, this.languages());
      if (!this.gone) this.setState({ texts, current });
      return { texts, current };
    },
    async check(lang) {
      const { texts, current } = await this.measure();
      const record = {};
      for (const field of Object.keys(texts)) if (lang in texts[field]) record[field] = current[field];
      const value = { ...(plain(this.props.value) || {}), [lang]: record };
      this.props.onChange(Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]])));
    },
    render() {
      const h = window.h;
      const names = plain(this.props.field.get('language_names')) || {};
      const value = plain(this.props.value) || {};
      const { texts, current } = this.state;
      return h('div', { id: this.props.forID, onPointerEnter: this.measure },
        this.languages().slice(1).map((lang) => {
          const fields = Object.keys(texts).filter((f) => lang in texts[f]);
          const changed = fields.filter((f) => (value[lang] || {})[f] !== current[f]).length;
          const name = names[lang] || lang;
          return h('p', { key: lang },
            h('span', { 'data-changed': changed },
              `${name}: ${changed} dari ${fields.length} teks belum ditandai sudah diperiksa `
              + 'untuk teks Indonesia yang sekarang. '),
            h('button', { type: 'button', onClick: () => this.check(lang) },
              `Terjemahan ${name} sudah saya periksa`));
        }));
    },
  });
}

/** The site's own stylesheet, beside /admin/, so the preview pane reads like the page. */
const SITE_STYLE = new URL('../assets/portal.css', document.baseURI).href;

function start() {
  const CMS = window.CMS;
  CMS.registerWidget('yaml', yamlControl(), yamlPreview());
  CMS.registerWidget('translation_check', translationCheckControl());
  CMS.registerPreviewStyle(SITE_STYLE);
  const locale = document.getElementById('portal-editor-locale');
  if (locale) {
    const { code, phrases } = JSON.parse(locale.textContent);
    CMS.registerLocale(code, phrases);
  }
  CMS.init();
}

document.addEventListener('DOMContentLoaded', start);
