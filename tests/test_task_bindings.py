"""TASK-BINDING (extract/task_bindings.py): datasets bound to tasks in one sentence, values per task in a later one."""

from __future__ import annotations

from leaderboard.extract import Extractor
from leaderboard.extract.attribution import Span
from leaderboard.extract.task_bindings import Binding, bindings, bound_per_number
from leaderboard.models import Paper

STOP = {"training", "evaluation"}


def _names(text: str, *names: str):
    def names_in(window: tuple[int, int]) -> list[Span]:
        out = []
        for n in names:
            at = text.find(n, window[0], window[1])
            if at >= 0:
                out.append(Span(at, at + len(n), n, n))
        return sorted(out, key=lambda b: b.start)

    return names_in


def test_two_bound_datasets_are_read_in_both_shapes() -> None:
    text = "We take Alpha for chunking and Beta for tagging. For parsing, we use Gamma."
    found = bindings(text, [(0, 48), (49, len(text))], _names(text, "Alpha", "Beta", "Gamma"), STOP)
    assert [(b.task, b.name.name) for b in found] == [("chunking", "Alpha"), ("tagging", "Beta"), ("parsing", "Gamma")]


def test_one_bound_dataset_or_a_data_role_is_no_binding() -> None:
    text = "We take Alpha for chunking and Beta for training."
    assert bindings(text, [(0, len(text))], _names(text, "Alpha", "Beta"), STOP) == []


def test_a_task_phrase_belongs_to_the_next_number_unless_it_follows_one() -> None:
    a, b = Span(0, 5, "Alpha", "Alpha"), Span(10, 14, "Beta", "Beta")
    found = [Binding("chunking", a), Binding("tagging", b)]
    text = "x" * 20 + "It gets 91.5 F1 in chunking and 88.0 F1 in tagging."
    s0 = 20
    nums = [(text.find("91.5"), text.find("91.5") + 4), (text.find("88.0"), text.find("88.0") + 4)]
    assert {k: v.name for k, v in bound_per_number(text, s0, len(text), nums, found).items()} == {
        nums[0][0]: "Alpha",
        nums[1][0]: "Beta",
    }
    text = "x" * 20 + "Chunking reaches 91.5 F1, and for tagging the F1 is 88.0."
    nums = [(text.find("91.5"), text.find("91.5") + 4), (text.find("88.0"), text.find("88.0") + 4)]
    assert {k: v.name for k, v in bound_per_number(text, s0, len(text), nums, found).items()} == {
        nums[0][0]: "Alpha",
        nums[1][0]: "Beta",
    }


def test_extractor_carries_the_bound_dataset(extractor: Extractor) -> None:
    text = (
        "Two corpora serve here: SciERC for relation extraction and GENIA for entity recognition. "
        "Entity recognition reaches 79.3% F1, while relation extraction stays at 48.6% F1."
    )
    rows = extractor.extract(Paper("p", None, text))
    assert [(r.value, r.benchmark) for r in rows] == [(79.3, "GENIA"), (48.6, "SciERC")]


def test_pretraining_data_is_not_bound(extractor: Extractor) -> None:
    text = "We use JFT-300M for pre-training and ImageNet for fine-tuning. Fine-tuning reaches 88.1% top-1 accuracy."
    rows = extractor.extract(Paper("p", None, text))
    assert [r.rules for r in rows if "benchmark.task_bound_earlier" in (r.rules or "")] == []


def test_no_back_reference_or_another_count_pairs_nothing(extractor: Extractor) -> None:
    """LIST-IN-SENTENCE-BEFORE (context.py) needs a pointer back and as many values as names."""
    for text in (
        "We test on Kvasir and ETIS. The errors are 0.12 and 0.19.",  # nothing points back
        "We test on Kvasir and ETIS. On the two datasets the errors are 0.12, 0.19 and 0.25.",  # 3 values, 2 names
    ):
        rows = extractor.extract(Paper("p", None, text))
        assert rows and all("list_in_sentence_before" not in (r.rules or "") for r in rows), text


def test_binding_sibling_needs_a_known_binding(extractor: Extractor) -> None:
    """BINDING-SIBLING: an unknown capitalised name bound "X for <task>" next to a known dataset bound the same way
    is a dataset; with no known binding in its sentence it is not."""
    text = (
        "Two corpora are used: Quintrell for entity typing and ACE05 for event extraction. "
        "Entity typing reaches 77.3% F1 and event extraction 61.2% F1."
    )
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
    assert sorted((r.value, r.benchmark) for r in rows) == [(61.2, "ACE 2005"), (77.3, "Quintrell")]
    alone = text.replace("ACE05", "Bellamy")
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=alone))
    assert sorted((r.value, r.benchmark) for r in rows) == [(61.2, None), (77.3, None)]
