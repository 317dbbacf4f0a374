package io.longhaul.drivers.transport.snmp;

import java.util.Map;

/**
 * One conceptual row of a table walk.
 *
 * @param index the row's index suffix ({@code 3}, or {@code 0.3.1} for lldpRemTable)
 * @param columns values by the requested column OID; a column the agent omits is absent
 */
public record SnmpRow(String index, Map<String, SnmpValue> columns) {
  public SnmpRow {
    columns = Map.copyOf(columns);
  }

  public SnmpValue get(String columnOid) {
    return columns.get(columnOid);
  }

  /**
   * The index as unsigned 32-bit sub-identifiers ({@code 0.3.1} → {@code [0, 3, 1]}): TimeTicks and
   * other unsigned indexes (lldpRemTimeMark) exceed Integer.MAX_VALUE.
   */
  public long[] unsignedIndexParts() {
    String[] parts = index.split("\\.");
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Long.parseLong(parts[i]);
    }
    return out;
  }

  /** The index as integers ({@code 0.3.1} → {@code [0, 3, 1]}), for Integer32 indexes. */
  public int[] indexParts() {
    String[] parts = index.split("\\.");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i]);
    }
    return out;
  }
}
