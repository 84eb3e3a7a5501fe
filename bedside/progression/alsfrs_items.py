"""The ALSFRS-R items as the entry pages show them: our own short plain-language paraphrases.

The published item wording's licence is *unverified* (CLINICAL.md), so none of it is copied
here: every title, question and answer below is our own paraphrase of what each score means,
and only the numeric codes (0–4 per item, "5a"/"5b" for item 5's form) are stored. The
paraphrases describe the person in the third person without a pronoun ("Walks as before") so
they read the same whether the person answers or someone answers for them.

Reference: Cedarbaum JM, et al. J Neurol Sci. 1999;169:13–21.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SCORES: tuple[int, ...] = (4, 3, 2, 1, 0)  # the order answers are shown in: normal first


@dataclass(frozen=True)
class Item:
    """One item (or one of item 5's two forms)."""

    key: str  # "1"…"12", "5a", "5b"
    number: int  # 1…12 (5 for both forms)
    title: Promise
    question: Promise
    answers: dict[int, Promise]  # score → what it means
    domain: str  # bulbar, fine_motor, gross_motor, respiratory

    @property
    def choices(self) -> list[tuple[int, str]]:
        """(score, text) in the order shown: 4 first."""
        return [(score, str(self.answers[score])) for score in SCORES]

    def answer_text(self, score: int | None) -> str:
        return "" if score is None else str(self.answers[int(score)])


ITEMS: tuple[Item, ...] = (
    Item(
        "1",
        1,
        _("Speech"),
        _("How is talking at the moment?"),
        {
            4: _("Talks as before"),
            3: _("Others notice a change, but it is easy to follow"),
            2: _("Sometimes has to say things again to be understood"),
            1: _("Needs gestures, writing or a device alongside speech"),
            0: _("Speech no longer works for being understood"),
        },
        "bulbar",
    ),
    Item(
        "2",
        2,
        _("Saliva"),
        _("How is saliva in the mouth?"),
        {
            4: _("As before"),
            3: _("A bit too much saliva; may drool at night"),
            2: _("Clearly too much saliva; a little drooling"),
            1: _("Much too much saliva; drools quite often"),
            0: _("Drools all the time; always needs a tissue or cloth"),
        },
        "bulbar",
    ),
    Item(
        "3",
        3,
        _("Swallowing"),
        _("How is eating and drinking by mouth?"),
        {
            4: _("Eats and drinks as before"),
            3: _("Chokes or coughs on food now and then"),
            2: _("Needs softer food or thickened drinks"),
            1: _("Gets extra nutrition through a feeding tube"),
            0: _("Nothing by mouth: all nutrition by tube or drip"),
        },
        "bulbar",
    ),
    Item(
        "4",
        4,
        _("Handwriting"),
        _("How is writing by hand?"),
        {
            4: _("Writes as before"),
            3: _("Slower or messier, but every word can be read"),
            2: _("Some words cannot be read"),
            1: _("Can hold a pen, but cannot write"),
            0: _("Cannot hold a pen"),
        },
        "fine_motor",
    ),
    Item(
        "5a",
        5,
        _("Cutting food and using cutlery"),
        _("Without a feeding tube: how is cutting food and using cutlery?"),
        {
            4: _("As before"),
            3: _("Slower or clumsier, but manages alone"),
            2: _("Cuts most food slowly and clumsily; needs some help"),
            1: _("Someone else cuts the food; still eats alone, slowly"),
            0: _("Someone else has to feed them"),
        },
        "fine_motor",
    ),
    Item(
        "5b",
        5,
        _("Handling the feeding tube"),
        _("With a feeding tube (gastrostomy): how is handling the tube feeding?"),
        {
            4: _("As before"),
            3: _("Clumsier, but does all of it alone"),
            2: _("Needs some help with caps and connectors"),
            1: _("Helps the caregiver a little"),
            0: _("Cannot do any part of it"),
        },
        "fine_motor",
    ),
    Item(
        "6",
        6,
        _("Dressing and washing"),
        _("How is getting dressed and washing?"),
        {
            4: _("As before"),
            3: _("Manages all of it alone, with more effort or more slowly"),
            2: _("Sometimes needs help, or does it another way"),
            1: _("Needs a helper to dress and wash"),
            0: _("Someone else does all of it"),
        },
        "fine_motor",
    ),
    Item(
        "7",
        7,
        _("Turning in bed"),
        _("How is turning over in bed and pulling up the covers?"),
        {
            4: _("As before"),
            3: _("Slower or clumsier, but manages alone"),
            2: _("Manages alone, but only with great difficulty"),
            1: _("Can start to turn, but cannot finish alone"),
            0: _("Cannot turn or move the covers at all"),
        },
        "gross_motor",
    ),
    Item(
        "8",
        8,
        _("Walking"),
        _("How is walking?"),
        {
            4: _("Walks as before"),
            3: _("Walking has started to be harder"),
            2: _("Walks only with help (a person, a cane or a walker)"),
            1: _("Does not walk; the legs still help, for example to stand for a transfer"),
            0: _("No useful leg movement"),
        },
        "gross_motor",
    ),
    Item(
        "9",
        9,
        _("Stairs"),
        _("How is climbing stairs?"),
        {
            4: _("As before"),
            3: _("Slower on stairs"),
            2: _("A little unsteady or tired on stairs"),
            1: _("Needs help on stairs"),
            0: _("Cannot climb stairs"),
        },
        "gross_motor",
    ),
    Item(
        "10",
        10,
        _("Shortness of breath"),
        _("When is breathing short?"),
        {
            4: _("Never short of breath"),
            3: _("Short of breath when walking"),
            2: _("Short of breath when eating, washing or dressing"),
            1: _("Short of breath even at rest, sitting or lying"),
            0: _("Very hard to breathe; a breathing machine is being considered"),
        },
        "respiratory",
    ),
    Item(
        "11",
        11,
        _("Breathing lying down"),
        _("How is breathing when lying down to sleep?"),
        {
            4: _("Sleeps lying flat without breathlessness"),
            3: _("Some nights are breathless; two pillows at most"),
            2: _("Needs more than two pillows to sleep"),
            1: _("Can only sleep sitting up"),
            0: _("Cannot sleep because of breathing"),
        },
        "respiratory",
    ),
    Item(
        "12",
        12,
        _("Breathing support"),
        _("Is a breathing machine used?"),
        {
            4: _("No breathing machine"),
            3: _("A breathing machine (BiPAP) now and then"),
            2: _("A breathing machine all night"),
            1: _("A breathing machine night and day"),
            0: _("Breathing through a tube or tracheostomy with a ventilator"),
        },
        "respiratory",
    ),
)
ITEMS_BY_KEY: dict[str, Item] = {item.key: item for item in ITEMS}
ITEM_KEYS: tuple[str, ...] = tuple(item.key for item in ITEMS)
# The twelve screens of the entry, in order; screen 5 shows both forms of item 5.
SCREENS: tuple[str, ...] = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12")

DOMAIN_LABELS: dict[str, Promise] = {
    "bulbar": _("Speech and swallowing (bulbar)"),
    "fine_motor": _("Hands (fine motor)"),
    "gross_motor": _("Moving about (gross motor)"),
    "respiratory": _("Breathing (respiratory)"),
}


def item_for(number: int, item5_form: str = "5a") -> Item:
    """The item shown at position ``number`` (1–12); position 5 is 5a or 5b."""
    if number == 5:
        return ITEMS_BY_KEY["5b" if item5_form == "5b" else "5a"]
    return ITEMS_BY_KEY[str(number)]
