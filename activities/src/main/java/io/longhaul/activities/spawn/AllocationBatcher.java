package io.longhaul.activities.spawn;

import io.longhaul.db.ipam.Allocation;
import io.longhaul.db.ipam.PortRepository;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for single-port allocations: concurrent {@link PortRepository#allocate} calls in
 * this process share one transaction and so one commit. An allocation is one short statement; what
 * limits allocations per second under contention is the WAL flush every commit waits for, so
 * sharing a commit among the allocations that are waiting anyway raises throughput without giving
 * up durability (synchronous_commit stays on: an address is handed out only once it is on disk).
 *
 * <p>Leader and followers, nothing waits on a timer: a caller queues its request; when no batch is
 * running it leads, takes what is queued (at most {@link #MAX_BATCH}), runs its statements, hands
 * the lead to the oldest request that arrived meanwhile, and commits (so one batch's statements
 * overlap the previous one's commit, and only one batch runs statements at a time). Alone, a caller
 * runs its statement as before, on its own and committed on its own, so a quiet system sees no
 * added latency. In a batch, each member's statement runs under its own savepoint: one that fails
 * (a unique-key race, a deadlock with another process) is rolled back to it and, once the batch has
 * committed, runs alone on the slow path, where it fails or succeeds just as it would have
 * unbatched. A failed commit fails every member of the batch; nothing of it was handed out, and the
 * activity retries.
 *
 * <p>Invariants stay with the statement and the constraints: a member sees the ports its batch
 * inserted before it (same transaction), so a retry with the same allocation key in one batch finds
 * nothing to take, and its caller then looks the port up after the commit, as it would have.
 */
final class AllocationBatcher {
  /**
   * At most this many allocations per transaction. Each member's savepoint becomes a subtransaction
   * with its own XID; PostgreSQL caches 64 per backend before other sessions' snapshots have to
   * look them up in pg_subtrans.
   */
  static final int MAX_BATCH = 64;

  private final PortRepository ports;
  private final TransactionTemplate tx;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Member> queue = new ArrayDeque<>();
  private boolean running;

  /** For tests: transactions committed and members they carried (batches of one excluded). */
  final AtomicLong sharedCommits = new AtomicLong();

  final AtomicLong sharedMembers = new AtomicLong();

  /** For tests: members whose statement failed in a batch and ran again alone. */
  final AtomicLong retriedAlone = new AtomicLong();

  /** For tests: requests waiting for the next batch. */
  int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  AllocationBatcher(PortRepository ports, PlatformTransactionManager transactions) {
    this.ports = ports;
    this.tx = new TransactionTemplate(transactions);
  }

  /** As {@link PortRepository#allocate}, sharing the commit with concurrent callers. */
  Optional<Allocation> allocate(String site, long networkId, String name, String key) {
    Member me = new Member(site, networkId, name, key);
    List<Member> batch;
    lock.lock();
    try {
      queue.add(me);
      if (!running) {
        running = true;
        me.leads = true;
      }
      // Uninterruptibly: a queued member is part of whatever batch takes it, and its caller must
      // hear how that went.
      while (!me.leads && !me.done) {
        changed.awaitUninterruptibly();
      }
      if (me.done) {
        return outcome(me);
      }
      // The leader is the oldest queued request, so the batch starts with it.
      batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
      while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
        batch.add(queue.poll());
      }
    } finally {
      lock.unlock();
    }
    var handOff = new HandOff();
    try {
      run(batch, handOff);
    } finally {
      lock.lock();
      try {
        for (Member m : batch) {
          if (m.result == null && !m.alone && m.error == null) {
            m.error = new IllegalStateException("the allocation batch did not finish");
          }
          m.done = true;
        }
        if (!handOff.done) {
          passLead();
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
    return outcome(me);
  }

  /** Under the lock: the oldest waiting request leads the next batch, or nobody is running. */
  private void passLead() {
    Member next = queue.peek();
    if (next == null) {
      running = false;
    } else {
      next.leads = true;
    }
  }

  /**
   * Passes the lead on once a batch's statements have run, before its commit: the next batch's
   * statements then run while this one's WAL flush is under way, and PostgreSQL's own group commit
   * may flush both at once. Safe because batches share nothing but the constraints: a member whose
   * key an uncommitted batch just inserted waits for that commit, then fails on the unique key and
   * runs again alone, where it finds the port.
   */
  private final class HandOff {
    boolean done;

    void now() {
      lock.lock();
      try {
        done = true;
        passLead();
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private Optional<Allocation> outcome(Member m) {
    if (m.error != null) {
      throw m.error;
    }
    if (m.alone) {
      // Its statement failed inside the batch; on its own it fails (or, the race gone, succeeds)
      // exactly as an unbatched allocation would, with the same exception for the caller.
      retriedAlone.incrementAndGet();
      return m.allocateAlone(ports);
    }
    return m.result;
  }

  private void run(List<Member> batch, HandOff handOff) {
    if (batch.size() == 1) {
      // Nobody to share with: the plain statement, one round trip and its own commit.
      Member m = batch.getFirst();
      try {
        m.result = m.allocateAlone(ports);
      } catch (RuntimeException e) {
        m.error = e;
      }
      return;
    }
    try {
      tx.executeWithoutResult(
          status -> {
            for (Member m : batch) {
              m.result = null;
              m.alone = false;
              runMember(status, m);
            }
            handOff.now();
          });
      sharedCommits.incrementAndGet();
      sharedMembers.addAndGet(batch.size());
    } catch (RuntimeException e) {
      // The commit (or the transaction itself) failed: nothing of the batch was handed out.
      for (Member m : batch) {
        m.result = null;
        m.alone = false;
        m.error = e;
      }
    }
  }

  private void runMember(TransactionStatus status, Member m) {
    // Not released on success: the commit releases them all, and a RELEASE is one round trip more.
    Object savepoint = status.createSavepoint();
    try {
      m.result = ports.allocate(m.site, m.networkId, m.name, m.key);
    } catch (RuntimeException e) {
      status.rollbackToSavepoint(savepoint);
      m.alone = true;
    }
  }

  private static final class Member {
    final String site;
    final long networkId;
    final String name;
    final String key;
    // Written by the leader before it sets done under the lock, read by the caller after.
    boolean leads;
    boolean done;
    Optional<Allocation> result;
    boolean alone;
    RuntimeException error;

    Member(String site, long networkId, String name, String key) {
      this.site = site;
      this.networkId = networkId;
      this.name = name;
      this.key = key;
    }

    Optional<Allocation> allocateAlone(PortRepository ports) {
      return ports.allocate(site, networkId, name, key);
    }
  }
}
