package io.longhaul.drivers.transport.snmp;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.SnmpCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.TableEvent;
import org.snmp4j.util.TableUtils;

/**
 * {@link SnmpTransport} over one SNMP4J session and UDP socket shared by every device. SNMPv3 users
 * are localised per agent engine id (discovered once per address), so different devices may use the
 * same user name with different keys.
 */
public final class Snmp4jTransport implements SnmpTransport {
  private final LongAdder timeouts = new LongAdder();

  private static final int RECEIVE_BUFFER_BYTES = 4 << 20;

  private final SnmpOptions options;
  private final Snmp snmp;
  private final USM usm;
  private final ConcurrentMap<String, OctetString> engineIds = new ConcurrentHashMap<>();

  public Snmp4jTransport(SnmpOptions options) {
    this.options = options;
    try {
      var protocols = SecurityProtocols.getInstance().addDefaultProtocols();
      protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
      protocols.addPrivacyProtocol(new PrivAES128());
      usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
      var dispatcher = new org.snmp4j.MessageDispatcherImpl();
      dispatcher.addMessageProcessingModel(new MPv1());
      dispatcher.addMessageProcessingModel(new MPv2c());
      dispatcher.addMessageProcessingModel(new MPv3(usm));
      var udp = new DefaultUdpTransportMapping();
      // One socket serves every device: a burst of GETBULK answers from many switches overran
      // the kernel's default 208 KiB buffer and each dropped answer cost a full timeout.
      udp.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
      snmp = new Snmp(dispatcher, udp);
      snmp.setTimeoutModel(new BackoffTimeoutModel());
      snmp.listen();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open SNMP socket", e);
    }
  }

  /** Requests that had no answer within the timeout and its retries, since the start. */
  public long timeouts() {
    return timeouts.sum();
  }

  @Override
  public Map<String, SnmpValue> get(SnmpEndpoint endpoint, List<String> oids) {
    Target<Address> target = target(endpoint);
    PDU pdu = target.getVersion() == SnmpConstants.version3 ? scoped(endpoint) : new PDU();
    pdu.setType(PDU.GET);
    oids.forEach(o -> pdu.add(new VariableBinding(new OID(o))));
    ResponseEvent<Address> event;
    try {
      event = snmp.send(pdu, target);
    } catch (IOException e) {
      throw new DeviceException.Unreachable(endpoint.device(), "snmp get", e.toString(), e);
    }
    PDU response = event.getResponse();
    if (response == null) {
      timeouts.increment();
      throw new DeviceException.TimedOut(
          endpoint.device(), "snmp get " + oids, "no response within " + options.timeout(), null);
    }
    if (response.getType() == PDU.REPORT) {
      throw report(endpoint, "snmp get", response);
    }
    if (response.getErrorStatus() != PDU.noError) {
      throw new DeviceException.CommandRejected(
          endpoint.device(), "snmp get " + oids, response.getErrorStatusText());
    }
    var out = new LinkedHashMap<String, SnmpValue>();
    for (VariableBinding vb : response.getVariableBindings()) {
      if (!vb.isException() && !(vb.getVariable() instanceof Null)) {
        out.put(vb.getOid().toDottedString(), value(vb.getVariable()));
      }
    }
    return out;
  }

  @Override
  public List<SnmpRow> walk(SnmpEndpoint endpoint, List<String> columnOids) {
    Target<Address> target = target(endpoint);
    var pdus = new DefaultPDUFactory(PDU.GETBULK);
    if (endpoint.credentials() instanceof SnmpCredentials.V3 v3) {
      pdus.setContextName(new OctetString(v3.contextName()));
    }
    var utils = new TableUtils(snmp, pdus);
    utils.setMaxNumRowsPerPDU(options.maxRepetitions());
    utils.setMaxNumColumnsPerPDU(columnOids.size());
    OID[] columns = columnOids.stream().map(OID::new).toArray(OID[]::new);
    List<TableEvent> events = utils.getTable(target, columns, null, null);
    String command = "snmp walk " + columnOids.getFirst();
    var rows = new ArrayList<SnmpRow>(events.size());
    for (TableEvent event : events) {
      if (event.isError()) {
        throw tableError(endpoint, command, event);
      }
      var values = new LinkedHashMap<String, SnmpValue>();
      VariableBinding[] vbs = event.getColumns();
      for (int i = 0; i < vbs.length; i++) {
        if (vbs[i] != null && !vbs[i].isException()) {
          values.put(columnOids.get(i), value(vbs[i].getVariable()));
        }
      }
      rows.add(new SnmpRow(event.getIndex().toDottedString(), values));
    }
    return rows;
  }

