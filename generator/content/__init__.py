"""Stage 1, content: the site's files (site.toml, meeting files, pages, bodies, git history)
read into typed, checked values, every problem located at its file and line."""
