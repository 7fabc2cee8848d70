package dev.canopy.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void makesPrefixedTwelveHexDigitIds() {
        assertThat(IdGenerator.next("project")).matches("project-[0-9a-f]{12}");
    }

    @Test
    void doesNotRepeatItselfOverManyIds() {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < 200_000; index++) {
            assertThat(seen.add(IdGenerator.next("x"))).isTrue();
        }
    }
}
