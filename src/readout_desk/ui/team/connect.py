"""File ▸ Open Team Archive…: a connection form (host, port, database, user) that opens
the same window on an archive kept on a PostgreSQL server.

The password is never written to the settings file: one typed here is kept in memory
until the program ends (or, when asked and the ``keyring`` package is installed, in the
system keyring); left empty, libpq finds it in ``PGPASSWORD``, ``~/.pgpass`` or a service
file. The form says which one the connection will use. The recent team archives are
remembered by their URLs, which hold no password.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from readout_desk.archive import (
    Archive,
    keyring_available,
    password_source,
    remember_password,
    store_in_keyring,
    team_fields,
    team_url,
)
from readout_desk.ui import parts
from readout_desk.ui.settings import Settings
from readout_desk.ui.tasks import run_in_background

#: The settings key of the recent team archives (URLs without passwords), newest first.
RECENT_KEY = "team/recent"
RECENT_LIMIT = 8


def recent_archives(settings: Settings) -> list[str]:
    """The team archives opened lately, newest first."""
    try:
        found = json.loads(settings.text(RECENT_KEY, "[]"))
    except ValueError:
        return []
    return [str(u) for u in found if isinstance(u, str)] if isinstance(found, list) else []


def remember_recent(settings: Settings, location: str) -> None:
    """Put ``location`` first among the recent team archives."""
    recent = [location, *(u for u in recent_archives(settings) if u != location)]
    settings.set_text(RECENT_KEY, json.dumps(recent[:RECENT_LIMIT]))


class TeamArchiveDialog(QDialog):
    """The connection form; ``opened`` is called with the archive once it is open."""

    def __init__(self, settings: Settings, opened: Callable[[Archive], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._opened = opened
        parts.frame_dialog(self, "teamArchiveDialog", self.tr("Open Team Archive"))
        self.recent = parts.named(QComboBox(self), "teamRecent", self.tr("Recent team archives"))
        self.recent.addItem(self.tr("(new connection)"), "")
        for url in recent_archives(settings):
            self.recent.addItem(url, url)
        self.host = parts.named(QLineEdit("localhost", self), "teamHost", self.tr("Host"),
                                self.tr("The server's name, or the folder of its Unix socket"))
        self.port = parts.named(QSpinBox(self), "teamPort", self.tr("Port"))
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = parts.named(QLineEdit(self), "teamDatabase", self.tr("Database"))
        self.user = parts.named(QLineEdit(self), "teamUser", self.tr("User"))
        self.password = parts.named(
            QLineEdit(self), "teamPassword", self.tr("Password"),
            self.tr("Leave empty to use PGPASSWORD, ~/.pgpass or a service file"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("from ~/.pgpass, a service file or PGPASSWORD"))
        self.keep = parts.named(QCheckBox(self.tr("Keep the password in the system &keyring"),
                                          self), "teamKeyring")
        if not keyring_available():
            self.keep.setEnabled(False)
            self.keep.setToolTip(self.tr("Install Readout Desk's 'keyring' extra to use it"))
        self.source = parts.named(QLabel(self), "teamPasswordSource",
                                  self.tr("Where the password comes from"))
        self.source.setWordWrap(True)
        self.problem = parts.named(QLabel(self), "teamProblem", self.tr("Why it did not open"))
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a00000;")
        self.problem.hide()
        form = parts.form((self.tr("&Recent:"), self.recent), (self.tr("&Host:"), self.host),
                          (self.tr("P&ort:"), self.port),
                          (self.tr("&Database:"), self.database),
                          (self.tr("&User:"), self.user),
                          (self.tr("&Password:"), self.password), ("", self.keep),
                          (self.tr("Password from:"), self.source))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("teamButtons")
        self.buttons.accepted.connect(self.open_archive)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.recent.currentIndexChanged.connect(self._recent_chosen)
        for field in (self.host, self.database, self.user, self.password):
            field.textChanged.connect(self._show_source)
        self.port.valueChanged.connect(self._show_source)
        self._show_source()

    def location(self) -> str:
        """The URL the form describes (never with the password)."""
        return team_url(self.host.text(), self.port.value(), self.database.text(),
                        self.user.text())

    def _recent_chosen(self, index: int) -> None:
        url = self.recent.itemData(index)
        if url:
            host, port, database, user = team_fields(str(url))
            self.host.setText(host)
            self.port.setValue(port)
            self.database.setText(database)
            self.user.setText(user)

    def _show_source(self) -> None:
        if self.password.text():
            text = self.tr("typed here (kept until Readout Desk ends)")
            if self.keep.isChecked():
                text = self.tr("typed here, and kept in the system keyring")
        else:
            text = password_source(self.location())
        self.source.setText(text)

    def open_archive(self) -> None:
        """Connect (off the UI thread); the form stays open, with the reason, on failure."""
        location = self.location()
        if not self.database.text().strip():
            self._failed(self.tr("Name the database the team archive is kept in."))
            return
        password = self.password.text()
        if password:
            remember_password(location, password)
            if self.keep.isChecked():
                store_in_keyring(location, password)
        self.buttons.setEnabled(False)
        self.problem.hide()

        def done(archive: Archive) -> None:
            self.buttons.setEnabled(True)
            remember_recent(self.settings, location)
            self.accept()
            self._opened(archive)

        run_in_background(self, lambda: Archive.open(location), done,
                          lambda exc: self._failed(str(exc)))

    def _failed(self, problem: str) -> None:
        self.buttons.setEnabled(True)
        self.problem.setText(problem)
        self.problem.show()
