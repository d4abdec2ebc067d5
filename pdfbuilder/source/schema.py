"""Stage 2 machinery, validate: plain data to frozen, typed dataclasses, and their JSON Schema.

The dataclasses in :mod:`pdfbuilder.content.model` (content), :mod:`pdfbuilder.layout.model`
(layouts) and friends are the single source of truth: :func:`convert` checks plain data
against them field by field, and :func:`json_schema` exports the same rules for editors.

Supported field types: ``str``, ``int``, ``float``, ``bool``, ``datetime.date``, ``Literal``,
``tuple[T, ...]``, ``T | None``, nested dataclasses, and a custom parser given in the field's
metadata (``field(metadata={"parse": fn, "schema": fn})``). Other metadata keys: ``doc``
(description), ``min_items``/``max_items``, ``minimum``/``maximum``, ``max_length``,
``examples``.

Every value is bounded even where a field says nothing: text is at most :data:`MAX_TEXT`
characters and a list at most :data:`MAX_ITEMS` items unless the field's metadata says
otherwise. Types are strict: ``true`` is not the number 1, and a text field takes an
unquoted value exactly as it was written (``0112``, ``1.10``), never as YAML would read it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, TypeVar, cast, get_args, get_origin

from ..errors import FieldPath
from .reader import Source

T = TypeVar("T")

#: The most characters any one text field holds, unless its metadata says ``max_length``.
MAX_TEXT = 5_000
#: The most items any one list holds, unless its metadata says ``max_items``.
MAX_ITEMS = 500

_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?")

#: A custom field parser: (value, path, source) -> converted value.
Parser = Callable[[Any, FieldPath, Source], Any]

_KIND_WORDS = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    dt.date: "a date like 2029-11-21",
}


def describe(value: Any) -> str:
    """A short, user-facing description of a YAML value, for 'got ...' messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'"{shown}"'
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return str(value)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _public_fields(cls: type) -> dict[str, dataclasses.Field[Any]]:
    return {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}


def convert(cls: type[T], value: Any, path: FieldPath, source: Source) -> T:
    """Check ``value`` against dataclass ``cls`` and build it, or raise a located HandoutError."""
    fields = _public_fields(cls)
    if not path:
        _check_whole_file(cls, value, list(fields), source)
    if not isinstance(value, dict):
        raise source.error(
            path, f"expected a mapping (lines of `key: value`), got {describe(value)}"
        )
    for key in value:
        if key not in fields:
            raise source.error((*path, key), _unknown_field(key, list(fields)), key=True)
    kwargs: dict[str, Any] = {}
    hints = _hints(cast(type, cls))
    for name, f in fields.items():
        if name not in value:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise source.error((*path, name), f"required field is missing; add `{name}:` here")
            continue
        kwargs[name] = _convert_value(hints[name], value[name], (*path, name), source, f.metadata)
    return cls(**kwargs)


#: What a file read into each top-level dataclass is called in messages.
_FILE_WORDS = {
    "Handout": "a handout",
    "Layout": "a layout file",
    "Clinic": "a clinic profile",
    "Personal": "a plan file (print-time details)",
    "WebConfig": "a web page config",
}


def _check_whole_file(cls: type, value: Any, known: list[str], source: Source) -> None:
    """Refuse a whole file that is not of this kind (a list, a line of text, a mapping with
    none of the kind's keys) without showing anything it holds: it may be any file on the
    machine that a path pointed at by mistake (``--clinic ~/.netrc``)."""
    if isinstance(value, dict) and (not value or any(key in known for key in value)):
        return
    raise source.error(
        (),
        f"is not {_FILE_WORDS.get(cls.__name__, 'the right kind of file')}: it has none of "
        f"the keys one has ({', '.join(known[:4])}, ...); check the path",
    )


def _unknown_field(key: str, known: list[str]) -> str:
    import difflib  # only a mistake needs it

    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f'did you mean "{close[0]}"?' if close else f"expected one of: {', '.join(known)}"
    return f"unknown field; {hint}"


def _convert_value(hint: Any, value: Any, path: FieldPath, source: Source, meta: Any = None) -> Any:
    meta = meta or {}
    if "parse" in meta:
        return meta["parse"](value, path, source)
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return _convert_value(options[0], value, path, source, meta)
    if origin is Literal:
        choices = get_args(hint)
        if not any(type(value) is type(c) and value == c for c in choices):
            listed = ", ".join(str(c) for c in choices)
            raise source.error(path, f"expected one of {listed}, got {describe(value)}")
        return value
    if origin is tuple:
        return _convert_tuple(get_args(hint)[0], value, path, source, meta)
    if dataclasses.is_dataclass(hint):
        return convert(hint, value, path, source)  # type: ignore[arg-type]
    return _convert_scalar(hint, value, path, source, meta)


def _convert_tuple(item: Any, value: Any, path: FieldPath, source: Source, meta: Any) -> Any:
    if not isinstance(value, list):
        raise source.error(
            path, f"expected a list (lines starting with `- `), got {describe(value)}"
        )
    low, high = meta.get("min_items"), meta.get("max_items", MAX_ITEMS)
    if low is not None and len(value) < low:
        raise source.error(path, f"expected at least {low} items, got {len(value)}")
    if len(value) > high:
        raise source.error(path, f"expected at most {high} items, got {len(value)}; cut some")
    item_meta = {k: v for k, v in meta.items() if k in ("minimum", "maximum", "item_parse")}
    if "item_parse" in item_meta:
        item_meta = {"parse": item_meta["item_parse"]}
    return tuple(
        _convert_value(item, v, (*path, i), source, item_meta) for i, v in enumerate(value)
    )


