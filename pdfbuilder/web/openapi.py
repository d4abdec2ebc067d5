"""The OpenAPI 3.1 description of ``POST /api/leaflet``, made from the same field table the
checks use (:mod:`pdfbuilder.web.fields`), with the ids the config offers as enums."""

from __future__ import annotations

from typing import Any

from .catalogue import Catalogue
from .core import __version__
from .fields import DOSE_KEYS, DOSE_LABELS, MAX_EXERCISES, MAX_FILE, TEXT_FIELDS, dose_limits


def _request_schema(catalogue: Catalogue) -> dict[str, Any]:
    versions = [v.id for lf in catalogue.leaflets for v in lf.versions]
    languages = sorted({v.language for lf in catalogue.leaflets for v in lf.versions})
    props: dict[str, Any] = {
        "handout": {"type": "string", "enum": versions, "description": "The leaflet's id."},
        "language": {
            "type": "string",
            "enum": languages,
            "description": "The leaflet's version in this language (default: the handout's).",
        },
        "layout": {"type": "string", "enum": [c.id for c in catalogue.layouts]},
        "paper": {"type": "string", "enum": ["a4", "letter"]},
        "qr": {"type": "boolean", "default": True, "description": "Print the QR code."},
        "file": {"type": "string", "maxLength": MAX_FILE, "description": "Download name."},
    }
    for f in TEXT_FIELDS:
        props[f.key] = {"type": "string", "maxLength": f.max_length, "description": f.label}
    for key in ("date", "follow_up"):
        props[key]["format"] = "date"
    limits = dose_limits()
    choice = {
        "type": "object",
        "required": ["id"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string"},
            **{
                part: {"type": "integer", "minimum": lo, "maximum": hi, "description": words}
                for part, words in DOSE_LABELS.items()
                for lo, hi in [limits[part]]
            },
        },
    }
    short = ", ".join(f"{k}=N" for k in DOSE_KEYS.values())
    props["exercises"] = {
        "description": f"As the batch CSV (id:{short}; ...), or a list of ids or objects.",
        "oneOf": [
            {"type": "string"},
            {
                "type": "array",
                "maxItems": MAX_EXERCISES,
                "items": {"oneOf": [{"type": "string"}, choice]},
            },
        ],
    }
    return {
        "type": "object",
        "required": ["handout"],
        "additionalProperties": False,
        "properties": props,
    }


def document(catalogue: Catalogue) -> dict[str, Any]:
    """The OpenAPI document."""
    error = {
        "type": "object",
        "properties": {
            "errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "field": {"type": "string", "description": "e.g. exercises[1].reps"},
                        "message": {"type": "string"},
                    },
                },
            }
        },
    }
    errors = {"application/json": {"schema": error}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Clinic handouts", "version": __version__},
        "paths": {
            "/api/leaflet": {
                "post": {
                    "summary": "Build one personalised leaflet; nothing is stored.",
                    "security": [{"bearer": []}],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _request_schema(catalogue)}},
                    },
                    "responses": {
                        "200": {"description": "The PDF.", "content": {"application/pdf": {}}},
                        "401": {"description": "Access code missing.", "content": errors},
                        "413": {"description": "Body too large.", "content": errors},
                        "422": {"description": "Field errors.", "content": errors},
                        "503": {"description": "Busy; try again.", "content": errors},
                        "504": {"description": "Build took too long.", "content": errors},
                    },
                }
            }
        },
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }
