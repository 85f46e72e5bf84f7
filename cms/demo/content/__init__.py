"""Demo content as data. Bilingual leaves are dicts {"en": ..., "it": ...}.

Facts (names, places, dates, figures) come from the +RESILIENT project's public pages; the
wording is ours. Where the sources give no figure, no figure is given.
"""
