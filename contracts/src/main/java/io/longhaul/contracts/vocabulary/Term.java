package io.longhaul.contracts.vocabulary;

/**
 * A word of the run vocabulary: {@link #value()} is how it is spelled on the wire, in PostgreSQL
 * and in the portal. Records that cross Temporal keep the spelled value (a {@code String}), so
 * recorded histories and stored JSON stay exactly as they were; code names the enum.
 */
public interface Term {
  String value();

  /** The term of {@code type} spelled {@code value}. */
  static <E extends Enum<E> & Term> E parse(Class<E> type, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.value().equals(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + Vocabulary.nameOf(type) + " " + value);
  }

  /** Whether {@code value} spells this term. */
  default boolean is(String value) {
    return value().equals(value);
  }
}
