package dev.flarescope.ui.render.timeline;

import dev.flarescope.model.AsyncTable;
import dev.flarescope.model.SpanTable;

/** What the slice painter needs to know about a slice besides its time: name, colour name and flags. */
interface SliceAttributes {
    int name(int i);

    /** {@code cname} id or -1. */
    int cname(int i);

    byte flags(int i);

    static SliceAttributes of(SpanTable t) {
        return new SliceAttributes() {
            @Override
            public int name(int i) {
                return t.name(i);
            }

            @Override
            public int cname(int i) {
                return t.cname(i);
            }

            @Override
            public byte flags(int i) {
                return t.flags(i);
            }
        };
    }

    static SliceAttributes of(AsyncTable t) {
        return new SliceAttributes() {
            @Override
            public int name(int i) {
                return t.name(i);
            }

            @Override
            public int cname(int i) {
                return -1;
            }

            @Override
            public byte flags(int i) {
                return t.flags(i);
            }
        };
    }
}
