package dev.flarescope.live;

import static dev.flarescope.live.LiveFixtures.JSON;
import static dev.flarescope.live.LiveFixtures.assertExactly;
import static dev.flarescope.live.LiveFixtures.flush;
import static dev.flarescope.live.LiveFixtures.lines;
import static dev.flarescope.live.LiveFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Content-Encoding: gzip} on the ingest endpoint, within the body limit (64 KB on this server). */
class GzipIngestTest {
    private static final int LIMIT = 64 << 10;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private LiveTrace store;
    private IngestServer server;

    @BeforeEach
    void start() throws Exception {
        store = new LiveTrace(Retention.UNBOUNDED);
        server = new IngestServer(new InetSocketAddress("127.0.0.1", 0), null, LIMIT);
        server.start(store);
    }

    @AfterEach
    void stop() {
        server.stop();
        store.close();
    }

    private HttpResponse<String> post(byte[] body, String encoding) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/events"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("error").asText();
    }

    @Test
    void aGzipBodyIsDecompressedAndCountedLikeThePlainOne() throws Exception {
        byte[] plain = utf8(lines(1, 300)); // about 28 KB, compressed to a few KB
        byte[] packed = gzip(plain);
        assertTrue(packed.length * 5 < plain.length);
        HttpResponse<String> r = post(packed, "gzip");
        assertEquals(202, r.statusCode(), r.body());
        assertEquals(300, JSON.readTree(r.body()).get("accepted").asLong());
        HttpResponse<String> again = post(gzip(utf8(lines(301, 310))), "x-gzip");
        assertEquals(202, again.statusCode(), again.body());
        assertExactly(310, flush(store));
    }

    @Test
    void otherEncodingsGet415AndSayWhatIsTaken() throws Exception {
        HttpResponse<String> r = post(utf8(lines(1, 1)), "br");
        assertEquals(415, r.statusCode());
        assertEquals("Content-Encoding br is not taken here; send the body uncompressed or with Content-Encoding: gzip",
                error(r));
        assertEquals("gzip, identity", r.headers().firstValue("Accept-Encoding").orElse(null));
        assertEquals(202, post(utf8(lines(1, 1)), "identity").statusCode());
        assertExactly(1, flush(store));
    }

    @Test
    void aBodyThatExpandsPastTheLimitGets413AndTheServerGoesOn() throws Exception {
        byte[] plain = utf8(lines(1, 1_000)); // about 95 KB: past the 64 KB limit once decompressed
        assertTrue(plain.length > LIMIT);
        byte[] packed = gzip(plain);
        assertTrue(packed.length < LIMIT / 4);
        HttpResponse<String> r = post(packed, "gzip");
        assertEquals(413, r.statusCode());
        assertEquals("the body is larger than 65536 bytes (decompressed, for gzip); send smaller batches", error(r));

        byte[] zeros = gzip(new byte[50 << 20]); // 50 MB of zero bytes in about 50 KB
        assertTrue(zeros.length < LIMIT);
        HttpResponse<String> bomb = post(zeros, "gzip");
        assertEquals(413, bomb.statusCode());

        assertEquals(202, post(gzip(utf8(lines(1, 2))), "gzip").statusCode());
        assertExactly(2, flush(store));
    }

    @Test
    void corruptOrCutGzipGets400WithTheReason() throws Exception {
        HttpResponse<String> notGzip = post(utf8(lines(1, 3)), "gzip");
        assertEquals(400, notGzip.statusCode());
        assertEquals("the body is not valid gzip data: Not in GZIP format", error(notGzip));

        byte[] packed = gzip(utf8(lines(1, 50)));
        HttpResponse<String> cut = post(Arrays.copyOf(packed, packed.length / 2), "gzip");
        assertEquals(400, cut.statusCode());
        assertTrue(error(cut).startsWith("the body is not valid gzip data: "), error(cut));

        assertEquals(202, post(packed, "gzip").statusCode());
        assertExactly(50, flush(store));
    }
}
