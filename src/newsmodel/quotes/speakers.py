"""
Who a speaker mention names: ``he``, ``Peskov``, ``the Kremlin's spokesman``.

News copy names a speaker in full once (``the Kremlin's spokesman Dmitry
Peskov``, ``President Vladimir Putin``) and then by surname, title or
pronoun.  :class:`Cast` remembers the people and organisations an article
has named so far, in reading order, and resolves each later mention to
the latest one it fits.
"""

from __future__ import annotations

import re

from newsmodel.model import Agent, Organization, Person

__all__ = ["PRONOUNS", "Cast"]

#: Pronouns a speaker mention may be; ``he`` and ``she`` resolve to a person.
PRONOUNS = frozenset(["he", "she", "i", "we", "they", "it", "you"])
_PERSONAL = frozenset(["he", "she"])
#: The German and French pronouns that are ``he`` or ``she`` (German ``sie`` may be ``they``).
_FOREIGN_PERSONAL = {"er": "he", "il": "he", "elle": "she"}
#: Titles that tell which of ``he`` and ``she`` a person is.
_GENDERED_TITLES = {
    "he": ("mr", "congressman", "spokesman", "chairman", "king", "prince", "sprecher"),
    "she": tuple(
        """
        mrs ms miss congresswoman spokeswoman chairwoman queen princess kanzlerin ministerin
        präsidentin bürgermeisterin sprecherin présidente
        """.split()
    ),
}

#: Words that say what a person is, before their name or instead of it.
_TITLES = frozenset(
    """
    mr mrs ms miss dr rep sen gov gen lt col sgt capt adm maj cmdr prof rev pres amb hon
    president vice prime minister secretary secretary-general chancellor senator
    representative congressman congresswoman governor mayor judge justice pope king queen
    prince princess speaker chairman chairwoman chair director ambassador general colonel
    commissioner attorney sheriff chief leader spokesman spokeswoman spokesperson
    kanzler kanzlerin ministerin präsident präsidentin bürgermeister bürgermeisterin sprecher
    sprecherin ministre présidente maire porte-parole
    """.split()
)
#: German titles that end compounds: ``Innenministerin``, ``Regierungssprecher``.
_GERMAN_TITLES = tuple(
    "minister ministerin präsident präsidentin kanzler kanzlerin sprecher sprecherin "
    "bürgermeister bürgermeisterin".split()
)
#: A word as titles are spelled: letters, and hyphens between them.
_TITLE_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: A full name and the description between commas after it: ``Ann Lee, a teacher,``.
_APPOSITIVE = re.compile(
    r"([A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*)+),[ \t]+(?:the|a|an)[ \t]+"
    r"([^,;:()\"\u201c\u201d]{1,60}?)[ \t]*,"
)
_FULL_NAME = re.compile(r"[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*)+")
_DETERMINERS = frozenset(["the", "a", "an", "one", "this", "that", "another"])
#: The last word of a name that is an organisation's, not a person's.
_ORGANIZATION_WORDS = frozenset(
    """
    kremlin ministry party department agency post times news journal committee council
    campaign inc corp company university commission office house court police government
    union nations association institute foundation bank group network magazine daily
    tribune herald review center centre service services board bureau organization
    federation republic states kingdom administration co ltd llc plc gmbh ag
    """.split()
)
#: The words of a department a title names after ``of``: ``Secretary of State``,
#: ``Minister of Foreign Affairs``; the capitalised words after them are the name.
_OFFICES = frozenset(
    """
    state defense defence homeland security health education treasury energy labor labour
    commerce agriculture transportation interior justice finance foreign affairs home
    veterans housing environment trade war staff
    """.split()
)
_WORD = re.compile(r"\w[\w.'\u2019-]*")
_PHRASE_BREAK = re.compile(r"[,;:()\[\]\"\u201c\u201d\u2018\u2014\u2013]|\.\s|\s-\s")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_PARENTHESES = re.compile(r"\([^()]*\)")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at)-[A-Z]")
#: Capitalised words that start a sentence or a phrase, not a name.
#: How many words before a name can tell its role: ``the Kremlin's spokesman``.
_ROLE_WORDS = 6
_NOT_NAMES = frozenset(
    """
    by in at on for from with and but or the a an when while after before as if so to of
    this that these those there here it its his her their our we they he she i you
    then now later also still meanwhile instead finally earlier
    """.split()
)


