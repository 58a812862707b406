"""Content cannot deceive a reader: a link text showing a number or domain the link does not go
to, URL shorteners and hosts imitating an official domain are refused (E-LINK-TEXT,
E-SHORT-LINK, E-LOOKALIKE) in every kind of text, naming file, line and field; honest links pass."""
from __future__ import annotations

import pytest

from portal.content.deception import host_problems
from portal.content.errors import ContentInvalid
from portal.content.validator import load_content
from portal.site.strings import load_strings

from conftest import FIXTURE_DATA, copy_fixture_data
from content_edits import LANGS, MELATI, SOURCE, TODAY, append, line_of, replace, write

MELATI_LINES = len((FIXTURE_DATA / MELATI).read_text(encoding="utf-8").splitlines())
PROPOSAL = "proposals/usulan-uji.yaml"


def after(needle: str, file: str = MELATI):
    """The kind of text on the line of ``needle``: ``form`` is written at its end."""
    def edit(form: str):
        def apply(data):
            path = data / file
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            i = next(i for i, line in enumerate(lines) if needle in line)
            lines[i] = f"{lines[i].rstrip()} Lihat {form}.\n"
            path.write_text("".join(lines), encoding="utf-8")
        return apply
    return edit


def contact_note(form: str):
    return append("contacts:\n  - kind: email\n    value: pengaduan@banyuwangikab.go.id\n"
                  f"    sources: [antara-jatim-2021-ipuk-pmi]\n    note:\n      id: Alamat pengaduan. Lihat {form}.\n")


def proposal(form: str):
    def edit(data):
        (data / "proposals").mkdir()
        write(PROPOSAL, f"title: {{id: Usulan uji}}\nsummary:\n  id: Usulan untuk uji. Lihat {form}.\n"
                        "raised_by: {id: Peserta}\nraised_at: {id: Musrenbang}\n"
                        "sources: [zone-2024-12-13-musrenbang]\nlast_reviewed: \"2026-11-24\"\n")(data)
    return edit


KINDS = [
    # (kind, edit(form), file, line, field)
    ("program summary", after("  id: Program pendampingan pendidikan"),
     MELATI, line_of("  id: Program pendampingan pendidikan"), "summary.id"),
    ("program summary in English", after("  en: Education support"), MELATI, line_of("  en: Education support"),
     "summary.en"),
    ("program description", after("    Pada 2021 program ini"), MELATI, line_of("description:") + 1, "description.id"),
    ("program step", after("  - id: Tanyakan ke Pemkab"), MELATI, line_of("  - id: Tanyakan ke Pemkab"), "steps[0].id"),
    ("who decides", after("    id: Belum ada syarat"), MELATI, line_of("    id: Belum ada syarat"),
     "eligibility.decided_by.id"),
    ("contact note", contact_note, MELATI, MELATI_LINES + 6, "contacts[0].note.id"),
    ("procedure step", after("      id: Pendaftaran dan", "procedures/jalur-resmi.yaml"), "procedures/jalur-resmi.yaml",
     line_of("      id: Pendaftaran dan", "procedures/jalur-resmi.yaml"), "steps[0].body.id"),
    ("organisation", after("  id: Pemerintah daerah", "organizations/pemkab-banyuwangi.yaml"),
     "organizations/pemkab-banyuwangi.yaml", line_of("  id: Pemerintah daerah", "organizations/pemkab-banyuwangi.yaml"),
     "description.id"),
    ("glossary", after("  id: Warga negara", "glossary/pmi.yaml"), "glossary/pmi.yaml",
     line_of("  id: Warga negara", "glossary/pmi.yaml"), "definition.id"),
    ("source note", after("  id: Paparan Bupati", "sources/antara-jatim-2021-ipuk-pmi.yaml"),
     "sources/antara-jatim-2021-ipuk-pmi.yaml", line_of("  id: Paparan Bupati", "sources/antara-jatim-2021-ipuk-pmi.yaml"),
     "note.id"),
    ("question", after("    id: Apa situasi Anda", "questions.yaml"), "questions.yaml",
     line_of("    id: Apa situasi Anda", "questions.yaml"), "[0].text.id"),
    ("proposal", proposal, PROPOSAL, 3, "summary.id"),
]

