package io.longhaul.server.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The api role: REST API, security, reconciler. Without it the process serves no HTTP. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${longhaul.roles:api,worker}'.contains('api')")
@ComponentScan("io.longhaul.api")
public class ApiRole {}
