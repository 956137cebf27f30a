package dev.flarescope.robust;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarescope.io.TraceLoader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Runs one hostile shape within a stated time and heap bound and prints the figures measured, which
 * {@code docs/robustness.md} reports. Heap is the sum of the heap pools' peak usage during the run (the
 * peaks are reset first) less what was in use when it began, so it counts garbage not yet collected
 * too: an upper bound of what the shape needed.
 */
final class Bounded {
    private Bounded() {
    }

    /** Runs {@code work}, failing when it takes longer than {@code seconds} or peaks above {@code heapMb}. */
    static <T> T run(String shape, int seconds, long heapMb, Callable<T> work) {
        System.gc();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        T result = assertTimeoutPreemptively(Duration.ofSeconds(seconds), work::call, shape + " took too long");
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = Math.max(0, pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before) >> 20;
        System.out.printf(Locale.ROOT, "shape %-40s %,8d ms  peak heap %,6d MB%n", shape, millis, peak);
        assertTrue(peak <= heapMb, shape + ": peak heap " + peak + " MB is above the bound of " + heapMb + " MB");
        return result;
    }

    /** Loads one file the way the app and the command line do. */
    static TraceLoader.Result load(Path file) {
        return TraceLoader.load(List.of(file), TraceLoader.Options.defaults().withParallelism(2));
    }

    /** Writes {@code parts} in order, each repeated its count of times, streaming. */
    static Path write(Path file, Object... textAndCounts) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = 0; i < textAndCounts.length; i += 2) {
                byte[] bytes = textAndCounts[i] instanceof byte[] b ? b
                        : ((String) textAndCounts[i]).getBytes(StandardCharsets.UTF_8);
                long times = ((Number) textAndCounts[i + 1]).longValue();
                for (long k = 0; k < times; k++) {
                    out.write(bytes);
                }
            }
        }
        return file;
    }
}
