package dev.ferrite.rules.sql.functions;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Chance: random(), uuid_v4(), uuid_v4_no_hyphen(). */
final class RandomFunctions {

    private RandomFunctions() {
    }

    static void register(FunctionTable table) {
        table.defineImpure("random", 0, 0, (args, scope) -> ThreadLocalRandom.current().nextDouble());
        table.defineImpure("uuid_v4", 0, 0, (args, scope) -> UUID.randomUUID().toString());
        table.defineImpure("uuid_v4_no_hyphen", 0, 0, (args, scope) -> UUID.randomUUID().toString().replace("-", ""));
    }
}
