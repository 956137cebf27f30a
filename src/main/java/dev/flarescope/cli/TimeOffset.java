package dev.flarescope.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clock offset for one input, given on the command line as {@code PATH=+12.5ms}: traces recorded on
 * different machines rarely share a clock, so each input can be shifted before they are merged.
 *
 * @param path the input path as given (normalised the way the loader names inputs)
 * @param ns   the shift in nanoseconds, added to every time of that input
 */
public record TimeOffset(String path, long ns) {
    private static final Pattern DURATION = Pattern.compile("([+-]?)(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(ns|us|µs|ms|s)");

    /** Parses a signed duration with a unit (ns, us, ms, s), such as {@code +12.5ms} or {@code -3s}, to ns. */
    public static long parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: expected a number and a unit"
                    + " (ns, us, ms, s), such as +12.5ms");
        }
        long scale = switch (m.group(3)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
        BigDecimal ns = new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(scale)).setScale(0, RoundingMode.HALF_UP);
        try {
            long v = ns.longValueExact();
            return m.group(1).equals("-") ? -v : v;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large an offset");
        }
    }

    /** {@code --offset PATH=DURATION}. */
    static final class Converter implements ValueConverter<TimeOffset> {
        @Override
        public TimeOffset convert(String value) {
            int eq = value.lastIndexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new IllegalArgumentException("'" + value + "': expected PATH=TIME, such as trace.json=+12.5ms");
            }
            String path = Path.of(value.substring(0, eq)).toString();
            return new TimeOffset(path, parseDuration(value.substring(eq + 1)));
        }
    }
}
