package dev.flarescope.ui.viewmodel;

import java.util.Locale;

/**
 * What the user asked to attach to, as entered in the attach dialog: the kind of live source and its
 * address (a path, a URL, a host:port; empty for the demo). The token of a listening endpoint is a
 * secret, so it is carried here but never part of {@link #key()}, which is what gets remembered.
 *
 * @param kind    the kind of source
 * @param address path, URL or host:port as typed; empty for {@link Kind#DEMO}
 * @param token   bearer token for {@link Kind#LISTEN}, or null
 */
public record AttachTarget(Kind kind, String address, String token) {

    /** The live sources the app can attach to. */
    public enum Kind {
        FOLLOW("Follow a file or folder"),
        CONNECT("Connect to a stream (NDJSON or SSE)"),
        LISTEN("Listen for pushed batches"),
        DEMO("Demo serving stack");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        /** The choice as the dialog names it. */
        public String title() {
            return title;
        }
    }

    public AttachTarget {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        address = address == null ? "" : address.strip();
        token = token == null || token.isBlank() ? null : token.strip();
    }

    /** The demo: a simulated serving stack on a free loopback port. */
    public static AttachTarget demo() {
        return new AttachTarget(Kind.DEMO, "", null);
    }

    /** One short line for recent lists and titles: "follow /var/log/x", "demo". */
    public String label() {
        return kind == Kind.DEMO ? "demo" : kind.name().toLowerCase(Locale.ROOT) + " " + address;
    }

    /** The form remembered across runs: kind and address, never the token. */
    public String key() {
        return kind.name() + "\t" + address;
    }

    /** Reads a {@link #key()} back; null for text that is not one (an older or damaged entry). */
    public static AttachTarget fromKey(String key) {
        if (key == null) {
            return null;
        }
        int tab = key.indexOf('\t');
        if (tab < 0) {
            return null;
        }
        try {
            return new AttachTarget(Kind.valueOf(key.substring(0, tab)), key.substring(tab + 1), null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
