"""Errors staff can act on: each bad input names file, line, field, and says in Indonesian AND
English what is wrong and what is expected (with "did you mean" where a name is misspelt)."""
from __future__ import annotations

import pytest

from portal.content.errors import ContentInvalid
from portal.content.validator import load_content

from conftest import FIXTURE_DATA
from content_edits import KOREA, LANGS, MELATI, SOURCE, TODAY, append, line_of, replace

WENAK = "programs/warung-naik-kelas.yaml"


MELATI_LINES = len((FIXTURE_DATA / MELATI).read_text(encoding="utf-8").splitlines())

# (name, edit, file, line, field, code, Indonesian part, English part)
CASES = [
    ("misspelt field gets a suggestion", replace("audience:", "audiens:"),
     MELATI, line_of("audience:"), "audiens", "E-UNKNOWN-FIELD",
     "kolom 'audiens' tidak dikenal (maksud Anda 'audience'?)", "unknown field 'audiens' (did you mean 'audience'?)"),
    ("misspelt source id gets a suggestion",
     replace("sources: [antara-jatim-2021-ipuk-pmi]\nlast", "sources: [antara-jatim-2021-ipuk-pm]\nlast"),
     MELATI, line_of("last_reviewed:") - 1, "sources[0]", "E-REF",
     "sumber 'antara-jatim-2021-ipuk-pm' tidak dikenal (maksud Anda 'antara-jatim-2021-ipuk-pmi'?)",
     "unknown source 'antara-jatim-2021-ipuk-pm' (did you mean 'antara-jatim-2021-ipuk-pmi'?)"),
    ("misspelt organisation gets a suggestion", replace("where: [pemkab-banyuwangi]", "where: [pemkab-banyuwang]"),
     MELATI, line_of("where:"), "where[0]", "E-REF",
     "organisasi 'pemkab-banyuwang' tidak dikenal (maksud Anda 'pemkab-banyuwangi'?)",
     "unknown organisation 'pemkab-banyuwang' (did you mean 'pemkab-banyuwangi'?)"),
    ("misspelt choice gets a suggestion", replace("audience: [anak_pmi, keluarga]", "audience: [anak_pmi, kluarga]"),
     MELATI, line_of("audience:"), "audience[1]", "E-ENUM",
     "nilai 'kluarga' tidak dikenal (maksud Anda 'keluarga'?); pilihan:",
     "unknown value 'kluarga' (did you mean 'keluarga'?); choices:"),
    ("misspelt question in a rule", replace("      - question: negara_tujuan", "      - question: negara_tujuam", KOREA),
     KOREA, line_of("question: negara_tujuan", KOREA), "eligibility.rule.all[0].question", "E-REF",
     "pertanyaan 'negara_tujuam' tidak dikenal (maksud Anda 'negara_tujuan'?)",
     "unknown question 'negara_tujuam' (did you mean 'negara_tujuan'?)"),
    ("misspelt option in a rule", replace("        equals: korea", "        equals: koera", KOREA),
     KOREA, line_of("equals: korea", KOREA), "eligibility.rule.all[0].equals", "E-OPTION",
     "pilihan 'koera' tidak ada di pertanyaan 'negara_tujuan' (maksud Anda 'korea'?); pilihan: korea, jepang",
     "question 'negara_tujuan' has no option 'koera' (did you mean 'korea'?); options: korea, jepang"),
    ("misspelt field in a rule", replace("        equals: korea", "        equal: korea", KOREA),
     KOREA, line_of("equals: korea", KOREA), "eligibility.rule.all[0].equal", "E-UNKNOWN-FIELD",
     "kolom 'equal' tidak dikenal (maksud Anda 'equals'?)", "unknown field 'equal' (did you mean 'equals'?)"),
    ("source id with capitals and spaces", replace("id: republika-2021-03-10-wenak", "id: Republika 2021", SOURCE),
     SOURCE, line_of("id: republika-2021-03-10-wenak", SOURCE), "id", "E-FORMAT",
     "'Republika 2021' tidak sesuai format: huruf kecil, angka dan tanda hubung",
     "'Republika 2021' has the wrong format: lower-case letters, digits and hyphens"),
    ("file not in UTF-8", lambda data: (data / MELATI).write_bytes("title:\n  id: Caf\u00e9\n".encode("latin-1")),
     MELATI, 1, "", "E-ENCODING", "berkas harus UTF-8", "file must be UTF-8"),
    ("misspelt language code", replace("  en: Melati (\"teaching", "  eng: Melati (\"teaching"),
     MELATI, line_of('en: Melati ("teaching'), "title.eng", "E-LANG",
     "bahasa 'eng' tidak dipakai situs ini (maksud Anda 'en'?)",
     "language 'eng' is not configured for this site (did you mean 'en'?)"),
    ("required field missing, with its meaning", replace('last_reviewed: "2026-11-24"\n', ""),
     MELATI, line_of("title:"), "last_reviewed", "E-MISSING",
     "kolom wajib 'last_reviewed' (Terakhir ditinjau) belum diisi",
     "required field 'last_reviewed' (last reviewed) is missing"),
    ("date in the wrong format", replace('last_reviewed: "2026-11-24"', 'last_reviewed: "24/11/2026"'),
     MELATI, line_of("last_reviewed:"), "last_reviewed", "E-DATE",
     "tanggal '24/11/2026' salah; tulis YYYY-MM-DD", "bad date '24/11/2026'; write YYYY-MM-DD"),
    ("list where text is expected", replace("audience: [anak_pmi, keluarga]", "audience: anak_pmi"),
     MELATI, line_of("audience:"), "audience", "E-TYPE", "harus berupa daftar (list)", "must be a list"),
    ("raw HTML in a text", replace("  en: Melati (\"teaching", "  en: <img src=x onerror=alert(1)> Melati (\"teaching"),
     MELATI, line_of('en: Melati ("teaching'), "title.en", "E-HTML",
     "HTML mentah tidak boleh; pakai Markdown", "raw HTML is not allowed; use Markdown"),
    ("javascript: link in Markdown",
     replace("    Pada 2021 program ini", "    Lihat [ini](javascript:alert(1)). Pada 2021 program ini"),
     MELATI, line_of("description:") + 1, "description.id", "E-LINK",
     "tautan 'javascript:alert(1)' tidak boleh; hanya https://, http://, mailto:, tel: atau tautan relatif",
     "link 'javascript:alert(1)' is not allowed; only https://, http://, mailto:, tel: or relative links"),
    ("javascript: in a reference-style link",
     replace("    Pada 2021 program ini", "    Lihat [ini][x].\n\n    [x]: javascript:alert(1)\n    Pada 2021 program ini"),
     MELATI, line_of("description:") + 1, "description.id", "E-LINK",
     "tautan 'javascript:alert(1)' tidak boleh", "link 'javascript:alert(1)' is not allowed"),
    ("web contact that is not http(s)",
     append("contacts:\n  - kind: web\n    value: \"javascript:alert(1)\"\n    sources: [antara-jatim-2021-ipuk-pmi]\n"),
     MELATI, MELATI_LINES + 3, "contacts[0].value", "E-LINK",
     "alamat web 'javascript:alert(1)' harus diawali http:// atau https://",
     "web address 'javascript:alert(1)' must start with http:// or https://"),
    ("email contact that is not an address",
     append("contacts:\n  - kind: email\n    value: \"mailto:x\"\n    sources: [antara-jatim-2021-ipuk-pmi]\n"),
     MELATI, MELATI_LINES + 3, "contacts[0].value", "E-EMAIL",
     "'mailto:x' bukan alamat email", "'mailto:x' is not an email address"),
    ("source URL without http(s)", replace("id: republika-2021-03-10-wenak",
                                           "id: republika-2021-03-10-wenak\nurl: \"javascript:alert(1)\"", SOURCE),
     SOURCE, line_of("id: republika-2021-03-10-wenak", SOURCE) + 1, "url", "E-LINK",
     "harus diawali http:// atau https://", "must start with http:// or https://"),
    ("old slug taken by another page", append("old_slugs: [melati]\n", WENAK),
     WENAK, len((FIXTURE_DATA / WENAK).read_text(encoding="utf-8").splitlines()) + 1, "old_slugs[0]",
     "E-DUPLICATE-SLUG", "slug lama 'melati' sudah dipakai oleh data/programs/melati.yaml",
     "old slug 'melati' is already used by data/programs/melati.yaml"),
    ("YAML alias", replace("audience: [anak_pmi, keluarga]\nregion: [banyuwangi]",
                           "audience: &a [anak_pmi, keluarga]\nregion: *a"),
     MELATI, line_of("audience:"), "", "E-ALIAS",
     "anchor/alias YAML (& dan *) tidak diizinkan", "YAML anchors/aliases (& and *) are not allowed"),
    ("YAML tag", replace("region: [banyuwangi]", "region: !!python/object/apply:os.system [ls]"),
     MELATI, line_of("region:"), "", "E-TAG",
     "tag YAML (!...) tidak diizinkan", "YAML tags (!...) are not allowed"),
    ("control character", replace("region: [banyuwangi]", "region: [banyuwangi\x07]"),
     MELATI, line_of("region:"), "", "E-CHAR",
     "karakter khusus #x0007 tidak boleh", "special character #x0007 is not allowed"),
    ("deep nesting", append("old_slugs: " + "[" * 40 + "]" * 40 + "\n"),
     MELATI, MELATI_LINES + 1, "", "E-DEPTH",
     "isi bersarang lebih dari 32 tingkat", "content is nested more than 32 levels deep"),
    ("oversized file", append("# " + "x" * 300_000 + "\n"),
     MELATI, 1, "", "E-SIZE", "berkas lebih dari 256 KB", "file is larger than 256 KB"),
    ("tab instead of spaces", replace("  id: Melati (mengajar", "\tid: Melati (mengajar"),
     MELATI, line_of("id: Melati (mengajar"), "", "E-TAB", "ada karakter tab (gunakan spasi, bukan tab)",
     "there is a tab (use spaces, not tabs)"),
    ("unquoted colon inside a text", replace("  id: Melati (mengajar dan melatih dengan hati)",
                                             "  id: Melati: mengajar dan melatih dengan hati"),
     MELATI, line_of("id: Melati (mengajar"), "", "E-SYNTAX",
     "ada ': ' di dalam teks; beri tanda kutip pada teksnya", "there is a ': ' inside a text; put the text in quotes"),
    ("unclosed bracket, on its own line", replace("audience: [anak_pmi, keluarga]", "audience: [anak_pmi, keluarga"),
     MELATI, line_of("audience:"), "", "E-SYNTAX",
     "kurung '[' di baris ini tidak ditutup; akhiri dengan ']'", "the '[' on this line is never closed; end it with ']'"),
    ("unclosed double quote, on its own line", replace("  id: Melati (mengajar", "  id: \"Melati (mengajar"),
     MELATI, line_of("id: Melati (mengajar"), "", "E-SYNTAX",
     "tanda kutip yang dibuka di baris ini tidak ditutup", "the quote opened on this line is never closed"),
    ("unclosed quote closed by a later one", replace("  id: Melati (mengajar dan melatih dengan hati)\n  en: Melati",
                                                     "  id: \"Melati (mengajar dan melatih dengan hati)\n  en: \"Melati"),
     MELATI, line_of("id: Melati (mengajar"), "", "E-SYNTAX",
     "tanda kutip yang dibuka di baris ini tidak ditutup", "the quote opened on this line is never closed"),
    ("unclosed single quote, on its own line", replace("  id: Melati (mengajar", "  id: 'Melati (mengajar"),
     MELATI, line_of("id: Melati (mengajar"), "", "E-SYNTAX",
     "tanda kutip yang dibuka di baris ini tidak ditutup", "the quote opened on this line is never closed"),
    ("text after the closing quote", replace("  id: Melati (mengajar dan melatih dengan hati)",
                                             "  id: \"Melati\" (mengajar dan melatih dengan hati)"),
     MELATI, line_of("id: Melati (mengajar"), "", "E-SYNTAX",
     "ada teks sesudah tanda kutip penutup", "there is text after the closing quote"),
    ("key and text without the colon", replace("  id: Melati (mengajar", "  id Melati (mengajar"),
     MELATI, line_of("id: Melati (mengajar"), "", "E-COLON",
     "'id' di baris ini tidak diikuti titik dua; tulis 'id: Melati (mengajar dan melatih dengan hati)'",
     "'id' on this line has no colon after it; write 'id: Melati (mengajar dan melatih dengan hati)'"),
    ("key and text without the colon, the last of its group", replace('  en: Melati ("teaching', '  en Melati ("teaching'),
     MELATI, line_of('en: Melati ("teaching'), "", "E-COLON",
     "'en' di baris ini tidak diikuti titik dua", "'en' on this line has no colon after it"),
    ("a line indented unlike its neighbours", replace('  en: Melati ("teaching', '   en: Melati ("teaching'),
     MELATI, line_of('en: Melati ("teaching'), "", "E-SYNTAX",
     f"baris ini menjorok tidak sejajar; kolom dalam kelompok yang sama dimulai pada kolom huruf yang sama "
     f"(mis. sejajar dengan baris {line_of('id: Melati (mengajar')})",
     "this line's indentation does not match; fields of the same group start in the same column"),
    ("a list item without the space after its dash",
     replace("  - id: Tanyakan ke Pemkab Banyuwangi atau pos Desbumi", "  -id: Tanyakan ke Pemkab Banyuwangi atau pos Desbumi"),
     MELATI, line_of("- id: Tanyakan ke Pemkab Banyuwangi atau pos Desbumi"), "", "E-SYNTAX",
     "tulis spasi sesudah '-' di awal butir daftar", "put a space after the '-' that starts a list item"),
    ("a closing bracket too many", replace("audience: [anak_pmi, keluarga]", "audience: [anak_pmi, keluarga]]"),
     MELATI, line_of("audience:"), "", "E-SYNTAX",
     "ada kurung tutup ] atau } yang berlebih di baris ini", "there is one closing ] or } too many on this line"),
    ("key without its colon, reported on its own line", replace("title:\n", "title\n"),
     MELATI, line_of("title:"), "", "E-COLON",
     "'title' di baris ini tidak diikuti titik dua; tulis 'title:'",
     "'title' on this line has no colon after it; write 'title:'"),
    ("key without its colon before a sibling", replace("audience: [anak_pmi, keluarga]\n", "audience\n"),
     MELATI, line_of("audience:"), "", "E-COLON",
     "'audience' di baris ini tidak diikuti titik dua; tulis 'audience:'",
     "'audience' on this line has no colon after it; write 'audience:'"),
    ("curly quotes used as YAML quotes", replace("  id: Melati (mengajar dan melatih dengan hati)",
                                                 "  id: \u201cMelati: mengajar dan melatih dengan hati\u201d"),
     MELATI, line_of("id: Melati (mengajar"), "", "E-QUOTES",
     "tanda kutip miring \u201c \u201d atau \u2018 \u2019 bukan tanda kutip YAML; ganti dengan tanda kutip lurus \"",
     "curly quotes \u201c \u201d or \u2018 \u2019 are not YAML quotes; use straight quotes \" instead"),
    ("single curly quotes used as YAML quotes", replace("  id: Melati (mengajar dan melatih dengan hati)",
                                                        "  id: \u2018Melati: mengajar\u2019"),
     MELATI, line_of("id: Melati (mengajar"), "", "E-QUOTES",
     "ganti dengan tanda kutip lurus", "use straight quotes"),
    ("new source id: add it to data/sources/ first",
     replace("sources: [antara-jatim-2021-ipuk-pmi]\nlast", "sources: [kompas-2025-beasiswa-pmi]\nlast"),
     MELATI, line_of("last_reviewed:") - 1, "sources[0]", "E-REF",
     "sumber 'kompas-2025-beasiswa-pmi' tidak dikenal; jika sumber ini baru, tambahkan dulu ke `data/sources/`",
     "unknown source 'kompas-2025-beasiswa-pmi'; if this source is new, add it first to `data/sources/`"),
    ("new organisation: no unrelated suggestion, add it to organizations/ first",
     replace("where: [pemkab-banyuwangi]", "where: [sbmi-banyuwangi]"),
     MELATI, line_of("where:"), "where[0]", "E-REF",
     "organisasi 'sbmi-banyuwangi' tidak dikenal; jika organisasi ini baru, tambahkan dulu ke `data/organizations/`",
     "unknown organisation 'sbmi-banyuwangi'; if this organisation is new, add it first to `data/organizations/`"),
    ("<b> gets the Markdown for bold", replace("  en: Melati (\"teaching", "  en: <b>Melati</b> (\"teaching"),
     MELATI, line_of('en: Melati ("teaching'), "title.en", "E-HTML",
     "pakai Markdown: tulis **tebal** ('<b>')", "use Markdown: write **bold** ('<b>')"),
    ("<em> gets the Markdown for italic", replace("  en: Melati (\"teaching", "  en: <em>Melati</em> (\"teaching"),
     MELATI, line_of('en: Melati ("teaching'), "title.en", "E-HTML",
     "pakai Markdown: tulis *miring* ('<em>')", "use Markdown: write *italic* ('<em>')"),
    ("web address where a source id belongs",
     replace("sources: [antara-jatim-2021-ipuk-pmi]\nlast", "sources: [\"https://jatim.antaranews.com/berita/1\"]\nlast"),
     MELATI, line_of("last_reviewed:") - 1, "sources[0]", "E-REF",
     "'https://jatim.antaranews.com/berita/1' adalah alamat web; tulis ID dari data/sources/, bukan alamatnya "
     "(jika belum ada, tambahkan dulu ke data/sources/)",
     "'https://jatim.antaranews.com/berita/1' is a web address; write the id from data/sources/, not the "
     "address (if it is not there yet, add it there first)"),
    ("web address where an organisation id belongs",
     replace("where: [pemkab-banyuwangi]", "where: [\"https://banyuwangikab.go.id\"]"),
     MELATI, line_of("where:"), "where[0]", "E-REF",
     "adalah alamat web; tulis ID dari data/organizations/, bukan alamatnya",
     "is a web address; write the id from data/organizations/, not the address"),
    ("country without a phone help line", replace("  - kind: phone\n", "  - kind: address\n", "countries/malaysia.yaml"),
     "countries/malaysia.yaml", line_of("contacts:", "countries/malaysia.yaml"), "contacts", "E-COUNTRY-LINE",
     "negara wajib punya paling sedikit satu saluran bantuan telepon di 'contacts' (kind: phone)",
     "a country needs at least one help line in 'contacts' (kind: phone)"),
    ("a landline in brackets, on its own line of a long text",
     replace("    Pada 2021 program ini", "    Pada 2021 program ini\n    Telepon kantor (0333) 424 123.\n   "),
     MELATI, line_of("description:") + 4, "description.id", "E-PHONE",
     "nomor telepon '0333424123' di teks tidak ada di 'contacts' mana pun",
     "phone number '0333424123' in the text is not in any 'contacts'"),
    ("a contact note written as plain text says to write id: and en:",
     append("contacts:\n  - kind: web\n    value: \"https://banyuwangikab.go.id\"\n    note: Kantor bupati\n"
            "    sources: [antara-jatim-2021-ipuk-pmi]\n"),
     MELATI, MELATI_LINES + 4, "contacts[0].note", "E-TYPE",
     "harus berupa kumpulan kolom (mapping); tulis note: {id: ..., en: ...}",
     "must be a mapping of fields; write note: {id: ..., en: ...}"),
    ("a single value where a list belongs says to write the brackets", replace("region: [banyuwangi]", "region: banyuwangi"),
     MELATI, line_of("region:"), "region", "E-TYPE", "tulis region: [banyuwangi]", "write region: [banyuwangi]"),
    ("date that does not exist", replace('last_reviewed: "2026-11-24"', 'last_reviewed: "2026-02-30"'),
     MELATI, line_of("last_reviewed:"), "last_reviewed", "E-DATE",
     "tanggal '2026-02-30' tidak ada di kalender", "date '2026-02-30' does not exist"),
]


