package dev.ferrite.gateway.routing;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The filters one client has subscribed to, as it wrote them, so that ending its session visits
 * only its own nodes. Most clients (devices) hold one or two, so they sit in a plain array
 * (with a HashSet each the 1M-subscription benchmark tree took 740 MB, with arrays 608 MB);
 * past {@link #ARRAY_LIMIT} a set keeps adds and removes constant-time for clients with many
 * filters. Used only inside the client's entry of the tree's client map, so by one thread at a
 * time.
 */
final class ClientFilters {

    static final int ARRAY_LIMIT = 16;

    private String[] array = new String[0];
    private Set<String> set;

    void add(String filter) {
        if (set != null) {
            set.add(filter);
        } else if (indexOf(filter) < 0) {
            if (array.length == ARRAY_LIMIT) {
                set = new HashSet<>(Arrays.asList(array));
                set.add(filter);
                array = null;
            } else {
                array = Arrays.copyOf(array, array.length + 1);
                array[array.length - 1] = filter;
            }
        }
    }

    boolean remove(String filter) {
        if (set != null) {
            return set.remove(filter);
        }
        int index = indexOf(filter);
        if (index < 0) {
            return false;
        }
        String[] shrunk = new String[array.length - 1];
        System.arraycopy(array, 0, shrunk, 0, index);
        System.arraycopy(array, index + 1, shrunk, index, array.length - index - 1);
        array = shrunk;
        return true;
    }

    boolean isEmpty() {
        return set != null ? set.isEmpty() : array.length == 0;
    }

    Iterable<String> all() {
        return set != null ? set : List.of(array);
    }

    private int indexOf(String filter) {
        for (int i = 0; i < array.length; i++) {
            if (array[i].equals(filter)) {
                return i;
            }
        }
        return -1;
    }
}
