package dev.canopy.server.store;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Cloudforet-style ids: the kind's prefix, a dash and 12 random lowercase hex digits. */
public final class IdGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IdGenerator() {
    }

    /** A new id: {@code prefix-} and 12 random hex digits. */
    public static String next(String prefix) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }
}
