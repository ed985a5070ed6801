"""
Measure quotation extraction on the hand-annotated train and development sets.

    .venv/bin/python bench/quotes.py [train|dev ...] [--rounds N] [--predictions FOLDER]
    .venv/bin/python bench/quotes.py --rules

Runs ``newsmodel.extract_quotations`` over every paragraph of each split
(``../shared/quotes/polnear-<split>.jsonl``; both by default: rules are
developed on train, and dev shows whether they generalise), scores the
predictions with the sets' own ``score.py`` and prints its table, then
paragraphs per second of this process's CPU time (best of several rounds),
which other jobs on the machine do not inflate as they do wall time.  Terms in
quotation marks are not predicted: the sets do not count them as quotations.

With ``--rules``, each rule is switched off in turn (its function or word list
replaced for the run, all others on) and the change in attribution F1 on
train and dev is printed: what removing it costs, the table in
``docs/quotations.md``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import newsmodel.quotes
from newsmodel.model import QuotationKind
from newsmodel.quotes import attribution as attributions
from newsmodel.quotes import (
    clauses,
    extract_quotations,
    marks,
    mentions,
    passives,
    sentences,
    speakers,
    subjects,
    verbs,
)
from newsmodel.quotes.words import join

if TYPE_CHECKING:
    from types import ModuleType

QUOTES = Path(__file__).resolve().parent.parent.parent / "shared" / "quotes"
SPLITS = ("train", "dev")
SCORER = QUOTES / "score.py"


def split_path(split: str) -> Path:
    """Where the annotated paragraphs of a split are."""
    return QUOTES / f"polnear-{split}.jsonl"


def predictions(paragraphs: list[dict[str, str]]) -> list[dict[str, object]]:
    """One prediction line per paragraph, in the scorer's form."""
    lines: list[dict[str, object]] = []
    for paragraph in paragraphs:
        quotes = [
            {
                "text": quotation.text,
                "start": quotation.span.start,
                "end": quotation.span.end,
                "speaker": quotation.speaker.name if quotation.speaker else None,
                "speaker_mention": quotation.speaker_mention,
            }
            for quotation in extract_quotations(paragraph["text"])
            if quotation.kind is not QuotationKind.TERM and quotation.span is not None
        ]
        lines.append({"id": paragraph["id"], "quotes": quotes})
    return lines


def measure(split: str, rounds: int, kept: Path | None) -> None:
    """Score one split and time it."""
    path = split_path(split)
    if not path.is_file():
        sys.exit(f"the {split} set is not there: {path}")
    with path.open(encoding="utf-8") as rows:
        paragraphs = [json.loads(row) for row in rows if row.strip()]
    times = []
    for _ in range(rounds):
        start = time.process_time()
        lines = predictions(paragraphs)
        times.append(time.process_time() - start)
    with tempfile.TemporaryDirectory() as folder:
        predicted = (kept or Path(folder)) / f"predictions-{split}.jsonl"
        predicted.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
        print(f"== {split}: {path.name}", flush=True)
        subprocess.run([sys.executable, SCORER, predicted, path], check=True)
    print(
        f"{len(paragraphs)} paragraphs, {len(paragraphs) / min(times):,.0f} paragraphs/s (one core)"
    )


def _never(*_: object, **__: object) -> None:
    return None


def _no(*_: object, **__: object) -> bool:
    return False


def _same(words: list[str]) -> list[str]:
    return words


def _after_preposition_too(words: list[str], start: int, end: int) -> str | None:
    """The mention rule without its test for a preposition before the mention."""
    taken = getattr(mentions, "_untimed")(words[start:end])  # noqa: B009
    someone: bool = bool(taken) and getattr(mentions, "_names_someone")(taken)  # noqa: B009
    return join(taken) if someone else None


_RELATIVE = getattr(clauses, "_relative")  # noqa: B009 - kept before the bench replaces it


def _never_closed(words: list[str]) -> tuple[int, int | None]:
    """The relative clause rule without its test for a comma that closes the clause."""
    opening, _ = _RELATIVE(words)
    return opening, None


class _Everything:
    """A word list that holds every word."""

    def __contains__(self, _: object) -> bool:
        return True


