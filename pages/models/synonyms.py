"""Search synonyms: what citizens type ("CNI") and what procedures are called."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from commune_sites.normalize import fold_words


def fold(text: str) -> str:
    """Lowercase words without accents or punctuation: "Carte d'identité" → "carte d identite"."""
    return " ".join(fold_words(text))


class SearchSynonym(models.Model):
    """A term and the phrases a catalogue search also looks for when the term is typed."""

    collectivity = models.ForeignKey(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="search_synonyms",
    )
    term = models.CharField(
        _("term"), max_length=100, help_text=_("What citizens type, for example: CNI")
    )
    expansions = models.TextField(
        _("expansions"),
        help_text=_("One per line, for example: carte nationale d'identité"),
    )
    two_way = models.BooleanField(
        _("both ways"),
        default=False,
        help_text=_("Typing an expansion also searches for the term (passeport ↔ titre)."),
    )

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["collectivity", "term"],
                name="pages_searchsynonym_unique_term",
                violation_error_message=_("This collectivity already has this term."),
            )
        ]

    def __str__(self):
        return self.term

    def clean(self):
        self.term = self.term.strip()
        self.expansions = "\n".join(self.expansion_list)
        if not self.expansion_list:
            raise ValidationError({"expansions": _("Give at least one expansion.")})
        if not fold(self.term):
            raise ValidationError({"term": _("The term must contain letters or digits.")})

    @property
    def expansion_list(self) -> list[str]:
        return [line.strip() for line in self.expansions.splitlines() if line.strip()]

    def rewrites(self) -> list[tuple[str, str]]:
        """(folded phrase, folded replacement) pairs this synonym allows."""
        term = fold(self.term)
        expansions = [fold(e) for e in self.expansion_list]
        pairs = [(term, e) for e in expansions]
        if self.two_way:
            pairs += [(e, term) for e in expansions]
        return [(a, b) for a, b in pairs if a and b and a != b]
