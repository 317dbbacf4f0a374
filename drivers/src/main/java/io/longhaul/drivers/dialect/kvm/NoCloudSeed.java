package io.longhaul.drivers.dialect.kvm;

import io.longhaul.drivers.capability.BootDisk;
import io.longhaul.drivers.cli.CliValues;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cloud-init NoCloud seed: an ISO 9660 image labelled {@code cidata} holding {@code meta-data}
 * (instance id, hostname), {@code user-data} and {@code network-config} (version 2: the NIC by its
 * MAC, its address and gateway), as {@code genisoimage -V cidata} would write it. Built here, so a
 * hypervisor needs nothing but virsh to receive it ({@code virsh vol-upload}). Deterministic: the
 * same seed gives the same bytes, so an upload on every retry changes nothing.
 */
public final class NoCloudSeed {
  private NoCloudSeed() {}

  private static final int SECTOR = 2048;
  private static final int ROOT_SECTOR = 20;
  // a fixed recording date: the image must not differ between retries
  private static final byte[] DATE = {126, 1, 1, 0, 0, 0, 0};

  /** The seed's files, in the order ISO 9660 sorts them (by name). */
  public static Map<String, String> files(
      String device, String instanceId, String mac, BootDisk b) {
    CliValues.domainName(device, b.hostname());
    CliValues.mac(device, mac);
    var files = new LinkedHashMap<String, String>();
    files.put(
        "META-DATA", "instance-id: " + instanceId + "\nlocal-hostname: " + b.hostname() + "\n");
    var net = new StringBuilder();
    net.append("version: 2\nethernets:\n  nic0:\n    match:\n      macaddress: \"")
        .append(mac)
        .append("\"\n    set-name: eth0\n");
    if (b.address() != null) {
      CliValues.ipv4Cidr(device, "address", b.address());
      net.append("    addresses: [").append(b.address()).append("]\n");
    } else {
      net.append("    dhcp4: true\n");
    }
    if (b.gateway() != null) {
      CliValues.ipv4(device, "gateway", b.gateway());
      net.append("    gateway4: ").append(b.gateway()).append('\n');
    }
    files.put("NETWORK-CONFIG", net.toString());
    files.put("USER-DATA", "#cloud-config\nhostname: " + b.hostname() + "\n");
    return files;
  }

  public static byte[] iso(String device, String instanceId, String mac, BootDisk boot) {
    Map<String, String> files = files(device, instanceId, mac, boot);
    int next = ROOT_SECTOR + 1;
    var extents = new LinkedHashMap<String, int[]>();
    for (var f : files.entrySet()) {
      int length = f.getValue().getBytes(StandardCharsets.US_ASCII).length;
      extents.put(f.getKey(), new int[] {next, length});
      next += Math.max(1, (length + SECTOR - 1) / SECTOR);
    }
    int total = next;
    ByteBuffer img = ByteBuffer.allocate(total * SECTOR).order(ByteOrder.LITTLE_ENDIAN);

    // the primary volume descriptor
    int pvd = 16 * SECTOR;
    img.put(pvd, (byte) 1);
    ascii(img, pvd + 1, "CD001", 5);
    img.put(pvd + 6, (byte) 1);
    ascii(img, pvd + 8, "LINUX", 32);
    ascii(img, pvd + 40, "cidata", 32);
    both32(img, pvd + 80, total);
    both16(img, pvd + 120, 1);
    both16(img, pvd + 124, 1);
    both16(img, pvd + 128, SECTOR);
    both32(img, pvd + 132, 10);
    img.putInt(pvd + 140, 18);
    img.order(ByteOrder.BIG_ENDIAN).putInt(pvd + 148, 19).order(ByteOrder.LITTLE_ENDIAN);
    record(img, pvd + 156, ROOT_SECTOR, SECTOR, true, new byte[] {0});
    for (int at : new int[] {190, 318, 446, 574}) {
      ascii(img, pvd + at, "", 128);
    }
    for (int at : new int[] {702, 739, 776}) {
      ascii(img, pvd + at, "", 37);
    }
    for (int at : new int[] {813, 830, 864}) {
      ascii(img, pvd + at, "2026010100000000", 16);
    }
    ascii(img, pvd + 847, "0000000000000000", 16);
    img.put(pvd + 881, (byte) 1);

    // the set terminator
    int term = 17 * SECTOR;
    img.put(term, (byte) 255);
    ascii(img, term + 1, "CD001", 5);
    img.put(term + 6, (byte) 1);

    // path tables: the root only, little-endian then big-endian
    pathTable(img, 18 * SECTOR, ByteOrder.LITTLE_ENDIAN);
    pathTable(img, 19 * SECTOR, ByteOrder.BIG_ENDIAN);

    // the root directory: ".", "..", then the files
    int at = ROOT_SECTOR * SECTOR;
    at += record(img, at, ROOT_SECTOR, SECTOR, true, new byte[] {0});
    at += record(img, at, ROOT_SECTOR, SECTOR, true, new byte[] {1});
    for (var e : extents.entrySet()) {
      byte[] id = (e.getKey() + ";1").getBytes(StandardCharsets.US_ASCII);
      at += record(img, at, e.getValue()[0], e.getValue()[1], false, id);
      img.put(e.getValue()[0] * SECTOR, files.get(e.getKey()).getBytes(StandardCharsets.US_ASCII));
    }
    return img.array();
  }

  /** A directory record at {@code at}; returns its length. */
  private static int record(
      ByteBuffer img, int at, int extent, int length, boolean directory, byte[] id) {
    int size = 33 + id.length + (id.length % 2 == 0 ? 1 : 0);
    img.put(at, (byte) size);
    both32(img, at + 2, extent);
    both32(img, at + 10, length);
    img.put(at + 18, DATE);
    img.put(at + 25, (byte) (directory ? 2 : 0));
    both16(img, at + 28, 1);
    img.put(at + 32, (byte) id.length);
    img.put(at + 33, id);
    return size;
  }

  private static void pathTable(ByteBuffer img, int at, ByteOrder order) {
    ByteBuffer t = img.duplicate().order(order);
    t.put(at, (byte) 1);
    t.putInt(at + 2, ROOT_SECTOR);
    t.putShort(at + 6, (short) 1);
  }

  private static void both32(ByteBuffer img, int at, int value) {
    img.order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    img.order(ByteOrder.BIG_ENDIAN).putInt(at + 4, value);
    img.order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void both16(ByteBuffer img, int at, int value) {
    img.order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) value);
    img.order(ByteOrder.BIG_ENDIAN).putShort(at + 2, (short) value);
    img.order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void ascii(ByteBuffer img, int at, String text, int width) {
    byte[] padded = " ".repeat(width).getBytes(StandardCharsets.US_ASCII);
    byte[] t = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(t, 0, padded, 0, Math.min(t.length, width));
    img.put(at, padded);
  }
}
