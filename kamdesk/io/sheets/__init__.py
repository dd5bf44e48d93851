"""Reading people's spreadsheets faithfully: encodings, delimiters, title rows and
merged headers, columns by meaning (with units), saved mappings and cell values.

Modules: :mod:`.decode` (bytes → text), :mod:`.delimiters` (which separator),
:mod:`.header` (which rows are the header), :mod:`.columns` (which column means what),
:mod:`.mapping` (a user's saved column choices), :mod:`.values` (dates, amounts, empty
marks), :mod:`.reader` (a whole sheet). No Qt and no SQL here: the importers and the
wizard build on it.
"""
