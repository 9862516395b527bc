"""The language server behind ``jdlint server`` (see docs/editors.md).

Importing a module here needs pygls and lsprotocol (the ``server`` extra);
``jdlint/commands/server.py`` checks for them before it starts ``lsp.main``.
"""
