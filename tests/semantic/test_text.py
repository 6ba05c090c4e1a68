"""What text of a document is embedded."""

from __future__ import annotations

from medcite.semantic.text import embedding_text, text_hash

from .helpers import article, page


def test_a_medquad_page_embeds_its_question_title_and_focus() -> None:
    doc = page("9", "What are the treatments for Fever ?", "Fever")
    assert embedding_text(doc) == "What are the treatments for Fever ? (Fever)"


def test_an_article_embeds_its_title_only() -> None:
    doc = article("9", "  Fever in\n children ", abstract="A long abstract. " * 50)
    assert embedding_text(doc) == "Fever in children"


def test_an_article_without_abstract_is_left_out() -> None:
    assert embedding_text(article("9", "Fever in children", abstract="")) is None


def test_an_untitled_article_embeds_the_start_of_its_abstract() -> None:
    assert embedding_text(article("9", "", abstract="Fever is common.")) == "Fever is common."


def test_text_hash_is_short_and_stable() -> None:
    assert text_hash("fever") == text_hash("fever") != text_hash("Fever")
    assert len(text_hash("fever")) == 16
