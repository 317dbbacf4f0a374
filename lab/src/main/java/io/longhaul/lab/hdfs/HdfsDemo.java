package io.longhaul.lab.hdfs;

import java.util.List;

/**
 * The demo cluster's BUs (seed 002's shapes): {@code flight}, a BU of 5 M blocks and 1 PB logical
 * in Hive databases and user homes, and {@code hotel}, a small one; both read the public tables
 * under {@code /public}. Every replica starts in DC B (3:0).
 */
public final class HdfsDemo {
  /** Average bytes a block of the demo holds: 1 PB in 5 M blocks. */
  public static final long BLOCK_BYTES = 200_000_000L;

  private HdfsDemo() {}

  public static void populate(HdfsCluster c) {
    String wh = "/user/hive/warehouse/";
    dir(c, wh + "flight.db/orders", "flight_etl", 40_000, 2_000_000);
    dir(c, wh + "flight.db/segments", "flight_etl", 30_000, 1_500_000);
    dir(c, wh + "flight.db/fares", "flight_etl", 20_000, 1_000_000);
    dir(c, "/user/flight_bi", "flight_bi", 10_000, 500_000);
    dir(c, wh + "hotel.db/bookings", "hotel_etl", 400, 2_000);
    dir(c, wh + "hotel.db/rooms", "hotel_etl", 100, 500);
    dir(c, "/user/hotel_bi", "hotel_bi", 50, 500);
    dir(c, "/public/dim_city", "hdfs", 10, 100);
    c.addBu(
        new Bu(
            "flight",
            List.of(wh + "flight.db", "/user/flight_bi"),
            List.of("/public/dim_city"),
            List.of("flight_etl", "flight_bi"),
            List.of("flight"),
            4_000_000_000L));
    c.addBu(
        new Bu(
            "hotel",
            List.of(wh + "hotel.db", "/user/hotel_bi"),
            List.of("/public/dim_city"),
            List.of("hotel_etl", "hotel_bi"),
            List.of("hotel"),
            500_000_000L));
  }

  private static void dir(HdfsCluster c, String path, String owner, long files, long blocks) {
    c.addDirectory(path, owner, files, blocks, blocks * BLOCK_BYTES);
  }
}
