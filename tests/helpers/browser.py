"""A web browser for tests: `QDesktopServices.openUrl` replaced, so no test opens a real one."""

from dataclasses import dataclass, field

import pytest

from readinglist.ui.qt import QDesktopServices, QUrl


@dataclass
class FakeBrowser:
    opened: list[str] = field(default_factory=list)  # every address asked for, in order
    starts: bool = True  # False: as on a machine where no browser can be started

    def open_url(self, url: QUrl) -> bool:
        self.opened.append(url.toString())
        return self.starts


def fake_browser(monkeypatch: pytest.MonkeyPatch, starts: bool = True) -> FakeBrowser:
    browser = FakeBrowser(starts=starts)
    monkeypatch.setattr(QDesktopServices, "openUrl", browser.open_url)
    return browser
