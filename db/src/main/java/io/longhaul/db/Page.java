package io.longhaul.db;

import java.util.List;

/** One page of a keyset-paginated listing; {@code next} is the cursor for the following page. */
public record Page<T>(List<T> items, String next) {}
