"""The calibration and judging-synonym files are read by the one knowledge loader: typed, validated, with lines."""

from __future__ import annotations

from importlib import resources

import pytest

from leaderboard.errors import UserError
from leaderboard.extract.calibration import FEATURES, Calibration
from leaderboard.extract.refscore import Names
from leaderboard.knowledge.entries import CalibrationEntry, Origin, SynonymEntry
from leaderboard.knowledge.loader import read_calibration, read_synonyms, shipped_calibration, shipped_synonyms


def test_calibration_entries_are_typed_with_their_lines() -> None:
    text = "# fitted\nfeature,value\n(intercept),-2.5\n\ndecimals,0.75\n"
    assert read_calibration(text, "cal.csv") == (
        CalibrationEntry("(intercept)", -2.5, Origin("cal.csv", 3)),
        CalibrationEntry("decimals", 0.75, Origin("cal.csv", 5)),
    )
    assert read_calibration("", "cal.csv") == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("feature,value\nrange,high\n", "cal.csv line 2: value must be a number or empty, not 'high'"),
        ("feature,value\nrange,\n", "cal.csv line 2: a calibration row needs a feature and a value"),
        ("feature,value\nrange,1\nsubset,2\nrange,3\n", "cal.csv line 4: feature 'range' again (first at line 2)"),
        ("name,weight\nrange,1\n", "cal.csv: header lacks feature, value (has name, weight)"),
        ("feature,value\nrange,1,2\n", "cal.csv line 2: 3 fields, the header has 2"),
    ],
)
def test_bad_calibration_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(UserError) as info:
        read_calibration(text, "cal.csv")
    assert str(info.value) == message


def test_synonym_entries_are_typed_and_checked() -> None:
    text = "kind,key,value\nlanguage,welsh,cy\nmetric,wer,worderrorrate\n"
    assert read_synonyms(text, "syn.csv") == (
        SynonymEntry("language", "welsh", "cy", Origin("syn.csv", 2)),
        SynonymEntry("metric", "wer", "worderrorrate", Origin("syn.csv", 3)),
    )
    with pytest.raises(UserError, match=r"^syn\.csv line 3: unknown kind 'metirc' \(did you mean 'metric'\?\)$"):
        read_synonyms("kind,key,value\nmetric,a,b\nmetirc,wer,wer\n", "syn.csv")
    with pytest.raises(UserError, match=r"^syn\.csv line 2: a language row needs a key and a value$"):
        read_synonyms("kind,key,value\nlanguage,breton,\n", "syn.csv")


def test_the_shipped_files_load_through_the_loader() -> None:
    cal = shipped_calibration()
    lines = (resources.files("leaderboard") / "vocab" / "calibration.csv").read_text(encoding="utf-8").splitlines()
    first = next(i for i, ln in enumerate(lines, start=1) if ln.startswith("(intercept),"))
    assert cal[0] == CalibrationEntry(
        "(intercept)", float(lines[first - 1].split(",")[1]), Origin("vocab/calibration.csv", first)
    )
    loaded = Calibration.load()
    assert loaded.intercept == next(e.value for e in cal if e.feature == "(intercept)")
    assert loaded.threshold == next(e.value for e in cal if e.feature == "(threshold)")
    assert loaded.coef == {e.feature: e.value for e in cal if e.feature in FEATURES}
    assert len(loaded.coef) > 5
    names = Names.load()
    syn = shipped_synonyms()
    assert names.lang["english"] == "en"
    assert len(names.syn) == len({e.value for e in syn if e.kind == "metric"})
    assert names.syn["meaniou"] == names.syn["iou"]