FORMS = [
    # (form, code, Indonesian part, English part)
    ("Hubungi [0800-1000](https://bit.ly/kp2mi-bantuan)", "E-LINK-TEXT",
     "teks tautan memuat nomor telepon '08001000', tetapi tautannya ke 'bit.ly'",
     "the link text holds the phone number '08001000' but the link goes to 'bit.ly'"),
    ("Hubungi [0800-1000](https://bit.ly/kp2mi-bantuan)", "E-SHORT-LINK",
     "'bit.ly' adalah penyingkat tautan", "'bit.ly' is a link shortener"),
    ("[0800-1000](tel:0811111111)", "E-LINK-TEXT", "nomor telepon '08001000', tetapi tautannya ke 'tel:0811111111'",
     "phone number '08001000' but the link goes to 'tel:0811111111'"),
    ("[kp2mi.go.id](https://kp2mi-go.id.example.com/daftar)", "E-LINK-TEXT",
     "teks tautan menunjukkan alamat 'kp2mi.go.id', tetapi tautannya ke 'kp2mi-go.id.example.com'",
     "the link text shows the address 'kp2mi.go.id' but the link goes to 'kp2mi-go.id.example.com'"),
    ("[kp2mi.go.id](https://kp2mi-go.id.example.com/daftar)", "E-LOOKALIKE",
     "'kp2mi-go.id.example.com' meniru alamat resmi 'kp2mi.go.id'",
     "'kp2mi-go.id.example.com' imitates the official address 'kp2mi.go.id'"),
    ("[https://kp2mi.go.id/daftar](https://example.com/daftar)", "E-LINK-TEXT",
     "menunjukkan alamat 'kp2mi.go.id', tetapi tautannya ke 'example.com'",
     "shows the address 'kp2mi.go.id' but the link goes to 'example.com'"),
    ("[kp2mi.go.id](../../prosedur/jalur-resmi/)", "E-LINK-TEXT",
     "menunjukkan alamat 'kp2mi.go.id', tetapi tautannya ke '../../prosedur/jalur-resmi/'",
     "shows the address 'kp2mi.go.id' but the link goes to '../../prosedur/jalur-resmi/'"),
    ("[formulir](https://s.id/daftar-kp2mi)", "E-SHORT-LINK", "'s.id' adalah penyingkat tautan",
     "'s.id' is a link shortener"),
    ("[formulir](https://bit%2Ely/daftar)", "E-SHORT-LINK", "'bit.ly' adalah penyingkat", "'bit.ly' is a link shortener"),
    ("[situs resmi](https://kp2mi.go.id.example.com)", "E-LOOKALIKE",
     "'kp2mi.go.id.example.com' meniru alamat resmi 'kp2mi.go.id'",
     "'kp2mi.go.id.example.com' imitates the official address 'kp2mi.go.id'"),
    ("[situs resmi](https://kp2mi-go-id.com)", "E-LOOKALIKE", "'kp2mi-go-id.com' meniru alamat resmi 'kp2mi.go.id'",
     "'kp2mi-go-id.com' imitates the official address 'kp2mi.go.id'"),
    ("[masuk](https://bp2mi.go.id-login.com)", "E-LOOKALIKE", "'bp2mi.go.id-login.com' meniru alamat resmi 'bp2mi.go.id'",
     "'bp2mi.go.id-login.com' imitates the official address 'bp2mi.go.id'"),
    ("[bantuan](https://kp2mi-bantuan.com)", "E-LOOKALIKE", "'kp2mi-bantuan.com' meniru alamat resmi 'kp2mi.go.id'",
     "'kp2mi-bantuan.com' imitates the official address 'kp2mi.go.id'"),
    ("[layanan](https://go-id.com)", "E-LOOKALIKE", "'go-id.com' meniru alamat resmi 'go.id'",
     "'go-id.com' imitates the official address 'go.id'"),
    ("[Labour Department](https://fdh-labour-gov-hk.com)", "E-LOOKALIKE",
     "'fdh-labour-gov-hk.com' meniru alamat resmi 'gov.hk'", "'fdh-labour-gov-hk.com' imitates the official address 'gov.hk'"),
    ("[situs resmi](https://kp2mi.go.id@example.com)", "E-LOOKALIKE",
     "tautan ke 'example.com' menyamar dengan nama di depan '@'",
     "the link to 'example.com' disguises itself with a name before '@'"),
    ("formulir di bit.ly/daftar-kp2mi", "E-SHORT-LINK", "'bit.ly' adalah penyingkat tautan", "'bit.ly' is a link shortener"),
    ("situs kp2mi-go.id", "E-LOOKALIKE", "'kp2mi-go.id' meniru alamat resmi 'kp2mi.go.id'",
     "'kp2mi-go.id' imitates the official address 'kp2mi.go.id'"),
]

