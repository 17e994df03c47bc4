"""The chapter parameters: one typed declaration per chapter, values typed and checked, refusals
for people, and overrides for several chapters at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.analysis.coercion import changed_values
from helpers.analysis.params import ParameterError
from helpers.chapters import registry as params
from helpers.chapters.contents import chapter_names
from helpers.evidence import Dataset, load, vocabularies

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = chapter_names(ROOT)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The project's dataset (read only)."""
    return load(ROOT / "data")


def refusal(chapter: str, values: dict[str, object], dataset: Dataset | None = None) -> str:
    with pytest.raises(ParameterError) as caught:
        params.validate(chapter, values, dataset)
    message = str(caught.value)
    assert "\n" not in message
    return message


# ----------------------------------------------------------------------------------------------
# Defaults and typing
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_declares_the_common_parameters(chapter: str) -> None:
    declared = params.defaults(chapter)
    assert list(declared)[:6] == [
        "data_dir",
        "start_year",
        "end_year",
        "sources",
        "themes",
        "tables_dir",
    ]
    assert declared["data_dir"] == "../data"
    assert declared["sources"] == []
    assert declared["themes"] == ["all"]
    assert declared["tables_dir"] == "../_build/tables"
    assert isinstance(declared["start_year"], int) and isinstance(declared["end_year"], int)


def test_defaults_validate_to_the_typed_object(dataset: Dataset) -> None:
    typed = params.validate("chronology", {}, dataset)
    assert isinstance(typed, params.definition("chronology"))
    assert typed.chapter == "chronology"
    assert typed.themes == ("all",)
    assert typed.as_dict() == params.defaults("chronology")


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("start_year", "2015", 2015),
        ("start_year", " 2015 ", 2015),
        ("end_year", 2018, 2018),
        ("themes", "energy,defence", ("energy", "defence")),
        ("themes", "energy, defence ", ("energy", "defence")),
        ("themes", '["energy", "defence"]', ("energy", "defence")),
        ("themes", ["energy"], ("energy",)),
        ("sources", "", ()),
        ("sources", "[]", ()),
        ("data_dir", "../other", "../other"),
        ("tables_dir", "out/tables", "out/tables"),
    ],
)
def test_values_given_as_text_are_typed(name: str, text: object, expected: object) -> None:
    assert getattr(params.validate("chronology", {name: text}), name) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("true", True), ("False", False), ("yes", True), ("0", False)]
)
def test_switches_given_as_text_are_typed(text: str, expected: bool) -> None:
    assert params.validate("military_ties", {"include_planned": text}).include_planned is expected


def test_source_ids_come_from_the_data(dataset: Dataset) -> None:
    first = sorted(dataset.sources.index)[0]
    assert params.validate("chronology", {"sources": first}, dataset).sources == (first,)


def test_theme_names_spell_out_all() -> None:
    assert params.validate("chronology", {}).theme_names == tuple(vocabularies.THEMES)
    assert params.validate("chronology", {"themes": "energy"}).theme_names == ("energy",)


def test_table_path_is_under_the_chapter_folder(tmp_path: Path) -> None:
    typed = params.validate("energy_deals", {"tables_dir": str(tmp_path)})
    path = typed.table_path("deals.csv")
    assert path == tmp_path / "energy_deals" / "deals.csv"
    assert path.parent.is_dir()


# ----------------------------------------------------------------------------------------------
# Refusals: one sentence naming the parameter and the valid choices
# ----------------------------------------------------------------------------------------------


def test_unknown_name_lists_the_valid_parameters() -> None:
    message = refusal("chronology", {"start_yr": 2015})
    assert message.startswith("start_yr is not a parameter of chronology; valid parameters: ")
    for name in params.defaults("chronology"):
        assert name in message


def test_integer_refuses_text() -> None:
    assert refusal("chronology", {"start_year": "abc"}) == (
        "start_year must be an integer (e.g. 2015), got 'abc'"
    )


@pytest.mark.parametrize("value", [2015.5, True, None, [2015]])
def test_integer_refuses_other_types(value: object) -> None:
    assert refusal("chronology", {"end_year": value}).startswith("end_year must be an integer")


