package io.sofastack.qa.index;

/**
 * What one synchronisation of the index with the archive did.
 *
 * @param embedded passages that were new or changed, embedded and written
 * @param fromCache of those, how many took their embedding from the shared embedding cache
 * @param unchanged passages whose hash was unchanged, left as they were
 * @param deleted passages whose source is gone, removed
 * @param rebuilt whether the whole index was rebuilt (new, foreign, corrupt or of an older schema)
 * @param tookMs how long it took
 */
public record SyncReport(int embedded, int fromCache, int unchanged, int deleted, boolean rebuilt, long tookMs) {
}
