package dev.flarescope.model;

/**
 * One trace event as a reader decoded it, before any semantics are applied. Readers fill a single
 * instance per thread, call {@link TraceSink#event}, then {@link #reset} it: no object per event.
 *
 * <p>Times are nanoseconds. Strings that repeat (names, categories, arg keys) are ids in the sink's
 * {@link StringPool}; ids and pids that are usually unique or numeric stay in their own fields.
 */
public final class RawEvent {
    public static final long NO_TIME = Long.MIN_VALUE;
    public static final int NONE = -1;

    /** Phase letter ({@code B}, {@code X}, ...), or 0 when the event had none. */
    public char ph;
    public int name = NONE;
    public int cat = NONE;
    /** Start in ns, or {@link #NO_TIME}. */
    public long ts = NO_TIME;
    /** Duration in ns, or {@link #NO_TIME}. */
    public long dur = NO_TIME;

    /** pid as a number, valid when {@link #pidStr} is null and {@link #hasPid}. */
    public long pid;
    /** pid given as a non-numeric string, else null. */
    public String pidStr;
    public boolean hasPid;
    public long tid;
    public String tidStr;
    public boolean hasTid;

    /** Async or flow id ({@code id}, {@code id2.local}, {@code id2.global}) as text, else null. */
    public String id;
    /** True when the id came from {@code id2.local} (process-scoped). */
    public boolean idLocal;
    /** {@code scope} field of async/flow events, or NONE. */
    public int scope = NONE;
    /** Instant scope {@code s}: 'g', 'p', 't', or 0. */
    public char instantScope;
    /** Flow binding point {@code bp}: 'e' (enclosing slice) or 0 (next slice). */
    public char bindPoint;
    /** {@code bind_id} of a v2 flow on a slice, or null. */
    public String bindId;
    public boolean flowIn;
    public boolean flowOut;
    /** Reserved colour name {@code cname}, or NONE. */
    public int cname = NONE;
    /** Stack frame id {@code sf} (sample events), or null. */
    public String sf;

    /** Reference into the sink's {@link ArgStore} holding the whole {@code args} object, or NONE. */
    public int args = ArgStore.NONE;
    /**
     * Top-level scalar members of {@code args}, for the phases whose meaning lives there (see
     * {@link #listsScalars}); the args text holds them all the same.
     */
    public final ArgScalars scalars = new ArgScalars();

    /** 1-based line number of the event in its input when known (JSONL, line-per-event arrays), else 0. */
    public long line;
    /** Byte offset of the event in its (decompressed) input. */
    public long offset;

    public void reset() {
        ph = 0;
        name = NONE;
        cat = NONE;
        ts = NO_TIME;
        dur = NO_TIME;
        pid = 0;
        pidStr = null;
        hasPid = false;
        tid = 0;
        tidStr = null;
        hasTid = false;
        id = null;
        idLocal = false;
        scope = NONE;
        instantScope = 0;
        bindPoint = 0;
        bindId = null;
        flowIn = false;
        flowOut = false;
        cname = NONE;
        sf = null;
        args = ArgStore.NONE;
        scalars.clear();
        line = 0;
        offset = 0;
    }

    /**
     * Whether a reader lists the {@code args} scalars of an event whose phase is {@code ph} when it comes
     * to {@code args}: metadata names, counter values and sample weights are read from them, and a phase
     * not read yet (0: {@code args} came first) may be one of those. Other phases keep their args as
     * text only: interning a span's arg keys and values for a listing no table keeps cost more than
     * copying the text.
     */
    public static boolean listsScalars(char ph) {
        return ph == 0 || ph == 'M' || ph == 'C' || ph == 'P';
    }

    /**
     * Top-level scalar members of an event's {@code args}: key ids with either a number or a string id.
     * Nested objects and arrays are not listed here (they stay in the {@link ArgStore} text), except
     * that arrays of scalars are flattened under their key, so a counter's {@code cpus: [1, 2]} is
     * listed as two entries with the key {@code cpus}.
     */
    public static final class ArgScalars {
        public int size;
        public int[] keys = new int[8];
        /** The number, or NaN for a string value. */
        public double[] numbers = new double[8];
        /** String value id, or NONE for a number. Numbers also keep their text here when a reader had it. */
        public int[] strings = new int[8];

        public void clear() {
            size = 0;
        }

        public void addNumber(int key, double value, int textId) {
            ensure();
            keys[size] = key;
            numbers[size] = value;
            strings[size] = textId;
            size++;
        }

        public void addString(int key, int valueId) {
            ensure();
            keys[size] = key;
            numbers[size] = Double.NaN;
            strings[size] = valueId;
            size++;
        }

        /** Index of the first entry with this key, or -1. */
        public int indexOf(int key) {
            for (int i = 0; i < size; i++) {
                if (keys[i] == key) {
                    return i;
                }
            }
            return -1;
        }

        private void ensure() {
            if (size == keys.length) {
                int n = size * 2;
                keys = java.util.Arrays.copyOf(keys, n);
                numbers = java.util.Arrays.copyOf(numbers, n);
                strings = java.util.Arrays.copyOf(strings, n);
            }
        }
    }
}
