package io.longhaul.drivers.capability;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A cluster's management API (an HDFS NameNode, a service-mesh control plane, a desktop broker, a
 * Kubernetes API server) bound to its address, trust and credential. {@link #probe()} works for
 * every kind; the JSON calls are what a kind's capabilities (HDFS admin, mesh revisions, desktop
 * pools) are written on. Paths are relative to the cluster's base URL and may carry a query; each
 * is validated before anything is sent. Non-2xx answers throw typed device failures.
 */
public interface ClusterApi {

  /** The cluster's version and whether it reports itself healthy, in its kind's own terms. */
  ClusterHealth probe();

  /** GET, the answer as JSON (an empty answer is JSON null). */
  JsonNode get(String path);

  /** POST a JSON body (null sends none), the answer as JSON. */
  JsonNode post(String path, JsonNode body);

  /** PUT a JSON body, the answer as JSON. */
  JsonNode put(String path, JsonNode body);

  /** DELETE, the answer as JSON. */
  JsonNode delete(String path);
}
