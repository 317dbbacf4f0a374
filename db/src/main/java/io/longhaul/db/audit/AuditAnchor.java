package io.longhaul.db.audit;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors the audit chain outside the database: a checkpoint of the chain's head (id, hash, rows),
 * signed with the audit key and kept in a file the database cannot reach. The chain alone catches
 * an edited or deleted entry in its middle; the checkpoint catches what the chain cannot see, a
 * removed tail or an emptied table. A new checkpoint is written only when the entries since the
 * last one extend it intact, so evidence of tampering is never overwritten.
 */
public class AuditAnchor {
  private static final Logger log = LoggerFactory.getLogger(AuditAnchor.class);
  private static final String VERSION = "longhaul-audit-checkpoint-v1";

  /** A signed statement of the chain's head at {@code at}. */
  public record Checkpoint(
      long headId, String headHash, long rows, long legacyRows, String at, String mac) {}

  /** The result of {@code GET /audit/verify}: the chain, the checkpoint and the database role. */
  public record Verification(
      boolean intact,
      Long firstBrokenId,
      long rows,
      Long headId,
      String headHash,
      long legacyRows,
      Checkpoint checkpoint,
      AuditLogRepository.DatabaseRole databaseRole,
      List<String> problems,
      List<String> notes) {}

  private final AuditLogRepository chain;
  private final AuditKey key;
  private final Path file;

  public AuditAnchor(AuditLogRepository chain, AuditKey key, Path file) {
    this.chain = chain;
    this.key = key;
    this.file = file;
  }

  /** Walks the whole chain and holds it against the last checkpoint. */
  public Verification verify() {
    ChainCheck c = chain.verify();
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Long broken = c.firstBrokenId();
    if (broken != null) {
      problems.add("entry " + broken + ": its link to the previous entry or its MAC does not hold");
    }
    Optional<Checkpoint> cp = read();
    if (cp.isEmpty()) {
      notes.add("no checkpoint yet: the first one is trusted when it is written");
    } else if (!signed(cp.get())) {
      problems.add("the checkpoint's signature does not hold: " + file);
    } else {
      Checkpoint k = cp.get();
      Optional<String> stored = storedHead(k);
      if (stored.isEmpty() || !stored.get().equals(k.headHash())) {
        problems.add(
            "entry "
                + k.headId()
                + ", the head checkpointed at "
                + k.at()
                + ", is "
                + (stored.isEmpty()
                    ? "gone (the tail was deleted or the table emptied)"
                    : "changed"));
        broken = broken == null ? k.headId() : Math.min(broken, k.headId());
      }
      if (c.rows() < k.rows()) {
        problems.add(c.rows() + " entries where the checkpoint counted " + k.rows());
      }
      if (c.legacyRows() != k.legacyRows()) {
        problems.add(
            c.legacyRows()
                + " entries carry the unkeyed hash where the checkpoint counted "
                + k.legacyRows()
                + " (the chain was recomputed)");
      }
    }
    if (c.legacyRows() > 0) {
      notes.add(
          c.legacyRows()
              + " leading entries predate the keyed chain and carry only the unkeyed hash");
    }
    AuditLogRepository.DatabaseRole role = chain.databaseRole();
    if (role.superuser() || role.ownsAuditLog()) {
      notes.add(
          "the application connects as "
              + role.user()
              + (role.superuser() ? ", a superuser" : ", the audit table's owner")
              + ": it could disable the append-only triggers; the keyed chain and the checkpoint"
              + " still detect what that changes. Production runs as a non-owner role"
              + " (docs/production.md)");
    }
    return new Verification(
        problems.isEmpty(),
        broken,
        c.rows(),
        c.headId(),
        c.headHash(),
        c.legacyRows(),
        cp.orElse(null),
        role,
        problems,
        notes);
  }

  /**
   * Writes a checkpoint of the current head if the entries since the last checkpoint extend it
   * intact; otherwise keeps the last one (the evidence) and returns empty.
   */
  public synchronized Optional<Checkpoint> checkpoint() {
    Optional<Checkpoint> last = read();
    ChainCheck since;
    long rows = 0;
    long legacy = 0;
    if (last.isPresent()) {
      Checkpoint k = last.get();
      if (!signed(k) || !storedHead(k).map(k.headHash()::equals).orElse(false)) {
        log.error("audit chain: the last checkpoint no longer holds; not writing a new one");
        return Optional.empty();
      }
      since = chain.verifyAfter(k.headId(), k.headHash());
      rows = k.rows();
      legacy = k.legacyRows();
    } else {
      since = chain.verify();
    }
    if (!since.intact()) {
      log.error("audit chain broken at entry {}; not writing a checkpoint", since.firstBrokenId());
      return Optional.empty();
    }
    if (since.rows() == 0 && last.isPresent()) {
      return last;
    }
    long headId = since.headId() == null ? 0 : since.headId();
    String headHash = since.headHash() == null ? AuditLogRepository.GENESIS : since.headHash();
    Checkpoint unsigned =
        new Checkpoint(
            headId,
            headHash,
            rows + since.rows(),
            legacy + since.legacyRows(),
            Instant.now().toString(),
            null);
    Checkpoint k = withMac(unsigned);
    write(k);
    return Optional.of(k);
  }

  /** The last checkpoint written, if any. */
  public Optional<Checkpoint> read() {
    try {
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(file)));
      return Optional.of(
          new Checkpoint(
              Long.parseLong(p.getProperty("headId")),
              p.getProperty("headHash"),
              Long.parseLong(p.getProperty("rows")),
              Long.parseLong(p.getProperty("legacyRows")),
              p.getProperty("at"),
              p.getProperty("mac")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      // Unreadable counts as present but unsigned, so verify reports it.
      return Optional.of(new Checkpoint(0, null, 0, 0, null, null));
    }
  }

  /** The stored hash of the checkpointed head; a checkpoint of the empty log names the genesis. */
  private Optional<String> storedHead(Checkpoint k) {
    return k.headId() == 0 ? Optional.of(AuditLogRepository.GENESIS) : chain.hashOf(k.headId());
  }

  private boolean signed(Checkpoint k) {
    return AuditKey.same(k.mac(), withMac(k).mac());
  }

  private Checkpoint withMac(Checkpoint k) {
    String mac =
        key.mac(
            VERSION,
            Long.toString(k.headId()),
            k.headHash(),
            Long.toString(k.rows()),
            Long.toString(k.legacyRows()),
            k.at());
    return new Checkpoint(k.headId(), k.headHash(), k.rows(), k.legacyRows(), k.at(), mac);
  }

  private void write(Checkpoint k) {
    Properties p = new Properties();
    p.setProperty("headId", Long.toString(k.headId()));
    p.setProperty("headHash", k.headHash());
    p.setProperty("rows", Long.toString(k.rows()));
    p.setProperty("legacyRows", Long.toString(k.legacyRows()));
    p.setProperty("at", k.at());
    p.setProperty("mac", k.mac());
    try {
      StringWriter text = new StringWriter();
      p.store(
          text, "Longhaul audit chain checkpoint; GET /api/v1/audit/verify holds the log to it");
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp =
          Files.createTempFile(
              file.toAbsolutePath().getParent(),
              ".audit-checkpoint",
              ".tmp",
              PosixFilePermissions.asFileAttribute(
                  EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
      Files.writeString(tmp, text.toString());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit checkpoint " + file, e);
    }
  }
}
