"""Links and addresses that deceive a reader (scammers pose as KP2MI, its numbers and its sites).

- ``E-LINK-TEXT``: a link's text shows a phone number or a domain the link does not go to. A
  number is allowed only on a ``tel:`` link to it; a domain (or address) only on a link to that
  host or one under it, ``www.`` aside (``kp2mi.go.id`` → ``https://www.kp2mi.go.id/x``);
- ``E-SHORT-LINK``: a host that is a URL shortener (:data:`SHORTENERS`), or under one;
- ``E-LOOKALIKE``: a host that imitates an official domain (:data:`OFFICIAL`) without being
  under any of them: its labels in a row (``kp2mi.go.id.example.com``, ``kp2mi-go-id.com``,
  ``-`` counts as ``.``), run together as one label (``goid.com``) or, for an office, its name
  inside any label (``kp2mi-bantuan.com``, ``loginbp2mi.net``); or a link with ``name@`` before
  its host (``https://kp2mi.go.id@example.com`` goes to example.com).

Hosts are checked in every link target and in every address written in any string of a file.
"""
from __future__ import annotations

import re
from typing import Iterator
from urllib.parse import unquote, urlsplit

from portal.content import markup
from portal.content.errors import ContentError
from portal.content.loader import Document, dotted, strings
from portal.content.markup import Problem
from portal.content.policy import canonical_phone, phone_numbers

SHORTENERS = ("bit.ly", "bitly.com", "bit.do", "tinyurl.com", "s.id", "t.co", "goo.gl", "ow.ly", "is.gd",
              "v.gd", "cutt.ly", "rebrand.ly", "shorturl.at", "rb.gy", "t.ly", "lnkd.in", "buff.ly", "tiny.cc",
              "short.io", "linktr.ee")
OFFICIAL = ("kp2mi.go.id", "bp2mi.go.id", "bnp2tki.go.id", "kemlu.go.id",
            "go.id", "gov.hk", "gov.tw", "gov.my", "gov.sg", "go.kr", "go.jp", "gov.sa", "gov.ae", "gov.qa",
            "gov.kw", "gov.om", "gov.bn")
"""Offices first (their name, the first label, is theirs alone), then the governments' suffixes."""
TLD = "[a-z]{2}|com|net|org|info|biz|gov|edu|xyz|top|site|online|app|link|shop|help|asia|pro|club|live|icu|vip"
"""What a domain written in a text ends with (a country's two letters or a common generic name), so
that "KP2MI.Silakan" (a missing space) is no domain; a link's own host may end with anything."""
ADDRESS = re.compile(rf"(?<![\w.@/-])(?:[a-z][a-z0-9+.-]*://)?(?:[^\s/@()<>\[\]]+@)?"
                     rf"((?:[a-z0-9-]+\.)+(?:{TLD}))(?!\.?[\w@-])", re.I)
"""A domain, alone, in an address or after an ``@``: group 1 (a path's ``x.html`` is not one)."""


def addresses(doc: Document) -> list[ContentError]:
    """The shorteners and lookalike hosts written anywhere in ``doc``'s strings."""
    return [ContentError(doc.file, doc.line(path), dotted(path), p.code, p.message_id, p.message_en)
            for path, value in strings(doc.data) for host in domains(value) for p in host_problems(host)]


def problems(text: str) -> list[Problem]:
    """What deceives in the links of the Markdown ``text``."""
    out = []
    for label, href in markup.links(text):
        numbers = phone_numbers(label)
        if numbers and not (href[:4].lower() == "tel:" and numbers == {canonical_phone(href[4:])}):
            out.append(Problem("E-LINK-TEXT", f"teks tautan memuat nomor telepon '{min(numbers)}', tetapi tautannya "
                               f"ke '{_where(href)}'; tulis teks tautan sebagai kata-kata, dan nomornya di 'contacts' "
                               "(kind: phone) dengan sumbernya",
                               f"the link text holds the phone number '{min(numbers)}' but the link goes to "
                               f"'{_where(href)}'; write the link text as words, and the number in 'contacts' "
                               "(kind: phone) with its sources"))
        out += link_problems(label, href)
    return list(dict.fromkeys(out))


def link_problems(label: str, href: str) -> list[Problem]:
    """What deceives in a link showing ``label`` and going to ``href``: a domain shown that it does
    not go to, a shortener, a lookalike or hidden host."""
    host = _host(href)
    out = [Problem("E-LINK-TEXT", f"teks tautan menunjukkan alamat '{shown}', tetapi tautannya ke '{_where(href)}'; "
                   "pembaca bisa tertipu. Tulis teks tautan sebagai kata-kata, mis. "
                   "[situs resmi KP2MI](https://kp2mi.go.id)",
                   f"the link text shows the address '{shown}' but the link goes to '{_where(href)}'; readers "
                   "could be deceived. Write the link text as words, e.g. [KP2MI's official site](https://kp2mi.go.id)")
           for shown in domains(label) if not (host and _under(host, shown.removeprefix("www.")))]
    if host and urlsplit(href).username is not None:
        out.append(Problem("E-LOOKALIKE", f"tautan ke '{host}' menyamar dengan nama di depan '@'; tulis alamat "
                           f"situs tujuan saja, mis. https://{host}",
                           f"the link to '{host}' disguises itself with a name before '@'; write the address "
                           f"of the site alone, e.g. https://{host}"))
    return out + (host_problems(host) if host else [])


def host_problems(host: str) -> list[Problem]:
    """A shortener or a host imitating an official domain."""
    if any(_under(host, s) for s in SHORTENERS):
        return [Problem("E-SHORT-LINK", f"'{host}' adalah penyingkat tautan: pembaca tidak bisa melihat ke mana "
                        "tautan itu pergi. Tulis alamat lengkap situs tujuannya",
                        f"'{host}' is a link shortener: readers cannot see where the link goes. Write the full "
                        "address of the site it leads to")]
    official = _imitated(host)
    return [Problem("E-LOOKALIKE", f"'{host}' meniru alamat resmi '{official}' tetapi bukan bagian darinya "
                    f"(alamat resmi adalah {official} atau berakhiran .{official}); tautkan hanya ke situs resmi, "
                    "mis. https://kp2mi.go.id",
                    f"'{host}' imitates the official address '{official}' but is not part of it (official "
                    f"addresses are {official} or end in .{official}); link only to the official site, "
                    "e.g. https://kp2mi.go.id")] if official else []


def domains(text: str) -> Iterator[str]:
    """The domains written in ``text``, lower case."""
    return (m.group(1).lower() for m in ADDRESS.finditer(text))


def _imitated(host: str) -> str | None:
    """The official domain ``host`` imitates, or None."""
    if any(_under(host, o) for o in OFFICIAL):
        return None
    words = re.split(r"[.-]", host)
    for official in OFFICIAL:
        parts = official.split(".")
        if (any(words[i:i + len(parts)] == parts for i in range(len(words))) or "".join(parts) in words
                or len(parts) > 2 and any(parts[0] in word for word in words)):
            return official
    return None


def _host(href: str) -> str | None:
    """The host a link goes to (a mail address's domain), lower case; None for tel: and relative links."""
    scheme, _, rest = href.partition(":")
    if scheme.lower() == "mailto":
        return unquote(rest.split("?")[0]).rpartition("@")[2].lower() or None
    try:
        host = urlsplit(href).hostname if scheme.lower() in ("http", "https") else None
    except ValueError:
        return None
    return unquote(host).lower().rstrip(".") if host else None


def _under(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _where(href: str) -> str:
    return _host(href) or href
