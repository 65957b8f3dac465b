package otelgw.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapFootprintTest {

  private static final long MIB = 1024 * 1024;

  @Test
  void anArrayOfHalfARegionOrMoreTakesWholeRegions() {
    assertThat(HeapFootprint.of(700 * 1024, MIB)).isEqualTo(MIB);
    assertThat(HeapFootprint.of(MIB / 2, MIB)).isEqualTo(MIB);
    assertThat(HeapFootprint.of(MIB + 1, MIB)).isEqualTo(2 * MIB);
    assertThat(HeapFootprint.of(3 * MIB, MIB)).isEqualTo(3 * MIB);
  }

  @Test
  void smallerArraysAndOtherCollectorsAreChargedAsTheyAre() {
    assertThat(HeapFootprint.of(MIB / 2 - 1, MIB)).isEqualTo(MIB / 2 - 1);
    assertThat(HeapFootprint.of(700 * 1024, 0)).isEqualTo(700 * 1024);
  }

  @Test
  void readsThisJvmsRegionSize() {
    // Tests run on G1 (the default here); its regions are a power of two from 1 to 32 MiB.
    assertThat(HeapFootprint.REGION_SIZE).isBetween(MIB, 32 * MIB);
    assertThat(Long.bitCount(HeapFootprint.REGION_SIZE)).isEqualTo(1);
  }
}
