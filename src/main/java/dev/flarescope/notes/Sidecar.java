package dev.flarescope.notes;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flarescope.format.OutputFiles;
import dev.flarescope.format.Utf8JsonFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The notes file kept beside a trace, {@code <trace>.flarescope.json}: where it lives, how it is read
 * and how it is written. The format is documented in docs/notes.md.
 *
 * <p>Notes are the user's own work, so reading is forgiving and writing is careful. A note that cannot
 * be used is skipped and described while the others load; only a file that is not a notes document at
 * all (or comes from a newer version) is refused, with a {@link SidecarException} naming the line and
 * column. Writing goes through a temporary file in the same folder that is then moved into place, so a
 * crash or a full disk never leaves half a file where the notes were.
 */
public final class Sidecar {
    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;
    /** Larger files are refused: a notes document is a few kilobytes, anything this size is not one. */
    public static final long MAX_BYTES = 16L << 20;
    /** What a sidecar's name ends with; the folder loader leaves such files out. */
    public static final String SUFFIX = ".flarescope.json";

    private static final String VERSION_KEY = "flarescope_notes";
    private static final List<String> ANCHORS = List.of("at", "range", "span", "request");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");
    private static final ObjectMapper JSON = new ObjectMapper(
            new Utf8JsonFactory(new JsonFactoryBuilder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)));

    /**
     * A note that was skipped, or a sidecar that could not be read, with where it is.
     *
     * @param file    the sidecar's path
     * @param line    1-based line, or -1 when it is about the whole file
     * @param column  1-based column, or -1
     * @param message what was wrong, without the file and position
     */
    public record Problem(String file, int line, int column, String message) {
        /** One line for stderr or a dialog: {@code file: line L, column C: message}. */
        public String userMessage() {
            return describe(file, line, column, message);
        }

        @Override
        public String toString() {
            return userMessage();
        }

        static String describe(String file, int line, int column, String message) {
            if (line < 0) {
                return file + ": " + message;
            }
            return file + ": line " + line + (column < 0 ? "" : ", column " + column) + ": " + message;
        }
    }

    /** What a sidecar held: the notes that could be used, in file order, and what was skipped and why. */
    public record Contents(List<Note> notes, List<Problem> problems) {
        public Contents {
            notes = List.copyOf(notes);
            problems = List.copyOf(problems);
        }
    }

    private Sidecar() {
    }

    /**
     * Where the notes of {@code input} are kept: {@code x/trace.json} keeps them in
     * {@code x/trace.json.flarescope.json}, and a folder of fragments {@code x/run1} beside it in
     * {@code x/run1.flarescope.json}, so that loading the folder never mistakes them for a fragment.
     */
    public static Path pathFor(Path input) {
        Path name = input.getFileName();
        if (name == null) { // a file-system root: nothing beside it, so a hidden file inside
            return input.resolve(SUFFIX);
        }
        return input.resolveSibling(name + SUFFIX);
    }

    /**
     * Reads a sidecar.
     *
     * @throws SidecarException when the file cannot be read or is not a notes document this version
     *                          understands; a missing file is such a failure too
     */
    public static Contents read(Path file) throws SidecarException {
        String name = file.toString();
        byte[] data;
        try (InputStream in = Files.newInputStream(file)) {
            data = in.readNBytes((int) MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new SidecarException(name, -1, -1, "no such file");
        } catch (AccessDeniedException e) {
            throw new SidecarException(name, -1, -1, "permission denied");
        } catch (IOException e) {
            throw new SidecarException(name, -1, -1, "cannot read: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
        return parse(name, data);
    }

    /**
     * Reads a sidecar document held in memory; {@code name} is how problems name the file.
     *
     * @throws SidecarException when {@code data} is not a notes document this version understands
     */
    public static Contents parse(String name, byte[] data) throws SidecarException {
        if (data.length > MAX_BYTES) {
            throw new SidecarException(name, -1, -1, "the file is larger than " + (MAX_BYTES >> 20)
                    + " MiB: not a notes file");
        }
        try (JsonParser p = JSON.createParser(data)) {
            return new DocumentReader(name, p).read();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SidecarException(name, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(),
                    "not valid JSON: " + withoutSource(e.getOriginalMessage()));
        } catch (IOException e) { // from a byte array: only malformed data gets here, never I/O
            throw new SidecarException(name, -1, -1, "not valid JSON: " + e.getMessage());
        }
    }

    /** Jackson names positions inside its messages as "[Source: ...; line: 2, column: 1]": shortened here. */
    private static String withoutSource(String message) {
        return message == null ? "unreadable" : SOURCE.matcher(message).replaceAll("line $1, column $2");
    }

    /**
     * Writes {@code notes} to {@code file}, in list order, replacing what was there. An empty list where
     * no file exists writes nothing, so traces that never had notes get no file; an existing file is
     * rewritten with an empty list rather than deleted.
     *
     * @return whether a file was written
     */
    public static boolean write(Path file, List<Note> notes) throws IOException {
        if (notes.isEmpty() && !Files.exists(file)) {
            return false;
        }
        OutputFiles.writeAtomically(file, out -> writeTo(out, notes));
        return true;
    }

    /** Writes the document for {@code notes} as pretty-printed UTF-8, ending with a newline. */
    private static void writeTo(OutputStream out, List<Note> notes) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField(VERSION_KEY, VERSION);
            g.writeArrayFieldStart("notes");
            for (Note n : notes) {
                writeNote(g, n);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeNote(JsonGenerator g, Note n) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", n.id());
        g.writeStringField("text", n.text());
        g.writeStringField("color", n.color().hex());
        g.writeBooleanField("arrow", n.arrow());
        NoteAnchor a = n.anchor();
        if (a instanceof NoteAnchor.Moment m) {
            g.writeObjectFieldStart("at");
            g.writeNumberField("time_ns", m.tsNs());
        } else if (a instanceof NoteAnchor.Range r) {
            g.writeObjectFieldStart("range");
            writeExtent(g, r.startNs(), r.endNs());
        } else if (a instanceof NoteAnchor.OnSpan s) {
            SpanKey k = s.span();
            g.writeObjectFieldStart("span");
            g.writeStringField("host", k.host());
            g.writeStringField("pid", k.pid());
            g.writeStringField("tid", k.tid());
            g.writeStringField("name", k.name());
            writeExtent(g, k.startNs(), k.endNs());
        } else {
            NoteAnchor.OnRequest q = (NoteAnchor.OnRequest) a;
            g.writeObjectFieldStart("request");
            g.writeStringField("id", q.requestId());
            writeExtent(g, q.startNs(), q.endNs());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeExtent(JsonGenerator g, long startNs, long endNs) throws IOException {
        g.writeNumberField("start_ns", startNs);
        g.writeNumberField("end_ns", endNs);
    }

    /**
     * Walks the document with a streaming parser, so that each note's position is known, and reads each
     * note as a small tree. The version may come after the notes, so it is checked at the end.
     */
    private static final class DocumentReader {
        private final String name;
        private final JsonParser p;
        private final List<Note> notes = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();

        DocumentReader(String name, JsonParser p) {
            this.name = name;
            this.p = p;
        }

        Contents read() throws IOException, SidecarException {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw refuse(t == null ? "the file is empty: expected a notes document {\"" + VERSION_KEY
                        + "\": " + VERSION + ", \"notes\": [...]}" : "expected a JSON object, found " + describe(t));
            }
            JsonNode version = null;
            JsonLocation versionAt = null;
            List<NoteAt> raw = new ArrayList<>();
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                t = p.nextToken();
                if (key.equals(VERSION_KEY)) {
                    versionAt = p.currentTokenLocation();
                    version = tree();
                } else if (key.equals("notes")) {
                    if (t != JsonToken.START_ARRAY) {
                        throw refuse("expected \"notes\" to be an array, found " + describe(t));
                    }
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        JsonLocation at = p.currentTokenLocation();
                        raw.add(new NoteAt(tree(), at.getLineNr(), at.getColumnNr()));
                    }
                } else {
                    p.skipChildren(); // a member of a later version: ignored
                }
            }
            if (p.nextToken() != null) {
                throw refuse("expected the end of the document after its closing }");
            }
            checkVersion(version, versionAt);
            for (int i = 0; i < raw.size(); i++) {
                accept(i + 1, raw.get(i));
            }
            return new Contents(notes, problems);
        }

        /** The value at the current token; JSON {@code null} is a node too, never a Java null. */
        private JsonNode tree() throws IOException {
            JsonNode n = JSON.readTree(p);
            return n != null ? n : NullNode.getInstance();
        }

        private void checkVersion(JsonNode version, JsonLocation at) throws SidecarException {
            if (version == null) {
                throw new SidecarException(name, 1, 1, "not a notes document: expected a member \"" + VERSION_KEY
                        + "\" with the format version");
            }
            int line = at.getLineNr();
            int column = at.getColumnNr();
            if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
                throw new SidecarException(name, line, column, "expected \"" + VERSION_KEY
                        + "\" to be a format version (a whole number from 1), found " + shown(version));
            }
            if (version.intValue() > VERSION) {
                throw new SidecarException(name, line, column, "notes format version " + version.intValue()
                        + " was written by a newer Flarescope; this one reads version " + VERSION
                        + " and older: update Flarescope to open these notes");
            }
        }

        private void accept(int index, NoteAt raw) {
            try {
                Note n = NoteFields.toNote(raw.node());
                if (!ids.add(n.id())) {
                    skip(index, raw, "id " + shown(TextNode.valueOf(n.id())) + " is already used by an earlier note; dropped");
                    return;
                }
                notes.add(n);
            } catch (NoteFields.Invalid e) {
                skip(index, raw, e.getMessage() + "; skipped");
            }
        }

        private void skip(int index, NoteAt raw, String why) {
            problems.add(new Problem(name, raw.line(), raw.column(), "note " + index + ": " + why));
        }

        private SidecarException refuse(String why) {
            JsonLocation at = p.currentTokenLocation();
            return new SidecarException(name, at.getLineNr(), at.getColumnNr(), why);
        }

        private static String describe(JsonToken t) {
            return switch (t) {
                case START_ARRAY -> "an array";
                case START_OBJECT -> "an object";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> t.asString() != null ? t.asString() : t.name();
            };
        }
    }

    /** A value as a message quotes it: its JSON text, cut short. */
    private static String shown(JsonNode v) {
        String s = v.toString();
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** One element of {@code notes} and where it starts. */
    private record NoteAt(JsonNode node, int line, int column) {
    }

    /** The members of one note, checked one by one so the problem says which member is wrong and why. */
    private static final class NoteFields {
        /** Why one note cannot be used; the other notes still load. */
        static final class Invalid extends Exception {
            private static final long serialVersionUID = 1L;

            Invalid(String message) {
                super(message, null, false, false);
            }
        }

        private NoteFields() {
        }

        static Note toNote(JsonNode n) throws Invalid {
            if (!n.isObject()) {
                throw new Invalid("expected an object, found " + shown(n));
            }
            String id = requiredText(n, "id", null);
            if (id.isBlank()) {
                throw new Invalid("\"id\" is empty");
            }
            String text = requiredText(n, "text", null);
            if (text.length() > Note.MAX_TEXT) {
                throw new Invalid("\"text\" has " + text.length() + " characters, at most " + Note.MAX_TEXT + " are kept");
            }
            NoteColor color = NoteColor.PALETTE.get(0);
            JsonNode c = n.get("color");
            if (c != null) {
                if (!c.isTextual()) {
                    throw new Invalid("expected \"color\" to be a string #rrggbb, found " + shown(c));
                }
                try {
                    color = NoteColor.parse(c.textValue());
                } catch (IllegalArgumentException e) {
                    throw new Invalid("expected \"color\" to be #rrggbb, found " + shown(c));
                }
            }
            boolean arrow = false;
            JsonNode a = n.get("arrow");
            if (a != null) {
                if (!a.isBoolean()) {
                    throw new Invalid("expected \"arrow\" to be true or false, found " + shown(a));
                }
                arrow = a.booleanValue();
            }
            return new Note(id, text, color, anchor(n), arrow);
        }

        private static NoteAnchor anchor(JsonNode n) throws Invalid {
            List<String> present = new ArrayList<>();
            for (String k : ANCHORS) {
                if (n.has(k)) {
                    present.add(k);
                }
            }
            if (present.isEmpty()) {
                throw new Invalid("no anchor: expected one of \"at\", \"range\", \"span\", \"request\"");
            }
            if (present.size() > 1) {
                throw new Invalid("two anchors (" + String.join(" and ", present) + "): expected exactly one");
            }
            String kind = present.get(0);
            JsonNode o = n.get(kind);
            if (!o.isObject()) {
                throw new Invalid("expected \"" + kind + "\" to be an object, found " + shown(o));
            }
            return switch (kind) {
                case "at" -> new NoteAnchor.Moment(time(o, "time_ns", kind));
                case "range" -> {
                    long start = time(o, "start_ns", kind);
                    yield new NoteAnchor.Range(start, end(o, kind, start));
                }
                case "span" -> {
                    JsonNode h = o.get("host");
                    String host = h == null ? "" : id(o, "host", kind);
                    String pid = id(o, "pid", kind);
                    String tid = id(o, "tid", kind);
                    String name = requiredText(o, "name", kind);
                    long start = time(o, "start_ns", kind);
                    yield new NoteAnchor.OnSpan(new SpanKey(host, pid, tid, name, start, end(o, kind, start)));
                }
                default -> {
                    String requestId = requiredText(o, "id", kind);
                    long start = time(o, "start_ns", kind);
                    yield new NoteAnchor.OnRequest(requestId, start, end(o, kind, start));
                }
            };
        }

        private static String requiredText(JsonNode o, String key, String owner) throws Invalid {
            JsonNode v = present(o, key, owner);
            if (!v.isTextual()) {
                throw new Invalid("expected " + member(key, owner) + " to be a string, found " + shown(v));
            }
            return v.textValue();
        }

        /** A pid, tid or host: a string, or a whole number taken as its decimal text (as the trace reader does). */
        private static String id(JsonNode o, String key, String owner) throws Invalid {
            JsonNode v = o.get(key);
            if (v != null && v.isIntegralNumber()) {
                return v.bigIntegerValue().toString();
            }
            return requiredText(o, key, owner);
        }

        private static long time(JsonNode o, String key, String owner) throws Invalid {
            JsonNode v = present(o, key, owner);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new Invalid("expected " + member(key, owner) + " to be a whole number of nanoseconds, found "
                        + shown(v));
            }
            return v.longValue();
        }

        private static JsonNode present(JsonNode o, String key, String owner) throws Invalid {
            JsonNode v = o.get(key);
            if (v == null) {
                throw new Invalid(owner == null ? "no \"" + key + "\"" : "\"" + owner + "\" has no \"" + key + "\"");
            }
            return v;
        }

        /** {@code "key"} of a note, or {@code "key" of "owner"} for a member of its anchor. */
        private static String member(String key, String owner) {
            return owner == null ? "\"" + key + "\"" : "\"" + key + "\" of \"" + owner + "\"";
        }

        private static long end(JsonNode o, String owner, long start) throws Invalid {
            long end = time(o, "end_ns", owner);
            if (end < start) {
                throw new Invalid("\"" + owner + "\" ends before it starts (end_ns " + end + " < start_ns " + start + ")");
            }
            return end;
        }
    }
}
