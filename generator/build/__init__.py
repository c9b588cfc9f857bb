"""Stage 4, build: the pipeline that runs the stages, with the cache, process pools,
fingerprints, the search index and the atomic output folder."""
