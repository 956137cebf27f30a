package dev.flarescope.format.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.flarescope.format.InputException;
import dev.flarescope.format.InputSource;
import dev.flarescope.format.ReadContext;
import dev.flarescope.format.TraceReader;
import dev.flarescope.format.metrics.Head;
import dev.flarescope.format.metrics.JsonRecords;
import dev.flarescope.format.metrics.LineSplitter;
import dev.flarescope.format.metrics.Problems;
import dev.flarescope.format.metrics.ProgressInputStream;
import dev.flarescope.model.BenchResult;
import dev.flarescope.model.TraceSink;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads llama-bench results in each of its output forms ({@code -o json}, {@code jsonl}, {@code csv},
 * {@code md}) into one {@link BenchResult} per test. The form is chosen from the content: a JSON
 * array, JSON lines, a CSV header row naming {@code avg_ts}, or a markdown table with {@code test} and
 * {@code t/s} columns (log lines around the table, as when stderr was captured too, are skipped).
 *
 * <p>All forms go through the same field map ({@link BenchFields}), so one run printed in the four
 * forms gives the same results, with one difference the markdown form imposes: it prints the model's
 * type, not its file, so {@link BenchResult#model} is {@code model_filename} in the other forms and
 * {@code model_type} in markdown. Markdown also rounds speeds to two decimals, shows {@code size} and
 * {@code params} only as text ("4.36 GiB"), and gives the build in its footer line, which is applied to
 * the rows above it. Fields other than the model, backend, counts and speeds are kept in
 * {@link BenchResult#extra} as JSON text under llama-bench's field names (markdown's short column
 * titles such as {@code ngl} are mapped back to them). The {@code sql} form is not read.
 */
public final class LlamaBenchReader implements TraceReader {
    static final String EXPECTED = "llama-bench output (-o json, jsonl, csv or md)";

    /**
     * True when the start of a text input is llama-bench's CSV (a header with {@code avg_ts} and
     * {@code n_prompt} or {@code n_gen}) or markdown (a table row with {@code test} and {@code t/s}).
     */
    public static boolean sniffText(String head) {
        return isCsvHeader(Head.firstLine(head)) || markdownHeaderIn(head);
    }

    /** True when a JSON value is a llama-bench result row, or an array starting with one. */
    public static boolean sniffJson(JsonNode value) {
        JsonNode row = value != null && value.isArray() ? value.path(0) : value;
        return row != null && row.isObject() && row.path("avg_ts").isNumber()
                && (row.has("n_prompt") || row.has("n_gen"))
                && (row.has("model_type") || row.has("model_filename") || row.has("build_commit"));
    }

    @Override
    public void read(InputSource source, ReadContext ctx) throws IOException, InputException {
        TraceSink sink = ctx.newSink();
        String path = source.name();
        try (BufferedInputStream in = Head.buffered(new ProgressInputStream(source.open(), ctx))) {
            String head = Head.peek(in, Head.DEFAULT_SIZE);
            String first = Head.firstLine(head);
            if (first.startsWith("[") || first.startsWith("{")) {
                readJson(sink, path, in, first.startsWith("["));
            } else if (markdownHeaderIn(head)) {
                new MarkdownTable(sink, path).read(in);
            } else if (isCsvHeader(first)) {
                new CsvTable(sink, path).read(in);
            } else if (first.isEmpty()) {
                throw new InputException(path, 0, "the input is empty; expected " + EXPECTED);
            } else {
                throw new InputException(path, 0, "expected " + EXPECTED
                        + ": a JSON array, JSON lines, a CSV header with avg_ts or a markdown table with t/s");
            }
        }
    }

    /** The json and jsonl forms: each object is one result. */
    private static void readJson(TraceSink sink, String path, BufferedInputStream in, boolean document)
            throws IOException, InputException {
        JsonRecords records = new JsonRecords(sink, path, "llama-bench result objects (-o json or jsonl)");
        JsonRecords.Handler handler = (value, line, offset) -> {
            if (!value.isObject()) {
                records.malformed(line, offset, "expected a llama-bench result object");
                return false;
            }
            try {
                sink.bench(BenchFields.toResult(BenchFields.members(value), path, line));
                return true;
            } catch (IllegalArgumentException e) {
                records.malformed(line, offset, e.getMessage());
                return false;
            }
        };
        if (document) {
            records.readDocument(in, handler);
        } else {
            records.readLines(in, handler);
        }
    }

    static boolean isCsvHeader(String line) {
        List<String> fields = CsvRow.split(line);
        return fields != null && fields.contains("avg_ts") && (fields.contains("n_prompt") || fields.contains("n_gen"));
    }

    private static boolean markdownHeaderIn(String head) {
        for (String line : head.split("\n")) {
            if (isMarkdownHeader(line)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMarkdownHeader(String line) {
        if (!MarkdownRow.isRow(line)) {
            return false;
        }
        List<String> cells = MarkdownRow.cells(line);
        return cells.contains("test") && cells.contains("t/s");
    }

    /** The CSV form: a header row of field names, then one quoted row per test. */
    private static final class CsvTable {
        private final TraceSink sink;
        private final String path;
        private final Problems problems;
        private List<String> header;
        private long records;
        private long nonBlank;

        CsvTable(TraceSink sink, String path) {
            this.sink = sink;
            this.path = path;
            this.problems = new Problems(sink, path, EXPECTED);
        }

        void read(BufferedInputStream in) throws IOException, InputException {
            LineSplitter.split(in, (buf, start, len, line, offset, terminated) -> {
                if (LineSplitter.isBlank(buf, start, len)) {
                    return;
                }
                nonBlank++;
                row(new String(buf, start, len, StandardCharsets.UTF_8), line, offset, terminated);
            });
            problems.requireRecords(records, nonBlank);
        }

        private void row(String text, long line, long offset, boolean terminated) {
            List<String> values = CsvRow.split(text);
            if (values == null) {
                problems.line(line, offset, terminated, "a quoted value is not closed");
                return;
            }
            if (header == null) {
                header = values;
                return;
            }
            if (values.equals(header)) {
                return; // the header again, from results of several runs appended to one file
            }
            if (values.size() != header.size()) {
                problems.line(line, offset, terminated,
                        "expected " + header.size() + " values as in the header, found " + values.size());
                return;
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                fields.put(header.get(i), BenchFields.typed(header.get(i), values.get(i)));
            }
            try {
                sink.bench(BenchFields.toResult(fields, path, line));
                records++;
            } catch (IllegalArgumentException e) {
                problems.line(line, offset, terminated, e.getMessage());
            }
        }
    }

    /**
     * The markdown form: a header row, a separator row, one row per test and a {@code build:} footer.
     * Rows wait for the footer (a table has a handful of rows) so that their results carry the build.
     */
    private static final class MarkdownTable {
        private final TraceSink sink;
        private final String path;
        private final Problems problems;
        private final List<BenchResult> pending = new ArrayList<>();
        private List<String> fields;
        private long records;
        private long nonBlank;
        private long skippedLines;

        MarkdownTable(TraceSink sink, String path) {
            this.sink = sink;
            this.path = path;
            this.problems = new Problems(sink, path, EXPECTED);
        }

        void read(BufferedInputStream in) throws IOException, InputException {
            LineSplitter.split(in, (buf, start, len, line, offset, terminated) -> {
                if (LineSplitter.isBlank(buf, start, len)) {
                    return;
                }
                nonBlank++;
                line(new String(buf, start, len, StandardCharsets.UTF_8), line, offset, terminated);
            });
            flush(null);
            if (skippedLines > 0) {
                sink.note(skippedLines + " lines outside the llama-bench table were skipped");
            }
            problems.requireRecords(records, nonBlank);
        }

        private void line(String text, long line, long offset, boolean terminated) {
            MarkdownRow.Build build = MarkdownRow.footer(text);
            if (build != null) {
                flush(build);
            } else if (isMarkdownHeader(text)) {
                flush(null);
                fields = new ArrayList<>();
                MarkdownRow.cells(text).forEach(c -> fields.add(BenchFields.fieldOfColumn(c)));
            } else if (fields != null && MarkdownRow.isRow(text)) {
                row(MarkdownRow.cells(text), line, offset, terminated);
            } else if (!terminated && text.trim().startsWith("|")) {
                problems.line(line, offset, false, "a table row without its closing |");
            } else {
                skippedLines++;
            }
        }

        private void row(List<String> cells, long line, long offset, boolean terminated) {
            if (MarkdownRow.isSeparator(cells)) {
                return;
            }
            if (cells.size() != fields.size()) {
                problems.line(line, offset, terminated,
                        "expected " + fields.size() + " cells as in the header, found " + cells.size());
                return;
            }
            Map<String, JsonNode> values = new LinkedHashMap<>();
            JsonNodeFactory f = JsonNodeFactory.instance;
            for (int i = 0; i < cells.size(); i++) {
                String field = fields.get(i);
                String cell = cells.get(i);
                if (field.equals("test")) {
                    MarkdownRow.Test test = MarkdownRow.test(cell);
                    if (test == null) {
                        problems.line(line, offset, terminated, "expected a test such as pp512, tg128 or pp512 @ d4096, found '" + cell + "'");
                        return;
                    }
                    values.put("n_prompt", f.numberNode(test.nPrompt()));
                    values.put("n_gen", f.numberNode(test.nGen()));
                    values.put("n_depth", f.numberNode(test.nDepth()));
                } else if (field.equals("t/s")) {
                    MarkdownRow.Speed speed = MarkdownRow.speed(cell);
                    if (speed == null) {
                        problems.line(line, offset, terminated, "expected t/s as 'mean ± stddev', found '" + cell + "'");
                        return;
                    }
                    values.put("avg_ts", BenchFields.typed("avg_ts", speed.avg()));
                    values.put("stddev_ts", BenchFields.typed("stddev_ts", speed.stddev()));
                } else {
                    values.put(field, BenchFields.typed(field, cell));
                }
            }
            try {
                pending.add(BenchFields.toResult(values, path, line));
            } catch (IllegalArgumentException e) {
                problems.line(line, offset, terminated, e.getMessage());
            }
        }

        /** Emits the rows read so far, with the build of the footer that follows them when there is one. */
        private void flush(MarkdownRow.Build build) {
            for (BenchResult b : pending) {
                if (build != null) {
                    b.extra.put("build_commit", JsonNodeFactory.instance.textNode(build.commit()).toString());
                    b.extra.put("build_number", build.number());
                }
                sink.bench(b);
                records++;
            }
            pending.clear();
        }
    }
}
