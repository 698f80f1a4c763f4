"""Caching of reader pages: whole pages, rendered pieces, and what invalidates them.

- `page_cache`: whole pages for anonymous readers (middleware);
- `pieces`: rendered pieces of pages and remembered lists, per version;
- `versions`: the content version, the related version and the code stamp;
- `keys`: every cache key, built from named inputs;
- `memo`: what one request has read already, request-scoped under WSGI and ASGI;
- `local_copies`: copies of unchanging values in each process's memory;
- `watched`: the models whose changes readers see, listed once, and the signals.
"""
