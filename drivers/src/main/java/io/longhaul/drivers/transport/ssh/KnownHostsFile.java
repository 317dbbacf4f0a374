package io.longhaul.drivers.transport.ssh;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * The known_hosts file parsed once and shared by every device's pool. Parsing it per pool cost
 * O(devices × entries): with a few hundred lab devices it was a third of a fleet push's CPU (JSch
 * reads the file a byte at a time and decodes every entry). It is re-read when its modification
 * time or size changes, so a device added to the file later is still found by its new pool. Host
 * key checking itself is unchanged: JSch's repository, strict, against this file only.
 */
final class KnownHostsFile {
  private final Path path;
  private HostKeyRepository repository;
  private FileTime modified;
  private long size;

  KnownHostsFile(Path path) {
    this.path = path;
  }

  /**
   * The repository for the file as it is now; a missing file is an empty one (every host refused,
   * as JSch does). Throws JSchException if the file cannot be read.
   */
  synchronized HostKeyRepository current() throws JSchException {
    FileTime m = null;
    long s = 0;
    byte[] text = new byte[0];
    try {
      if (Files.exists(path)) {
        m = Files.getLastModifiedTime(path);
        s = Files.size(path);
        if (repository != null && m.equals(modified) && s == size) {
          return repository;
        }
        text = Files.readAllBytes(path);
      }
    } catch (IOException e) {
      throw new JSchException("cannot read " + path + ": " + e.getMessage(), e);
    }
    var loader = new JSch();
    loader.setKnownHosts(new ByteArrayInputStream(text));
    repository = loader.getHostKeyRepository();
    modified = m;
    size = s;
    return repository;
  }
}
