package dev.canopy.plugins.demo;

import dev.canopy.plugin.api.collector.CollectedResource;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The demo estate of one set of options: {@code size} slots, each holding one cloud service at a time.
 * Everything about slot {@code i} at generation {@code g} is computed from {@code (seed, i, g)} alone,
 * in constant time, so items can be generated one by one, in any order, by any task or process.
 *
 * <p>How the estate changes: a slot has a kind (fixed), a lifetime of 60 to 140 generations and a phase
 * (both fixed). At every multiple of its lifetime (shifted by the phase) the slot's cloud service
 * disappears for good and a new one, with a new identity, takes its place: about 1% of the estate
 * disappears and as much appears at each generation, and the size stays exact. Within its life a cloud
 * service changes every {@code 1 / change_rate} generations (shifted by a phase of its own); each change
 * alters one attribute in turn, its state, its owner tag or its size, always to a different value.
 * Immutable and thread-safe.
 */
final class Estate {

    static final int MIN_LIFETIME = 60;
    static final int MAX_LIFETIME = 140;
    /** Attributes a change alters in turn: the state in data, the owner tag, the size. */
    static final int ATTRIBUTES = 3;
    /** Slots and generations must stay below these for identities to stay unique. */
    static final long MAX_SIZE = 1L << 36;
    static final long MAX_GENERATION = 1L << 33;

    private static final long REGION_SALT = 0x5EED_0F_2E610L;

    private final DemoCollectorOptions options;
    private final long changePeriod;
    private final String[] accounts;
    private final long identitySalt;

    Estate(DemoCollectorOptions options) {
        this.options = options;
        this.changePeriod = options.changeRate() == 0 ? 0 : Math.max(1, Math.round(1 / options.changeRate()));
        this.identitySalt = Draw.mix(options.seed(), 0x1D);
        this.accounts = new String[Cloud.values().length];
        for (Cloud cloud : Cloud.values()) {
            accounts[cloud.ordinal()] = options.account() != null ? options.account() : cloud.account(options.seed());
        }
    }

    DemoCollectorOptions options() {
        return options;
    }

    long size() {
        return options.size();
    }

    String account(Cloud cloud) {
        return accounts[cloud.ordinal()];
    }

    private long slotHash(long slot) {
        return Draw.mix(options.seed(), slot);
    }

    /** The kind of the cloud services a slot holds; cheap, for filtering by cloud. */
    ServiceKind kindOf(long slot) {
        return kindOfHash(slotHash(slot));
    }

    private static ServiceKind kindOfHash(long slotHash) {
        return ServiceKind.atPercent((int) ((slotHash >>> 33) % 100));
    }

    /** The cloud service a slot holds at the options' generation. */
    Incarnation incarnation(long slot) {
        long slotHash = slotHash(slot);
        ServiceKind kind = kindOfHash(slotHash);
        long lifetime = MIN_LIFETIME + (slotHash >>> 7) % (MAX_LIFETIME - MIN_LIFETIME + 1);
        long phase = (slotHash >>> 19) % lifetime;
        long generation = options.generation();
        long life = Math.floorDiv(generation + phase, lifetime);
        long firstGeneration = life * lifetime - phase;
        long identity = identity(slot, life);
        long changes = 0;
        int firstAttribute = (int) ((identity >>> 3) % ATTRIBUTES);
        if (changePeriod > 0) {
            long changePhase = (identity >>> 11) % changePeriod;
            changes = (generation - firstGeneration + changePhase) / changePeriod;
        }
        return new Incarnation(slot, kind, identity, region(kind, identity), firstGeneration,
                changesOf(changes, firstAttribute, 0), changesOf(changes, firstAttribute, 1), changesOf(changes, firstAttribute, 2));
    }

    /** How many of the first {@code changes} changes altered {@code attribute}: change {@code u} alters {@code (u + first) % 3}. */
    static long changesOf(long changes, int firstAttribute, int attribute) {
        long firstChange = Math.floorMod(attribute - firstAttribute, ATTRIBUTES);
        if (firstChange == 0) {
            firstChange = ATTRIBUTES;
        }
        return changes >= firstChange ? (changes - firstChange) / ATTRIBUTES + 1 : 0;
    }

    /**
     * A unique 64-bit identity per slot and life: the finaliser is a bijection, so distinct
     * {@code (slot, life)} pairs (slot below 2^36, life below 2^28) never share an identity, and the
     * resource ids and names made from all of its bits are unique too.
     */
    private long identity(long slot, long life) {
        return Draw.finish((slot | (life << 36)) ^ identitySalt);
    }

    private static Region region(ServiceKind kind, long identity) {
        if (kind == ServiceKind.GOOGLE_VPC_NETWORK) {
            return Cloud.GOOGLE_GLOBAL;
        }
        return kind.cloud().region(new Draw(identity ^ REGION_SALT));
    }

    /** The cloud service of a slot as a collected item. */
    CollectedResource cloudService(long slot) {
        Incarnation incarnation = incarnation(slot);
        return CloudServiceDraft.of(this, incarnation).toCollectedResource();
    }

    /** The kinds and regions the cloud services of the given clouds use; stops early once all are seen. */
    Usage usage(Set<Cloud> clouds) {
        Set<ServiceKind> allKinds = EnumSet.noneOf(ServiceKind.class);
        int allRegions = 0;
        for (ServiceKind kind : ServiceKind.values()) {
            if (clouds.contains(kind.cloud())) {
                allKinds.add(kind);
            }
        }
        for (Cloud cloud : clouds) {
            allRegions += cloud.regions().size() + (cloud == Cloud.GOOGLE_CLOUD ? 1 : 0);
        }
        Set<ServiceKind> kinds = EnumSet.noneOf(ServiceKind.class);
        Set<Region> regions = new LinkedHashSet<>();
        for (long slot = 0; slot < size() && (kinds.size() < allKinds.size() || regions.size() < allRegions); slot++) {
            ServiceKind kind = kindOf(slot);
            if (clouds.contains(kind.cloud())) {
                Incarnation incarnation = incarnation(slot);
                kinds.add(kind);
                regions.add(incarnation.region());
            }
        }
        return new Usage(kinds, regions);
    }

    /** What {@link #usage} found: kinds in declaration order, regions in order of first use. */
    record Usage(Set<ServiceKind> kinds, Set<Region> regions) {
    }

    /**
     * One life of a slot: the cloud service it holds at the generation.
     *
     * @param identity        what the cloud service's fixed values (its ids, name, type) derive from
     * @param firstGeneration the generation at which it appeared
     * @param stateChanges    how often its state in data changed since
     * @param tagChanges      how often its owner tag changed since
     * @param sizeChanges     how often its size changed since
     */
    record Incarnation(long slot, ServiceKind kind, long identity, Region region, long firstGeneration,
                       long stateChanges, long tagChanges, long sizeChanges) {
    }
}
