package dev.flarescope.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line parsed against a {@link CommandSpec}: which options were given with which values,
 * and the parameters. Options are {@code --name VALUE}, {@code --name=VALUE}, {@code -n VALUE},
 * {@code -nVALUE} or {@code -n=VALUE}; flags of one letter may be joined ({@code -hV}); options and
 * parameters may come in any order; {@code --} ends the options, and {@code -} alone is a parameter.
 * {@code --help} or {@code --version} ends parsing at once: help is shown whatever later arguments hold, but
 * an error in the arguments before it is reported instead.
 *
 * <p>Values stay text until the command asks for them through a {@link ValueConverter}, which is where
 * an unusable value becomes an error naming the option.
 */
public final class Arguments {
    private final CommandSpec spec;
    private final Map<Option, List<String>> values = new HashMap<>();
    private final List<String> parameters = new ArrayList<>();
    private int commandIndex = -1;

    private Arguments(CommandSpec spec) {
        this.spec = spec;
    }

    /**
     * Parses {@code args} from index {@code from} on.
     *
     * @throws UsageException when an option is unknown, lacks its value or is given twice, or when a
     *                        required option or parameter is missing
     */
    public static Arguments parse(CommandSpec spec, String[] args, int from) {
        Arguments a = new Arguments(spec);
        boolean optionsOver = false;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (optionsOver || arg.length() < 2 || arg.charAt(0) != '-') {
                if (spec.takesCommandName()) {
                    a.commandIndex = i;
                    return a;
                }
                a.parameters.add(arg);
            } else if (arg.equals("--")) {
                optionsOver = true;
            } else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                Option o = a.known(eq < 0 ? arg : arg.substring(0, eq), arg);
                i = a.take(o, eq < 0 ? null : arg.substring(eq + 1), args, i);
            } else {
                i = a.takeShort(arg, args, i);
            }
            if (a.helpRequested() || a.versionRequested()) {
                return a;
            }
        }
        a.check();
        return a;
    }

    /** {@code -hV}, {@code -oOUT.json}, {@code -o=OUT.json}, {@code -o OUT.json}; returns the last index used. */
    private int takeShort(String arg, String[] args, int i) {
        for (int k = 1; k < arg.length(); k++) {
            Option o = known("-" + arg.charAt(k), k == 1 ? arg : "-" + arg.charAt(k));
            if (o.takesValue()) {
                String rest = arg.substring(k + 1);
                String attached = rest.isEmpty() ? null : rest.startsWith("=") ? rest.substring(1) : rest;
                return take(o, attached, args, i);
            }
            take(o, null, args, i);
        }
        return i;
    }

    private Option known(String name, String asGiven) {
        Option o = spec.option(name);
        if (o == null) {
            throw new UsageException("Unknown option: '" + asGiven + "'");
        }
        return o;
    }

    /** Records {@code o} with its value (attached, or the next argument); returns the last index used. */
    private int take(Option o, String attached, String[] args, int i) {
        List<String> given = values.get(o);
        if (given != null && !o.isRepeatable()) {
            throw new UsageException("option '" + o.name() + "'" + (o.takesValue() ? " (" + o.label() + ")" : "")
                    + " should be specified only once");
        }
        if (given == null) {
            given = new ArrayList<>(1);
            values.put(o, given);
        }
        if (!o.takesValue()) {
            if (attached != null) {
                throw new UsageException("option '" + o.name() + "' takes no value, found '" + attached + "'");
            }
            given.add("");
            return i;
        }
        if (attached != null && !attached.isEmpty()) {
            given.add(attached);
            return i;
        }
        if (attached != null || i + 1 >= args.length || isOptionName(args[i + 1])) { // '--output=' has no value
            throw new UsageException("Missing required parameter for option '" + o.name() + "' (" + o.label() + ")");
        }
        given.add(args[i + 1]);
        return i + 1;
    }

    /** Whether {@code arg} names an option of the spec (or ends the options) rather than being a value. */
    private boolean isOptionName(String arg) {
        if (arg.equals("--")) {
            return true;
        }
        int eq = arg.indexOf('=');
        return spec.option(eq < 0 ? arg : arg.substring(0, eq)) != null;
    }

    private void check() {
        for (Option o : spec.options()) {
            if (o.isRequired() && !has(o)) {
                throw new UsageException("Missing required option: '" + o.synopsis() + "'");
            }
        }
        List<Option> group = spec.oneOf();
        if (!group.isEmpty()) {
            List<String> given = new ArrayList<>();
            for (Option o : group) {
                if (has(o)) {
                    given.add(o.name());
                }
            }
            if (given.isEmpty()) {
                throw new UsageException("Missing required option, one of: " + Usage.oneOfSynopsis(spec));
            }
            if (given.size() > 1) {
                throw new UsageException(String.join(" and ", given) + " cannot be used together (specify only one)");
            }
        }
        Parameter p = spec.parameter();
        if (p == null || !p.many()) {
            int allowed = p == null ? 0 : 1;
            if (parameters.size() > allowed) {
                throw new UsageException("Unexpected argument: '" + parameters.get(allowed) + "'");
            }
        }
        if (p != null && p.required() && parameters.isEmpty()) {
            throw new UsageException("Missing required parameter: '" + p.label() + "'");
        }
    }

    /** Whether {@code -h} or {@code --help} was given. */
    public boolean helpRequested() {
        return has(CommandSpec.HELP);
    }

    /** Whether {@code -V} or {@code --version} was given. */
    public boolean versionRequested() {
        return has(CommandSpec.VERSION);
    }

    /** For a spec that {@linkplain CommandSpec#takesCommand() takes a command}: the index of its name, or -1. */
    int commandIndex() {
        return commandIndex;
    }

    /** Whether option {@code o} was given. */
    public boolean has(Option o) {
        return values.containsKey(o);
    }

    /** The text of option {@code o}, or null when it was not given. */
    public String value(Option o) {
        List<String> given = values.get(o);
        return given == null ? null : given.get(given.size() - 1);
    }

    /** The value of option {@code o}, or null when it was not given. */
    public <T> T value(Option o, ValueConverter<T> converter) {
        String text = value(o);
        return text == null ? null : convert(o, converter, text);
    }

    /** The value of option {@code o}, or {@code orElse} when it was not given. */
    public <T> T value(Option o, ValueConverter<T> converter, T orElse) {
        String text = value(o);
        return text == null ? orElse : convert(o, converter, text);
    }

    /** Every value of a repeatable option, in the order given; empty when it was not given. */
    public <T> List<T> values(Option o, ValueConverter<T> converter) {
        List<String> given = values.get(o);
        List<T> converted = new ArrayList<>(given == null ? 0 : given.size());
        if (given != null) {
            for (String text : given) {
                converted.add(convert(o, converter, text));
            }
        }
        return converted;
    }

    /** The parameters as given. */
    public List<String> parameters() {
        return parameters;
    }

    /** The parameters, each converted. */
    public <T> List<T> parameters(ValueConverter<T> converter) {
        List<T> converted = new ArrayList<>(parameters.size());
        for (String text : parameters) {
            try {
                converted.add(converter.convert(text));
            } catch (IllegalArgumentException e) {
                throw new UsageException("Invalid value for parameter '" + spec.parameter().label() + "': "
                        + e.getMessage());
            }
        }
        return converted;
    }

    private static <T> T convert(Option o, ValueConverter<T> converter, String text) {
        try {
            return converter.convert(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Invalid value for option '" + o.name() + "': " + e.getMessage());
        }
    }
}
