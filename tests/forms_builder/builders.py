"""Builders for the form engine tests: snapshots are plain dicts."""

import json
import struct
import zlib
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile

from forms_builder.blocks import FormFieldsBlock


def question(type_, name, label=None, *, required=True, help_text="", **options) -> dict:
    """A snapshot item for a question, with the keys every question has."""
    return {
        "type": type_,
        "name": name,
        "label": label or name.replace("_", " ").capitalize(),
        "help_text": help_text,
        "required": required,
        "prefill": options.pop("prefill", None),
        "condition": options.pop("condition", None),
        **options,
    }


def choice(name, values, **kwargs) -> dict:
    options = [{"value": value, "label": value.capitalize()} for value in values]
    return question(kwargs.pop("type_", "single_choice"), name, options=options, **kwargs)


def when(field, operator, *values) -> dict:
    return {"field": field, "operator": operator, "values": list(values)}


def snapshot_of(*steps) -> dict:
    """snapshot_of([items of step 1], ("Title of step 2", [items]), ...)."""
    result = []
    for step in steps:
        title, items = step if isinstance(step, tuple) else ("", step)
        result.append({"title": title, "items": items})
    return {"version": 1, "steps": result}


def stream(*children):
    """A FormFieldsBlock value from (type, value) pairs; missing values take the defaults."""
    block = FormFieldsBlock()
    return block.to_python([{"type": type_, "value": value} for type_, value in children])


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes() -> bytes:
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def exe_bytes() -> bytes:
    """The start of a Windows executable (MZ header pointing to a PE header)."""
    header = bytearray(b"MZ" + b"\x00" * 126)
    header[0x3C:0x40] = struct.pack("<I", 0x80)
    return bytes(header) + b"PE\x00\x00" + b"\x00" * 64


def upload(name, content, content_type="application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def as_json(value):
    return json.loads(json.dumps(value))


class Markup(HTMLParser):
    """The elements of an HTML fragment: [(tag, attrs dict)], and ids."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    @property
    def ids(self) -> set[str]:
        return {attrs["id"] for _tag, attrs in self.elements if attrs.get("id")}

    def find(self, tag, **attrs) -> list[dict]:
        return [
            found
            for name, found in self.elements
            if name == tag and all(found.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]
