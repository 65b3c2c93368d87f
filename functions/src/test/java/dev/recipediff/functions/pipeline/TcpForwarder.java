package dev.recipediff.functions.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: a stable 127.0.0.1 port that forwards TCP connections to a target port that can change — so a
 * process (dynalite) can be killed and restarted on a new port while the handlers keep the endpoint they
 * were built with. While the target is down, new connections are refused (closed at once).
 */
final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int targetPort;
    private volatile boolean closed;

    private TcpForwarder(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("tcp-forwarder-" + server.getLocalPort()).start(this::accept);
    }

    static TcpForwarder to(int targetPort) throws IOException {
        return new TcpForwarder(targetPort);
    }

    int port() {
        return server.getLocalPort();
    }

    /** From now on new connections go to {@code port}; connections to the old target are cut. */
    void retarget(int port) {
        this.targetPort = port;
        cut();
    }

    /** Cuts every open connection (what clients see when the process behind dies). */
    void cut() {
        open.forEach(TcpForwarder::closeQuietly);
        open.clear();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream;
        try {
            upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        } catch (IOException down) {
            closeQuietly(client);
            return;
        }
        open.add(client);
        open.add(upstream);
        Thread.ofVirtual().start(() -> pump(client, upstream));
        Thread.ofVirtual().start(() -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side went away: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        cut();
    }
}
