package io.longhaul.lab;

import java.util.ArrayList;
import java.util.List;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/** A SNMP4J manager for tests: GETBULK walks in v2c or v3 authPriv. */
final class Snmp implements AutoCloseable {
  private final org.snmp4j.Snmp snmp;
  private final Target<UdpAddress> target;

  Snmp(Lab lab, String device, boolean v3) throws Exception {
    snmp = new org.snmp4j.Snmp(new DefaultUdpTransportMapping());
    LabDevice d = lab.device(device);
    UdpAddress addr = new UdpAddress(d.snmp().getAddress(), d.snmp().getPort());
    if (v3) {
      SecurityProtocols.getInstance().addAuthenticationProtocol(new AuthHMAC192SHA256());
      SecurityProtocols.getInstance().addPrivacyProtocol(new PrivAES128());
      USM usm =
          new USM(SecurityProtocols.getInstance(), new OctetString(MPv3.createLocalEngineID()), 0);
      ((MPv3) snmp.getMessageProcessingModel(MPv3.ID))
          .setSecurityModels(new SecurityModels().addSecurityModel(usm));
      LabCredentials c = lab.credentials();
      usm.addUser(
          new UsmUser(
              new OctetString(c.snmpV3User()),
              AuthHMAC192SHA256.ID,
              new OctetString(c.snmpV3AuthPassword()),
              PrivAES128.ID,
              new OctetString(c.snmpV3PrivPassword())));
      UserTarget<UdpAddress> t = new UserTarget<>();
      t.setSecurityLevel(SecurityLevel.AUTH_PRIV);
      t.setSecurityName(new OctetString(c.snmpV3User()));
      t.setVersion(SnmpConstants.version3);
      t.setAddress(addr);
      target = t;
    } else {
      CommunityTarget<UdpAddress> t =
          new CommunityTarget<>(addr, new OctetString(lab.credentials().snmpCommunity()));
      t.setVersion(SnmpConstants.version2c);
      target = t;
    }
    target.setTimeout(1500);
    target.setRetries(1);
    snmp.listen();
  }

  void timeout(long ms) {
    target.setTimeout(ms);
    target.setRetries(0);
  }

  /** GETBULK walk of a subtree; null when the agent did not answer. */
  List<VariableBinding> walk(String root) throws Exception {
    OID base = new OID(root);
    OID cursor = base;
    List<VariableBinding> out = new ArrayList<>();
    while (true) {
      PDU pdu = target.getVersion() == SnmpConstants.version3 ? new ScopedPDU() : new PDU();
      pdu.setType(PDU.GETBULK);
      pdu.setMaxRepetitions(25);
      pdu.add(new VariableBinding(cursor));
      ResponseEvent<UdpAddress> r = snmp.send(pdu, target);
      if (r.getResponse() == null) {
        return null;
      }
      for (VariableBinding vb : r.getResponse().getVariableBindings()) {
        if (!vb.getOid().startsWith(base) || vb.isException()) {
          return out;
        }
        out.add(vb);
        cursor = vb.getOid();
      }
    }
  }

  @Override
  public void close() throws Exception {
    snmp.close();
  }
}
