package org.collaborative.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A room of viewers holding one server-sent-event stream each, read by one thread over plain non-blocking sockets.
 *
 * <p>Real viewers sit at their own machines; here they share the measured JVM and its two cores with the workspace.
 * The JDK's {@code HttpClient} (one per round, since Java 17's cannot be shut down) kept a selector thread, its
 * buffers and the sockets of every earlier round alive, and its per-line machinery made garbage per event and viewer:
 * the crowd's own cost and its collector's pauses were measured as delivery. This client sends the request each browser
 * would send, checks the answer is {@code 200}, and scans the bytes for the two lines it needs, allocating nothing per
 * event; {@link #close()} closes every socket, so the server drops the connections at its next write.
 */
final class SseCrowd implements AutoCloseable {

    private static final byte[] CONNECTED = "\n:connected".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUS_OK = "HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII);
    private static final int OPENING_AT_ONCE = 100;

    private final Selector selector;
    private final Thread reader;
    private final List<Viewer> viewers = new ArrayList<>();
    private final CountDownLatch connected;
    private final byte[] eventLine;
    private volatile boolean running = true;
    private volatile String failure;

    /**
     * Opens {@code size} streams to {@code uri} with the session {@code cookie}, at most {@value #OPENING_AT_ONCE}
     * connecting at a time (the server's accept queue is finite), each expected to carry {@code expected} events named
     * {@code eventName}.
     */
    SseCrowd(URI uri, String cookie, int size, String eventName, int expected) throws IOException {
        this.selector = Selector.open();
        this.connected = new CountDownLatch(size);
        this.eventLine = ("\nevent:" + eventName).getBytes(StandardCharsets.US_ASCII);
        byte[] request = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nAccept: text/event-stream\r\nCookie: " + cookie + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        for (int v = 0; v < size; v++) {
            viewers.add(new Viewer(address, request, expected));
        }
        this.reader = new Thread(this::run, "sse-crowd");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until every viewer has its stream open (the server's first comment read). */
    void awaitConnected(long timeout, TimeUnit unit) throws InterruptedException {
        if (!connected.await(timeout, unit)) {
            throw new IllegalStateException(
                    (viewers.size() - connected.getCount()) + " of " + viewers.size() + " viewers connected in "
                            + timeout + " " + unit.name().toLowerCase() + (failure == null ? "" : ": " + failure));
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    List<Viewer> viewers() {
        return viewers;
    }

    /** True once every viewer has received {@code count} events. */
    boolean allReceived(int count) {
        return viewers.stream().allMatch(viewer -> viewer.received() >= count);
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        byte[] bytes = new byte[buffer.capacity()];
        int next = 0;
        int opening = 0;
        try {
            while (running) {
                while (next < viewers.size() && opening < OPENING_AT_ONCE) {
                    viewers.get(next++).open(selector);
                    opening++;
                }
                selector.select(10);
                for (SelectionKey key : selector.selectedKeys()) {
                    Viewer viewer = (Viewer) key.attachment();
                    if (key.isConnectable()) {
                        viewer.channel.finishConnect();
                        viewer.channel.write(ByteBuffer.wrap(viewer.request));
                        key.interestOps(SelectionKey.OP_READ);
                    } else if (key.isReadable()) {
                        buffer.clear();
                        int read = viewer.channel.read(buffer);
                        long now = System.nanoTime();
                        if (read < 0) {
                            key.cancel();
                            if (!viewer.connected) {
                                failure = "a viewer's stream closed before it opened";
                            }
                            continue;
                        }
                        buffer.flip();
                        buffer.get(bytes, 0, read);
                        if (viewer.scan(bytes, read, now)) {
                            opening--;
                            connected.countDown();
                        }
                    }
                }
                selector.selectedKeys().clear();
                if (failure != null) {
                    while (connected.getCount() > 0) {
                        connected.countDown();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
            while (connected.getCount() > 0) {
                connected.countDown();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Viewer viewer : viewers) {
            try {
                if (viewer.channel != null) {
                    viewer.channel.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** One viewer's stream: the arrival time (System.nanoTime) of each event, in order. */
    final class Viewer {

        private final InetSocketAddress address;
        private final byte[] request;
        private final long[] arrivals;
        private volatile int received;
        private SocketChannel channel;
        private boolean statusChecked;
        private int statusMatched;
        private int connectedMatched;
        private int eventMatched;
        private boolean connected;

        Viewer(InetSocketAddress address, byte[] request, int expected) {
            this.address = address;
            this.request = request;
            this.arrivals = new long[expected];
        }

        int received() {
            return received;
        }

        /** The k-th event's arrival, System.nanoTime. */
        long arrival(int k) {
            return arrivals[k];
        }

        private void open(Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            if (channel.connect(address)) {
                channel.write(ByteBuffer.wrap(request));
                channel.register(selector, SelectionKey.OP_READ, this);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, this);
            }
        }

        /** Scans one read; true when this read completed the stream's opening. */
        private boolean scan(byte[] bytes, int length, long now) {
            boolean opened = false;
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (!statusChecked) {
                    if (b != STATUS_OK[statusMatched]) {
                        failure = "a viewer's stream was refused: "
                                + new String(bytes, 0, Math.min(length, 200), StandardCharsets.US_ASCII);
                        return false;
                    }
                    statusChecked = ++statusMatched == STATUS_OK.length;
                    continue;
                }
                if (!connected) {
                    connectedMatched = b == CONNECTED[connectedMatched] ? connectedMatched + 1 : b == '\n' ? 1 : 0;
                    if (connectedMatched == CONNECTED.length) {
                        connected = true;
                        opened = true;
                    }
                    continue;
                }
                // The pattern starts with a line feed that occurs nowhere else in it, so a plain restart is exact.
                eventMatched = b == eventLine[eventMatched] ? eventMatched + 1 : b == '\n' ? 1 : 0;
                if (eventMatched == eventLine.length) {
                    eventMatched = 0;
                    if (received < arrivals.length) {
                        arrivals[received] = now;
                    }
                    received++;
                }
            }
            return opened;
        }
    }
}
