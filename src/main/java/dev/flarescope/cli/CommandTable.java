package dev.flarescope.cli;

import java.util.List;

/**
 * The subcommands of the command line, by name. A command is made only when it is asked for, so a run
 * loads the classes of the one it needs and no others.
 */
interface CommandTable {
    /** The names, in the order help lists them. */
    List<String> names();

    /** A new instance of the command called {@code name}, or null when there is none. */
    Subcommand create(String name);

    /** The commands of {@code flarescope}. */
    CommandTable STANDARD = new CommandTable() {
        @Override
        public List<String> names() {
            return List.of("report", "merge", "export-png", "record", "demo-server");
        }

        @Override
        public Subcommand create(String name) {
            return switch (name) {
                case "report" -> new ReportCommand();
                case "merge" -> new MergeCommand();
                case "export-png" -> new ExportPngCommand();
                case "record" -> new RecordCommand();
                case "demo-server" -> new DemoServerCommand();
                default -> null;
            };
        }
    };
}
