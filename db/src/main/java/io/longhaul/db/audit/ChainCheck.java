package io.longhaul.db.audit;

/**
 * What walking the chain found: {@code rows} walked, the last one ({@code headId}, {@code
 * headHash}; null for an empty log), the first entry whose link or MAC does not hold (null: none),
 * and how many leading rows carry only the unkeyed hash of versions before the keyed chain.
 */
public record ChainCheck(
    long rows, Long headId, String headHash, Long firstBrokenId, long legacyRows) {

  public boolean intact() {
    return firstBrokenId == null;
  }
}
