"""What the page offers: the leaflets in the config's folders, its layouts and clinic.

In: a :class:`~pdfbuilder.web.config.WebConfig`. Out: a :class:`Catalogue` of leaflets (each
with its versions in several languages, linked by the content's ``translation.of``), the
layouts by id and the clinic profile, all loaded through the public API, plus a search over
titles and topics. Requests name leaflets, versions and layouts by id only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .config import WebConfig
from .core import Clinic, Handout, HandoutError, Layout, load_clinic, load_handout, load_layout

#: Names staff see for common language tags (in the language itself, then in English).
LANGUAGE_NAMES = {
    "ar": ("العربية", "Arabic"),
    "bn": ("বাংলা", "Bengali"),
    "cy": ("Cymraeg", "Welsh"),
    "de": ("Deutsch", "German"),
    "en": ("English", "English"),
    "es": ("Español", "Spanish"),
    "fa": ("فارسی", "Persian"),
    "fr": ("Français", "French"),
    "hi": ("हिन्दी", "Hindi"),
    "it": ("Italiano", "Italian"),
    "pa": ("ਪੰਜਾਬੀ", "Punjabi"),
    "pl": ("Polski", "Polish"),
    "pt": ("Português", "Portuguese"),
    "ro": ("Română", "Romanian"),
    "so": ("Soomaali", "Somali"),
    "tr": ("Türkçe", "Turkish"),
    "uk": ("Українська", "Ukrainian"),
    "ur": ("اردو", "Urdu"),
    "vi": ("Tiếng Việt", "Vietnamese"),
    "zh": ("中文", "Chinese"),
}
_RTL = {"ar", "fa", "he", "ur"}


def language_label(tag: str) -> tuple[str, str]:
    """(name in the language itself, name in English) for a language tag."""
    return LANGUAGE_NAMES.get(tag.split("-")[0].lower(), (tag, tag))


@dataclass(frozen=True)
class Version:
    """One language of a leaflet: a handout file's content."""

    id: str
    language: str
    handout: Handout

    @property
    def native_name(self) -> str:
        return language_label(self.language)[0]

    @property
    def english_name(self) -> str:
        return language_label(self.language)[1]

    @property
    def rtl(self) -> bool:
        return self.language.split("-")[0].lower() in _RTL


@dataclass(frozen=True)
class Leaflet:
    """A leaflet and its versions; the first version is the original."""

    id: str
    versions: tuple[Version, ...]
    words: frozenset[str]
    title_words: frozenset[str]

    @property
    def original(self) -> Handout:
        return self.versions[0].handout

    def version(self, language: str | None) -> Version | None:
        """The version in ``language`` (the original when None), or None."""
        if language is None:
            return self.versions[0]
        return next((v for v in self.versions if v.language == language), None)


@dataclass(frozen=True)
class LayoutChoice:
    """A layout the page offers, by id."""

    id: str
    ref: str
    layout: Layout

    @property
    def label(self) -> str:
        return self.layout.name.replace("-", " ").capitalize()


@dataclass(frozen=True)
class Catalogue:
    """Everything a request can reach, by id."""

    leaflets: tuple[Leaflet, ...]
    layouts: tuple[LayoutChoice, ...]
    clinic: Clinic | None
    default_layout: str
    paper: str
    qr: bool

    def leaflet(self, ident: str) -> Leaflet | None:
        """The leaflet with this id, or whose version has this id."""
        for leaflet in self.leaflets:
            if leaflet.id == ident or any(v.id == ident for v in leaflet.versions):
                return leaflet
        return None

    def layout(self, ident: str) -> LayoutChoice | None:
        return next((c for c in self.layouts if c.id == ident), None)

    def search(self, query: str) -> list[Leaflet]:
        """Leaflets whose words start with every word of ``query``; title matches first."""
        terms = _words(query)
        if not terms:
            return list(self.leaflets)
        found = [lf for lf in self.leaflets if all(_has(lf.words, t) for t in terms)]
        return sorted(found, key=lambda lf: not all(_has(lf.title_words, t) for t in terms))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", _fold(text))


