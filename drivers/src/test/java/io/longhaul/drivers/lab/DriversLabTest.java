package io.longhaul.drivers.lab;

import static io.longhaul.drivers.lab.LabSupport.lab;

import io.longhaul.drivers.Drivers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** One Drivers instance per test class against the shared lab; faults never leak between tests. */
abstract class DriversLabTest {
  protected static Drivers drivers;

  @BeforeAll
  static void startDrivers() {
    drivers = LabSupport.drivers();
  }

  @AfterAll
  static void stopDrivers() {
    drivers.close();
  }

  @AfterEach
  void clearFaults() {
    lab().faults().clearAll();
  }
}
