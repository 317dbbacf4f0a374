package io.longhaul.api.inventory;

import io.longhaul.api.error.BadRequestException;
import io.longhaul.db.credential.CredentialScopes;
import java.util.ArrayList;
import java.util.List;

/** A list of CIDRs from a request, each checked by PostgreSQL's own parser (400 naming it). */
final class Cidrs {
  static final int MAX = 64;

  private Cidrs() {}

  static List<String> canonical(CredentialScopes scopes, String field, List<String> cidrs) {
    if (cidrs == null) {
      throw new BadRequestException(field, "is required (an empty list allows none)");
    }
    if (cidrs.size() > MAX) {
      throw new BadRequestException(field, "at most " + MAX + " networks");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < cidrs.size(); i++) {
      String c = cidrs.get(i);
      String name = field + "[" + i + "]";
      if (c == null || !c.matches(Patterns.CIDR)) {
        throw new BadRequestException(name, "is not a CIDR such as 10.0.0.0/24");
      }
      out.add(
          scopes
              .canonicalCidr(c)
              .orElseThrow(
                  () -> new BadRequestException(name, "is not a network (are host bits set?)")));
    }
    return out;
  }
}
