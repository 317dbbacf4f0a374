package io.longhaul.drivers.transport.ssh;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * The known_hosts file parsed once and shared by every device's pool. Parsing it per pool cost
 * O(devices × entries): with a few hundred lab devices it was a third of a fleet push's CPU (JSch
 * reads the file a byte at a time and decodes every entry). Every new connection asks for {@link
 * #current()}, which re-reads the file when its modification time, size or inode changed: a key
 * removed from the file is refused, and a rotated one accepted, from the next connection on. Host
 * key checking itself is unchanged: JSch's repository, strict, against this file only.
 */
final class KnownHostsFile {
  private final Path path;
  private HostKeyRepository repository;
  private FileTime modified;
  private long size;
  private Object inode;

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
    Object key = null;
    byte[] text = new byte[0];
    try {
      if (Files.exists(path)) {
        var attributes = Files.readAttributes(path, BasicFileAttributes.class);
        m = attributes.lastModifiedTime();
        s = attributes.size();
        key = attributes.fileKey();
        if (repository != null && m.equals(modified) && s == size && Objects.equals(key, inode)) {
          return repository;
        }
        text = Files.readAllBytes(path);
      } else if (repository != null && modified == null) {
        return repository;
      }
    } catch (IOException e) {
      throw new JSchException("cannot read " + path + ": " + e.getMessage(), e);
    }
    var loader = new JSch();
    loader.setKnownHosts(new ByteArrayInputStream(text));
    repository = loader.getHostKeyRepository();
    modified = m;
    size = s;
    inode = key;
    return repository;
  }
}
