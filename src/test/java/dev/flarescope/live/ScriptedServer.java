package dev.flarescope.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw HTTP server on loopback that answers its n-th connection with the n-th script: exact control
 * over where a stream breaks (in the middle of a line, without a proper end), which no server library
 * offers. It serves as many connections as it has scripts, then stops by itself.
 */
final class ScriptedServer implements AutoCloseable {
    /** What to do with one connection: write the response, then return (the socket is closed abruptly). */
    @FunctionalInterface
    interface Script {
        void answer(String requestHead, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Thread thread;
    final List<String> requestHeads = new CopyOnWriteArrayList<>();

    ScriptedServer(int port, List<Script> scripts) throws IOException {
        socket = new ServerSocket(port, 8, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(20_000);
        thread = new Thread(() -> {
            for (Script s : scripts) {
                try (Socket c = socket.accept()) {
                    c.setSoTimeout(10_000);
                    String head = readHead(c.getInputStream());
                    requestHeads.add(head);
                    s.answer(head, c.getOutputStream());
                    c.getOutputStream().flush();
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "scripted-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A status line and headers for a body that lasts until the connection closes. */
    static void head(OutputStream out, String contentType) throws IOException {
        write(out, "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n\r\n");
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            String s = b.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        thread.interrupt();
    }
}