def _convert_scalar(kind: Any, value: Any, path: FieldPath, source: Source, meta: Any) -> Any:
    ok = isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value, ok = float(value), True
    if kind is str and not ok:
        # An unquoted 0112 or 1.10 is text here: take it exactly as the author wrote it.
        written = source.text_of(path, value)
        value, ok = (written, True) if written is not None else (value, False)
    if not ok:
        quoted = isinstance(value, str) and tuple(path) not in source.texts
        raise source.error(path, _wrong_kind(kind, value, quoted=quoted))
    if kind is str:
        return _check_text(value, path, source, meta)
    if kind in (int, float):
        low, high = meta.get("minimum"), meta.get("maximum")
        if low is not None and value < low:
            raise source.error(path, f"must be at least {low}, got {value}")
        if high is not None and value > high:
            raise source.error(path, f"must be at most {high}, got {value}")
    return value


def _wrong_kind(kind: Any, value: Any, *, quoted: bool = False) -> str:
    expected = _KIND_WORDS.get(kind, getattr(kind, "__name__", str(kind)))
    if quoted and kind in (int, float) and _PLAIN_NUMBER.fullmatch(value.strip()):
        return f"expected {expected}, got the text {describe(value)}; write it without quotes"
    if kind is int and isinstance(value, str) and value.strip().isdigit():
        return f"expected a whole number written plainly (12, not 012), got {describe(value)}"
    return f"expected {expected}, got {describe(value)}"


def _check_text(value: str, path: FieldPath, source: Source, meta: Any) -> str:
    if not value.strip() and not meta.get("allow_empty"):
        raise source.error(path, "is empty; write some text or remove the field")
    longest = meta.get("max_length", MAX_TEXT)
    if len(value) > longest and not source.own_limits:
        raise source.error(
            path,
            f"is {len(value):,} characters long, more than the {longest:,} allowed; shorten it",
        )
    return value


def check_bounds(value: Any, path: FieldPath, source: Source) -> None:
    """Refuse text and lists over the limits :func:`convert` applies, in a value built in
    Python rather than read from a file (``dataclasses.replace(handout, title=...)``): the
    same bounds hold whichever way a value reaches a build."""
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return
    for f in dataclasses.fields(value):
        if not f.metadata.get("internal"):
            _check_bound(getattr(value, f.name), (*path, f.name), source, f.metadata)


def _check_bound(item: Any, path: FieldPath, source: Source, meta: Any) -> None:
    if isinstance(item, str):
        longest = meta.get("max_length", MAX_TEXT)
        if len(item) > longest:
            raise source.error(
                path,
                f"is {len(item):,} characters long, more than the {longest:,} allowed; shorten it",
            )
    elif isinstance(item, tuple):
        most = meta.get("max_items", MAX_ITEMS)
        if len(item) > most:
            raise source.error(path, f"expected at most {most} items, got {len(item)}; cut some")
        for i, member in enumerate(item):
            _check_bound(member, (*path, i), source, {})
    else:
        check_bounds(item, path, source)


# --- JSON Schema export -------------------------------------------------------------------


def json_schema(cls: type, *, title: str, schema_id: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of dataclass ``cls``, with shared definitions."""
    defs: dict[str, Any] = {}
    root = _object_schema(cls, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": title,
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    required: list[str] = []
    hints = _hints(cls)
    for f in _public_fields(cls).values():
        props[f.name] = _field_schema(hints[f.name], f.metadata, defs)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    out: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": props}
    if cls.__doc__:
        out["description"] = " ".join(cls.__doc__.split())
    if required:
        out["required"] = required
    return out


def _field_schema(hint: Any, meta: Any, defs: dict[str, Any]) -> dict[str, Any]:
    meta = meta or {}
    out = dict(meta["schema"]()) if "schema" in meta else _type_schema(hint, meta, defs)
    if "doc" in meta:
        out["description"] = meta["doc"]
    if "examples" in meta:
        out["examples"] = list(meta["examples"])
    return out


def _type_schema(hint: Any, meta: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _type_schema(options[0], meta, defs)
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if origin is tuple:
        item_meta = {"schema": meta["item_schema"]} if "item_schema" in meta else {}
        out: dict[str, Any] = {
            "type": "array",
            "items": _field_schema(get_args(hint)[0], item_meta, defs),
        }
        if "min_items" in meta:
            out["minItems"] = meta["min_items"]
        if "max_items" in meta:
            out["maxItems"] = meta["max_items"]
        return out
    if dataclasses.is_dataclass(hint):
        name = hint.__name__  # type: ignore[union-attr]
        if name not in defs:
            defs[name] = {}
            defs[name] = _object_schema(hint, defs)  # type: ignore[arg-type]
        return {"$ref": f"#/$defs/{name}"}
    scalar: dict[Any, dict[str, Any]] = {
        str: {"type": "string", "minLength": 1},
        int: {"type": "integer"},
        float: {"type": "number"},
        bool: {"type": "boolean"},
        dt.date: {"type": "string", "format": "date"},
    }
    out = dict(scalar[hint])
    if hint is str and meta.get("allow_empty"):
        out.pop("minLength")
    if "minimum" in meta:
        out["minimum"] = meta["minimum"]
    if "maximum" in meta:
        out["maximum"] = meta["maximum"]
    return out