def _has(words: frozenset[str], term: str) -> bool:
    return any(w.startswith(term) for w in words)


def _topic_text(h: Handout) -> list[str]:
    """Every word a reader could look for: title, headings, points, body, exercises."""
    parts = [h.title, h.subtitle or "", h.purpose, h.id.replace("-", " "), *h.key_takeaways]
    for section in h.sections:
        parts.append(section.heading)
        for block in section.body:  # a Paragraph has .text, a Bullets list .bullets
            parts += [getattr(block, "text", ""), *list(getattr(block, "bullets", ()))]
    parts += [h.exercises_intro or "", *(e.name for e in h.exercises)]
    if h.exercises:
        parts.append("exercises")
    return parts


def config_roots(config: WebConfig) -> tuple[str, ...]:
    """The folders the config names (and its own): files named inside the handouts, layouts
    and clinic it offers (images, logos, ``extends:``) may lie under any of them."""
    folders = list(config.handouts)
    config_file = Path(config.file)
    if config_file.is_file():
        folders.append(str(config_file.resolve().parent))
    folders += [str(Path(ref).parent) for ref in config.layouts if Path(ref).suffix]
    if config.clinic:
        folders.append(str(Path(config.clinic).parent))
    return tuple(dict.fromkeys(f for f in folders if Path(f).is_dir()))


def _read_folder(folder: str, roots: tuple[str, ...]) -> list[Handout]:
    files = sorted(Path(folder).glob("*.yaml")) + sorted(Path(folder).glob("*.yml"))
    return [load_handout(f, root=roots) for f in files]


def _group(handouts: list[Handout]) -> tuple[Leaflet, ...]:
    ids = {h.id for h in handouts}
    groups: dict[str, list[Handout]] = {}
    for h in handouts:
        key = h.translation.of if h.translation and h.translation.of in ids else h.id
        groups.setdefault(key, []).append(h)
    leaflets = []
    for key, members in groups.items():
        members.sort(key=lambda h: (h.id != key, h.language))
        versions = tuple(Version(h.id, h.language, h) for h in members)
        texts = [n for v in versions for n in language_label(v.language)]  # "Spanish" finds it
        texts += [t for h in members for t in _topic_text(h)]
        words = frozenset(w for text in texts for w in _words(text))
        titles = frozenset(w for h in members for w in _words(h.title))
        leaflets.append(Leaflet(key, versions, words, titles))
    return tuple(sorted(leaflets, key=lambda lf: _fold(lf.original.title)))


def load_catalogue(config: WebConfig) -> Catalogue:
    """Load every handout, layout and the clinic the config names (a HandoutError if one
    is wrong: the page does not start with a broken leaflet)."""
    roots = config_roots(config)
    handouts = [h for folder in config.handouts for h in _read_folder(folder, roots)]
    if not handouts:
        raise HandoutError(
            "the handout folders hold no .yaml handouts; check handouts:", file=config.file
        )
    seen: dict[str, str] = {}
    for h in handouts:
        where = h.origin.file if h.origin else h.id
        if h.id in seen:
            raise HandoutError(
                f'handout id "{h.id}" is used twice ({seen[h.id]} and {where}); '
                "give each handout its own id",
                file=config.file,
            )
        seen[h.id] = where
    layouts: list[LayoutChoice] = []
    for ref in config.layouts:
        layout = load_layout(ref, root=roots)
        if any(c.id == layout.name for c in layouts):
            raise HandoutError(
                f'two layouts are called "{layout.name}"; give each its own name',
                file=config.file,
            )
        layouts.append(LayoutChoice(layout.name, ref, layout))
    default = load_layout(config.layout_default(), root=roots).name
    clinic = load_clinic(config.clinic, root=roots) if config.clinic else None
    return Catalogue(_group(handouts), tuple(layouts), clinic, default, config.paper, config.qr)
