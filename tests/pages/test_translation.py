"""Pages translated into English with wagtail-localize are served at /en/."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from pages.models import FaqPage, Rubric

from .conftest import catalogue_of, path_of

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Questions fréquentes": "Frequently asked questions",
    "Comment créer mon compte ?": "How do I create my account?",
    "Mon compte": "My account",
}


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate an object into English the way the wagtail-localize editor does."""

    def run(instance, strings: dict[str, str]):
        with django_capture_on_commit_callbacks(execute=True):  # it publishes on commit
            return _translate(instance, strings)

    return run


def _translate(instance, strings: dict[str, str]):
    english = Locale.objects.get(language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                data=strings[segment.string.data],
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
    translation = Translation.objects.create(source=source, target_locale=english)
    translation.save_target(publish=True)
    return instance.get_translation(english)


def test_the_english_locale_exists():
    assert Locale.objects.filter(language_code="en").exists()


def test_a_translated_faq_is_served_in_english(on, commune, translate):
    faq = FaqPage.objects.get(collectivity=commune, locale__language_code="fr")
    english_faq = translate(faq, ENGLISH)
    assert english_faq.collectivity_id == commune.pk

    response = on(commune).get("/en/faq/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="en">' in html
    assert "<h1>Frequently asked questions</h1>" in html
    assert "How do I create my account?" in html
    assert 'href="/en/faq/"' in html.split("</header>", 1)[0]

    french = on(commune).get("/faq/").text
    assert "<h1>Questions fréquentes</h1>" in french
    assert "How do I create my account?" not in french


def test_translated_rubrics_keep_their_slug_and_filter_the_english_catalogue(
    on, commune, make_procedure, translate
):
    make_procedure(commune, "Permis de construire", rubrics=["urbanisme"])
    rubric = Rubric.objects.get(collectivity=commune, slug="urbanisme")
    english = translate(rubric, {"Urbanisme": "Town planning"})
    assert (english.slug, english.collectivity_id) == ("urbanisme", commune.pk)

    response = on(commune).get(f"/en{path_of(catalogue_of(commune))}", {"rubrique": "urbanisme"})
    html = response.text
    assert "Town planning" in html
    assert ">Urbanisme<" not in html
    assert "Permis de construire" in html
