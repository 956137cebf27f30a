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
                if (isHttpFinished(name)) {
                    return Role.END;
                }
            }
        }
        List<String> words = words(name);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            String next = i + 1 < words.size() ? words.get(i + 1).toLowerCase(Locale.ROOT) : "";
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

    /*
     * The two tests below are written out rather than as regular expressions: compiling the expressions
     * (Unicode classes among them) took 8 ms of every command's start, before any input was read.
     */

    /**
     * Whether {@code name} is {@code http.<anything>.finished}, ignoring ASCII case: what the expression
     * {@code http\..*\.finished} with CASE_INSENSITIVE matches (its dot stops at line terminators).
     */
    static boolean isHttpFinished(String name) {
        int n = name.length();
        if (n < 14 || !asciiEqualsIgnoreCase(name, 0, "http.") || !asciiEqualsIgnoreCase(name, n - 9, ".finished")) {
            return false;
        }
        for (int i = 5; i < n - 9; i++) {
            char c = name.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiEqualsIgnoreCase(String s, int from, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            char c = s.charAt(from + k);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The words of an event name as {@code Pattern.split} with {@code [^\p{Alnum}]+|(?<=\p{Ll})(?=\p{Lu})}
     * gives them: cut at every run of characters other than ASCII letters and digits, and between a
     * lowercase and an uppercase letter (camelCase); trailing empty words dropped, as split does.
     */
    static List<String> words(String name) {
        int n = name.length();
        List<String> words = new ArrayList<>();
        int index = 0; // where the next word starts
        int from = 0; // where the next cut is looked for
        while (from <= n) {
            int start = -1;
            int end = -1;
            for (int p = from; p < n; p += Character.charCount(name.codePointAt(p))) {
                if (!isAsciiAlnum(name.codePointAt(p))) {
                    start = p;
                    end = p;
                    while (end < n && !isAsciiAlnum(name.codePointAt(end))) {
                        end += Character.charCount(name.codePointAt(end));
                    }
                    break;
                }
                if (p > 0 && camelBreak(name, p)) {
                    start = p;
                    end = p;
                    break;
                }
            }
            if (start < 0) {
                break;
            }
            if (!(index == 0 && start == 0 && end == 0)) { // split ignores an empty cut at the very start
                words.add(name.substring(index, start));
                index = end;
            }
            from = start == end ? end + 1 : end; // after an empty cut the search moves on by one
        }
        if (index == 0) {
            return List.of(name);
        }
        words.add(name.substring(index));
        int size = words.size();
        while (size > 0 && words.get(size - 1).isEmpty()) {
            size--;
        }
        return words.subList(0, size);
    }

    /** A lowercase letter (one char back, as the expression's lookbehind sees it), then an uppercase one. */
    private static boolean camelBreak(String s, int p) {
        return Character.getType(s.charAt(p - 1)) == Character.LOWERCASE_LETTER
                && Character.getType(s.codePointAt(p)) == Character.UPPERCASE_LETTER;
    }

    private static boolean isAsciiAlnum(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
