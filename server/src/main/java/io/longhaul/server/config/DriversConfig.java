package io.longhaul.server.config;

import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.transport.http.HttpOptions;
import io.longhaul.drivers.transport.snmp.SnmpOptions;
import io.longhaul.drivers.transport.ssh.SshOptions;
import io.longhaul.server.lab.LabInventory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link Drivers} per process: its SSH pools, SNMP socket and HTTP pools are shared and closed
 * at exit.
 */
@Configuration(proxyBeanMethods = false)
public class DriversConfig {

  @Bean(destroyMethod = "close")
  Drivers drivers(LonghaulProperties props, ObjectProvider<LabInventory> lab) {
    // With the lab on, its host keys must be in known_hosts before any SSH pool reads the file.
    lab.ifAvailable(loaded -> {});
    var snmp = props.snmp();
    var http = props.http();
    return Drivers.create(
        SshOptions.defaults(props.ssh().knownHosts()),
        new SnmpOptions(snmp.timeout(), snmp.retries(), snmp.maxRepetitions()),
        HttpOptions.defaults()
            .withTimeouts(http.connectTimeout(), http.responseTimeout())
            .withMaxBodyBytes(http.maxBodyBytes()));
  }
}