class Cast:
    """The people and organisations an article has named so far."""

    def __init__(self) -> None:
        self._by_name: dict[str, Person] = {}  # "Vladimir Putin" and "Putin"
        self._by_title: dict[str, Person] = {}  # by the title's last word: "spokesman"
        self._last_speaker: Person | None = None
        self._last_named: Person | None = None
        self._last_untitled: Person | None = None
        self._recent: dict[str, Person] = {}  # by name, the latest named last
        self._pronouns: dict[str, str] = {}  # by name: he or she, once the copy has told

    def meet(self, text: str) -> None:
        """
        Remember every person ``text`` names in full.

        Called on each sentence, so that ``Putin`` can later resolve to the
        ``President Vladimir Putin`` of a sentence that quoted nobody, and
        ``Lee`` to the ``Ann Lee`` of ``Ann Lee, a teacher, arrived early``.
        A titled person is also whom ``he`` or ``she`` means before anyone
        has spoken.
        """
        for match in _APPOSITIVE.finditer(text):  # Ann Lee, the bank's economist,
            self._describe(match.group(1), match.group(2))
        if not _has_title(text):
            for run in _FULL_NAME.findall(text):  # no title: only full names to remember
                words = _WORD.findall(run)
                self._meet(_named(words, len(words)))
            return
        for phrase in _PHRASE_BREAK.split(text):
            words = _WORD.findall(phrase)
            start = 0
            while start < len(words):
                if not _capitalised(words[start]):
                    start += 1
                    continue
                stop = start
                while stop < len(words) and _capitalised(words[stop]):
                    stop += 1
                self._meet(_named(words[max(0, start - _ROLE_WORDS) : stop], stop - start))
                start = stop

    def _meet(self, agent: Agent | None) -> None:
        """
        Remember a person named in full.

        A titled one is whom ``he`` means for now; one without a title only
        while nobody titled has been named.
        """
        if isinstance(agent, Person) and agent.title is not None:
            self._last_named = self._known(agent)
            self._remember(self._last_named)
        elif isinstance(agent, Person):
            if agent.name not in self._by_name:
                self._remember(agent)
            self._last_untitled = self._by_name[agent.name]

    def _describe(self, name: str, description: str) -> None:
        """Remember whom a description names: ``Ann Lee, the bank's economist`` (the economist)."""
        head = description.rsplit(maxsplit=1)[-1]
        words = _WORD.findall(name)
        if not head.isalpha() or not head.islower() or len(words) < 2:  # noqa: PLR2004 - a full name
            return
        person = self._by_name.get(" ".join(words))
        if person is None:
            named = _named(words, len(words))
            if not isinstance(named, Person):
                return
            person = named
            self._remember(person)
        self._by_title[head] = person

    def resolve(self, mention: str) -> Agent | None:
        """
        Return whom ``mention`` names.

        ``he`` and ``she`` resolve to the latest person quoted, or, before
        anyone is, the latest titled person named; other pronouns to nobody.
        A surname resolves to the latest person of that name, a description
        (``the Kremlin's spokesman``) to the latest person with that title.
        Of ``Nick Witney, a fellow at the council`` and ``Jane Smith
        (D-Va.)`` only the name counts.
        """
        parts = _PARENTHESES.sub(" ", mention).split(",")
        words = _name_part(_WORD.findall(parts[0]))
        if not words:
            return None
        if len(parts) > 1 and not _capitalised(words[-1]):  # its president, Ed Kline
            named = _WORD.findall(parts[1])
            if named and all(_capitalised(word) for word in named):
                words = [*words, *named]
        lowered = " ".join(words).lower()
        lowered = _FOREIGN_PERSONAL.get(lowered, lowered)
        if lowered in PRONOUNS:
            if lowered not in _PERSONAL:
                return None
            self._last_speaker = self._referent(lowered)
            if self._last_speaker is not None:
                self._pronouns.setdefault(self._last_speaker.name, lowered)
            return self._last_speaker
        length = _trailing_name_length(words)
        agent = self._described(words) if length == 0 else _named(words, length)
        if isinstance(agent, Organization) and length == 1:
            agent = self._surname(agent.name) or agent
        if isinstance(agent, Person):
            agent = self._known(agent)
            self._remember(agent)
            self._last_speaker = agent
        return agent

    def _referent(self, pronoun: str) -> Person | None:
        """
        Whom ``he`` or ``she`` means: the latest speaker, unless the copy said otherwise.

        Once a speaker is known to be ``she``, a ``he`` means the latest
        person named who may be ``he``: ``Her rival, Ed Kline, was unimpressed.
        "...," he said.``
        """
        latest = self._last_speaker or self._last_named or self._last_untitled
        if latest is None or self._pronouns.get(latest.name, pronoun) == pronoun:
            return latest
        fitting = (
            person
            for person in reversed(self._recent.values())
            if self._pronouns.get(person.name, pronoun) == pronoun
        )
        return next(fitting, None)

    def _known(self, person: Person) -> Person:
        """The fuller record of ``person`` if the article named them before."""
        known = self._by_name.get(person.name)
        if known is None:
            return person
        if person.title is not None and known.title is None:
            return Person(name=known.name, title=person.title, affiliation=person.affiliation)
        return known

    def _surname(self, name: str) -> Person | None:
        """The latest person a single name can be the surname of."""
        return self._by_name.get(name)

    def _described(self, words: list[str]) -> Person | None:
        """The latest person whose title ends with the description's head."""
        return self._by_title.get(words[-1].lower())

    def _remember(self, person: Person) -> None:
        """
        Index a person by every ending of their name, and by their title's head.

        They become the latest person named, and a gendered title (``Ms.``,
        ``congressman``) tells which pronoun stands for them.
        """
        names = person.name.split()
        for start in range(len(names)):
            self._by_name[" ".join(names[start:])] = person
        self._recent.pop(person.name, None)
        self._recent[person.name] = person
        if person.title is not None:
            self._by_title[person.title.lower().split()[-1]] = person
            titles = person.title.lower().replace(".", "").split()
            for pronoun, gendered in _GENDERED_TITLES.items():
                if any(title.endswith(gendered) for title in titles):
                    self._pronouns.setdefault(person.name, pronoun)


