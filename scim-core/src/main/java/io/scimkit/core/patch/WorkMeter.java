package io.scimkit.core.patch;

/**
 * Counts the work a PATCH request does on multi-valued attributes that grows with their size:
 * elements copied between lists and elements put into an {@link ElementIndex}. The engine's
 * cost per simple operation (an {@code add} without filter, RFC 7644 §3.5.2.1) must not grow with
 * the attribute, so a request of N such operations copies and indexes O(N) elements in all; tests
 * check that with a counting meter, without timing anything. Not thread-safe.
 */
interface WorkMeter {
    /** The meter that counts nothing, for every request outside tests. */
    WorkMeter NONE = new WorkMeter() {
        @Override
        public void copied(int elements) {
        }

        @Override
        public void indexed(int elements) {
        }
    };

    /** Some elements were copied from one list to another. */
    void copied(int elements);

    /** Some elements were put into an element index. */
    void indexed(int elements);
}
