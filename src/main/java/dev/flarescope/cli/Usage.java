package dev.flarescope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The help of a command, within {@value #WIDTH} columns: the synopsis, the description, the options in
 * two columns (names and value label, then the description, wrapped with its continuation lines indented
 * two more), the commands when there are subcommands, and the footer.
 */
final class Usage {
    /** Columns of a help line. */
    static final int WIDTH = 80;
    /** The widest names column; an option with wider names gets a line of its own above its description. */
    private static final int MAX_NAMES = 28;
    private static final int GAP = 2;
    private static final int CONTINUATION = 2;

    /** One line of the two-column list: names (already indented) and a description. */
    record Row(String names, String description) {
    }

    private Usage() {
    }

    /** Writes the help of {@code spec}; {@code commands} lists its subcommands (empty when it has none). */
    static void write(CommandSpec spec, List<Row> commands, PrintWriter out) {
        String start = "Usage: " + spec.name() + " ";
        int hanging = WIDTH - start.length();
        lines(out, wrap(synopsis(spec), hanging, hanging), start, " ".repeat(start.length()));
        for (String paragraph : spec.description()) {
            lines(out, wrap(paragraph, WIDTH, WIDTH), "", "");
        }
        List<Row> rows = new ArrayList<>();
        Parameter p = spec.parameter();
        if (p != null && p.description() != null) {
            rows.add(new Row("      " + p.label() + (p.many() ? "..." : ""), p.description()));
        }
        for (Option o : spec.options()) {
            rows.add(row(o));
        }
        for (Option o : spec.standardOptions()) {
            rows.add(row(o));
        }
        List<Row> group = new ArrayList<>();
        for (Option o : spec.oneOf()) {
            group.add(row(o));
        }
        List<Row> all = new ArrayList<>(rows);
        all.addAll(group);
        int column = column(all);
        table(out, rows, column);
        if (!group.isEmpty()) {
            out.println(spec.oneOfHeading());
            table(out, group, column);
        }
        if (!commands.isEmpty()) {
            out.println("Commands:");
            table(out, commands, column(commands));
        }
        if (spec.footerHeading() != null) {
            out.println();
            out.println(spec.footerHeading());
            for (String line : spec.footer()) {
                out.println(line);
            }
        }
        out.flush();
    }

    /** {@code [-hV] [--debug] [--json] [--top=N] [--offset=PATH=TIME]... -o=OUT.json (--a | --b) PATH...}. */
    static String synopsis(CommandSpec spec) {
        StringBuilder sb = new StringBuilder(spec.isVersioned() ? "[-hV]" : "[-h]");
        for (Option o : spec.standardOptions()) {
            if (o != CommandSpec.HELP && o != CommandSpec.VERSION) {
                sb.append(" [").append(o.synopsis()).append(']');
            }
        }
        for (Option o : spec.options()) {
            sb.append(' ').append(o.isRequired() ? o.synopsis() : "[" + o.synopsis() + "]");
            if (o.isRepeatable()) {
                sb.append("...");
            }
        }
        if (!spec.oneOf().isEmpty()) {
            sb.append(' ').append(oneOfSynopsis(spec));
        }
        if (spec.parameter() != null) {
            sb.append(' ').append(spec.parameter().synopsis());
        }
        return sb.toString();
    }

    /** {@code (--follow=PATH | --connect=URL)}. */
    static String oneOfSynopsis(CommandSpec spec) {
        StringBuilder sb = new StringBuilder("(");
        for (Option o : spec.oneOf()) {
            sb.append(sb.length() > 1 ? " | " : "").append(o.synopsis());
        }
        return sb.append(')').toString();
    }

    private static Row row(Option o) {
        String names = o.shortName() != null ? "  " + o.shortName() + ", " + o.synopsis() : "      " + o.synopsis();
        return new Row(names, o.description());
    }

    /** Where descriptions start: after the widest names that are not too wide, and a gap. */
    private static int column(List<Row> rows) {
        int widest = 0;
        for (Row r : rows) {
            if (r.names().length() <= MAX_NAMES) {
                widest = Math.max(widest, r.names().length());
            }
        }
        return widest + GAP;
    }

    private static void table(PrintWriter out, List<Row> rows, int column) {
        String indent = " ".repeat(column);
        for (Row r : rows) {
            String first;
            if (r.names().length() + GAP > column) {
                out.println(r.names());
                first = indent;
            } else {
                first = r.names() + " ".repeat(column - r.names().length());
            }
            lines(out, wrap(r.description(), WIDTH - column, WIDTH - column - CONTINUATION), first,
                    indent + " ".repeat(CONTINUATION));
        }
    }

    /** Prints {@code lines}, the first after {@code first}, the others after {@code others}. */
    private static void lines(PrintWriter out, List<String> lines, String first, String others) {
        for (int i = 0; i < lines.size(); i++) {
            out.println(((i == 0 ? first : others) + lines.get(i)).stripTrailing());
        }
    }

    /**
     * {@code text} in lines of at most {@code firstWidth} characters for the first and {@code width} for
     * the others, broken between words; a word longer than a line is cut, before a {@code |} where it
     * can be (a list of choices). Always at least one line.
     */
    static List<String> wrap(String text, int firstWidth, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int limit = firstWidth;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > limit) {
                lines.add(line.toString());
                line.setLength(0);
                limit = width;
            }
            while (line.length() == 0 && word.length() > limit) {
                int cut = cut(word, limit);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
                limit = width;
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Where to cut a word wider than {@code limit}: before its last '|' that fits, or at the limit. */
    private static int cut(String word, int limit) {
        int bar = word.lastIndexOf('|', limit);
        return bar > 0 ? bar : limit;
    }
}
