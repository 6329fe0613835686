"""FAQ blocks: sections of questions and answers."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .richtext import INLINE_RICH_TEXT_FEATURES


class FaqQuestionBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=INLINE_RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question")
        template = "pages/blocks/faq_question.html"


class FaqSectionBlock(blocks.StructBlock):
    """A titled group of questions; its title appears in the table of contents."""

    title = blocks.CharBlock(label=_("Section title"), max_length=120)
    questions = blocks.ListBlock(FaqQuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Section")
        template = "pages/blocks/faq_section.html"
        description = _("A titled group of questions and answers")
