package io.github.cameldeck.simulator.files;

import java.nio.ByteBuffer;

/** A file's bytes, produced in order one piece at a time, so no file is ever held whole in memory. */
interface Pieces {

    /** Largest piece a generator produces at once (plus a few bytes of framing). */
    int BLOCK = 64 * 1024;

    /** The next piece, readable until the next call, or null after the last one. */
    ByteBuffer next();
}
