"""Starting the app: QApplication and Qt's options, the Korean font, the desktop identity,
translators, the first paint before the library, and the self-test."""
