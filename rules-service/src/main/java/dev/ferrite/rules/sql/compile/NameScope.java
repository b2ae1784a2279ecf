package dev.ferrite.rules.sql.compile;

import java.util.Set;

/**
 * The names that an expression sees besides the message's fields: the FOREACH element's name,
 * the aliases of the field list being built (SELECT or DO), and the names FOREACH bound.
 */
record NameScope(String itemName, Set<String> rowAliases, Set<String> bindings) {

    static NameScope messageOnly() {
        return new NameScope(null, Set.of(), Set.of());
    }

    NameScope withRowAliases(Set<String> aliases) {
        return new NameScope(itemName, aliases, bindings);
    }

    NameScope withItem(String name) {
        return new NameScope(name, rowAliases, bindings);
    }
}
