package io.longhaul.lab.hdfs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request's query parameters, decoded. */
record Query(Map<String, String> params) {
  static Query of(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        out.put(decode(k), decode(v));
      }
    }
    return new Query(out);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  String get(String name) {
    return params.get(name);
  }

  String get(String name, String fallback) {
    return params.getOrDefault(name, fallback);
  }

  long number(String name, long fallback) {
    String v = params.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid value for " + name + ": " + v);
    }
  }
}
