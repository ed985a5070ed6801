"""
Speaker rules, each checked so that breaking it fails a test.

Only the public ``extract_quotations`` is used: how the rules are coded
may change, what they decide may not.  The sentences were written for
these tests, and the expected speakers by hand.
"""

from __future__ import annotations

import pytest

from newsmodel import extract_quotations
from newsmodel.model import Organization, Person


def speakers(text: str) -> list[str | None]:
    """The name of each quotation's speaker, in reading order."""
    return [
        None if q.speaker is None else q.speaker.name
        for q in extract_quotations(text, language="en")
    ]


# ---- "of" ends a name that has begun ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"We will not back down," said Sen. Elizabeth Warren of Massachusetts.',
            "Elizabeth Warren",
        ),
        ('"We will not back down," Elizabeth Warren of Massachusetts said.', "Elizabeth Warren"),
        ('"We will not back down," said Mary Jones of the Red Cross.', "Mary Jones"),
        (
            '"We will not back down," said Governor Mary Jones of Ohio, the head of the group.',
            "Mary Jones",
        ),
    ],
)
def test_of_after_a_name_ends_it(text: str, speaker: str) -> None:
    assert [speaker] == speakers(text)


def test_the_title_before_the_name_is_kept_when_of_cuts() -> None:
    (quotation,) = extract_quotations(
        '"We will not back down," said Sen. Elizabeth Warren of Massachusetts.', language="en"
    )
    assert quotation.speaker is not None
    assert ("Elizabeth Warren", "Sen.") == (quotation.speaker.name, quotation.speaker.title)  # type: ignore[union-attr]
    assert "Sen. Elizabeth Warren of Massachusetts" == quotation.speaker_mention


# ---- he and she: the latest person quoted, else the latest titled person named --------


def test_a_pronoun_prefers_the_latest_person_quoted_to_one_named_since() -> None:
    text = (
        '"It is over," said John Doe. Prime Minister Anna Berg visited the site on Monday. '
        '"We will rebuild," he said.'
    )
    assert ["John Doe", "John Doe"] == speakers(text)


def test_before_anyone_is_quoted_a_pronoun_is_the_latest_titled_person_named() -> None:
    text = 'Prime Minister Anna Berg visited the site on Monday. "We will rebuild," she said.'
    assert ["Anna Berg"] == speakers(text)


def test_a_pronoun_follows_the_speaker_from_quotation_to_quotation() -> None:
    text = '"It is over," said Mayor Jane Smith. "We are done," she added.'
    assert ["Jane Smith", "Jane Smith"] == speakers(text)


def test_a_pronoun_the_latest_speaker_cannot_be_names_the_latest_person_who_can() -> None:
    text = (
        '"We will win," Mayor Alma Reyes said. "We have the votes," she added.\n\n'
        "Her rival, Ed Kline, was unimpressed.\n\n"
        '"It is a fantasy," he said.\n\n'
        '"We are ready," she said.'
    )
    assert ["Alma Reyes", "Alma Reyes", "Ed Kline", "Alma Reyes"] == speakers(text)


@pytest.mark.parametrize(
    ("title", "pronoun", "speaker"),
    [
        ("Ms.", "she", "Ruth Odum"),
        ("Ms.", "he", "Tom Hale"),  # Odum is she: he is the one named since
        ("Mr.", "she", "Tom Hale"),
        ("Mr.", "he", "Ruth Odum"),
    ],
)
def test_a_gendered_title_tells_which_pronoun_a_person_is(
    title: str, pronoun: str, speaker: str
) -> None:
    text = (
        f'"The plan is sound," {title} Ruth Odum said. Tom Hale nodded. '
        f'"It is not," {pronoun} said.'
    )
    assert ["Ruth Odum", speaker] == speakers(text)


@pytest.mark.parametrize("pronoun", ["they", "it", "we"])
def test_other_pronouns_name_nobody(pronoun: str) -> None:
    text = f'"It is over," said John Doe. "We will rebuild," {pronoun} said.'
    assert ["John Doe", None] == speakers(text)


# ---- what the mutation run found unchecked: the records a mention resolves to ----------