def _named(words: list[str], length: int) -> Agent | None:
    """
    Return the agent the last ``length`` of ``words`` name.

    The words before the name give the title: ``the Kremlin's spokesman
    Dmitry Peskov``.
    """
    run = words[len(words) - length :]
    preceding = words[: len(words) - length]
    office = _office_length(preceding, run)
    if office:
        name = " ".join(_POSSESSIVE.sub("", word) for word in run[office:])
        title, affiliation = _role(preceding[:-1])
        title = " ".join([title or preceding[-2], "of", *run[:office]])
        return Person(name=name, title=title, affiliation=affiliation)
    titled = [index for index, word in enumerate(run) if _is_title(word)]
    split = titled[-1] + 1 if titled else 0
    while split < len(run) and (
        run[split].lower() in _DETERMINERS or run[split].lower() in _NOT_NAMES
    ):
        split += 1
    name_words = [_POSSESSIVE.sub("", word) for word in run[split:]]
    if not name_words:
        return None
    before = words[: len(words) - length] + run[:split]
    name = " ".join(name_words)
    title, affiliation = _role(before)
    if (
        name_words[-1].lower().rstrip(".") in _ORGANIZATION_WORDS
        or (before and before[-1].lower() in _DETERMINERS)
        or (title is None and name.isupper())
    ):
        return Organization(name=name)
    if title is not None or len(name_words) > 1:
        return Person(name=name, title=title, affiliation=affiliation)
    return Organization(name=name)


def _office_length(preceding: list[str], run: list[str]) -> int:
    """
    How many words of ``run`` name the department of a title before it.

    As in ``Secretary of State John Kerry``: ``State`` is the office's, and
    at least one word is left for the name.
    """
    if len(preceding) < 2 or preceding[-1] != "of" or not _is_title(preceding[-2]):  # noqa: PLR2004 - a title and its of
        return 0
    office = 0
    while office < len(run) - 1 and run[office].lower() in _OFFICES:
        office += 1
    return office


def _role(words: list[str]) -> tuple[str | None, Organization | None]:
    """
    Return the title just before a name and the organisation it belongs to.

    ``the Kremlin's spokesman`` gives ``spokesman`` of ``Kremlin``, ``UN
    Secretary-General`` gives ``Secretary-General`` of ``UN``.
    """
    title: list[str] = []
    affiliation = None
    for word in reversed(words):
        if _capitalised(word) and _POSSESSIVE.search(word):
            affiliation = Organization(name=_POSSESSIVE.sub("", word))
            break
        if _is_title(word) or (_capitalised(word) and title):
            title.insert(0, word)
            continue
        break
    if title and len(title) > 1 and title[0].isupper() and not _is_title(title[0]):
        affiliation = Organization(name=title.pop(0))
    if not any(_is_title(word) for word in title):
        return None, None
    return " ".join(title), affiliation


def _has_title(text: str) -> bool:
    """Whether any word of ``text`` is a title: a set lookup per word, not a pattern per title."""
    for word in set(_TITLE_WORD.findall(text.lower())):
        if word in _TITLES or word.endswith(_GERMAN_TITLES):
            return True
        if "-" in word and any(part in _TITLES for part in word.split("-")):
            return True
    return False


def _is_title(word: str) -> bool:
    """A title, or a German compound ending in one: ``Innenministerin``, ``Regierungssprecher``."""
    lowered = word.lower().rstrip(".")
    return lowered in _TITLES or lowered.endswith(_GERMAN_TITLES)


def _name_part(words: list[str]) -> list[str]:
    """
    The words of a mention up to where the name ends.

    ``Sen. Elizabeth Warren of Massachusetts`` names Elizabeth Warren, but
    ``Secretary of State John Kerry`` names John Kerry.
    """
    for index, word in enumerate(words):
        if (
            word == "of"
            and index
            and _capitalised(words[index - 1])
            and not _is_title(words[index - 1])
        ):
            return words[:index]
    return words


def _capitalised(word: str) -> bool:
    """Whether a word can be part of a name: ``Assad``, ``al-Assad``."""
    return word[0].isupper() or _ARABIC_ARTICLE.match(word) is not None


def _trailing_name_length(words: list[str]) -> int:
    """
    Count the capitalised words at the end of a mention.

    The count stops at a possessive, which names an owner, not the speaker.
    """
    length = 0
    for word in reversed(words):
        if not _capitalised(word) or (length and _POSSESSIVE.search(word)):
            break
        length += 1
    return length