def test_year_out_of_range() -> None:
    assert refusal("chronology", {"start_year": 20150}) == (
        "start_year must be between 1900 and 2100, got 20150"
    )


def test_minimum_of_a_count() -> None:
    assert refusal("contested_claims", {"min_voices": 0}) == "min_voices must be at least 1, got 0"


def test_reversed_years() -> None:
    assert refusal("chronology", {"start_year": 2020, "end_year": 2010}) == (
        "start_year (2020) is after end_year (2010)"
    )


def test_unknown_source_lists_the_source_ids(dataset: Dataset) -> None:
    message = refusal("chronology", {"sources": ["src-x"]}, dataset)
    valid = ", ".join(sorted(dataset.sources.index))
    assert message == f"sources: 'src-x' is not a source id; valid: {valid}"


def test_sources_are_checked_against_data_dir_without_a_dataset(dataset: Dataset) -> None:
    message = refusal("chronology", {"sources": "src-x", "data_dir": str(ROOT / "data")})
    assert message.startswith("sources: 'src-x' is not a source id; valid: ")


def test_empty_theme_list() -> None:
    message = refusal("chronology", {"themes": []})
    assert (
        message
        == f"themes must name at least one theme; valid: all, {', '.join(vocabularies.THEMES)}"
    )


def test_unknown_theme() -> None:
    message = refusal("chronology", {"themes": "energy,oil"})
    assert message.startswith("themes: 'oil' is not a theme; valid: all, diplomacy")


def test_all_cannot_be_combined() -> None:
    assert refusal("chronology", {"themes": "all,energy"}).startswith(
        "themes: 'all' cannot be combined with other values"
    )


def test_list_refuses_bad_json_and_non_text_items() -> None:
    assert refusal("chronology", {"themes": "[energy"}).startswith("themes must be a list of names")
    assert refusal("chronology", {"themes": [1, 2]}).startswith("themes must be a list of names")


def test_switch_refuses_other_text() -> None:
    assert refusal("military_ties", {"include_planned": "maybe"}) == (
        "include_planned must be true or false, got 'maybe'"
    )


def test_text_refuses_numbers() -> None:
    assert refusal("chronology", {"data_dir": 5}).startswith("data_dir must be text")


def test_chapter_specific_vocabulary() -> None:
    assert refusal("chronology", {"categories": "parade"}).startswith(
        "categories: 'parade' is not an event category; valid: all, visit, "
    )


def test_unknown_chapter() -> None:
    message = refusal("novel", {})
    assert message.startswith("'novel' is not a chapter; chapters: ")
    assert "chronology" in message and "energy_deals" in message


def test_parameter_error_is_a_value_error() -> None:
    assert issubclass(ParameterError, ValueError)


# ----------------------------------------------------------------------------------------------
# Overrides for several chapters (the command line's -p)
# ----------------------------------------------------------------------------------------------


def test_overrides_apply_to_the_chapters_that_declare_them(dataset: Dataset) -> None:
    resolved = params.resolve_overrides(CHAPTERS, {"categories": "visit", "start_year": "2015"})
    assert resolved["chronology"].categories == ("visit",)  # type: ignore[attr-defined]
    assert all(values.start_year == 2015 for values in resolved.values())
    assert not hasattr(resolved["energy_deals"], "categories")


def test_override_unknown_to_every_chapter() -> None:
    with pytest.raises(ParameterError, match=r"^start_yr is not a parameter of any chapter built"):
        params.resolve_overrides(CHAPTERS, {"start_yr": "2015"})


def test_override_unknown_to_the_one_chapter_built() -> None:
    with pytest.raises(ParameterError, match=r"^categories is not a parameter of energy_deals"):
        params.resolve_overrides(["energy_deals"], {"categories": "visit"})


def test_changed_values_leave_out_defaults() -> None:
    resolved = params.resolve_overrides(CHAPTERS, {"start_year": "2015", "end_year": "2021"})
    assert changed_values(resolved, ["start_year", "end_year"]) == {"start_year": 2015}


def test_defaults_are_json_like() -> None:
    for chapter in CHAPTERS:
        json.dumps(params.defaults(chapter))
