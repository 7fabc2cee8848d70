package dev.canopy.plugins.demo;

/**
 * A small, fast, deterministic source of values for one generated item: SplitMix64 over a 64-bit
 * state. Not thread-safe; one per item, created from a hash of what identifies the item, so an item's
 * values depend on nothing but that hash.
 */
final class Draw {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] BASE32 = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private static final String[] DOCUMENTATION_NETWORKS = {"192.0.2.", "198.51.100.", "203.0.113."};

    private long state;

    Draw(long seed) {
        this.state = seed;
    }

    /** A well-mixed hash of two values (Stafford's variant 13 finaliser, as in SplitMix64). */
    static long mix(long first, long second) {
        return finish(first * GOLDEN_GAMMA + second + 0x632BE59BD9B4E019L);
    }

    static long finish(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return finish(state);
    }

    /** A value in {@code [0, bound)}; the tiny modulo bias does not matter for made-up data. */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    int between(int lowest, int highest) {
        return lowest + nextInt(highest - lowest + 1);
    }

    /** True with the given chance in percent. */
    boolean percent(int chance) {
        return nextInt(100) < chance;
    }

    <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }

    <T> T pick(java.util.List<T> values) {
        return values.get(nextInt(values.size()));
    }

    /** {@code digits} lowercase hexadecimal digits. */
    String hex(int digits) {
        char[] chars = new char[digits];
        long bits = nextLong();
        for (int position = 0; position < digits; position++) {
            if (position % 16 == 15) {
                bits = nextLong();
            }
            chars[position] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(chars);
    }

    /** {@code digits} decimal digits, the first one not zero. */
    String digits(int digits) {
        char[] chars = new char[digits];
        chars[0] = (char) ('1' + nextInt(9));
        for (int position = 1; position < digits; position++) {
            chars[position] = (char) ('0' + nextInt(10));
        }
        return new String(chars);
    }

    /** All 64 bits as 16 hexadecimal digits: unique ids stay unique. */
    static String hex16(long value) {
        char[] chars = new char[16];
        for (int position = 15; position >= 0; position--) {
            chars[position] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(chars);
    }

    /**
     * All 64 bits in 13 lowercase base-32 digits ({@code 0-9a-v}), for unique resource names: shorter
     * than hexadecimal, and as cheap.
     */
    static String token(long value) {
        char[] chars = new char[13];
        for (int position = 12; position >= 0; position--) {
            chars[position] = BASE32[(int) (value & 0x1F)];
            value >>>= 5;
        }
        return new String(chars);
    }

    /** A random (version 4) UUID in its usual text form. */
    String uuid() {
        char[] chars = new char[36];
        long high = nextLong();
        long low = nextLong();
        int position = 0;
        for (int digit = 0; digit < 32; digit++) {
            if (digit == 8 || digit == 12 || digit == 16 || digit == 20) {
                chars[position++] = '-';
            }
            long bits = digit < 16 ? high >>> (60 - 4 * digit) : low >>> (60 - 4 * (digit - 16));
            int nibble = (int) (bits & 0xF);
            if (digit == 12) {
                nibble = 4;
            } else if (digit == 16) {
                nibble = 8 | (nibble & 3);
            }
            chars[position++] = HEX[nibble];
        }
        return new String(chars);
    }

    /** A private address in {@code 10.0.0.0/8}. */
    String privateIp() {
        long bits = nextLong();
        return "10." + (bits & 0xFF) + '.' + ((bits >>> 8) & 0xFF) + '.' + (1 + ((bits >>> 16) & 0xFF) % 254);
    }

    /** A public-looking address from the documentation ranges (RFC 5737), never a real host. */
    String publicIp() {
        long bits = nextLong();
        return DOCUMENTATION_NETWORKS[(int) ((bits >>> 1) % 3)] + (1 + ((bits >>> 8) & 0xFF) % 254);
    }
}
