package dev.flarescope.cli;

import java.io.PrintWriter;
import java.util.List;

/** {@code flarescope help [COMMAND]}: the help of the command named, or of flarescope itself. */
final class HelpCommand implements Subcommand {
    static final String NAME = "help";
    static final CommandSpec SPEC = FlarescopeCommand.subcommand(NAME,
                    "Display help information about the specified command.")
            .parameter(Parameter.optional("COMMAND", "The command to show the help of."));

    private final CommandTable table;

    HelpCommand(CommandTable table) {
        this.table = table;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Arguments args, PrintWriter out, PrintWriter err) {
        if (args.parameters().isEmpty()) {
            FlarescopeCommand.usage(table, out);
            return Cli.OK;
        }
        String name = args.parameters().get(0);
        Subcommand command = name.equals(NAME) ? this : table.create(name);
        if (command == null) {
            throw new UsageException("Unknown command: '" + name + "'");
        }
        Usage.write(command.spec(), List.of(), out);
        return Cli.OK;
    }
}
