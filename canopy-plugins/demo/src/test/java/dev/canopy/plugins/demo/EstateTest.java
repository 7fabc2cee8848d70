package dev.canopy.plugins.demo;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic the estate relies on. */
class EstateTest {

    @Test
    void changesAreCountedPerAttributeInTurn() {
        for (int first = 0; first < Estate.ATTRIBUTES; first++) {
            long[] counted = new long[Estate.ATTRIBUTES];
            for (long changes = 0; changes <= 40; changes++) {
                if (changes > 0) {
                    counted[(int) ((changes + first) % Estate.ATTRIBUTES)]++;
                }
                for (int attribute = 0; attribute < Estate.ATTRIBUTES; attribute++) {
                    assertThat(Estate.changesOf(changes, first, attribute))
                            .as("changes of attribute %d after %d changes starting at %d", attribute, changes, first)
                            .isEqualTo(counted[attribute]);
                }
            }
        }
    }

    @Test
    void identitiesOfNeighbouringSlotsAndLivesDiffer() {
        Estate estate = new Estate(new DemoCollectorOptions(1000, 1, 5000, 3600, 0.02, null));
        Estate later = new Estate(new DemoCollectorOptions(1000, 1, 5200, 3600, 0.02, null));
        java.util.Set<Long> identities = new java.util.HashSet<>();
        for (long slot = 0; slot < 1000; slot++) {
            assertThat(identities.add(estate.incarnation(slot).identity())).isTrue();
            // 200 generations exceed every lifetime: each slot holds a new cloud service.
            assertThat(identities.add(later.incarnation(slot).identity())).isTrue();
            assertThat(later.incarnation(slot).kind()).isEqualTo(estate.incarnation(slot).kind());
        }
    }

    @Test
    void timestampsAreWrittenAsInstantWritesThem() {
        SplittableRandom random = new SplittableRandom(4);
        for (int round = 0; round < 20_000; round++) {
            long second = random.nextLong(0, 253_402_300_799L);
            assertThat(Timestamps.iso(second)).isEqualTo(Instant.ofEpochSecond(second).toString());
        }
        assertThat(Timestamps.iso(0)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Timestamps.iso(951_782_400)).isEqualTo("2000-02-29T00:00:00Z");
    }

    @Test
    void tokensAndHexKeepAllBits() {
        assertThat(Draw.hex16(0x0123_4567_89AB_CDEFL)).isEqualTo("0123456789abcdef");
        assertThat(Draw.token(0)).isEqualTo("0000000000000");
        assertThat(Draw.token(-1)).isEqualTo("fvvvvvvvvvvvv");
        assertThat(new Draw(3).uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
}
