package dev.flarescope.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The converters of plain values: numbers and paths. */
public final class Converters {
    /** A decimal {@code int}. */
    public static final ValueConverter<Integer> INT = new IntConverter();
    /** A decimal {@code long}. */
    public static final ValueConverter<Long> LONG = new LongConverter();
    /** A {@code double}, as {@link Double#parseDouble} reads it. */
    public static final ValueConverter<Double> DOUBLE = new DoubleConverter();
    /** A file or folder path of this platform. */
    public static final ValueConverter<Path> PATH = new PathConverter();

    private Converters() {
    }

    private static final class IntConverter implements ValueConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not an int");
            }
        }
    }

    private static final class LongConverter implements ValueConverter<Long> {
        @Override
        public Long convert(String text) {
            try {
                return Long.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a long");
            }
        }
    }

    private static final class DoubleConverter implements ValueConverter<Double> {
        @Override
        public Double convert(String text) {
            try {
                return Double.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a double");
            }
        }
    }

    private static final class PathConverter implements ValueConverter<Path> {
        @Override
        public Path convert(String text) {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("'" + text + "' is not a path: " + e.getReason());
            }
        }
    }
}
