package io.longhaul.lab.snmp;

import io.longhaul.lab.device.SwitchState;
import io.longhaul.lab.fault.Fault;
import io.longhaul.lab.fault.FaultController;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.TransportMapping;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * SNMP agents for every switch: one SNMP4J dispatcher (v2c community + v3 USM authPriv with
 * SHA-256/AES-128), one UDP socket per switch address. GET, GETNEXT and GETBULK.
 */
public final class SnmpFrontend implements CommandResponder, AutoCloseable {

  private final Snmp snmp;
  private final Map<TransportMapping<?>, SwitchState> byTransport = new ConcurrentHashMap<>();
  private final OctetString community;
  private final FaultController faults;
  private final ScheduledExecutorService delays =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("lab-snmp-delay").unstarted(r));

  public SnmpFrontend(
      String community,
      String v3User,
      String authPassword,
      String privPassword,
      FaultController faults) {
    this.community = new OctetString(community);
    this.faults = faults;
    SecurityProtocols protocols = SecurityProtocols.getInstance();
    protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
    protocols.addPrivacyProtocol(new PrivAES128());
    USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
    usm.addUser(
        new UsmUser(
            new OctetString(v3User),
            AuthHMAC192SHA256.ID,
            new OctetString(authPassword),
            PrivAES128.ID,
            new OctetString(privPassword)));
    MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv2c());
    dispatcher.addMessageProcessingModel(new MPv3(usm));
    snmp = new Snmp(dispatcher);
    snmp.addCommandResponder(this);
  }

  /** Binds one UDP agent per switch; returns the bound addresses by switch name. */
  public Map<String, InetSocketAddress> start(Map<SwitchState, String> hosts, int port)
      throws IOException {
    Map<String, InetSocketAddress> out = new LinkedHashMap<>();
    for (Entry<SwitchState, String> e : hosts.entrySet()) {
      DefaultUdpTransportMapping tm =
          new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getByName(e.getValue()), port));
      byTransport.put(tm, e.getKey());
      snmp.addTransportMapping(tm);
      tm.listen();
      UdpAddress a = tm.getListenAddress();
      out.put(e.getKey().name(), new InetSocketAddress(a.getInetAddress(), a.getPort()));
    }
    return out;
  }

  @Override
  public void processPdu(CommandResponderEvent event) {
    SwitchState sw = byTransport.get(event.getTransportMapping());
    PDU request = event.getPDU();
    if (sw == null || request == null) {
      return;
    }
    int type = request.getType();
    if (type != PDU.GET && type != PDU.GETNEXT && type != PDU.GETBULK) {
      return;
    }
    if (event.getSecurityModel() == SecurityModel.SECURITY_MODEL_SNMPv2c
        || event.getSecurityModel() == SecurityModel.SECURITY_MODEL_SNMPv1) {
      if (!community.equals(new OctetString(event.getSecurityName()))) {
        event.setProcessed(true); // wrong community: silence, as real agents do
        return;
      }
    } else if (event.getSecurityLevel() != SecurityLevel.AUTH_PRIV) {
      event.setProcessed(true);
      return;
    }
    event.setProcessed(true);
    String name = sw.name();
    if (faults.has(name, Fault.Down.class) || faults.has(name, Fault.Hang.class)) {
      return;
    }
    PDU response = answer(sw, request, event.getMaxSizeResponsePDU());
    if (faults.has(name, Fault.Garbage.class)) {
      for (VariableBinding vb : response.getVariableBindings()) {
        vb.setVariable(new OctetString("\u0000garbage\u00ff"));
      }
    }
    Duration latency = faults.latency(name);
    if (latency.isZero()) {
      send(event, response);
    } else {
      delays.schedule(() -> send(event, response), latency.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void send(CommandResponderEvent event, PDU response) {
    try {
      event
          .getMessageDispatcher()
          .returnResponsePdu(
              event.getMessageProcessingModel(),
              event.getSecurityModel(),
              event.getSecurityName(),
              event.getSecurityLevel(),
              response,
              event.getMaxSizeResponsePDU(),
              event.getStateReference(),
              new StatusInformation());
    } catch (Exception e) {
      // the manager went away; nothing to do
    }
  }

  static PDU answer(SwitchState sw, PDU request, int maxSize) {
    PDU response;
    if (request instanceof ScopedPDU scoped) {
      ScopedPDU r = new ScopedPDU();
      r.setContextEngineID(scoped.getContextEngineID());
      r.setContextName(scoped.getContextName());
      response = r;
    } else {
      response = new PDU();
    }
    response.setType(PDU.RESPONSE);
    // PITFALL: PDU.clone() does not keep the request id; a response without it looks like a timeout
    response.setRequestID(request.getRequestID());
    TreeMap<OID, Variable> mib = SwitchMib.build(sw);
    List<? extends VariableBinding> vbs = request.getVariableBindings();
    switch (request.getType()) {
      case PDU.GET -> {
        for (VariableBinding vb : vbs) {
          Variable v = mib.get(vb.getOid());
          response.add(new VariableBinding(vb.getOid(), v != null ? v : noSuch(mib, vb.getOid())));
        }
      }
      case PDU.GETNEXT -> {
        for (VariableBinding vb : vbs) {
          response.add(next(mib, vb.getOid()));
        }
      }
      default -> {
        int nonRep = Math.max(0, Math.min(request.getNonRepeaters(), vbs.size()));
        int maxRep = Math.max(0, Math.min(request.getMaxRepetitions(), 500));
        int budget = Math.max(484, maxSize) - 100;
        int size = 0;
        for (int i = 0; i < nonRep; i++) {
          VariableBinding n = next(mib, vbs.get(i).getOid());
          response.add(n);
          size += n.getBERLength();
        }
        OID[] cursor = new OID[vbs.size() - nonRep];
        for (int i = 0; i < cursor.length; i++) {
          cursor[i] = vbs.get(nonRep + i).getOid();
        }
        outer:
        for (int r = 0; r < maxRep && cursor.length > 0; r++) {
          boolean allEnd = true;
          for (int i = 0; i < cursor.length; i++) {
            VariableBinding n = next(mib, cursor[i]);
            size += n.getBERLength();
            if (size > budget && response.size() > 0) {
              break outer;
            }
            response.add(n);
            cursor[i] = n.getOid();
            allEnd &= n.getVariable() == Null.endOfMibView;
          }
          if (allEnd) {
            break;
          }
        }
      }
    }
    return response;
  }

  private static Variable noSuch(TreeMap<OID, Variable> mib, OID oid) {
    OID parent = oid.size() > 1 ? new OID(oid.getValue(), 0, oid.size() - 1) : oid;
    OID after = mib.ceilingKey(parent);
    if (after != null && after.startsWith(parent)) {
      return Null.noSuchInstance;
    }
    return Null.noSuchObject;
  }

  private static VariableBinding next(TreeMap<OID, Variable> mib, OID oid) {
    Map.Entry<OID, Variable> e = mib.higherEntry(oid);
    if (e == null) {
      return new VariableBinding(oid, Null.endOfMibView);
    }
    return new VariableBinding(e.getKey(), e.getValue());
  }

  @Override
  public void close() throws IOException {
    delays.shutdownNow();
    snmp.close();
  }

  static int version(CommandResponderEvent e) {
    return e.getMessageProcessingModel() == 3 ? SnmpConstants.version3 : SnmpConstants.version2c;
  }
}
