"""The command line: build, export; never imports Qt."""
