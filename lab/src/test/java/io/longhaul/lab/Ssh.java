package io.longhaul.lab;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelShell;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A JSch client that checks host keys strictly against the lab's known_hosts. */
final class Ssh implements AutoCloseable {
  record Exec(String out, String err, int exit) {}

  final Session session;

  Ssh(Lab lab, String device) throws JSchException {
    this(lab, device, lab.credentials().sshPassword());
  }

  Ssh(Lab lab, String device, String password) throws JSchException {
    JSch jsch = new JSch();
    jsch.setKnownHosts(lab.knownHostsFile().toString());
    LabDevice d = lab.device(device);
    session =
        jsch.getSession(
            lab.credentials().sshUsername(),
            d.ssh().getAddress().getHostAddress(),
            d.ssh().getPort());
    session.setPassword(password);
    session.setConfig("StrictHostKeyChecking", "yes");
    session.setConfig("CheckKexes", "curve25519-sha256");
    session.setConfig("server_host_key", "ssh-ed25519");
    session.setConfig("PreferredAuthentications", "password");
    session.connect(5000);
  }

  Exec exec(String command) throws Exception {
    return exec(command, null);
  }

  Exec exec(String command, String stdin) throws Exception {
    ChannelExec ch = (ChannelExec) session.openChannel("exec");
    ch.setCommand(command);
    if (stdin != null) {
      ch.setInputStream(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ch.setErrStream(err);
    InputStream in = ch.getInputStream();
    ch.connect(5000);
    String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    while (!ch.isClosed()) {
      Thread.sleep(5);
    }
    int exit = ch.getExitStatus();
    ch.disconnect();
    return new Exec(out, err.toString(StandardCharsets.UTF_8), exit);
  }

  /** An interactive shell (no pty): send lines, read until the prompt ends the output. */
  final class Shell implements AutoCloseable {
    final ChannelShell ch;
    final InputStream in;
    final OutputStream out;

    Shell() throws Exception {
      ch = (ChannelShell) session.openChannel("shell");
      ch.setPty(false);
      in = ch.getInputStream();
      out = ch.getOutputStream();
      ch.connect(5000);
      readUntilPrompt();
    }

    String send(String line) throws Exception {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return readUntilPrompt();
    }

    String readUntilPrompt() throws Exception {
      StringBuilder sb = new StringBuilder();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < deadline) {
        int c = in.read();
        if (c < 0) {
          break;
        }
        sb.append((char) c);
        if (c == '#' && in.available() == 0) {
          Thread.sleep(30);
          if (in.available() == 0) {
            int nl = sb.lastIndexOf("\n");
            String last = sb.substring(nl + 1);
            if (last.matches("[A-Za-z0-9.-]+(\\([a-zA-Z0-9-]+\\))?#")) {
              return sb.substring(0, nl + 1);
            }
          }
        }
      }
      return sb.toString();
    }

    @Override
    public void close() {
      ch.disconnect();
    }
  }

  Shell shell() throws Exception {
    return new Shell();
  }

  @Override
  public void close() {
    session.disconnect();
  }
}
