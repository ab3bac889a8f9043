package org.unroll.ui.inspector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;

/**
 * The MatrixData made of a parameter tensor, kept by the tensor's identity (tensors of a walk are never
 * changed once computed), its title and its kind. Small: the tensors around the cursor. One per walk,
 * owned by the walk's {@code WalkData} (see {@link #of}), so it goes when the walk goes.
 */
final class ParamDataCache {

    private static final int KEEP = 64;

    private record Key(DMatrixRMaj m, String title, int kind) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.m == m && k.kind == kind && k.title.equals(title);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(m) * 31 + title.hashCode() * 7 + kind;
        }
    }

    private final Map<Key, MatrixData> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, MatrixData> eldest) {
            return size() > KEEP;
        }
    };

    private ParamDataCache() {
    }

    /** The cache of this walk's parameter views, made on first use. */
    static ParamDataCache of(org.unroll.engine.Walkthrough w) {
        return w.derived().once(ParamDataCache.class, ParamDataCache::new);
    }

    synchronized MatrixData get(DMatrixRMaj m, String title, int kind, Supplier<MatrixData> make) {
        return kept.computeIfAbsent(new Key(m, title, kind), k -> make.get());
    }
}
