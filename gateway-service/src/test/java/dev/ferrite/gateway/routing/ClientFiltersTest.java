package dev.ferrite.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The per-client filter list behind removeAll, on both sides of its array limit. */
class ClientFiltersTest {

    private final ClientFilters filters = new ClientFilters();

    @Test
    void keepsEachFilterOnceAndRemovesIt() {
        filters.add("a/b");
        filters.add("a/b");
        filters.add("$share/g/a/b");

        assertThat(filters.all()).containsExactlyInAnyOrder("a/b", "$share/g/a/b");
        assertThat(filters.remove("a/b")).isTrue();
        assertThat(filters.remove("a/b")).isFalse();
        assertThat(filters.remove("$share/g/a/b")).isTrue();
        assertThat(filters.isEmpty()).isTrue();
    }

    @Test
    void keepsEveryFilterPastTheArrayLimit() {
        List<String> added = new ArrayList<>();
        for (int i = 0; i < ClientFilters.ARRAY_LIMIT * 3; i++) {
            added.add("f/" + i);
            filters.add("f/" + i);
            filters.add("f/" + i);
        }

        assertThat(filters.all()).containsExactlyInAnyOrderElementsOf(added);
        for (String filter : added) {
            assertThat(filters.remove(filter)).isTrue();
        }
        assertThat(filters.isEmpty()).isTrue();
    }
}
