package dev.flarescope.ui.dialog;

import dev.flarescope.Launcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the About dialog says: the version, the licence, the runtime it runs on and the third-party
 * components with their licences. Kept apart from the dialog so that it is tested without a window.
 *
 * @param version    the version in the jar manifest, as {@code flarescope --version} prints it, or
 *                   {@code "dev"} when running from compiled classes
 * @param runtime    the Java and JavaFX versions, the first thing to ask for in a bug report
 * @param thirdParty the components from {@code THIRD-PARTY.txt}, in its order
 */
public record AboutInfo(String version, String runtime, List<ThirdPartyNotice> thirdParty) {
    /** Flarescope's own licence. */
    public static final String LICENCE = "Apache-2.0";
    public static final String LICENCE_NAME = "Apache License, Version 2.0";
    public static final String LICENCE_URL = "https://www.apache.org/licenses/LICENSE-2.0";
    static final String NOTICES = "THIRD-PARTY.txt";

    /** Reads the version from the manifest and the notices from the application's resources. */
    public static AboutInfo current() {
        String runtime = "Java " + System.getProperty("java.version") + ", JavaFX "
                + System.getProperty("javafx.runtime.version", "(not started)");
        try (InputStream in = AboutInfo.class.getResourceAsStream(NOTICES)) {
            if (in == null) {
                throw new IllegalStateException(NOTICES + " missing from the application's resources");
            }
            return new AboutInfo(Launcher.version(), runtime, readNotices(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The notices in {@code in}: one per line, skipping blank lines and {@code #} comments. */
    static List<ThirdPartyNotice> readNotices(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(ThirdPartyNotice::parse).toList();
    }
}