HONEST = [
    "[situs resmi KP2MI](https://kp2mi.go.id)",
    "<https://kp2mi.go.id>",
    "<pengaduan@kp2mi.go.id>",
    "[kp2mi.go.id](https://kp2mi.go.id/berita)",
    "[kp2mi.go.id](https://www.kp2mi.go.id)",
    "[www.kp2mi.go.id](https://kp2mi.go.id)",
    "[Jendela PMI](https://jendela.bp2mi.go.id)",
    "[www.fdh.labour.gov.hk](https://www.fdh.labour.gov.hk)",
    "[situs Pemkab Banyuwangi](https://banyuwangikab.go.id) dan [berita](http://banyuwangi.zone.co.id)",
    "Rp 5.000.000 s.d. 10 juta, dll. (lihat U.S.A. dan No.9)",
]


def errors_of(data) -> list:
    with pytest.raises(ContentInvalid) as info:
        load_content(data, LANGS, today=TODAY, root=data.parent)
    return info.value.errors


def assert_located(errors, file, line, field, code, msg_id, msg_en) -> None:
    """One of ``errors`` is ``code`` at file:line field, saying ``msg_id`` / ``msg_en``."""
    located = [e for e in errors if (e.file, e.line, e.field, e.code) == (f"data/{file}", line, field, code)]
    assert any(msg_id in e.message_id and msg_en in e.message_en for e in located), "\n".join(map(str, errors))
    assert any(str(e).startswith(f"data/{file}:{line}: {field} [{code}] ") for e in located)


@pytest.mark.parametrize("form,code,msg_id,msg_en", FORMS, ids=[f"{f[1]} {f[0]}" for f in FORMS])
@pytest.mark.parametrize("kind,edit,file,line,field", KINDS, ids=[k[0] for k in KINDS])
def test_deceptive_link_is_refused_in_every_kind_of_text(data, kind, edit, file, line, field, form, code, msg_id, msg_en):
    edit(form)(data)
    assert_located(errors_of(data), file, line, field, code, msg_id, msg_en)


@pytest.mark.parametrize("kind,edit,file,line,field", KINDS, ids=[k[0] for k in KINDS])
def test_honest_links_pass_in_every_kind_of_text(data, kind, edit, file, line, field):
    edit(", ".join(HONEST))(data)
    load_content(data, LANGS, today=TODAY, root=data.parent)


@pytest.mark.parametrize("form", HONEST)
def test_honest_link_passes(data, form):
    KINDS[0][1](form)(data)
    load_content(data, LANGS, today=TODAY, root=data.parent)


def test_a_number_may_be_the_text_of_a_tel_link_to_it(data):
    after("  id: Program pendampingan pendidikan")("[0800-1000](tel:+628001000)")(data)
    append("contacts:\n  - kind: phone\n    value: 0800-1000\n    sources: [antara-jatim-2021-ipuk-pmi]\n"
           "    note: {id: Call centre resmi}\n")(data)
    load_content(data, LANGS, today=TODAY, root=data.parent)


SOURCE_URL = line_of("publisher: Republika", SOURCE) + 1


def source_url(url: str, title: str = "Warung Naik Kelas"):
    return (replace('title: "Warung Naik Kelas', f'title: "{title}', SOURCE),
            replace("publisher: Republika", f"publisher: Republika\nurl: {url}", SOURCE))


def contact(value: str, kind: str = "web"):
    return (append(f"contacts:\n  - kind: {kind}\n    value: {value}\n    sources: [antara-jatim-2021-ipuk-pmi]\n"),)


