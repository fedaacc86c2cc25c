"""The sidebar names countries, topics and modes in the interface's language where the
program knows the Japanese form; the filter each adds is the stored value, unchanged."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from readout_desk.archive import FacetCount, Facets
from readout_desk.ui.facets import COUNTRIES, MODES, TOKEN_ROLE, TOPICS, FacetsModel
from tests.ui.translation import japanese

__all__ = ["japanese"]  # the fixture, used by name

FACETS = Facets(
    countries=(FacetCount("PE", "Peru", 3), FacetCount("US", "United States", 1)),
    years=(FacetCount("2023", "2023", 4),),
    topics=(FacetCount("Climate change", "Climate change", 2), FacetCount("CPTPP", "CPTPP", 1),
            FacetCount("Ocean plastics", "Ocean plastics", 1)),
    people=(),
    modes=(FacetCount("telephone", "telephone", 1),),
)


def _shown(model: FacetsModel, group: int) -> list[tuple[str, str]]:
    parent = model.group(group)
    return [(parent.child(row).text(), parent.child(row).data(TOKEN_ROLE))
            for row in range(parent.rowCount())]


def test_the_japanese_sidebar_names_values_in_japanese_and_filters_on_the_stored_ones(
        qapp: QApplication, japanese: None) -> None:
    model = FacetsModel()
    model.set_facets(FACETS)
    assert _shown(model, COUNTRIES) == [("ペルー  (3)", "country:PE"), ("米国  (1)", "country:US")]
    assert _shown(model, TOPICS) == [("気候変動  (2)", 'topic="Climate change"'),
                                     ("CPTPP  (1)", 'topic="CPTPP"'),
                                     ("Ocean plastics  (1)", 'topic="Ocean plastics"')]
    assert _shown(model, MODES) == [("電話  (1)", "mode:telephone")]


def test_the_english_sidebar_names_values_as_stored(qapp: QApplication) -> None:
    model = FacetsModel()
    model.set_facets(FACETS)
    assert _shown(model, COUNTRIES) == [("Peru  (3)", "country:PE"),
                                        ("United States  (1)", "country:US")]
    assert [text for text, _ in _shown(model, TOPICS)] == [
        "Climate change  (2)", "CPTPP  (1)", "Ocean plastics  (1)"]
