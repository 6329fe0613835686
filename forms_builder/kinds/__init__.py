"""The item types of a form snapshot and how the engine handles each of them."""

from .appointment import AppointmentKind
from .base import InputKind, Kind
from .choices import MultipleChoiceKind, SingleChoiceKind, YesNoKind
from .files import FileKind
from .layout import GroupKind, HeadingKind, HelpTextKind, WarningKind
from .places import AddressKind, LocationKind
from .text import DateKind, EmailKind, LongTextKind, NumberKind, PhoneKind, ShortTextKind

KINDS: dict[str, Kind] = {
    kind.type: kind
    for kind in (
        ShortTextKind(),
        LongTextKind(),
        EmailKind(),
        PhoneKind(),
        NumberKind(),
        DateKind(),
        SingleChoiceKind(),
        MultipleChoiceKind(),
        YesNoKind(),
        FileKind(),
        AddressKind(),
        LocationKind(),
        AppointmentKind(),
        HeadingKind(),
        HelpTextKind(),
        WarningKind(),
        GroupKind(),
    )
}


def kind_of(definition) -> Kind:
    return KINDS[definition["type"]]


__all__ = ["KINDS", "InputKind", "Kind", "kind_of"]
