"""Origins: each passage counted once per publication it comes from, so that one outlet's words
repeated by two articles are one voice, and one article compiling two outlets is two."""

from __future__ import annotations

import pytest
from support.written import claims_dataset

from helpers import evidence
from helpers.analysis import measures, origins
from helpers.analysis.scope import Scope
from helpers.chapters import registry


def scope_of(dataset: evidence.Dataset, **values: object) -> Scope:
    return Scope.from_params(dataset, registry.validate("contested_claims", values, dataset))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> evidence.Dataset:
    return evidence.load(claims_dataset(tmp_path_factory.mktemp("small")))


def judged(scope: Scope):
    ids = scope.claims.index
    return origins.claim_origins(
        scope, ids, measures.claim_verdicts(measures.stance_matrix(scope, ids))
    )


def test_a_passage_comes_from_the_publications_it_is_credited_to(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    found = origins.row_origins(scope.evidence, scope)
    assert found["evi-a-1"] == ("Reuters",)
    assert found["evi-b-1"] == ("Reuters",)  # the same outlet, cited by another article
    assert found["evi-c-1"] == ("Dawn", "The Express Tribune")
    assert found["evi-a-4"] == ("Alpha (2012)",)  # the author's own words
    assert found["evi-b-9"] == ("Beta (2018)",)  # a person the article quotes itself
    assert found["evi-b-10"] == ("readers of Beta (2018)",)


def test_unnamed_reports_are_an_origin_of_their_own_in_each_article() -> None:
    dataset = evidence.load()
    cited = origins.citation_origins(dataset)
    assert cited["cit-pr-casa-reports"] == "unnamed reports in Fernandez (2021)"
    assert cited["cit-aq-su35-reports"] == "unnamed reports in Qureshi (2018)"
    assert cited["cit-pf-express-tribune"] == cited["cit-pr-tribune-2021-04-07"]


def test_agreement_through_one_outlet_repeated_is_an_echo(small: evidence.Dataset) -> None:
    table = judged(scope_of(small))
    echo = table.loc["claim-echo"]
    assert echo["by_sources"] == "agreed"
    assert echo["verdict"] == "one voice"
    assert echo["echo"] and echo["relayed"] == ("Reuters",)
    assert echo["origins"] == 1 and echo["supports"] == 1


def test_one_article_compiling_two_outlets_is_two_origins(small: evidence.Dataset) -> None:
    era = judged(scope_of(small)).loc["claim-new-era"]
    assert (era["by_sources"], era["verdict"], era["echo"]) == ("one voice", "agreed", False)
    assert era["origins"] == 2


def test_independent_origins_per_stance(small: evidence.Dataset) -> None:
    table = judged(scope_of(small))
    friend = table.loc["claim-friend"]
    assert (friend["supports"], friend["disputes"], friend["verdict"]) == (1, 1, "contested")
    afghan = table.loc["claim-afghan"]
    assert (afghan["origins"], afghan["verdict"], afghan["echo"]) == (2, "agreed", False)
    grow = table.loc["claim-grow"]
    assert (grow["supports"], grow["disputes"]) == (1, 1)


def test_an_empty_selection_has_no_origins(small: evidence.Dataset) -> None:
    scope = scope_of(small, start_year=1930, end_year=1940)
    table = judged(scope)
    assert table.empty and "echo" in table.columns
    assert origins.origin_matrix(scope, []).empty


def test_borrowings_count_distinct_passages_per_outlet(small: evidence.Dataset) -> None:
    scope = scope_of(small)
    borrowed = origins.borrowings(scope).set_index(["source_id", "origin"])
    assert borrowed.loc[("src-c-2021", "Dawn"), "passages"] == 1
    assert borrowed.loc[("src-c-2021", "The Express Tribune"), "of_all"] == 3
    shares = origins.credited_share(scope)
    assert shares.loc["src-a-2012", ["passages", "credited"]].tolist() == [5, 1]
    assert shares.loc["src-c-2021", "credited"] == 1
    assert origins.credited_passages(scope.evidence) == (3, 18)


def test_fernandez_credits_most_of_its_passages_in_the_real_data() -> None:
    dataset = evidence.load()
    mine = dataset.evidence[dataset.evidence["source_id"] == "src-pr-2021"]
    credited, total = origins.credited_passages(mine)
    assert credited * 2 > total
