"""Stage 1, read: YAML text to plain data, with the source position of every value.

In: the text of a YAML file and the name to report it under.
Out: a :class:`Source` holding plain data (dicts, lists, str, int, float, bool, None, dates)
and a map from field path to ``(line, column)``, so later stages can say where a problem is.

Loading is safe and strict: values are read as written (:mod:`~pdfbuilder.source.scalars`:
``0112`` stays text, ``1:30`` is not 90, dates must exist), tags other than ``!!str`` are
refused, duplicate keys are refused, control and bidirectional-override characters are
refused at their line and column, and a document whose aliases expand to more values or
characters than any real handout needs (an "alias bomb") is refused. Files are read through
:func:`~pdfbuilder.source.files.read_confined` (regular files only, size-capped).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

from ..errors import FieldPath, HandoutError
from . import files
from .files import Roots
from .scalars import ScalarProblem, bad_character, character_message, line_and_column, plain_scalar

try:  # libyaml is ten times faster; the pure-Python loader gives the same result.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
#: The tag given to unquoted scalars, which :func:`~.scalars.plain_scalar` reads.
_PLAIN = "tag:pdfbuilder,plain"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _StrictLoader(_Loader):  # type: ignore[misc, valid-type]
    """The safe loader with YAML 1.1's guessing switched off: an unquoted scalar gets the
    tag :data:`_PLAIN` (read by our own rules), a quoted one is text."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]


#: Far more values than any handout has; a document that expands past this is refused.
MAX_VALUES = 50_000
#: Far more characters than any handout has, counted after aliases are expanded.
MAX_CHARACTERS = 2_000_000
#: Deeper nesting than this is never content; it is refused before Python's recursion limit.
MAX_DEPTH = 60

Position = tuple[int, int]
T = TypeVar("T")


@dataclass
class Source:
    """Plain data read from one YAML file, with positions for error messages."""

    data: Any
    file: str
    positions: dict[FieldPath, Position] = field(default_factory=dict)
    key_positions: dict[FieldPath, Position] = field(default_factory=dict)
    #: For data merged from several files (layouts that extend others): the file of each path.
    files: dict[FieldPath, str] = field(default_factory=dict)
    #: The text of every unquoted value as written (``0112``, ``1.10``), by path.
    texts: dict[FieldPath, str] = field(default_factory=dict)
    #: Folders, beyond this file's own, where files it names may lie (``--root``).
    roots: Roots = ()
    #: Whether the model read from this file bounds its texts itself, field by field (a
    #: handout: ``content/limits.py``), so the validator's one-size limit is not applied.
    own_limits: bool = False

    def text_of(self, path: FieldPath, value: Any) -> str | None:
        """The text the author wrote for ``value`` at ``path``: the value itself if it is
        text, else its unquoted text as written (None for a list or mapping)."""
        if isinstance(value, str):
            return value
        written = self.texts.get(tuple(path))
        if written is not None and not isinstance(value, dict | list):
            return written
        return None

    def folder(self) -> Path:
        """The folder of this file (files it names are looked up there)."""
        return Path(self.file).parent if self.file and not self.file.startswith("<") else Path()

    def resolve_named(self, name: str, what: str) -> Path:
        """The real path of a file named in this file, inside its folder or a root."""
        return files.resolve_named(name, self.folder(), self.roots, what)

    def file_of(self, path: FieldPath) -> str:
        """The file that defined ``path`` (or its nearest ancestor)."""
        probe = tuple(path)
        while probe and probe not in self.files:
            probe = probe[:-1]
        return self.files.get(probe, self.file)

    def where(self, path: FieldPath, *, key: bool = False) -> Position:
        """The position of ``path`` (its key, if ``key``), or of its nearest known ancestor."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if key and probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def error(self, path: FieldPath, message: str, *, key: bool = False) -> HandoutError:
        """A :class:`HandoutError` located at ``path`` in this file."""
        line, column = self.where(path, key=key)
        return HandoutError(message, file=self.file_of(path), line=line, column=column, field=path)


def read_text(text: str, file: str, roots: Roots = ()) -> Source:
    """Parse YAML ``text`` (reported as ``file``) into a :class:`Source`; files it names may
    lie in its own folder or in ``roots``."""
    if len(text) > files.CAPS["yaml"]:
        raise HandoutError(
            f"the text is longer than {files.CAPS['yaml']:,} characters, the most this tool "
            "reads; use a smaller file",
            file=file,
        )
    bad = bad_character(text)
    if bad is not None:
        line, column = line_and_column(text, bad)
        raise HandoutError(character_message(text[bad]), file=file, line=line, column=column)
    if not text.strip():
        raise HandoutError(
            "the file is empty; a handout starts with `schema: 1`, `id:` and `title:`",
            file=file,
            line=1,
            column=1,
        )
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, file) from None
    except yaml.YAMLError as exc:
        shown = " ".join(str(exc).split())
        raise HandoutError(f"not valid YAML: {shown}", file=file, line=1, column=1) from None
    finally:
        loader.dispose()
    if node is None:
        raise HandoutError(
            "the file holds only comments; a handout starts with `schema: 1`, `id:` and `title:`",
            file=file,
            line=1,
            column=1,
        )
    builder = _Builder(file)
    data = builder.build(node, ())
    source = Source(data, file, builder.positions, builder.key_positions)
    source.texts, source.roots = builder.texts, roots
    return source


def load_package_data(path: Path) -> Any:
    """Plain data from one of the package's own YAML files (poses, labels), with the fast
    loader and no positions: these files are ours and tested, not user input."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def read_bytes(path: str | Path, kind: str = "yaml") -> bytes:
    """The bytes of the regular file at ``path``, capped by its kind (see
    :func:`~pdfbuilder.source.files.read_confined`); a problem is a HandoutError."""
    return files.read_confined(path, kind)


