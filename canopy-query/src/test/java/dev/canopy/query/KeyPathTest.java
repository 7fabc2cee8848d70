package dev.canopy.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyPathTest {

    @Test
    void splitsDottedKeysIntoSegments() {
        assertThat(KeyPath.parse("data.compute.az", "k").segments()).containsExactly("data", "compute", "az");
        assertThat(KeyPath.parse("tags.aws:cloudformation:stack-name", "k").segments())
                .containsExactly("tags", "aws:cloudformation:stack-name");
    }

    @Test
    void quotesEverySegmentOfTheArrayLiteralSoNullStaysAString() {
        assertThat(KeyPath.parse("data.NULL", "k").array()).containsExactly("data", "NULL");
    }

    @Test
    void refusesCharactersThatCouldEscapeTheLiteral() {
        for (String key : new String[]{"a\"b", "a,b", "a{b", "a}b", "a\\b", "a b", "a'b", "a;b", "", "a.", ".a"}) {
            assertThatThrownBy(() -> KeyPath.parse(key, "filter[0].k"))
                    .as(key)
                    .isInstanceOfSatisfying(InvalidQueryException.class,
                            invalid -> assertThat(invalid.key()).isEqualTo("filter[0].k"));
        }
    }
}
