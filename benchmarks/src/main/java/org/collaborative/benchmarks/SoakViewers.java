package org.collaborative.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak's live viewers: each holds one group page's server-sent-event stream ({@code /groups/{id}/live}) open for
 * the whole run, on a thread of its own over a plain socket (HTTP/1.1, chunked), and reconnects a second after the
 * server ends it, as a browser's EventSource does (the server ends a stream after 30 minutes). Every connection
 * records when it opened (the server's {@code :connected} comment), when it ended and whether the server ended it, and
 * how many {@code group-page-changed} events it carried, and how many of them were for a question posted.
 */
final class SoakViewers implements AutoCloseable {

    /** One connection of one viewer; times are System.nanoTime. */
    record Connection(
            int viewer, String groupId, long opened, long closed, boolean endedByServer, int events, int questions) {}

    private final List<Viewer> viewers = new ArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstConnected;
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private volatile boolean running = true;

    /** Opens one viewer per entry of {@code groupIds}, each with the session cookie at the same index. */
    SoakViewers(String baseUrl, List<String> groupIds, List<String> cookies) {
        URI base = URI.create(baseUrl);
        this.firstConnected = new CountDownLatch(groupIds.size());
        for (int v = 0; v < groupIds.size(); v++) {
            Viewer viewer = new Viewer(v, base, groupIds.get(v), cookies.get(v));
            viewers.add(viewer);
            viewer.thread.start();
        }
    }

    void awaitConnected(long timeout, TimeUnit unit) throws InterruptedException {
        if (!firstConnected.await(timeout, unit)) {
            throw new IllegalStateException((viewers.size() - firstConnected.getCount()) + " of " + viewers.size()
                    + " viewers connected in " + timeout + " " + unit + "; " + failedAttempts.get()
                    + " attempts failed");
        }
    }

    /** Streams open now. */
    int open() {
        return (int) viewers.stream().filter(viewer -> viewer.openedAt != 0).count();
    }

    /** Attempts to open a stream that failed (refused, not 200, or ended before its first comment). */
    int failedAttempts() {
        return failedAttempts.get();
    }

    /** Every connection that has ended; after {@link #close()}, all of them. */
    List<Connection> connections() {
        return List.copyOf(connections);
    }

    @Override
    public void close() {
        running = false;
        for (Viewer viewer : viewers) {
            viewer.closeSocket();
        }
        for (Viewer viewer : viewers) {
            try {
                viewer.thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Viewer {

        private final int index;
        private final URI base;
        private final String groupId;
        private final byte[] request;
        private final Thread thread;
        private volatile Socket socket;
        private volatile long openedAt;
        private boolean everConnected;

        Viewer(int index, URI base, String groupId, String cookie) {
            this.index = index;
            this.base = base;
            this.groupId = groupId;
            this.request = ("GET /groups/" + groupId + "/live HTTP/1.1\r\nHost: " + base.getHost() + ":"
                            + base.getPort() + "\r\nAccept: text/event-stream\r\nCookie: " + cookie + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            this.thread = new Thread(this::run, "soak-viewer-" + index);
            thread.setDaemon(true);
        }

        private void run() {
            while (running) {
                Stream stream = new Stream();
                boolean endedByServer = true;
                try (Socket opened = new Socket()) {
                    socket = opened;
                    opened.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                    // The server writes a heartbeat every 20 s: a minute and a half of silence is a dead stream.
                    opened.setSoTimeout(90_000);
                    OutputStream out = opened.getOutputStream();
                    out.write(request);
                    out.flush();
                    read(new BufferedInputStream(opened.getInputStream()), stream);
                } catch (SocketTimeoutException silent) {
                    endedByServer = true;
                } catch (IOException e) {
                    endedByServer = running;
                }
                if (openedAt != 0) {
                    connections.add(new Connection(
                            index,
                            groupId,
                            openedAt,
                            System.nanoTime(),
                            endedByServer,
                            stream.events,
                            stream.questions));
                    openedAt = 0;
                } else if (running) {
                    failedAttempts.incrementAndGet();
                }
                if (running) {
                    LiveLatency.sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
                }
            }
        }

        private void closeSocket() {
            Socket open = socket;
            if (open != null) {
                try {
                    open.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }

        /** Reads the status and headers, then the chunked body, line by line. */
        private void read(InputStream in, Stream stream) throws IOException {
            String status = line(in);
            if (status == null || !status.startsWith("HTTP/1.1 200")) {
                throw new IOException("the stream was refused: " + status);
            }
            boolean chunked = false;
            String header;
            while ((header = line(in)) != null && !header.isEmpty()) {
                if (header.toLowerCase().startsWith("transfer-encoding:")
                        && header.toLowerCase().contains("chunked")) {
                    chunked = true;
                }
            }
            if (!chunked) {
                int b;
                while ((b = in.read()) >= 0) {
                    accept(stream, b);
                }
                return;
            }
            while (true) {
                String size = line(in);
                if (size == null) {
                    return;
                }
                int semicolon = size.indexOf(';');
                int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                if (length == 0) {
                    return;
                }
                for (int i = 0; i < length; i++) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    accept(stream, b);
                }
                line(in);
            }
        }

        private void accept(Stream stream, int b) {
            String line = stream.accept(b);
            if (line == null) {
                return;
            }
            if (line.equals(":connected") && openedAt == 0) {
                openedAt = System.nanoTime();
                if (!everConnected) {
                    everConnected = true;
                    firstConnected.countDown();
                }
            }
        }
    }

    /** The event-stream lines of one connection: counts the group-page events and the question notices among them. */
    private static final class Stream {

        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private String event;
        private String data;
        int events;
        int questions;

        /** Takes one byte of the body; returns the line it completed, if any. */
        String accept(int b) {
            if (b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
                return null;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.isEmpty()) {
                if ("group-page-changed".equals(event)) {
                    events++;
                    if ("QuestionPosted".equals(data)) {
                        questions++;
                    }
                }
                event = null;
                data = null;
            } else if (text.startsWith("event:")) {
                event = text.substring("event:".length()).strip();
            } else if (text.startsWith("data:")) {
                data = text.substring("data:".length()).strip();
            }
            return text;
        }
    }

    /** A CRLF- or LF-ended line of headers or chunk framing; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return bytes.toString(StandardCharsets.US_ASCII).stripTrailing();
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
    }
}
