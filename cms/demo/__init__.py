"""Demo site built from the +RESILIENT network's public material (`manage.py load_demo`).

`content/` holds the text and facts as data (English and Italian leaves side by side);
`builder.py` turns them into snippets, pages, translations, images and documents;
`sync.py` makes every write idempotent; `media.py` draws images and PDFs with Pillow.
"""
