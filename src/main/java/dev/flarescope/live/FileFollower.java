package dev.flarescope.live;

import dev.flarescope.format.Format;
import dev.flarescope.io.FormatDetector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Follows a growing file, or every file in a folder, the way {@code tail -F} does: JSONL fragments
 * and metrics logs that a serving stack appends to while it runs.
 *
 * <p>Each poll ({@value #POLL_MS} ms) reads what every file grew by and hands over the complete
 * lines; a last line without its newline is held back until the newline arrives, so an event is never
 * read half-written. Files are tracked by their identity on disk (inode), not by name, and each stays
 * open while it is followed: when a log is rotated by renaming, the old file is read to its end under
 * either name and the new file at the path is read from its start, so nothing is read twice or
 * missed. A file that shrinks was truncated in place (copy-truncate rotation) and is read again from
 * its start. New files appearing in a followed folder are picked up on the next poll. Each file is its
 * own input of the trace; a new file at the path of a rotated one is named {@code path #2}.
 *
 * <p>The format of each file is decided from its first complete lines ({@link FormatDetector}); only
 * line-oriented formats can be followed (Chrome events one per line, dnet frames, metrics logs), and
 * one more shape: a Chrome JSON array still being written ({@code [{...},{...},} with no closing
 * bracket yet), as Chromium and many tracing libraries write. Its complete events are handed over as
 * they appear ({@link JsonArrayFramer}); the missing bracket and a trailing comma are expected, and a
 * closing bracket ends the following of that file.
 */
public final class FileFollower implements LiveSource {
    static final long POLL_MS = 100;
    private static final int READ_CHUNK = 1 << 20;
    private static final Set<Format> LINE_FORMATS = Set.of(Format.CHROME_JSONL, Format.DNET_FRAMES,
            Format.LLM_METRICS, Format.SGLANG_METRICS, Format.LLAMA_TIMINGS);

    private final Path path;
    private final long pollMs;
    private final StateHolder state = new StateHolder();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<Object, Tail> tails = new HashMap<>();
    /** How many files have been followed under each path: a file that replaced a rotated one is the path's second. */
    private final Map<Path, Integer> generations = new HashMap<>();
    private Thread thread;
    private LiveTrace store;

    public FileFollower(Path path) {
        this(path, POLL_MS);
    }

    /** What stop() notifies to end the wait between polls at once. */
    private final Object wake = new Object();

    public FileFollower(Path path, long pollMs) {
        this.path = path;
        this.pollMs = pollMs;
    }

    @Override
    public String description() {
        return "follow " + path;
    }

    @Override
    public void start(LiveTrace target) throws IOException {
        if (!Files.exists(path) && (path.getParent() == null || !Files.isDirectory(path.getParent()))) {
            state.set(LiveState.error("no such file or folder: " + path));
            throw new NoSuchFileException(path.toString());
        }
        store = target;
        running.set(true);
        thread = new Thread(this::run, "flarescope-follow");
        thread.setDaemon(true);
        thread.start();
        state.set(LiveState.CONNECTED);
    }

    /**
     * Stops after one last poll, so that every complete line on disk at this moment is handed over. The
     * poller is woken through a monitor, never interrupted: an interrupt during a read would close the
     * file's channel (FileChannel is interruptible), and the last poll would then follow the file again
     * from its start and hand over its lines twice.
     */
    @Override
    public void stop() {
        if (running.getAndSet(false) && thread != null) {
            synchronized (wake) {
                wake.notifyAll();
            }
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state.set(LiveState.STOPPED);
    }

    @Override
    public LiveState state() {
        return state.get();
    }

    @Override
    public void addStateListener(Consumer<LiveState> listener) {
        state.addListener(listener);
    }

    private void run() {
        try {
            while (running.get()) {
                pollOnce();
                synchronized (wake) {
                    if (running.get()) {
                        wake.wait(pollMs); // stop() wakes it for the last poll below
                    }
                }
            }
            pollOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tails.values().forEach(Tail::close);
            tails.clear();
        }
    }

    /** Reads what every followed file grew by. */
    void pollOnce() throws InterruptedException {
        Map<Object, Path> present = new HashMap<>();
        for (Path p : candidates()) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    present.put(a.fileKey() != null ? a.fileKey() : p.toAbsolutePath(), p);
                }
            } catch (IOException e) {
                // gone between listing and reading: it is read to its end below if it was followed
            }
        }
        for (Map.Entry<Object, Path> e : present.entrySet()) {
            if (!tails.containsKey(e.getKey())) {
                try {
                    tails.put(e.getKey(), new Tail(e.getValue()));
                } catch (IOException ex) {
                    // not readable yet (permissions, gone again); try on the next poll
                }
            }
        }
        Iterator<Map.Entry<Object, Tail>> it = tails.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Object, Tail> e = it.next();
            Tail t = e.getValue();
            try {
                t.read();
            } catch (IOException ex) {
                t.close();
                it.remove();
                continue;
            }
            if (!present.containsKey(e.getKey())) {
                // rotated away or deleted: its end has just been read
                t.close();
                it.remove();
            }
        }
    }

    private List<Path> candidates() {
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                return s.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        }
        return Files.exists(path) ? List.of(path) : List.of();
    }

    /** One followed file: its open channel, how far it was read, and the line count so far. */
    private final class Tail {
        private final String name;
        private final FileChannel channel;
        private long offset;
        private long line = 1;
        private Format format;
        private boolean skipped;
        /** Lines (false) or one growing JSON array (true); null until the first content tells. */
        private Boolean growingArray;
        private boolean arrayOpened;
        private boolean arrayEnded;

        Tail(Path p) throws IOException {
            this.channel = FileChannel.open(p, StandardOpenOption.READ);
            int generation = generations.merge(p.toAbsolutePath(), 1, Integer::sum);
            // an input per file: a new file at a rotated file's path must not continue its line numbers
            this.name = generation == 1 ? p.toString() : p + " #" + generation;
        }

        void read() throws IOException, InterruptedException {
            long size = channel.size();
            if (size < offset) {
                offset = 0; // truncated in place: what it holds now is new
                line = 1;
                arrayOpened = false;
                arrayEnded = false;
            }
            while (offset < size && !skipped && !arrayEnded) {
                int n = (int) Math.min(READ_CHUNK, size - offset);
                ByteBuffer buf = ByteBuffer.allocate(n);
                while (buf.hasRemaining()) {
                    if (channel.read(buf, offset + buf.position()) < 0) {
                        break;
                    }
                }
                byte[] bytes = Arrays.copyOf(buf.array(), buf.position());
                if (growingArray == null) {
                    growingArray = JsonArrayFramer.isGrowingArray(bytes);
                    if (growingArray == null) {
                        if (bytes.length < READ_CHUNK) {
                            return; // no content yet, or not enough to tell lines from an array
                        }
                        growingArray = Boolean.FALSE; // a whole chunk that still cannot tell: read it as lines
                    }
                }
                int end = growingArray ? readElements(bytes) : readLines(bytes);
                if (end == 0) {
                    if (bytes.length == READ_CHUNK) {
                        throw new IOException(name + ": " + (growingArray ? "an event" : "a line") + " longer than "
                                + READ_CHUNK + " bytes");
                    }
                    return; // a partial line or event: wait for the rest
                }
                offset += end;
            }
        }

        /** Hands over the complete lines; returns how many bytes they take. */
        private int readLines(byte[] bytes) throws InterruptedException {
            int end = lastNewline(bytes) + 1;
            if (end > 0) {
                deliver(end == bytes.length ? bytes : Arrays.copyOf(bytes, end));
            }
            return end;
        }

        /**
         * Hands over the complete elements of a growing array as one array of them; returns how many
         * bytes are done with. The batch is the file's bytes from the first element to the end of the
         * last, in brackets, so the reader's byte offsets and lines map straight back to the file.
         */
        private int readElements(byte[] bytes) throws InterruptedException {
            JsonArrayFramer.Frame f = JsonArrayFramer.scan(bytes, arrayOpened);
            arrayOpened = f.opened();
            arrayEnded = f.closed(); // what follows the closing bracket is not part of the trace
            if (f.elements() > 0) {
                byte[] batch = new byte[f.end() - f.first() + 2];
                batch[0] = '[';
                System.arraycopy(bytes, f.first(), batch, 1, f.end() - f.first());
                batch[batch.length - 1] = ']';
                deliverArray(batch, line + count(bytes, 0, f.first(), (byte) '\n'), offset + f.first() - 1);
            }
            line += count(bytes, 0, f.consumed(), (byte) '\n');
            return f.consumed();
        }

        private void deliverArray(byte[] batch, long firstLine, long batchOffset) throws InterruptedException {
            if (format == null) {
                FormatDetector.Detection d = FormatDetector.detect(batch);
                if (d.format() != Format.CHROME_JSON) {
                    skipped = true;
                    String why = d.format() == Format.UNKNOWN ? d.reason() : "a " + d.format().description()
                            + " is read whole, not followed";
                    store.append(name, d.format().id(), 0, sink -> sink.note(name + " is not followed: " + why));
                    return;
                }
                format = Format.CHROME_JSON;
            }
            store.append(name, format.id(), batch.length, new ReaderBatch(name, batch, format, firstLine, batchOffset));
        }

        private void deliver(byte[] lines) throws InterruptedException {
            if (format == null) {
                FormatDetector.Detection d = FormatDetector.detect(lines);
                if (d.format() == Format.UNKNOWN && isBlank(lines)) {
                    line += count(lines, (byte) '\n');
                    return; // only blank lines so far; decide on the first content
                }
                if (!LINE_FORMATS.contains(d.format())) {
                    skipped = true;
                    String why = d.format() == Format.UNKNOWN ? d.reason() : "a " + d.format().description()
                            + " is read whole, not followed line by line";
                    store.append(name, d.format().id(), 0, sink -> sink.note(name + " is not followed: " + why));
                    return;
                }
                format = d.format();
            }
            store.append(name, format.id(), lines.length, new ReaderBatch(name, lines, format, line, offset));
            line += count(lines, (byte) '\n');
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a read-only channel loses nothing
            }
        }
    }

    private static int lastNewline(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static long count(byte[] b, byte c) {
        return count(b, 0, b.length, c);
    }

    private static long count(byte[] b, int from, int to, byte c) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\n' && x != '\r' && x != '\t') {
                return false;
            }
        }
        return true;
    }
}
