"""Scale-out: ingest and search across processes, shards and Ray clusters (issue 16)."""
