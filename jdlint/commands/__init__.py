"""The work of each command, one module per command (``jdlint/cli.py`` parses the options).

``check`` (lint and report), ``fix`` (``--fix``, ``--fix-only``, ``--diff``, standard input),
``jsonl`` (a stream of postings), ``rules``, ``explain``, ``profiles``, ``settings``
(``--show-settings``), ``init``, ``jsonld`` and ``server`` (which starts the language server in
``jdlint/server/``); ``paths`` finds the postings a command reads
and ``common`` holds the exit statuses and the lines every command prints.
"""
