"""The parser version is part of every lake file's address: bump it whenever any parser's output
for the same bytes could change, and every filing is re-extracted on the next refresh."""

PARSER_VERSION = "0.61.0"
