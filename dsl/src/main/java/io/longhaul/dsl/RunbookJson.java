package io.longhaul.dsl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.dsl.model.Runbook;

/** A validated runbook as the JSON a version stores and a run pins, and back. */
public final class RunbookJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private RunbookJson() {}

  public static String write(Runbook r) {
    try {
      return JSON.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a runbook did not serialise", e);
    }
  }

  public static Runbook read(String json) {
    try {
      return JSON.readValue(json, Runbook.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a stored runbook is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