  private DeviceException tableError(SnmpEndpoint endpoint, String command, TableEvent event) {
    return switch (event.getStatus()) {
      case TableEvent.STATUS_TIMEOUT -> {
        timeouts.increment();
        yield new DeviceException.TimedOut(
            endpoint.device(), command, "no response within " + options.timeout(), null);
      }
      case TableEvent.STATUS_REPORT -> report(endpoint, command, event.getReportPDU());
      case TableEvent.STATUS_WRONG_ORDER ->
          new DeviceException.VerificationFailed(
              endpoint.device(), command, "agent returned OIDs out of order");
      case TableEvent.STATUS_EXCEPTION ->
          new DeviceException.Unreachable(
              endpoint.device(),
              command,
              String.valueOf(event.getErrorMessage()),
              event.getException());
      default ->
          new DeviceException.CommandRejected(endpoint.device(), command, event.getErrorMessage());
    };
  }

  /** A REPORT answers a v3 request the agent could not authenticate or decrypt. */
  private static DeviceException report(SnmpEndpoint endpoint, String command, PDU report) {
    String what =
        report == null || report.size() == 0 ? "report" : report.get(0).getOid().toDottedString();
    String reason =
        what.startsWith(SnmpConstants.usmStatsUnknownUserNames.toDottedString())
            ? "unknown user"
            : what.startsWith(SnmpConstants.usmStatsWrongDigests.toDottedString())
                ? "wrong authentication key"
                : what.startsWith(SnmpConstants.usmStatsDecryptionErrors.toDottedString())
                    ? "wrong privacy key"
                    : "agent report " + what;
    return new DeviceException.AuthenticationFailed(endpoint.device(), "SNMPv3 " + reason, null);
  }

  private Target<Address> target(SnmpEndpoint endpoint) {
    Address address = new UdpAddress(endpoint.host() + "/" + endpoint.port());
    Target<Address> target =
        switch (endpoint.credentials()) {
          case SnmpCredentials.V2c v2c -> {
            var t = new CommunityTarget<Address>(address, new OctetString(v2c.community()));
            t.setVersion(SnmpConstants.version2c);
            yield t;
          }
          case SnmpCredentials.V3 v3 -> userTarget(endpoint, address, v3);
        };
    target.setTimeout(options.timeout().toMillis());
    target.setRetries(options.retries());
    return target;
  }

  private Target<Address> userTarget(
      SnmpEndpoint endpoint, Address address, SnmpCredentials.V3 v3) {
    OctetString user = new OctetString(v3.user());
    String key = endpoint.host() + ":" + endpoint.port() + "/" + v3.user() + "#" + v3.hashCode();
    OctetString engineId =
        engineIds.computeIfAbsent(
            key,
            k -> {
              byte[] id = snmp.discoverAuthoritativeEngineID(address, options.timeout().toMillis());
              if (id == null) {
                throw new DeviceException.TimedOut(
                    endpoint.device(), "snmp engine discovery", "no engine id", null);
              }
              var engine = new OctetString(id);
              usm.addUser(
                  user,
                  engine,
                  new UsmUser(
                      user,
                      AuthHMAC192SHA256.ID,
                      new OctetString(v3.authPassword()),
                      PrivAES128.ID,
                      new OctetString(v3.privPassword())));
              return engine;
            });
    var t = new UserTarget<Address>(address, user, engineId.getValue(), SecurityLevel.AUTH_PRIV);
    t.setVersion(SnmpConstants.version3);
    t.setSecurityModel(org.snmp4j.security.SecurityModel.SECURITY_MODEL_USM);
    return t;
  }

  private static ScopedPDU scoped(SnmpEndpoint endpoint) {
    var pdu = new ScopedPDU();
    if (endpoint.credentials() instanceof SnmpCredentials.V3 v3) {
      pdu.setContextName(new OctetString(v3.contextName()));
    }
    return pdu;
  }

  private static SnmpValue value(Variable v) {
    String type = v.getSyntaxString();
    if (v instanceof OctetString s) {
      return new SnmpValue(type, s.getValue(), 0);
    }
    if (v instanceof Integer32 i) {
      return new SnmpValue(type, null, i.getValue());
    }
    try {
      return new SnmpValue(type, null, v.toLong());
    } catch (UnsupportedOperationException e) {
      return new SnmpValue(type, v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
    }
  }

  @Override
  public void close() {
    try {
      snmp.close();
    } catch (IOException e) {
      // closing a UDP socket: nothing to recover
    }
  }
}
