package dev.flarescope.live;

import java.net.InetSocketAddress;

/** {@code HOST:PORT} as the command line and the attach dialog take it. */
public final class HostPort {
    private HostPort() {
    }

    /**
     * Parses {@code HOST:PORT}, {@code :PORT} or {@code PORT} (the last two mean 127.0.0.1), with IPv6
     * hosts in brackets ({@code [::1]:9411}). Port 0 asks for any free port.
     *
     * @throws IllegalArgumentException with a message for the user when the text is not an address
     */
    public static InetSocketAddress parse(String text) {
        String s = text.trim();
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : s.substring(0, colon);
        String port = colon < 0 ? s : s.substring(colon + 1);
        if (host.isEmpty()) {
            host = "127.0.0.1";
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected HOST:PORT, found '" + text + "'");
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port " + p + " is out of range (0-65535)");
        }
        InetSocketAddress a = new InetSocketAddress(host, p);
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
        return a;
    }
}
