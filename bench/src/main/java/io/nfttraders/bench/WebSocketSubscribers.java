package io.nfttraders.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Many graphql-ws subscribers on plain non-blocking sockets, read by a few selector threads: a
 * client far lighter than the JDK's WebSocket, which reads all of an HttpClient's sockets on one
 * selector thread and took more of the machine than the server it measured. It speaks just what the
 * benchmark needs: the upgrade, masked text frames out, unmasked unfragmented text frames in.
 */
final class WebSocketSubscribers implements AutoCloseable {

  private final List<Thread> readers = new ArrayList<>();
  private final List<Selector> selectors = new ArrayList<>();
  private volatile boolean closed;

  /**
   * Opens {@code count} connections to {@code path}, sends each the given text messages (connection_init,
   * subscribe) and hands every text message connection {@code i} receives to {@code receivers.apply(i)}, on
   * {@code threads} reader threads.
   */
  WebSocketSubscribers(int port, String path, int count, int threads, List<String> opening, IntFunction<Consumer<String>> receivers)
      throws IOException {
    List<List<SocketChannel>> byThread = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      byThread.add(new ArrayList<>());
    }
    for (int i = 0; i < count; i++) {
      SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
      channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      handshake(channel, port, path);
      for (String message : opening) {
        write(channel, frame(message));
      }
      byThread.get(i % threads).add(channel);
    }
    int index = 0;
    for (List<SocketChannel> channels : byThread) {
      Selector selector = Selector.open();
      for (SocketChannel channel : channels) {
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, new Frames(receivers.apply(index++)));
      }
      selectors.add(selector);
      readers.add(Thread.ofPlatform().name("ws-reader-" + readers.size()).daemon().start(() -> read(selector)));
    }
  }

  private void read(Selector selector) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    try {
      while (!closed) {
        selector.select(200);
        for (SelectionKey key : selector.selectedKeys()) {
          SocketChannel channel = (SocketChannel) key.channel();
          buffer.clear();
          int n = channel.read(buffer);
          if (n < 0) {
            key.cancel();
            continue;
          }
          buffer.flip();
          ((Frames) key.attachment()).accept(buffer);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      if (!closed) {
        throw new IllegalStateException("a subscriber's socket failed", e);
      }
    }
  }

  /** Reassembles frames from a connection's bytes; hands on text frames, ignores the rest. */
  private static final class Frames {
    private final Consumer<String> received;
    private byte[] pending = new byte[0];

    Frames(Consumer<String> received) {
      this.received = received;
    }

    void accept(ByteBuffer bytes) {
      byte[] data = new byte[pending.length + bytes.remaining()];
      System.arraycopy(pending, 0, data, 0, pending.length);
      bytes.get(data, pending.length, bytes.remaining());
      int at = 0;
      while (data.length - at >= 2) {
        int opcode = data[at] & 0x0f;
        int length = data[at + 1] & 0x7f;
        int header = 2;
        if (length == 126) {
          if (data.length - at < 4) {
            break;
          }
          length = ((data[at + 2] & 0xff) << 8) | (data[at + 3] & 0xff);
          header = 4;
        } else if (length == 127) {
          if (data.length - at < 10) {
            break;
          }
          length = (int) ByteBuffer.wrap(data, at + 2, 8).getLong();
          header = 10;
        }
        if (data.length - at - header < length) {
          break;
        }
        if (opcode == 1) {
          received.accept(new String(data, at + header, length, StandardCharsets.UTF_8));
        }
        at += header + length;
      }
      pending = at == data.length ? new byte[0] : java.util.Arrays.copyOfRange(data, at, data.length);
    }
  }

  private static void handshake(SocketChannel channel, int port, String path) throws IOException {
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    write(channel, ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
    // the server writes nothing after its 101 until it is sent something, so the answer ends the bytes read
    ByteBuffer answer = ByteBuffer.allocate(4096);
    String head = "";
    while (!head.contains("\r\n\r\n")) {
      if (channel.read(answer) < 0) {
        throw new IOException("the server closed the connection during the upgrade");
      }
      head = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
    }
    if (!head.startsWith("HTTP/1.1 101") || head.length() != head.indexOf("\r\n\r\n") + 4) {
      throw new IOException("the upgrade was refused: " + head);
    }
  }

  /** A masked text frame, as a client must send. */
  private static ByteBuffer frame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    ByteBuffer frame = ByteBuffer.allocate(14 + payload.length);
    frame.put((byte) 0x81);
    if (payload.length < 126) {
      frame.put((byte) (0x80 | payload.length));
    } else if (payload.length < 65_536) {
      frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
    } else {
      frame.put((byte) (0x80 | 127)).putLong(payload.length);
    }
    frame.put(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.put((byte) (payload[i] ^ mask[i % 4]));
    }
    return frame.flip();
  }

  private static void write(SocketChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    for (Selector selector : selectors) {
      for (SelectionKey key : selector.keys()) {
        key.channel().close();
      }
      selector.wakeup();
    }
  }
}
