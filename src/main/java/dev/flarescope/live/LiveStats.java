package dev.flarescope.live;

/**
 * Figures of a live store at the moment of a snapshot, for the live badge and the benchmark.
 *
 * @param receivedEvents  events and request records delivered since the start
 * @param retainedEvents  of those, the ones still kept (the snapshot holds these)
 * @param droppedEvents   dropped by the retention window
 * @param eventsPerSecond arrival rate since the previous snapshot
 * @param pendingBytes    bytes handed over but not decoded yet
 * @param assemblyMillis  time spent building this snapshot
 * @param lagMillis       from the arrival of the oldest data that is new in this snapshot to its publication
 */
public record LiveStats(long receivedEvents, long retainedEvents, long droppedEvents, double eventsPerSecond,
                        long pendingBytes, double assemblyMillis, double lagMillis) {
}