def records(text: str) -> list[tuple[str, str | None, str | None]]:
    """Each speaker as name, title and affiliation."""
    found = []
    for quotation in extract_quotations(text, language="en"):
        speaker = quotation.speaker
        assert isinstance(speaker, Person), speaker
        affiliation = speaker.affiliation.name if speaker.affiliation else None
        found.append((speaker.name, speaker.title, affiliation))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Mayor Jane Smith opened the bridge on Monday. "It is a great day," said Jane Smith.',
            [("Jane Smith", "Mayor", None)],
        ),
        (
            '"It is a great day," said Mayor Jane Smith. "We waited long," Smith said.',
            [("Jane Smith", "Mayor", None), ("Jane Smith", "Mayor", None)],
        ),
        (
            '"It is a great day," said Jane Smith. "We waited long," said Mayor Jane Smith.',
            [("Jane Smith", None, None), ("Jane Smith", "Mayor", None)],
        ),
        (
            (
                '"It is a great day," said the Kremlin\'s spokesman Dmitry Peskov. '
                '"We waited long," the spokesman said.'
            ),
            [("Dmitry Peskov", "spokesman", "Kremlin"), ("Dmitry Peskov", "spokesman", "Kremlin")],
        ),
        (
            '"We are ready," said Jane Smith. "We are done," said Mr. Smith.',
            [("Jane Smith", None, None), ("Jane Smith", "Mr.", None)],
        ),
        (
            '"It is a great day," said UN Secretary-General Antonio Guterres.',
            [("Antonio Guterres", "Secretary-General", "UN")],
        ),
    ],
)
def test_a_mention_resolves_to_the_fullest_record_of_the_person(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    """A surname, a title or a bare name finds the person named before, title and all."""
    assert expected == records(text)


@pytest.mark.parametrize(
    ("mention", "kind", "name", "title"),
    [
        ("the BBC", "Organization", "BBC", None),
        ("THE BBC", "Organization", "BBC", None),
        ("NASA", "Organization", "NASA", None),
        ("the Kremlin", "Organization", "Kremlin", None),
        ("Reuters", "Organization", "Reuters", None),
        ("Jane Smith (D-Va.)", "Person", "Jane Smith", None),
        ("Mr. Smith", "Person", "Smith", "Mr."),
        ("former President Barack Obama", "Person", "Barack Obama", "President"),
    ],
)
def test_who_a_speaker_is_told_from_the_words_naming_them(
    mention: str, kind: str, name: str, title: str | None
) -> None:
    """A determiner or capitals make an organisation, a title a person."""
    (quotation,) = extract_quotations(f'"We are ready," said {mention}.', language="en")
    speaker = quotation.speaker
    assert speaker is not None
    assert (kind, name, title) == (
        type(speaker).__name__,
        speaker.name,
        getattr(speaker, "title", None),
    )


# ---- a title's department after "of" is no part of the name; a company is no person -----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Secretary of State Ida Marsh said: “We disagree.”", "Ida Marsh", "Secretary of State"),
        (
            "“We disagree,” said Minister of Foreign Affairs Ida Marsh.",
            "Ida Marsh",
            "Minister of Foreign Affairs",
        ),
        (
            "“We disagree,” said U.S. Secretary of State Ida Marsh.",
            "Ida Marsh",
            "Secretary of State",
        ),
    ],
)
def test_the_office_after_a_title_is_no_part_of_the_name(text: str, name: str, title: str) -> None:
    (quotation,) = extract_quotations(text, language="en")
    assert isinstance(quotation.speaker, Person)
    assert (name, title) == (quotation.speaker.name, quotation.speaker.title)


@pytest.mark.parametrize("company", ["Brindle Corp.", "Brindle Co.", "Brindle Ltd", "Brindle Inc."])
def test_a_company_with_a_shortened_suffix_is_an_organisation(company: str) -> None:
    (quotation,) = extract_quotations(f"“We will appeal,” {company} said.", language="en")
    assert Organization(name=company) == quotation.speaker


# ---- he, she and descriptions reach a full name given without a title -------------------


def test_he_is_the_full_name_given_without_a_title_when_nobody_titled_was_named() -> None:
    text = "Ivo Marsh, a farmer from Dunmore, has grown wheat for decades. “It is late,” he said."
    assert ["Ivo Marsh"] == speakers(text)


def test_a_description_between_commas_names_the_person_later() -> None:
    text = "Lena Voss, the bank's chief economist, spoke.\n\n“Rates will rise,” the economist said."
    (quotation,) = extract_quotations(text, language="en")
    assert ("the economist", "Lena Voss") == (
        quotation.speaker_mention,
        quotation.speaker.name if quotation.speaker else None,
    )


# ---- rules that read past their clause: what a speaker mention can never be ------------


def mentions(text: str) -> list[str | None]:
    """Each quotation's speaker as worded, in reading order."""
    return [q.speaker_mention for q in extract_quotations(text, language="en")]


