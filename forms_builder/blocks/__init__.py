"""StreamField blocks of a procedure's form. Use `FormFieldsBlock` in the page model:
``StreamField(FormFieldsBlock(), blank=True, use_json_field=True)``.

Pages store the block type names (`short_text`, `group`…) and Wagtail migrations deconstruct
the blocks as plain Struct/StreamBlocks: keep the type names and child block names stable.
"""

from .appointment import AppointmentBlock
from .base import ConditionBlock, FormBlock, InputBlock
from .inputs import (
    AddressBlock,
    ChoiceBlockBase,
    ChoiceOptionBlock,
    DateBlock,
    EmailBlock,
    FileBlock,
    LocationBlock,
    LongTextBlock,
    MultipleChoiceBlock,
    NumberBlock,
    PhoneBlock,
    ShortTextBlock,
    SingleChoiceBlock,
    YesNoBlock,
)
from .layout import HeadingBlock, HelpTextBlock, RichTextBase, StepBreakBlock, WarningBlock
from .stream import FormFieldsBlock, GroupBlock, GroupFieldsBlock, form_problems

__all__ = [
    "AddressBlock",
    "AppointmentBlock",
    "ChoiceBlockBase",
    "ChoiceOptionBlock",
    "ConditionBlock",
    "DateBlock",
    "EmailBlock",
    "FileBlock",
    "FormBlock",
    "FormFieldsBlock",
    "GroupBlock",
    "GroupFieldsBlock",
    "HeadingBlock",
    "HelpTextBlock",
    "InputBlock",
    "LocationBlock",
    "LongTextBlock",
    "MultipleChoiceBlock",
    "NumberBlock",
    "PhoneBlock",
    "RichTextBase",
    "ShortTextBlock",
    "SingleChoiceBlock",
    "StepBreakBlock",
    "WarningBlock",
    "YesNoBlock",
    "form_problems",
]
