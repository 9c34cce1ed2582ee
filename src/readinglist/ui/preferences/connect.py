"""File → Connect to a Shared Library…: a lab's library on PostgreSQL, by its address.

The address is `postgresql://user@host/dbname` (a socket folder as `?host=/run/postgresql`).
A password may be typed; it is used for this connection only and never remembered (the
recent libraries keep the address alone): a lab's members keep theirs in ~/.pgpass, which
libpq reads, or the server trusts their login. An address that does not read is refused in
the form, saying why, the form staying open.

When the server refuses a library opened without a password (from Open Recent, or
`--library`), or with a wrong one, the same form asks for it (`ask_for_password`): the
address filled in, the password's field ready, the server's words under it.
"""

from readinglist.library.errors import LibraryError
from readinglist.library.shared.address import SharedAddress
from readinglist.ui.i18n import tr
from readinglist.ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

EXAMPLE = "postgresql://alice@lab.example.org/papers"
_MINIMUM_WIDTH = 480  # px: an address with its host and database in view


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, address: str = "", problem: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Connect to a Shared Library"))
        self.setMinimumWidth(_MINIMUM_WIDTH)
        self.address_edit = QLineEdit(address, self)
        self.address_edit.setPlaceholderText(EXAMPLE)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(tr("from ~/.pgpass when left empty"))
        self.problem = QLabel(problem, self)
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Address:"), self.address_edit)
        form.addRow(tr("Password:"), self.password_edit)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.chosen: SharedAddress | None = None

    def accept(self) -> None:
        """The address as typed, with the password typed; refused, saying why, when it is
        not a PostgreSQL database's."""
        try:
            address = SharedAddress.parse(self.address_edit.text())
        except LibraryError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        password = self.password_edit.text()
        self.chosen = address.with_password(password) if password else address
        super().accept()


def ask_for_address(parent: QWidget) -> SharedAddress | None:
    """The shared library to connect to, or None when the user cancels."""
    dialog = ConnectDialog(parent)
    dialog.exec()
    chosen = dialog.chosen
    dialog.deleteLater()
    return chosen


def ask_for_password(parent: QWidget, address: SharedAddress, problem: str) -> SharedAddress | None:
    """`address` with a password typed (or another address), after the server refused to
    connect for `problem`; None when the user cancels."""
    dialog = ConnectDialog(parent, address.without_password().url, problem)
    dialog.password_edit.setFocus()
    dialog.exec()
    chosen = dialog.chosen
    dialog.deleteLater()
    return chosen