def test_a_phrase_a_preposition_opens_is_no_speaker() -> None:
    text = 'The Ledger rated 40% of Green claims as "mostly false" last year.'
    assert ["The Ledger"] == mentions(text)


def test_a_phrase_a_preposition_closes_is_no_speaker() -> None:
    text = "Ed Kline posted a series of notes early Friday saying the budget was “a fraud.”"
    assert ["Ed Kline"] == mentions(text)


def test_a_name_that_is_also_a_preposition_is_a_speaker() -> None:
    assert ["From"] == mentions('"We lost three times," From said.')


def test_whom_a_question_was_put_to_is_not_its_asker() -> None:
    text = (
        "When Dana Wirth, the mayor's aide, was asked whether the bridge would reopen, "
        'she laughed and said, "We will see."'
    )
    assert ["she"] == mentions(text)


def test_the_subject_of_a_verb_joined_by_and_is_the_nearest_one() -> None:
    text = 'After the vote on Monday, the council met, and Ed Kline stood up and said, "No."'
    assert ["Ed Kline"] == mentions(text)


@pytest.mark.parametrize("verb", ["were", "will be", "could be"])
def test_a_plural_noun_before_a_verb_is_no_cue(verb: str) -> None:
    text = (
        'De Vries, speaking on the radio, called the mayor a "bully" and said his budget '
        f'remarks {verb} pure "theatre" for the cameras.'
    )
    assert ["De Vries", "De Vries"] == mentions(text)


def test_a_name_and_cue_before_the_next_quotation_are_not_a_sentence_of_their_own() -> None:
    text = 'Mr. Tom Hale said "never." Ms. Ruth Odum said "always." "Fine," he said.'
    assert ["Tom Hale", "Ruth Odum", "Tom Hale"] == speakers(text)


# ---- the agent of a passive cue, an inverted cue before a colon, an opening adverb -------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ('The plan was called "a disaster" by Senator Ruth Odum on Monday.', "Senator Ruth Odum"),
        ('The plan, described by the mayor as "a disaster," was dropped.', "the mayor"),
        ('The inquiry, often labeled a "witch hunt" by its critics, goes on.', "its critics"),
        (
            'Her budget was "reckless" - as described by the council chair - and cut.',
            "the council chair",
        ),
        ('The levy, "a tax on work" as described by Ed Kline, passed.', "Ed Kline"),
    ],
)
def test_a_passive_cue_credits_whom_by_names(text: str, mention: str | None) -> None:
    assert [mention] == mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        'Asked by Ann Lee about the vote, Tom Hale said: "No."',
        'When asked by Ann Lee about the vote, Tom Hale said: "No."',
        'Tom Hale continued by saying, "No."',
    ],
)
def test_who_asks_in_an_opening_phrase_is_not_who_answers(text: str) -> None:
    assert ["Tom Hale"] == mentions(text)


def test_a_cue_set_before_its_speaker_and_a_colon() -> None:
    text = 'In other words, explained moderator Nancy Cordes: "What has that to do with it?"'
    assert ["moderator Nancy Cordes"] == mentions(text)


@pytest.mark.parametrize("opening", ["And then", "Then", "Later,", "But now"])
def test_an_opening_adverb_is_no_part_of_the_subject(opening: str) -> None:
    text = f'{opening} Ruth Odum stood up, saying, "We will not resign."'
    assert ["Ruth Odum"] == speakers(text)


def test_a_sentence_run_on_without_a_space_ends_the_mention() -> None:
    text = '"It is over," Mark Tully said.Tully then left the room.'
    assert ["Mark Tully"] == speakers(text)


def test_a_verb_before_a_colon_is_no_part_of_the_speaker() -> None:
    text = 'The Kline letter makes a simple case: "Roads first."'
    assert "makes" not in (mentions(text)[0] or "")


def test_a_single_word_before_a_colon_is_a_speaker() -> None:
    assert ["Kline"] == mentions('Kline: "Roads first."')


def test_a_name_joined_by_to_or_for_is_one_name() -> None:
    text = '"Schools first," said Parents for Better Schools on Monday.'
    assert ["Parents for Better Schools"] == mentions(text)
    text = 'The walk-out was "a warning," according to the Alliance to Reclaim Our Schools.'
    assert ["the Alliance to Reclaim Our Schools"] == mentions(text)


