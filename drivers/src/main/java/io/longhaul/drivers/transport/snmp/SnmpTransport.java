package io.longhaul.drivers.transport.snmp;

import java.util.List;
import java.util.Map;

/** Reads SNMP agents. Implementations are thread-safe and throw DeviceExceptions. */
public interface SnmpTransport extends AutoCloseable {

  /** GETs scalar or instance OIDs; an OID the agent does not have is absent from the result. */
  Map<String, SnmpValue> get(SnmpEndpoint endpoint, List<String> oids);

  /** Walks the columns of one table with GETBULK, rows in index order. */
  List<SnmpRow> walk(SnmpEndpoint endpoint, List<String> columnOids);

  @Override
  void close();
}
