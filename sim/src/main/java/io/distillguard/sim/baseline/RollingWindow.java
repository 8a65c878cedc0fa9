package io.distillguard.sim.baseline;

/**
 * A sum over a sliding time window kept as a ring of fixed-width slots: the window is the slot of the
 * newest event and the {@code slots - 1} slots before it, so its span is between
 * {@code (slots - 1) * slotMillis} and {@code slots * slotMillis}. Fixed memory whatever the traffic.
 *
 * <p>Events should arrive in time order (as a gateway sees them). An event older than the newest one is
 * added to its slot when that slot is still inside the window and otherwise ignored, because its window
 * has already passed.
 */
final class RollingWindow {

    private final long slotMillis;
    private final long[] slots;
    private long headSlot = Long.MIN_VALUE;
    private long total;

    RollingWindow(int slots, long slotMillis) {
        if (slots < 1 || slotMillis < 1) {
            throw new IllegalArgumentException("slots and slotMillis must be >= 1");
        }
        this.slots = new long[slots];
        this.slotMillis = slotMillis;
    }

    /** Adds {@code amount} at {@code tsMillis} and returns the window total after the addition. */
    long add(long tsMillis, long amount) {
        long s = Math.floorDiv(tsMillis, slotMillis);
        if (headSlot == Long.MIN_VALUE) {
            headSlot = s;
        }
        if (s > headSlot) {
            long steps = Math.min(s - headSlot, slots.length);
            for (long k = 1; k <= steps; k++) {
                int idx = (int) Math.floorMod(headSlot + k, (long) slots.length);
                total -= slots[idx];
                slots[idx] = 0;
            }
            headSlot = s;
        }
        if (s > headSlot - slots.length) {
            slots[(int) Math.floorMod(s, (long) slots.length)] += amount;
            total += amount;
        }
        return total;
    }
}
