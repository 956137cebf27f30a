package dev.flarescope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small Chrome traces written to files for the UI tests, with figures worked out by hand (see
 * {@link #SERVING}). Times in the files are microseconds.
 */
public final class TestTraces {
    /**
     * Two processes. api (pid 1, thread 1): request [0,100) holding tokenize [10,30) and forward
     * [40,90); request [200,260) holding forward [210,240). worker (pid 2, thread 7): forward [50,130),
     * sample [300,310).
     *
     * <p>By hand, whole trace: forward 3 spans, total 160 (50+30+80), self 160, max 80, p50 50 (ranks
     * of 30,50,80), p90 80; request 2 spans, total 160, self 30+30 = 60, max 100, p50 60, p90 100;
     * tokenize 1 span of 20; sample 1 span of 10. Self time of all spans 250, so forward's share is
     * 0.64 and request's 0.24. Spans starting in [0,100): request (100), tokenize, forward 50 and
     * forward 80.
     */
    public static final String SERVING = """
            {"traceEvents": [
              {"ph":"M","pid":1,"tid":1,"name":"process_name","args":{"name":"api"}},
              {"ph":"M","pid":2,"tid":7,"name":"process_name","args":{"name":"worker"}},
              {"ph":"X","pid":1,"tid":1,"name":"request","ts":0,"dur":100},
              {"ph":"X","pid":1,"tid":1,"name":"tokenize","ts":10,"dur":20},
              {"ph":"X","pid":1,"tid":1,"name":"forward","ts":40,"dur":50},
              {"ph":"X","pid":1,"tid":1,"name":"request","ts":200,"dur":60},
              {"ph":"X","pid":1,"tid":1,"name":"forward","ts":210,"dur":30},
              {"ph":"X","pid":2,"tid":7,"name":"forward","ts":50,"dur":80},
              {"ph":"X","pid":2,"tid":7,"name":"sample","ts":300,"dur":10}
            ]}
            """;

    /** More of pid 1, thread 1 (api): one "detokenize" span [400,415), to be merged into {@link #SERVING}. */
    public static final String MORE_API = """
            {"ph":"X","pid":1,"tid":1,"name":"detokenize","ts":400,"dur":15}
            {"ph":"X","pid":1,"tid":1,"name":"detokenize","ts":420,"dur":5}
            """;

    /** Not JSON at all: detection fails on the first byte. */
    public static final String NOT_A_TRACE = "this is not a trace\n";

    private TestTraces() {
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
