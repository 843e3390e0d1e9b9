// main.ts's first import. Hive Gateway runs as our gateway does in the bench (gateway/process-memory.ts):
// without the source maps tsx enables, as both run built, so neither's memory counts maps the other's does not.
process.setSourceMapsEnabled(false);
