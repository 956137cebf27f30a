package dev.flarescope.ui.viewmodel;

import dev.flarescope.format.InputException;
import dev.flarescope.model.InputSummary;
import java.nio.file.Path;
import java.util.List;

/**
 * How one load ended, for the summary the window shows afterwards.
 *
 * @param status   whether a new trace was shown
 * @param paths    the paths that were loaded together
 * @param inputs   what was read from each input (empty unless {@link Status#LOADED})
 * @param failures inputs that could not be read at all, each with a message for the user
 * @param skipped  folder entries of no known format, as "path: reason"
 * @param error    a message when loading stopped for a reason that is not about one input, else null
 */
public record LoadOutcome(Status status, List<Path> paths, List<InputSummary> inputs,
                          List<InputException> failures, List<String> skipped, String error) {

    public enum Status {
        /** A new trace replaced the previous one (some inputs may still have failed). */
        LOADED,
        /** Nothing could be read; the previous trace stays. */
        NOTHING_LOADED,
        /** The user cancelled; the previous trace stays. */
        CANCELLED
    }

    public LoadOutcome {
        paths = List.copyOf(paths);
        inputs = List.copyOf(inputs);
        failures = List.copyOf(failures);
        skipped = List.copyOf(skipped);
    }

    static LoadOutcome cancelled(List<Path> paths) {
        return new LoadOutcome(Status.CANCELLED, paths, List.of(), List.of(), List.of(), null);
    }

    static LoadOutcome error(List<Path> paths, String message) {
        return new LoadOutcome(Status.NOTHING_LOADED, paths, List.of(), List.of(), List.of(), message);
    }
}
