package io.longhaul.drivers.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Collects what JSch's session thread receives and wakes the waiting caller, so reads wait on a
 * condition with a deadline instead of polling a pipe.
 */
final class StreamSink extends OutputStream {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Bytes bytes = new Bytes();
  private boolean closed;

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    lock.lock();
    try {
      bytes.write(b, off, len);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets everything received so far (offsets restart at 0). */
  void clear() {
    lock.lock();
    try {
      bytes.reset();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes waiters without new data (the channel closed under us). */
  void poke() {
    close();
  }

  boolean closed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return bytes.size();
    } finally {
      lock.unlock();
    }
  }

  String text() {
    lock.lock();
    try {
      return bytes.toString(StandardCharsets.UTF_8);
    } finally {
      lock.unlock();
    }
  }

  /** The text received from byte {@code from} on. */
  String textFrom(int from) {
    lock.lock();
    try {
      return bytes.textFrom(from);
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code nanos} for more than {@code seen} bytes or close; false on timeout. */
  boolean awaitBeyond(int seen, long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (bytes.size() <= seen && !closed) {
        if (left <= 0) {
          return false;
        }
        left = changed.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Decodes a suffix in place: the prompt is looked for after every chunk, copying all is O(n²).
   */
  private static final class Bytes extends ByteArrayOutputStream {
    String textFrom(int from) {
      return new String(buf, from, count - from, StandardCharsets.UTF_8);
    }
  }

  static long nanos(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }
}
