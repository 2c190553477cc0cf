"""The command line: build, export, search, import, sources, remove, hide; never imports Qt."""

#: Subcommands; ``bilateral`` with none of these opens the window. Kept here, not in
#: ``cli.main``, so starting the window does not import the extraction pipeline.
COMMANDS = ("build", "export", "search", "import", "sources", "remove", "hide")
