"""The knowledge layer: one loader that validates every vocabulary row, one canonicaliser for every stage.

Bugs fixed here (issue 12): A1 "FooNet-B" from an abstract and from a results CSV were two methods; A2 a
validation split was "val" when extracted and "dev" when imported, and "the SQuAD1.1 dev set" had no split;
A3 a --vocab metric with min=zero crashed the build; A4 a misspelled grammar kind loaded and did nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaderboard.errors import UserError
from leaderboard.extract.vocab import load_vocabulary
from leaderboard.knowledge import Splits, load_knowledge, method_key, method_norm, shipped_knowledge
from leaderboard.knowledge.loader import cue_kinds, read_file
from leaderboard.models import Paper
from leaderboard.normalise import canonical_benchmark, canonical_method, join_subsets, split_name
from leaderboard.pipeline import BuildOptions, build
from tests.helpers import sql, write_jsonl

METRIC_HEADER = "name,aliases,unit,higher_is_better,min,max\n"


def _error(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_knowledge([path])
    return str(info.value)


# A3: a metric range that does not parse is a user error naming file and line, not an internal error


def test_metric_min_that_is_not_a_number_names_file_and_line(tmp_path: Path) -> None:
    text = METRIC_HEADER + "# my metrics\n\nFooScore,FS,%,true,zero,100\n"
    assert _error(tmp_path, "m.csv", text) == f"{tmp_path / 'm.csv'} line 4: min must be a number or empty, not 'zero'"


def test_metric_direction_and_flags_must_parse(tmp_path: Path) -> None:
    text = METRIC_HEADER + "FooScore,FS,%,higher,0,100\n"
    assert _error(tmp_path, "d.csv", text).endswith(
        "d.csv line 2: higher_is_better must be true, false or empty, not 'higher'"
    )
    text = "name,aliases,unit,higher_is_better,min,max,case_sensitive\nFooScore,,%,true,0,100,maybe\n"
    assert _error(tmp_path, "c.csv", text).endswith(
        "c.csv line 2: case_sensitive must be true, false or empty, not 'maybe'"
    )
    text = METRIC_HEADER + "FooScore,FS,%,true,100,0\n"
    assert _error(tmp_path, "r.csv", text).endswith("r.csv line 2: min 100 is above max 0")
    text = METRIC_HEADER + "FooScore,FS,%,true,nan,\n"
    assert _error(tmp_path, "n.csv", text).endswith("n.csv line 2: min must be a number or empty, not 'nan'")


def test_a3_build_with_a_bad_vocab_metric_exits_2_in_one_line(tmp_path: Path, cli) -> None:
    write_jsonl(tmp_path / "papers.jsonl", [{"id": "p1", "title": "T", "abstract": "FooNet gets 0.91 FS on X."}])
    (tmp_path / "mine.csv").write_text(METRIC_HEADER + "FooScore,FS,,true,zero,1\n", encoding="utf-8")
    proc = cli("build", "papers.jsonl", "--vocab", "mine.csv", "--db", "lb.duckdb", "--quiet", "--workers", "1")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["error: mine.csv line 2: min must be a number or empty, not 'zero'"]
    assert not (tmp_path / "lb.duckdb").exists()


def test_valid_ranges_reach_the_extractor_as_numbers(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text(METRIC_HEADER + "FooScore,FS,,false,-1.5,1e3\n", encoding="utf-8")
    metric = load_knowledge([path]).metrics[0]
    assert (metric.name, metric.higher_is_better, metric.min, metric.max) == ("FooScore", False, -1.5, 1000.0)
    entry = load_vocabulary([path]).metrics.lookup("FS")
    assert (entry.get("min"), entry.get("max"), entry.get("higher_is_better")) == ("-1.5", "1000", "false")


# A4: an unknown grammar kind is an error (with the closest known kind), not a row that silently does nothing


def test_a4_misspelled_grammar_kind_is_an_error(tmp_path: Path) -> None:
    text = "kind,phrase,value\nqualifier,a good,about\nqualifer,a whopping,over\n"
    assert _error(tmp_path, "cues.csv", text) == (
        f"{tmp_path / 'cues.csv'} line 3: unknown grammar kind 'qualifer' (did you mean 'qualifier'?)"
    )
    assert "line 2: a grammar row needs a kind and a phrase" in _error(
        tmp_path, "e.csv", "kind,phrase,value\nqualifier,,x\n"
    )


def test_a4_build_with_a_misspelled_grammar_kind_exits_2(tmp_path: Path, cli) -> None:
    write_jsonl(tmp_path / "papers.jsonl", [{"id": "p1", "title": "T", "abstract": "We get 91.2% on CIFAR-10."}])
    (tmp_path / "cues.csv").write_text("kind,phrase,value\nqualifer,a whopping,over\n", encoding="utf-8")
    proc = cli("build", "papers.jsonl", "--vocab", "cues.csv", "--db", "lb.duckdb", "--quiet", "--workers", "1")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "error: cues.csv line 2: unknown grammar kind 'qualifer' (did you mean 'qualifier'?)"
    ]


def test_the_shipped_grammar_defines_the_known_kinds() -> None:
    kinds = cue_kinds()
    assert {"qualifier", "subset", "change", "generic_baseline"} <= kinds
    assert "qualifer" not in kinds
    kind, rows = read_file("kind,phrase,value\nqualifier,some,about\n", "x.csv")
    assert (kind, [(c.kind, c.phrase, c.value, str(c.origin)) for c in rows]) == (
        "grammar",
        [("qualifier", "some", "about", "x.csv line 2")],
    )


def test_shipped_files_load_and_name_their_lines() -> None:
    k = shipped_knowledge()
    squad = next(b for b in k.benchmarks if b.name == "SQuAD1.1")
    assert str(squad.origin).startswith("vocab/benchmarks.csv line ")
    acc = next(m for m in k.metrics if m.name == "Accuracy")
    assert (acc.unit, acc.higher_is_better, acc.min, acc.max) == ("%", True, 0.0, 100.0)
    assert [s.name for s in k.splits][:3] == ["dev", "test", "train"]


def test_a_file_of_no_known_kind_is_an_error(tmp_path: Path) -> None:
    assert _error(tmp_path, "x.csv", "a,b\n1,2\n").endswith("x.csv: not a vocabulary file (header ['a', 'b'])")


# A2: one spelling per split, from data (vocab/splits.csv), for extracted and imported rows


def test_a2_validation_is_dev_everywhere(run) -> None:
    assert split_name("Validation set") == split_name("val") == split_name("development") == "dev"
    assert split_name("test clean") == "test-clean"
    assert split_name("held out") is None
    (extracted,) = run("FooNet-B reaches 81.0% top-1 accuracy on the ImageNet validation set.")
    assert (extracted.benchmark, extracted.subset) == ("ImageNet", "dev")
    vocab = load_vocabulary()
    assert canonical_benchmark("ImageNet (validation)", vocab)[:2] == ("ImageNet", "dev")
    assert join_subsets("Validation", None, "top-1") == "dev / top-1"


def test_a2_a_split_after_a_benchmark_name_is_its_subset(run) -> None:
    for sentence, bench in [
        ("FooNet-B reaches 92.0 F1 on the SQuAD1.1 dev set.", "SQuAD1.1"),
        ("Our reader gets 88.1 EM on the SQuAD v1.1 dev set.", "SQuAD1.1"),
        ("BarDet reaches 51.2 AP on COCO test-dev.", "COCO"),
    ]:
        (r,) = run(sentence)
        assert (r.benchmark, r.subset) == (bench, "dev" if "dev set" in sentence else "test-dev"), sentence


def test_a2_user_split_file_extends_the_table(tmp_path: Path) -> None:
    path = tmp_path / "splits.csv"
    path.write_text("split,aliases\nheld-out,heldout|hold-out\ndev,dv\n", encoding="utf-8")
    vocab = load_vocabulary([path])
    assert vocab.splits.name("hold out set") == "held-out"
    assert vocab.splits.name("DV") == "dev"


_SPELLINGS = {
    "dev": ["dev", "development", "val", "valid", "validation"],
    "test": ["test", "testing"],
    "test-clean": ["test-clean", "test clean"],
}


@given(
    split=st.sampled_from(sorted(_SPELLINGS)),
    pick=st.integers(0, 4),
    upper=st.booleans(),
    head=st.sampled_from(["", " set", " split", " data"]),
)
def test_every_spelling_of_a_split_is_one_split(split: str, pick: int, upper: bool, head: str) -> None:
    words = _SPELLINGS[split]
    text = words[pick % len(words)] + head
    assert Splits.of(shipped_knowledge().splits).name(text.upper() if upper else text) == split


# A1 and method_norm: one method key for extracted and imported rows


def test_method_norm_is_the_same_for_extracted_and_imported_rows(run) -> None:
    vocab = load_vocabulary()
    (extracted,) = run("FooNet-B reaches 92.0 F1 on the SQuAD1.1 dev set.")
    assert extracted.method_norm == canonical_method("FooNet-B", vocab).norm == "foonetb"
    (bert,) = run("BERT reaches 88.5 F1 on the SQuAD1.1 dev set.")
    assert bert.method_norm == canonical_method("bert", vocab).norm == "bert"
    assert canonical_method("CRF-ASN (Chen et al., 2018)", vocab).norm == "crfasn"
    assert method_norm("Advantage Actor Critic", vocab.methods.lookup) == "a2c"  # the vocabulary's name, keyed


@given(st.text(alphabet="abcXYZ019-_ .", min_size=1, max_size=12))
def test_method_key_ignores_case_and_separators(name: str) -> None:
    assert method_key(name) == method_key(name.upper().replace("-", " ").replace("_", "."))


def test_a1_abstract_and_results_csv_meet_as_one_method_and_conflict(tmp_path: Path) -> None:
    abstract = "We present FooNet, a reader. FooNet-B reaches 92.0 F1 on the SQuAD1.1 dev set."
    write_jsonl(
        tmp_path / "papers.jsonl", [{"id": "2401.00001", "title": "FooNet: fast reading", "abstract": abstract}]
    )
    (tmp_path / "results.csv").write_text(
        "paper_id,title,method,benchmark,subset,metric,value\n"
        "x-1,A survey of readers,FooNet-B,SQuAD v1.1,validation,F1,95.5\n"
        "x-1,A survey of readers,BERT,SQuAD1.1,dev,F1,88.5\n",
        encoding="utf-8",
    )
    db = tmp_path / "lb.duckdb"
    build(BuildOptions([tmp_path / "papers.jsonl", tmp_path / "results.csv"], db, workers=1, progress=False))
    rows = sql(db, "SELECT source, method_norm, benchmark, subset, value FROM results ORDER BY value")
    assert rows.values.tolist() == [
        ["csv:results.csv", "bert", "SQuAD1.1", "dev", 88.5],
        ["abstract", "foonetb", "SQuAD1.1", "dev", 92.0],
        ["csv:results.csv", "foonetb", "SQuAD1.1", "dev", 95.5],
    ]
    conflicts = sql(db, "SELECT method_norm, benchmark, subset, metric, min_value, max_value, n_sources FROM conflicts")
    assert conflicts.values.tolist() == [["foonetb", "SQuAD1.1", "dev", "F1", 92.0, 95.5, 2]]
    assert sql(db, "SELECT count(DISTINCT method_norm) AS n FROM results WHERE method = 'FooNet-B'").n[0] == 1


def test_paper_record_is_unchanged_by_the_loader(extractor) -> None:
    """The extractor built on the knowledge layer reads a plain sentence as before."""
    (r,) = extractor.extract(Paper("p", "T", "Our model reaches 91.2% accuracy on CIFAR-10."))
    assert (r.value, r.benchmark, r.metric, r.unit) == (91.2, "CIFAR-10", "Accuracy", "%")


def test_no_benchmark_alias_swallows_a_split() -> None:
    """An alias "X dev" (X another spelling of the same benchmark) would hide the split from the subset."""
    from leaderboard.extract.normtext import norm_key

    splits = Splits.of(shipped_knowledge().splits)
    swallowing = []
    for entry in shipped_knowledge().benchmarks:
        names = {norm_key(n) for n in (entry.name, *entry.aliases)}
        for alias in entry.aliases:
            base, _, last = alias.replace("-", " ").rpartition(" ")
            if base and splits.name(last) in {"dev", "test", "test-dev"} and norm_key(base) in names:
                swallowing.append(alias)
    assert sorted(swallowing) == ["Story Cloze Test", "needle-in-a-haystack test"]  # names of tests, not splits


def test_curated_methods_get_the_same_method_key(tmp_path: Path) -> None:
    """A curation that adds a row or fixes a method keys it like every other row (was: lower-cased as written)."""
    from leaderboard.curation import Curation, append_curation, curation_path

    abstract = "BarNet reaches 91.0 F1 on the SQuAD1.1 dev set."
    papers = write_jsonl(tmp_path / "papers.jsonl", [{"id": "2401.00002", "title": "T", "abstract": abstract}])
    db = tmp_path / "lb.duckdb"
    build(BuildOptions([papers], db, workers=1, progress=False))
    (result_id,) = sql(db, "SELECT result_id FROM results").result_id
    append_curation(curation_path(db), Curation.fix(result_id, "method", "Foo-Net B"))
    append_curation(
        curation_path(db), Curation.add("2401.00002", "95.5", "SQuAD1.1", "F1", method="Advantage Actor Critic")
    )
    build(BuildOptions([papers], db, workers=1, progress=False))
    got = sql(db, "SELECT method, method_norm FROM results ORDER BY method").values.tolist()
    assert got == [["Advantage Actor Critic", "a2c"], ["Foo-Net B", "foonetb"]]


@given(
    low=st.floats(allow_nan=False, allow_infinity=False, width=32),
    junk=st.text(alphabet="abcxyz-_ ", min_size=1, max_size=8).filter(lambda s: s.strip() and s.strip() != "-"),
    comments=st.integers(0, 3),
)
def test_metric_ranges_parse_or_name_their_line(low: float, junk: str, comments: int) -> None:
    head = METRIC_HEADER + "# note\n" * comments
    kind, (metric,) = read_file(head + f"Foo,,,true,{low!r},\n", "m.csv")
    assert (kind, metric.min, metric.origin.line) == ("metrics", low, 2 + comments)
    with pytest.raises(UserError, match=rf"^m\.csv line {2 + comments}: max must be a number or empty, not "):
        read_file(head + f"Foo,,,true,,{junk}\n", "m.csv")


def test_window_cues_name_a_known_window_and_a_whole_number() -> None:
    from leaderboard.knowledge import Cue, Origin
    from leaderboard.knowledge.loader import check_cues

    known, windows = frozenset({"window", "qualifier"}), frozenset({"clause_before", "sentence_after"})
    check_cues([Cue("window", "clause_before", "120", Origin("g.csv", 2))], known, windows)
    with pytest.raises(
        UserError, match=r"^g\.csv line 3: unknown window 'clause_befor' \(did you mean 'clause_before'\?\)$"
    ):
        check_cues([Cue("window", "clause_befor", "80", Origin("g.csv", 3))], known, windows)
    with pytest.raises(
        UserError, match=r"^g\.csv line 4: window clause_before must be a whole number of characters, not 'far'$"
    ):
        check_cues([Cue("window", "clause_before", "far", Origin("g.csv", 4))], known, windows)


def test_subset_cues_that_name_a_split_take_its_one_spelling(tmp_path: Path, run) -> None:
    cues = tmp_path / "cues.csv"
    cues.write_text("kind,phrase,value\nsubset,valid set,\nsubset,heldout,val\n", encoding="utf-8")
    rows = [r for r in load_vocabulary([cues]).grammar if r[1] in {"valid set", "heldout", "test-dev"}]
    assert rows == [("subset", "valid set", "dev"), ("subset", "heldout", "dev"), ("subset", "test-dev", "test-dev")]
    assert [(r.benchmark, r.subset) for r in run("BarDet reaches 51.2 AP on COCO Test-Dev.")] == [("COCO", "test-dev")]
