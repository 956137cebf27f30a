package dev.flarescope.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line, with what it printed. */
record CliRun(int code, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON: " + e.getMessage() + "\n" + out, e);
        }
    }

    /** The row of {@code stats} for span {@code name} in a JSON report. */
    static JsonNode statRow(JsonNode report, String name) {
        for (JsonNode s : report.get("stats")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no stats row " + name);
    }

    /** Stderr lines; asserts none of them is part of a stack trace. */
    String[] errLines() {
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "stack trace on stderr:\n" + err);
        return err.isEmpty() ? new String[0] : err.split("\\R");
    }
}
