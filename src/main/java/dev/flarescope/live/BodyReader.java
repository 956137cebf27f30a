package dev.flarescope.live;

import dev.flarescope.format.GzipInput;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads pushed request bodies into memory, within bounds that hold however many senders there are
 * and however they behave.
 *
 * <p>Each body may hold at most {@code maxBody} bytes, as sent and, when it came with
 * {@code Content-Encoding: gzip}, as decompressed: compression saves the network, not the endpoint's
 * memory. Gzip is read through {@link GzipInput}, the guard file input uses, so a body can never
 * expand further than a gzip file could. All bodies being received at once share one budget of
 * memory: a body takes its share in steps of {@value #CHUNK} bytes as its bytes arrive, so a client
 * that trickles its body holds only what it sent, and many large bodies at once wait for room instead
 * of filling the heap.
 */
final class BodyReader {
    static final int CHUNK = 64 << 10;

    private final long maxBody;
    private final Semaphore chunks;
    private final long waitMs;

    /**
     * @param maxBody     most bytes of one body, sent and decompressed
     * @param budgetBytes most bytes of all bodies held at once (at least one body's worth)
     * @param waitMs      how long a body waits for room in the budget before it is refused with 503
     */
    BodyReader(long maxBody, long budgetBytes, long waitMs) {
        this.maxBody = maxBody;
        long bodyChunks = (maxBody + CHUNK - 1) / CHUNK + 1;
        this.chunks = new Semaphore((int) Math.min(Integer.MAX_VALUE, Math.max(bodyChunks, budgetBytes / CHUNK)));
        this.waitMs = waitMs;
    }

    /** Why a body is not taken, as the HTTP status and message to answer with. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The sender went away or broke the connection before its body was complete: there is no one to answer. */
    static final class CutShort extends IOException {
        private static final long serialVersionUID = 1L;

        CutShort(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A body in memory; closing it gives its share of the budget back. */
    final class Body implements AutoCloseable {
        private final byte[] bytes;
        private int held;

        private Body(byte[] bytes, int held) {
            this.bytes = bytes;
            this.held = held;
        }

        byte[] bytes() {
            return bytes;
        }

        @Override
        public void close() {
            chunks.release(held);
            held = 0;
        }
    }

    /**
     * Reads a body.
     *
     * @param encoding      the request's {@code Content-Encoding}, or null
     * @param contentLength its {@code Content-Length}, or -1 when it is sent in chunks
     * @throws Refused   when the body must be answered with an error (413, 415, 400, 503)
     * @throws CutShort  when the sender broke off: nothing can be answered
     */
    Body read(InputStream raw, String encoding, long contentLength) throws Refused, CutShort {
        boolean gzip = gzip(encoding);
        if (contentLength > maxBody) {
            throw tooLarge();
        }
        int held = 0;
        try {
            InputStream sent = new Sent(raw);
            InputStream in = gzip ? openGzip(sent, contentLength) : sent;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[CHUNK];
            int n;
            while ((n = in.readNBytes(buf, 0, CHUNK)) > 0) {
                if (out.size() + (long) n > maxBody) {
                    throw tooLarge();
                }
                if (!chunks.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
                    throw new Refused(503, "the endpoint is receiving as many bodies as its memory allows; nothing "
                            + "of this body was taken, send it again");
                }
                held++;
                out.write(buf, 0, n);
            }
            Body body = new Body(out.toByteArray(), held);
            held = 0;
            return body;
        } catch (CutShort e) {
            throw e;
        } catch (SentTooMuch e) {
            throw tooLarge();
        } catch (GzipInput.TooLarge e) {
            throw new Refused(413, e.getMessage());
        } catch (IOException e) {
            throw new Refused(400, "the body is not valid gzip data: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(503, "the endpoint is stopping; nothing of this body was taken");
        } finally {
            chunks.release(held);
        }
    }

    private static boolean gzip(String encoding) throws Refused {
        if (encoding == null) {
            return false;
        }
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return false;
        }
        if (e.equals("gzip") || e.equals("x-gzip")) {
            return true;
        }
        throw new Refused(415, "Content-Encoding " + encoding.trim() + " is not taken here; send the body "
                + "uncompressed or with Content-Encoding: gzip");
    }

    private InputStream openGzip(InputStream sent, long contentLength) throws IOException {
        return GzipInput.open(sent, contentLength >= 0 ? contentLength : maxBody);
    }

    private Refused tooLarge() {
        return new Refused(413, "the body is larger than " + maxBody + " bytes (decompressed, for gzip); "
                + "send smaller batches");
    }

    /** More compressed bytes arrived than a body may hold. */
    private static final class SentTooMuch extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The body as it comes off the connection: counted against the limit, and with read failures marked
     * as the sender's, so they are not mistaken for corrupt gzip data.
     */
    private final class Sent extends FilterInputStream {
        private long count;

        Sent(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                throw new CutShort(e);
            }
            if (n > 0) {
                count += n;
                if (count > maxBody) {
                    throw new SentTooMuch();
                }
            }
            return n;
        }
    }
}
