"""Stage 2, site: pure derivations from the parsed content (bodies, years, decisions, case
files, the notice board, search partitions) and every output path."""
