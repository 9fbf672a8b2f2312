package io.sofastack.qa.channel;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket server on 127.0.0.1 for tests that play a platform's socket endpoint (Slack's Socket
 * Mode): RFC 6455 handshake and text, ping and close frames, one connection at a time. The test
 * sends frames to the current connection and reads what the client sent, in order.
 */
public final class LocalWebSocketServer implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final Thread acceptor;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    public LocalWebSocketServer() throws IOException {
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "local-websocket-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server listening on a free port of 127.0.0.1. */
    public static LocalWebSocketServer start() {
        try {
            return new LocalWebSocketServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    public String url(String path) {
        return "ws://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** How many connections clients have opened so far. */
    public int connectionCount() {
        return connections.size();
    }

    /** Waits for the next connection a client opens. */
    public Connection awaitConnection(Duration timeout) throws InterruptedException {
        Connection connection = opened.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (connection == null) {
            throw new AssertionError("no client connected within " + timeout);
        }
        return connection;
    }

    /** The next text frame any client sent, or {@code null} when none came within {@code timeout}. */
    public String nextReceived(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Connection connection = new Connection(socket);
                connection.handshake();
                connections.add(connection);
                Thread reader = new Thread(connection::readLoop, "local-websocket-connection");
                reader.setDaemon(true);
                reader.start();
                opened.add(connection);
            } catch (IOException e) {
                // closed, or a client that did not speak WebSocket
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Connection connection : connections) {
            connection.drop();
        }
    }

    /** One client's connection. */
    public final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private String target = "";
        private volatile boolean silent;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void handshake() throws IOException {
            String key = null;
            String requestLine = readLine();
            String[] parts = requestLine.split(" ");
            target = parts.length > 1 ? parts[1] : "";
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Sec-WebSocket-Key")) {
                    key = line.substring(colon + 1).strip();
                }
            }
            if (key == null) {
                socket.close();
                throw new IOException("not a WebSocket handshake");
            }
            String accept;
            try {
                accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is part of every JRE", e);
            }
            write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the client hung up during the handshake");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        /** The path and query the client connected to. */
        public String target() {
            return target;
        }

        /** Sends a text frame. */
        public void send(String text) throws IOException {
            frame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Closes the connection as a server that goes away does: a close frame, then the socket. */
        public void closeNormally() throws IOException {
            frame(0x8, new byte[] {0x03, (byte) 0xE9}); // 1001: going away
            drop();
        }

        /** From now on answers nothing, not even pings: a half-open connection, as a NAT that forgot it leaves. */
        public void goSilent() {
            silent = true;
        }

        /** Drops the connection without a close frame, as a network failure does. */
        public void drop() throws IOException {
            socket.close();
        }

        private synchronized void frame(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 65536) {
                frame.write(126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            } else {
                frame.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            frame.write(payload);
            write(frame.toByteArray());
        }

        private synchronized void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void readLoop() {
            DataInputStream frames = new DataInputStream(in);
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            try {
                while (true) {
                    int first = frames.readUnsignedByte();
                    int second = frames.readUnsignedByte();
                    long length = second & 0x7F;
                    if (length == 126) {
                        length = frames.readUnsignedShort();
                    } else if (length == 127) {
                        length = frames.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((second & 0x80) != 0) {
                        frames.readFully(mask);
                    }
                    byte[] payload = new byte[(int) length];
                    frames.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    int opcode = first & 0x0F;
                    if (opcode == 0x8) {
                        frame(0x8, payload);
                        drop();
                        return;
                    } else if (opcode == 0x9 && !silent) {
                        frame(0xA, payload);
                    } else if (opcode == 0x1 || opcode == 0x0) {
                        message.write(payload);
                        if ((first & 0x80) != 0) {
                            received.add(message.toString(StandardCharsets.UTF_8));
                            message.reset();
                        }
                    }
                }
            } catch (IOException ended) {
                // the connection is gone
            }
        }
    }
}