def read_raw(raw: bytes, name: str, roots: Roots = ()) -> Source:
    """Parse the UTF-8 bytes of a YAML file (reported as ``name``) into a :class:`Source`."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise HandoutError(
            "the file is not UTF-8 text; save it as UTF-8", file=name, line=line, column=1
        ) from None
    return read_text(text, name, roots)


class ParsedFiles(Generic[T]):
    """Files parsed once while unchanged: keyed by the file's real path, a hash of its bytes
    and the roots, so an edited file is read again and an unchanged one (built over and over
    by a clinic or a batch run) is not; a file it names (an image) that changed on disk
    makes it be read again too."""

    def __init__(self, parse: Callable[[Source], T], limit: int = 64) -> None:
        self.parse, self.limit = parse, limit
        self._done: dict[tuple[str, bytes, Roots], tuple[T, list[tuple[files.FileId, Any]]]] = {}

    def load(self, path: str | Path, roots: Roots = ()) -> T:
        """The parsed value of the file at ``path`` (files it names may lie in ``roots``).

        The files the value was made from (images it names) are noted as read each time,
        so that a cached input still counts as an input of the run (see ``files.note``)."""
        raw = read_bytes(path)
        real = str(Path(path).resolve())
        key = (real, hashlib.blake2b(raw, digest_size=16).digest(), roots)
        done = self._done.get(key)
        if done is not None and all(files.stamp(item) == was for item, was in done[1]):
            files.note(item for item, _ in done[1])
            return done[0]
        with files.recording() as named:
            value = self.parse(read_raw(raw, str(path), roots))
        if len(self._done) >= self.limit:
            self._done.clear()
        self._done[key] = (value, [(item, files.stamp(item)) for item in named])
        return value


def read_file(path: str | Path, roots: Roots = ()) -> Source:
    """Read and parse the YAML file at ``path``; a missing or unreadable file is a HandoutError."""
    return read_raw(read_bytes(path), str(path), roots)


def _yaml_error(exc: yaml.MarkedYAMLError, file: str) -> HandoutError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "syntax error"
    if exc.context:
        problem = f"{problem} ({exc.context})"
    return HandoutError(
        f"not valid YAML: {problem}; check indentation, colons and quotes",
        file=file,
        line=line,
        column=column,
    )


class _Builder:
    """Walks a composed YAML node tree into plain data, recording positions."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.count = 0
        self.characters = 0
        self.open_nodes: set[int] = set()
        self.positions: dict[FieldPath, Position] = {}
        self.key_positions: dict[FieldPath, Position] = {}
        self.texts: dict[FieldPath, str] = {}

    def fail(self, node: yaml.Node, message: str, path: FieldPath) -> HandoutError:
        mark = node.start_mark
        return HandoutError(
            message, file=self.file, line=mark.line + 1, column=mark.column + 1, field=path
        )

    def expanded(self, path: FieldPath, what: str) -> HandoutError:
        # The alias's own position is lost (aliases share their anchor's node), so point
        # at the top-level field that expands.
        top = path[:1]
        line, column = self.key_positions.get(top, (1, 1))
        return HandoutError(
            f"the document expands to more than {what} (too many aliases); "
            "write the text out instead of using anchors (&) and aliases (*)",
            file=self.file,
            line=line,
            column=column,
            field=top,
        )

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise self.expanded(path, f"{MAX_VALUES} values")
        if id(node) in self.open_nodes:
            raise self.fail(node, "an alias (*) refers to the list or mapping it is inside", path)
        if len(path) > MAX_DEPTH:
            raise self.fail(node, f"nested more than {MAX_DEPTH} levels deep", path)
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self.fail(node, _tag_message(node.tag), path)
            self.open_nodes.add(id(node))
            items = [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            self.open_nodes.discard(id(node))
            return items
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                raise self.fail(node, _tag_message(node.tag), path)
            self.open_nodes.add(id(node))
            mapping = self.build_mapping(node, path)
            self.open_nodes.discard(id(node))
            return mapping
        raise self.fail(node, "unsupported YAML node", path)  # pragma: no cover

    def scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        self.characters += len(node.value)
        if self.characters > MAX_CHARACTERS:
            raise self.expanded(path, f"{MAX_CHARACTERS:,} characters")
        if node.tag == _STR:
            return node.value
        if node.tag != _PLAIN:
            raise self.fail(node, _tag_message(node.tag), path)
        try:
            value = plain_scalar(node.value)
        except ScalarProblem as exc:
            raise self.fail(node, str(exc), path) from None
        if not isinstance(value, str) and value is not None:
            self.texts[path] = node.value
        return value

    def build_mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in _pairs(node, self, path):
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a key must be a plain word, not a list or mapping", path)
            if key_node.tag not in (_STR, _PLAIN):
                raise self.fail(key_node, _tag_message(key_node.tag), path)
            key = str(key_node.value)
            self.characters += len(key)
            child = (*path, key)
            if key in out:
                raise self.fail(
                    key_node,
                    f'duplicate key "{key}" (first given on line {first_line[key]}); keep only one',
                    child,
                )
            first_line[key] = key_node.start_mark.line + 1
            self.key_positions[child] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            out[key] = self.build(value_node, child)
        return out


def _pairs(
    node: yaml.MappingNode, builder: _Builder, path: FieldPath
) -> Iterator[tuple[yaml.Node, yaml.Node]]:
    """Mapping pairs, with YAML merge keys (``<<: *base``) refused: they hide duplicates."""
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise builder.fail(
                key_node, "merge keys (<<) are not supported; write the keys out", path
            )
        yield key_node, value_node


def _tag_message(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return (
        f'custom YAML tag "{shown}" is not allowed; remove the tag and write plain text, '
        "numbers, lists and mappings"
    )
