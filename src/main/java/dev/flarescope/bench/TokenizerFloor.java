package dev.flarescope.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.File;
import java.io.IOException;

/**
 * The parse floor: one pass of Jackson's bare tokenizer over a file, touching every token and building
 * nothing. A loader cannot be faster than this on one core; {@link LoadBenchmark} reports the loader's
 * time as a ratio of it.
 */
public final class TokenizerFloor {
    private TokenizerFloor() {
    }

    public static void main(String[] args) throws IOException {
        long tokens = 0;
        try (JsonParser p = new JsonFactory().createParser(new File(args[0]))) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        System.out.println(tokens + " tokens");
    }
}
