package dev.flarescope.analysis.requests;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flarescope.format.InputException;
import dev.flarescope.model.JsonTrees;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides what an event name means for a request ({@link Role}). Serving stacks name their spans
 * differently, so the built-in rules match words of the name and a small JSON file can add or
 * override rules without a code change.
 *
 * <p>Built-in rules, case-insensitive:
 * <ul>
 *   <li>known marker events: {@code request.start} (dnet) is {@link Role#START}, {@code request.round}
 *       (dnet: one decode step, one token) is {@link Role#TOKEN}, {@code request.end} (dnet) and
 *       {@code http.*.finished} (PyPTO) are {@link Role#END};</li>
 *   <li>otherwise the name is split into words at every character that is not a letter or digit and
 *       at lower-to-upper case changes ({@code WorkerProcess.batch_prefill} gives
 *       {@code worker process batch prefill}); the first word, left to right, that names a phase wins:
 *       {@code queue}/{@code queued} is queue, {@code prefill} is prefill, {@code kv transfer},
 *       {@code kv sync} or {@code transfer} is KV transfer, {@code decode} is decode.</li>
 * </ul>
 *
 * <p>A mapping file is {@code {"phases": {"<name or regex>": "<role>", ...}}} with roles
 * {@code queue}, {@code prefill}, {@code kv_transfer}, {@code decode}, {@code start}, {@code token},
 * {@code end}, or {@code none} to give a name no role. Its entries are tried in file order before the
 * built-in rules; a key matches a name equal to it (ignoring case) or, read as a case-insensitive
 * regular expression, matching the whole name. A key that is not a valid expression matches only by
 * equality.
 */
public final class PhaseMapping {
    private static final String SHAPE = "{\"phases\": {\"name or regex\": \"role\", ...}}";
    private static final Pattern HTTP_FINISHED = Pattern.compile("http\\..*\\.finished", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})");

    /** One rule of a mapping file: a name or pattern and the role it gives (null: no role). */
    private record Entry(String name, Pattern pattern, Role role) {
        boolean matches(String eventName) {
            return eventName.equalsIgnoreCase(name) || pattern != null && pattern.matcher(eventName).matches();
        }
    }

    private final List<Entry> entries;

    private PhaseMapping(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The built-in rules only. */
    public static PhaseMapping defaults() {
        return new PhaseMapping(List.of());
    }

    /**
     * Reads a mapping file; the built-in rules apply to names it does not match. A file that cannot be
     * used is refused with why: it does not exist, cannot be read, is not JSON, or has another shape.
     */
    public static PhaseMapping load(Path file) throws InputException {
        if (Files.isDirectory(file)) {
            throw new InputException(file.toString(), -1, "cannot read the phase mapping: a directory, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), -1, "cannot read the phase mapping: no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(file.toString(), -1, "cannot read the phase mapping: permission denied");
        } catch (IOException e) {
            throw new InputException(file.toString(), -1, "cannot read the phase mapping: " + why(e));
        }
        return parse(bytes, file.toString());
    }

    /** Parses mapping file content; {@code source} names it in error messages. */
    public static PhaseMapping parse(byte[] json, String source) throws InputException {
        JsonNode root;
        try {
            root = JsonTrees.read(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr();
            throw new InputException(source, at == null ? -1 : at.getByteOffset(),
                    "phase mapping: not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(source, -1, "cannot read the phase mapping: " + why(e));
        }
        String found = root == null || root.isMissingNode() ? "the file is empty"
                : !root.isObject() ? "the file holds " + kind(root)
                : !root.has("phases") ? "there is no \"phases\" member"
                : !root.get("phases").isObject() ? "\"phases\" is " + kind(root.get("phases"))
                : null;
        if (found != null) {
            throw new InputException(source, -1, "phase mapping: expected " + SHAPE + "; " + found);
        }
        JsonNode phases = root.get("phases");
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : phases.properties()) {
            String value = e.getValue().asText("");
            Role role = Role.parse(value);
            if (role == null && !value.equalsIgnoreCase("none")) {
                throw new InputException(source, -1, "phases." + e.getKey() + ": expected one of queue, prefill, "
                        + "kv_transfer, decode, start, token, end, none; found \"" + e.getValue().asText() + "\"");
            }
            entries.add(new Entry(e.getKey(), compile(e.getKey()), role));
        }
        return new PhaseMapping(entries);
    }

    /** What a JSON value is, for messages: "an array", "a string", ... */
    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "no JSON value";
        };
    }

    /** The reason of an I/O failure without repeating the path the message already starts with. */
    private static String why(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Pattern compile(String key) {
        try {
            return Pattern.compile(key, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException notARegex) {
            return null;
        }
    }

    /** The role of events named {@code name}, or null when none applies. */
    public Role roleOf(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        for (Entry e : entries) {
            if (e.matches(name)) {
                return e.role();
            }
        }
        return builtIn(name);
    }

    private static Role builtIn(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "request.start" -> {
                return Role.START;
            }
            case "request.round" -> {
                return Role.TOKEN;
            }
            case "request.end" -> {
                return Role.END;
            }
            default -> {
                if (HTTP_FINISHED.matcher(name).matches()) {
                    return Role.END;
                }
            }
        }
        String[] words = WORD_BREAK.split(name);
        for (int i = 0; i < words.length; i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            String next = i + 1 < words.length ? words[i + 1].toLowerCase(Locale.ROOT) : "";
            switch (w) {
                case "queue", "queued" -> {
                    return Role.QUEUE;
                }
                case "prefill" -> {
                    return Role.PREFILL;
                }
                case "transfer" -> {
                    return Role.KV_TRANSFER;
                }
                case "kv" -> {
                    if (next.equals("transfer") || next.equals("sync")) {
                        return Role.KV_TRANSFER;
                    }
                }
                case "decode" -> {
                    return Role.DECODE;
                }
                default -> {
                    // not a phase word; try the next one
                }
            }
        }
        return null;
    }
}
