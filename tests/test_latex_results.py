"""Cells to results: benchmark/metric from headers and captions, methods, transposed tables, skip reasons."""

from __future__ import annotations

import pytest

from leaderboard.extract.vocab import load_vocabulary
from leaderboard.models import Result
from leaderboard.sources.imported import Namer
from leaderboard.tables.context import PaperContext, load_cues
from leaderboard.tables.parse import parse_table
from leaderboard.tables.records import LatexTable
from leaderboard.tables.results import table_items


@pytest.fixture(scope="module")
def ctx() -> PaperContext:
    return PaperContext("2402.00002", "x.tar.gz", Namer(load_vocabulary()), load_cues(), ("WaveKit",))


def _read(ctx: PaperContext, latex: str) -> tuple[list[Result], LatexTable]:
    (table,) = parse_table(latex)
    items = list(table_items(ctx, "main.tex", 1, table))
    return [i for i in items if isinstance(i, Result)], items[-1]


def _float(caption: str, body: str, spec: str = "lccc") -> str:
    head = rf"\begin{{table}}\caption{{{caption}}}\begin{{tabular}}{{{spec}}}\toprule "
    return head + body + r" \bottomrule\end{tabular}\end{table}"


def test_arrow_header_is_the_metric_and_the_level_below_the_benchmark(ctx: PaperContext) -> None:
    body = r"Agent & \multicolumn{2}{c}{Episodes to solve $\downarrow$} \\ & Maze-A & Maze-B \\ \midrule "
    body += r"Q-Learner~\cite{q} & 410 & 515 \\ WaveKit & 120 & 160 \\"
    latex = _float("Sample efficiency.", body, "lcc")
    results, table = _read(ctx, latex)
    assert table.status == "results"
    rows = {(r.method, r.benchmark, r.metric, r.higher_is_better, r.is_own_method, r.value) for r in results}
    assert ("Q-Learner", "Maze-A", "Episodes to solve", False, False, 410.0) in rows
    assert ("WaveKit", "Maze-B", "Episodes to solve", False, True, 160.0) in rows


def test_caption_benchmark_when_headers_are_qualifiers(ctx: PaperContext) -> None:
    latex = _float("Word error rates on LibriSpeech.", r"Model & \multicolumn{2}{c}{WER} \\ & clean & noisy \\ "
                   r"\midrule Conformer~\cite{c} & 2.1 & 4.3 \\ Ours & 1.9 & 4.0 \\", "lcc")  # fmt: skip
    results, _ = _read(ctx, latex)
    assert {(r.benchmark, r.metric, r.subset) for r in results} == {
        ("LibriSpeech", "WER", "clean"), ("LibriSpeech", "WER", "noisy")
    }  # fmt: skip
    assert {r.method for r in results if r.is_own_method} == {"WaveKit"}  # "Ours" is the paper's model


def test_transposed_table_takes_methods_from_the_columns(ctx: PaperContext) -> None:
    latex = _float("Accuracy of the checkpoints.", r"Task & Stage 1 & Stage 2 \\ \midrule "
                   r"MMLU & 61.2 & 64.0 \\ GSM8K & 40.5 & 55.1 \\ HellaSwag & 70.0 & 71.3 \\", "lcc")  # fmt: skip
    results, _ = _read(ctx, latex)
    assert ("Stage 2", "GSM8K", 55.1) in {(r.method, r.benchmark, r.value) for r in results}


def test_dataset_column_names_each_rows_benchmark(ctx: PaperContext) -> None:
    body = r"Dataset & Model & NDCG@10 \\ \midrule Kitchen-Logs & PopRec & 0.12 \\ "
    body += r"Kitchen-Logs & GraphRec & 0.19 \\ Garden-Logs & PopRec & 0.08 \\"
    latex = _float("Ranking quality.", body)
    results, _ = _read(ctx, latex)
    assert {(r.method, r.benchmark, r.benchmark_known) for r in results} == {
        ("PopRec", "Kitchen-Logs", False), ("GraphRec", "Kitchen-Logs", False), ("PopRec", "Garden-Logs", False)
    }  # fmt: skip