def test_following_opens_no_speaker_and_reports_of_is_a_noun() -> None:
    text = (
        "Following initial reports of the fire, but before officials spoke, "
        'Mayor Ann Lee said at a briefing that "a gas main" had burst.'
    )
    assert ["Mayor Ann Lee"] == mentions(text)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the by belongs to another verb, and the passive cue's subject answers
        (
            (
                "When Ann Lee was asked at a lunch held by the Ledger whether she would run, "
                'she laughed and said, "We will see."'
            ),
            "she",
        ),
        # a passive cue in an aside, then the cue of the sentence
        (
            'Ed Kline - praised by the Ledger as a reformer - told reporters "it is over."',
            "Ed Kline",
        ),
        ('"It is over," the Ledger first reported.', "the Ledger"),
        ('His office put out a statement: "It is over."', "His office"),
        ('Even before Ann Lee spoke, her campaign sent a text saying: "We won."', "her campaign"),
    ],
)
def test_the_cue_of_the_sentence_and_its_subject(text: str, mention: str) -> None:
    assert [mention] == mentions(text)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ('"The kids do not like him," this source told the Ledger.', "this source"),
        ('"It is a fair race," the Ohio actor says of the campaign.', "the Ohio actor"),
    ],
)
def test_a_description_after_the_quotation(text: str, mention: str) -> None:
    assert [mention] == mentions(text)


# ---- which clause a cue stands in ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a clause after the main one, running on to the quotation, has its own cue
        (
            (
                "Mayor Ann Lee says the roads are safe, although her deputy told the Ledger "
                'they were "a death trap."'
            ),
            "her deputy",
        ),
        (
            'Tom Hale praised the deal before Ruth Odum called it "a giveaway" on Monday.',
            "Ruth Odum",
        ),
        # but not one a comma closed before it
        (
            'Ed Kline said, after Ann Lee spoke at length, that the vote was "a farce."',
            "Ed Kline",
        ),
        # the cues of an aside a comma closes are not the quotation's
        (
            ('Ann Lee, who says the council is broke, warned that the plan "cannot be paid for."'),
            "Ann Lee",
        ),
        # a relative clause set off by dashes
        ('Ed Kline - who once said he would "never run" - ran.', "who"),
        # the antecedent of who may be a preposition's object
        ('The vote drew a reply from Ann Lee, who called it "a farce."', "who"),
        # a scene-setting clause after and
        (
            'The hall went quiet, and when Ann Lee said she would run, a voter yelled "Finally!"',
            "a voter",
        ),
        ('Ever since Ann Lee took office, she\'s said the same thing: "Roads first."', "she"),
    ],
)
def test_the_clause_a_cue_stands_in(text: str, mention: str) -> None:
    assert [mention] == mentions(text)


def test_the_antecedent_of_who_after_a_preposition_is_the_speaker() -> None:
    text = 'The vote drew a reply from Mayor Ann Lee, who called it "a farce."'
    assert ["Ann Lee"] == speakers(text)


def test_an_abbreviation_may_end_a_sentence() -> None:
    text = (
        "Ed Kline says the plant will move to the U.S. He says the workers "
        'will follow "every one of them."'
    )
    assert ["He"] == mentions(text)
    # a title never does: Gen. He Lin is one person
    assert ["Gen. He Lin"] == mentions('"We are ready," said Gen. He Lin.')


def test_a_passive_cue_governs_only_a_quotation_right_after_it() -> None:
    text = 'Ed Kline called it a "mistake" that was reported in a "hit piece" by the Ledger.'
    assert ["Ed Kline", "Ed Kline"] == mentions(text)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # with gives an -ing cue its subject, in any case
        (
            'The rally went on, with many marchers and nurses chanting "Fund our wards."',
            "many marchers and nurses",
        ),
        (
            'The bill passed, with the teachers union calling it "a first step."',
            "the teachers union",
        ),
        # an opening with-phrase sets the scene
        (
            'With his allies worried about the polls, Ed Kline is trying a new line: "Jobs first."',
            "Ed Kline",
        ),
        # a phrase that a preposition opens is no subject
        ('Nurses marching through the town chanted "Fund our wards."', "Nurses"),
    ],
)
def test_the_subject_of_a_cue_beside_a_phrase(text: str, mention: str) -> None:
    assert [mention] == mentions(text)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ('In calling the plan "a farce," the mayor broke ranks with her party.', "the mayor"),
        ('Admitting that the fund was "nearly empty," though, Ed Kline stayed calm.', "Ed Kline"),
        (
            (
                "After spending a month arguing that the levy was “unfair” to farmers, "
                "Ruth Odum on Friday voted for it."
            ),
            "Ruth Odum",
        ),
        # a comma before the quotation: the phrase has closed, it is no participle's
        ('Working late, the clerk found a note reading "help."', "the clerk"),
    ],
)
def test_a_quotation_in_an_opening_participle_phrase_is_the_subjects(
    text: str, mention: str
) -> None:
    assert [mention] == mentions(text)


