"""Vocabulary loading and matching: spelling tolerance, word boundaries, user files, grammar files."""

from __future__ import annotations

import pytest

from leaderboard.errors import UserError
from leaderboard.extract.vocab import Entry, NameIndex, load_vocabulary, norm_key


def _index(*entries: Entry) -> NameIndex:
    idx = NameIndex()
    for e in entries:
        idx.add(e)
    idx.compile()
    return idx


def _found(idx: NameIndex, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entry.name) for m in idx.find(text)]


def test_spacing_case_and_hyphen_tolerance():
    idx = _index(Entry("RewardBench", ("Reward-Bench",)), Entry("CIFAR-10", ("CIFAR10",)))
    assert _found(idx, "on reward bench, Reward-Bench's and RewardBench") == [
        ("reward bench", "RewardBench"), ("Reward-Bench", "RewardBench"), ("RewardBench", "RewardBench")
    ]  # fmt: skip
    assert _found(idx, "CIFAR 10 and cifar-10 but not CIFAR-100") == [
        ("CIFAR 10", "CIFAR-10"),
        ("cifar-10", "CIFAR-10"),
    ]


def test_boundaries_acronyms_and_stylised_names():
    idx = _index(Entry("PER", ()), Entry("MultiPL-E", ("MultiPLE",)), Entry("ImageNet-A", ("IN-A",)),
                 Entry("TACRED", ()), Entry("F1", ("F1 score",)), Entry("Inception Score", ()))  # fmt: skip
    assert _found(idx, "Mean Per Joint error on multiple sets in a row") == []
    assert _found(idx, "PER on MultiPLE, Re-TACRED vs TACRED") == [("PER", "PER"), ("MultiPLE", "MultiPL-E"),
                                                                   ("TACRED", "TACRED")]  # fmt: skip
    assert _found(idx, "an F 1 of 74.6 and Inception scores of 9.89") == [
        ("F 1", "F1"),
        ("Inception scores", "Inception Score"),
    ]


def test_names_with_a_lower_case_tail_after_capitals_are_stylised():
    """ "BEATs", "GLaMs": capitals then lower case is a stylised spelling; written all lower case it is a word."""
    idx = _index(Entry("BEATs", ()), Entry("SWAGs", ()), Entry("RoPEs", ()))
    assert _found(idx, "the student beats its teacher; BEATs and beats") == [("BEATs", "BEATs")]
    assert _found(idx, "swags of data, then SWAGs on ImageNet") == [("SWAGs", "SWAGs")]
    assert _found(idx, "the ropes of training and ropes again") == []
    assert _found(idx, "RoPEs help; Ropes too") == [("RoPEs", "RoPEs"), ("Ropes", "RoPEs")]


def test_norm_key():
    assert norm_key("WMT 2014 English-to-German") == norm_key("WMT2014 English-German") == "wmt2014englishgerman"
    assert norm_key("ImageNet 256\u00d7256") == "imagenet256x256"


def test_user_file_extends_and_wins(tmp_path):
    f = tmp_path / "mine.csv"
    f.write_text("name,aliases,task,area,metric\nFooBarQA,FBQA,QA,nlp,Accuracy\nCIFAR-10,C10,,vision,\n")
    vocab = load_vocabulary([f])
    assert vocab.benchmarks.lookup("FBQA").name == "FooBarQA"
    assert vocab.benchmarks.lookup("C10").name == "CIFAR-10"  # alias added to the shipped entry
    assert vocab.benchmarks.lookup("CIFAR10").name == "CIFAR-10"


def test_user_grammar_file(tmp_path):
    f = tmp_path / "cues.csv"
    f.write_text("kind,phrase,value\nqualifier,a whopping,over\n")
    vocab = load_vocabulary([f])
    assert ("qualifier", "a whopping", "over") in vocab.grammar


def test_bad_file(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("a,b\n1,2\n")
    with pytest.raises(UserError):
        load_vocabulary([f])


def test_short_name_written_as_two_words_matches_as_the_vocabulary_writes_it():
    """SPACED-SHORT-NAME: a short name the vocabulary itself writes as two words ("IU X-Ray", "AG News") matches
    so written; a short name written as one ("IN-A") still never spreads over two words ("in a")."""
    idx = _index(Entry("IU X-Ray", ()), Entry("AG News", ()), Entry("ImageNet-A", ("IN-A",)))
    assert _found(idx, "BLEU-4 on IU X-Ray and 94.1% on AG News") == [("IU X-Ray", "IU X-Ray"), ("AG News", "AG News")]
    assert _found(idx, "on IU-XRay, in a row, IN-A") == [("IU-XRay", "IU X-Ray"), ("IN-A", "ImageNet-A")]
    assert _found(idx, "agnews in a table") == [("agnews", "AG News")]


def test_shipped_names_that_are_ordinary_words_match_only_as_written():
    """ "Switchboard", "Charades", "MuTual": the shipped vocabulary marks them case-sensitive, so the ordinary
    words ("a switchboard of experts", "Mutual Intelligibility" in a title) are no benchmark."""
    v = load_vocabulary()
    found = [m.entry.name for m in v.benchmarks.find("a switchboard of experts plays charades on Mutual terms")]
    assert found == []
    named = [m.entry.name for m in v.benchmarks.find("WER on Switchboard and mAP on Charades, R@1 on MuTual")]
    assert named == ["Switchboard", "Charades", "MuTual"]
