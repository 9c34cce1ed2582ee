"""When a status was set shows in the computer's time zone (the library keeps UTC); a
digest's date is shown as written."""

import dataclasses
import datetime as dt
import os
import time
from collections.abc import Iterator

import pytest

from readinglist.core.paper import ReadingStatus
from readinglist.ui.detail.pane import status_since
from readinglist.ui.i18n import local_time_text
from tests.helpers.papers import paper


@pytest.fixture
def seoul() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Seoul"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_status_change_is_shown_in_local_time(seoul: None) -> None:
    moment = dt.datetime(2026, 12, 4, 23, 30, tzinfo=dt.UTC)  # 08:30 on the 5th in Seoul
    text = local_time_text(moment)
    assert "8:30" in text and "5" in text
    read = dataclasses.replace(paper(), status=ReadingStatus.READ, status_changed_at=moment)
    assert status_since(read) == f"Read since {text}"


def test_a_status_never_set_has_no_time() -> None:
    assert status_since(paper()) == "Unread"
