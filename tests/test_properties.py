"""Property tests: the extractor never crashes and every offset points at the text it claims."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaderboard.models import Paper

PIECES = [
    "We achieve",
    " an FID of ",
    "2.20",
    " on CIFAR-10",
    ". ",
    "92.0%",
    " accuracy",
    " on the MATH dataset",
    " outperforms GPT-4 by ",
    "5.6%",
    " up to ",
    "from 55.1 to 67.2",
    " 1.9/3.9",
    " test-clean/test-other",
    " respectively",
    ", and ",
    "85.3 \u00b1 0.2",
    "2.5x",
    " faster",
    "$92.1$",
    "5\\%",
    "\u22123.2",
    " (1) ",
    "[12]",
    " 7B",
    " 120k pairs",
    " 1024 x 1024",
    "https://x.org/a1",
    " WER",
    " on LibriSpeech",
    " mAP / ",
    " rank1",
    " (+1.0)",
    " 2024",
    " over the baseline",
    " BLEU",
    " on the FooBar benchmark",
    "(",
    ")",
    ";",
    "\u00d7",
    "\u2192",
    " of ",
    "%",
    ".",
    "-",
    "/",
]
text_st = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.text(alphabet="0123456789.,%x/ -+()[]$\\\u00b1ABCaon", max_size=120),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(abstract=text_st, title=st.sampled_from(["", "FooNet: A Title", "Plain title"]))
def test_offsets_point_at_their_text(extractor, abstract, title):
    for r in extractor.extract(Paper("p", title, abstract)):
        assert abstract[r.value_start : r.value_end] == r.value_text
        assert abstract[r.sentence_start : r.sentence_start + len(r.evidence)] == r.evidence
        assert r.sentence_start <= r.value_start and r.value_end <= r.sentence_start + len(r.evidence)
        if r.benchmark_start is not None:
            assert abstract[r.benchmark_start : r.benchmark_end] == r.benchmark_raw
        if r.metric_start is not None:
            assert abstract[r.metric_start : r.metric_end] == r.metric_raw
        assert 0.0 <= r.confidence <= 1.0
        assert r.kind in {"absolute", "delta", "range"}
        assert (r.value_to is not None) == (r.kind == "range")
