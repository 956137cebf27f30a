package dev.flarescope.analysis.flame;

/**
 * One row of the sandwich view's function table.
 *
 * @param nameId id of the function's name in the trace's string pool
 * @param name   display name
 * @param total  time of the stacks that contain the function, each stack counted once however often the
 *               function recurses in it (the outermost occurrence's total)
 * @param self   time spent in the function itself, summed over every occurrence
 * @param count  span instances (or samples) of the function, every occurrence counted
 */
public record FunctionStat(int nameId, String name, long total, long self, long count) {
}
