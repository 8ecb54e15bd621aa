package id.lumbung.synthetic;

/**
 * The next serial (0001, 0002, ...) per identifier prefix: a NIK's {@code PPKKCC DDMMYY} or a No. KK's
 * {@code PPKKCC ddmmyy}. An open-addressing int → counter table, because a million families make
 * millions of prefixes and boxed maps would take several times the memory.
 */
final class Serials {

    private int[] keys;
    private char[] counts;
    private int size;

    Serials(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        counts = new char[capacity];
    }

    /**
     * The prefix key: district index (below 2^13), two-digit year, month, day (+40 for women encoded
     * through {@code female}). Fits in 31 bits.
     */
    static int key(int district, int yy, int month, int day, boolean female) {
        return district * 74_400 + (((yy * 12 + month - 1) * 31 + day - 1) << 1) + (female ? 1 : 0);
    }

    /** The next serial for a prefix, from 1. */
    int next(int key) {
        int stored = key + 1;
        int mask = keys.length - 1;
        int i = mix(stored) & mask;
        while (true) {
            int k = keys[i];
            if (k == stored) {
                if (counts[i] == 9_999) {
                    throw new IllegalStateException("more than 9999 identifiers share one prefix");
                }
                return ++counts[i];
            }
            if (k == 0) {
                keys[i] = stored;
                counts[i] = 1;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return 1;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        int[] oldKeys = keys;
        char[] oldCounts = counts;
        keys = new int[oldKeys.length << 1];
        counts = new char[oldKeys.length << 1];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