def test_a_clause_after_a_trailing_cue_names_the_next_speaker() -> None:
    text = (
        '"The roads are fine," Mayor Ann Lee says, but her deputy warns that '
        'the bridges are "a death trap."'
    )
    assert ["Mayor Ann Lee", "her deputy"] == mentions(text)
    # a participle after the trailing cue is still the first speaker's
    text = '"The roads are fine," Ann Lee said, adding that the bridges were "sound."'
    assert ["Ann Lee", "Ann Lee"] == mentions(text)


def test_a_cue_joined_by_and_after_a_quotation_keeps_its_speaker() -> None:
    text = 'Ann Lee declared "No way" and said that her party would continue "to fight."'
    assert ["Ann Lee", "Ann Lee"] == mentions(text)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a name's possessive opens the speaker: the campaign, the lawyers
        ('After the vote, Ann Lee\'s campaign sent a text saying "We won."', "Ann Lee's campaign"),
        ("Ed Kline’s lawyers argued that the fine was “unlawful.”", "Ed Kline’s lawyers"),
        # but the owner said what a noun for a saying holds
        ('Ann Lee\'s latest claim is that the roads are "safe."', "Ann Lee's"),
        ('Ed Kline\'s campaign slogan is "Roads first."', "Ed Kline's"),
        # and it's is no possessive
        ('It\'s become such a habit that Ann Lee called it "the rule."', "Ann Lee"),
    ],
)
def test_a_possessive_opens_a_speaker_unless_it_owns_a_saying(text: str, mention: str) -> None:
    assert [mention] == mentions(text)


def test_a_counted_subject_after_an_opening_phrase() -> None:
    text = 'In May, several nurses granted the board a delay, saying the ward was "unsafe."'
    assert ["several nurses"] == mentions(text)


def test_a_date_written_with_a_slash_is_one_word_of_a_description() -> None:
    assert ["9/11 survivor Ann Lee"] == mentions('"We remember," said 9/11 survivor Ann Lee.')


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # an aside closed by a comma or dashes, then a main verb that is no cue
        (
            (
                "Ann Lee, who declined to comment further, proposes new wording: "
                '"Roads first, bridges next."'
            ),
            "Ann Lee",
        ),
        ('Ed Kline - who once said he would "never run" - runs.', "who"),
        ('"It is time," exhorted the party chair, Ruth Odum.', "the party chair, Ruth Odum"),
    ],
)
def test_a_main_verb_after_an_aside_and_more_cue_verbs(text: str, mention: str) -> None:
    assert [mention] == mentions(text)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ('Asked a direct question about the fund, Ann Lee said, "It is empty."', "Ann Lee"),
        (
            'Meanwhile, speaking to reporters on Monday, Ed Kline said the fund was "empty."',
            "Ed Kline",
        ),
        # a later clause that and opens with a subject of its own
        ('At one point, a voter asked for a photo and Ann Lee said, "Of course."', "Ann Lee"),
    ],
)
def test_the_speaker_after_an_opening_phrase_or_a_clause_joined_by_and(
    text: str, mention: str
) -> None:
    assert [mention] == mentions(text)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            'Kline earlier quashed rumors he would quit by tweeting that "nothing is settled."',
            "Kline",
        ),
        ('Minutes later, she was back on stage by saying "I am not done."', "she"),
    ],
)
def test_earlier_and_later_after_a_name_or_a_time(text: str, mention: str) -> None:
    assert [mention] == mentions(text)


def test_the_nearest_subject_after_a_clause_opener() -> None:
    text = 'There were jabs, such as when Kline mocked Lee and called her "a quitter," a low blow.'
    assert ["Kline"] == mentions(text)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ('The plan passed, but critics said it was "a giveaway."', "critics"),
        ('The levy stayed, while farmers called it "a tax on bread."', "farmers"),
        # but not a group that a relative pronoun's clause holds
        ('"We won," Ann Lee said after a debate during which voters asked about taxes.', "Ann Lee"),
    ],
)
def test_a_plural_noun_alone_is_a_clause_subject(text: str, mention: str) -> None:
    assert [mention] == mentions(text)
