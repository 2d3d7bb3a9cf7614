"""Method identity: name keys and the alias file."""

from pathlib import Path

import pandas as pd
import pytest

from leaderboard.rank.methods import canonical_names, load_aliases, method_key, resolve_aliases

FIXTURE = Path(__file__).parent / "data" / "rank_methods.csv"


def test_spellings_of_llama2_share_a_key():
    assert method_key("LLaMA2-7B") == "llama27b"
    assert method_key("Llama-2-7B") == "llama27b"
    assert method_key("llama 2 7b") == "llama27b"
    assert method_key("Llama_2.7B (ours)") == "llama27b"


def test_distinct_models_keep_distinct_keys():
    assert method_key("GPT-4") != method_key("GPT-4o")
    assert method_key("ResNet-50") != method_key("ResNet-101")
    assert method_key(None) == "" and method_key(float("nan")) == "" and method_key("  ") == ""


def test_alias_file_maps_spellings_to_canonical_name():
    index = load_aliases([FIXTURE])
    assert index[method_key("Meta Llama 2 7B")] == "Llama-2-7B"
    assert index[method_key("llama-v2 7b")] == "Llama-2-7B"  # tolerant of case, spaces, hyphens
    assert index[method_key("gpt-4-0613")] == "GPT-4"
    assert index[method_key("R50")] == "ResNet-50"
    assert len(index) == 9  # 3 names + 6 aliases, all with distinct keys


def test_missing_alias_file_is_empty_and_bad_header_is_an_error(tmp_path):
    assert load_aliases([tmp_path / "nope.csv"]) == {}
    bad = tmp_path / "bad.csv"
    bad.write_text("model,other\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match="name,aliases"):
        load_aliases([bad])


def test_user_file_is_added_to_the_shipped_one_and_mappings_are_accepted():
    index = resolve_aliases(FIXTURE)
    assert index[method_key("R50")] == "ResNet-50"
    assert resolve_aliases({"My Net": "MyNet-L"}) == {"mynet": "MyNet-L"}


def test_canonical_names_prefer_alias_then_most_frequent_spelling():
    names = pd.Series(["LLaMA2-7B", "llama 2 7b", "Meta Llama 2 7B", "BERT-base", "bert base", "BERT-base", None])
    out = canonical_names(names, load_aliases([FIXTURE]))
    assert out.tolist()[:3] == ["Llama-2-7B"] * 3
    assert out.tolist()[3:6] == ["BERT-base"] * 3  # 2 of 3 rows spell it that way
    assert out.iloc[6] is None