def test_delta_rows_and_changes_after_values(ctx: PaperContext) -> None:
    latex = _float("Results on SST-2.", r"Method & Accuracy \\ \midrule Base~\cite{b} & 90.1 \\ "
                   r"WaveKit & 92.3 (+2.2) \\ Improvement & 2.2 \\", "lc")  # fmt: skip
    results, _ = _read(ctx, latex)
    assert sorted((r.method, r.kind, r.value) for r in results) == [
        ("Base", "absolute", 90.1), ("WaveKit", "absolute", 92.3), ("WaveKit", "delta", 2.2)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("caption", "body", "reason"),
    [
        ("Settings used for fine-tuning: hyperparameters.", r"Name & Value \\ \midrule lr & 0.001 \\ batch & 64 \\",
         "hyperparameters"),
        ("Corpus sizes.", r"Split & Docs & Tokens \\ \midrule Train & 12K & 3.4M \\ Test & 2K & 0.6M \\",
         "magnitude suffix"),
        ("Effect of the warm-up length.", r"Warm-up & Score \\ \midrule 100 steps & 71.0 \\ 500 steps & 72.4 \\"
         r" 1000 steps & 72.1 \\", "row headers are numbers"),
        ("Measurements.", r"Quantity & Value \\ \midrule Mean error & 0.4 \\ Standard deviation & 0.1 \\"
         r" Number of runs & 12 \\", "rows are statistics"),
        ("Evaluation suite.", r"Task & Examples & Split & Metric \\ \midrule Parsing & 2000 & test & LAS \\"
         r" Tagging & 1500 & dev & accuracy \\", "description table"),
        ("Ablation of the encoder.", r"Variant & F1 \\ \midrule full & 80.1 \\ w/o attention & 77.0 \\"
         r" w/o pooling & 78.2 \\", "ablation"),
        ("Sensitivity to the margin.", r"Setting & MRR \\ \midrule $\gamma$=0.5 & 0.31 \\ $\gamma$ = 1 & 0.35 \\"
         r" $\gamma$=2.0 & 0.33 \\", "numbers or settings"),
        ("Scores by decoder depth.", r"Decoder blocks & BLEU & chrF \\ \midrule 2 & 27.1 & 55.0 \\"
         r" 4 & 28.3 & 56.2 \\ 8 & 28.0 & 56.1 \\", "swept in order"),
        ("Macro-F1 with noisy labels.", r"Noise level & Macro-F1 \\ \midrule clean & 66.0 \\ mild & 63.5 \\"
         r" heavy & 58.9 \\", "names a setting"),
        ("Per-fold scores of our ranker.", r"Split & AUC \\ \midrule Fold 1 & 0.81 \\ Fold 2 & 0.79 \\"
         r" Fold 3 & 0.83 \\", "numbered instances"),
    ],
)  # fmt: skip
def test_non_result_tables_are_skipped_with_the_reason(ctx: PaperContext, caption: str, body: str, reason: str) -> None:
    results, table = _read(ctx, _float(caption, body, "lcc"))
    assert results == [] and table.status == "skipped" and reason in table.reason


def test_rows_that_are_systems_stay_results_under_a_setting_header(ctx: PaperContext) -> None:
    body = r"Level & Acc & F1 \\ \midrule BiDAF~\cite{b} & 61.0 & 70.2 \\ QANet~\cite{q} & 64.3 & 72.9 \\"
    results, table = _read(ctx, _float("Accuracy on the hard questions.", body))
    assert table.status == "results" and {r.method for r in results} == {"BiDAF", "QANet"}


def test_unlabelled_row_of_signed_gains_is_not_a_system(ctx: PaperContext) -> None:
    body = r"Model & Hit@10 & MRR \\ \midrule LinRec~\cite{l} & 0.40 & 0.21 \\ WaveKit & 0.44 & 0.25 \\"
    body += r" & +10.0\% & +19.0\% \\"
    results, _ = _read(ctx, _float("Next-song prediction.", body))
    assert sorted((r.method, r.value) for r in results) == [
        ("LinRec", 0.21), ("LinRec", 0.4), ("WaveKit", 0.25), ("WaveKit", 0.44)
    ]  # fmt: skip


def test_base_row_under_a_backbone_label_is_that_backbone(ctx: PaperContext) -> None:
    body = r"Encoder & Variant & Recall@20 \\ \midrule \multirow{2}{*}{GRU4Rec} & Vanilla & 0.110 \\"
    body += r" & + WaveKit & 0.131 \\ \midrule \multirow{2}{*}{NARM} & Vanilla & 0.120 \\ & + WaveKit & 0.140 \\"
    results, _ = _read(ctx, _float("Plug-in gains on Tmall.", body))
    assert {(r.method, r.value) for r in results if r.value in (0.11, 0.12)} == {("GRU4Rec", 0.11), ("NARM", 0.12)}
