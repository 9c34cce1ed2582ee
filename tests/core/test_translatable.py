"""A `Message`: an English template and its arguments, so the command line prints the English
text and the window can show it translated."""

from readinglist.core.translatable import QT_TR_NOOP, Message


def test_a_message_reads_as_its_template_filled_in() -> None:
    message = Message(
        QT_TR_NOOP("{count:,} of {total:,} in {where}"), count=1234, total=5, where="x"
    )

    assert str(message) == "1,234 of 5 in x"
    assert message.template == "{count:,} of {total:,} in {where}"
    assert dict(message.args) == {"count": 1234, "total": 5, "where": "x"}


def test_an_argument_may_be_a_message() -> None:
    inner = Message("unknown status '{text}'", text="lots")

    assert str(Message("at character {position}: {reason}", position=8, reason=inner)) == (
        "at character 8: unknown status 'lots'"
    )


def test_braces_in_an_argument_stay_as_they_are() -> None:
    assert str(Message("'{text}' is not a date", text="{x}")) == "'{x}' is not a date"


def test_messages_are_values() -> None:
    assert Message("a {b}", b=1) == Message("a {b}", b=1)
    assert Message("a {b}", b=1) != Message("a {b}", b=2)
    assert Message("a {b}", b=1) != "a 1"
    assert len({Message("a {b}", b=1), Message("a {b}", b=1)}) == 1
    assert repr(Message("a {b}", b=1)) == "Message('a {b}', b=1)"
