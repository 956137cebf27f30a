package dev.flarescope.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a command accepts and what its help says: its name, description, options (with at most one
 * group of which exactly one must be given), parameters and a footer. Each command builds its spec once,
 * in a static field next to its option constants, and leaves it unchanged afterwards; {@link Arguments}
 * parses against it and {@link Usage} prints it. Every command takes {@code -h, --help}.
 *
 * <p>Shared by the command line and the bench tools, hence public.
 */
public final class CommandSpec {
    /** {@code -h, --help}, which every command takes. */
    static final Option HELP = Option.flag("--help", "Show this help message and exit.").shortName("-h");
    /** {@code -V, --version}, for the commands made {@link #versioned()}. */
    static final Option VERSION = Option.flag("--version", "Print version information and exit.").shortName("-V");

    private final String name;
    private final List<String> description;
    private final List<Option> options = new ArrayList<>();
    private final List<Option> common = new ArrayList<>();
    private final List<Option> oneOf = new ArrayList<>();
    private String oneOfHeading;
    private Parameter parameter;
    private boolean versioned;
    private boolean takesCommand;
    private String footerHeading;
    private String[] footerLines = new String[0];
    /** Makes the footer when help is printed; null when {@link #footerLines} is the footer. */
    private Supplier<String[]> footerSource;

    /**
     * @param name        the command as the user types it, such as {@code flarescope report}
     * @param description paragraphs, each wrapped in help; the first also describes the command in a
     *                    list of commands
     */
    public CommandSpec(String name, String... description) {
        this.name = name;
        this.description = List.of(description);
    }

    /** Adds options, listed in help in this order. */
    public CommandSpec options(Option... added) {
        Collections.addAll(options, added);
        return this;
    }

    /** Options of which exactly one must be given, listed in help under {@code heading}. */
    public CommandSpec oneOf(String heading, Option... group) {
        oneOfHeading = heading;
        Collections.addAll(oneOf, group);
        return this;
    }

    /** The arguments that are not options. Without one, any such argument is an error. */
    public CommandSpec parameter(Parameter p) {
        parameter = p;
        return this;
    }

    /** Lines printed after the options under {@code heading}, as they are (not wrapped). */
    public CommandSpec footer(String heading, String... lines) {
        footerHeading = heading;
        footerLines = lines.clone();
        footerSource = null;
        return this;
    }

    /**
     * A footer made only when help is printed: one computed from other tables (report's list of
     * thresholds) would otherwise cost every run of the command at start-up.
     */
    public CommandSpec footer(String heading, Supplier<String[]> lines) {
        footerHeading = heading;
        footerSource = lines;
        return this;
    }

    /** Takes {@code -V, --version} too. */
    CommandSpec versioned() {
        versioned = true;
        return this;
    }

    /** Options every command of a program takes, listed after help and version. */
    CommandSpec common(Option... added) {
        Collections.addAll(common, added);
        return this;
    }

    /**
     * A command whose first parameter names a subcommand: parsing stops there, and the rest of the
     * arguments belong to the subcommand.
     */
    CommandSpec takesCommand() {
        takesCommand = true;
        parameter = Parameter.optional("COMMAND", null);
        return this;
    }

    public String name() {
        return name;
    }

    List<String> description() {
        return description;
    }

    /** The first paragraph of the description, for a list of commands. */
    String summary() {
        return description.isEmpty() ? "" : description.get(0);
    }

    /** The command's own options, in the order declared. */
    List<Option> options() {
        return options;
    }

    /** Help, version when {@link #versioned()}, then the {@link #common(Option...) common} options. */
    List<Option> standardOptions() {
        List<Option> standard = new ArrayList<>(2 + common.size());
        standard.add(HELP);
        if (versioned) {
            standard.add(VERSION);
        }
        standard.addAll(common);
        return standard;
    }

    List<Option> oneOf() {
        return oneOf;
    }

    String oneOfHeading() {
        return oneOfHeading;
    }

    /** The parameters, or null when the command takes none. */
    Parameter parameter() {
        return parameter;
    }

    boolean isVersioned() {
        return versioned;
    }

    boolean takesCommandName() {
        return takesCommand;
    }

    /** Null when there is no footer. */
    String footerHeading() {
        return footerHeading;
    }

    List<String> footer() {
        return List.of(footerSource != null ? footerSource.get() : footerLines);
    }

    /** The option called {@code text} (long or short name), or null. */
    Option option(String text) {
        for (Option o : standardOptions()) {
            if (o.isNamed(text)) {
                return o;
            }
        }
        for (Option o : options) {
            if (o.isNamed(text)) {
                return o;
            }
        }
        for (Option o : oneOf) {
            if (o.isNamed(text)) {
                return o;
            }
        }
        return null;
    }
}