LINKS = [
    # (name, edits, file, line, field, code, Indonesian part, English part)
    ("source through a shortener", source_url("https://bit.ly/wenak"), SOURCE, SOURCE_URL, "url", "E-SHORT-LINK",
     "'bit.ly' adalah penyingkat tautan", "'bit.ly' is a link shortener"),
    ("source title showing another domain", source_url("https://example.com/berita", "kp2mi.go.id: Warung Naik Kelas"),
     SOURCE, SOURCE_URL, "url", "E-LINK-TEXT", "menunjukkan alamat 'kp2mi.go.id', tetapi tautannya ke 'example.com'",
     "shows the address 'kp2mi.go.id' but the link goes to 'example.com'"),
    ("web contact through a shortener", contact("https://s.id/kp2mi"), MELATI, MELATI_LINES + 3, "contacts[0].value",
     "E-SHORT-LINK", "'s.id' adalah penyingkat tautan", "'s.id' is a link shortener"),
    ("web contact hiding its host", contact("https://kp2mi.go.id@example.com"), MELATI, MELATI_LINES + 3,
     "contacts[0].value", "E-LOOKALIKE", "tautan ke 'example.com' menyamar dengan nama di depan '@'",
     "the link to 'example.com' disguises itself with a name before '@'"),
    ("email contact at a lookalike domain", contact("pengaduan@kp2mi-go.id", "email"), MELATI, MELATI_LINES + 3,
     "contacts[0].value", "E-LOOKALIKE", "'kp2mi-go.id' meniru alamat resmi 'kp2mi.go.id'",
     "'kp2mi-go.id' imitates the official address 'kp2mi.go.id'"),
]


@pytest.mark.parametrize("name,edits,file,line,field,code,msg_id,msg_en", LINKS, ids=[c[0] for c in LINKS])
def test_deceptive_source_or_contact_is_refused(data, name, edits, file, line, field, code, msg_id, msg_en):
    for edit in edits:
        edit(data)
    assert_located(errors_of(data), file, line, field, code, msg_id, msg_en)


def test_honest_source_and_contact_pass(data):
    for edit in source_url("https://www.kp2mi.go.id/berita", "Berita di kp2mi.go.id"):
        edit(data)
    append("contacts:\n  - kind: web\n    value: https://www.kp2mi.go.id\n    sources: [antara-jatim-2021-ipuk-pmi]\n"
           "  - kind: email\n    value: pengaduan@kp2mi.go.id\n    sources: [antara-jatim-2021-ipuk-pmi]\n")(data)
    load_content(data, LANGS, today=TODAY, root=data.parent)


def test_interface_text_with_a_shortener_is_refused(tmp_path):
    data = copy_fixture_data(tmp_path / "data", ui=True)
    text = "untranslated: Belum diterjemahkan, lihat s.id/terjemahan"
    replace("untranslated: Belum diterjemahkan", text, "ui/id.yaml")(data)
    with pytest.raises(ContentInvalid) as info:
        load_strings(data / "ui", LANGS, root=data.parent)
    line = (data / "ui/id.yaml").read_text(encoding="utf-8").splitlines().index(text) + 1
    assert_located(info.value.errors, "ui/id.yaml", line, "untranslated", "E-SHORT-LINK",
                   "'s.id' adalah penyingkat tautan", "'s.id' is a link shortener")


@pytest.mark.parametrize("host,official", [
    ("kp2mi.go.id.example.com", "kp2mi.go.id"), ("kp2mi-go.id.example.com", "kp2mi.go.id"),
    ("kp2mi-go-id.com", "kp2mi.go.id"), ("kp2migoid.com", "kp2mi.go.id"), ("bp2mi.go.id-login.com", "bp2mi.go.id"),
    ("loginbp2mi.net", "bp2mi.go.id"), ("kemlu-go-id.org", "kemlu.go.id"), ("go-id.com", "go.id"), ("goid.com", "go.id"),
    ("layanan.go.id.co", "go.id"), ("mohr.gov.my.example.net", "gov.my"), ("eps-go-kr.com", "go.kr"),
    ("wda-gov-tw.net", "gov.tw"), ("gov-sg.help", "gov.sg"),
])
def test_lookalike_host(host, official):
    [problem] = host_problems(host)
    assert problem.code == "E-LOOKALIKE" and f"'{host}' meniru alamat resmi '{official}' " in problem.message_id


@pytest.mark.parametrize("host", [
    "kp2mi.go.id", "www.kp2mi.go.id", "jendela.bp2mi.go.id", "kemlu.go.id", "banyuwangikab.go.id",
    "www.fdh.labour.gov.hk", "www.hikorea.go.kr", "www.mom.gov.sg", "banyuwangi.zone.co.id", "pergo.id",
    "mongoid.org", "id.wikipedia.org", "gojek.com", "government.id", "example.com",
])
def test_honest_host(host):
    assert host_problems(host) == []
