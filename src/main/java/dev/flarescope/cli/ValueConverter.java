package dev.flarescope.cli;

/**
 * Turns the text of an option or parameter into its value. A value that does not fit throws
 * {@link IllegalArgumentException} with a message saying why, such as {@code 'x' is not an int};
 * {@link Arguments} puts the option's name in front.
 *
 * @param <T> the type of the value
 */
public interface ValueConverter<T> {
    T convert(String text);
}
