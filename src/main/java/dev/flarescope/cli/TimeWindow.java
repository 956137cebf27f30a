package dev.flarescope.cli;

/**
 * A part of a trace's time given on the command line as {@code START..END}, each a duration from the
 * trace's start with a unit ({@code 1.2s..1.5s}, {@code 800ms..1250ms}), as the views' rulers count.
 *
 * @param fromNs start, in ns after the trace's first event
 * @param toNs   end, in ns after the trace's first event ({@code > fromNs})
 */
public record TimeWindow(long fromNs, long toNs) {
    public TimeWindow {
        if (fromNs < 0) {
            throw new IllegalArgumentException("a range starts at 0 (the trace's start) or later");
        }
        if (toNs <= fromNs) {
            throw new IllegalArgumentException("a range must end after it starts");
        }
    }

    /** Parses {@code START..END}. */
    public static TimeWindow parse(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException("'" + text + "': expected START..END, such as 1.2s..1.5s");
        }
        return new TimeWindow(TimeOffset.parseDuration(text.substring(0, dots)),
                TimeOffset.parseDuration(text.substring(dots + 2)));
    }

    /** {@code --range}: the value quoted in front of what is wrong with it. */
    static final class Converter implements ValueConverter<TimeWindow> {
        @Override
        public TimeWindow convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith("'") ? e.getMessage()
                        : "'" + value + "': " + e.getMessage());
            }
        }
    }
}
