"""Stage 3, pages: what each page shows and its bytes: the page kinds, templates, feeds,
calendars, open data and UI strings."""