@pytest.mark.parametrize("name,edit,file,line,field,code,msg_id,msg_en", CASES, ids=[c[0] for c in CASES])
def test_error_names_file_line_field_in_both_languages(data, name, edit, file, line, field, code, msg_id, msg_en):
    edit(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    matching = [e for e in info.value.errors if e.code == code and e.file == f"data/{file}"]
    assert matching, info.value.report()
    error = matching[0]
    assert (error.line, error.field) == (line, field), str(error)
    assert msg_id in error.message_id, str(error)
    assert msg_en in error.message_en, str(error)
    assert f"data/{file}:{line}:" in str(error) and f"{msg_id}" in str(error) and f"{msg_en}" in str(error)


SYNTAX_CODES = {"E-SYNTAX", "E-COLON", "E-TAB", "E-QUOTES"}
PARSER_WORDS = ("could not find", "mapping values", "did not find", "while scanning", "while parsing", "found ",
                "expected", "context", "scalar")


@pytest.mark.parametrize("name,edit,file,line", [c[:4] for c in CASES if c[5] in SYNTAX_CODES],
                         ids=[c[0] for c in CASES if c[5] in SYNTAX_CODES])
def test_syntax_errors_speak_without_the_parsers_english(data, name, edit, file, line):
    """A syntax error is one message, on the line of the mistake, in the two languages, saying what
    to write: none of the YAML parser's own (English) words in either."""
    edit(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    (error,) = info.value.errors
    assert error.line == line
    for words in (error.message_id, error.message_en):
        assert not any(w in words for w in PARSER_WORDS), words


def test_every_kind_of_problem_is_reported_in_one_run(data):
    for name, edit, *_ in CASES:
        if name in {"misspelt field gets a suggestion", "misspelt organisation gets a suggestion"}:
            edit(data)
    replace("audience: [purna_pmi, keluarga]", "audience: [purna_pmi, kluarga]", WENAK)(data)
    replace("id: republika-2021-03-10-wenak", "id: republika-2021-03-10-wenak\nurl: ftp://x", SOURCE)(data)
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    found = {(e.file, e.code) for e in info.value.errors}
    assert {("data/programs/melati.yaml", "E-UNKNOWN-FIELD"), ("data/programs/warung-naik-kelas.yaml", "E-ENUM"),
            (f"data/{SOURCE}", "E-LINK")} <= found, info.value.report()
    assert info.value.report().startswith(f"{len(info.value.errors)} kesalahan isi ditemukan / ")
