package dev.flarescope.cli;

/**
 * The arguments of a command that are not options (such as the trace paths), described for help and
 * counted when the command line is parsed.
 *
 * @param label       how help names them, such as {@code PATH}
 * @param description what they are, or null to leave them out of the list of options
 * @param required    whether at least one must be given
 * @param many        whether more than one may be given
 */
public record Parameter(String label, String description, boolean required, boolean many) {

    /** One or more, such as the trace paths of {@code report}. */
    public static Parameter oneOrMore(String label, String description) {
        return new Parameter(label, description, true, true);
    }

    /** At most one, which may be left out. */
    public static Parameter optional(String label, String description) {
        return new Parameter(label, description, false, false);
    }

    /** {@code PATH...}, {@code [DIR]}: the parameters as the synopsis shows them. */
    String synopsis() {
        String s = many ? label + "..." : label;
        return required ? s : "[" + s + "]";
    }
}