_QUOTES = newsmodel.quotes
_READER = getattr(_QUOTES, "_Reader")  # noqa: B009
#: Each rule, and what switches it off: (module or class, attribute, replacement).
RULES: dict[str, tuple[ModuleType | type, str, object]] = {
    "a speaker named after the quotation": (_QUOTES, "after", _never),
    "the latest speaker of this paragraph or the one before": (_READER, "_carried_over", _never),
    "a quotation ending in , ? ! or a dash goes on into its cue": (_QUOTES, "_continues", _no),
    "a cue before the quotation in its sentence": (_QUOTES, "before", _never),
    "the subject of the sentence, for a quotation with no cue": (
        _QUOTES,
        "_sentence_subject",
        _never,
    ),
    "a cue that closes the sentence after the writer's words": (attributions, "_trailing", _never),
    "according to X, per X": (attributions, "_leading", _never),
    "a name, an aside, a verb (Bush, the governor, attacked)": (
        subjects,
        "_name_with_aside",
        _never,
    ),
    "a relative clause's cue before an outer one": (clauses, "RELATIVES", frozenset()),
    "an aside between speaker and cue after the quotation": (attributions, "_aside_end", _never),
    "common irregular pasts end subjects (The senator sought)": (
        mentions,
        "_COMMON_PASTS",
        frozenset(),
    ),
    "a subject before an aside (X, who ..., said)": (
        attributions,
        "_subject_before_aside",
        _never,
    ),
    "a scene-setting clause (When ..., Despite ...,) passed over": (
        clauses,
        "subordinate",
        _no,
    ),
    "a role before a name (presidential candidate X)": (subjects, "_role_before_name", _no),
    "a description carried on (a person close to X)": (mentions, "_links_description", _no),
    "cues with a particle (went on, shot back)": (verbs, "PHRASAL", {}),
    "no speaker right after a preposition (in the past described)": (
        mentions,
        "_subject",
        _after_preposition_too,
    ),
    "a name labelling a line (More from Jones:, Jones, Herald:)": (attributions, "_label", _never),
    "a relative clause's antecedent (Beck, who has called him)": (
        clauses,
        "antecedent",
        _never,
    ),
    "an opening mark placed as a closing one closes": (marks, "_closes", _no),
    "participles, adverbs and Hours later open no subject": (subjects, "_opens_participle", _no),
    "a plural subject's present tense (the two write)": (attributions, "_plural", _no),
    "a cue between commas (The trouble, says X, is)": (attributions, "_inserted", _never),
    "a sentence that is only a speaker and a cue (Trump said.)": (
        attributions,
        "_speaker_sentence",
        _never,
    ),
    "with X saying": (verbs, "with_subject", lambda _: []),
    "lower-case groups (federal prosecutors wrote)": (mentions, "_group", _no),
    "single-quoted (British) copy": (_QUOTES, "quotes_with_single_marks", _no),
    "a plural possessive in single-quoted copy (the farmers' union)": (
        marks,
        "_plural_possessive",
        _no,
    ),
    "a name and a cue after a quotation missing its comma": (_QUOTES, "_name_and_cue", _no),
    "counted descriptions (another voter, two aides)": (mentions, "QUANTIFIERS", frozenset()),
    "times are no speakers (Priebus later Thursday)": (mentions, "_untimed", _same),
    "a source passing a saying on (..., according to the Herald)": (
        attributions,
        "_reporting_source",
        _never,
    ),
    'terms after the or a possessive (the "new territories")': (
        _QUOTES,
        "_is_term",
        getattr(_QUOTES, "_names_a_work"),  # noqa: B009 - only titles and markup values
    ),
    'titles of works are terms (on "Meet the Press")': (_QUOTES, "_is_title", _no),
    "a capitalised present cues in title case (Voss Says)": (verbs, "_title_case", _no),
    "a dateline opens no subject (TALLAHASSEE \u2014)": (subjects, "_after_dateline", _same),
    "is quoted as saying, could be heard shouting": (attributions, "_heard_saying", _never),
    "a verb ends the subject before a colon (Sanders delivered a retort:)": (
        attributions,
        "verb_like",
        _no,
    ),
    "a present tense with an object ends a subject (The ad hits Clinton)": (
        subjects,
        "_third_person",
        _no,
    ),
    "a subject runs over nouns before its verb (Legal observers note)": (
        subjects,
        "_nouns_before_verb",
        _no,
    ),
    "told between commas names the one told (X, ..., told POLITICO,)": (
        attributions,
        "TELLS",
        frozenset(),
    ),
    "the modals that are first names (Will Doyle)": (mentions, "_MODAL_NAMES", frozenset()),
    '"...," as X put it': (attributions, "_as_put_it", _never),
    "as X said stands for the quotation (..., as Cruz said, ...)": (
        clauses,
        "AS_CUES",
        frozenset(),
    ),
    "a title's office after of (Secretary of State X)": (speakers, "_office_length", _no),
    "no speaker a preposition opens (of Republican claims)": (
        attributions,
        "_well_formed",
        lambda _: True,
    ),
    "a passive cue is not its subject's (was asked)": (passives, "is_passive", _no),
    'a passive cue\'s agent after the quotation (a "witch hunt" by critics)': (
        _QUOTES,
        "passive_agent",
        _never,
    ),
    '"..." as described by X': (attributions, "_as_described", _never),
    "a verb joined by and takes its nearest subject (she laughed and said)": (
        attributions,
        "_nearest_clause_subject",
        _never,
    ),
    "a plural noun before a verb is no cue (his remarks were)": (verbs, "_noun_before_verb", _no),
    "a cue before its speaker and a colon (In short, explained X:)": (
        attributions,
        "_inverted",
        _no,
    ),
    "adverbs that open a clause (And then X went)": (
        subjects,
        "OPENING_ADVERBS",
        frozenset(),
    ),
    "a name after a description (its president, Ed Kline)": (
        mentions,
        "_name_after_description",
        lambda *_: [],
    ),
    "straight single marks quote where a cue shows it": (marks, "_straight_speech", _no),
    "to and for inside a name (Americans for Prosperity)": (mentions, "_inside_name", _no),
    "a clause after the main one has its own cue (..., although he tweeted)": (
        clauses,
        "_later_clause",
        lambda *_: -1,
    ),
    "an aside's cues are not the quotation's (Graham, who says ..., tweeted)": (
        clauses,
        "_relative",
        _never_closed,
    ),
    "a pronoun's contraction before a cue (he's said)": (
        attributions,
        "_contracted_pronoun",
        _never,
    ),
    'a quotation in an opening participle\'s phrase (In calling it "...," X)': (
        _QUOTES,
        "participle_subject",
        _never,
    ),
    "a clause after a trailing cue names the next speaker (X says, but she warns)": (
        _QUOTES,
        "_NEW_CLAUSE",
        frozenset(),
    ),
    "a cue after and with no subject is the earlier subject's (... and said)": (
        attributions,
        "_SUBJECTLESS",
        frozenset(),
    ),
    "a noun for a saying leaves it to the possessor (Podliska's claim is)": (
        subjects,
        "SAID_NOUNS",
        frozenset(),
    ),
    "whom a cue opening the sentence asked speaks next (Asked ..., X said)": (
        attributions,
        "_ADDRESSED",
        frozenset(),
    ),
    "an abbreviation may end a sentence (in the U.S. He said)": (
        sentences,
        "_OPENERS",
        frozenset(),
    ),
    'a passive cue governs only a quotation right after it (not "in a" one)': (
        passives,
        "_COMPLEMENT_OPENERS",
        _Everything(),
    ),
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("polnear_score", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"the scorer is not there: {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def attribution(scorer: ModuleType, gold: dict[str, Any]) -> tuple[float, int]:
    """Attribution F1 of the rules as they stand on one split, and how many they get right."""
    lines = predictions(list(gold.values()))
    scores = scorer.score({line["id"]: line for line in lines}, gold)
    _, recall, f1 = scores["attribution"]
    return f1, round(recall * scores["gold_quotes"])


def rule_costs() -> None:
    """Print the change in attribution F1 on train and dev with each rule switched off."""
    scorer = _scorer()
    gold = {split: scorer.load(split_path(split)) for split in SPLITS}
    base = {split: attribution(scorer, gold[split]) for split in SPLITS}
    print(f"{'all rules':70} train {base['train'][0]:.3f}  dev {base['dev'][0]:.3f}")
    print(f"{'rule switched off':70} {'train F1 (right)':>17} {'dev F1 (right)':>17}")
    for label, (owner, name, replacement) in RULES.items():
        kept = getattr(owner, name)
        setattr(owner, name, replacement)
        try:
            costs = [attribution(scorer, gold[split]) for split in SPLITS]
        finally:
            setattr(owner, name, kept)
        cells = [
            f"{f1 - base[split][0]:+.3f} ({right - base[split][1]:+d})"
            for split, (f1, right) in zip(SPLITS, costs, strict=True)
        ]
        print(f"{label:70} {cells[0]:>17} {cells[1]:>17}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("splits", nargs="*", metavar="split", help="train, dev (default: both)")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (best is kept)")
    parser.add_argument("--predictions", type=Path, help="also keep the predictions in this folder")
    parser.add_argument("--rules", action="store_true", help="what switching off each rule costs")
    options = parser.parse_args()
    if options.rules:
        rule_costs()
        return
    unknown = set(options.splits) - set(SPLITS)
    if unknown:
        parser.error(f"unknown split {min(unknown)!r}: expected one of {', '.join(SPLITS)}")
    for split in options.splits or SPLITS:
        measure(split, options.rounds, options.predictions)


if __name__ == "__main__":
    main()
