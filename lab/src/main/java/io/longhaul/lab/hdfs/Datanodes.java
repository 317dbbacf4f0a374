package io.longhaul.lab.hdfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The datanodes of the three-level topology (seed 002 §5.1): per DC two rooms, racks r1 and r2 in
 * room 1 and r3 in room 2, four datanodes a rack. Network locations are {@code /dc<X>/r<n>}.
 */
final class Datanodes {
  static final int RACKS = 3;
  static final int PER_RACK = 4;

  record Node(String dc, int rack, int index) {
    String host() {
      return "dn-" + dc.toLowerCase() + "-room" + (rack < 3 ? 1 : 2) + "-r" + rack + "-0" + index;
    }

    String networkLocation() {
      return "/dc" + dc + "/r" + rack;
    }

    String xfer() {
      return host() + ":9866";
    }
  }

  static List<Node> all() {
    List<Node> out = new ArrayList<>();
    for (String dc : HdfsCluster.DCS) {
      for (int r = 1; r <= RACKS; r++) {
        for (int i = 1; i <= PER_RACK; i++) {
          out.add(new Node(dc, r, i));
        }
      }
    }
    return out;
  }

  /** The {@code n} datanodes of {@code dc} holding replicas of block {@code id}: racks spread. */
  static List<Node> placement(String dc, long id, int n) {
    List<Node> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int rack = (int) ((id + k) % RACKS) + 1;
      int index = (int) ((id / RACKS + k) % PER_RACK) + 1;
      out.add(new Node(dc, rack, index));
    }
    return out;
  }

  static Map<String, Object> location(Node n, long now) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("adminState", "NORMAL");
    l.put("blockPoolUsed", 0L);
    l.put("cacheCapacity", 0L);
    l.put("cacheUsed", 0L);
    l.put("capacity", 12L * 1024 * 1024 * 1024 * 1024);
    l.put("dfsUsed", 0L);
    l.put("hostName", n.host());
    l.put("infoPort", 9864);
    l.put("infoSecurePort", 0);
    l.put("ipAddr", "10." + (n.dc().equals("B") ? 11 : 12) + "." + n.rack() + "." + n.index());
    l.put("ipcPort", 9867);
    l.put("lastUpdate", now);
    l.put("lastUpdateMonotonic", now);
    l.put("name", n.xfer());
    l.put("networkLocation", n.networkLocation());
    l.put("remaining", 12L * 1024 * 1024 * 1024 * 1024);
    l.put("storageID", "DS-" + n.host());
    l.put("xceiverCount", 2);
    l.put("xferPort", 9866);
    return l;
  }
}
