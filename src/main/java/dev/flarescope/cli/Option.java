package dev.flarescope.cli;

/**
 * One option a command accepts: its names, the label of its value (none for a flag), what it does, and
 * whether it may be given more than once or must be given. A command declares its options as constants
 * next to each other, so what it accepts and what its help says are one table that is read without
 * reflection and costs nothing at start-up.
 *
 * <p>Shared by the command line and the bench tools, hence public.
 */
public final class Option {
    private final String name;
    private final String shortName;
    private final String label;
    private final String description;
    private final boolean repeatable;
    private final boolean required;

    private Option(String name, String shortName, String label, String description, boolean repeatable,
            boolean required) {
        if (!name.startsWith("--") || shortName != null && !(shortName.length() == 2 && shortName.charAt(0) == '-')) {
            throw new IllegalArgumentException("option names are --long and -s: " + name + ", " + shortName);
        }
        this.name = name;
        this.shortName = shortName;
        this.label = label;
        this.description = description;
        this.repeatable = repeatable;
        this.required = required;
    }

    /** An option without a value, such as {@code --json}. */
    public static Option flag(String name, String description) {
        return new Option(name, null, null, description, false, false);
    }

    /** An option with a value, given as {@code --name VALUE} or {@code --name=VALUE}; {@code label} names it in help. */
    public static Option value(String name, String label, String description) {
        return new Option(name, null, label, description, false, false);
    }

    /** This option with a one-letter name as well, such as {@code -o}. */
    public Option shortName(String shortName) {
        return new Option(name, shortName, label, description, repeatable, required);
    }

    /** This option, which may be given any number of times; each value is kept, in order. */
    public Option repeatable() {
        return new Option(name, shortName, label, description, true, required);
    }

    /** This option, which must be given. */
    public Option required() {
        return new Option(name, shortName, label, description, repeatable, true);
    }

    /** The long name, such as {@code --output}: how messages name the option. */
    public String name() {
        return name;
    }

    /** The one-letter name, such as {@code -o}, or null. */
    public String shortName() {
        return shortName;
    }

    /** What help calls the value, such as {@code OUT.json}; null for a flag. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public boolean takesValue() {
        return label != null;
    }

    public boolean isRepeatable() {
        return repeatable;
    }

    public boolean isRequired() {
        return required;
    }

    boolean isNamed(String text) {
        return text.equals(name) || text.equals(shortName);
    }

    /** {@code --output=OUT.json}, or {@code --json} for a flag: the option as the synopsis shows it. */
    String synopsis() {
        return label == null ? name : name + "=" + label;
    }

    @Override
    public String toString() {
        return name;
    }
}
