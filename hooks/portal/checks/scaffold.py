"""``portal.py new program <slug>``: a new program file with every field, explained in comments.

Its texts start with ``GANTI:`` / ``REPLACE:`` and its example choices carry a ``# GANTI``
comment: the validator refuses the file (``E-PLACEHOLDER``) until each is replaced, so an
unfinished program is never published. Everything else in it is valid as written.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from portal.content.errors import ContentError

PROGRAM = """\
# yaml-language-server: $schema=../../schema/program.schema.json
# Program baru / new program: {slug}
# Alamat halaman / page URL: /program/{slug}/ (nama berkas = slug / file name = slug).
# Setiap teks punya 'id' (wajib) dan 'en'. Ganti teks 'GANTI:' / 'REPLACE:' dengan isi sebenarnya,
# dan periksa setiap pilihan yang diberi komentar GANTI, lalu hapus komentarnya. Panduan: CONTRIBUTING.md.
# Every text has 'id' (required) and 'en'. Replace 'GANTI:' / 'REPLACE:' texts with the real content,
# check every choice with a GANTI comment, then delete the comment. Guide: CONTRIBUTING.md.
# Jangan mengarang nomor telepon, alamat, biaya atau tenggat. / Never invent phones, addresses, fees or deadlines.

# Judul program / program title
title:
  id: "GANTI: nama program"
  en: "REPLACE: programme name"

# Satu kalimat: apa ini dan untuk siapa / one sentence: what it is and for whom
summary:
  id: "GANTI: ringkasan satu kalimat"
  en: "REPLACE: one-sentence summary"

# Untuk siapa / audience: calon_pmi, pmi, purna_pmi, keluarga, anak_pmi
audience: [purna_pmi]  # GANTI: pilih / REPLACE: choose

# Wilayah / region: banyuwangi, jember, jawa_timur, nasional, luar_negeri
region: [banyuwangi]  # GANTI: pilih / REPLACE: choose
# Jenis / kind: placement jika program ini menempatkan pekerja ke luar negeri (aturan di data/policy.yaml
# berlaku, mis. umur paling sedikit 18 tahun); null untuk program lain.
# placement if this programme places workers abroad (the rules in data/policy.yaml apply, e.g. age 18 or
# over); null for other programmes.
kind: null  # GANTI: pilih / REPLACE: choose

status:
  # active (berjalan), announced (diumumkan), planned (direncanakan), ended (berakhir)
  value: announced  # GANTI: pilih / REPLACE: choose
  # Tanggal sumber terbaru yang menyatakan status ini (wajib): YYYY, YYYY-MM atau YYYY-MM-DD, mis. "2025-08"
  # Date of the latest source confirming this status (required): YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2025-08"
  as_of: null  # GANTI: tanggal sumber / REPLACE: the source's date
  # ID sumber dari data/sources/ / source ids from data/sources/
  sources: [{source}]  # GANTI: sumber yang benar / REPLACE: the right source

# Apa ini (Markdown, boleh beberapa paragraf) / what it is (Markdown, may be several paragraphs)
description:
  id: |
    GANTI: jelaskan program ini menurut sumbernya, mis. "Menurut ... (2024), ...".
  en: |
    REPLACE: describe the programme as the source does, e.g. "According to ... (2024), ...".

# Yang didapat / what you get. Contoh / example:
#   - id: Pelatihan usaha gratis
#     en: Free business training
benefits: []

eligibility:
  # true jika sumber menyebut syaratnya; lalu isi 'rule' (lihat data/questions.yaml)
  # true when a source states the criteria; then fill in 'rule' (see data/questions.yaml), e.g.
  #   rule:
  #     all:
  #       - question: situasi
  #         equals: purna_pmi
  #         reason: {{id: Anda purna PMI, en: You are a returnee}}
  #         sources: [{source}]
  #   unchecked: []   # syarat dari sumber yang tidak ditanyakan 'rule' / published criteria 'rule' does not ask
  # lalu tambahkan kasus di 'cases' di bawah / then add cases under 'cases' below
  criteria_published: false
  # Jika syarat tidak diumumkan: siapa yang memutuskan / when not published: who decides
  decided_by:
    id: "GANTI: siapa yang memutuskan penerima, mis. dinas terkait"
    en: "REPLACE: who decides, e.g. the regency office concerned"

# Kasus kelayakan program ini (jika syarat diumumkan: paling sedikit satu 'likely' dan satu 'not';
# kasus tentang beberapa program: data/cases/) / this programme's eligibility cases (criteria
# published: at least a 'likely' and a 'not' one). Contoh / example:
#   - name: purna PMI di Banyuwangi
#     answers: {{situasi: purna_pmi, kabupaten: banyuwangi}}
#     expect: likely
cases: []

# Cara mendaftar, berurutan / how to apply, in order. Contoh / example:
#   - id: Datang ke kantor desa
#     en: Go to your village office
steps: []

# Dokumen yang perlu dibawa / documents to bring. Contoh / example:
#   - id: KTP
#     en: Identity card (KTP)
documents: []

# Ke mana: nama berkas di data/organizations/ tanpa .yaml / where: file names in data/organizations/
#   where: [pemkab-banyuwangi]
where: []

# Kontak yang disebut sumber / contacts a source gives. Contoh / example:
#   - kind: phone          # phone, email, web, address
#     value: "..."
#     note:                # wajib untuk telepon: untuk apa, dari mana / required for a phone: what for, from where
#       id: ...
#       en: ...
#     sources: [{source}]
contacts: []

# Peringatan penting, mis. tentang calo / important warnings, e.g. about illegal recruiters
warnings: []

# Sumber untuk halaman ini / sources for this page (data/sources/)
sources: [{source}]  # GANTI: sumber yang benar / REPLACE: the right source

# Tanggal terakhir isi dicek terhadap sumber (YYYY-MM-DD) / date the content was last checked
last_reviewed: "{today}"

# Slug lama yang tetap dialihkan ke sini (jika halaman diganti nama)
# Old slugs that keep redirecting here (when the page was renamed)
old_slugs: []

# Di buku saku A6? true: ringkasan, untuk siapa, status dan ke mana masuk buku saku (CONTRIBUTING.md)
# In the A6 pocket guide? true: summary, for whom, status and where to go go into the guide
pocket: false
"""


def is_left_to_fill(error: ContentError) -> bool:
    """True for the errors a new file has until staff replace its placeholders."""
    return error.code == "E-PLACEHOLDER" or (error.code == "E-MISSING" and error.field == "status.as_of")


def program_yaml(slug: str, source_id: str, today: dt.date) -> str:
    """The text of a new program file."""
    return PROGRAM.format(slug=slug, source=source_id, today=today.isoformat())


def new_program(data_dir: Path, slug: str, source_id: str, today: dt.date) -> Path:
    """Write ``data/programs/<slug>.yaml``; refuses to overwrite."""
    path = data_dir / "programs" / f"{slug}.yaml"
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(program_yaml(slug, source_id, today), encoding="utf-8")
    return path
